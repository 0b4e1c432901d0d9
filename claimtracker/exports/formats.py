"""The export formats by their fixed names, and `export()`, which streams claims in one of them.

The citation formats (BibTeX, RIS, CSL-JSON and the formatted styles) give one
reference per work — the document — with its claims as notes (DESIGN §5), so
they read claims by document; the data formats (CSV, JSON, ClaimReview, Web
Annotation) give one row or object per claim. Either way claims are read in
chunks (reading.py) and memory does not grow with the size of the export.
"""

import itertools
from dataclasses import dataclass, field
from functools import partial

from . import bibtex, csl, jsonld, ris, styles, tabular
from .reading import CITATION, DATA, LINKED, in_chunks, texts_of
from .records import record
from .works import work_of


@dataclass(frozen=True)
class Format:
    name: str
    label: str
    content_type: str
    extension: str
    write: object  # (work, records) groups or records -> iterable of str
    needs: str = CITATION
    per_work: bool = True
    options: dict = field(default_factory=dict)  # option name -> the writer's keyword


STYLE_LABELS = {
    "apa": "APA 7",
    "chicago-note": "Chicago 18 (notes and bibliography)",
    "chicago-author-date": "Chicago 18 (author-date)",
    "mla": "MLA 9",
}
FORMATS = {
    f.name: f
    for f in [
        Format("bibtex", "BibTeX (biblatex)", "application/x-bibtex; charset=utf-8", "bib", bibtex.bibtex),
        Format("ris", "RIS", "application/x-research-info-systems; charset=utf-8", "ris", ris.ris),
        Format(
            "csljson",
            "CSL-JSON",
            "application/vnd.citationstyles.csl+json; charset=utf-8",
            "json",
            csl.csljson,
        ),
        Format("csv", "CSV", "text/csv; charset=utf-8", "csv", tabular.csv_rows, DATA, False, {"bom": "bom"}),
        Format("json", "JSON", "application/json; charset=utf-8", "json", tabular.json_data, DATA, False),
        Format(
            "claimreview",
            "schema.org ClaimReview (JSON-LD)",
            "application/ld+json; charset=utf-8",
            "jsonld",
            jsonld.claimreview,
            LINKED,
            False,
        ),
        Format(
            "webannotation",
            "W3C Web Annotation (JSON-LD)",
            'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8',
            "jsonld",
            jsonld.webannotation,
            LINKED,
            False,
        ),
        *[
            Format(
                name,
                label,
                "text/plain; charset=utf-8",
                "txt",
                partial(styles.formatted, style=name),
                options={"html": "html"},
            )
            for name, label in STYLE_LABELS.items()
        ],
    ]
}
HTML_TYPE = "text/html; charset=utf-8"


class UnknownFormat(ValueError):
    def __init__(self, name):
        super().__init__(f"Unknown format “{name}”. Valid formats: {', '.join(FORMATS)}.")


def format_named(name):
    try:
        return FORMATS[name]
    except KeyError:
        raise UnknownFormat(name) from None


def records_of(claims, chosen, base_url, with_notes, progress):
    """A Record per claim, chunk by chunk; for the formats that cite works, each document's
    Work made once."""
    for batch in in_chunks(claims, chosen.needs, with_notes, by_work=chosen.per_work):
        texts, works = texts_of(batch), {}
        for claim in batch:
            document, work = claim.document, None
            if chosen.per_work:
                if document.pk not in works:
                    works[document.pk] = work_of(document, document.bylines.all())
                work = works[document.pk]
            yield record(claim, base_url, texts.get(document.pk), work)
            if progress:
                progress(1)


def by_work(records):
    """(work, [records]) for each run of records of one document."""
    for _, group in itertools.groupby(records, key=lambda record: record.document.pk):
        group = list(group)
        yield group[0].work, group


def export(claims, name, base_url, progress=None, with_notes=True, **options):
    """(chunks of UTF-8 bytes, content type, file name) of `claims` in the format `name`;
    researchers' working notes only `with_notes` (for signed-in users). Options a format
    takes: `bom` (CSV: a byte order mark, for Excel), `html` (the styles as rich text)."""
    chosen = format_named(name)
    records = records_of(claims, chosen, base_url, with_notes, progress)
    keywords = {
        chosen.options[key]: value for key, value in options.items() if key in chosen.options and value
    }
    texts = chosen.write(by_work(records) if chosen.per_work else records, **keywords)
    html = keywords.get("html")
    content_type = HTML_TYPE if html else chosen.content_type
    return buffered(texts), content_type, f"claims.{'html' if html else chosen.extension}"


def buffered(texts, size=1 << 16):
    """The texts joined into blocks of about `size` characters, as UTF-8: fewer, larger writes."""
    parts, length = [], 0
    for text in texts:
        parts.append(text)
        length += len(text)
        if length >= size:
            yield "".join(parts).encode("utf-8")
            parts, length = [], 0
    if parts:
        yield "".join(parts).encode("utf-8")

"""The export formats by their fixed names, and `export()`, which streams claims in one of them.

Claims are read in chunks with their related rows prefetched per chunk, so
memory does not grow with the size of the export."""

from dataclasses import dataclass
from functools import partial

from django.db.models import Prefetch

from claimtracker.corpus.models import Link, SpeakerRole, Statistic

from . import styles, writers
from .records import record

CHUNK = 1000


@dataclass(frozen=True)
class Format:
    name: str
    label: str
    content_type: str
    extension: str
    write: object  # records -> iterable of str


FORMATS = {
    f.name: f
    for f in [
        Format("bibtex", "BibTeX (biblatex)", "application/x-bibtex; charset=utf-8", "bib", writers.bibtex),
        Format("ris", "RIS", "application/x-research-info-systems; charset=utf-8", "ris", writers.ris),
        Format(
            "csljson",
            "CSL-JSON",
            "application/vnd.citationstyles.csl+json; charset=utf-8",
            "json",
            writers.csljson,
        ),
        Format("csv", "CSV", "text/csv; charset=utf-8", "csv", writers.csv_rows),
        Format("json", "JSON", "application/json; charset=utf-8", "json", writers.json_data),
        *[
            Format(
                name,
                label,
                "text/plain; charset=utf-8",
                "txt",
                partial(styles.formatted, style=name, csl_item=writers.csl_item),
            )
            for name, label in [
                ("apa", "APA 7"),
                ("chicago-note", "Chicago (notes and bibliography)"),
                ("chicago-author-date", "Chicago (author-date)"),
                ("mla", "MLA 9"),
            ]
        ],
    ]
}


class UnknownFormat(ValueError):
    def __init__(self, name):
        super().__init__(f"Unknown format “{name}”. Valid formats: {', '.join(FORMATS)}.")


def format_named(name):
    try:
        return FORMATS[name]
    except KeyError:
        raise UnknownFormat(name) from None


def prepared(claims):
    """`claims` with everything a citation or a data row shows, fetched per chunk."""
    return (
        claims.select_related("document__publisher", "speaker", "role__organisation")
        .defer("document__text")
        .prefetch_related(
            "topics",
            Prefetch("statistics", queryset=Statistic.objects.select_related("metric")),
            Prefetch(
                "links_out", queryset=Link.objects.only("id", "source_id", "target_id", "relation", "note")
            ),
            Prefetch(
                "links_in", queryset=Link.objects.only("id", "source_id", "target_id", "relation", "note")
            ),
            Prefetch(
                "speaker__roles",
                queryset=SpeakerRole.objects.select_related("organisation"),
                to_attr="all_roles",
            ),
        )
        .order_by("pk")
    )


def export(claims, name, base_url, progress=None):
    """(chunks of UTF-8 bytes, content type, file name) of `claims` in the format `name`."""
    chosen = format_named(name)

    def records():
        for claim in prepared(claims).iterator(chunk_size=CHUNK):
            yield record(claim, base_url)
            if progress:
                progress(1)

    chunks = (text.encode("utf-8") for text in chosen.write(records()))
    return chunks, chosen.content_type, f"claims.{chosen.extension}"

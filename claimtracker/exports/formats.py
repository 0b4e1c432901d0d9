"""The export formats by their fixed names, and `export()`, which streams claims in one of them.

Claims are read in chunks with their related rows prefetched per chunk, so
memory does not grow with the size of the export."""

from dataclasses import dataclass
from functools import partial

from django.db.models import Prefetch

from claimtracker.corpus.models import Link, SpeakerRole, Statistic

from . import jsonld, styles, writers
from .records import record

CHUNK = 1000


CITATION, DATA, LINKED = "citation", "data", "linked"  # what a format reads beyond the claim itself


@dataclass(frozen=True)
class Format:
    name: str
    label: str
    content_type: str
    extension: str
    write: object  # records -> iterable of str
    needs: str = CITATION


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
        Format("csv", "CSV", "text/csv; charset=utf-8", "csv", writers.csv_rows, DATA),
        Format("json", "JSON", "application/json; charset=utf-8", "json", writers.json_data, DATA),
        Format(
            "claimreview",
            "schema.org ClaimReview (JSON-LD)",
            "application/ld+json; charset=utf-8",
            "jsonld",
            jsonld.claimreview,
            LINKED,
        ),
        Format(
            "webannotation",
            "W3C Web Annotation (JSON-LD)",
            'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8',
            "jsonld",
            jsonld.webannotation,
            LINKED,
        ),
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


def prepared(claims, needs=DATA):
    """`claims` with what the format shows, fetched per chunk: less for a citation than for data."""
    claims = (
        claims.select_related("document__publisher", "speaker", "role__organisation")
        .defer("document__text")
        .prefetch_related(
            Prefetch(
                "speaker__roles",
                queryset=SpeakerRole.objects.select_related("organisation"),
                to_attr="all_roles",
            )
        )
        .order_by("pk")
    )
    if needs == CITATION:
        return claims
    claims = claims.prefetch_related(
        "topics", Prefetch("statistics", queryset=Statistic.objects.select_related("metric"))
    )
    if needs == DATA:
        links = Link.objects.only("id", "source_id", "target_id", "relation", "note")
        return claims.prefetch_related(
            Prefetch("links_out", queryset=links), Prefetch("links_in", queryset=links)
        )
    linked = Link.objects.select_related("source__document", "target__document").defer(
        "source__document__text", "target__document__text"
    )
    return claims.prefetch_related(
        "annotations", Prefetch("links_out", queryset=linked), Prefetch("links_in", queryset=linked)
    )


def export(claims, name, base_url, progress=None):
    """(chunks of UTF-8 bytes, content type, file name) of `claims` in the format `name`."""
    chosen = format_named(name)

    def records():
        for claim in prepared(claims, chosen.needs).iterator(chunk_size=CHUNK):
            yield record(claim, base_url)
            if progress:
                progress(1)

    chunks = (text.encode("utf-8") for text in chosen.write(records()))
    return chunks, chosen.content_type, f"claims.{chosen.extension}"

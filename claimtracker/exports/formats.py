"""The export formats by their fixed names, and `export()`, which streams claims in one of them.

Claims are read in chunks with their related rows prefetched per chunk, so
memory does not grow with the size of the export."""

from collections import namedtuple
from dataclasses import dataclass
from functools import partial

from django.db.models import Prefetch

from claimtracker.corpus.models import (
    Annotation,
    Claim,
    Document,
    Link,
    Speaker,
    SpeakerRole,
    Statistic,
)

from . import jsonld, styles, writers
from .records import record

CHUNK = 2500
TopicName = namedtuple("TopicName", "name")  # all an export reads of a topic, without a model instance


class FigureRow(
    namedtuple(
        "FigureRow", "metric__name value unit qualifier period_label period_start period_end geography"
    )
):
    """What the data formats read of a statistic, reading as Statistic does."""

    @property
    def metric(self):
        return TopicName(self.metric__name)  # anything with a .name

    @property
    def display_value(self):
        return f"{self.value.normalize():,f}"

    def __str__(self):
        qualifier = "" if self.qualifier == "exact" else f"{Statistic.Qualifier(self.qualifier).label} "
        period = f" ({self.period_label})" if self.period_label else ""
        return f"{self.metric__name}: {qualifier}{self.display_value} {self.unit}".rstrip() + period


class LinkRow(namedtuple("LinkRow", "source_id target_id relation note")):
    """What the data formats read of a link, without a model instance."""

    def get_relation_display(self):
        return Link.Relation(self.relation).label

    @property
    def inverse_label(self):
        return Link.INVERSE[self.relation]


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
    # Documents, speakers and roles are prefetched, not joined: a chunk's claims then share
    # one instance of each document and speaker instead of building one per claim.
    roles = SpeakerRole.objects.select_related("organisation")
    claims = claims.prefetch_related(
        Prefetch("document", queryset=Document.objects.select_related("publisher").defer("text")),
        Prefetch("speaker", queryset=Speaker.objects.prefetch_related(Prefetch("roles", roles, "all_roles"))),
        Prefetch("role", queryset=roles),
    ).order_by("pk")
    return claims


def in_chunks(claims, needs, with_notes=True):
    """The claims, CHUNK at a time by id, with topics and links attached per chunk.

    Topics and links are read as a few plain queries per chunk and grouped in
    Python: Django's prefetch of them cost more than the export itself."""
    claims, last = prepared(claims, needs), 0
    while batch := list(claims.filter(pk__gt=last)[:CHUNK]):
        if needs != CITATION:
            attach(batch, needs, with_notes)
        yield from batch
        last = batch[-1].pk


def notes_of(ids, with_notes):
    """The notes of these claims; without `with_notes` (readers not signed in) only the
    evidence notes of published verdicts (corpus.permissions)."""
    notes = Annotation.objects.filter(claim_id__in=ids).order_by("id")
    if not with_notes:
        notes = notes.filter(is_evidence=True).exclude(claim__status=Claim.Status.UNVERIFIED)
    return grouped((note.claim_id, note) for note in notes)


def attach(batch, needs, with_notes=True):
    ids = [claim.pk for claim in batch]
    topics = grouped(
        Claim.topics.through.objects.filter(claim_id__in=ids).values_list("claim_id", "topic__name")
    )
    links = Link.objects.only("id", "source_id", "target_id", "relation", "note").order_by("id")
    if needs == LINKED:
        links = (
            Link.objects.select_related("source__document", "target__document")
            .defer("source__document__text", "target__document__text")
            .order_by("id")
        )
        notes = notes_of(ids, with_notes)
    if needs == LINKED:
        out = grouped((link.source_id, link) for link in links.filter(source_id__in=ids))
        into = grouped((link.target_id, link) for link in links.filter(target_id__in=ids))
    else:  # the data formats read four columns of a link: plain rows will do
        columns = ("source_id", "target_id", "relation", "note")
        out = grouped(
            (row[0], LinkRow(*row)) for row in links.filter(source_id__in=ids).values_list(*columns)
        )
        into = grouped(
            (row[1], LinkRow(*row)) for row in links.filter(target_id__in=ids).values_list(*columns)
        )
    figures = grouped(
        (row[0], FigureRow(*row[1:]))
        for row in Statistic.objects.filter(claim_id__in=ids)
        .order_by("period_start", "id")  # by columns: the model's ordering names the claim (a join)
        .values_list("claim_id", *FigureRow._fields)
    )
    for claim in batch:
        claim.prefetched_statistics = figures.get(claim.pk, [])
        claim.prefetched_topics = [TopicName(name) for name in topics.get(claim.pk, [])]
        claim.prefetched_links_out = out.get(claim.pk, [])
        claim.prefetched_links_in = into.get(claim.pk, [])
        if needs == LINKED:
            claim.prefetched_annotations = notes.get(claim.pk, [])


def grouped(pairs):
    groups = {}
    for key, value in pairs:
        groups.setdefault(key, []).append(value)
    return groups


def export(claims, name, base_url, progress=None, with_notes=True):
    """(chunks of UTF-8 bytes, content type, file name) of `claims` in the format `name`;
    researchers' working notes only `with_notes` (for signed-in users)."""
    chosen = format_named(name)

    def records():
        for claim in in_chunks(claims, chosen.needs, with_notes):
            yield record(claim, base_url)
            if progress:
                progress(1)

    return buffered(chosen.write(records())), chosen.content_type, f"claims.{chosen.extension}"


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

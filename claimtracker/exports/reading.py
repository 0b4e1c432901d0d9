"""Reading claims for an export: CHUNK at a time, in id order — or by document, for the
formats that give one reference per work —, each chunk with what its format shows
fetched in a few plain queries, so that memory does not grow with the export."""

from array import array
from collections import namedtuple
from functools import partial

from django.db import DEFAULT_DB_ALIAS
from django.db.models import Prefetch, Q

from claimtracker.corpus.counting import id_list
from claimtracker.corpus.models import (
    Annotation,
    Byline,
    Claim,
    Document,
    Link,
    Speaker,
    SpeakerRole,
    Statistic,
)

CHUNK = 2500
CITATION, DATA, LINKED = "citation", "data", "linked"  # what a format reads beyond the claim itself
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


CLAIM_COLUMNS = (
    "id",
    "document_id",
    "start",
    "end",
    "quote",
    "anchor",
    "fragment",
    "speaker_id",
    "role_id",
    "attribution",
    "kind",
    "said_on",
    "summary",
    "status",
)
DOCUMENT_COLUMNS = ("id", "title", "kind", "url", "published_on", "publisher_id", "publisher__name")


class ClaimRow(namedtuple("ClaimRow", CLAIM_COLUMNS)):
    """What the data formats read of a claim, as a plain row: a model instance costs more
    to build than the row costs to fetch. Its document, people, topics, figures and links
    are attached as attributes (a namedtuple subclass without __slots__ takes them)."""

    Anchor = Claim.Anchor

    @property
    def pk(self):
        return self.id


class DocumentRow(namedtuple("DocumentRow", DOCUMENT_COLUMNS)):
    """What the data formats read of a claim's document."""

    @property
    def pk(self):
        return self.id

    @property
    def publisher(self):
        return TopicName(self.publisher__name) if self.publisher_id else None


class LinkRow(namedtuple("LinkRow", "source_id target_id relation note")):
    """What the data formats read of a link, without a model instance."""

    def get_relation_display(self):
        return Link.Relation(self.relation).label

    @property
    def inverse_label(self):
        return Link.INVERSE[self.relation]


def prepared(claims):
    """`claims` with their document (its outlets, issuer, speaker and byline)."""
    # Prefetched, not joined: a chunk's claims then share one instance of each document.
    documents = (
        Document.objects.select_related("publisher", "republished_from", "issuer", "speaker")
        .prefetch_related(Prefetch("bylines", Byline.objects.select_related("person")))
        .defer("text", "signature")
    )
    return claims.prefetch_related(Prefetch("document", queryset=documents))


class People:
    """The speakers (with all their roles) and roles an export has met, kept for its later
    chunks: the same few thousand people speak throughout a corpus, and fetching them anew
    for every chunk cost a third of the reading. Bounded: past LIMIT, it starts over."""

    LIMIT = 20_000

    def __init__(self):
        self.speakers, self.roles = {}, {}

    def attach(self, batch):
        roles = SpeakerRole.objects.select_related("organisation")
        self.fetch(
            self.speakers,
            {claim.speaker_id for claim in batch},
            Speaker.objects.prefetch_related(Prefetch("roles", roles, "all_roles")),
        )
        self.fetch(self.roles, {claim.role_id for claim in batch}, roles)
        for claim in batch:
            claim.speaker = self.speakers.get(claim.speaker_id)
            claim.role = self.roles.get(claim.role_id)

    def fetch(self, known, ids, queryset):
        missing = [pk for pk in ids if pk is not None and pk not in known]
        if not missing:
            return
        if len(known) + len(missing) > self.LIMIT:
            known.clear()
        known.update((record.pk, record) for record in queryset.filter(pk__in=missing))


# What only the JSON-LD formats (LINKED) read of a claim: not read, not parsed, for the others.
BOOKKEEPING = ("created_at", "updated_at", "verdict_at", "created_by", "version", "submission_key")


def in_chunks(claims, needs, with_notes=True, by_work=False):
    """The claims, CHUNK at a time, in id order or (`by_work`) by document then id, each chunk
    with its people, and its topics and links attached (a few plain queries grouped in
    Python: Django's prefetch of them cost more than the export itself). The data formats
    get ClaimRows, the others model instances (the citations read much of the model)."""
    order = ("document_id", "pk") if by_work else ("pk",)
    ids = selected_ids(claims, order)
    every = claims.model.objects.using(claims.db).order_by(*order)
    if needs == DATA:
        read = partial(rows_among, every)
    else:
        read = partial(instances_among, prepared(every if needs == LINKED else every.defer(*BOOKKEEPING)))
    people = People()
    for start in range(0, len(ids), CHUNK):
        batch = read(id_list(claims.db, list(ids[start : start + CHUNK])))
        people.attach(batch)
        if needs != CITATION:
            attach(batch, needs, with_notes)
        yield batch


def instances_among(claims, chunk):
    return list(claims.filter(pk__in=chunk))


def rows_among(claims, chunk):
    """The claims of `chunk` (a subquery of ids) as ClaimRows, each with its DocumentRow."""
    batch = [ClaimRow._make(row) for row in claims.filter(pk__in=chunk).values_list(*CLAIM_COLUMNS)]
    ids = {claim.document_id for claim in batch}
    documents = Document.objects.using(claims.db).filter(pk__in=id_list(claims.db, list(ids)))
    by_id = {row[0]: DocumentRow._make(row) for row in documents.values_list(*DOCUMENT_COLUMNS)}
    for claim in batch:
        claim.document = by_id[claim.document_id]
    return batch


def selected_ids(claims, order):
    """The ids of `claims` in export order, read in one pass (4 bytes each): the chunks are
    then read by id. Asking the filtered query for each chunk in turn made the database
    find the set again forty times for 100,000 claims, a third of the export's time."""
    ids = array("l")
    ids.extend(claims.order_by(*order).values_list("pk", flat=True).iterator(chunk_size=20_000))
    return ids


def texts_of(batch):
    """{document id: text} of the chunk's documents with a URL and a claim whose text
    fragment is not kept yet (records.Record.fragment_url): mostly none."""
    ids = {
        claim.document_id
        for claim in batch
        if claim.document.url and not claim.fragment and claim.anchor != Claim.Anchor.ORPHANED
    }
    if not ids:
        return {}
    return dict(Document.objects.filter(pk__in=ids).values_list("pk", "text"))


def notes_of(ids, with_notes):
    """The notes of these claims; without `with_notes` (readers not signed in) only the
    evidence notes of published verdicts (corpus.permissions)."""
    notes = Annotation.objects.filter(claim_id__in=ids).order_by("id")
    if not with_notes:
        notes = notes.filter(is_evidence=True).exclude(claim__status=Claim.Status.UNVERIFIED)
    return grouped((note.claim_id, note) for note in notes)


def among(field, ids):
    """`field` is one of `ids`: as a range where the ids are dense (an export in id order
    over a wide filter), which spares building and sending thousands of parameters; the
    few rows of other claims in the range are never looked up. Otherwise the ids go as
    one parameter (an array, or JSON on SQLite): thousands of placeholders cost the
    driver more to bind than the database to answer."""
    low, high = min(ids), max(ids)
    if len(ids) * 2 >= high - low + 1:
        return Q(**{f"{field}__gte": low, f"{field}__lte": high})
    return Q(**{f"{field}__in": id_list(DEFAULT_DB_ALIAS, ids)})


def attach(batch, needs, with_notes=True):
    ids = [claim.pk for claim in batch]
    topics = grouped(
        Claim.topics.through.objects.filter(among("claim_id", ids)).values_list("claim_id", "topic__name")
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
        out = grouped((link.source_id, link) for link in links.filter(among("source_id", ids)))
        into = grouped((link.target_id, link) for link in links.filter(among("target_id", ids)))
    else:  # the data formats read four columns of a link: plain rows will do
        columns = ("source_id", "target_id", "relation", "note")
        out = grouped(
            (row[0], LinkRow(*row)) for row in links.filter(among("source_id", ids)).values_list(*columns)
        )
        into = grouped(
            (row[1], LinkRow(*row)) for row in links.filter(among("target_id", ids)).values_list(*columns)
        )
    figures = grouped(
        (row[0], FigureRow(*row[1:]))
        for row in Statistic.objects.filter(among("claim_id", ids))
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

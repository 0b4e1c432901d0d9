"""Reads that are more than one queryset: what the public pages show."""

from django.db.models import Count, F, Prefetch, Q
from django.shortcuts import get_object_or_404

from claimtracker.text.turns import speaker_turns

from .models import (
    Annotation,
    Claim,
    Document,
    Link,
    Metric,
    Organisation,
    Publisher,
    Speaker,
    Statistic,
    Topic,
)


def corpus_counts():
    return {
        "documents": Document.objects.count(),
        "claims": Claim.objects.count(),
        "speakers": Speaker.objects.count(),
        "metrics": Metric.objects.count(),
    }


def recent_documents(limit=10):
    return Document.objects.select_related("publisher").defer("text")[:limit]


def recent_claims(limit=10):
    return Claim.objects.select_related("speaker", "document").defer("document__text")[:limit]


def topic_roots():
    return Topic.objects.filter(parent=None).order_by("name")


def claims_needing_attention(limit=500):
    """Orphaned and fuzzily moved claims, newest first (a partial index serves this)."""
    claims = Claim.objects.exclude(anchor=Claim.Anchor.ANCHORED)
    return claims.select_related("speaker", "document").defer("document__text")[:limit]


def claim_detail(pk):
    """A claim with everything its page shows, in a fixed number of queries."""
    claims = Claim.objects.select_related(
        "document__publisher", "speaker", "role__organisation", "created_by"
    ).prefetch_related(
        "topics",
        Prefetch("statistics", queryset=Statistic.objects.select_related("metric")),
        Prefetch("links_out", queryset=Link.objects.select_related("target__speaker")),
        Prefetch("links_in", queryset=Link.objects.select_related("source__speaker")),
        Prefetch("annotations", queryset=Annotation.objects.select_related("author")),
    )
    return get_object_or_404(claims, pk=pk)


def claim_history(claim, limit=20):
    """The latest changes of a claim, with who made them."""
    return list(claim.history.select_related("history_user").order_by("-history_date", "-history_id")[:limit])


EARLIEST_FIRST = (F("start_date").asc(nulls_first=True), "pk")  # roles of unknown start first


def speaker_detail(pk):
    speaker = get_object_or_404(Speaker.objects.select_related("organisation"), pk=pk)
    roles = list(speaker.roles.select_related("organisation").order_by(*EARLIEST_FIRST))
    aliases = list(speaker.aliases.values_list("name", flat=True))
    return speaker, roles, aliases


def counts_by_kind(claims):
    labels = dict(Claim.Kind.choices)
    rows = claims.order_by().values("kind").annotate(n=Count("pk")).order_by("-n")
    return [(labels.get(row["kind"], row["kind"]), row["kind"], row["n"]) for row in rows]


def counts_by_topic(claims, limit=15):
    rows = (
        Claim.topics.through.objects.filter(claim__in=claims.order_by().values("pk"))
        .values("topic", "topic__name")
        .annotate(n=Count("claim"))
        .order_by("-n", "topic__name")[:limit]
    )
    return [(row["topic__name"], row["topic"], row["n"]) for row in rows]


def organisation_detail(pk):
    organisation = get_object_or_404(Organisation.objects.select_related("parent"), pk=pk)
    members = list(organisation.roles.select_related("speaker").order_by(*EARLIEST_FIRST)[:200])
    voices = list(organisation.voices.all()[:50])
    children = list(organisation.children.all())
    return organisation, members, voices, children


def topic_detail(pk):
    topic = get_object_or_404(Topic, pk=pk)
    ancestors = list(Topic.objects.filter(path__in=ancestors_paths(topic.path)[:-1]).order_by("path"))
    children = list(topic.children.order_by("name"))
    return topic, ancestors, children


def ancestors_paths(path):
    parts = path.rstrip("/").split("/")
    return ["/".join(parts[:depth]) + "/" for depth in range(1, len(parts) + 1)]


def publisher_detail(pk):
    return get_object_or_404(Publisher, pk=pk)


def document_turns(text):
    """The speaker turns of a transcript, each with the speaker its label names, if known."""
    return speaker_turns(text, speakers_named)


def speakers_named(heads):
    """{head: (speaker id, name)} for each of `heads` that is a speaker's name or alias, in one query."""
    if not heads:
        return {}
    speakers = Speaker.objects.filter(Q(name__in=heads) | Q(aliases__name__in=heads)).prefetch_related(
        "aliases"
    )
    found = {}
    for speaker in speakers:
        for name in [speaker.name, *(alias.name for alias in speaker.aliases.all())]:
            if name in heads:
                found.setdefault(name, (speaker.pk, speaker.name))
    return found

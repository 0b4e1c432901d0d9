"""Facet counts beside a filtered claim list: kind, status, topic, speaker,
organisation, publisher, year.

Counted exactly over the matching claims when there are few enough
(`EXACT_UP_TO`); on PostgreSQL a larger set is counted over a fixed 1 % block
sample of the claim table (`TABLESAMPLE SYSTEM … REPEATABLE`) and scaled, and
every such count is marked as an estimate. Topic and organisation counts
follow the filters they add: a topic counts the claims of its whole subtree,
an organisation the claims made while the speaker held a role there (or by
the organisation speaking as itself).
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db import connections
from django.db.models import Count, F, Q
from django.db.models.expressions import RawSQL
from django.db.models.functions import ExtractYear

from claimtracker.corpus.models import Claim, Organisation, Speaker, Topic

EXACT_UP_TO = 20_000
SAMPLE_PERCENT = 1
TOP = 10


@dataclass
class FacetValue:
    value: str  # the GET value that filters by it
    label: str
    count: int


@dataclass
class Facets:
    is_estimate: bool = False
    groups: dict = field(default_factory=dict)  # parameter -> (title, [FacetValue])


def facet_counts(matching, total):
    """Facets of `matching` (a Claim queryset), whose size is `total`."""
    sample, scale, is_estimate = matching, 1.0, False
    if total > EXACT_UP_TO and connections[matching.db].vendor == "postgresql":
        sample = matching.filter(pk__in=block_sample())
        sampled = sample.count()
        scale, is_estimate = (total / sampled if sampled else 0.0), True
    ids = sample.values("pk")
    groups = {
        "kind": ("Kind", choice_counts(sample, "kind", Claim.Kind)),
        "status": ("Status", choice_counts(sample, "status", Claim.Status)),
        "topic": ("Topic", topic_counts(ids)),
        "speaker": ("Speaker", speaker_counts(sample)),
        "organisation": ("Organisation", organisation_counts(sample)),
        "publisher": ("Publisher", publisher_counts(sample)),
        "year": ("Year", year_counts(sample)),
    }
    if is_estimate:
        for _, values in groups.values():
            for item in values:
                item.count = round_estimate(item.count * scale)
    return Facets(is_estimate=is_estimate, groups=groups)


def block_sample():
    table = Claim._meta.db_table
    return RawSQL(f"SELECT id FROM {table} TABLESAMPLE SYSTEM (%s) REPEATABLE (1)", [SAMPLE_PERCENT])


def round_estimate(number):
    """Two significant figures: an estimate should not look precise."""
    number = int(number)
    if number < 100:
        return number
    digits = len(str(number)) - 2
    return round(number, -digits)


def choice_counts(claims, name, choices):
    rows = claims.order_by().values(name).annotate(n=Count("pk"))
    labels = dict(choices.choices)
    values = [FacetValue(row[name], labels.get(row[name], row[name]), row["n"]) for row in rows]
    return sorted(values, key=lambda item: -item.count)


def year_counts(claims):
    rows = (
        claims.order_by()
        .exclude(said_on=None)
        .annotate(year=ExtractYear("said_on"))
        .values("year")
        .annotate(n=Count("pk"))
    )
    values = [FacetValue(str(row["year"]), str(row["year"]), row["n"]) for row in rows]
    return sorted(values, key=lambda item: item.value, reverse=True)


def speaker_counts(claims):
    rows = (
        claims.order_by()
        .exclude(speaker=None)
        .values("speaker")
        .annotate(n=Count("pk"))
        .order_by("-n", "speaker")[:TOP]
    )
    names = dict(Speaker.objects.filter(pk__in=[row["speaker"] for row in rows]).values_list("pk", "name"))
    return [FacetValue(str(row["speaker"]), names[row["speaker"]], row["n"]) for row in rows]


def publisher_counts(claims):
    rows = (
        claims.order_by()
        .exclude(document__publisher=None)
        .values("document__publisher", "document__publisher__name")
        .annotate(n=Count("pk"))
        .order_by("-n")[:TOP]
    )
    return [FacetValue(str(r["document__publisher"]), r["document__publisher__name"], r["n"]) for r in rows]


def topic_counts(claim_ids):
    """Claims per topic subtree: each tagged claim counts once for its topic and every ancestor."""
    topics = {topic.path: topic for topic in Topic.objects.all()}
    tagged = Claim.topics.through.objects.filter(claim_id__in=claim_ids).values_list(
        "claim_id", "topic__path"
    )
    claims_under = defaultdict(set)
    for claim_id, path in tagged:
        parts = path.rstrip("/").split("/")
        for depth in range(1, len(parts) + 1):
            claims_under["/".join(parts[:depth]) + "/"].add(claim_id)
    counts = [
        FacetValue(str(topics[path].pk), str(topics[path]), len(ids)) for path, ids in claims_under.items()
    ]
    return sorted(counts, key=lambda item: (-item.count, item.label))[:TOP]


def organisation_counts(claims):
    """Claims per organisation: roles held on the claim's date, and institutions speaking as themselves."""
    in_force = (
        Q(speaker__roles__start_date__isnull=True) | Q(speaker__roles__start_date__lte=F("said_on"))
    ) & (Q(speaker__roles__end_date__isnull=True) | Q(speaker__roles__end_date__gte=F("said_on")))
    by_role = (
        claims.order_by()
        .filter(in_force, speaker__roles__organisation__isnull=False)
        .values_list("pk", "speaker__roles__organisation")
    )
    as_itself = (
        claims.order_by()
        .filter(speaker__kind=Speaker.Kind.INSTITUTION, speaker__organisation__isnull=False)
        .values_list("pk", "speaker__organisation")
    )
    claims_at = defaultdict(set)
    for claim_id, organisation_id in [*by_role, *as_itself]:
        claims_at[organisation_id].add(claim_id)
    top = Counter({organisation: len(ids) for organisation, ids in claims_at.items()}).most_common(TOP)
    names = {o.pk: str(o) for o in Organisation.objects.filter(pk__in=[pk for pk, _ in top])}
    return [FacetValue(str(pk), names[pk], n) for pk, n in top]

"""Facet counts beside a filtered claim list: kind, status, topic, speaker,
organisation, publisher, year.

Counted exactly over the matching claims when there are few enough
(`EXACT_UP_TO`); a larger set is counted over the fixed sample of the claim
table (corpus.counting: the same 10,000 claims whatever the size of the
corpus) and scaled, and every such count is marked as an estimate. Topic and
organisation counts follow the filters they add: a topic counts the claims
of its whole subtree, an organisation the claims made while the speaker held
a role there (or by the organisation speaking as itself).
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db import connections
from django.db.models import F
from django.db.models.expressions import RawSQL

from claimtracker.corpus import counting
from claimtracker.corpus.models import Claim, Organisation, Publisher, Speaker, Topic
from claimtracker.corpus.models.people import held_on

EXACT_UP_TO = 20_000
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


def summarise(matching):
    """(total, whether it is an estimate, Facets) of a filtered set of claims.

    A set that may be small (the planner expects it, or SQLite cannot tell) is
    fetched — its few columns — up to EXACT_UP_TO + 1 rows: when it is that
    small its size is known without a count. Otherwise the facets come from
    the sample, and the total is counted exactly where that is cheap, or
    else estimated from the sample too (the planner's estimate of a word
    search is a guess)."""
    hint = counting.estimate(matching.order_by())
    if hint is None or hint <= 2 * EXACT_UP_TO:
        rows = list(fetch_query(matching)[: EXACT_UP_TO + 1])
        if len(rows) <= EXACT_UP_TO:
            return len(rows), False, facets_of(matching, rows, scale=None)
    sampled, in_sample, table_rows = counting.sample(matching.order_by())
    rows = list(fetch_query(sampled))
    total = counting.exact_within_limit(matching.order_by(), hint)
    is_estimate = total is None
    if is_estimate:
        total = round_estimate(len(rows) * table_rows / in_sample)
    return total, is_estimate, facets_of(sampled, rows, scale=total / len(rows) if rows else 0.0)


def facets_of(matching, rows, scale):
    """Facet counts over `rows`; scaled and marked as estimates when `scale` is given (a sample)."""
    if connections[matching.db].vendor == "postgresql":
        ids = RawSQL("SELECT unnest(%s::integer[])", ([row[0] for row in rows],))
    else:
        ids = matching.order_by().values("pk")
    groups = {
        "kind": ("Kind", choice_counts(rows, 1, Claim.Kind)),
        "status": ("Status", choice_counts(rows, 2, Claim.Status)),
        "topic": ("Topic", topic_counts(ids)),
        "speaker": ("Speaker", speaker_counts(rows)),
        "organisation": ("Organisation", organisation_counts(ids)),
        "publisher": ("Publisher", publisher_counts(rows)),
        "year": ("Year", year_counts(rows)),
    }
    if scale is not None:
        for _, values in groups.values():
            for item in values:
                item.count = round_estimate(item.count * scale)
    return Facets(is_estimate=scale is not None, groups=groups)


COLUMNS = ("pk", "kind", "status", "speaker_id", "said_on", "document__publisher_id")


def fetch_query(matching):
    return matching.order_by().values_list(*COLUMNS)


def round_estimate(number):
    """Two significant figures: an estimate should not look precise."""
    number = int(number)
    if number < 100:
        return number
    digits = len(str(number)) - 2
    return round(number, -digits)


def ranked(counter, label):
    return [FacetValue(str(key), label(key), n) for key, n in counter.most_common()]


def choice_counts(rows, column, choices):
    labels = dict(choices.choices)
    return ranked(Counter(row[column] for row in rows), lambda key: labels.get(key, key))


def year_counts(rows):
    counter = Counter(row[4].year for row in rows if row[4])
    return sorted(ranked(counter, str), key=lambda item: item.value, reverse=True)


def speaker_counts(rows):
    counter = Counter(row[3] for row in rows if row[3])
    top = dict(counter.most_common(TOP))
    names = dict(Speaker.objects.filter(pk__in=top).values_list("pk", "name"))
    return ranked(Counter(top), names.get)


def publisher_counts(rows):
    counter = Counter(row[5] for row in rows if row[5])
    top = dict(counter.most_common(TOP))
    names = dict(Publisher.objects.filter(pk__in=top).values_list("pk", "name"))
    return ranked(Counter(top), names.get)


def topic_counts(claim_ids):
    """Claims per topic subtree: each tagged claim counts once for its topic and every ancestor."""
    topics = {path: (pk, name) for pk, path, name in Topic.objects.values_list("pk", "path", "name")}
    tagged = Claim.topics.through.objects.filter(claim_id__in=claim_ids).values_list(
        "claim_id", "topic__path"
    )
    claims_under = defaultdict(set)
    for claim_id, path in tagged:
        for prefix in prefixes(path):
            claims_under[prefix].add(claim_id)
    counts = [
        FacetValue(str(topics[path][0]), " › ".join(topics[p][1] for p in prefixes(path)), len(ids))
        for path, ids in claims_under.items()
    ]
    return sorted(counts, key=lambda item: (-item.count, item.label))[:TOP]


def prefixes(path):
    """ "a/b/c/" → ["a/", "a/b/", "a/b/c/"]: the path of the topic and of each ancestor."""
    parts = path.rstrip("/").split("/")
    return ["/".join(parts[:depth]) + "/" for depth in range(1, len(parts) + 1)]


def organisation_counts(claim_ids):
    """Claims per organisation: roles held on the claim's date, and institutions speaking as themselves."""
    claims = Claim.objects.filter(pk__in=claim_ids).order_by()
    in_force = held_on(F("said_on"), through="speaker__roles__")
    by_role = claims.filter(in_force, speaker__roles__organisation__isnull=False).values_list(
        "pk", "speaker__roles__organisation"
    )
    as_itself = claims.filter(
        speaker__kind=Speaker.Kind.INSTITUTION, speaker__organisation__isnull=False
    ).values_list("pk", "speaker__organisation")
    claims_at = defaultdict(set)
    for claim_id, organisation_id in [*by_role, *as_itself]:
        claims_at[organisation_id].add(claim_id)
    top = Counter({organisation: len(ids) for organisation, ids in claims_at.items()}).most_common(TOP)
    names = {o.pk: str(o) for o in Organisation.objects.filter(pk__in=[pk for pk, _ in top])}
    return [FacetValue(str(pk), names[pk], n) for pk, n in top]

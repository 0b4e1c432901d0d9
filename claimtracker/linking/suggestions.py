"""Links the corpus suggests for a claim, each for a researcher to accept or dismiss.

- The same metric: another data point for the same period with a different
  value *contradicts* it; one for a later period *updates* it (the newer
  figure updates the older).
- Near-identical wording elsewhere *repeats* it: among claims sharing its
  longest words, trigram similarity on PostgreSQL (pg_trgm), difflib on SQLite.
Pairs already linked, in either direction, and dismissed ones are left out.
"""

import difflib
from dataclasses import dataclass

from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL

from claimtracker.corpus.models import Claim, Dismissal, Link, Statistic
from claimtracker.search.analysis import tokens
from claimtracker.search.queries import apply_search

PER_KIND = 5
SIMILAR_ENOUGH = 0.6
CANDIDATES = 200


@dataclass(frozen=True)
class Suggestion:
    source: Claim  # source <relation> target
    relation: str
    target: Claim
    reason: str
    source_is_subject: bool = True  # whether `source` is the claim the suggestions are for

    @property
    def other(self):
        """The suggested claim, seen from the claim whose suggestions these are."""
        return self.target if self.source_is_subject else self.source


def suggestions_for(claim):
    found = figure_suggestions(claim) + wording_suggestions(claim)
    return [s for s in found if not already_linked(s) and not dismissed(claim, s)]


def figure_suggestions(claim):
    suggestions = []
    for mine in claim.statistics.select_related("metric"):
        others = (
            Statistic.objects.filter(metric=mine.metric, unit=mine.unit)
            .exclude(claim=claim)
            .select_related("claim__speaker", "claim__document")
            .order_by("-period_start", "-pk")[: PER_KIND * 4]
        )
        for other in others:
            suggestion = compare(claim, mine, other)
            if suggestion:
                suggestions.append(suggestion)
    return unique(suggestions)[:PER_KIND]


def compare(claim, mine, other):
    if mine.period_start is None or other.period_start is None:
        return None
    same_period = (mine.period_start, mine.period_end) == (other.period_start, other.period_end)
    if same_period and mine.value != other.value:
        reason = f"{mine.metric}: {mine.display_value} here, {other.display_value} there, for the same period"
        return Suggestion(claim, Link.Relation.CONTRADICTS, other.claim, reason)
    if other.period_start > mine.period_start:
        reason = f"{mine.metric}: a later figure ({other.period_label or other.period_start.year})"
        return Suggestion(other.claim, Link.Relation.UPDATES, claim, reason, source_is_subject=False)
    if other.period_start < mine.period_start:
        reason = f"{mine.metric}: an earlier figure ({other.period_label or other.period_start.year})"
        return Suggestion(claim, Link.Relation.UPDATES, other.claim, reason)
    return None


def wording_suggestions(claim):
    return [
        Suggestion(claim, Link.Relation.REPEATS, other, f"near-identical wording ({score:.0%} alike)")
        for other, score in similar_wording(claim)
    ]


def similar_wording(claim):
    """Claims worded almost as this one: (claim, similarity from 0 to 1), most alike first.

    Candidates share the quote's three longest words (the search index finds
    them; the newest CANDIDATES are compared), then trigram similarity on
    PostgreSQL, difflib's ratio on SQLite, keeps the near-identical ones. A
    trigram index over every quote was tried first: on a million claims of
    similar wording it scanned 270,000 candidates (12 s)."""
    words = sorted(set(tokens(claim.quote)), key=len, reverse=True)[:3]
    if not words:
        return []
    matching = apply_search(Claim.objects.exclude(pk=claim.pk), " ".join(words), include_notes=False)
    candidates = matching.order_by(*Claim._meta.ordering).values("pk")[:CANDIDATES]
    others = (
        Claim.objects.filter(pk__in=candidates).select_related("speaker", "document").defer("document__text")
    )
    if connection.vendor == "postgresql":
        others = others.annotate(score=RawSQL("similarity(quote, %s)", [claim.quote]))
        scored = [
            (other, other.score) for other in others.filter(score__gte=SIMILAR_ENOUGH).order_by("-score")
        ]
    else:
        scored = [
            (other, difflib.SequenceMatcher(None, claim.quote, other.quote).ratio()) for other in others
        ]
    return sorted([pair for pair in scored if pair[1] >= SIMILAR_ENOUGH], key=lambda pair: -pair[1])[
        :PER_KIND
    ]


def unique(suggestions):
    seen, kept = set(), []
    for suggestion in suggestions:
        key = (suggestion.source.pk, suggestion.relation, suggestion.target.pk)
        if key not in seen:
            seen.add(key)
            kept.append(suggestion)
    return kept


def already_linked(suggestion):
    a, b = suggestion.source.pk, suggestion.target.pk
    return Link.objects.filter(Q(source=a, target=b) | Q(source=b, target=a)).exists()


def dismissed(claim, suggestion):
    return Dismissal.objects.filter(
        claim=claim, candidate=suggestion.other, relation=suggestion.relation
    ).exists()

"""Totals and facets that hold at any size: a rare word's matches found by their ids
(exact results, total and facets, whatever the planner guesses), a common word's total
estimated from the fixed sample, and counts that give up within their time limit."""

import io
from collections import Counter

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claimtracker.corpus import counting
from claimtracker.corpus.models import Claim
from claimtracker.lists import facets
from claimtracker.search import queries
from claimtracker.search.queries import apply_search

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


@pytest.fixture
def generated():
    call_command("generate_corpus", claims=3000, seed=3, verbosity=0, stdout=io.StringIO())


def matching(word):
    """The claims whose quote, summary or speaker holds a word starting with `word` (as the index does)."""
    return {pk for pk in Claim.objects.values_list("pk", flat=True) if pk in set(all_matches(word))}


def all_matches(word):
    return apply_search(Claim.objects.all(), word).values_list("pk", flat=True)


def summary_of(client, **params):
    response = client.get(reverse("claim-list"), {"per_page": 200, **params})
    assert response.status_code == 200
    return response


def shown_ids(client, **params):
    response = summary_of(client, **params)
    ids = [claim.pk for claim in response.context["claims"]]
    while response.context["next_url"]:
        response = client.get(reverse("claim-list") + response.context["next_url"])
        ids += [claim.pk for claim in response.context["claims"]]
    return ids


def rare_word():
    """A word of a generated quote found in between 2 and 30 claims."""
    counts = Counter()
    for quote in Claim.objects.values_list("quote", flat=True)[:500]:
        counts.update({word.lower() for word in quote.split() if word.isalpha() and len(word) > 6})
    for word, _ in sorted(counts.items(), key=lambda item: (item[1], item[0])):
        if 2 <= len(set(all_matches(word))) <= 30:
            return word
    raise AssertionError("no rare word in the generated corpus")


def test_a_rare_word_is_narrowed_by_its_ids_with_an_exact_total_and_facets(client, generated):
    word = rare_word()
    expected = set(all_matches(word))
    with CaptureQueriesContext(connection) as captured:
        response = summary_of(client, q=word, sort="date")
    summary = response.context["summary"]
    assert (summary["total"], summary["is_estimate"]) == (len(expected), False)
    assert {claim.pk for claim in response.context["claims"]} == expected
    # The page's rows are selected by the ids found first, not by the word again.
    page = [q["sql"] for q in captured.captured_queries if '"corpus_claim"."quote"' in q["sql"]]
    marker = "unnest(" if connection.vendor == "postgresql" else "IN (SELECT rowid FROM search_claimfts"
    assert page and all(marker in sql for sql in page)
    # Facets counted exactly over those claims.
    kinds = Counter(Claim.objects.filter(pk__in=expected).values_list("kind", flat=True))
    facets = summary["facets"]
    assert not facets.is_estimate
    labels = dict(Claim.Kind.choices)
    assert {v.label: v.count for v in facets.groups["kind"][1]} == {labels[k]: n for k, n in kinds.items()}


def test_a_common_word_walks_the_date_index_and_its_total_is_estimated_within_ten_percent(
    client, generated, monkeypatch
):
    monkeypatch.setattr(queries, "FEW", 50)
    monkeypatch.setattr(facets, "EXACT_UP_TO", 50)
    monkeypatch.setattr(counting, "SAMPLE_ROWS", 600)  # of 3,000: a true sample
    monkeypatch.setattr(counting, "SAMPLE_RUNS", 60)
    # As if counting took too long (it does at a million): the sample's estimate shows.
    monkeypatch.setattr(counting, "exact_within_limit", lambda *args, **kwargs: None)
    expected = set(all_matches("internet"))
    assert len(expected) > 500
    response = summary_of(client, q="internet", sort="date")
    summary = response.context["summary"]
    assert summary["is_estimate"] and summary["facets"].is_estimate
    assert abs(summary["total"] - len(expected)) <= 0.1 * len(expected)
    assert "About" in response.content.decode() or "about" in response.content.decode()
    # The results are still every match, newest first.
    ordered = list(
        Claim.objects.filter(pk__in=expected).order_by(*Claim._meta.ordering).values_list("pk", flat=True)
    )
    assert shown_ids(client, q="internet", sort="date") == ordered


def test_the_sample_is_a_fixed_set_of_runs_that_stands_for_the_table(generated, monkeypatch):
    monkeypatch.setattr(counting, "SAMPLE_ROWS", 300)
    monkeypatch.setattr(counting, "SAMPLE_RUNS", 30)
    sampled, in_sample, table_rows = counting.sample(Claim.objects.all())
    assert table_rows == Claim.objects.count() or connection.vendor == "postgresql"
    assert 250 <= in_sample <= 350
    assert sampled.count() == in_sample
    again = counting.sample(Claim.objects.all())[0]
    assert set(again.values_list("pk", flat=True)) == set(sampled.values_list("pk", flat=True))
    statistics = Claim.objects.filter(kind="statistic")
    estimate = counting.sample_estimate(statistics)
    assert abs(estimate - statistics.count()) <= 0.25 * statistics.count()


def test_a_count_that_runs_past_its_limit_gives_way_to_an_estimate(generated, monkeypatch):
    monkeypatch.setattr(counting, "COUNT_TIMEOUT_MS", 1)
    # A condition that costs a long computation for every row (correlated: not computed once).
    slow = Claim.objects.extra(
        where=[
            "(WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
            'WHERE x < 20000 + "corpus_claim"."id" %% 2) SELECT count(*) FROM c) > 0'
        ]
    )
    assert counting.exact_within_limit(slow, hint=10) is None
    total, is_estimate = counting.count(slow)
    assert is_estimate and total >= 1
    assert Claim.objects.count() == 3000  # the connection is still usable

"""The relevance pool of a search is the newest matches of the filtered list, however
they are found: by the few matches' ids, by a window of the newest claims (PostgreSQL,
a word of middling frequency), by walking the index table's date index (PostgreSQL, a
common word), or by walking the claims' date index."""

import datetime
import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claimtracker.corpus.models import Claim
from claimtracker.search import queries
from claimtracker.search.models import ClaimSearch
from claimtracker.search.queries import apply_search, ranked_newest

pytestmark = pytest.mark.django_db
POOL = 40
postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the date window is PostgreSQL's"
)


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    queries.memo.clear()


@pytest.fixture
def generated():
    call_command("generate_corpus", claims=3000, seed=3, verbosity=0, stdout=io.StringIO())


def pool_of(claims, word):
    return set(ranked_newest(apply_search(claims, word), word, POOL).values_list("pk", flat=True))


def newest(claims, word, count=POOL):
    """The newest `count` matches of `word` among `claims`, in the lists' order, by the plain ORM."""
    matching = set(apply_search(Claim.objects.all(), word).values_list("pk", flat=True))
    ordered = claims.order_by(*Claim._meta.ordering).values_list("pk", flat=True)
    return set([pk for pk in ordered if pk in matching][:count])


FILTERS = [
    Claim.objects.all(),
    Claim.objects.filter(kind="statistic"),
    Claim.objects.filter(status="unverified"),
]


@pytest.mark.parametrize("claims", FILTERS, ids=["all", "statistics", "unverified"])
def test_a_word_with_few_matches_ranks_the_newest_of_the_filtered_list(generated, claims):
    word = "internet"
    assert len(newest(Claim.objects.all(), word, 10**6)) > POOL
    assert pool_of(claims, word) == newest(claims, word)


@postgresql_only
@pytest.mark.parametrize("claims", FILTERS, ids=["all", "statistics", "unverified"])
def test_a_word_of_middling_frequency_is_found_in_a_window_of_the_newest_claims(
    generated, claims, monkeypatch
):
    monkeypatch.setattr(queries, "FEW", 50)  # "internet" is then one of the many
    monkeypatch.setattr(queries, "POSTING_PER_WALKED", 1e-9)  # and its postings cheap to read
    with CaptureQueriesContext(connection) as captured:
        pool = pool_of(claims, "internet")
    assert pool == newest(claims, "internet")
    window = [q["sql"] for q in captured.captured_queries if '"search_claimsearch"."said_on" >=' in q["sql"]]
    assert window  # the window was read; where the filters left it short, the walk followed


@postgresql_only
@pytest.mark.parametrize("claims", FILTERS, ids=["all", "statistics", "unverified"])
def test_a_common_word_is_walked_down_the_index_tables_own_dates(generated, claims, monkeypatch):
    monkeypatch.setattr(queries, "FEW", 50)  # "internet" is then one of the many
    monkeypatch.setattr(queries, "POSTING_PER_WALKED", 1e9)  # and dense enough to walk
    with CaptureQueriesContext(connection) as captured:
        pool = pool_of(claims, "internet")
    assert pool == newest(claims, "internet")
    sql = [q["sql"] for q in captured.captured_queries]
    walks = [q for q in sql if "@@" in q and 'ORDER BY "search_claimsearch"."said_on" DESC' in q]
    assert walks  # walked there first; where the filters left it short, the claims' walk followed


@postgresql_only
def test_the_forced_walk_leaves_the_planner_as_it_was(generated):
    tsquery = queries.postgresql_query(["internet"])
    walked = queries.walked_newest("default", tsquery, 10)
    expected = newest(Claim.objects.all(), "internet", 10)
    in_order = Claim.objects.order_by(*Claim._meta.ordering).values_list("pk", flat=True)
    assert list(walked) == [pk for pk in in_order if pk in expected]
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('enable_bitmapscan'), current_setting('enable_sort')")
        assert cursor.fetchone() == ("on", "on")


@postgresql_only
def test_the_index_keeps_each_claims_date(generated):
    dates = dict(Claim.objects.values_list("pk", "said_on"))
    assert dict(ClaimSearch.objects.values_list("pk", "said_on")) == dates
    claim = Claim.objects.exclude(said_on=None).first()
    claim.said_on = datetime.date(1999, 1, 2)
    claim.save()
    assert ClaimSearch.objects.get(pk=claim.pk).said_on == datetime.date(1999, 1, 2)

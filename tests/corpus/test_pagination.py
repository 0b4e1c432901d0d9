"""The claim change-list's count: exact where cheap, a marked estimate where a count would be slow."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claimtracker.corpus import counting
from claimtracker.corpus.admin import pagination
from claimtracker.corpus.models import Claim
from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db
on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="planner estimates are PostgreSQL's"
)


@pytest.fixture
def claims():
    made = ClaimFactory.create_batch(6, kind=Claim.Kind.STATISTIC)
    ClaimFactory.create_batch(3, kind=Claim.Kind.DENIAL)
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {Claim._meta.db_table}")
    return made


def count(queryset):
    paginator = pagination.EstimatedCountPaginator(queryset, 100)
    return paginator.count, paginator.is_estimate


def test_small_sets_are_counted_exactly(claims):
    assert count(Claim.objects.all()) == (9, False)
    assert count(Claim.objects.filter(kind=Claim.Kind.DENIAL)) == (3, False)


@on_postgresql
def test_large_sets_are_estimated_without_counting(claims, monkeypatch):
    monkeypatch.setattr(pagination, "EXACT_BELOW", 1)
    with CaptureQueriesContext(connection) as unfiltered:
        # After ANALYZE the table estimate of a small table is its true size.
        assert count(Claim.objects.all()) == (9, True)
    with CaptureQueriesContext(connection) as filtered:
        estimate, is_estimate = count(Claim.objects.filter(kind=Claim.Kind.DENIAL))
    assert is_estimate and estimate >= 1
    statements = [query["sql"] for query in unfiltered.captured_queries + filtered.captured_queries]
    assert not any(counts_claims(sql) for sql in statements)
    assert any(sql.startswith("EXPLAIN") for sql in statements)


def counts_claims(sql):
    return "COUNT(" in sql.upper() and Claim._meta.db_table in sql  # not the cache's own count


def test_a_count_is_kept_for_the_corpus_version_and_renewed_by_a_write(claims):
    """Shared by every worker through the cache: a repeat view does not count again."""
    kind = Claim.objects.filter(kind=Claim.Kind.DENIAL)
    assert count(kind) == (3, False)
    with CaptureQueriesContext(connection) as again:
        assert count(kind) == (3, False)
    assert not any(counts_claims(query["sql"]) for query in again.captured_queries)
    ClaimFactory(kind=Claim.Kind.DENIAL)
    assert count(kind) == (4, False)


@on_postgresql
def test_a_slow_exact_count_falls_back_to_the_estimate(claims, monkeypatch):
    monkeypatch.setattr(counting, "COUNT_TIMEOUT_MS", 1)
    slow = Claim.objects.extra(where=["pg_sleep(0.01) IS NOT NULL"])  # deliberately slow
    total, is_estimate = count(slow)
    assert is_estimate and total >= 1
    # The failed count left the connection usable.
    assert Claim.objects.count() == 9


@on_postgresql
def test_the_change_list_marks_an_estimate(claims, admin_client, monkeypatch):
    monkeypatch.setattr(pagination, "EXACT_BELOW", 1)
    page = admin_client.get(reverse("admin:corpus_claim_changelist")).content.decode()
    assert ">about 9</span> claims" in page


def test_the_change_list_shows_an_exact_count_plainly(claims, admin_client):
    page = admin_client.get(reverse("admin:corpus_claim_changelist"), {"kind__exact": "denial"})
    assert "3 claims" in page.content.decode()
    assert "about 3" not in page.content.decode()

"""`manage.py generate_corpus`: the requested number of claims, each anchored at
true offsets of real text, the same rows for the same seed, and more on a second run."""

import io

import pytest
from django.core.management import call_command

from claimtracker.corpus.models import Claim, Document, Link
from claimtracker.corpus.models.sources import content_hash
from claimtracker.generation import landmarks
from claimtracker.text import anchoring

pytestmark = pytest.mark.django_db

CLAIMS = 300


def generate(claims=CLAIMS, seed=7):
    call_command("generate_corpus", claims=claims, seed=seed, verbosity=0, stdout=io.StringIO())


def snapshot():
    return list(
        Claim.objects.order_by("id").values_list(
            "document__content_hash", "start", "end", "quote", "kind", "status", "speaker__name"
        )
    )


def test_it_creates_the_requested_number_of_claims():
    generate()
    assert Claim.objects.count() == CLAIMS
    assert Document.objects.count() > 1


def test_every_claim_quotes_its_document_at_its_offsets_with_its_context():
    generate()
    texts = dict(Document.objects.values_list("id", "text"))
    claims = Claim.objects.values_list("document_id", "start", "end", "quote", "prefix", "suffix", "anchor")
    for document, start, end, quote, prefix, suffix, anchor in claims:
        text = texts[document]
        if anchor != Claim.Anchor.ORPHANED:
            assert text[start:end] == quote
        assert (prefix, suffix) == anchoring.context(text, start, end)


@pytest.mark.django_db(transaction=True)  # flush needs committed rows on PostgreSQL
def test_the_same_seed_on_an_empty_database_gives_the_same_claims():
    generate()
    first = snapshot()
    call_command("flush", interactive=False, verbosity=0)
    generate()
    assert snapshot() == first


def test_a_second_run_adds_claims_in_new_documents():
    generate()
    documents = Document.objects.count()
    generate()
    assert Claim.objects.count() == 2 * CLAIMS
    assert Document.objects.count() > documents


def test_every_content_hash_is_the_hash_of_the_text():
    generate()
    for text, digest in Document.objects.values_list("text", "content_hash"):
        assert digest == content_hash(text)


def test_links_join_two_different_claims_once_per_relation():
    generate()
    links = list(Link.objects.values_list("source_id", "target_id", "relation"))
    assert links
    assert all(source != target for source, target, _ in links)
    assert len(set(links)) == len(links)


def test_the_hub_claim_has_statistics_and_fifty_links():
    generate()
    hub = landmarks.hub_claim()
    assert hub.statistics.count() >= 3
    assert hub.links_out.count() + hub.links_in.count() >= 50


def test_no_history_is_recorded_for_generated_rows():
    generate()
    assert Claim.history.count() == 0
    assert Document.history.count() == 0


@pytest.mark.django_db(transaction=True)  # autocommit, as the command runs: no test transaction around it
def test_the_search_index_is_written_in_bulk_and_the_statistics_are_gathered():
    """Outside a transaction SQLite commits every row on its own (400 claims a second);
    every write of the index must sit in one, and the load must end with ANALYZE."""
    from django.db import connection

    index_writes, statements = [], []

    def watch(execute, sql, params, many, context):
        statements.append(sql.strip().split()[0].upper())
        if "search_claim" in sql and sql.lstrip().upper().startswith(("INSERT", "DELETE")):
            index_writes.append(connection.in_atomic_block)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(watch):
        generate()
    assert index_writes and all(index_writes)
    assert len(index_writes) <= 2  # one batch: the upsert, or SQLite's delete and insert
    assert statements[-1] in {"ANALYZE", "VACUUM"}
    assert search_finds_generated_claims()


def search_finds_generated_claims():
    from claimtracker.search.queries import apply_search

    quote = Claim.objects.order_by("pk").values_list("quote", flat=True).first()
    word = max(quote.split(), key=len).strip(".,;:“”\"'()")
    return apply_search(Claim.objects.all(), word).exists()

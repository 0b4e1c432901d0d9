"""Full-text search: analysis, an index kept current, ranking, Chinese, hostile queries."""

import io

import pytest
from django.urls import reverse

from claimtracker.corpus.models import Annotation, Claim, SpeakerAlias
from claimtracker.corpus.services import documents as document_services
from claimtracker.search.analysis import tokens
from claimtracker.search.marking import highlight, snippet
from claimtracker.search.queries import apply_search, ranked_newest
from tests.factories import ClaimFactory, DocumentFactory, SpeakerFactory

pytestmark = pytest.mark.django_db

CHINESE = "中国互联网用户达到10.3亿。网络安全是重中之重。"


def found(query):
    return list(
        apply_search(Claim.objects.all(), query).order_by("-search_rank", "pk").values_list("pk", flat=True)
    )


def test_latin_words_are_lowercased_and_chinese_becomes_overlapping_bigrams():
    assert tokens("Internet USERS rose") == ["internet", "users", "rose"]
    assert tokens("互联网") == ["互联", "联网"]
    assert tokens("安全") == ["安全"] and tokens("互") == ["互"]
    assert tokens("'; DROP TABLE claims; --") == ["drop", "table", "claims"]


def test_claims_are_found_by_quote_summary_note_and_speaker_name():
    document = DocumentFactory(text="Users rose to 1.03 billion. Quiet words here.")
    by_quote = ClaimFactory(document=document, quote_text="Users rose to 1.03 billion.")
    by_summary = ClaimFactory(
        document=document, quote_text="Quiet words here.", summary="About broadband pricing"
    )
    by_note = ClaimFactory(document=document, quote_text="Quiet words")
    Annotation.objects.create(claim=by_note, body="Compare with the CNNIC report")
    by_speaker = ClaimFactory(
        document=document, quote_text="here.", speaker=SpeakerFactory(name="Zhao Lijian")
    )
    assert found("billion") == [by_quote.pk]
    assert found("broadband") == [by_summary.pk]
    assert found("cnnic") == [by_note.pk]
    assert found("Lijian") == [by_speaker.pk]
    assert found("user") == [by_quote.pk]  # a word matches as a prefix: user → users


def test_the_index_follows_edits_deletions_notes_and_renames():
    document = DocumentFactory(text="Users rose to 1.03 billion. Quiet words here.")
    claim = ClaimFactory(
        document=document, quote_text="Quiet words here.", speaker=SpeakerFactory(name="Hua Chunying")
    )
    claim.summary = "Spectrum auction"
    claim.save()
    assert found("spectrum") == [claim.pk]
    note = Annotation.objects.create(claim=claim, body="Checked against Xinhua")
    assert found("xinhua") == [claim.pk]
    note.delete()
    assert found("xinhua") == []
    speaker = claim.speaker
    speaker.name = "Renamed Person"
    speaker.save()
    assert found("renamed") == [claim.pk] and found("chunying") == []
    SpeakerAlias.objects.create(speaker=speaker, name="Wei-min")
    assert found("wei-min") == [claim.pk]
    claim.delete()
    assert found("spectrum") == []


def test_a_document_edit_reindexes_moved_claims():
    document = DocumentFactory(text="Users rose to 1.03 billion last year.")
    claim = ClaimFactory(document=document, quote_text="rose to 1.03 billion last year")
    document.text = "Users rose to 1.05 billion last year."
    document_services.document_save(document)
    claim.refresh_from_db()
    assert claim.anchor == Claim.Anchor.REVIEW
    assert found("1.05") == [claim.pk] or found("05") == [claim.pk]


def test_ranking_puts_more_and_weightier_matches_first():
    document = DocumentFactory(text="Security first. Another sentence. Third one here.")
    twice = ClaimFactory(document=document, quote_text="Security first.", summary="Security above all")
    in_note_only = ClaimFactory(document=document, quote_text="Another sentence.")
    Annotation.objects.create(claim=in_note_only, body="On security")
    ClaimFactory(document=document, quote_text="Third one here.")
    assert found("security") == [twice.pk, in_note_only.pk]


@pytest.mark.parametrize("word", ["互联网", "网络", "安全", "互联网用户"])
def test_chinese_words_of_two_or_more_characters_are_found(word):
    claim = ClaimFactory(document=DocumentFactory(text=CHINESE, language="zh-Hans"), quote_text=CHINESE)
    ClaimFactory(document=DocumentFactory(text="其他内容，没有关系。"), quote_text="其他内容")
    assert found(word) == [claim.pk]


def test_a_chinese_word_not_in_the_text_is_not_found():
    ClaimFactory(document=DocumentFactory(text=CHINESE), quote_text=CHINESE)
    assert found("联用") == []  # two characters that never stand together here


@pytest.mark.parametrize(
    "query", ["'; DROP TABLE corpus_claim; --", '"', "AND OR NOT", "*", "互", "NEAR(a b)", "a:b", "\\"]
)
def test_hostile_queries_never_fail(query, client):
    ClaimFactory(document=DocumentFactory(text=CHINESE), quote_text=CHINESE)
    found(query)  # no exception
    assert client.get(reverse("claim-list"), {"q": query}).status_code == 200


def test_the_seed_corpus_is_searchable_after_loading(seed):
    quotes = [Claim.objects.get(pk=pk).quote for pk in found("billion")]
    assert any("1.03 billion" in quote for quote in quotes)
    assert found("Wei-min")  # an alias of Sun Weimin


def test_the_claim_list_searches_ranks_and_marks_matches(client, seed):
    response = client.get(reverse("claim-list"), {"q": "internet users"})
    assert response.context["sort"] == "relevance"
    claims = response.context["claims"]
    assert claims and all(getattr(claim, "search_rank", None) is not None for claim in claims)
    assert "<mark>" in response.content.decode()


def test_highlight_and_snippet_mark_words_and_chinese_without_markup():
    assert highlight("Internet users rose", "user") == [
        ("Internet ", False),
        ("users", True),
        (" rose", False),
    ]
    assert [piece for piece, hit in highlight(CHINESE, "网络安全") if hit] == ["网络安全"]
    pieces = snippet("x " * 300 + "the needle " + "y " * 300, "needle", width=60)
    assert ("needle", True) in pieces and pieces[0] == ("…", False)
    assert highlight("<b>bold</b>", "bold") == [("<b>", False), ("bold", True), ("</b>", False)]


def test_reindexing_everything_rebuilds_what_was_lost(seed):
    from django.core.management import call_command
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("DELETE FROM search_claimsearch")
        else:
            cursor.execute("DELETE FROM search_claimfts")
    assert found("billion") == []
    call_command("reindex_search", stdout=io.StringIO(), stderr=io.StringIO())
    assert found("billion")


@pytest.mark.django_db(transaction=True)
def test_deleting_a_claim_with_notes_leaves_no_index_row_behind():
    from claimtracker.search.models import ClaimSearch

    claim = ClaimFactory(document=DocumentFactory(text="Quiet words here."), quote_text="Quiet words")
    Annotation.objects.create(claim=claim, body="A note")
    claim.delete()  # committed at once: a dangling index row would break the foreign key here
    assert found("quiet") == []
    assert not ClaimSearch.objects.filter(claim_id=claim.pk).exists()


def test_index_rows_of_claims_no_longer_there_do_not_break_the_ranking():
    """Rows a flush or a partial restore left in SQLite's FTS table once made a word's
    frequency exceed the claim count, and the ranking failed on the logarithm (a 500)."""
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("the FTS table is SQLite's")
    claim = ClaimFactory(document=DocumentFactory(text="Security first."), quote_text="Security first.")
    with connection.cursor() as cursor:
        for rowid in range(10_000, 10_005):
            cursor.execute("INSERT INTO search_claimfts(rowid, quote) VALUES (%s, %s)", [rowid, "security"])
    matching = apply_search(Claim.objects.all(), "security")
    assert [c.pk for c in ranked_newest(matching, "security", pool=100)] == [claim.pk]

"""Re-anchoring claims after their document's text is edited."""

import pytest
from django.urls import reverse

from claimtracker.corpus.models import Claim
from claimtracker.corpus.services import documents as document_services
from claimtracker.text import anchoring
from claimtracker.text.fragments import directive_for, encoded_directive
from claimtracker.text.reanchoring import reanchor
from tests.factories import ClaimFactory, DocumentFactory

TEXT = "In 2021 the number of internet users rose to 1.03 billion last year, the statement said."
QUOTE = "rose to 1.03 billion last year"


def anchored(text, quote, occurrence=0):
    start = anchoring.occurrences(text, quote)[occurrence]
    end = start + len(quote)
    return (start, end, quote, *anchoring.context(text, start, end))


def test_unchanged_offsets_are_kept_and_the_context_refreshed():
    new = TEXT.replace("the statement said", "it said")
    found = reanchor(new, *anchored(TEXT, QUOTE))
    assert (found.outcome, found.anchor) == ("kept", "anchored")
    assert found.suffix == new[found.end : found.end + 32]


def test_an_insertion_before_the_quote_moves_it():
    new = "Beijing, 19 August. " + TEXT
    found = reanchor(new, *anchored(TEXT, QUOTE))
    assert found.outcome == "moved"
    assert new[found.start : found.end] == QUOTE == found.quote


def test_a_deletion_around_the_quote_moves_it():
    new = TEXT.replace("In 2021 the number of internet users ", "Users ").replace(
        ", the statement said.", "."
    )
    found = reanchor(new, *anchored(TEXT, QUOTE))
    assert (found.outcome, new[found.start : found.end]) == ("moved", QUOTE)


def test_a_small_change_inside_the_quote_moves_it_and_flags_it_for_review():
    new = TEXT.replace("1.03 billion", "1.05 billion")
    found = reanchor(new, *anchored(TEXT, QUOTE))
    assert (found.outcome, found.anchor) == ("review", "review")
    assert found.quote == "rose to 1.05 billion last year" == new[found.start : found.end]


def test_a_passage_that_is_gone_orphans_the_claim_and_keeps_its_quote():
    new = "A different report about something else entirely."
    old = anchored(TEXT, QUOTE)
    found = reanchor(new, *old)
    assert (found.outcome, found.anchor) == ("orphaned", "orphaned")
    assert (found.start, found.end, found.quote) == old[:3]


def test_prefix_and_suffix_decide_between_duplicate_occurrences():
    text = "Xi said: no security without cybersecurity. Niu said: no security without cybersecurity. End."
    quote = "no security without cybersecurity"
    second = anchored(text, quote, occurrence=1)
    new = "Preface. " + text.replace("Xi said", "Xi once said")
    found = reanchor(new, *second)
    assert found.outcome == "moved"
    assert new[found.start - len("Niu said: ") : found.start] == "Niu said: "


def test_a_tie_between_occurrences_is_flagged_not_guessed():
    quote = "the same sentence"
    text = f"A: {quote}. B: {quote}."
    old = (0, len(quote), quote, "", "")  # no context to tell them apart, and the offsets are gone
    found = reanchor(f"Z {text}", *old)
    assert found.outcome == "review"
    assert f"Z {text}"[found.start : found.end] == quote


def test_offsets_are_code_points_after_astral_and_chinese_characters():
    text = "𝐀𝐁 中国互联网 " + TEXT
    new = "😀 新的 " + text
    found = reanchor(new, *anchored(text, QUOTE))
    assert found.outcome == "moved"
    assert found.start == new.index(QUOTE)  # Python indices are code points


@pytest.mark.django_db
def test_editing_a_document_in_the_admin_reanchors_its_claims_with_history(admin_client):
    document = DocumentFactory(text=TEXT + " Second sentence about 564 million in 2012.")
    moved = ClaimFactory(document=document, quote_text=QUOTE)
    flagged = ClaimFactory(document=document, quote_text="Second sentence about 564 million")
    orphan = ClaimFactory(document=document, quote_text="564 million in 2012")
    new_text = "Update: " + TEXT + " Second sentence about 565 million."
    data = {
        "title": document.title,
        "kind": document.kind,
        "language": document.language,
        "text": new_text,
        "notes": "",
        "bylines-TOTAL_FORMS": "0",
        "bylines-INITIAL_FORMS": "0",
        "bylines-MIN_NUM_FORMS": "0",
        "bylines-MAX_NUM_FORMS": "1000",
        "claims-TOTAL_FORMS": "3",
        "claims-INITIAL_FORMS": "3",
        "claims-MIN_NUM_FORMS": "0",
        "claims-MAX_NUM_FORMS": "1000",
    }
    for index, claim in enumerate((moved, flagged, orphan)):
        data[f"claims-{index}-id"] = claim.pk
        data[f"claims-{index}-document"] = document.pk
    response = admin_client.post(
        reverse("admin:corpus_document_change", args=[document.pk]), data, follow=True
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert (
        "1 moved with their passage" in page and "1 moved by a close match" in page and "1 orphaned" in page
    )
    for claim in (moved, flagged, orphan):
        claim.refresh_from_db()
    assert (moved.anchor, new_text[moved.start : moved.end]) == ("anchored", QUOTE)
    assert flagged.anchor == Claim.Anchor.REVIEW and new_text[flagged.start : flagged.end] == flagged.quote
    assert (orphan.anchor, orphan.quote) == ("orphaned", "564 million in 2012")
    assert moved.fragment == encoded_directive(new_text, moved.start, moved.end) and orphan.fragment == ""
    assert moved.history.first().history_user.username == "admin"
    assert Claim.objects.filter(pk__in=[moved.pk, flagged.pk, orphan.pk]).count() == 3  # nothing deleted


@pytest.mark.django_db
def test_a_document_save_with_unchanged_text_touches_no_claim():
    document = DocumentFactory(text=TEXT)
    claim = ClaimFactory(document=document, quote_text=QUOTE)
    before = claim.history.count()
    document.title = "A new title"
    assert document_services.document_save(document) == {}
    assert claim.history.count() == before


@pytest.mark.django_db
def test_a_text_edit_renews_the_text_fragment_of_a_claim_it_leaves_in_place():
    # Same length, so the claim keeps its offsets and context; but its words now also begin
    # the sentence before it, so its text fragment needs the words before it to find it.
    document = DocumentFactory(
        text="Gamma said the rate rose sharply in May. Omega said the rate rose sharply in May."
    )
    claim = ClaimFactory(document=document, quote_text="Omega said the rate rose sharply in May")
    assert directive_for(document.text, claim.start, claim.end).prefix == ""
    version, rows = claim.version, claim.history.count()
    document.text = document.text.replace("Gamma", "Omega")
    assert document_services.document_save(document) == {"kept": 1}
    claim.refresh_from_db()
    assert directive_for(document.text, claim.start, claim.end).prefix.endswith("in May.")
    assert claim.fragment == encoded_directive(document.text, claim.start, claim.end)
    assert (claim.version, claim.history.count()) == (version, rows)  # not an edit of the claim

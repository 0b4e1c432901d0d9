"""Saving a document in the admin keeps its text exactly as the researcher left it."""

import pytest
from django.urls import reverse

from claimtracker.corpus.models import Claim, Document
from tests.factories import ClaimFactory, DocumentFactory

pytestmark = pytest.mark.django_db


def form_data(document, **changes):
    data = {
        "title": document.title,
        "kind": document.kind,
        "language": document.language,
        "text": document.text,
        "publisher": document.publisher_id or "",
        "republished_from": "",
        "copy_of": "",
        "issuer": "",
        "speaker": "",
        "delivered_on": "",
        "url": "",
        "published_on": document.published_on.isoformat() if document.published_on else "",
        "accessed_on": "",
        "notes": "",
        "bylines-TOTAL_FORMS": "0",
        "bylines-INITIAL_FORMS": str(document.bylines.count()),
        "bylines-MIN_NUM_FORMS": "0",
        "bylines-MAX_NUM_FORMS": "1000",
        "claims-TOTAL_FORMS": "0",
        "claims-INITIAL_FORMS": str(document.claims.count()),
        "claims-MIN_NUM_FORMS": "0",
        "claims-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


def change_url(document):
    return reverse("admin:corpus_document_change", args=[document.pk])


def test_it_keeps_leading_and_trailing_whitespace(admin_client):
    text = " date 2022-08-20 CCTV News:\u00a0the text starts with a space\n\n  and ends with two.  \n\n"
    document = DocumentFactory(text=text)
    response = admin_client.post(change_url(document), form_data(document, title="Renamed"))
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.title == "Renamed"
    assert document.text == text


def test_crlf_from_the_browser_is_no_change(admin_client):
    document = DocumentFactory(text="Line one.\nLine two.\n")
    claim = ClaimFactory(document=document, quote_text="Line two.")
    before = document.content_hash
    response = admin_client.post(change_url(document), form_data(document, text="Line one.\r\nLine two.\r\n"))
    assert response.status_code == 302
    document.refresh_from_db()
    claim.refresh_from_db()
    assert document.text == "Line one.\nLine two.\n"
    assert document.content_hash == before
    assert claim.anchor == Claim.Anchor.ANCHORED


def test_the_change_form_shows_the_text_unchanged(admin_client):
    document = DocumentFactory(text="\nStarts with a newline & <b>markup</b>.")
    response = admin_client.get(change_url(document))
    # Django's textarea writes one newline after the tag, which browsers drop,
    # so the text's own leading newline survives the round trip.
    assert "<textarea" in response.content.decode()
    assert (
        'id="id_text">\n\nStarts with a newline &amp; &lt;b&gt;markup&lt;/b&gt;.</textarea>'
        in response.content.decode()
    )


def test_an_edit_under_a_claim_orphans_it_and_keeps_its_quote(admin_client):
    document = DocumentFactory(text="Intro. The figure was 564 million in 2012. Outro.")
    kept = ClaimFactory(document=document, quote_text="Intro.")
    broken = ClaimFactory(document=document, quote_text="564 million in 2012")
    new_text = "Intro. The figure was 1.03 billion in 2021. Outro."
    response = admin_client.post(change_url(document), form_data(document, text=new_text), follow=True)
    assert "1 orphaned" in response.content.decode()
    kept.refresh_from_db()
    broken.refresh_from_db()
    assert kept.anchor == Claim.Anchor.ANCHORED
    assert broken.anchor == Claim.Anchor.ORPHANED
    assert broken.quote == "564 million in 2012"


def test_a_duplicate_text_is_refused_with_a_message_and_nothing_saved(admin_client):
    original = DocumentFactory(text="The same words.\n")
    data = form_data(original, title="A second copy")
    data["claims-INITIAL_FORMS"] = "0"
    response = admin_client.post(reverse("admin:corpus_document_add"), data)
    assert response.status_code == 200
    assert "already stored" in response.content.decode()
    assert Document.objects.count() == 1

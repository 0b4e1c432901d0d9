"""The plain public pages: home, a document with its claims, a claim."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claimtracker.corpus.models import Claim, Link
from tests.factories import (
    AnnotationFactory,
    ClaimFactory,
    DocumentFactory,
    LinkFactory,
    SpeakerRoleFactory,
    StatisticFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_home_shows_counts_and_links_into_the_documents_and_the_admin(client):
    claim = ClaimFactory()
    html = client.get("/").content.decode()
    assert '<html lang="en">' in html
    assert claim.document.get_absolute_url() in html
    assert claim.get_absolute_url() in html
    assert "/admin/corpus/claim/" in html
    assert "<strong>1</strong> claims" in html


def test_the_document_page_shows_its_text_and_lists_its_claims(client):
    document = DocumentFactory(text='Hostile <script>alert(1)</script> & "quotes" \\ text. The figure rose.')
    claim = ClaimFactory(document=document, quote_text="The figure rose.")
    html = client.get(document.get_absolute_url()).content.decode()
    assert "Hostile &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; \\ text." in html
    assert "<script>" not in html
    assert claim.get_absolute_url() in html
    assert "1 claim in this document" in html


def test_the_document_page_costs_the_same_queries_for_one_or_many_claims(client):
    few = ClaimFactory().document
    many = DocumentFactory(text="A. B. C. D. E. F.")
    for letter in "ABCDEF":
        ClaimFactory(document=many, quote_text=f"{letter}.", role=None)
    assert count_queries(client, many.get_absolute_url()) == count_queries(client, few.get_absolute_url())


def test_the_claim_page_shows_the_quote_in_context_with_figures_links_and_notes(admin_client):
    client = admin_client
    claim = ClaimFactory(summary="Internet users reached 1.03 billion in 2021.")
    claim.role = SpeakerRoleFactory(speaker=claim.speaker, title="Spokesman")
    claim.save()
    StatisticFactory(claim=claim)
    question = ClaimFactory(document=claim.document, quote_text="no national security", kind="question")
    LinkFactory(source=claim, target=question, relation=Link.Relation.RESPONDS_TO)
    LinkFactory(source=ClaimFactory(document=claim.document, quote_text="Document"), target=claim)
    AnnotationFactory(claim=claim, body="Matches CNNIC's 49th report.")
    html = client.get(claim.get_absolute_url()).content.decode()
    assert f"<mark>{claim.quote}</mark>" in html
    assert claim.prefix in html and claim.suffix in html
    assert "Spokesman" in html
    assert "1,030,000,000" in html
    assert "<strong>responds to</strong>" in html
    assert "<strong>updated by</strong>" in html
    assert "Matches CNNIC&#x27;s 49th report." in html


def test_the_claim_page_costs_the_same_queries_however_many_links_it_has(client):
    few = ClaimFactory()
    LinkFactory(source=few)
    many = ClaimFactory()
    for _ in range(5):
        LinkFactory(source=many)
        LinkFactory(target=many)
        StatisticFactory(claim=many)
        AnnotationFactory(claim=many)
        many.topics.add(TopicFactory())
    few.topics.add(TopicFactory())
    StatisticFactory(claim=few)
    AnnotationFactory(claim=few)
    LinkFactory(target=few)
    assert count_queries(client, many.get_absolute_url()) == count_queries(client, few.get_absolute_url())


def test_missing_pages_are_404(client):
    assert client.get("/documents/999999/").status_code == 404
    assert client.get("/claims/999999/").status_code == 404


def test_claims_needing_attention_are_listed_and_anchored_ones_are_not(client):
    anchored = ClaimFactory(summary="anchored")
    orphaned = ClaimFactory(document=anchored.document, quote_text="billion")
    Claim.objects.filter(pk=orphaned.pk).update(anchor=Claim.Anchor.ORPHANED)
    html = client.get(reverse("claims-attention")).content.decode()
    assert orphaned.get_absolute_url() in html and "Orphaned" in html
    assert anchored.get_absolute_url() not in html
    assert reverse("claims-attention") in client.get(reverse("home")).content.decode()


def test_the_claim_page_title_names_the_claim_and_no_element_id_repeats(client, seed):
    html = client.get(reverse("claim", args=[28])).content.decode()
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert title == "Claim 28 · Claimtracker"
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)


def test_working_notes_and_names_are_for_signed_in_readers_but_a_published_verdicts_evidence_is_public(
    admin_client,
):
    from django.test import Client

    client = Client()
    claim = ClaimFactory(status="disputed")
    AnnotationFactory(claim=claim, body="Working note: ask CNNIC.")
    AnnotationFactory(claim=claim, body="CNNIC's 2021 report says 1.032 billion.", is_evidence=True)
    anonymous = client.get(claim.get_absolute_url()).content.decode()
    signed_in = admin_client.get(claim.get_absolute_url()).content.decode()
    assert "Working note" not in anonymous and "Working note" in signed_in
    assert "1.032 billion" in anonymous and "1.032 billion" in signed_in

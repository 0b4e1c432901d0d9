"""Creating and curating claims in the admin."""

import pytest
from django.urls import reverse

from claimtracker.corpus.models import Claim
from tests.factories import ClaimFactory, DocumentFactory, SpeakerFactory

pytestmark = pytest.mark.django_db

EMPTY_INLINES = {
    f"{prefix}-{field}": value
    for prefix in ("statistics", "links_out", "links_in", "annotations")
    for field, value in (
        ("TOTAL_FORMS", "0"),
        ("INITIAL_FORMS", "0"),
        ("MIN_NUM_FORMS", "0"),
        ("MAX_NUM_FORMS", "1000"),
    )
}


def claim_data(document, **fields):
    data = {
        "document": document.pk,
        "quote": "",
        "start": "",
        "end": "",
        "anchor": "anchored",
        "speaker": SpeakerFactory().pk,
        "role": "",
        "attribution": "direct",
        "kind": "statistic",
        "said_on": "2022-08-19",
        "summary": "",
        "status": "unverified",
        **EMPTY_INLINES,
    }
    data.update(fields)
    return data


def add(admin_client, data):
    return admin_client.post(reverse("admin:corpus_claim_add"), data)


def test_it_saves_an_anchored_claim_with_its_context(admin_client, superuser):
    document = DocumentFactory(
        text="Numbers: internet users rose to 1.03 billion last year, the statement said."
    )
    start = document.text.index("1.03 billion")
    response = add(admin_client, claim_data(document, quote="1.03 billion", start=start, end=start + 12))
    assert response.status_code == 302
    claim = Claim.objects.get()
    assert (claim.start, claim.end, claim.quote) == (start, start + 12, "1.03 billion")
    assert claim.prefix == document.text[:start][-32:]
    assert claim.suffix == document.text[start + 12 :][:32]
    assert claim.created_by == superuser


def test_it_refuses_a_quote_that_is_not_the_text_at_its_offsets(admin_client):
    document = DocumentFactory(text="Internet users rose to 1.03 billion last year.")
    response = add(admin_client, claim_data(document, quote="1.03 billion", start=0, end=12))
    assert response.status_code == 200
    assert "does not match the document" in response.content.decode()
    assert not Claim.objects.exists()


def test_it_finds_a_quote_that_occurs_once(admin_client):
    document = DocumentFactory(text="Internet users rose to 1.03 billion last year.")
    response = add(admin_client, claim_data(document, quote=" 1.03 billion "))
    assert response.status_code == 302
    claim = Claim.objects.get()
    assert document.text[claim.start : claim.end] == " 1.03 billion "


def test_it_asks_which_occurrence_when_a_quote_occurs_twice(admin_client):
    document = DocumentFactory(text="No security without security.")
    response = add(admin_client, claim_data(document, quote="security"))
    assert "occurs 2 times (at 3, 20)" in response.content.decode()
    assert not Claim.objects.exists()


def test_a_quote_not_in_the_text_is_refused(admin_client):
    document = DocumentFactory(text="Internet users rose.")
    response = add(admin_client, claim_data(document, quote="fell"))
    assert "does not occur in the document" in response.content.decode()
    assert not Claim.objects.exists()


def test_the_bulk_action_sets_the_status_and_records_history(admin_client, superuser):
    claims = [ClaimFactory() for _ in range(3)]
    response = admin_client.post(
        reverse("admin:corpus_claim_changelist"),
        {"action": "mark_disputed", "_selected_action": [claims[0].pk, claims[1].pk]},
        follow=True,
    )
    assert "2 claim(s) marked disputed" in response.content.decode()
    statuses = dict(Claim.objects.values_list("pk", "status"))
    assert statuses == {claims[0].pk: "disputed", claims[1].pk: "disputed", claims[2].pk: "unverified"}
    latest = Claim.history.filter(id=claims[0].pk).latest()
    assert latest.status == "disputed" and latest.history_user == superuser


def test_the_topic_filter_includes_subtopics(admin_client):
    from tests.factories import TopicFactory

    parent = TopicFactory(slug="cybersecurity")
    child = TopicFactory(slug="data-security", parent=parent)
    inside, outside = ClaimFactory(), ClaimFactory()
    inside.topics.add(child)
    outside.topics.add(TopicFactory(slug="elsewhere"))
    response = admin_client.get(reverse("admin:corpus_claim_changelist"), {"topic": parent.pk})
    shown = [claim.pk for claim in response.context["cl"].result_list]
    assert shown == [inside.pk]


def test_the_language_filter_offers_the_documents_languages_and_follows_new_ones(admin_client):
    ClaimFactory(document=DocumentFactory(language="en"))

    def offered():
        page = admin_client.get(reverse("admin:corpus_claim_changelist")).content.decode()
        return {code for code in ("en", "zh-Hans") if f"?language={code}" in page}

    assert offered() == {"en"}
    DocumentFactory(language="zh-Hans")  # a new corpus version: the cached list is not reused
    assert offered() == {"en", "zh-Hans"}


def test_a_number_in_the_search_box_finds_that_claim(admin_client):
    wanted, _ = ClaimFactory(), ClaimFactory()
    response = admin_client.get(reverse("admin:corpus_claim_changelist"), {"q": str(wanted.pk)})
    assert [claim.pk for claim in response.context["cl"].result_list] == [wanted.pk]

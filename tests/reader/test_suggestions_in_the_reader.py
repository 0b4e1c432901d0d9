"""Suggestions in the reader: shown on demand, accepted as claims or dismissed with one
click each, dismissals kept through text edits; nothing else trusted from the browser."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from claimtracker.corpus.models import Claim, DismissedSuggestion, Document
from claimtracker.corpus.services.documents import document_save
from claimtracker.corpus.services.importing import document_import
from tests.factories import MetricFactory, SpeakerFactory, UserFactory
from tests.importing import inputs

pytestmark = pytest.mark.django_db


@pytest.fixture
def researcher(client):
    user = UserFactory()
    user.groups.add(Group.objects.get(name="researcher"))
    client.force_login(user)
    return user


@pytest.fixture
def transcript():
    SpeakerFactory(name="Miao Wei", family_name="Miao", given_name="Wei", name_order="family_first")
    text = inputs.TRANSCRIPT
    return document_import(
        Document(title="SCIO briefing", kind="transcript", text=text, published_on=datetime.date(2022, 3, 1))
    )


def suggestions_page(client, document):
    return client.get(reverse("document", args=[document.pk]) + "?suggest=1")


def place(document, quote):
    start = document.text.index(quote)
    return {"start": start, "end": start + len(quote)}


def test_suggestions_show_on_demand_and_accepting_one_makes_a_claim(client, researcher, transcript):
    metric = MetricFactory(name="Mobile internet users", unit="people")
    assert "suggested claim" not in client.get(reverse("document", args=[transcript.pk])).content.decode()
    page = suggestions_page(client, transcript)
    assert [item.suggestion.kind for item in page.context["suggestions"]] == [
        "statistic",
        "question",
        "denial",
        "commitment",
    ]
    sentence = (
        "Last year China's mobile internet users reached 1.03 billion, and 73 percent of them used 5G phones."
    )
    response = client.post(
        reverse("reader-suggestion-accept", args=[transcript.pk]), place(transcript, sentence)
    )
    assert response.status_code == 302 and response["Location"].endswith("?suggest=1#suggestions")
    claim = Claim.objects.get()
    assert (claim.quote, claim.kind, claim.speaker.name, claim.said_on, claim.created_by) == (
        sentence,
        "statistic",
        "Miao Wei",
        datetime.date(2022, 3, 1),
        researcher,
    )
    assert [(s.metric, s.value, s.unit) for s in claim.statistics.order_by("value")] == [
        (metric, 73, "percent"),
        (metric, 1_030_000_000, "people"),
    ]
    assert len(suggestions_page(client, transcript).context["suggestions"]) == 3  # the claimed one is gone


def test_a_dismissed_suggestion_is_not_offered_again_and_follows_its_passage_through_an_edit(
    client, researcher, transcript
):
    question = "Will the ministry limit foreign cloud providers?"
    client.post(reverse("reader-suggestion-dismiss", args=[transcript.pk]), place(transcript, question))
    assert question not in [
        i.suggestion.quote for i in suggestions_page(client, transcript).context["suggestions"]
    ]
    transcript.text = "Opening remarks.\n\n" + transcript.text
    document_save(transcript)
    dismissed = DismissedSuggestion.objects.get()
    assert transcript.text[dismissed.start : dismissed.end] == question
    assert question not in [
        i.suggestion.quote for i in suggestions_page(client, transcript).context["suggestions"]
    ]
    transcript.text = transcript.text.replace(question, "")
    document_save(transcript)
    assert not DismissedSuggestion.objects.exists()  # its passage is gone


@pytest.mark.parametrize("data", [{}, {"start": "x", "end": "3"}, {"start": "5", "end": "2"}])
def test_a_form_naming_no_suggestion_is_refused(client, researcher, transcript, data):
    response = client.post(reverse("reader-suggestion-accept", args=[transcript.pk]), data)
    assert response.status_code == 400 and not Claim.objects.exists()


def test_a_place_that_is_no_suggestion_is_refused_with_a_message(client, researcher, transcript):
    response = client.post(
        reverse("reader-suggestion-accept", args=[transcript.pk]), {"start": 0, "end": 5}, follow=True
    )
    assert "no longer offered" in response.content.decode()
    assert not Claim.objects.exists()


def test_viewers_get_no_suggestions_and_cannot_accept(client, transcript):
    viewer = UserFactory()
    viewer.groups.add(Group.objects.get(name="viewer"))
    client.force_login(viewer)
    assert suggestions_page(client, transcript).context["suggestions"] is None
    sentence = "We will not restrict foreign companies."
    response = client.post(
        reverse("reader-suggestion-accept", args=[transcript.pk]), place(transcript, sentence)
    )
    assert response.status_code == 403 and not Claim.objects.exists()

"""Every admin change-list and change form renders for a superuser, in a
number of queries that does not grow with the rows shown."""

import pytest
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claimtracker.corpus import models
from tests.factories import (
    AnnotationFactory,
    ClaimFactory,
    DismissalFactory,
    DocumentFactory,
    LinkFactory,
    OrganisationFactory,
    SpeakerFactory,
    SpeakerRoleFactory,
    StatisticFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

CORPUS_MODELS = [model for model in admin.site._registry if model._meta.app_label == "corpus"]


def make_rows(count):
    """`count` rows of every corpus model, related to each other as in real use."""
    root = TopicFactory()
    for _ in range(count):
        speaker = SpeakerFactory()
        speaker.aliases.create(name=f"{speaker.name} (alias)")
        role = SpeakerRoleFactory(
            speaker=speaker, organisation=OrganisationFactory(parent=OrganisationFactory())
        )
        claim = ClaimFactory(speaker=speaker, role=role)
        claim.topics.add(TopicFactory(parent=root), root)
        StatisticFactory(claim=claim)
        LinkFactory(
            source=claim, target=ClaimFactory(document=claim.document, quote_text="no national security")
        )
        AnnotationFactory(claim=claim)
        DismissalFactory(claim=claim)


def queries_for(client, url):
    client.get(url)  # warm Django's own caches (content types, permissions)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


INLINE_ONLY = {"Byline"}  # edited on its document's page, in the byline's order
# Shown on the document's page (its originals, downloaded from there) or derived from its text.
# Dismissed suggestions are made in the reader, where the suggestion is.
ON_THE_DOCUMENT = {"Snapshot", "TextBand", "DismissedSuggestion"}


def test_every_corpus_model_has_an_admin():
    names = {model.__name__ for model in CORPUS_MODELS}
    assert names | INLINE_ONLY | ON_THE_DOCUMENT == {name for name in models.__all__}
    assert names.isdisjoint(INLINE_ONLY | ON_THE_DOCUMENT)


def test_bylines_are_edited_on_the_document_page(admin_client):
    document = DocumentFactory()
    document.bylines.create(person=SpeakerFactory(name="Cao Yin"), position=1)
    response = admin_client.get(reverse("admin:corpus_document_change", args=[document.pk]))
    assert response.status_code == 200
    assert 'name="bylines-0-person"' in response.content.decode()
    assert "Cao Yin" in response.content.decode()


@pytest.mark.parametrize("model", CORPUS_MODELS, ids=lambda model: model.__name__)
def test_the_change_list_costs_the_same_queries_for_few_and_many_rows(admin_client, model):
    url = reverse(f"admin:corpus_{model._meta.model_name}_changelist")
    make_rows(2)
    few = queries_for(admin_client, url)
    make_rows(5)
    many = queries_for(admin_client, url)
    assert many == few
    assert few <= 12


def claim_with_inline_rows(count):
    claim = ClaimFactory()
    for _ in range(count):
        StatisticFactory(claim=claim)
        LinkFactory(source=claim, target=ClaimFactory(document=claim.document))
        LinkFactory(target=claim, source=ClaimFactory(document=claim.document))
        AnnotationFactory(claim=claim)
        claim.topics.add(TopicFactory(parent=TopicFactory()))
    return claim


def speaker_with_inline_rows(count):
    speaker = SpeakerFactory()
    for n in range(count):
        speaker.aliases.create(name=f"alias {n}")
        SpeakerRoleFactory(speaker=speaker)
    return speaker


def document_with_inline_rows(count):
    document = DocumentFactory()
    for _ in range(count):
        ClaimFactory(document=document)
    return document


OBJECT_MAKERS = {
    models.Claim: claim_with_inline_rows,
    models.Speaker: speaker_with_inline_rows,
    models.Document: document_with_inline_rows,
}


@pytest.mark.parametrize("model", CORPUS_MODELS, ids=lambda model: model.__name__)
def test_the_change_form_costs_the_same_queries_for_few_and_many_inline_rows(admin_client, model):
    make_rows(1)
    maker = OBJECT_MAKERS.get(model)
    if maker:
        few_obj, many_obj = maker(1), maker(6)
    else:
        few_obj = many_obj = model.objects.order_by("pk").first()

    def change_url(obj):
        return reverse(f"admin:corpus_{model._meta.model_name}_change", args=[obj.pk])

    few = queries_for(admin_client, change_url(few_obj))
    many = queries_for(admin_client, change_url(many_obj))
    assert many == few
    assert few <= 20


@pytest.mark.parametrize("model", CORPUS_MODELS, ids=lambda model: model.__name__)
def test_the_add_form_and_history_render(admin_client, model):
    make_rows(1)
    obj = model.objects.order_by("pk").first()
    name = model._meta.model_name
    assert admin_client.get(reverse(f"admin:corpus_{name}_add")).status_code == 200
    assert admin_client.get(reverse(f"admin:corpus_{name}_history", args=[obj.pk])).status_code == 200

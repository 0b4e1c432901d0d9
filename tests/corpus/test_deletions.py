"""Deleting what claims use: a topic or a role in use is kept, and the admin says
which claims use it; deleting a claim takes its figures, links and notes along."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from claimtracker.corpus.models import Claim, SpeakerRole, Topic
from claimtracker.corpus.services.records import record_delete
from tests.factories import ClaimFactory, SpeakerRoleFactory, TopicFactory

pytestmark = pytest.mark.django_db


def test_a_topic_in_use_is_not_deleted_and_the_claims_are_named(admin_client):
    topic = TopicFactory(name="Data security")
    claims = [ClaimFactory(), ClaimFactory()]
    for claim in claims:
        claim.topics.add(topic)
    url = reverse("admin:corpus_topic_delete", args=[topic.pk])

    page = admin_client.get(url).content.decode()
    response = admin_client.post(url, {"post": "yes"})

    assert f"is a topic of 2 claims (#{claims[0].pk}, #{claims[1].pk})" in page
    assert response.status_code == 200 and Topic.objects.filter(pk=topic.pk).exists()
    assert all(claim.topics.filter(pk=topic.pk).exists() for claim in claims)


def test_a_topic_in_use_is_kept_by_the_bulk_delete_action_too(admin_client):
    topic = TopicFactory()
    ClaimFactory().topics.add(topic)
    admin_client.post(
        reverse("admin:corpus_topic_changelist"),
        {"action": "delete_selected", "_selected_action": [topic.pk], "post": "yes"},
    )
    assert Topic.objects.filter(pk=topic.pk).exists()


def test_an_unused_topic_is_deleted_with_a_history_row(admin_client):
    topic = TopicFactory()
    response = admin_client.post(reverse("admin:corpus_topic_delete", args=[topic.pk]), {"post": "yes"})
    assert response.status_code == 302 and not Topic.objects.filter(pk=topic.pk).exists()
    assert Topic.history.filter(id=topic.pk, history_type="-", history_user__username="admin").exists()


def test_a_role_in_use_is_not_deleted_neither_alone_nor_from_its_speaker(admin_client):
    role = SpeakerRoleFactory(title="Spokesman")
    claim = ClaimFactory(speaker=role.speaker, role=role)
    response = admin_client.post(reverse("admin:corpus_speakerrole_delete", args=[role.pk]), {"post": "yes"})
    assert response.status_code == 200 and f"#{claim.pk}" in response.content.decode()
    with pytest.raises(ValidationError, match=f"attributed role of 1 claim \\(#{claim.pk}\\)"):
        record_delete(role)
    claim.refresh_from_db()
    assert claim.role == role and SpeakerRole.objects.filter(pk=role.pk).exists()


def test_a_topic_with_subtopics_is_not_deleted():
    parent = TopicFactory()
    TopicFactory(parent=parent)
    with pytest.raises(ValidationError, match="has subtopics"):
        record_delete(parent)
    assert Topic.objects.filter(pk=parent.pk).exists()


def test_deleting_a_claim_in_the_admin_records_who_deleted_it(admin_client):
    claim = ClaimFactory()
    admin_client.post(reverse("admin:corpus_claim_delete", args=[claim.pk]), {"post": "yes"})
    assert not Claim.objects.filter(pk=claim.pk).exists()
    assert Claim.history.get(id=claim.pk, history_type="-").history_user.username == "admin"

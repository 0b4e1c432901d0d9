"""Merging speakers: claims, roles and spellings move to the speaker who stays."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from claimtracker.corpus.models import Claim, Speaker
from tests.factories import ClaimFactory, SpeakerFactory, SpeakerRoleFactory, UserFactory

pytestmark = pytest.mark.django_db


def merge(client, speakers, keep=None):
    data = {"action": "merge_speakers", "_selected_action": [s.pk for s in speakers]}
    if keep:
        data["keep"] = keep.pk
    return client.post(reverse("admin:corpus_speaker_changelist"), data)


def test_an_editor_merges_a_duplicate_speaker_keeping_everything(admin_client):
    keep = SpeakerFactory(name="Sun Weimin")
    duplicate = SpeakerFactory(name="Sun Wei-min")
    duplicate.aliases.create(name="孙伟民")
    role = SpeakerRoleFactory(speaker=duplicate, title="Spokesman")
    claim = ClaimFactory(speaker=duplicate, role=role)

    choose = merge(admin_client, [keep, duplicate])
    done = merge(admin_client, [keep, duplicate], keep=keep)

    assert choose.status_code == 200 and "The speaker who stays" in choose.content.decode()
    assert done.status_code == 302
    claim.refresh_from_db()
    role.refresh_from_db()
    assert (claim.speaker, claim.role, role.speaker) == (keep, role, keep)
    assert set(keep.aliases.values_list("name", flat=True)) == {"Sun Wei-min", "孙伟民"}
    assert not Speaker.objects.filter(pk=duplicate.pk).exists()
    change = Claim.history.filter(id=claim.pk).order_by("history_id").last()
    assert (
        change.history_user.username == "admin" and "merged into Sun Weimin" in change.history_change_reason
    )
    assert Speaker.history.get(id=duplicate.pk, history_type="-").history_user.username == "admin"


def test_merging_is_for_those_allowed_to(client):
    researcher = UserFactory(username="researcher", is_staff=True)
    researcher.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_speaker", "change_speaker"])
    )
    client.force_login(researcher)
    keep, duplicate = SpeakerFactory(), SpeakerFactory()
    assert "merge_speakers" not in client.get(reverse("admin:corpus_speaker_changelist")).content.decode()
    merge(client, [keep, duplicate], keep=keep)
    assert Speaker.objects.filter(pk=duplicate.pk).exists()


def test_the_merged_speakers_claims_are_found_by_the_names_they_had(admin_client, client):
    keep = SpeakerFactory(name="Sun Weimin")
    duplicate = SpeakerFactory(name="Sun Wei-min")
    claim = ClaimFactory(speaker=duplicate)
    merge(admin_client, [keep, duplicate], keep=keep)
    found = client.get(reverse("claim-list"), {"q": "Wei-min"}).context["claims"]
    assert [c.pk for c in found] == [claim.pk]

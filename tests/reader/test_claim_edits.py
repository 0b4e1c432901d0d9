"""Editing claims from the reader: an edit changes only what the editor changed,
figures keep their ids and unshown fields, and a change made meanwhile is never
overwritten silently (409 with both versions)."""

import datetime
import json

import pytest
from django.test import Client
from django.urls import reverse

from claimtracker.corpus.models import Claim, Statistic
from claimtracker.corpus.services import claims as claim_services
from tests.factories import ClaimFactory, StatisticFactory, UserFactory

pytestmark = pytest.mark.django_db

FIGURE_FIELDS = (
    "id",
    "metric_id",
    "value",
    "unit",
    "qualifier",
    "period_start",
    "period_end",
    "period_label",
    "geography",
)


def post(client, url, payload):
    return client.post(url, json.dumps(payload), content_type="application/json")


def card(client, claim):
    return client.get(reverse("reader-claim-card", args=[claim.pk])).json()


def as_the_form_sends(card_data, **changes):
    """What the reader's edit form posts: every field it shows, figures with their ids
    and shown fields only, and the version and values it started from."""
    values = card_data["edit"]["values"]
    shown = ("id", "metric", "value", "unit", "qualifier", "period_label")
    payload = {
        name: values[name]
        for name in ("speaker", "role", "attribution", "kind", "topics", "said_on", "summary", "status")
    }
    payload["figures"] = [{name: figure[name] for name in shown} for figure in values["figures"]]
    return {**payload, **changes, "version": card_data["edit"]["version"], "base": values}


def update(client, claim, payload):
    return post(client, reverse("reader-claim-update", args=[claim.pk]), payload)


def figures_of(claim):
    return list(Statistic.objects.filter(claim=claim).order_by("pk").values_list(*FIGURE_FIELDS))


def test_a_summary_only_edit_keeps_every_field_of_every_figure_of_seed_claim_28(admin_client, seed):
    claim = Claim.objects.get(pk=28)
    before = figures_of(claim)
    assert before[0][4:] == ("exact", datetime.date(2012, 1, 1), datetime.date(2012, 12, 31), "2012", "China")

    response = update(
        admin_client, claim, as_the_form_sends(card(admin_client, claim), summary="564 million in 2012.")
    )

    assert response.status_code == 200, response.content
    assert figures_of(claim) == before
    claim.refresh_from_db()
    assert claim.summary == "564 million in 2012." and claim.version == 2


def test_a_changed_figure_is_updated_in_place_keeping_what_the_form_does_not_show(admin_client):
    figure = StatisticFactory(value="1030000000", period_start=datetime.date(2021, 1, 1), geography="China")
    sent = as_the_form_sends(card(admin_client, figure.claim))
    sent["figures"][0]["value"] = "1,040,000,000".replace(",", "")
    assert update(admin_client, figure.claim, sent).status_code == 200
    figure.refresh_from_db()
    assert (figure.value, figure.period_start, figure.geography) == (
        1_040_000_000,
        datetime.date(2021, 1, 1),
        "China",
    )


def test_figures_added_and_removed_in_the_form_are_added_and_removed(admin_client):
    kept = StatisticFactory(value="1")
    claim = kept.claim
    removed = StatisticFactory(claim=claim, value="2")
    sent = as_the_form_sends(card(admin_client, claim))
    sent["figures"] = [f for f in sent["figures"] if f["id"] == kept.pk]
    sent["figures"].append({"metric": "Mobile users", "value": "3", "qualifier": "about"})
    assert update(admin_client, claim, sent).status_code == 200
    assert not Statistic.objects.filter(pk=removed.pk).exists()
    assert Statistic.objects.filter(pk=kept.pk, value=1).exists()
    assert Statistic.objects.filter(
        claim=claim, metric__name="Mobile users", value=3, qualifier="about"
    ).exists()


@pytest.fixture
def two_editors(django_user_model):
    clients = []
    for name in ("alice", "bob"):
        user = django_user_model.objects.create_superuser(name, f"{name}@example.org", "pw")
        client = Client()
        client.force_login(user)
        clients.append(client)
    return clients


def test_the_second_edit_of_the_same_field_is_refused_with_both_versions(two_editors):
    alice, bob = two_editors
    claim = ClaimFactory(summary="Read by both.")
    alices, bobs = card(alice, claim), card(bob, claim)
    assert update(alice, claim, as_the_form_sends(alices, summary="Alice's")).status_code == 200

    response = update(bob, claim, as_the_form_sends(bobs, summary="Bob's"))

    assert response.status_code == 409
    conflict = response.json()["conflict"]
    assert conflict["fields"] == [
        {"field": "summary", "label": "Summary", "yours": "Bob's", "theirs": "Alice's"}
    ]
    assert conflict["by"] == "alice" and conflict["version"] == 2
    claim.refresh_from_db()
    assert claim.summary == "Alice's"


def test_applying_ones_changes_after_a_conflict_saves_them(two_editors):
    alice, bob = two_editors
    claim = ClaimFactory(summary="Read by both.")
    bobs = card(bob, claim)
    update(alice, claim, as_the_form_sends(card(alice, claim), summary="Alice's", kind="assertion"))
    conflict = update(bob, claim, as_the_form_sends(bobs, summary="Bob's")).json()["conflict"]

    # As the reader does: what he read, with the conflicting fields as they are now.
    base = {
        **bobs["edit"]["values"],
        **{f["field"]: conflict["values"][f["field"]] for f in conflict["fields"]},
    }
    again = {**as_the_form_sends(bobs, summary="Bob's"), "version": conflict["version"], "base": base}
    assert update(bob, claim, again).status_code == 200
    claim.refresh_from_db()
    assert (claim.summary, claim.kind) == ("Bob's", "assertion")  # his field applied, hers kept


def test_edits_of_different_fields_merge(two_editors):
    alice, bob = two_editors
    claim = ClaimFactory(summary="Read by both.", said_on=datetime.date(2022, 8, 19))
    alices, bobs = card(alice, claim), card(bob, claim)
    assert update(alice, claim, as_the_form_sends(alices, summary="Alice's")).status_code == 200
    assert update(bob, claim, as_the_form_sends(bobs, said_on="2022-08-20")).status_code == 200
    claim.refresh_from_db()
    assert (claim.summary, claim.said_on) == ("Alice's", datetime.date(2022, 8, 20))


def test_the_same_figure_changed_by_two_editors_conflicts(two_editors):
    alice, bob = two_editors
    figure = StatisticFactory(value="10")
    alices, bobs = card(alice, figure.claim), card(bob, figure.claim)
    sent = as_the_form_sends(alices)
    sent["figures"][0]["value"] = "11"
    assert update(alice, figure.claim, sent).status_code == 200
    sent = as_the_form_sends(bobs)
    sent["figures"][0]["value"] = "12"
    response = update(bob, figure.claim, sent)
    assert response.status_code == 409
    assert response.json()["conflict"]["fields"][0]["field"] == "figures"
    figure.refresh_from_db()
    assert figure.value == 11


def test_a_note_added_meanwhile_does_not_block_an_edit(two_editors):
    alice, bob = two_editors
    claim = ClaimFactory()
    bobs = card(bob, claim)
    assert post(alice, reverse("reader-claim-note", args=[claim.pk]), {"body": "Checked."}).status_code == 201
    assert update(bob, claim, as_the_form_sends(bobs, summary="Bob's")).status_code == 200


def test_a_status_set_meanwhile_is_not_overwritten_from_a_stale_card(two_editors):
    alice, bob = two_editors
    claim = ClaimFactory()
    bobs = card(bob, claim)
    status_url = reverse("reader-claim-status", args=[claim.pk])
    alices = card(alice, claim)
    post(
        alice,
        status_url,
        {"status": "false", "version": alices["edit"]["version"], "base": {"status": "unverified"}},
    )
    stale = {"status": "supported", "version": bobs["edit"]["version"], "base": {"status": "unverified"}}
    assert post(bob, status_url, stale).status_code == 409
    claim.refresh_from_db()
    assert claim.status == "false"


def test_an_edit_without_the_version_it_was_read_at_is_refused(admin_client):
    claim = ClaimFactory()
    response = update(admin_client, claim, {"summary": "No version"})
    assert response.status_code == 400
    claim.refresh_from_db()
    assert claim.summary == ""


def test_setting_a_verdict_needs_its_own_permission(client):
    from django.contrib.auth.models import Permission

    researcher = UserFactory(username="researcher")
    researcher.user_permissions.add(*Permission.objects.filter(codename__in=["change_claim", "add_claim"]))
    client.force_login(researcher)
    claim = ClaimFactory()
    data = card(client, claim)
    assert data["can"]["verdict"] is False
    assert update(client, claim, as_the_form_sends(data, status="false")).status_code == 403
    assert update(client, claim, as_the_form_sends(data, summary="Allowed")).status_code == 200
    status_url = reverse("reader-claim-status", args=[claim.pk])
    assert (
        post(
            client, status_url, {"status": "false", "version": 2, "base": {"status": "unverified"}}
        ).status_code
        == 403
    )
    claim.refresh_from_db()
    assert (claim.status, claim.summary) == ("unverified", "Allowed")


def test_an_edit_that_changes_nothing_writes_nothing(admin_client):
    claim = ClaimFactory()
    rows = claim.history.count()
    assert update(admin_client, claim, as_the_form_sends(card(admin_client, claim))).status_code == 200
    claim.refresh_from_db()
    assert claim.version == 1 and claim.history.count() == rows


def test_a_status_set_in_bulk_raises_the_version(admin_client):
    claim = ClaimFactory()
    claim_services.claims_set_status(Claim.objects.filter(pk=claim.pk), Claim.Status.DISPUTED)
    claim.refresh_from_db()
    assert claim.version == 2

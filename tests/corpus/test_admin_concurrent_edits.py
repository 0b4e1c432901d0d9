"""Two people editing one record in the admin: a change made meanwhile is never
overwritten silently, and an unrelated one never blocks a save."""

import pytest
from django.urls import reverse

from claimtracker.corpus.models import Claim, Document, Statistic
from claimtracker.corpus.services import claims as claim_services
from claimtracker.corpus.services import documents as document_services
from tests.factories import ClaimFactory, StatisticFactory, UserFactory
from tests.html_forms import page_form, submitted

pytestmark = pytest.mark.django_db


@pytest.fixture
def editors(client, django_user_model):
    from django.test import Client

    alice = django_user_model.objects.create_superuser("alice", "a@example.org", "pw")
    bob = django_user_model.objects.create_superuser("bob", "b@example.org", "pw")
    clients = Client(), Client()
    clients[0].force_login(alice)
    clients[1].force_login(bob)
    return clients


def claim_page(claim):
    return reverse("admin:corpus_claim_change", args=[claim.pk])


def both_open(editors, claim):
    """Alice and Bob each open the claim's change page: (the forms their pages submit)."""
    return [page_form(editor, claim_page(claim), "claim_form") for editor in editors]


def test_the_second_save_of_the_same_field_is_refused_with_what_is_stored_now(editors):
    alice, bob = editors
    claim = ClaimFactory(summary="Users rose.")
    alices_form, bobs_form = both_open(editors, claim)

    assert alice.post(claim_page(claim), {**alices_form, "summary": "Alice's summary"}).status_code == 302
    response = bob.post(claim_page(claim), {**bobs_form, "summary": "Bob's summary"})

    assert response.status_code == 200
    page = response.content.decode()
    assert "Someone else changed this since you opened the page" in page
    assert (
        "Alice&#x27;s summary" in page and "Bob&#x27;s summary" in page
    )  # theirs in the message, his in the field
    claim.refresh_from_db()
    assert claim.summary == "Alice's summary"


def test_saving_again_after_seeing_the_conflict_applies_the_editors_value(editors):
    alice, bob = editors
    claim = ClaimFactory(summary="Users rose.")
    alices_form, bobs_form = both_open(editors, claim)
    alice.post(claim_page(claim), {**alices_form, "summary": "Alice's"})
    refused = bob.post(claim_page(claim), {**bobs_form, "summary": "Bob's"})
    again = submitted(refused.content.decode(), "claim_form")
    assert bob.post(claim_page(claim), again).status_code == 302
    claim.refresh_from_db()
    assert claim.summary == "Bob's"


def test_edits_of_different_fields_both_land(editors):
    alice, bob = editors
    claim = ClaimFactory(summary="Users rose.")
    alices_form, bobs_form = both_open(editors, claim)
    assert alice.post(claim_page(claim), {**alices_form, "summary": "Alice's summary"}).status_code == 302
    assert bob.post(claim_page(claim), {**bobs_form, "kind": "assertion"}).status_code == 302
    claim.refresh_from_db()
    assert (claim.summary, claim.kind) == ("Alice's summary", "assertion")


def test_a_bulk_status_change_or_a_re_anchoring_meanwhile_does_not_block_an_unrelated_edit(admin_client):
    claim = ClaimFactory(quote_text="rose to 1.03 billion last year", summary="Users rose.")
    form = page_form(admin_client, claim_page(claim), "claim_form")
    claim_services.claims_set_status(Claim.objects.filter(pk=claim.pk), Claim.Status.SUPPORTED)
    document = Document.objects.get(pk=claim.document_id)
    document.text = "Inserted first. " + document.text
    document_services.document_save(document)

    assert admin_client.post(claim_page(claim), {**form, "summary": "Now edited"}).status_code == 302
    claim.refresh_from_db()
    assert (claim.summary, claim.status) == ("Now edited", Claim.Status.SUPPORTED)
    assert document.text[claim.start : claim.end] == claim.quote  # the move is kept, not undone


def test_a_figure_changed_meanwhile_is_not_overwritten_by_the_figures_inline(editors):
    alice, bob = editors
    figure = StatisticFactory(value="1030000000", geography="")
    claim = figure.claim
    alices_form, bobs_form = both_open(editors, claim)
    assert (
        alice.post(claim_page(claim), {**alices_form, "statistics-0-value": "1040000000"}).status_code == 302
    )
    assert bob.post(claim_page(claim), {**bobs_form, "statistics-0-value": "1050000000"}).status_code == 200
    assert bob.post(claim_page(claim), {**bobs_form, "statistics-0-geography": "China"}).status_code == 302
    figure.refresh_from_db()
    assert (figure.value, figure.geography) == (1_040_000_000, "China")
    assert Statistic.objects.filter(claim=claim).count() == 1


def test_the_document_text_changed_meanwhile_is_not_overwritten(editors):
    alice, bob = editors
    claim = ClaimFactory()
    url = reverse("admin:corpus_document_change", args=[claim.document_id])
    alices_form, bobs_form = page_form(alice, url, "document_form"), page_form(bob, url, "document_form")
    text = alices_form["text"]
    assert alice.post(url, {**alices_form, "text": text + "Alice adds a line.\n"}).status_code == 302
    refused = bob.post(url, {**bobs_form, "text": text + "Bob adds another.\n"})
    assert refused.status_code == 200 and "Someone else changed the text" in refused.content.decode()
    assert Document.objects.get(pk=claim.document_id).text.endswith("Alice adds a line.\n")
    # …while a title change of Bob's, on the same stale page, merges.
    assert bob.post(url, {**bobs_form, "title": "Bob's title"}).status_code == 302
    document = Document.objects.get(pk=claim.document_id)
    assert (document.title, document.text.endswith("Alice adds a line.\n")) == ("Bob's title", True)


def test_the_changes_are_recorded_with_their_editor(editors):
    alice, _ = editors
    claim = ClaimFactory()
    form = page_form(alice, claim_page(claim), "claim_form")
    alice.post(claim_page(claim), {**form, "summary": "Recorded"})
    latest = claim.history.order_by("-history_id").first()
    assert (latest.summary, latest.history_user.username) == ("Recorded", "alice")


def test_a_view_only_user_sees_the_claim_and_no_status_actions(client):
    from django.contrib.auth.models import Permission

    viewer = UserFactory(username="viewer", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_claim"))
    client.force_login(viewer)
    claim = ClaimFactory()
    assert client.get(claim_page(claim)).status_code == 200
    changelist = client.get(reverse("admin:corpus_claim_changelist")).content.decode()
    assert "mark_supported" not in changelist and "export_csv" in changelist
    response = client.post(
        reverse("admin:corpus_claim_changelist"),
        {"action": "mark_supported", "_selected_action": [claim.pk], "index": 0},
    )
    assert response.status_code in (200, 302)
    claim.refresh_from_db()
    assert claim.status == Claim.Status.UNVERIFIED


def test_without_the_verdict_permission_the_status_is_read_only_in_the_admin(client):
    from django.contrib.auth.models import Permission

    researcher = UserFactory(username="researcher", is_staff=True)
    researcher.user_permissions.add(*Permission.objects.filter(codename__in=["view_claim", "change_claim"]))
    client.force_login(researcher)
    claim = ClaimFactory()
    form = page_form(client, claim_page(claim), "claim_form")
    assert "status" not in form
    assert client.post(claim_page(claim), {**form, "status": "false", "summary": "Edited"}).status_code == 302
    claim.refresh_from_db()
    assert (claim.status, claim.summary) == (Claim.Status.UNVERIFIED, "Edited")

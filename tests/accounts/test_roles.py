"""Accounts and roles: signing in for everyone, the team's groups, a researcher's own
deletions, reading for signed-in users only, throttled sign-in, no demo login in production."""

import io
import json

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse

from claimtracker.accounts.roles import EDITOR, RESEARCHER, VIEWER, ensure_roles
from claimtracker.corpus.models import Annotation, Claim
from claimtracker.corpus.permissions import may_delete
from claimtracker.corpus.services import claims as claim_services
from claimtracker.corpus.services import notes as note_services
from claimtracker.corpus.services.editing import Selector
from tests.factories import ClaimFactory, DocumentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(django_user_model):
    """A function making a user in a role's group."""
    ensure_roles(Group, Permission)

    def make(role, username=None):
        user = django_user_model.objects.create_user(
            username or role, email=f"{role}@example.org", password="pw"
        )
        user.groups.add(Group.objects.get(name=role))
        return django_user_model.objects.get(pk=user.pk)  # fresh: permissions are cached per instance

    return make


def test_the_migration_creates_the_three_roles():
    # The test database was migrated: the groups are there without ensure_roles().
    assert set(Group.objects.values_list("name", flat=True)) >= {VIEWER, RESEARCHER, EDITOR}


def test_what_each_role_may_do(member):
    viewer, researcher, editor = member(VIEWER), member(RESEARCHER), member(EDITOR)
    assert viewer.has_perm("corpus.view_claim") and not viewer.has_perm("corpus.add_claim")
    assert researcher.has_perm("corpus.add_claim") and researcher.has_perm("corpus.change_document")
    assert not researcher.has_perm("corpus.delete_claim") and not researcher.has_perm("corpus.set_verdict")
    assert editor.has_perm("corpus.delete_document") and editor.has_perm("corpus.set_verdict")
    assert editor.has_perm("corpus.merge_speaker") and not editor.has_perm("auth.add_user")


def claim_by(user):
    """A claim created through the reader's service by `user` (its history says who)."""
    document = DocumentFactory()
    quote = "rose to 1.03 billion last year"
    start = document.text.index(quote)
    selector = Selector(start, start + len(quote), quote)
    return claim_services.claim_create(
        document.pk, selector=selector, values={"kind": "statistic"}, user=user
    )[0]


def test_a_researcher_deletes_their_own_claim_until_someone_else_builds_on_it(member):
    alice, bob = member(RESEARCHER, "alice"), member(RESEARCHER, "bob")
    own, others = claim_by(alice), claim_by(bob)
    assert may_delete(alice, own) and not may_delete(alice, others)
    note_services.note_add(own.pk, "Bob checked this.", user=bob)
    assert not may_delete(alice, own)  # deleting it would take Bob's note
    assert may_delete(member(EDITOR), own)


def test_a_researcher_deletes_their_own_claim_in_the_reader_but_not_anothers(member):
    alice = member(RESEARCHER, "alice")
    client = Client()
    client.force_login(alice)
    claim = claim_by(alice)
    response = client.post(
        reverse("reader-claim-delete", args=[claim.pk]), "{}", content_type="application/json"
    )
    assert response.status_code == 200 and not Claim.objects.filter(pk=claim.pk).exists()
    someone_elses = ClaimFactory()
    response = client.post(
        reverse("reader-claim-delete", args=[someone_elses.pk]), "{}", content_type="application/json"
    )
    assert response.status_code == 403 and Claim.objects.filter(pk=someone_elses.pk).exists()
    note = note_services.note_add(someone_elses.pk, "Mine.", user=alice)
    assert may_delete(alice, note) and not may_delete(
        alice, Annotation.objects.create(claim=someone_elses, body="x")
    )


def test_researchers_and_editors_use_the_admin_viewers_do_not(member):
    for role, status in ((VIEWER, 302), (RESEARCHER, 200), (EDITOR, 200)):
        client = Client()
        client.force_login(member(role))
        assert client.get(reverse("admin:corpus_claim_changelist")).status_code == status, role


def test_anyone_signs_in_and_out_on_the_sites_own_pages(member):
    member(VIEWER)
    client = Client()
    page = client.get(reverse("login")).content.decode()
    assert "Sign in" in page and 'name="username"' in page
    response = client.post(reverse("login"), {"username": "viewer", "password": "pw"})
    assert response.status_code == 302
    assert "viewer" in client.get(reverse("home")).content.decode()
    client.post(reverse("logout"))
    assert "Sign in" in client.get(reverse("home")).content.decode()


def test_a_password_reset_sends_a_link_that_sets_a_new_password(member):
    member(VIEWER)
    client = Client()
    client.post(reverse("password_reset"), {"email": "viewer@example.org"})
    assert len(mail.outbox) == 1
    link = next(line for line in mail.outbox[0].body.splitlines() if "/accounts/reset/" in line)
    path = "/" + link.split("/", 3)[3]
    form = client.get(path, follow=True)
    response = client.post(
        form.redirect_chain[-1][0], {"new_password1": "a-new-long-pw-1", "new_password2": "a-new-long-pw-1"}
    )
    assert response.status_code == 302
    assert client.login(username="viewer", password="a-new-long-pw-1")


@override_settings(PUBLIC_READING=False)
def test_with_signed_in_reading_every_page_asks_to_sign_in_first(member):
    claim = ClaimFactory()
    anonymous = Client()
    response = anonymous.get(claim.get_absolute_url())
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    card = anonymous.get(reverse("reader-claim-card", args=[claim.pk]), HTTP_ACCEPT="application/json")
    assert card.status_code == 401 and "Sign in" in json.loads(card.content)["errors"]["__all__"][0]
    assert anonymous.get(reverse("healthz")).status_code == 200
    signed_in = Client()
    signed_in.force_login(member(VIEWER))
    assert signed_in.get(claim.get_absolute_url()).status_code == 200


@override_settings(AXES_ENABLED=True)
def test_repeated_wrong_passwords_lock_the_name_out_even_for_the_right_one(member):
    from axes.utils import reset

    member(VIEWER)
    reset()
    client = Client()
    answers = [
        client.post(reverse("login"), {"username": "viewer", "password": "wrong"}).status_code
        for _ in range(5)
    ]
    assert answers == [200, 200, 200, 200, 429]  # the fifth failure locks
    locked = client.post(reverse("login"), {"username": "viewer", "password": "pw"})
    assert locked.status_code == 429 and "Too many failed sign-ins" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    reset()


def test_no_demo_login_outside_development(django_user_model):
    output = io.StringIO()
    with override_settings(DEBUG=False):
        call_command("bootstrap", stdout=output)
    assert not django_user_model.objects.filter(username="demo").exists()
    assert "No demo login" in output.getvalue()
    with override_settings(DEBUG=True):
        call_command("bootstrap", stdout=io.StringIO())
    assert django_user_model.objects.get(username="demo").is_superuser

"""Every URL, for every role, with public and with signed-in reading: the answer each
role gets, and that nothing changed where a request was refused.

The URLs come from the resolver, so a new URL without a rule here fails the test
instead of escaping it. Each request runs in a transaction that is rolled back
afterwards, so a permitted write (a deletion) does not change what the next one sees.
"""

import json
import re

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.test import Client, RequestFactory, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from claimtracker.accounts.roles import EDITOR, RESEARCHER, VIEWER, ensure_roles
from claimtracker.backups.archive import models
from claimtracker.corpus.models import (
    Claim,
    Dismissal,
    Document,
    Metric,
    Organisation,
    Publisher,
    Snapshot,
    Speaker,
    Topic,
)

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", VIEWER, RESEARCHER, EDITOR, "staff")
REFUSED = {401, 403, 405}
SIGN_IN = {302, 401}  # a page redirects to sign in, a JSON endpoint answers 401

# The record each URL's <pk> names.
RECORD = {
    "document": Document,
    "reader-claim-create": Document,
    "reader-suggestion-accept": Document,
    "reader-suggestion-dismiss": Document,
    "reader-speaker-roles": Speaker,
    "speaker": Speaker,
    "organisation": Organisation,
    "topic": Topic,
    "publisher": Publisher,
    "metric": Metric,
    "metric-csv": Metric,
    "snapshot-download": Snapshot,
}
QUERY = {
    "claims-export": "?format=csljson",
    "claim-cite": "?format=csljson",
    "reader-figures": "?text=1.03+billion",
}

# What each URL of the site asks of a user: anyone who may read; a permission; a rule.
READ, ACCOUNT, OPEN, SIGNED_IN = "read", "account", "open", "signed in"
RULES = {
    "home": READ,
    "document": READ,
    "claim": READ,
    "claims-attention": READ,
    "claim-list": READ,
    "document-list": READ,
    "speaker-list": READ,
    "speaker": READ,
    "organisation": READ,
    "topic": READ,
    "publisher": READ,
    "metric-list": READ,
    "metric": READ,
    "metric-csv": READ,
    "claims-export": READ,
    "claim-cite": READ,
    "claim-lookup": READ,
    "claim-suggestions": READ,
    "reader-claim-card": READ,
    "reader-speakers": READ,
    "reader-speaker-roles": READ,
    "reader-metrics": READ,
    "reader-figures": READ,
    "reader-claim-create": ("json", "corpus.add_claim"),
    "reader-claim-update": ("json", "corpus.change_claim"),
    "reader-claim-status": ("json", "corpus.set_verdict"),
    "reader-claim-note": ("json", "corpus.add_annotation"),
    "reader-claim-delete": (
        "json",
        "corpus.delete_claim",
    ),  # or one's own claim: tests/accounts/test_roles.py
    "claim-link-create": ("form", "corpus.add_link"),
    "document-new": ("page", "corpus.add_document"),
    "reader-suggestion-accept": ("form", "corpus.add_claim"),
    "reader-suggestion-dismiss": ("form", "corpus.add_claim"),
    "snapshot-download": SIGNED_IN,  # the originals of imports: never public
    "claim-suggestion-accept": ("form", "corpus.add_link"),
    "claim-suggestion-dismiss": ("form", "corpus.add_link"),
    "login": OPEN,
    "password_reset": OPEN,
    "password_reset_done": OPEN,
    "password_reset_confirm": OPEN,
    "password_reset_complete": OPEN,
    "healthz": OPEN,
    "logout": ACCOUNT,
    "password_change": ACCOUNT,
    "password_change_done": ACCOUNT,
}
ADMIN_ACTIONS = re.compile(
    r"^admin:(?P<app>[a-z]+)_(?P<model>[a-z]+)_(?P<action>changelist|add|change|history|delete|simple_history)$"
)
ADMIN_PAGES = {
    "admin:index",
    "admin:app_list",
    "admin:jsi18n",
    "admin:password_change",
    "admin:password_change_done",
}
ADMIN_ELSE = {
    "admin:login",
    "admin:logout",
    "admin:autocomplete",
    "admin:auth_user_password_change",
    "admin:view_on_site",
}


def named_urls():
    """(name, route) of every named URL the site answers."""

    def walk(patterns, namespace=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(
                    pattern.url_patterns, namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
                )
            elif isinstance(pattern, URLPattern) and pattern.name:
                yield namespace + pattern.name, str(pattern.pattern)

    return sorted(set(walk(get_resolver().url_patterns)))


def test_every_url_outside_the_admin_has_a_name_and_a_rule():
    unnamed = [
        str(p.pattern) for p in get_resolver().url_patterns if isinstance(p, URLPattern) and not p.name
    ]
    names = [name for name, _ in named_urls() if not name.startswith("admin:")]
    assert unnamed == []
    assert sorted(set(names) - set(RULES)) == [], "add the new URL to RULES"
    assert sorted(set(RULES) - set(names)) == [], "a rule for a URL that is gone"


@pytest.fixture
def users(django_user_model):
    ensure_roles(Group, Permission)
    found = {"anonymous": None}
    for role in (VIEWER, RESEARCHER, EDITOR):
        user = django_user_model.objects.create_user(role, password="pw")
        user.groups.add(Group.objects.get(name=role))
        found[role] = user
    found["staff"] = django_user_model.objects.create_superuser("staff", "staff@example.org", "pw")
    return found


@pytest.fixture
def corpus(seed, users):
    """The seed corpus, and a record of every model the admin lists (so no page is of a missing one)."""
    claim = Claim.objects.get(pk=28)
    Dismissal.objects.create(claim=claim, candidate_id=29, relation="repeats")
    AccessAttempt.objects.create(username="someone", ip_address="127.0.0.1", failures_since_start=1)
    AccessLog.objects.create(username="someone", ip_address="127.0.0.1")
    AccessFailureLog.objects.create(username="someone", ip_address="127.0.0.1", locked_out=False)
    Snapshot.objects.create(
        document=claim.document, content=b"as fetched", fetched_at=claim.created_at, sha256="0" * 64, size=10
    )
    return claim


def url_of(name, route, claim):
    kwargs = {}
    if "<id:pk>" in route:
        model = RECORD.get(name, Claim)
        kwargs["pk"] = claim.pk if model is Claim else model.objects.order_by("pk").first().pk
    if name == "password_reset_confirm":
        kwargs = {"uidb64": "MQ", "token": "set-password"}
    if name.startswith("admin:"):
        return admin_url(name, claim)
    return reverse(name, kwargs=kwargs) + QUERY.get(name, "")


def admin_url(name, claim):
    match = ADMIN_ACTIONS.match(name)
    if name == "admin:app_list":
        return reverse(name, kwargs={"app_label": "corpus"})
    if name == "admin:auth_user_password_change":
        return reverse(name, args=[get_user_model().objects.order_by("pk").first().pk])
    if name == "admin:view_on_site":
        return reverse(name, args=[ContentType.objects.get_for_model(Claim).pk, claim.pk])
    if not match or match["action"] in ("changelist", "add"):
        return reverse(name)
    model = next(
        m
        for m in admin.site._registry
        if m._meta.app_label == match["app"] and m._meta.model_name == match["model"]
    )
    record = model._base_manager.order_by("pk").first()
    object_id = record.pk if record else 999_999
    if match["action"] == "simple_history":
        version = model.history.filter(**{model._meta.pk.attname: object_id}).first() if record else None
        if version is None:
            return None
        return reverse(name, args=[object_id, version.history_id])
    return reverse(name, args=[object_id])


def fingerprint():
    """Enough of the database to see a write: the rows of every table, and the claims' versions."""
    counts = [model._base_manager.count() for model in models()]
    return counts, sum(Claim.objects.values_list("version", flat=True))


def expected(name, method, user, public):
    """The statuses `user` may get for `method` on the URL `name`, and whether it is a refusal."""
    anonymous = user is None
    rule = RULES.get(name)
    if anonymous and not public and rule not in (OPEN, ACCOUNT) and not name.startswith("admin:"):
        return SIGN_IN, True
    if name.startswith("admin:"):
        return admin_expected(name, method, user)
    if rule == OPEN:
        return ({200, 302} if method == "GET" else {200, 302, 405}), False
    if rule == ACCOUNT:
        if name == "logout":
            return ({405}, True) if method == "GET" else ({200, 302}, False)
        return ({302}, True) if anonymous else ({200, 302} if method == "GET" else {200, 302, 405}, False)
    if rule == READ:
        return ({200} if method == "GET" else {200, 405}), method != "GET"
    if rule == SIGNED_IN:
        if anonymous:
            return {302}, True
        return ({200} if method == "GET" else {405}), method != "GET"
    kind, permission = rule
    if kind == "page":  # a form page: shown to those with the permission, an empty form refused
        if anonymous:
            return {302}, True
        if not user.has_perm(permission):
            return {403}, True
        return ({200} if method == "GET" else {400}), False
    if method == "GET":
        return {405}, True
    if user is None or not user.has_perm(permission):
        return {403}, True
    if kind == "json":
        return ({200} if name == "reader-claim-delete" else {400}), False
    return {400, 302, 404}, False  # the form refused as empty, or the claim named in it not found


def admin_expected(name, method, user):
    may_admin = user is not None and (user.is_staff or user.has_perm("corpus.add_claim"))
    if name == "admin:login":
        return {200, 302}, method != "GET"
    if not may_admin:
        return {302}, True  # to the admin's sign-in
    if name == "admin:logout":
        return ({405}, True) if method == "GET" else ({200, 302}, False)
    if name == "admin:autocomplete":
        return ({403} if method == "GET" else {405}), True  # without the field it completes, for everyone
    if name == "admin:view_on_site":
        return {302}, method != "GET"  # to the claim's page
    if name in ADMIN_PAGES:
        return {200, 302, 405}, False
    if name == "admin:auth_user_password_change":
        return ({200} if user.is_superuser else {403}), not user.is_superuser
    match = ADMIN_ACTIONS.match(name)
    # What the model's admin says this user may do (a read-only admin refuses adding to all).
    model_admin = next(a for m, a in admin.site._registry.items() if m._meta.model_name == match["model"])
    asked = RequestFactory().get("/admin/")
    asked.user = user
    can = {
        "view": model_admin.has_view_or_change_permission(asked),
        "add": model_admin.has_add_permission(asked),
        "change": model_admin.has_change_permission(asked),
        "delete": model_admin.has_delete_permission(asked),
    }
    needed = {
        "changelist": can["view"],
        "history": can["view"],
        "change": can["view"] if method == "GET" else can["change"],
        "add": can["add"],
        "delete": can["delete"],
        "simple_history": can["view"] if method == "GET" else (can["change"] and can["delete"]),
    }[match["action"]]
    if not needed:
        return {403}, True
    return {200, 302}, False


def request(user, method, url):
    client = Client()
    if user is not None:
        client.force_login(user)
    if method == "GET":
        return client.get(url)
    if (
        "/documents/" in url
        and url.endswith("/claims/")
        or "/claims/" in url
        and url.split("/")[-2]
        in (
            "update",
            "delete",
            "notes",
            "status",
        )
    ):
        return client.post(url, json.dumps({}), content_type="application/json")
    return client.post(url, {})


@pytest.mark.parametrize("public", [True, False], ids=["public reading", "signed-in reading"])
def test_each_role_gets_what_its_permissions_say_and_a_refusal_changes_nothing(public, users, corpus):
    failures = []
    with override_settings(PUBLIC_READING=public):
        for name, route in named_urls():
            url = url_of(name, route, corpus)
            if url is None:
                continue
            for role in ROLES:
                for method in ("GET", "POST"):
                    allowed, refusal = expected(name, method, users[role], public)
                    with transaction.atomic():
                        before = fingerprint() if refusal else None
                        response = request(users[role], method, url)
                        after = fingerprint() if refusal else None
                        transaction.set_rollback(True)
                    if response.status_code not in allowed:
                        failures.append(
                            f"{role:>10} {method:4} {url}: {response.status_code}, expected {sorted(allowed)}"
                        )
                    if refusal and before != after:
                        failures.append(f"{role:>10} {method:4} {url}: refused, yet the database changed")
    assert failures == [], "\n" + "\n".join(failures)

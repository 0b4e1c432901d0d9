"""Every answer carries the security headers: a strict Content-Security-Policy,
Permissions-Policy and Referrer-Policy; /healthz says whether the database answers."""

import pytest
from django.db import OperationalError
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_pages_are_served_under_a_strict_policy(client, seed):
    response = client.get(reverse("document", args=[1]))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
    assert (
        "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]
    )
    assert response["Referrer-Policy"] == "same-origin"


def test_healthz_says_whether_the_database_answers(client, monkeypatch):
    assert client.get(reverse("healthz")).json() == {"status": "ok"}
    from django.db.backends.utils import CursorWrapper

    def refuse(*args, **kwargs):
        raise OperationalError("could not connect to server")

    monkeypatch.setattr(CursorWrapper, "execute", refuse)
    response = client.get(reverse("healthz"))
    assert response.status_code == 503 and response.json()["status"] == "unavailable"

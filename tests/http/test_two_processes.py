"""Two application servers on one database, as gunicorn's workers are: after a write
through one, the other shows no stale total, facet or citation (the default cache is
shared through the database, not kept in each process's memory)."""

import http.cookiejar
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

from claimtracker.corpus.models import Claim
from claimtracker.text import anchoring

pytestmark = pytest.mark.django_db(transaction=True)
ROOT = Path(__file__).resolve().parents[2]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_url():
    """The test database, as the servers' DATABASE_URL (a file on SQLite, not memory)."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    return f"postgres://{settings['USER']}:{settings['PASSWORD']}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}"


class Server:
    """A gunicorn process serving the site on a port of its own, with the default cache settings."""

    def __init__(self):
        self.port = free_port()
        environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "claimtracker.test_settings",
            "DATABASE_URL": database_url(),
            "ALLOWED_HOSTS": "127.0.0.1",
            "CONN_MAX_AGE": "0",
        }
        environment.pop("REDIS_URL", None)
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "claimtracker.wsgi",
            "-b",
            f"127.0.0.1:{self.port}",
            "-w",
            "1",
        ]
        self.process = subprocess.Popen(command, cwd=ROOT, env=environment, stderr=subprocess.DEVNULL)
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))
        for _ in range(100):
            try:
                self.get("/healthz")
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("the server did not start")

    def get(self, path):
        with self.opener.open(f"http://127.0.0.1:{self.port}{path}", timeout=20) as response:
            return response.read().decode()

    def post_json(self, path, body, csrf):
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}{path}",
            data=json.dumps(body).encode(),
            headers={
                "Content-Type": "application/json",
                "X-CSRFToken": csrf,
                "Referer": f"http://127.0.0.1:{self.port}/",
            },
        )
        with self.opener.open(request, timeout=20) as response:
            return json.loads(response.read())

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def two_servers(seed):
    servers = [Server(), Server()]
    yield servers
    for server in servers:
        server.stop()


def total(page):
    return int(re.search(r'id="claim-total"[^>]*>([\d,]+)', page).group(1).replace(",", ""))


def sign_in(server, username, password):
    """Sign in on `server` through its sign-in page; the CSRF token for the next writes."""
    page = server.get("/accounts/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    form = {"username": username, "password": password, "csrfmiddlewaretoken": token}
    request = urllib.request.Request(
        f"http://127.0.0.1:{server.port}/accounts/login/",
        data=urllib.parse.urlencode(form).encode(),
        headers={"Referer": f"http://127.0.0.1:{server.port}/"},
    )
    server.opener.open(request, timeout=20).read()
    return next(cookie.value for cookie in server.cookies if cookie.name == "csrftoken")


def new_claim_on(document, quote):
    start = document.text.index(quote)
    prefix, suffix = anchoring.context(document.text, start, start + len(quote))
    return {
        "start": start,
        "end": start + len(quote),
        "quote": quote,
        "prefix": prefix,
        "suffix": suffix,
        "kind": "statistic",
    }


def test_a_write_through_one_server_is_seen_at_once_through_the_other(two_servers, django_user_model):
    writer, reader = two_servers
    django_user_model.objects.create_superuser("writer", "writer@example.org", "pw")
    csrf = sign_in(writer, "writer", "pw")
    statistics = total(reader.get("/claims/?kind=statistic"))  # totals, facets and citations now cached
    citation = json.loads(reader.get("/claims/28/cite/?format=json"))[0]["summary"]
    facets = reader.get("/claims/")

    card = json.loads(writer.get("/claims/28/card/"))["edit"]
    summary = "Edited through the other server."
    writer.post_json(
        "/claims/28/update/", {"version": card["version"], "base": card["values"], "summary": summary}, csrf
    )
    document = Claim.objects.get(pk=28).document
    writer.post_json(f"/documents/{document.pk}/claims/", new_claim_on(document, "1.03 billion"), csrf)

    assert citation != summary
    assert total(reader.get("/claims/?kind=statistic")) == statistics + 1
    assert json.loads(reader.get("/claims/28/cite/?format=json"))[0]["summary"] == summary
    assert reader.get("/claims/") != facets  # the total and the kind facet moved

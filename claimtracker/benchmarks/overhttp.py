"""Timing pages and exports over HTTP, as a deployment serves them: gunicorn
with production settings (DEBUG off, static files from the manifest, the
shared cache), started for the run on the configured database, and requests
signed in as the benchmark user, as if behind an HTTPS proxy.

Each page is timed from sending the request to its last byte. "Cold" is the
first request after the application's cache is cleared (it is shared by the
workers: the database cache, or Redis); the workers are new for the run, so
the first request of each also pays for its first use of the templates.
"""

import http.client
import os
import secrets
import subprocess
import sys
import time
import urllib.parse
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.core.cache import cache
from django.test.utils import override_settings

from .harness import bench_user, median, p95
from .load import Gunicorn

WORKERS = 2
HOST = "127.0.0.1"
EXPORT_TIMEOUT = 600  # seconds: a whole-corpus export may stream for minutes


def production_environment(secret_key):
    """The process environment for a production server: DEBUG off, behind an HTTPS proxy."""
    environment = {key: value for key, value in os.environ.items() if key != "DEBUG"}
    environment.update(
        DEBUG="false", SECRET_KEY=secret_key, ALLOWED_HOSTS=HOST, SECURE_PROXY_SSL_HEADER="true"
    )
    return environment


def collect_static(environment):
    """Production settings render static URLs from the manifest that collectstatic writes
    under them (not under DEBUG's settings, which keep no manifest)."""
    command = [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"]
    subprocess.run(command, env=environment, cwd=settings.BASE_DIR, check=True)


def session_cookie(secret_key):
    """A signed-in session of the benchmark user, as the sign-in page of a server whose
    key is `secret_key` would create it (the session is signed with it)."""
    user = bench_user()
    with override_settings(SECRET_KEY=secret_key):
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


class Site:
    """gunicorn serving this checkout for the run, and a signed-in visitor of it."""

    def __init__(self, workers=WORKERS):
        secret_key = os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50)
        environment = production_environment(secret_key)
        collect_static(environment)
        self.server = Gunicorn(workers, environment, timeout=EXPORT_TIMEOUT)
        self.port = self.server.port
        self.cookie = session_cookie(secret_key)

    def get(self, path):
        """(milliseconds to the last byte, bytes received) of one GET of `path`, which must answer 200."""
        connection = http.client.HTTPConnection(HOST, self.port, timeout=EXPORT_TIMEOUT)
        headers = {"Host": HOST, "Cookie": self.cookie, "X-Forwarded-Proto": "https"}
        started = time.perf_counter()
        # A URL goes out percent-encoded, as a browser sends it (互联网 in a page's query).
        connection.request("GET", urllib.parse.quote(path, safe="/?&=%+:;,@!$'()*~"), headers=headers)
        response = connection.getresponse()
        size = 0
        while block := response.read(1 << 16):
            size += len(block)
        elapsed = (time.perf_counter() - started) * 1000
        connection.close()
        if response.status != 200:
            raise PageError(
                f"{path} answered {response.status} over HTTP {response.getheader('Location', '')}"
            )
        return elapsed, size

    def stop(self):
        self.server.stop()


@dataclass
class HttpMeasurement:
    name: str
    title: str
    url: str
    cold_ms: float
    times_ms: list = field(default_factory=list)

    @property
    def median_ms(self):
        return median(self.times_ms)

    @property
    def p95_ms(self):
        return p95(self.times_ms)

    def as_dict(self):
        return {**self.__dict__, "median_ms": self.median_ms, "p95_ms": self.p95_ms}


class PageError(Exception):
    pass


def timed(site, url):
    return site.get(url)[0]


def measure_pages(site, pages, repeat):
    results = []
    for page in pages:
        url = page.url()
        cache.clear()
        result = HttpMeasurement(page.name, page.title, url, timed(site, url))
        result.times_ms = [timed(site, url) for _ in range(repeat)]
        results.append(result)
    return results


@dataclass
class HttpExport:
    format: str
    query: str
    claims: int
    seconds: float
    megabytes: float

    @property
    def per_second(self):
        return self.claims / self.seconds if self.seconds else 0.0

    def as_dict(self):
        return {**self.__dict__, "claims_per_second": self.per_second}


def measure_export(site, name, query, claims):
    """The list's export link for `query` (the list's filters), in format `name`, to its last byte."""
    path = "/claims/export/?" + urllib.parse.urlencode({**query, "format": name})
    elapsed, size = site.get(path)
    return HttpExport(name, urllib.parse.urlencode(query), claims, elapsed / 1000, size / 2**20)


def pages_table(results):
    lines = ["| page | cold ms | median ms | p95 ms |", "|---|---:|---:|---:|"]
    lines += [f"| {r.title} | {r.cold_ms:.1f} | {r.median_ms:.1f} | {r.p95_ms:.1f} |" for r in results]
    return "\n".join(lines)


def exports_table(runs):
    lines = ["| format | filter | claims | seconds | claims/s | output MB |", "|---|---|---:|---:|---:|---:|"]
    lines += [
        f"| {run.format} | `{run.query}` | {run.claims:,} | {run.seconds:.1f} "
        f"| {run.per_second:,.0f} | {run.megabytes:.1f} |"
        for run in runs
    ]
    return "\n".join(lines)

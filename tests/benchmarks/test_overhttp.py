"""The benchmark's HTTP mode: gunicorn with production settings on the test database,
signed in as the benchmark user; pages answer 200 and the list's export link streams
the same claims as the export in-process."""

import csv
import http.client
import io
from urllib.parse import urlencode

import pytest

from claimtracker.benchmarks import overhttp
from claimtracker.benchmarks.exporting import newest_claims, newest_query
from claimtracker.benchmarks.pages import PAGES
from claimtracker.exports.formats import export
from tests.http.test_two_processes import database_url

pytestmark = pytest.mark.django_db(transaction=True)


def test_pages_and_an_export_over_http_with_production_settings(seed, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", database_url())
    monkeypatch.setenv("DJANGO_SETTINGS_MODULE", "claimtracker.settings")
    monkeypatch.delenv("REDIS_URL", raising=False)
    site = overhttp.Site(workers=1)
    try:
        results = overhttp.measure_pages(
            site,
            [PAGES[name] for name in ("claims", "claims-search-rare", "claims-search-chinese")],
            repeat=2,
        )
        path = "/claims/export/?" + urlencode({**newest_query(20), "format": "csv"})
        _, size = site.get(path)
        body = site_body(site, path)
    finally:
        site.stop()
    assert all(r.cold_ms > 0 and len(r.times_ms) == 2 for r in results)
    over_http = {row["id"] for row in csv.DictReader(io.StringIO(body))}
    in_process = b"".join(export(newest_claims(20), "csv", "https://example.org")[0]).decode()
    assert over_http == {row["id"] for row in csv.DictReader(io.StringIO(in_process))}
    assert len(over_http) >= 20 and size == len(body.encode())


def site_body(site, path):
    """The body of `path` as the benchmark's client is sent it (`site.get` counts bytes only)."""
    connection = http.client.HTTPConnection(overhttp.HOST, site.port, timeout=60)
    connection.request("GET", path, headers={"Cookie": site.cookie, "X-Forwarded-Proto": "https"})
    return connection.getresponse().read().decode()

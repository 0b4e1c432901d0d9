"""A ten-second smoke run of the load test (`manage.py loadtest`): gunicorn with two
workers on the test database, three signed-in users browsing, searching, exporting and
creating claims at once; no error, and every acknowledged claim in the database."""

import os

import pytest
from django.contrib.auth.models import Group, Permission

from claimtracker.accounts.roles import ensure_roles
from claimtracker.benchmarks import load
from tests.http.test_two_processes import database_url

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_short_load_run_has_no_errors_and_loses_no_write(seed):
    ensure_roles(Group, Permission)
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "claimtracker.test_settings",
        "DATABASE_URL": database_url(),
        "ALLOWED_HOSTS": "127.0.0.1",
    }
    environment.pop("REDIS_URL", None)
    server = load.Gunicorn(2, environment)
    try:
        run = load.run_load(server.base, users=3, seconds=8)
    finally:
        server.stop()
    kinds = {outcome.kind for outcome in run.outcomes}
    failed = [(o.kind, o.status) for o in run.outcomes if not o.status or o.status >= 400]
    assert failed == [] and kinds >= {"browse", "create"}
    assert run.acknowledged and load.missing_claims(run) == []

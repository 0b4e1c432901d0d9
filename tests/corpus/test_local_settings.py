"""PostgreSQL settings made for a few statements (a count's time limit, a forced walk)
are put back after them, even inside a longer transaction and after a statement fails."""

import pytest
from django.db import OperationalError, connection

from claimtracker.corpus.counting import local_settings, time_limit

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="settings are PostgreSQL's"),
]


def setting(name):
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting(%s)", [name])
        return cursor.fetchone()[0]


def test_settings_hold_inside_and_are_put_back_after():
    before = setting("enable_sort")
    with local_settings("default", {"enable_sort": "off"}):
        assert setting("enable_sort") == "off"
    assert setting("enable_sort") == before == "on"


def test_a_statement_cut_short_leaves_the_transaction_usable_and_the_limit_gone():
    before = setting("statement_timeout")
    with (
        pytest.raises(OperationalError),
        time_limit("default", milliseconds=10),
        connection.cursor() as cursor,
    ):
        cursor.execute("SELECT pg_sleep(1)")
    assert setting("statement_timeout") == before

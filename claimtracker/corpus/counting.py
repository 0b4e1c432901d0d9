"""Counting large sets without scanning them, on both databases.

A set is counted exactly when that is cheap: under a short time limit (a
statement timeout on PostgreSQL, a progress handler on SQLite), and on
PostgreSQL only where the planner expects it to be small. Otherwise its size
is estimated: from the planner's row estimate, or — where that estimate is a
guess (a word search) or there is none (SQLite) — from a fixed sample of the
table: SAMPLE_ROWS claims in SAMPLE_RUNS runs of consecutive ids spread
evenly over the table. The sample has the same size at any size of table, so
what it costs does not grow with the corpus, and being the same rows every
time, an estimate does not flicker between views.
"""

import json
import time
from contextlib import contextmanager

from django.db import connections, transaction
from django.db.models import Q
from django.db.models.expressions import RawSQL
from django.db.utils import OperationalError

EXACT_BELOW = 100_000
COUNT_TIMEOUT_MS = 200
SAMPLE_ROWS = 10_000
SAMPLE_RUNS = 500


def count(queryset, exact_below=EXACT_BELOW):
    """(number of rows, whether it is an estimate)."""
    if queryset.query.is_empty():
        return 0, False
    hint = estimate(queryset)
    exact = exact_within_limit(queryset, hint, exact_below)
    if exact is not None:
        return exact, False
    if hint is None:
        return sample_estimate(queryset), True
    return hint, True


def estimate(queryset):
    """What the database expects the size of `queryset` to be, cheaply; None if it cannot say
    (SQLite, filtered)."""
    connection = connections[queryset.db]
    if queryset.query.is_empty():
        return 0
    if connection.vendor == "postgresql":
        if queryset.query.where:
            return query_estimate(connection, queryset)
        return table_estimate(connection, queryset.model._meta.db_table)
    if not queryset.query.where:
        return queryset.count()  # SQLite counts a whole table from its smallest index
    return None


def exact_within_limit(queryset, hint=None, exact_below=EXACT_BELOW):
    """The exact size of `queryset` if it can be counted within COUNT_TIMEOUT_MS, else None.
    On PostgreSQL it is tried only where the planner's `hint` is below `exact_below`."""
    connection = connections[queryset.db]
    if connection.vendor == "postgresql" and (hint is None or hint >= exact_below):
        return None
    if connection.vendor != "postgresql" and not queryset.query.where:
        return hint if hint is not None else queryset.count()
    try:
        with time_limit(queryset.db):
            return queryset.count()
    except OperationalError:
        return None


@contextmanager
def local_settings(using, settings):
    """PostgreSQL `settings` for the statements inside, then put back: SET LOCAL alone would
    keep them for the rest of an enclosing transaction. Where a statement fails, rolling
    back to the savepoint puts them back."""
    with transaction.atomic(using=using), connections[using].cursor() as cursor:
        before = set_local(cursor, settings)
        yield
        set_local(cursor, before)


def set_local(cursor, settings):
    """Set `settings` for the rest of this transaction; returns the values they replace."""
    names = list(settings)
    calls = ", ".join("current_setting(%s), set_config(%s, %s, true)" for _ in names)
    cursor.execute(f"SELECT {calls}", [value for name in names for value in (name, name, settings[name])])
    row = cursor.fetchone()
    return {name: row[2 * index] for index, name in enumerate(names)}


@contextmanager
def time_limit(using, milliseconds=None):
    """Statements inside are cut short (OperationalError) after `milliseconds` (COUNT_TIMEOUT_MS)."""
    milliseconds = COUNT_TIMEOUT_MS if milliseconds is None else milliseconds
    connection = connections[using]
    if connection.vendor == "postgresql":
        with local_settings(using, {"statement_timeout": str(int(milliseconds))}):
            yield
        return
    connection.ensure_connection()
    sqlite = connection.connection
    deadline = time.monotonic() + milliseconds / 1000
    # Called every N virtual-machine steps; a true answer interrupts the statement.
    sqlite.set_progress_handler(lambda: time.monotonic() > deadline, 10_000)
    try:
        yield
    finally:
        sqlite.set_progress_handler(None, 0)


def sample(queryset):
    """(`queryset` narrowed to the fixed sample of its table, how many rows of the table the
    sample holds, how many rows the table holds): a match in the sample stands for
    table rows / sample rows matches in the table."""
    model = queryset.model
    table_rows = estimate(model.objects.using(queryset.db).all())
    low, high = id_bounds(model.objects.using(queryset.db))
    if not table_rows or table_rows <= SAMPLE_ROWS or low is None:
        return queryset, max(table_rows or 0, 1), max(table_rows or 0, 1)
    span = high - low + 1
    run = max(1, round(SAMPLE_ROWS * span / table_rows / SAMPLE_RUNS))
    step = span / SAMPLE_RUNS
    ids = [low + int(number * step) + offset for number in range(SAMPLE_RUNS) for offset in range(run)]
    in_sample = Q(pk__in=id_list(queryset.db, ids))
    sampled = model.objects.using(queryset.db).filter(in_sample).count()
    return queryset.filter(in_sample), max(sampled, 1), table_rows


def id_bounds(rows):
    """(lowest id, highest id) of `rows`, each read from the end of the primary key's index
    (SQLite reads that way only one min() or max() per query: both in one scanned the table)."""
    ids = rows.order_by("pk").values_list("pk", flat=True)
    return ids.first(), ids.reverse().first()


def id_list(using, ids):
    """A subquery of these ids, sent as one parameter (not thousands)."""
    if connections[using].vendor == "postgresql":
        # As an array literal: psycopg dumps a list of ints element by element in Python.
        return RawSQL("SELECT unnest(%s::integer[])", ("{" + ",".join(map(str, map(int, ids))) + "}",))
    return RawSQL("SELECT value FROM json_each(%s)", (json.dumps(ids),))


def sample_estimate(queryset):
    narrowed, sampled, table_rows = sample(queryset)
    return round(narrowed.count() * table_rows / sampled)


def table_estimate(connection, table):
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass", [table])
        row = cursor.fetchone()
    return max(row[0], 0) if row else 0


def query_estimate(connection, queryset):
    sql, params = queryset.values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])

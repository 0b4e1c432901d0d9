"""Counting large sets without scanning them: PostgreSQL's planner estimates,
and an exact count where it is cheap. SQLite always counts exactly."""

import json

from django.db import connections, transaction
from django.db.utils import OperationalError

EXACT_BELOW = 100_000
COUNT_TIMEOUT_MS = 200


def count(queryset, exact_below=EXACT_BELOW):
    """(number of rows, whether it is an estimate)."""
    connection = connections[queryset.db]
    if connection.vendor != "postgresql" or queryset.query.is_empty():
        return queryset.count(), False
    if queryset.query.where:
        estimate = query_estimate(connection, queryset)
    else:
        estimate = table_estimate(connection, queryset.model._meta.db_table)
    if estimate < exact_below:
        try:
            with transaction.atomic(using=queryset.db), connection.cursor() as cursor:
                cursor.execute(f"SET LOCAL statement_timeout = {COUNT_TIMEOUT_MS}")
                return queryset.count(), False
        except OperationalError:
            pass
    return estimate, True


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

"""A paginator that does not count a million rows on every page view.

Unfiltered, PostgreSQL's planner statistics give the table size at once
(`pg_class.reltuples`, kept current by autovacuum); that estimate is used
when it is large. Filtered, the exact count runs under a short statement
timeout and falls back to the planner's row estimate for the query when the
count would be slow. Small tables and SQLite are always counted exactly.
"""

import json

from django.core.paginator import Paginator
from django.db import connections, transaction
from django.db.utils import OperationalError
from django.utils.functional import cached_property

EXACT_BELOW = 100_000
COUNT_TIMEOUT_MS = 200


class EstimatedCountPaginator(Paginator):
    is_estimate = False

    @cached_property
    def count(self):
        queryset = self.object_list
        connection = connections[queryset.db]
        if connection.vendor != "postgresql":
            return super().count
        if not queryset.query.where:
            estimate = table_estimate(connection, queryset.model._meta.db_table)
            if estimate >= EXACT_BELOW:
                self.is_estimate = True
                return estimate
            return super().count
        try:
            with transaction.atomic(using=queryset.db), connection.cursor() as cursor:
                cursor.execute(f"SET LOCAL statement_timeout = {COUNT_TIMEOUT_MS}")
                return queryset.count()
        except OperationalError:
            self.is_estimate = True
            return query_estimate(connection, queryset)


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

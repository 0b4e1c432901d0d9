"""Timing pages in-process: each page is requested once cold (the warm-up) and
then a fixed number of times; every request's SQL is counted, captured with
its parameters and re-run alone through a cursor, which gives the database
floor the page cannot go below."""

import math
import statistics
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import DatabaseError, connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

BENCH_USERNAME = "bench"


def median(values):
    return statistics.median(values)


def p95(values):
    """The 95th percentile by the nearest-rank method: the smallest value that
    at least 95 % of the values do not exceed (of 20 values, the 19th)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


@dataclass
class Measurement:
    name: str
    title: str
    url: str
    cold_ms: float
    cold_queries: int
    times_ms: list = field(default_factory=list)
    queries: list = field(default_factory=list)  # per repeat
    floor_ms: list = field(default_factory=list)  # per repeat: the same SQL alone

    @property
    def median_ms(self):
        return median(self.times_ms)

    @property
    def p95_ms(self):
        return p95(self.times_ms)

    @property
    def floor_median_ms(self):
        return median(self.floor_ms)

    @property
    def floor_p95_ms(self):
        return p95(self.floor_ms)

    @property
    def ratio(self):
        """How many times the page's median is the median of its SQL alone."""
        return self.median_ms / self.floor_median_ms if self.floor_median_ms else math.inf

    @property
    def query_count(self):
        return max(self.queries) if self.queries else self.cold_queries

    def as_dict(self):
        return {
            "page": self.name,
            "title": self.title,
            "url": self.url,
            "cold_ms": self.cold_ms,
            "cold_queries": self.cold_queries,
            "median_ms": self.median_ms,
            "p95_ms": self.p95_ms,
            "queries": self.query_count,
            "sql_median_ms": self.floor_median_ms,
            "sql_p95_ms": self.floor_p95_ms,
            "ratio": self.ratio,
            "times_ms": self.times_ms,
            "sql_ms": self.floor_ms,
        }


class StatementRecorder:
    """An execute wrapper (Django's database instrumentation) keeping each statement and its parameters."""

    def __init__(self):
        self.statements = []

    def __call__(self, execute, sql, params, many, context):
        self.statements.append((sql, params, many))
        return execute(sql, params, many, context)


def replay(statements):
    """Milliseconds to run `statements` again, one by one, fetching their rows.

    They run in a transaction that is rolled back, so the request's own
    savepoints and `SET LOCAL` behave as they did and nothing is written. A
    statement that failed in the request (a count cut short by its timeout)
    fails here too, and the request's `ROLLBACK TO SAVEPOINT` follows it.
    """
    elapsed = 0.0
    with transaction.atomic(), connection.cursor() as cursor:
        for sql, params, many in statements:
            started = time.perf_counter()
            try:
                if many:
                    cursor.executemany(sql, params)
                else:
                    cursor.execute(sql, params)
                    if cursor.description:
                        cursor.fetchall()
            except DatabaseError:
                pass
            elapsed += time.perf_counter() - started
        transaction.set_rollback(True)
    return elapsed * 1000


def request_host():
    """A host name the settings accept (the test client's "testserver" may not be one)."""
    for host in settings.ALLOWED_HOSTS:
        if host == "*":
            return "testserver"
        return f"bench{host}" if host.startswith(".") else host
    return "localhost"


def bench_user():
    """The benchmark superuser (created if missing, without a password)."""
    users = get_user_model().objects
    user = users.filter(username=BENCH_USERNAME).first()
    if user is None:
        user = users.create_superuser(BENCH_USERNAME, "bench@example.org", None)
    return user


def bench_client():
    """A test client logged in as the benchmark superuser.

    Requests are marked secure: with DEBUG off, SECURE_SSL_REDIRECT would
    otherwise answer every request with a redirect to HTTPS.
    """
    client = Client(HTTP_HOST=request_host())
    client.force_login(bench_user())
    return client


class PageError(Exception):
    pass


def request(client, url):
    """(milliseconds, queries counted, statements captured) of one GET of `url`."""
    recorder = StatementRecorder()
    with CaptureQueriesContext(connection) as queries, connection.execute_wrapper(recorder):
        started = time.perf_counter()
        response = client.get(url, secure=True)
        content = response.getvalue()  # a streaming page is timed to its last byte
        elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise PageError(f"{url} answered {response.status_code}: {content[:200]!r}")
    return elapsed, len(queries), recorder.statements


def measure(page, repeat, client):
    url = page.url()
    # Cold: the application's caches cleared (PostgreSQL's buffers stay warm, as in production).
    cache.clear()
    cold_ms, cold_queries, _ = request(client, url)
    result = Measurement(page.name, page.title, url, cold_ms, cold_queries)
    for _ in range(repeat):
        elapsed, queries, statements = request(client, url)
        result.times_ms.append(elapsed)
        result.queries.append(queries)
        result.floor_ms.append(replay(statements))
    return result


def run(pages, repeat):
    client = bench_client()
    return [measure(page, repeat, client) for page in pages]

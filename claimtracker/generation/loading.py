"""Writing generated rows fast, bypassing the ORM's per-row work (and
simple_history's signals): COPY on PostgreSQL through psycopg 3, batched
`executemany` on SQLite. Ids come from each table's own sequence, so the
sequences stay right for rows added later through the ORM.
"""

import datetime
import decimal

from claimtracker.corpus.models import Annotation, Byline, Claim, Document, Link, Statistic

from .tables import FIELDS

MODELS = {
    "document": Document,
    "byline": Byline,
    "claim": Claim,
    "claim_topic": Claim.topics.through,
    "statistic": Statistic,
    "link": Link,
    "annotation": Annotation,
}


def loader_for(connection):
    return PostgresLoader(connection) if connection.vendor == "postgresql" else SQLiteLoader(connection)


class Loader:
    def __init__(self, connection):
        self.connection = connection
        self.quote = connection.ops.quote_name

    def table(self, name):
        return self.quote(MODELS[name]._meta.db_table)

    def columns(self, name):
        meta = MODELS[name]._meta
        return ", ".join(self.quote(meta.get_field(field).column) for field in FIELDS[name])

    def write(self, tables):
        """Write every table of a batch, parents before children."""
        for name in FIELDS:
            if tables[name]:
                self.write_rows(name, tables[name])

    def finish(self):
        """Bring the planner's statistics up to date after a load (the search index's too)."""
        with self.connection.cursor() as cursor:
            cursor.execute("ANALYZE")


class PostgresLoader(Loader):
    def allocate(self, name, count):
        """`count` new ids from the table's identity sequence."""
        with self.connection.cursor() as cursor:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                [MODELS[name]._meta.db_table, count],
            )
            return [row[0] for row in cursor.fetchall()]

    def write_rows(self, name, rows):
        sql = f"COPY {self.table(name)} ({self.columns(name)}) FROM STDIN"
        with self.connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row(row)

    def finish(self):
        # VACUUM also sets the visibility map, so index-only scans work at once;
        # inside a transaction (the test suite) only ANALYZE is allowed.
        command = "ANALYZE" if self.connection.in_atomic_block else "VACUUM (ANALYZE)"
        with self.connection.cursor() as cursor:
            cursor.execute(command)


class SQLiteLoader(Loader):
    def allocate(self, name, count):
        table = MODELS[name]._meta.db_table
        with self.connection.cursor() as cursor:
            cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {self.quote(table)}")
            highest = cursor.fetchone()[0]
            cursor.execute("SELECT COALESCE(MAX(seq), 0) FROM sqlite_sequence WHERE name = %s", [table])
            highest = max(highest, cursor.fetchone()[0])
        return range(highest + 1, highest + 1 + count)

    def write_rows(self, name, rows):
        adapt = self.adapter()
        placeholders = ", ".join(["%s"] * len(FIELDS[name]))
        sql = f"INSERT INTO {self.table(name)} ({self.columns(name)}) VALUES ({placeholders})"
        with self.connection.cursor() as cursor:
            for at in range(0, len(rows), 5000):
                cursor.executemany(sql, [tuple(map(adapt, row)) for row in rows[at : at + 5000]])

    def adapter(self):
        ops = self.connection.ops
        conversions = {
            datetime.datetime: ops.adapt_datetimefield_value,
            datetime.date: ops.adapt_datefield_value,
            decimal.Decimal: str,
        }

        def adapt(value):
            convert = conversions.get(type(value))
            return convert(value) if convert else value

        return adapt

"""Backups of the whole database that restore exactly, on SQLite or PostgreSQL alike.

A backup is gzip-compressed JSON lines: a header (format, database, the
migrations it was taken at), then for each table its columns and its rows as
JSON arrays (dates and times in full ISO precision, decimals and ids as text
where JSON numbers would lose them). Every model's table is in it — corpus,
history, accounts, permissions, the admin's log — except what is derived or
passing: the search index (rebuilt after a restore), sessions and the cache.

A restore writes the rows with plain INSERTs in one transaction: no model
signals run, so no history row is added or changed and timestamps stay as they
were; foreign keys are checked at commit. It replaces everything in the tables
it holds, so the result is the backup, row for row, whichever database it was
taken from (SQLite to PostgreSQL is the upgrade path from the embedded default).
"""

import base64
import datetime
import decimal
import gzip
import json
import uuid

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder

from claimtracker.corpus.models import Claim
from claimtracker.corpus.services.documents import fill_fragments

FORMAT = "claimtracker-backup"
VERSION = 1
BATCH = 1000
LEFT_OUT = {"search.claimsearch", "sessions.session"}  # derived or passing


class BackupError(Exception):
    """A backup that cannot be restored here, and why."""


def models():
    """The models whose tables a backup holds, in a stable order."""
    found = [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.label_lower not in LEFT_OUT and model._meta.managed and not model._meta.proxy
    ]
    return sorted(found, key=lambda model: model._meta.db_table)


def migrations_applied():
    applied = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        applied.setdefault(app, []).append(name)
    return {app: sorted(names) for app, names in sorted(applied.items())}


# --- Writing ------------------------------------------------------------------------------


def to_json(value):
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return base64.b64encode(value).decode("ascii")  # BinaryField.to_python decodes it
    return value


def write_backup(path, progress=None):
    """Write the whole database to `path`; returns {table: rows written}."""
    counts = {}
    with gzip.open(path, "wt", encoding="utf-8") as out, transaction.atomic():
        header = {"format": FORMAT, "version": VERSION, "database": connection.vendor}
        header["taken"] = datetime.datetime.now(datetime.UTC).isoformat()
        header["migrations"] = migrations_applied()
        out.write(json.dumps(header) + "\n")
        for model in models():
            columns = [field.attname for field in model._meta.concrete_fields]
            table = {"table": model._meta.db_table, "model": model._meta.label_lower, "columns": columns}
            out.write(json.dumps(table) + "\n")
            rows = model._base_manager.order_by("pk").values_list(*columns).iterator(chunk_size=BATCH)
            count = 0
            for row in rows:
                out.write(json.dumps([to_json(value) for value in row], ensure_ascii=False) + "\n")
                count += 1
            counts[model._meta.db_table] = count
            if progress:
                progress(model._meta.db_table, count)
    return counts


# --- Restoring ----------------------------------------------------------------------------


def read_header(lines):
    try:
        header = json.loads(next(lines))
    except (StopIteration, ValueError):
        raise BackupError("This is not a Claimtracker backup (no header line).") from None
    if header.get("format") != FORMAT or header.get("version") != VERSION:
        raise BackupError("This is not a Claimtracker backup of a format this version can read.")
    here = migrations_applied()
    missing = {
        app: sorted(set(names) - set(here.get(app, []))) for app, names in header["migrations"].items()
    }
    missing = {app: names for app, names in missing.items() if names}
    if missing:
        raise BackupError(
            f"The backup was taken at migrations this database lacks: {missing}. Migrate first."
        )
    return header


def restore_backup(path, progress=None):
    """Replace the contents of every table the backup holds with its rows; returns {table: rows}."""
    by_table = {model._meta.db_table: model for model in models()}
    counts, claim_columns = {}, []
    with gzip.open(path, "rt", encoding="utf-8") as source, transaction.atomic():
        lines = iter(source)
        read_header(lines)
        with connection.cursor() as cursor:
            for table in by_table:
                cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")
        loader = None
        for line in lines:
            item = json.loads(line)
            if isinstance(item, dict):  # a table starts
                if loader:
                    loader.flush()
                loader = table_loader(by_table, item)
                counts[loader.table] = 0
                if loader.table == Claim._meta.db_table:
                    claim_columns = item["columns"]
                continue
            if loader is None:
                raise BackupError("The backup's rows come before any table.")
            loader.add(item)
            counts[loader.table] += 1
            if loader.full():
                loader.flush()
                if progress:
                    progress(loader.table, counts[loader.table])
        if loader:
            loader.flush()
        reset_sequences(by_table.values())
        if "fragment" not in claim_columns:  # a backup taken before claims kept their text fragment
            fill_fragments(Claim.objects.all())
    return counts


def table_loader(by_table, item):
    if item.get("table") not in by_table:
        raise BackupError(f"The backup holds a table this version does not have: {item.get('table')}.")
    return TableLoader(by_table[item["table"]], item["columns"])


class TableLoader:
    """Rows of one table, converted by each column's field and inserted in batches."""

    def __init__(self, model, columns):
        fields = {field.attname: field for field in model._meta.concrete_fields}
        unknown = [column for column in columns if column not in fields]
        if unknown:
            raise BackupError(f"{model._meta.db_table}: columns this version does not have: {unknown}.")
        self.table = model._meta.db_table
        self.fields = [fields[column] for column in columns]
        quote = connection.ops.quote_name
        names = ", ".join(quote(field.column) for field in self.fields)
        marks = ", ".join(["%s"] * len(self.fields))
        self.sql = f"INSERT INTO {quote(model._meta.db_table)} ({names}) VALUES ({marks})"
        self.rows = []

    def add(self, values):
        self.rows.append(
            [
                None if value is None else field.get_db_prep_save(field.to_python(value), connection)
                for field, value in zip(self.fields, values, strict=True)
            ]
        )

    def full(self):
        return len(self.rows) >= BATCH

    def flush(self):
        if self.rows:
            with connection.cursor() as cursor:
                cursor.executemany(self.sql, self.rows)
            self.rows = []


def reset_sequences(models_restored):
    """Ids go on after the highest restored one (PostgreSQL's sequences; SQLite keeps count itself)."""
    statements = connection.ops.sequence_reset_sql(no_style(), list(models_restored))
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)

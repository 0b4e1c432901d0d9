"""Backups restore every row of every table exactly, history included, on SQLite and
on PostgreSQL, and from SQLite into PostgreSQL (the upgrade path)."""

import gzip
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from claimtracker.backups.archive import models
from claimtracker.corpus.models import Claim, Document
from claimtracker.corpus.services import claims as claim_services
from claimtracker.corpus.services.documents import sign_unsigned
from claimtracker.corpus.services.editing import ClaimEdit
from claimtracker.corpus.services.importing import Original, document_import
from claimtracker.search.queries import apply_search
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)
ROOT = Path(__file__).resolve().parents[2]


def quietly(*args):
    call_command(*args, stdout=io.StringIO(), stderr=io.StringIO())


def every_row():
    """{table: [rows]} of every table a backup holds, in id order."""
    return {
        model._meta.db_table: list(model._base_manager.order_by("pk").values_list()) for model in models()
    }


def make_a_history():
    """The seed corpus, a user and edits that leave history rows of every kind."""
    call_command("loaddata", "seed", verbosity=0)
    alice = UserFactory(username="alice", email="alice@example.org")
    claim = Claim.objects.get(pk=28)
    edit = ClaimEdit(version=claim.version, values={"summary": "Edited before the backup.", "topics": []})
    claim_services.claim_update(claim.pk, edit, user=alice)
    claim_services.claim_delete(30, user=alice)
    sign_unsigned()
    imported = Document(title="Imported", kind="news_report", text="An imported report, as fetched.\n")
    original = Original(
        b"<html>\x00\xff binary as fetched</html>", timezone.now(), "text/html", url="https://example.org/"
    )
    document_import(imported, publisher="Example", byline=["John Smith"], original=original, user=alice)


def test_a_backup_restores_every_row_of_every_table(tmp_path):
    make_a_history()
    before = every_row()
    quietly("backup", str(tmp_path / "backup.jsonl.gz"))
    Claim.objects.filter(pk=28).update(summary="Changed after the backup.")

    quietly("restore", str(tmp_path / "backup.jsonl.gz"), "--replace")

    assert every_row() == before
    assert Claim.history.filter(id=30, history_type="-", history_user__username="alice").exists()
    assert apply_search(Claim.objects.all(), "billion").exists()  # the search index is rebuilt
    assert sum(len(rows) for rows in before.values()) > 500
    assert bytes(Document.objects.get(title="Imported").snapshots.get().content).startswith(b"<html>\x00\xff")


def test_a_restore_refuses_to_replace_documents_unless_asked(tmp_path):
    quietly("backup", str(tmp_path / "empty.jsonl.gz"))
    make_a_history()
    with pytest.raises(CommandError, match="--replace"):
        quietly("restore", str(tmp_path / "empty.jsonl.gz"))
    assert Document.objects.count() == 6  # the seed's five and the imported one


def test_a_file_that_is_not_a_backup_changes_nothing(tmp_path):
    make_a_history()
    before = every_row()
    (tmp_path / "notes.txt").write_text("not a backup")
    with gzip.open(tmp_path / "other.jsonl.gz", "wt") as file:
        file.write(json.dumps({"format": "something else"}) + "\n")
    for name in ("notes.txt", "other.jsonl.gz", "missing.jsonl.gz"):
        with pytest.raises(CommandError):
            quietly("restore", str(tmp_path / name), "--replace")
    assert every_row() == before


def test_a_backup_taken_before_claims_kept_their_text_fragments_gets_them_on_restore(tmp_path):
    make_a_history()
    kept = dict(Claim.objects.values_list("pk", "fragment"))
    path = tmp_path / "older.jsonl.gz"
    quietly("backup", str(path))
    lines, at = [], None  # the backup as an older version wrote it: no `fragment` column
    for line in rows_of(path, header=True):
        item = json.loads(line)
        if isinstance(item, dict) and "columns" in item:
            at = item["columns"].index("fragment") if item["table"] == "corpus_claim" else None
            if at is not None:
                del item["columns"][at]
        elif isinstance(item, list) and at is not None:
            del item[at]
        lines.append(json.dumps(item))
    with gzip.open(path, "wt") as file:
        file.write("\n".join(lines) + "\n")

    quietly("restore", str(path), "--replace")

    assert dict(Claim.objects.values_list("pk", "fragment")) == kept
    assert sum(1 for fragment in kept.values() if fragment) > 60


def test_a_backup_taken_at_later_migrations_is_refused(tmp_path):
    make_a_history()
    path = tmp_path / "later.jsonl.gz"
    quietly("backup", str(path))
    lines = rows_of(path, header=True)
    header = json.loads(lines[0])
    header["migrations"]["corpus"].append("9999_from_the_future")
    with gzip.open(path, "wt") as file:
        file.write("\n".join([json.dumps(header), *lines[1:]]) + "\n")
    with pytest.raises(CommandError, match="9999_from_the_future"):
        quietly("restore", str(path), "--replace")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="restores a SQLite backup into PostgreSQL")
def test_a_sqlite_backup_restores_into_postgresql(tmp_path):
    """The upgrade path: a researcher's embedded database moves to the production one."""
    sqlite = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'laptop.sqlite3'}", "DEBUG": "true"}
    manage = [sys.executable, str(ROOT / "manage.py")]
    edit = (
        "from claimtracker.corpus.services import claims as s\n"
        "from claimtracker.corpus.services.editing import ClaimEdit\n"
        "from django.contrib.auth.models import User\n"
        "u = User.objects.create_user('laptop')\n"
        "s.claim_update(28, ClaimEdit(version=1, values={'summary': 'Edited on the laptop.'}), user=u)"
    )
    for command in (
        ["migrate", "-v0"],
        ["bootstrap", "--no-demo-user"],
        ["shell", "-c", edit],
        ["backup", str(tmp_path / "laptop.jsonl.gz")],
    ):
        subprocess.run([*manage, *command], env=sqlite, check=True, capture_output=True, cwd=ROOT)

    quietly("restore", str(tmp_path / "laptop.jsonl.gz"))
    quietly("backup", str(tmp_path / "server.jsonl.gz"))

    assert rows_of(tmp_path / "laptop.jsonl.gz") == rows_of(tmp_path / "server.jsonl.gz")
    assert Claim.objects.get(pk=28).summary == "Edited on the laptop."
    assert Claim.history.get(id=28, history_user__username="laptop").summary == "Edited on the laptop."


def rows_of(path, header=False):
    """The lines of a backup file: its tables and rows, and its header if asked (the databases differ)."""
    with gzip.open(path, "rt", encoding="utf-8") as file:
        lines = file.read().splitlines()
    return lines if header else lines[1:]

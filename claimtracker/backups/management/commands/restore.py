"""`manage.py restore FILE`: replace this database's contents with a backup's."""

import sys

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from claimtracker.backups.archive import BackupError, restore_backup
from claimtracker.corpus.changes import corpus_changed
from claimtracker.corpus.models import Document
from claimtracker.search.indexing import index_all


class Command(BaseCommand):
    help = (
        "Replace the contents of every table with those of a backup made by `manage.py backup` "
        "(from SQLite or PostgreSQL), then rebuild the search index. Run `migrate` first."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="A backup made by `manage.py backup`.")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Restore even though this database already holds documents.",
        )

    def handle(self, *args, file, replace, **options):
        if Document.objects.exists() and not replace:
            raise CommandError(
                "This database already holds documents; a restore replaces everything in it. "
                "Add --replace to go ahead."
            )
        try:
            counts = restore_backup(
                file, progress=lambda table, n: sys.stderr.write(f"{table}: {n:,} rows\r")
            )
        except BackupError as error:
            raise CommandError(str(error)) from None
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror or error}.") from None
        index_all()
        corpus_changed()  # cached totals, facets and citations are of the old contents
        self.stdout.write(
            f"Restored {sum(counts.values()):,} rows of {len(counts)} tables into {connection.vendor}; "
            "search index rebuilt."
        )

"""`manage.py backup FILE`: the whole database, history included, into one file."""

import sys

from django.core.management.base import BaseCommand, CommandError

from claimtracker.backups.archive import write_backup


class Command(BaseCommand):
    help = (
        "Write every table (corpus, history, accounts, permissions) to FILE (gzip-compressed JSON "
        "lines), for `manage.py restore` on SQLite or PostgreSQL."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Where to write the backup, e.g. claimtracker-2026-12-03.jsonl.gz")

    def handle(self, *args, file, **options):
        try:
            counts = write_backup(file, progress=lambda table, n: sys.stderr.write(f"{table}: {n:,} rows\n"))
        except OSError as error:
            raise CommandError(f"Cannot write {file}: {error.strerror or error}.") from None
        self.stdout.write(f"Backed up {sum(counts.values()):,} rows of {len(counts)} tables to {file}.")

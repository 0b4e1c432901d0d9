"""Import files and folders (and pages from a list of URLs) in bulk: one line per input —
imported as N, duplicate of N, failed: why — and a non-zero exit if any failed. Each
document is its own transaction: a failure leaves nothing of that input behind."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from claimtracker.corpus.models import Document
from claimtracker.importing import sources
from claimtracker.importing.bulk import import_one
from claimtracker.importing.extracting import EXTENSIONS


class Command(BaseCommand):
    help = "Import documents from files, folders (.txt, .html, .pdf, .docx) and a list of URLs."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", help="Files, or folders searched for files to import.")
        parser.add_argument("--url-list", help="A file of URLs to fetch and import, one per line.")
        parser.add_argument(
            "--kind", default=sources.DEFAULT_KIND, choices=Document.Kind.values, help="The documents' kind."
        )

    def handle(self, *args, paths, url_list, kind, **options):
        inputs = [*files_in(paths), *urls_in(url_list)]
        if not inputs:
            raise CommandError("Nothing to import: name files, folders or --url-list FILE.")
        failed = 0
        with tqdm(total=len(inputs), unit="document", file=sys.stderr, disable=None) as bar:
            for name, read in inputs:
                line, ok = import_one(name, read, kind)
                failed += not ok
                with bar.external_write_mode():  # the line above the progress bar, not through it
                    self.stdout.write(line)
                bar.update()
        self.stdout.write(f"{len(inputs) - failed} of {len(inputs)} inputs imported or already stored.")
        if failed:
            raise CommandError(f"{failed} input{'s' if failed != 1 else ''} failed.", returncode=1)


def files_in(paths):
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in EXTENSIONS)
            yield from ((str(p), reader_of(p)) for p in found)
        else:
            yield given, reader_of(path)  # a missing or unreadable file fails on its own line


def reader_of(path):
    return lambda: sources.read_path(path)


def urls_in(url_list):
    if not url_list:
        return []
    try:
        lines = Path(url_list).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise CommandError(f"The URL list could not be read: {error}") from error
    urls = [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    return [(url, (lambda url=url: sources.read_url(url))) for url in urls]

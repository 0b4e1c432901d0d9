"""`manage.py export_claims --format FORMAT [--output FILE] [filters…]`: claims as citations or data.

The filters are those of the claim list (/claims/): `--speaker 3 --topic 7 --kind statistic`, …
"""

import os
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.http import QueryDict
from tqdm import tqdm

from claimtracker.corpus.filters import ClaimFilter
from claimtracker.corpus.models import Claim
from claimtracker.exports.formats import FORMATS, UnknownFormat, export


class Command(BaseCommand):
    help = "Export claims in one of: " + ", ".join(FORMATS) + ". Writes to standard output unless --output."

    def add_arguments(self, parser):
        parser.add_argument("--format", required=True, help="One of: " + ", ".join(FORMATS) + ".")
        parser.add_argument("--output", help="A file to write (default: standard output).")
        parser.add_argument(
            "--site-url",
            help="The site's address for the claims' permalinks (default: the SITE_URL setting).",
        )
        parser.add_argument(
            "--bom", action="store_true", help="CSV: begin with a byte order mark (for Excel)."
        )
        parser.add_argument("--html", action="store_true", help="The formatted styles as rich text (HTML).")
        for name in ClaimFilter.base_filters:
            parser.add_argument(
                f"--{name.replace('_', '-')}", dest=f"filter_{name}", help=f"As ?{name}= on /claims/."
            )

    def handle(self, *args, format, output, site_url, bom, html, **options):
        check_output(output)
        query = QueryDict(mutable=True)
        for name in ClaimFilter.base_filters:
            if options.get(f"filter_{name}") is not None:
                query[name] = options[f"filter_{name}"]
        filterset = ClaimFilter(query, queryset=Claim.objects.all())
        if not filterset.is_valid():
            problems = "; ".join(
                f"--{name.replace('_', '-')}: {' '.join(errors)}" for name, errors in filterset.errors.items()
            )
            raise CommandError(f"Bad filters: {problems}")
        claims = filterset.qs
        total = claims.count()
        try:
            with tqdm(total=total, unit="claim", file=sys.stderr, disable=None) as bar:
                site = (site_url or settings.SITE_URL).rstrip("/")
                chunks, _, _ = export(claims, format, site, progress=bar.update, bom=bom, html=html)
                self.write(chunks, output)
        except UnknownFormat as error:
            raise CommandError(str(error)) from None

    def write(self, chunks, output):
        if output:
            # Written beside it, then renamed: a failed export never leaves half a file
            # in place of the last good one.
            partial = Path(output).with_name(Path(output).name + ".part")
            try:
                with open(partial, "wb") as file:
                    for chunk in chunks:
                        file.write(chunk)
                os.replace(partial, output)
            finally:
                partial.unlink(missing_ok=True)
        else:
            for chunk in chunks:
                self.stdout.write(chunk.decode("utf-8"), ending="")


def check_output(output):
    """Refuse, before any work, a file that cannot be written: a folder, or one in a missing folder."""
    if not output:
        return
    path = Path(output)
    if path.is_dir():
        raise CommandError(f"{output} is a folder: give a file name, e.g. {path / 'claims.bib'}.")
    if not path.parent.is_dir():
        raise CommandError(f"The folder {path.parent} does not exist: create it first.")

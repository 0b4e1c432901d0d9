"""`manage.py export_claims --format FORMAT [--output FILE] [filters…]`: claims as citations or data.

The filters are those of the claim list (/claims/): `--speaker 3 --topic 7 --kind statistic`, …
"""

import sys

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
        parser.add_argument("--base-url", default="http://localhost:8000", help="For the claims' permalinks.")
        for name in ClaimFilter.base_filters:
            parser.add_argument(
                f"--{name.replace('_', '-')}", dest=f"filter_{name}", help=f"As ?{name}= on /claims/."
            )

    def handle(self, *args, format, output, base_url, **options):
        query = QueryDict(mutable=True)
        for name in ClaimFilter.base_filters:
            if options.get(f"filter_{name}") is not None:
                query[name] = options[f"filter_{name}"]
        filterset = ClaimFilter(query, queryset=Claim.objects.all())
        if not filterset.is_valid():
            raise CommandError(f"Bad filters: {filterset.form.errors.as_text()}")
        claims = filterset.qs
        total = claims.count()
        try:
            with tqdm(total=total, unit="claim", file=sys.stderr, disable=None) as bar:
                chunks, _, _ = export(claims, format, base_url, progress=bar.update)
                self.write(chunks, output)
        except UnknownFormat as error:
            raise CommandError(str(error)) from None

    def write(self, chunks, output):
        if output:
            with open(output, "wb") as file:
                for chunk in chunks:
                    file.write(chunk)
        else:
            for chunk in chunks:
                self.stdout.write(chunk.decode("utf-8"), ending="")

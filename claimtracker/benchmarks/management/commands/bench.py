"""`manage.py bench`: time the key pages on a generated corpus of at least N claims."""

import sys

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from tqdm import tqdm

from claimtracker.benchmarks import harness, overhttp, report
from claimtracker.benchmarks.exporting import measure_export, newest_query
from claimtracker.benchmarks.exporting import table as export_table
from claimtracker.benchmarks.importing import measure_imports
from claimtracker.benchmarks.importing import table as import_table
from claimtracker.benchmarks.pages import PAGES
from claimtracker.benchmarks.painting import measure_painting
from claimtracker.corpus.filters import ClaimFilter
from claimtracker.corpus.models import Claim
from claimtracker.exports.formats import FORMATS
from claimtracker.generation.corpus import generate_corpus


class Command(BaseCommand):
    help = (
        "Make sure the database holds at least --claims claims (generating the difference with "
        "generate_corpus), request each page once cold and --repeat times, and print per page the "
        "median and p95 time and the SQL queries, the same SQL re-run alone (the database floor) "
        "and the ratio of the two. Pages: " + ", ".join(PAGES) + "."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--claims", type=int, default=10_000, help="At least this many claims (default 10000)."
        )
        parser.add_argument(
            "--seed", type=int, default=1, help="Seed for generating missing claims (default 1)."
        )
        parser.add_argument(
            "--repeat", type=int, default=20, help="Requests per page after the warm-up (default 20)."
        )
        parser.add_argument("--pages", nargs="+", choices=list(PAGES), default=list(PAGES), metavar="PAGE")
        parser.add_argument("--json", action="store_true", help="Print JSON instead of a table.")
        parser.add_argument(
            "--exports",
            type=int,
            default=0,
            metavar="N",
            help="Also export the first N claims in each format (--export-formats) and report "
            "claims per second and peak memory.",
        )
        parser.add_argument("--export-formats", nargs="+", choices=list(FORMATS), default=list(FORMATS))
        parser.add_argument(
            "--imports",
            type=int,
            default=0,
            metavar="N",
            help="Also import N generated news pages (HTML) as import_documents does, and report "
            "documents per second and the claim suggestions' time per 10 KB of text.",
        )
        parser.add_argument(
            "--http",
            action="store_true",
            help="Also time the pages (and --exports) over HTTP: gunicorn with production settings "
            "(DEBUG off) on this database, started for the run.",
        )
        parser.add_argument(
            "--workers", type=int, default=overhttp.WORKERS, help="gunicorn workers for --http (default 2)."
        )
        parser.add_argument(
            "--painted",
            action="store_true",
            help="Also time the reader until its highlights are painted, in Debian's Chromium "
            "(needs DEBUG=true or SECURE_SSL_REDIRECT off: it is served over plain HTTP).",
        )

    def handle(self, *args, claims, seed, repeat, pages, json, painted, exports, imports, **options):
        if repeat < 1:
            raise CommandError("--repeat must be at least 1.")
        present = Claim.objects.count()
        if present < claims:
            self.stderr.write(
                f"{present:,} claims present: generating {claims - present:,} more (seed {seed})."
            )
            with tqdm(total=claims - present, unit="claim", unit_scale=True, file=sys.stderr) as bar:
                generate_corpus(claims - present, seed=seed, progress=bar.update)
            present = Claim.objects.count()
        context = {"database": connection.vendor, "claims": present, "repeat": repeat}
        if not json:
            self.stdout.write(
                f"{present:,} claims on {connection.vendor}; each page once cold, then {repeat} times."
            )
        try:
            results = harness.run([PAGES[name] for name in pages], repeat)
        except harness.PageError as error:
            raise CommandError(str(error)) from error
        painting = measure_painting(PAGES["reader"].url(), repeat) if painted else None
        formats = options["export_formats"] if exports else []
        export_runs = [measure_export(name, exports) for name in formats]
        http_pages, http_exports = [], []
        if options["http"]:
            http_pages, http_exports = self.over_http(pages, repeat, exports, formats, options["workers"])
        import_run = None
        if imports:
            with tqdm(total=imports, unit="document", file=sys.stderr, disable=None) as bar:
                import_run = measure_imports(imports, seed=seed, progress=bar.update)
        if json:
            extra = {
                "painting": painting.as_dict() if painting else None,
                "exports": [run.as_dict() for run in export_runs],
                "imports": import_run.as_dict() if import_run else None,
                "http": [result.as_dict() for result in http_pages],
                "http_exports": [run.as_dict() for run in http_exports],
            }
            self.stdout.write(report.as_json(results, **extra, **context))
        else:
            self.stdout.write(report.table(results))
            if painting:
                self.stdout.write(report.painting(painting))
            if export_runs:
                self.stdout.write("\n" + export_table(export_runs))
            if import_run:
                self.stdout.write("\n" + import_table(import_run))
            if http_pages:
                self.stdout.write("\nOver HTTP (gunicorn, production settings):\n")
                self.stdout.write(overhttp.pages_table(http_pages))
            if http_exports:
                self.stdout.write("\n" + overhttp.exports_table(http_exports))

    def over_http(self, pages, repeat, exports, formats, workers):
        site = overhttp.Site(workers)
        try:
            results = overhttp.measure_pages(site, [PAGES[name] for name in pages], repeat)
            query = newest_query(exports) if exports else {}
            count = exports and ClaimFilter(query, queryset=Claim.objects.all()).qs.count()
            runs = [overhttp.measure_export(site, name, query, count) for name in formats]
        except overhttp.PageError as error:
            raise CommandError(str(error)) from error
        finally:
            site.stop()
        return results, runs

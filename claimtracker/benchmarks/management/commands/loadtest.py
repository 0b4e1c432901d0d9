"""`manage.py loadtest`: signed-in users browsing, searching, exporting and creating claims
at once over HTTP, optionally through a PostgreSQL restart (claimtracker.benchmarks.load)."""

import os

from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from claimtracker.benchmarks import load


class Command(BaseCommand):
    help = (
        "Run --users signed-in users against the site for --seconds (gunicorn started with --serve "
        "workers, or a running site at --url on this database) and report each kind of request; "
        "--restart-postgres-at S restarts PostgreSQL S seconds in. Fails on an error or a lost write."
    )

    def add_arguments(self, parser):
        target = parser.add_mutually_exclusive_group(required=True)
        target.add_argument("--url", help="A running site on this database, e.g. http://127.0.0.1:8000")
        target.add_argument(
            "--serve", type=int, metavar="WORKERS", help="Start gunicorn with this many workers."
        )
        parser.add_argument("--users", type=int, default=20)
        parser.add_argument("--seconds", type=float, default=60)
        parser.add_argument("--restart-postgres-at", type=float, metavar="S", dest="restart_at")

    def handle(self, *args, url, serve, users, seconds, restart_at, **options):
        server = load.Gunicorn(serve, dict(os.environ)) if serve else None
        try:
            run = load.run_load(server.base if server else url.rstrip("/"), users, seconds, restart_at)
        finally:
            if server:
                server.stop()
        connections.close_all()  # a restart during the run has cut this process's connection
        self.stdout.write(f"{users} users for {seconds:g} s: {len(run.outcomes)} requests.\n")
        self.stdout.write(load.report(run) + "\n")
        problems = self.restart_problems(run)
        missing = load.missing_claims(run)
        self.stdout.write(
            f"Claims acknowledged: {len(run.acknowledged)}; missing from the database: {len(missing)}."
        )
        errors = [o for o in run.outcomes if not o.status or o.status >= 400]
        if run.restart:
            began, ended = run.restart
            errors = [o for o in errors if not o.excused_by_restart(began, ended)]
        for outcome in errors[:20]:
            self.stdout.write(f"  error: {outcome.kind} {outcome.status} at {outcome.at:.1f} s")
        if errors or missing or problems:
            raise CommandError(
                f"{len(errors)} errors outside a restart, {len(missing)} lost writes. {problems}"
            )

    def restart_problems(self, run):
        summary = load.restart_report(run)
        if summary is None:
            return ""
        answered, back = summary
        began, ended = run.restart
        self.stdout.write(f"PostgreSQL restarted from {began:.1f} s to {ended:.1f} s; answers meanwhile: ")
        self.stdout.write(
            f"{answered or 'none'}; " + (f"back {back:.2f} s after." if back is not None else "never back.")
        )
        if back is None or back > load.RECOVERY:
            return f"The site was not back within {load.RECOVERY} s of the restart."
        return ""

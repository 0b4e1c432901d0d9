"""`manage.py generate_corpus`: add a generated corpus of N claims (see claimtracker.generation)."""

import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from claimtracker.generation.corpus import generate_corpus


class Command(BaseCommand):
    help = (
        "Add N generated claims with their documents (real text from the seed corpus, claims "
        "anchored at true offsets), speakers, roles, topics, statistics, links and notes. "
        "Deterministic for a seed on an empty database; running it again adds N more. "
        "Rows are bulk-loaded (COPY on PostgreSQL), so no history rows are recorded for them."
    )

    def add_arguments(self, parser):
        parser.add_argument("--claims", type=int, default=5000, help="How many claims to add (default 5000).")
        parser.add_argument("--seed", type=int, default=1, help="Random seed (default 1).")

    def handle(self, *args, claims, seed, **options):
        if claims < 1:
            raise CommandError("--claims must be at least 1.")
        with tqdm(
            total=claims, unit="claim", unit_scale=True, file=sys.stderr, disable=options["verbosity"] == 0
        ) as bar:
            summary = generate_corpus(claims, seed=seed, progress=bar.update)
        counts = ", ".join(f"{count:,} {name.replace('_', ' ')} rows" for name, count in summary.rows.items())
        self.stdout.write(f"Added {counts} in {summary.seconds:.1f} s (seed {seed}).")

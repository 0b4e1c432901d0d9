"""`manage.py reindex_search`: rebuild the search index of every claim."""

import sys
import time

from django.core.management.base import BaseCommand
from tqdm import tqdm

from claimtracker.corpus.models import Claim
from claimtracker.search.indexing import index_all


class Command(BaseCommand):
    help = "Rebuild the full-text index of every claim (quotes, summaries, notes, speakers' names)."

    def handle(self, *args, **options):
        started = time.perf_counter()
        with tqdm(total=Claim.objects.count(), unit="claim", unit_scale=True, file=sys.stderr) as bar:
            index_all(progress=bar.update)
        self.stdout.write(f"Indexed in {time.perf_counter() - started:.0f} s.")

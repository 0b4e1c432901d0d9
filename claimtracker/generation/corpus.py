"""`generate_corpus()`: add N generated claims, with their documents and all
that hangs off them, to the configured database, batch by batch.

The same seed on an empty database gives the same rows. Running it again adds
N more claims in new documents: the run continues the document numbering, so
texts (and their content hashes) never repeat. No history rows are written.
"""

import time
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.utils import timezone

from claimtracker.corpus.changes import claims_changed, corpus_changed
from claimtracker.corpus.models import Claim, Document

from .loading import loader_for
from .pools import ensure_pools
from .rows import DOCUMENT_NOTE, CorpusRows

BATCH_CLAIMS = 20_000


@dataclass
class Summary:
    seed: int
    rows: dict = field(default_factory=dict)  # table name -> rows written
    seconds: float = 0.0


def generate_corpus(claims, *, seed=1, progress=None):
    """Add `claims` claims; `progress(n)` is called as each batch of n claims is stored."""
    started = time.perf_counter()
    newest_before = Claim.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    loader = loader_for(connection)
    offset = Document.objects.filter(notes__startswith=DOCUMENT_NOTE).count()
    with transaction.atomic():
        pools = ensure_pools(Claim.objects.count() + claims)
    builder = CorpusRows(pools, seed=seed, offset=offset, now=timezone.now())
    summary, remaining, first = Summary(seed), claims, True
    while remaining > 0:
        plans, batch = [], 0
        while remaining > 0 and batch < BATCH_CLAIMS:
            plan = builder.plan(remaining, first=first, total=claims)
            first = False
            plans.append(plan)
            batch += len(plan.claims)
            remaining -= len(plan.claims)
        with transaction.atomic():
            tables = builder.emit(
                plans, loader.allocate("document", len(plans)), loader.allocate("claim", batch)
            )
            loader.write(tables)
        for name, rows in tables.items():
            summary.rows[name] = summary.rows.get(name, 0) + len(rows)
        if progress:
            progress(batch)
    # COPY sends no model signals: tell what derives from claims (caches, the search index).
    corpus_changed()
    claims_changed.send(
        sender=Claim, claim_ids=Claim.objects.filter(pk__gt=newest_before).values_list("pk", flat=True)
    )
    loader.finish()  # last, so that the statistics include the search index
    summary.seconds = time.perf_counter() - started
    return summary

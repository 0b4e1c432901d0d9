"""The search index of claims (PostgreSQL). On SQLite the index is an FTS5
table that the migration creates and `indexing` keeps; this model is unused there."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models


class ClaimSearch(models.Model):
    """One row per claim: its quote, summary, speaker's names and notes, weighted A–D."""

    claim = models.OneToOneField(
        "corpus.Claim", primary_key=True, on_delete=models.CASCADE, related_name="search_entry"
    )
    vector = SearchVectorField(null=True)
    # The GIN index on `vector` is created by the migration, on PostgreSQL only.

    def __str__(self):
        return f"Search entry of claim {self.claim_id}"

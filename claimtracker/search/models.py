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
    # The claim's date, kept with its words (indexing.py), so that the newest matches of a
    # word are found here without looking each one up in the claims table.
    said_on = models.DateField(null=True)
    # The GIN index on `vector` and the B-tree on (said_on DESC NULLS LAST, claim_id DESC)
    # are created by the migrations, on PostgreSQL only.

    def __str__(self):
        return f"Search entry of claim {self.claim_id}"

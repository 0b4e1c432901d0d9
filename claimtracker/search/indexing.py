"""Keeping the search index current: every save or delete of a claim, a note,
a speaker or an alias re-indexes the claims it touches, in bulk.

PostgreSQL: a weighted tsvector per claim (quote A, summary B, speaker's
names C, notes D) in `search_claimsearch`, GIN-indexed. The text is analysed
in Python first (analysis.py: CJK bigrams), so the 'simple' configuration
only has to split on spaces. SQLite: the same analysed text in an FTS5 table.
"""

from collections import defaultdict

from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save

from claimtracker.corpus.changes import claims_changed, corpus_changed
from claimtracker.corpus.models import Annotation, Claim, Speaker, SpeakerAlias

from .analysis import analysed

BATCH = 5_000
FTS_TABLE = "search_claimfts"

UPSERT = """
INSERT INTO search_claimsearch (claim_id, vector, said_on)
SELECT id, setweight(to_tsvector('simple', quote), 'A') || setweight(to_tsvector('simple', summary), 'B')
        || setweight(to_tsvector('simple', speaker), 'C') || setweight(to_tsvector('simple', notes), 'D'),
    said_on
FROM unnest(%s::integer[], %s::text[], %s::text[], %s::text[], %s::text[], %s::date[])
    AS t(id, quote, summary, speaker, notes, said_on)
ON CONFLICT (claim_id) DO UPDATE SET vector = EXCLUDED.vector, said_on = EXCLUDED.said_on
"""


def index_claims(claim_ids):
    """(Re)index the claims with these ids, in batches; ids of deleted claims are dropped.

    Each batch is one transaction: outside one, SQLite commits (and syncs) every row."""
    ids = sorted(set(claim_ids))
    for start in range(0, len(ids), BATCH):
        with transaction.atomic():
            write(rows_for(ids[start : start + BATCH]))


def index_all(progress=None):
    """Rebuild the whole index, batch by batch in id order; `progress(n)` after each batch.
    What was read from the index before (queries.memo) is not served after."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE}")
    last = 0
    while True:
        ids = list(Claim.objects.filter(pk__gt=last).order_by("pk").values_list("pk", flat=True)[:BATCH])
        if not ids:
            corpus_changed()
            return
        with transaction.atomic():
            write(rows_for(ids))
        last = ids[-1]
        if progress:
            progress(len(ids))


def rows_for(ids):
    """(id, quote, summary, speaker's names, notes, date said) of each claim, the texts analysed."""
    claims = list(
        Claim.objects.filter(pk__in=ids).values_list("pk", "quote", "summary", "speaker_id", "said_on")
    )
    names = defaultdict(list)
    speaker_ids = {speaker for _, _, _, speaker, _ in claims if speaker}
    for pk, name in Speaker.objects.filter(pk__in=speaker_ids).values_list("pk", "name"):
        names[pk].append(name)
    for pk, name in SpeakerAlias.objects.filter(speaker__in=speaker_ids).values_list("speaker_id", "name"):
        names[pk].append(name)
    notes = defaultdict(list)
    for claim_id, body in Annotation.objects.filter(claim__in=ids).values_list("claim_id", "body"):
        notes[claim_id].append(body)
    return [
        (
            pk,
            analysed(quote),
            analysed(summary),
            analysed(" ".join(names[speaker])),
            analysed(" ".join(notes[pk])),
            said_on,
        )
        for pk, quote, summary, speaker, said_on in claims
    ]


def write(rows):
    if not rows:
        return
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(UPSERT, [list(column) for column in zip(*rows, strict=True)])
        else:
            cursor.executemany(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [(row[0],) for row in rows])
            columns = "rowid, quote, summary, speaker, notes"
            texts = [row[:5] for row in rows]  # the texts only: SQLite walks the claims' date index
            cursor.executemany(f"INSERT INTO {FTS_TABLE} ({columns}) VALUES (%s, %s, %s, %s, %s)", texts)


def unindex(claim_id):
    # Also on PostgreSQL, where the row cascades with its claim: a note deleted in the
    # same cascade has re-indexed the claim a moment before it went.
    table = FTS_TABLE if connection.vendor == "sqlite" else "search_claimsearch"
    column = "rowid" if connection.vendor == "sqlite" else "claim_id"
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE {column} = %s", [claim_id])


# --- Signals: what changes which claims ----------------------------------------


def claim_saved(sender, instance, **kwargs):
    index_claims([instance.pk])


def claim_deleted(sender, instance, **kwargs):
    unindex(instance.pk)


def note_changed(sender, instance, **kwargs):
    index_claims([instance.claim_id])


def speaker_changed(sender, instance, **kwargs):
    index_claims(Claim.objects.filter(speaker=instance).values_list("pk", flat=True))


def alias_changed(sender, instance, **kwargs):
    index_claims(Claim.objects.filter(speaker_id=instance.speaker_id).values_list("pk", flat=True))


def bulk_changed(sender, claim_ids, **kwargs):
    index_claims(claim_ids)


def connect_signals():
    post_save.connect(claim_saved, sender=Claim, dispatch_uid="search-claim-saved")
    post_delete.connect(claim_deleted, sender=Claim, dispatch_uid="search-claim-deleted")
    for signal in (post_save, post_delete):
        signal.connect(note_changed, sender=Annotation, dispatch_uid=f"search-note-{signal}")
        signal.connect(alias_changed, sender=SpeakerAlias, dispatch_uid=f"search-alias-{signal}")
    post_save.connect(speaker_changed, sender=Speaker, dispatch_uid="search-speaker-saved")
    claims_changed.connect(bulk_changed, dispatch_uid="search-bulk-changed")

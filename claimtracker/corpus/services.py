"""Writes that span several rows or models: documents' text, claims' status."""

from collections import Counter

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from claimtracker.text.reanchoring import MOVED, ORPHANED, REVIEW, reanchor

from .changes import claims_changed, corpus_changed
from .models import Claim, Document
from .models.sources import normalise_line_endings

REANCHORED_FIELDS = ["start", "end", "quote", "prefix", "suffix", "anchor", "updated_at"]


@transaction.atomic
def document_save(document, *, user=None):
    """Save a document; if its text changed, re-anchor every claim in it (DESIGN §4).

    Each claim keeps its offsets, moves to its quote, moves by a fuzzy match
    and is flagged for review, or is orphaned keeping its last quote: never
    moved silently, never deleted. Every changed claim gets a history row.
    Returns how many claims had each outcome ({"kept": 3, "moved": 1, …}).
    """
    document.text = normalise_line_endings(document.text)
    if document.pk is None:
        document.created_by = document.created_by or user
        document.save()
        return Counter()
    old_text = Document.objects.filter(pk=document.pk).values_list("text", flat=True).get()
    document.save()
    if old_text == document.text:
        return Counter()
    outcomes, changed, now = Counter(), [], timezone.now()
    for claim in document.claims.exclude(anchor=Claim.Anchor.ORPHANED).select_for_update().order_by("pk"):
        found = reanchor(document.text, claim.start, claim.end, claim.quote, claim.prefix, claim.suffix)
        outcomes[found.outcome] += 1
        for name in ("start", "end", "quote", "prefix", "suffix", "anchor"):
            setattr(claim, name, getattr(found, name))
        claim.updated_at = now
        changed.append(claim)
    if changed:
        bulk_update_with_history(changed, Claim, REANCHORED_FIELDS, default_user=user, batch_size=1000)
        corpus_changed()
        claims_changed.send(sender=Claim, claim_ids=[claim.pk for claim in changed])
    return outcomes


def reanchoring_message(outcomes):
    """ "2 claims moved, 1 flagged for review, 1 orphaned", or "" when nothing needs saying."""
    parts = [
        f"{outcomes[MOVED]} moved with their passage" if outcomes[MOVED] else "",
        f"{outcomes[REVIEW]} moved by a close match and flagged for review" if outcomes[REVIEW] else "",
        f"{outcomes[ORPHANED]} orphaned (their passage is gone; they keep their last quote)"
        if outcomes[ORPHANED]
        else "",
    ]
    parts = [part for part in parts if part]
    return ("The text changed. Claims: " + "; ".join(parts) + ".") if parts else ""


def claims_set_status(claims, status, *, user=None, batch_size=1000):
    """Set the verification status of many claims in batches, each change recorded in history."""
    now, changed, batch = timezone.now(), 0, []
    with transaction.atomic():
        for claim in claims.exclude(status=status).order_by("pk").iterator(chunk_size=batch_size):
            claim.status, claim.updated_at = status, now
            batch.append(claim)
            if len(batch) == batch_size:
                changed += bulk_update_with_history(batch, Claim, ["status", "updated_at"], default_user=user)
                batch = []
        if batch:
            changed += bulk_update_with_history(batch, Claim, ["status", "updated_at"], default_user=user)
    corpus_changed()
    return changed

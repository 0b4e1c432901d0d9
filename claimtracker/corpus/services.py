"""Writes that span several rows or models: documents' text, claims' status."""

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from claimtracker.text import anchoring

from .changes import corpus_changed
from .models import Claim, Document
from .models.sources import normalise_line_endings


@transaction.atomic
def document_save(document, *, user=None):
    """Save a document; if its text changed, check every claim's anchor against the new text.

    A claim whose offsets still hold keeps them; any other claim is marked
    orphaned, keeping its last quote, so nothing is moved silently or lost.
    Returns the claims that were orphaned.
    """
    document.text = normalise_line_endings(document.text)
    if document.pk is None:
        document.created_by = document.created_by or user
        document.save()
        return []
    old_text = Document.objects.filter(pk=document.pk).values_list("text", flat=True).get()
    document.save()
    if old_text == document.text:
        return []
    orphaned = []
    for claim in document.claims.exclude(anchor=Claim.Anchor.ORPHANED).select_for_update():
        if anchoring.selector_problem(document.text, claim.start, claim.end, claim.quote):
            claim.anchor = Claim.Anchor.ORPHANED
            orphaned.append(claim)
        else:
            claim.prefix, claim.suffix = anchoring.context(document.text, claim.start, claim.end)
        claim.save(update_fields=["anchor", "prefix", "suffix", "updated_at"])
    return orphaned


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

"""Documents: saving one, and re-anchoring its claims when its text changed (DESIGN §4)."""

from collections import Counter

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from claimtracker.text.fragments import encoded_directive
from claimtracker.text.reanchoring import MOVED, ORPHANED, REVIEW, reanchor
from claimtracker.text.similarity import bands, signature

from ..changes import claims_changed, corpus_changed
from ..models import Claim, Document, TextBand
from ..models.sources import loose_hash, normalise_line_endings
from .recording import attributed_to

ANCHOR_FIELDS = ("start", "end", "quote", "prefix", "suffix", "anchor")
REANCHORED_FIELDS = [*ANCHOR_FIELDS, "fragment", "version", "updated_at"]


def document_save(document, *, user=None):
    """Save a document; if its text changed, re-anchor every claim in it.

    Each claim keeps its offsets, moves to its quote, moves by a fuzzy match
    and is flagged for review, or is orphaned keeping its last quote: never
    moved silently, never deleted. Every changed claim gets a history row.
    The document row is locked first, so a claim being created in it at the
    same moment is anchored in the new text or re-anchored with the others.
    Returns how many claims had each outcome ({"kept": 3, "moved": 1, …}).
    """
    document.text = normalise_line_endings(document.text)
    with transaction.atomic(), attributed_to(user):
        if document.pk is None:
            document.created_by = document.created_by or user
            document.save()
            sign(document)
            return Counter()
        old_text = Document.objects.select_for_update().values_list("text", flat=True).get(pk=document.pk)
        document.save()
        if old_text == document.text:
            return Counter()
        sign(document)
        reanchor_dismissals(document)
        return reanchor_claims(document, user)


def reanchor_claims(document, user):
    outcomes, changed, refreshed_only, now = Counter(), [], [], timezone.now()
    claims = document.claims.exclude(anchor=Claim.Anchor.ORPHANED).select_for_update().order_by("pk")
    for claim in claims:
        found = reanchor(document.text, claim.start, claim.end, claim.quote, claim.prefix, claim.suffix)
        outcomes[found.outcome] += 1
        anchor = {name: getattr(found, name) for name in ANCHOR_FIELDS}
        if anchor == {name: getattr(claim, name) for name in ANCHOR_FIELDS}:
            # Kept, and the text around it too; the new text may still repeat its first
            # words before it, which changes its text fragment (not a change of the claim).
            refreshed = fragment_in(document.text, claim)
            if refreshed != claim.fragment:
                claim.fragment = refreshed
                refreshed_only.append(claim)
            continue
        for name, value in anchor.items():
            setattr(claim, name, value)
        claim.fragment = fragment_in(document.text, claim)
        claim.updated_at, claim.version = now, claim.version + 1
        changed.append(claim)
    if refreshed_only:
        Claim.objects.bulk_update(refreshed_only, ["fragment"], batch_size=1000)
    if changed:
        bulk_update_with_history(changed, Claim, REANCHORED_FIELDS, default_user=user, batch_size=1000)
        corpus_changed()
        claims_changed.send(sender=Claim, claim_ids=[claim.pk for claim in changed])
    return outcomes


def fragment_in(text, claim):
    """The claim's text fragment directive in `text` ("" for an orphan: it has no passage)."""
    if claim.anchor == Claim.Anchor.ORPHANED:
        return ""
    return encoded_directive(text, claim.start, claim.end)


def fill_fragments(claims, batch_size=2000):
    """Compute the text fragment of each of `claims` that has none (loaded by fixture,
    restored from an older backup), in id order; returns how many."""
    filled, last = 0, 0
    pending = claims.filter(fragment="").exclude(anchor=Claim.Anchor.ORPHANED).order_by("pk")
    while batch := list(
        pending.filter(pk__gt=last).only("pk", "document_id", "start", "end", "anchor")[:batch_size]
    ):
        texts = dict(Document.objects.filter(pk__in={c.document_id for c in batch}).values_list("pk", "text"))
        for claim in batch:
            claim.fragment = fragment_in(texts[claim.document_id], claim)
        with transaction.atomic():
            Claim.objects.bulk_update(batch, ["fragment"])
        filled, last = filled + len(batch), batch[-1].pk
    return filled


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


def sign(document):
    """Keep the text's signature and its bands for finding near copies (after each text change)."""
    document.signature = signature(document.text)
    Document.objects.filter(pk=document.pk).update(
        signature=document.signature, loose_hash=loose_hash(document.text)
    )
    TextBand.objects.filter(document=document).delete()
    TextBand.objects.bulk_create(
        TextBand(document=document, band=band, value=value)
        for band, value in enumerate(bands(document.signature))
    )


def sign_unsigned(batch_size=500):
    """Sign every document without a signature (loaded by fixture or restored); returns how many."""
    signed = 0
    while batch := list(Document.objects.filter(signature=b"").order_by("pk")[:batch_size]):
        with transaction.atomic():
            for document in batch:
                sign(document)
        signed += len(batch)
    return signed


def reanchor_dismissals(document):
    """After a text edit: each dismissed suggestion follows its passage, or is dropped with it."""
    for dismissed in document.dismissed_suggestions.all():
        found = reanchor(document.text, dismissed.start, dismissed.end, dismissed.quote)
        if found.outcome == ORPHANED or found.quote != dismissed.quote:
            dismissed.delete()
        elif (found.start, found.end) != (dismissed.start, dismissed.end):
            dismissed.start, dismissed.end = found.start, found.end
            dismissed.save(update_fields=["start", "end"])

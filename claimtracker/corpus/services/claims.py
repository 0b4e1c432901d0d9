"""Claims: created once per submission and anchored in the document's current
text, edited without losing anyone's change, deleted with a trace, their
statuses set one by one or in bulk."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from claimtracker.text import anchoring, fragments

from ..changes import corpus_changed
from ..models import Claim, Document
from ..models.claims import CLAIM_HISTORY
from .editing import ClaimEdit, EditConflict, FigureEdit, claim_values, merge_claim, merge_figures
from .figures import apply_figure_edits
from .recording import attributed_to

FIELD_VALUES = ("speaker", "role", "attribution", "kind", "said_on", "summary", "status", "anchor")


def claim_create(document_id, *, selector, values, figures=(), user=None, submission_key=None):
    """(the claim, whether it was created now) for a passage of a document.

    The passage is checked against the document's text as it is when the claim
    is saved: the document row is locked, so a concurrent edit of the text
    either comes first (and the passage is checked against the new text) or
    after (and re-anchors this claim with the others). A `submission_key` seen
    before returns the claim it made: a form sent twice saves one claim."""
    if submission_key and (earlier := submitted_before(submission_key, user)):
        return earlier, False
    try:
        with transaction.atomic():
            document = locked_document(document_id)
            claim = Claim(document=document, created_by=user, submission_key=submission_key)
            place(claim, selector, document.text)
            for name in FIELD_VALUES:
                if name in values:
                    set_field(claim, name, values[name])
            if claim.status != Claim.Status.UNVERIFIED:
                claim.verdict_at = timezone.now()
            claim.full_clean(exclude=["topics", "submission_key"])
            with attributed_to(user):
                save_with_topics(claim, values.get("topics"), history_type="+")
                apply_figure_edits(claim, [FigureEdit(values=figure) for figure in figures])
    except IntegrityError:
        # The same key committed by a concurrent request a moment before this one.
        if submission_key and (earlier := submitted_before(submission_key, user)):
            return earlier, False
        raise
    return claim, True


def claim_update(claim_id, edit: ClaimEdit, *, user=None):
    """Apply what the editor changed, unless someone changed the same field to
    something else since they read it (EditConflict: nothing is saved).

    Fields the edit does not carry are never touched; figures are changed in
    place. A save that changes nothing writes nothing."""
    with transaction.atomic():
        document = locked_document(Claim.objects.values_list("document_id", flat=True).get(pk=claim_id))
        claim = Claim.objects.select_for_update().get(pk=claim_id)
        claim.document = document
        current = claim_values(claim)
        changed, conflicts = merge_claim(edit, claim, current)
        figures_by_id = {figure["id"]: figure for figure in current["figures"]}
        figure_edits, figure_conflicts = merge_figures(
            edit.figures, figures_by_id, edit.version == claim.version
        )
        if conflicts or figure_conflicts:
            raise EditConflict(conflicts + figure_conflicts, claim)
        if not changed and not figure_edits:
            return claim
        for name in changed:
            if name == "selector":
                place(claim, edit.values[name], document.text)
            elif name != "topics":
                set_field(claim, name, edit.values[name])
        if "status" in changed:
            claim.verdict_at = timezone.now()
        claim.version += 1
        claim.full_clean(exclude=["topics", "submission_key"])
        with attributed_to(user):
            topics = edit.values["topics"] if "topics" in changed else None
            save_with_topics(claim, topics, history_type=None)
            apply_figure_edits(claim, figure_edits)
    return claim


def claim_delete(claim_id, *, user=None):
    """Delete a claim; its figures, links and notes go with it, each deletion recorded."""
    with transaction.atomic(), attributed_to(user):
        Claim.objects.select_for_update().get(pk=claim_id).delete()


def claims_set_status(claims, status, *, user=None, batch_size=1000):
    """Set the verification status of many claims in batches, each change recorded in history."""
    now, changed, batch = timezone.now(), 0, []
    fields = ["status", "verdict_at", "version", "updated_at"]
    with transaction.atomic():
        locked = claims.select_related(None).exclude(status=status).order_by("pk").select_for_update()
        for claim in locked.iterator(batch_size):
            claim.status, claim.verdict_at, claim.updated_at = status, now, now
            claim.version += 1
            batch.append(claim)
            if len(batch) == batch_size:
                changed += bulk_update_with_history(batch, Claim, fields, default_user=user)
                batch = []
        if batch:
            changed += bulk_update_with_history(batch, Claim, fields, default_user=user)
    corpus_changed()
    return changed


# --- Parts -------------------------------------------------------------------------


def locked_document(document_id):
    """The document row, locked until the transaction ends (PostgreSQL; SQLite's
    immediate transactions hold the whole database)."""
    return Document.objects.select_for_update().get(pk=document_id)


def submitted_before(submission_key, user):
    claim = Claim.objects.filter(submission_key=submission_key).first()
    if claim and claim.created_by_id != getattr(user, "pk", None):
        raise ValidationError("This form was already used by someone else: reload the page.")
    return claim


def place(claim, selector, text):
    """Anchor `claim` at `selector` (DESIGN §4), or say why the passage is not in `text`."""
    problem = anchoring.selector_problem(text, selector.start, selector.end, selector.quote)
    if problem:
        raise ValidationError({"quote": problem})
    prefix, suffix = anchoring.context(text, selector.start, selector.end)
    if selector.prefix is not None and (selector.prefix, selector.suffix or "") != (prefix, suffix):
        raise ValidationError(
            {"quote": "The text around the selection does not match the document: reload the page."}
        )
    claim.start, claim.end, claim.quote = selector.start, selector.end, selector.quote
    claim.prefix, claim.suffix, claim.anchor = prefix, suffix, Claim.Anchor.ANCHORED
    claim.fragment = fragments.encoded_directive(text, claim.start, claim.end)


def set_field(claim, name, value):
    if name in ("speaker", "role") and not hasattr(value, "pk"):
        setattr(claim, f"{name}_id", value)
    else:
        setattr(claim, name, value)


def save_with_topics(claim, topics, history_type):
    """Save the claim and, if given, its topics, as one history row (not one per step)."""
    claim.skip_history_when_saving = True
    try:
        claim.save()
        if topics is not None:
            claim.topics.set(topics)
    finally:
        del claim.skip_history_when_saving
    CLAIM_HISTORY.create_historical_record(claim, history_type or "~")

"""Reverting a record to an earlier version of its history, through the service that
edits it: a document's text re-anchors its claims, a claim is checked as any edit
is, and the revert is itself a recorded change that can be reverted in turn."""

from django.core.exceptions import ValidationError

from claimtracker.text import anchoring

from ..models import Claim, Document
from .claims import claim_update
from .documents import document_save
from .editing import ClaimEdit, Selector, canonical
from .records import record_save

NOT_REVERTED = {"created_at", "updated_at", "created_by", "content_hash", "version", "submission_key"}


def revert(version, *, user=None):
    """Bring the record back to `version` (a historical row). Returns a list of what
    could not be restored, in words (empty when all of it was)."""
    model = type(version.instance)
    record = model.objects.filter(pk=version.instance.pk).first()
    if record is None:
        raise ValidationError("This record has been deleted since; it cannot be reverted here.")
    if model is Claim:
        return revert_claim(record, version, user)
    for field in revertible_fields(model):
        setattr(record, field.attname, getattr(version, field.attname))
    if model is Document:
        document_save(record, user=user)
    else:
        record.full_clean()
        record_save(record, user=user)
    return []


def revertible_fields(model):
    return [
        field
        for field in model._meta.concrete_fields
        if not field.primary_key and field.editable and field.name not in NOT_REVERTED
    ]


def revert_claim(claim, version, user):
    """The claim's fields and topics as they were; its passage too, if the document's
    text still holds it there (else the claim stays where it is now)."""
    values = {name: getattr(version, f"{name}_id") for name in ("speaker", "role")}
    values.update(
        {name: getattr(version, name) for name in ("attribution", "kind", "said_on", "summary", "status")}
    )
    values["topics"] = list(version.topics.values_list("topic_id", flat=True))
    kept = []
    text = Document.objects.values_list("text", flat=True).get(pk=claim.document_id)
    if anchoring.selector_problem(text, version.start, version.end, version.quote) is None:
        values["selector"] = Selector(version.start, version.end, version.quote)
    elif canonical("selector", Selector(version.start, version.end, version.quote)) != [
        claim.start,
        claim.end,
        claim.quote,
    ]:
        kept.append("its passage (the document's text no longer holds it there)")
    claim_update(claim.pk, ClaimEdit(version=claim.version, values=values), user=user)
    return kept

"""Researchers' notes on claims. A note is its own record: adding one never
conflicts with an edit of the claim."""

from django.db import transaction

from ..models import Annotation
from .recording import attributed_to


def note_add(claim_id, body, *, user=None, is_evidence=False, evidence_url=""):
    note = Annotation(
        claim_id=claim_id, author=user, body=body, is_evidence=is_evidence, evidence_url=evidence_url
    )
    return note_save(note, user=user)


def note_save(note, *, user=None):
    note.full_clean()
    with transaction.atomic(), attributed_to(user):
        note.save()
    return note


def note_delete(note_id, *, user=None):
    with transaction.atomic(), attributed_to(user):
        Annotation.objects.get(pk=note_id).delete()

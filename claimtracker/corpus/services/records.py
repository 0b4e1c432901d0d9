"""Saving and deleting the records that have no service of their own (organisations,
publishers, speakers, aliases, roles, topics, metrics), each change recorded;
and what may not be deleted: a topic or a role that claims use."""

from django.core.exceptions import ValidationError
from django.db import transaction

from ..models import Claim, SpeakerRole, Topic
from .recording import attributed_to

NAMED = 10


def record_save(record, *, user=None):
    with transaction.atomic(), attributed_to(user):
        record.save()
    return record


def record_delete(record, *, user=None):
    """Delete a record, unless claims use it (ValidationError naming them)."""
    problem = deletion_problem(record)
    if problem:
        raise ValidationError(problem)
    with transaction.atomic(), attributed_to(user):
        record.delete()


def deletion_problem(record):
    """Why `record` may not be deleted, or "".

    A topic or a role that claims use is kept: deleting it would change those
    claims without a trace in their history. Untag or re-attribute them first."""
    if isinstance(record, Topic):
        if record.children.exists():
            return f"“{record}” has subtopics: move or delete them first."
        return in_use(record, Claim.objects.filter(topics=record), "is a topic of")
    if isinstance(record, SpeakerRole):
        return in_use(record, record.claims.all(), "is the attributed role of")
    return ""


def in_use(record, claims, relation):
    ids = list(claims.order_by("pk").values_list("pk", flat=True)[: NAMED + 1])
    if not ids:
        return ""
    named = ", ".join(f"#{pk}" for pk in ids[:NAMED]) + (" and more" if len(ids) > NAMED else "")
    count = claims.count()
    return (
        f"“{record}” {relation} {count} claim{'s' if count != 1 else ''} ({named}): "
        "change those claims first, so that their history shows it."
    )

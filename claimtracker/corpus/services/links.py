"""Links between claims, and suggestions dismissed so they are not proposed again."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from ..models import Dismissal, Link
from .recording import attributed_to

DUPLICATE = "These claims are already linked by this relation."


def link_create(source_id, target_id, relation, note="", *, user=None):
    """A new link source <relation> target; a self-link or a duplicate is refused."""
    return link_save(
        Link(source_id=source_id, target_id=target_id, relation=relation, note=note, created_by=user),
        user=user,
    )


def link_save(link, *, user=None):
    """Save a new or changed link. Two identical links sent at once make one link and
    one clear refusal: the unique constraint decides, never an error page."""
    if link.source_id == link.target_id:
        raise ValidationError("A claim cannot be linked to itself.")
    duplicates = Link.objects.filter(
        source_id=link.source_id, target_id=link.target_id, relation=link.relation
    )
    if duplicates.exclude(pk=link.pk).exists():
        raise ValidationError(DUPLICATE)
    if not link.created_by_id and getattr(user, "pk", None):
        link.created_by = user
    link.full_clean(validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic(), attributed_to(user):
            link.save()
    except IntegrityError:
        raise ValidationError(DUPLICATE) from None
    return link


def link_delete(link_id, *, user=None):
    with transaction.atomic(), attributed_to(user):
        Link.objects.get(pk=link_id).delete()


def dismissal_create(claim_id, candidate_id, relation, *, user=None):
    """Remember that `candidate` was dismissed as `relation` of the claim (once, however often sent)."""
    if relation not in Link.Relation.values:
        raise ValidationError(f"Unknown relation “{relation}”.")
    dismissal, _ = Dismissal.objects.get_or_create(
        claim_id=claim_id, candidate_id=candidate_id, relation=relation, defaults={"dismissed_by": user}
    )
    return dismissal


def dismissal_delete(dismissal_id):
    """Forget a dismissal: the suggestion may be proposed again."""
    Dismissal.objects.filter(pk=dismissal_id).delete()

"""Who may do what beyond Django's model permissions (the roles are in accounts.roles).

- A researcher may delete their own claims, notes and links while nobody else
  has changed them or built on them; an editor (corpus.delete_*) may delete any.
- Working notes and who wrote them are for signed-in users; the evidence note of
  a published verdict (any status but unverified) is public.
"""

from django.db.models import Q

from .models import Annotation, Claim, Link

OWNER_FIELD = {Claim: "created_by_id", Annotation: "author_id", Link: "created_by_id"}


def may_delete(user, record):
    model = type(record)
    label = f"{model._meta.app_label}.%s_{model._meta.model_name}"
    if user.has_perm(label % "delete"):
        return True
    if model not in OWNER_FIELD or not user.has_perm(label % "add"):
        return False
    if getattr(record, OWNER_FIELD[model]) != user.pk or changed_by_others(record, user):
        return False
    return not (model is Claim and built_on_by_others(record, user))


def changed_by_others(record, user):
    return record.history.filter(~Q(history_user=user) | Q(history_user__isnull=True)).exists()


def built_on_by_others(claim, user):
    """Notes or links of someone else on the claim: deleting it would take their work."""
    notes = Annotation.objects.filter(claim=claim).exclude(author=user)
    links = Link.objects.filter(Q(source=claim) | Q(target=claim)).exclude(created_by=user)
    return notes.exists() or links.exists()


def may_see_notes(user):
    return user.is_authenticated


def visible_notes(notes, claim, user):
    """The notes of `claim` that `user` may read."""
    if may_see_notes(user):
        return list(notes)
    published = claim.status != Claim.Status.UNVERIFIED
    return [note for note in notes if note.is_evidence and published]

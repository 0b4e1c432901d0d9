"""Merging speakers: one person entered twice ("Sun Weimin" and "Sun Wei-min")
becomes one, keeping every claim, role and spelling."""

from collections import Counter

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from ..changes import claims_changed, corpus_changed
from ..models import Claim, Speaker, SpeakerAlias, SpeakerRole
from .recording import attributed_to


def speaker_merge(keep_id, other_ids, *, user=None):
    """Move the claims, roles and aliases of the other speakers to `keep_id`, keep their
    names as aliases, and delete them; every change recorded. Returns the counts moved."""
    other_ids = [pk for pk in other_ids if pk != keep_id]
    if not other_ids:
        raise ValidationError("Choose at least one other speaker to merge into this one.")
    moved = Counter()
    with transaction.atomic(), attributed_to(user):
        keep = Speaker.objects.select_for_update().get(pk=keep_id)
        others = list(
            Speaker.objects.select_for_update().filter(pk__in=other_ids).prefetch_related("aliases")
        )
        reason = f"Speaker merged into {keep.name} (#{keep.pk})"
        claims = list(Claim.objects.select_for_update().filter(speaker__in=others))
        now = timezone.now()
        for claim in claims:
            claim.speaker, claim.version, claim.updated_at = keep, claim.version + 1, now
        fields = ["speaker", "version", "updated_at"]
        bulk_update_with_history(claims, Claim, fields, default_user=user, default_change_reason=reason)
        moved["claims"] = len(claims)
        for role in SpeakerRole.objects.filter(speaker__in=others):
            role.speaker = keep
            role.save()
            moved["roles"] += 1
        names = {keep.name, *keep.aliases.values_list("name", flat=True)}
        for other in others:
            for name in [other.name, *(alias.name for alias in other.aliases.all())]:
                if name not in names:
                    SpeakerAlias.objects.create(speaker=keep, name=name)
                    names.add(name)
                    moved["aliases"] += 1
            other.delete()
    claims_changed.send(sender=Claim, claim_ids=[claim.pk for claim in claims])
    corpus_changed()
    return moved

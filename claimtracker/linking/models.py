"""A suggestion a researcher dismissed, so it is not proposed again."""

from django.conf import settings
from django.db import models

from claimtracker.corpus.models import Claim, Link


class Dismissal(models.Model):
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="+")
    candidate = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="+")
    relation = models.CharField(max_length=12, choices=Link.Relation)
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    dismissed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["claim", "candidate", "relation"], name="dismissal_unique"),
        ]

    def __str__(self):
        return f"#{self.candidate_id} {self.relation} #{self.claim_id}: dismissed"

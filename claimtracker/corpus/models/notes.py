"""Researchers' notes on claims, some of them the evidence behind a verdict."""

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from claimtracker.text import anchoring

from .claims import Claim


class Annotation(models.Model):
    """A researcher's note on a claim, possibly the evidence behind its status."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="annotations")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField()
    is_evidence = models.BooleanField(
        default=False, help_text="This note is the evidence behind the claim's verification status."
    )
    evidence_url = models.URLField(max_length=1000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["claim", "-created_at", "-id"]

    def __str__(self):
        return anchoring.shorten(self.body, 60)

"""What researchers decided about the claim suggestions of a text (corpus.suggesting)."""

from django.conf import settings
from django.db import models

from .sources import Document


class DismissedSuggestion(models.Model):
    """A suggested passage a researcher said is not a claim: not suggested again. It is
    re-anchored with the claims when the document's text changes, and dropped when its
    passage is gone."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="dismissed_suggestions")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    quote = models.TextField()
    kind = models.CharField(max_length=12)
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    dismissed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["document", "start", "end"]
        constraints = [
            models.UniqueConstraint(fields=["document", "start", "end"], name="suggestion_dismissed_once")
        ]

    def __str__(self):
        return f"“{self.quote[:60]}” (document {self.document_id})"

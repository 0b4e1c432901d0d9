"""Typed links between claims, and the suggested links a researcher dismissed."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from .claims import Claim


class Link(models.Model):
    """A typed, directed relation: source <relation> target."""

    class Relation(models.TextChoices):
        REPEATS = "repeats", "repeats"
        UPDATES = "updates", "updates"
        CONTRADICTS = "contradicts", "contradicts"
        SUPPORTS = "supports", "supports"
        ELABORATES = "elaborates", "elaborates"
        RESPONDS_TO = "responds_to", "responds to"
        CITES = "cites", "cites"

    # How the relation reads from the target's side.
    INVERSE = {
        Relation.REPEATS: "repeated by",
        Relation.UPDATES: "updated by",
        Relation.CONTRADICTS: "contradicted by",
        Relation.SUPPORTS: "supported by",
        Relation.ELABORATES: "elaborated by",
        Relation.RESPONDS_TO: "answered by",
        Relation.CITES: "cited by",
    }

    source = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="links_out")
    target = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="links_in")
    relation = models.CharField(max_length=12, choices=Relation)
    note = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["source", "relation", "id"]
        indexes = [models.Index(fields=["target", "relation"], name="link_target")]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "target", "relation"],
                name="link_unique_per_relation",
                violation_error_message="These claims are already linked by this relation.",
            ),
            models.CheckConstraint(
                condition=~Q(source=F("target")),
                name="link_not_to_itself",
                violation_error_message="A claim cannot be linked to itself.",
            ),
        ]

    def __str__(self):
        return f"#{self.source_id} {self.get_relation_display()} #{self.target_id}"

    @property
    def inverse_label(self):
        return self.INVERSE[self.relation]


class Dismissal(models.Model):
    """A suggested link a researcher dismissed, so it is not proposed again."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="+")
    candidate = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="+")
    relation = models.CharField(max_length=12, choices=Link.Relation)
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    dismissed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "linking_dismissal"  # created by the linking app, which first held it
        constraints = [
            models.UniqueConstraint(fields=["claim", "candidate", "relation"], name="dismissal_unique"),
        ]

    def __str__(self):
        return f"#{self.candidate_id} {self.relation} #{self.claim_id}: dismissed"

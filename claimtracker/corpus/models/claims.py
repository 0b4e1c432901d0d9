"""Claims, their figures, the links between them and researchers' notes."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Length
from django.urls import reverse
from simple_history.models import HistoricalRecords

from claimtracker.text import anchoring

from .indexes import NewestFirstIndex
from .people import Speaker, SpeakerRole
from .sources import Document
from .topics import Topic


class Claim(models.Model):
    """One statement in one document, anchored as a W3C Web Annotation target
    is: a text-position selector (start, end in code points) and a
    text-quote selector (quote, prefix, suffix)."""

    class Kind(models.TextChoices):
        STATISTIC = "statistic", "Statistic"
        POLICY = "policy", "Policy statement"
        COMMITMENT = "commitment", "Commitment"
        DENIAL = "denial", "Denial"
        ASSERTION = "assertion", "Assertion"
        PREDICTION = "prediction", "Prediction"
        QUESTION = "question", "Question"

    class Attribution(models.TextChoices):
        DIRECT = "direct", "Direct quote"
        PARAPHRASE = "paraphrase", "Paraphrase"
        REPORTED = "reported", "Reported by the outlet"

    class Status(models.TextChoices):
        UNVERIFIED = "unverified", "Unverified"
        SUPPORTED = "supported", "Supported"
        DISPUTED = "disputed", "Disputed"
        FALSE = "false", "False"
        MISLEADING = "misleading", "Misleading"
        UNVERIFIABLE = "unverifiable", "Unverifiable"

    class Anchor(models.TextChoices):
        ANCHORED = "anchored", "Anchored"
        REVIEW = "review", "Moved by fuzzy match: review"
        ORPHANED = "orphaned", "Orphaned: quote not found in the text"

    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="claims")
    start = models.PositiveIntegerField(help_text="Offset of the first character, in code points.")
    end = models.PositiveIntegerField(help_text="Offset just past the last character.")
    quote = models.TextField(help_text="Exactly text[start:end] of the document.")
    prefix = models.CharField(max_length=32, blank=True)
    suffix = models.CharField(max_length=32, blank=True)
    anchor = models.CharField(max_length=10, choices=Anchor, default=Anchor.ANCHORED)

    speaker = models.ForeignKey(
        Speaker, null=True, blank=True, on_delete=models.PROTECT, related_name="claims"
    )
    role = models.ForeignKey(
        SpeakerRole,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="claims",
        verbose_name="attributed role",
        help_text="The role the document names; leave empty where it names none.",
    )
    attribution = models.CharField(max_length=12, choices=Attribution, default=Attribution.DIRECT)
    kind = models.CharField(max_length=12, choices=Kind)
    topics = models.ManyToManyField(Topic, blank=True, related_name="claims")
    said_on = models.DateField("date said", null=True, blank=True)
    summary = models.TextField(blank=True, help_text="A short normalised statement of the claim.")
    status = models.CharField(max_length=12, choices=Status, default=Status.UNVERIFIED)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(m2m_fields=[topics], excluded_fields=["updated_at"])

    class Meta:
        # Newest first, undated claims last: the order of every claim list.
        ordering = [F("said_on").desc(nulls_last=True), F("id").desc()]
        indexes = [
            # The default sort alone and after each equality filter, so a
            # filtered page is an index range scan, not a sort of every match.
            NewestFirstIndex(date_field="said_on", name="claim_said_on"),
            NewestFirstIndex(leading=["kind"], date_field="said_on", name="claim_kind_said_on"),
            NewestFirstIndex(leading=["status"], date_field="said_on", name="claim_status_said_on"),
            NewestFirstIndex(leading=["speaker"], date_field="said_on", name="claim_speaker_said_on"),
            models.Index(fields=["document", "start"], name="claim_document_start"),
            models.Index(fields=["created_by", "created_at"], name="claim_created_by"),
            models.Index(fields=["anchor"], name="claim_needs_attention", condition=~Q(anchor="anchored")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=F("start")),
                name="claim_offsets_ordered",
                violation_error_message="A claim must end after it starts.",
            ),
            models.CheckConstraint(
                condition=Q(end=F("start") + Length("quote")),
                name="claim_quote_spans_offsets",
                violation_error_message="The quote must be exactly as long as its offsets say.",
            ),
        ]

    def __str__(self):
        return f"{self.speaker or 'Unattributed'}: {anchoring.shorten(self.quote, 80)}"

    def get_absolute_url(self):
        return reverse("claim", args=[self.pk])

    @property
    def is_anchored(self):
        return self.anchor != self.Anchor.ORPHANED

    def clean(self):
        super().clean()
        errors = {}
        if self.document_id and self.is_anchored and self.start is not None and self.end is not None:
            problem = anchoring.selector_problem(self.document.text, self.start, self.end, self.quote)
            if problem:
                errors["quote"] = problem
            else:
                self.prefix, self.suffix = anchoring.context(self.document.text, self.start, self.end)
        if self.role_id and self.role.speaker_id != self.speaker_id:
            errors["role"] = "The attributed role must be one of the speaker's own roles."
        if errors:
            raise ValidationError(errors)

    def attributed_roles(self):
        """The role the document names, else the roles in force on the claim's date."""
        if self.role_id:
            return [self.role]
        if self.speaker_id and self.said_on:
            return list(self.speaker.roles_on(self.said_on).select_related("organisation"))
        return []


class Metric(models.Model):
    """A shared measure ("Internet users in China") that statistics report."""

    name = models.CharField(max_length=300, unique=True)
    unit = models.CharField(
        max_length=50, blank=True, help_text="The usual unit, e.g. people, percent, yuan."
    )
    description = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("metric", args=[self.pk])


class Statistic(models.Model):
    """One data point stated by a claim; a claim may state several."""

    class Qualifier(models.TextChoices):
        EXACT = "exact", "exactly"
        ABOUT = "about", "about"
        MORE_THAN = "more_than", "more than"
        AT_LEAST = "at_least", "at least"
        UP_TO = "up_to", "up to"
        LESS_THAN = "less_than", "less than"

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="statistics")
    metric = models.ForeignKey(Metric, on_delete=models.PROTECT, related_name="statistics")
    value = models.DecimalField(max_digits=30, decimal_places=6)
    unit = models.CharField(max_length=50, blank=True)
    qualifier = models.CharField(max_length=10, choices=Qualifier, default=Qualifier.EXACT)
    period_start = models.DateField(null=True, blank=True)
    period_end = models.DateField(null=True, blank=True)
    period_label = models.CharField(
        max_length=100, blank=True, help_text='As the text puts it: "2021", "this year", "since 2006".'
    )
    geography = models.CharField(max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["claim", "period_start", "id"]
        indexes = [models.Index(fields=["metric", "period_start"], name="statistic_metric_period")]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_start__isnull=True)
                | Q(period_end__isnull=True)
                | Q(period_end__gte=F("period_start")),
                name="statistic_period_ordered",
                violation_error_message="A reference period cannot end before it starts.",
            )
        ]

    def __str__(self):
        qualifier = "" if self.qualifier == self.Qualifier.EXACT else f"{self.get_qualifier_display()} "
        period = f" ({self.period_label})" if self.period_label else ""
        return f"{self.metric}: {qualifier}{self.display_value} {self.unit}".rstrip() + period

    @property
    def display_value(self):
        """The value without trailing zeros, digits grouped: 1,030,000,000; 42.1."""
        return f"{self.value.normalize():,f}"


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

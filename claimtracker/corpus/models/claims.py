"""Claims: one statement in one document, anchored to its passage (DESIGN §2, §4)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Length
from django.urls import reverse
from simple_history.models import HistoricalRecords

from claimtracker.text import anchoring

from .indexes import NewestFirstIndex
from .people import Speaker, SpeakerRole, held_on
from .sources import Document
from .topics import Topic

# Kept by name: a service writes a new claim's first history row itself, once its
# topics are set, so that the row shows them (corpus.services.claims).
CLAIM_HISTORY = HistoricalRecords(m2m_fields=["topics"], excluded_fields=["updated_at", "fragment"])


class ClaimQuerySet(models.QuerySet):
    def spoken_for(self, organisation):
        """Claims whose speaker held a role at `organisation` on the claim's date,
        or whose speaker is the organisation speaking as itself."""
        roles = SpeakerRole.objects.filter(
            held_on(OuterRef("said_on")), speaker=OuterRef("speaker"), organisation=organisation
        )
        as_itself = Q(speaker__kind=Speaker.Kind.INSTITUTION, speaker__organisation=organisation)
        return self.filter(Q(Exists(roles)) | as_itself)


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
    # The text directive that scrolls the original page to the quote (text.fragments),
    # kept with the anchor by corpus.services: it is checked against the whole text, a
    # fifth of an export's time when computed there. Empty: not computed (exports do it).
    fragment = models.TextField(blank=True, default="", db_default="", editable=False)

    speaker = models.ForeignKey(
        Speaker, null=True, blank=True, on_delete=models.PROTECT, related_name="claims"
    )
    role = models.ForeignKey(
        SpeakerRole,
        null=True,
        blank=True,
        # Deleting a role in use is refused (the admin names the claims): a claim's
        # attribution never changes without a trace in its history.
        on_delete=models.PROTECT,
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
    verdict_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="When the current status was set."
    )

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Raised by every write of the claim's fields, topics or figures (corpus.services):
    # an edit form carries the version it was read at, so a concurrent change is seen.
    version = models.PositiveIntegerField(default=1, db_default=1, editable=False)
    # The key the reader's form sends once per submission: sent twice, it saves one claim.
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    history = CLAIM_HISTORY

    objects = ClaimQuerySet.as_manager()

    class Meta:
        permissions = [("set_verdict", "Can set the verification status of claims")]
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
            return list(self.speaker.roles.held_on(self.said_on).select_related("organisation"))
        return []

"""Where claims are found: publishers and the documents they published."""

import hashlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from .people import Organisation, Speaker


def normalise_line_endings(text):
    """CRLF and lone CR become LF: done once, on import and on every form save."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def content_hash(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def loose_hash(text):
    """The same for copies that differ only in white space (other line breaks, indents)."""
    return hashlib.sha256("".join(text.split()).encode("utf-8")).hexdigest()


class Publisher(models.Model):
    name = models.CharField(max_length=300, unique=True)
    url = models.URLField("home page", blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("publisher", args=[self.pk])


class Document(models.Model):
    class Kind(models.TextChoices):
        TRANSCRIPT = "transcript", "Transcript"
        NEWS_REPORT = "news_report", "News report"
        WHITE_PAPER = "white_paper", "White paper"
        SPEECH = "speech", "Speech"
        STATEMENT = "statement", "Statement"

    title = models.CharField(max_length=500)
    kind = models.CharField(max_length=12, choices=Kind, db_index=True)
    language = models.CharField(max_length=20, default="en", help_text="BCP 47, e.g. en, zh-Hans")
    publisher = models.ForeignKey(
        Publisher, null=True, blank=True, on_delete=models.PROTECT, related_name="documents"
    )
    republished_from = models.ForeignKey(
        Publisher,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="republished_documents",
        help_text="The original outlet, where this site reposts e.g. a Xinhua report.",
    )
    copy_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="copies",
        help_text="The earlier document this text copies: a repost, a reprint, another outlet's copy.",
    )
    title_is_description = models.BooleanField(
        "the title is a description",
        default=False,
        help_text="A description supplied for an untitled text ([Press conference on …]): "
        "cited as such, without quotation marks or italics.",
    )
    # Who the text is by (DESIGN §5): its byline (Byline rows); else the body that issued it;
    # else, for a speech, who gave it; else no one, and citations begin with the title.
    issuer = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="issued_documents",
        help_text="The body that issued the text (a white paper, a statement, an official report).",
    )
    speaker = models.ForeignKey(
        Speaker,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="speeches",
        help_text="For a speech: who gave it.",
    )
    delivered_on = models.DateField(null=True, blank=True, help_text="For a speech: the day it was given.")
    url = models.URLField(max_length=1000, blank=True)
    published_on = models.DateField(null=True, blank=True, db_index=True)
    accessed_on = models.DateField(null=True, blank=True)
    text = models.TextField(help_text="Exactly as stored: claims are anchored to it.")
    content_hash = models.CharField(
        max_length=64,
        unique=True,
        editable=False,
        error_messages={"unique": "A document with exactly this text is already stored."},
    )
    loose_hash = models.CharField(
        max_length=64,
        blank=True,
        db_index=True,
        editable=False,
        help_text="The text's hash without white space.",
    )
    signature = models.BinaryField(
        blank=True, editable=False, help_text="MinHash of the text's word shingles, for near copies."
    )
    notes = models.TextField(blank=True, help_text="Provenance: where dates and metadata were read.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at", "loose_hash", "signature"])

    class Meta:
        ordering = ["-published_on", "-id"]
        indexes = [
            models.Index(fields=["publisher", "published_on"]),
            models.Index(fields=["language", "published_on"]),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # The hash is derived from the text, so it can never disagree with it.
        self.content_hash = content_hash(self.text)
        self.loose_hash = loose_hash(self.text)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("document", args=[self.pk])

    def clean(self):
        self.text = normalise_line_endings(self.text)
        self.content_hash = content_hash(self.text)
        duplicate = Document.objects.filter(content_hash=self.content_hash).exclude(pk=self.pk).first()
        if duplicate:
            message = f"A document with exactly this text is already stored: “{duplicate}” (#{duplicate.pk})."
            raise ValidationError({"text": message})


class Byline(models.Model):
    """A person the document names as its author, in the byline's order."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="bylines")
    person = models.ForeignKey(
        Speaker,
        on_delete=models.PROTECT,
        related_name="bylines",
        help_text="With family and given name and their order (Chinese names family first).",
    )
    position = models.PositiveSmallIntegerField(default=1)
    history = HistoricalRecords()

    class Meta:
        ordering = ["document", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["document", "person"], name="byline_person_once")]

    def __str__(self):
        return f"{self.person} ({self.document})"


class Snapshot(models.Model):
    """The original a document was imported from, as it came — an uploaded file or a fetched
    page, since web pages vanish — with when it was taken. In the database, so that backups
    hold it; never changed once stored."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="snapshots")
    content = models.BinaryField()
    content_type = models.CharField(max_length=200, blank=True)
    filename = models.CharField(max_length=255, blank=True)
    url = models.URLField(max_length=1000, blank=True, help_text="The page's address, after redirects.")
    fetched_at = models.DateTimeField(help_text="When the file was uploaded or the page fetched.")
    sha256 = models.CharField(max_length=64, db_index=True)
    size = models.PositiveIntegerField()

    class Meta:
        ordering = ["fetched_at", "id"]

    def __str__(self):
        return self.filename or self.url or f"snapshot {self.pk}"


class TextBand(models.Model):
    """One band of a document's MinHash signature (claimtracker.text.similarity): documents
    that share a band are candidates for near copies, found by an index, not a scan."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="text_bands")
    band = models.PositiveSmallIntegerField()
    value = models.BigIntegerField()

    class Meta:
        indexes = [models.Index(fields=["band", "value"])]
        constraints = [models.UniqueConstraint(fields=["document", "band"], name="text_band_once")]

    def __str__(self):
        return f"band {self.band} of document {self.document_id}"

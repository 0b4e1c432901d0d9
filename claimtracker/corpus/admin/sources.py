"""Admin for publishers and documents; a document's text is saved exactly as typed."""

from django import forms
from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from claimtracker.text import anchoring

from ..models import Byline, Claim, Document, Publisher
from ..models.sources import content_hash, normalise_line_endings
from ..services.documents import document_save, reanchoring_message
from .base import CorpusAdmin
from .concurrency import ConcurrentEditForm
from .widgets import PreloadedFormSet, PreloadingAutocompleteMixin


@admin.register(Publisher)
class PublisherAdmin(CorpusAdmin):
    list_display = ("name", "url")
    search_fields = ("name",)


class DocumentForm(ConcurrentEditForm):
    # Django strips form input by default and browsers send text areas with
    # CRLF line endings: either would change the text claims are anchored to.
    text = forms.CharField(strip=False, widget=forms.Textarea(attrs={"rows": 30, "cols": 100}))
    # The text as read is carried by its hash, not by a second copy of it.
    read_text_hash = forms.CharField(widget=forms.HiddenInput, required=False)
    unmerged_fields = ("text", "read_text_hash")

    class Meta:
        model = Document
        fields = "__all__"  # noqa: DJ007 - the admin's fieldsets choose the fields

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "read_text_hash" in self.fields:
            self.fields["read_text_hash"].initial = self.instance.content_hash

    def clean_text(self):
        return normalise_line_endings(self.cleaned_data["text"])

    def check_concurrent_changes(self, stored):
        super().check_concurrent_changes(stored)
        text, read = self.cleaned_data.get("text"), self.cleaned_data.get("read_text_hash")
        if text is not None and content_hash(text) == read:
            self.cleaned_data["text"] = stored.text  # not changed by this editor: whatever is stored stays
            return
        if text is None or not read or content_hash(text) == stored.content_hash:
            return
        if stored.content_hash != read:
            self.add_error(
                "text",
                "Someone else changed the text since you opened the page. Your text is kept below: "
                "save again to replace theirs with it, or reload the page to see theirs.",
            )
            self.data = self.data.copy()
            self.data["read_text_hash"] = stored.content_hash


class ReadOnlyClaimForm(forms.ModelForm):
    """A row of the read-only claims inline. Nothing is saved from it, so it is not
    validated either: a claim checked against the document's new text before
    re-anchoring would fail, and refuse the very edit that re-anchors it."""

    def _post_clean(self):
        pass


class ClaimInline(admin.TabularInline):
    """The document's claims, read-only: each is edited on its own page."""

    model = Claim
    form = ReadOnlyClaimForm
    fields = ("excerpt", "speaker", "kind", "status", "said_on", "anchor")
    readonly_fields = fields
    show_change_link = True
    can_delete = False
    extra = 0

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("speaker").order_by("start", "id")

    @admin.display(description="quote")
    def excerpt(self, claim):
        return anchoring.shorten(claim.quote, 120)


class BylineInline(PreloadingAutocompleteMixin, admin.TabularInline):
    """The persons the byline names, in its order: a person's name parts and their order
    (family name first for Chinese names) are the speaker record's."""

    model = Byline
    formset = PreloadedFormSet
    autocomplete_fields = ("person",)
    fields = ("position", "person")
    extra = 0


@admin.register(Document)
class DocumentAdmin(CorpusAdmin):
    form = DocumentForm
    list_display = ("title", "kind", "publisher", "published_on", "language")
    list_filter = ("kind", "language", ("publisher", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("publisher",)
    search_fields = ("title", "bylines__person__name", "url", "publisher__name")
    autocomplete_fields = ("publisher", "republished_from", "copy_of", "issuer", "speaker")
    readonly_fields = ("content_hash", "originals", "add_claim", "created_by", "created_at", "updated_at")
    fieldsets = [
        (None, {"fields": ("title", "title_is_description", "kind", "language", "text", "read_text_hash")}),
        (
            "Source",
            {"fields": ("publisher", "republished_from", "copy_of", "url", "published_on", "accessed_on")},
        ),
        (
            "By whom (the bylines are below)",
            {
                "fields": ("issuer", ("speaker", "delivered_on")),
                "description": "Citations name the byline's persons; where there is no byline, the body "
                "that issued the text; for a speech, who gave it; else no one (the title leads).",
            },
        ),
        (
            "Record",
            {
                "fields": (
                    "notes",
                    "originals",
                    "content_hash",
                    "created_by",
                    "created_at",
                    "updated_at",
                    "add_claim",
                )
            },
        ),
    ]
    inlines = [BylineInline, ClaimInline]

    def get_queryset(self, request):
        # Lists and autocomplete labels never need the text; the change form
        # loads it with one more query.
        return super().get_queryset(request).defer("text")

    @admin.display(description="imported from")
    def originals(self, document):
        """The file or page the document was imported from, as it came: downloads, never edited."""
        snapshots = document.snapshots.defer("content") if document.pk else []
        links = format_html_join(
            ", ",
            '<a href="{}">{}</a> ({}, {} bytes)',
            (
                (
                    reverse("snapshot-download", args=[snapshot.pk]),
                    snapshot.filename or snapshot.url,
                    snapshot.fetched_at.strftime("%Y-%m-%d %H:%M UTC"),
                    f"{snapshot.size:,}",
                )
                for snapshot in snapshots
            ),
        )
        return links or "—"

    @admin.display(description="claims")
    def add_claim(self, document):
        if not document.pk:
            return "Save the document first."
        url = reverse("admin:corpus_claim_add") + f"?document={document.pk}"
        return format_html('<a href="{}">Add a claim to this document</a>', url)

    def save_model(self, request, obj, form, change):
        outcomes = document_save(obj, user=request.user)
        message = reanchoring_message(outcomes)
        if message:
            level = messages.WARNING if outcomes["review"] or outcomes["orphaned"] else messages.INFO
            messages.add_message(request, level, message)

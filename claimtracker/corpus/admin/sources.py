"""Admin for publishers and documents; a document's text is saved exactly as typed."""

from django import forms
from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html

from claimtracker.text import anchoring

from .. import services
from ..models import Claim, Document, Publisher
from ..models.sources import normalise_line_endings
from .base import CorpusAdmin


@admin.register(Publisher)
class PublisherAdmin(CorpusAdmin):
    list_display = ("name", "url")
    search_fields = ("name",)


class DocumentForm(forms.ModelForm):
    # Django strips form input by default and browsers send text areas with
    # CRLF line endings: either would change the text claims are anchored to.
    text = forms.CharField(strip=False, widget=forms.Textarea(attrs={"rows": 30, "cols": 100}))

    class Meta:
        model = Document
        fields = "__all__"  # noqa: DJ007 - the admin's fieldsets choose the fields

    def clean_text(self):
        return normalise_line_endings(self.cleaned_data["text"])


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


@admin.register(Document)
class DocumentAdmin(CorpusAdmin):
    form = DocumentForm
    list_display = ("title", "kind", "publisher", "published_on", "language")
    list_filter = ("kind", "language", ("publisher", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("publisher",)
    search_fields = ("title", "author", "url", "publisher__name")
    autocomplete_fields = ("publisher", "republished_from")
    readonly_fields = ("content_hash", "add_claim", "created_by", "created_at", "updated_at")
    fieldsets = [
        (None, {"fields": ("title", "kind", "language", "text")}),
        (
            "Source",
            {"fields": ("publisher", "republished_from", "author", "url", "published_on", "accessed_on")},
        ),
        (
            "Record",
            {"fields": ("notes", "content_hash", "created_by", "created_at", "updated_at", "add_claim")},
        ),
    ]
    inlines = [ClaimInline]

    def get_queryset(self, request):
        # Lists and autocomplete labels never need the text; the change form
        # loads it with one more query.
        return super().get_queryset(request).defer("text")

    @admin.display(description="claims")
    def add_claim(self, document):
        if not document.pk:
            return "Save the document first."
        url = reverse("admin:corpus_claim_add") + f"?document={document.pk}"
        return format_html('<a href="{}">Add a claim to this document</a>', url)

    def save_model(self, request, obj, form, change):
        outcomes = services.document_save(obj, user=request.user)
        message = services.reanchoring_message(outcomes)
        if message:
            level = messages.WARNING if outcomes["review"] or outcomes["orphaned"] else messages.INFO
            messages.add_message(request, level, message)

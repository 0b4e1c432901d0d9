"""Admin for claims (with their figures, links and notes inline), metrics,
statistics, links and annotations. A claim's change form is saved by one call of
the claim services: its fields, topics and figures together, merged with what
changed since the page was read."""

import uuid

from django import forms
from django.contrib import admin, messages

from claimtracker.http import params
from claimtracker.text import anchoring

from ..models import Annotation, Claim, Document, Link, Metric, Statistic
from ..models.sources import normalise_line_endings
from ..services import claims as claim_services
from ..services import links as link_services
from ..services import notes as note_services
from ..services.editing import ClaimEdit, FigureEdit, Selector
from .base import CorpusAdmin
from .concurrency import ConcurrentEditForm
from .filters import DocumentLanguageFilter, TopicFilter
from .pagination import EstimatedCountPaginator
from .widgets import PreloadedFormSet, PreloadingAutocompleteMixin

MERGED_FIELDS = ("speaker", "role", "attribution", "kind", "topics", "said_on", "summary", "status", "anchor")
SELECTOR_FIELDS = ("quote", "start", "end")
FIGURE_FIELDS = (
    "metric",
    "value",
    "unit",
    "qualifier",
    "period_label",
    "period_start",
    "period_end",
    "geography",
)
# The inline rows saved by their own services, by (model, the inline's foreign key).
ROW_SERVICES = {
    (Link, "source"): (link_services.link_save, link_services.link_delete),
    (Annotation, "claim"): (note_services.note_save, note_services.note_delete),
}


class ClaimForm(ConcurrentEditForm):
    quote = forms.CharField(strip=False, widget=forms.Textarea(attrs={"rows": 3, "cols": 80}))
    # One key per add form: a double-clicked "Save" makes one claim.
    submission = forms.UUIDField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Claim
        fields = "__all__"  # noqa: DJ007 - the admin's fieldsets choose the fields

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A user who may only view the claim gets no editable fields at all.
        for name in ("start", "end"):
            if name in self.fields:
                self.fields[name].required = False
        if "start" in self.fields:
            self.fields["start"].help_text += " Leave both offsets empty to find a quote that occurs once."
        if not self.instance.pk:
            self.fields["submission"].initial = uuid.uuid4()

    def clean_quote(self):
        return normalise_line_endings(self.cleaned_data["quote"])

    def clean(self):
        data = super().clean()
        document = data.get("document") or (self.instance.document if self.instance.document_id else None)
        quote = data.get("quote")
        if document and quote and "quote" in self.fields and data.get("end") is None:
            if data.get("start") is None:
                self._locate(document.text, quote, data)
            else:
                data["end"] = data["start"] + len(quote)
        return data

    def _locate(self, text, quote, data):
        starts = anchoring.occurrences(text, quote)
        if len(starts) == 1:
            data["start"], data["end"] = starts[0], starts[0] + len(quote)
        elif not starts:
            self.add_error("quote", "This quote does not occur in the document's text.")
        else:
            where = ", ".join(str(at) for at in starts[:10])
            self.add_error(
                "start", f"The quote occurs {len(starts)} times (at {where}): give the start offset."
            )

    def stored_now(self):
        # The document first, then the claim: the order every writer locks them in.
        Document.objects.select_for_update().filter(pk=self.instance.document_id).exists()
        return super().stored_now()

    def selector(self):
        data = self.cleaned_data
        return Selector(data["start"], data["end"], data["quote"])

    def values(self, names):
        return {name: self.cleaned_data[name] for name in names if name in self.cleaned_data}


class StatisticForm(ConcurrentEditForm):
    class Meta:
        model = Statistic
        fields = "__all__"  # noqa: DJ007 - the inline chooses the fields


class StatisticInline(PreloadingAutocompleteMixin, admin.TabularInline):
    model = Statistic
    form = StatisticForm
    formset = PreloadedFormSet
    autocomplete_fields = ("metric",)
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("metric")


class LinkForm(ConcurrentEditForm):
    class Meta:
        model = Link
        fields = "__all__"  # noqa: DJ007 - the inline chooses the fields


class LinkOutInline(PreloadingAutocompleteMixin, admin.TabularInline):
    model = Link
    form = LinkForm
    fk_name = "source"
    formset = PreloadedFormSet
    fields = ("relation", "target", "note")
    autocomplete_fields = ("target",)
    verbose_name = "link to another claim"
    extra = 0


class LinkInInline(admin.TabularInline):
    """Links from other claims, worded from this claim's side ("answered by")."""

    model = Link
    fk_name = "target"
    fields = ("inverse", "source", "note")
    readonly_fields = fields
    verbose_name = "link from another claim"
    can_delete = False
    extra = 0

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("source__speaker")

    @admin.display(description="relation")
    def inverse(self, link):
        return link.inverse_label


class AnnotationForm(ConcurrentEditForm):
    class Meta:
        model = Annotation
        fields = "__all__"  # noqa: DJ007 - the inline chooses the fields


class AnnotationInline(admin.StackedInline):
    model = Annotation
    form = AnnotationForm
    fields = ("body", "is_evidence", "evidence_url", "author", "created_at")
    readonly_fields = ("author", "created_at")
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("author")


def status_action(status):
    def action(modeladmin, request, queryset):
        changed = claim_services.claims_set_status(queryset, status, user=request.user)
        messages.success(request, f"{changed} claim(s) marked {status.label.lower()}.")

    action.__name__ = f"mark_{status.value}"
    return admin.action(
        description=f"Mark selected claims as {status.label.lower()}", permissions=["set_verdict"]
    )(action)


def figure_edits(formset):
    """FigureEdits of the figures inline: new rows, changed fields of the others, deletions."""
    if formset is None:
        return None
    edits = []
    for form in formset.forms:
        if not form.has_changed() and not formset._should_delete_form(form):
            continue
        if formset._should_delete_form(form):
            if form.instance.pk:
                edits.append(FigureEdit(form.instance.pk, delete=True))
        elif form.instance.pk:
            changed = {name: form.cleaned_data[name] for name in form.changed_data if name in FIGURE_FIELDS}
            edits.append(FigureEdit(form.instance.pk, changed))
        else:
            edits.append(FigureEdit(values={name: form.cleaned_data[name] for name in FIGURE_FIELDS}))
    return edits


@admin.register(Claim)
class ClaimAdmin(CorpusAdmin):
    form = ClaimForm
    list_display = ("id", "excerpt", "speaker", "kind", "status", "said_on", "document", "anchor")
    list_display_links = ("id", "excerpt")
    list_filter = (
        "kind",
        "status",
        "attribution",
        "anchor",
        "said_on",
        TopicFilter,
        ("document__kind", admin.ChoicesFieldListFilter),
        DocumentLanguageFilter,
    )
    list_select_related = ("speaker", "document")
    list_deferred = ("document__text",)
    # A million rows: no second, unfiltered count, and estimates where counting is slow.
    show_full_result_count = False
    paginator = EstimatedCountPaginator
    search_fields = ("quote", "summary", "speaker__name")
    search_help_text = "Search quotes, summaries and speaker names; a number finds that claim."
    autocomplete_fields = ("document", "speaker", "role", "topics")
    readonly_fields = ("prefix", "suffix", "created_by", "created_at", "updated_at")
    fieldsets = [
        ("Where", {"fields": ("document", "quote", ("start", "end"), ("prefix", "suffix"), "anchor")}),
        ("Who", {"fields": ("speaker", "role", "attribution")}),
        ("What", {"fields": ("kind", "topics", "said_on", "summary", "status")}),
        ("Record", {"fields": ("created_by", "created_at", "updated_at", "submission")}),
    ]
    inlines = [StatisticInline, LinkOutInline, LinkInInline, AnnotationInline]
    actions = [status_action(status) for status in Claim.Status]

    @admin.display(description="quote")
    def excerpt(self, claim):
        return anchoring.shorten(claim.quote, 90)

    def has_set_verdict_permission(self, request):
        return request.user.has_perm("corpus.set_verdict")

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None:
            fields.append("document")  # a claim stays in its document; select its passage anew instead
        if not self.has_set_verdict_permission(request):
            fields.append("status")
        return fields

    def get_fieldsets(self, request, obj=None):
        # The submission key is a hidden input of the add form only.
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:
            return fieldsets
        return [
            (name, {**options, "fields": [f for f in options["fields"] if f != "submission"]})
            for name, options in fieldsets
        ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("speaker")

    def get_search_results(self, request, queryset, search_term):
        if number := params.positive_int(search_term.strip()):
            return queryset.filter(pk=number), False
        return super().get_search_results(request, queryset, search_term)

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        document_id = params.positive_int(str(initial.get("document", "")))
        if "said_on" not in initial and document_id:
            document = Document.objects.filter(pk=document_id).only("published_on").first()
            initial["said_on"] = document.published_on if document else None
        return initial

    def save_model(self, request, obj, form, change):
        """Nothing here: the claim is saved with its topics and figures in save_related."""

    def save_related(self, request, form, formsets, change):
        # save(commit=False) writes nothing; it sorts the rows into new, changed and deleted,
        # which Django's change message reads.
        rows = {formset.prefix: formset.save(commit=False) for formset in formsets}
        # The figures inline is absent for a user who may not see figures.
        figures = next((formset for formset in formsets if formset.model is Statistic), None)
        if change:
            claim = self.save_change(request, form, figures)
        else:
            claim, created = self.save_addition(request, form, figures)
            if not created:
                messages.info(request, f"This form was already saved as claim {claim.pk}.")
                return
        for formset in formsets:
            if (formset.model, formset.fk.name) in ROW_SERVICES:
                save, delete = ROW_SERVICES[formset.model, formset.fk.name]
                for row in rows[formset.prefix]:
                    setattr(row, formset.fk.attname, claim.pk)
                    save(row, user=request.user)
                for row in formset.deleted_objects:
                    delete(row.pk, user=request.user)

    def save_change(self, request, form, figures):
        claim = form.instance
        names = [name for name in MERGED_FIELDS if name in form.changed_data]
        values = form.values(names)
        if any(name in form.changed_data for name in SELECTOR_FIELDS):
            values["selector"] = form.selector()
        stored = Claim.objects.only("version").get(pk=claim.pk)
        # The form has checked every changed field against the locked row: apply as is.
        edit = ClaimEdit(version=stored.version, values=values, figures=figure_edits(figures))
        return claim_services.claim_update(claim.pk, edit, user=request.user)

    def save_addition(self, request, form, figures):
        values = form.values(MERGED_FIELDS)
        claim, created = claim_services.claim_create(
            form.cleaned_data["document"].pk,
            selector=form.selector(),
            values=values,
            figures=[edit.values for edit in figure_edits(figures) or [] if not edit.delete],
            user=request.user,
            submission_key=form.cleaned_data.get("submission"),
        )
        form.instance.pk, form.instance._state.adding = claim.pk, False
        return claim, created


@admin.register(Metric)
class MetricAdmin(CorpusAdmin):
    list_display = ("name", "unit")
    search_fields = ("name", "description")


@admin.register(Statistic)
class StatisticAdmin(CorpusAdmin):
    list_display = ("__str__", "metric", "value", "unit", "qualifier", "period_label", "claim")
    list_filter = ("qualifier",)
    list_select_related = ("metric", "claim__speaker")
    search_fields = ("metric__name", "period_label", "geography")
    autocomplete_fields = ("claim", "metric")

    def save_model(self, request, obj, form, change):
        names = form.changed_data if change else FIGURE_FIELDS
        values = {name: form.cleaned_data[name] for name in names if name in FIGURE_FIELDS}
        edit_figure(obj.claim_id, FigureEdit(obj.pk if change else None, values), request.user)

    def delete_model(self, request, obj):
        edit_figure(obj.claim_id, FigureEdit(obj.pk, delete=True), request.user)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)


def edit_figure(claim_id, figure, user):
    """A figure is part of its claim: changed through the claim's service (its version, history)."""
    version = Claim.objects.values_list("version", flat=True).get(pk=claim_id)
    claim_services.claim_update(claim_id, ClaimEdit(version=version, figures=[figure]), user=user)


@admin.register(Annotation)
class AnnotationAdmin(CorpusAdmin):
    form = AnnotationForm
    list_display = ("__str__", "claim", "author", "is_evidence", "created_at")
    list_filter = ("is_evidence", ("created_at", admin.DateFieldListFilter))
    list_select_related = ("claim__speaker", "author")
    search_fields = ("body", "evidence_url")
    autocomplete_fields = ("claim",)
    readonly_fields = ("author",)

    def save_model(self, request, obj, form, change):
        note_services.note_save(obj, user=request.user)

    def delete_model(self, request, obj):
        note_services.note_delete(obj.pk, user=request.user)

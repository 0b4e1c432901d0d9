"""Admin for claims (with their figures, links and notes inline), metrics,
statistics, links and annotations."""

from django import forms
from django.contrib import admin, messages
from django.http import StreamingHttpResponse

from claimtracker.exports.formats import FORMATS, export
from claimtracker.text import anchoring

from .. import services
from ..models import Annotation, Claim, Document, Link, Metric, Statistic, Topic
from ..models.sources import normalise_line_endings
from .base import CorpusAdmin
from .pagination import EstimatedCountPaginator
from .widgets import PreloadedFormSet, PreloadingAutocompleteMixin


class TopicFilter(admin.SimpleListFilter):
    """A topic and everything below it."""

    title = "topic (with subtopics)"
    parameter_name = "topic"

    def lookups(self, request, model_admin):
        return [(topic.pk, "\u2003" * topic.depth + topic.name) for topic in Topic.objects.all()]

    def queryset(self, request, queryset):
        topic = Topic.objects.filter(pk=self.value()).first() if str(self.value()).isdigit() else None
        if topic is None:
            return queryset
        # The subtree first (a handful of ids), so the planner sees a plain IN list.
        subtree = list(Topic.objects.subtree(topic).values_list("pk", flat=True))
        matching = Claim.topics.through.objects.filter(topic_id__in=subtree)
        return queryset.filter(pk__in=matching.values("claim_id"))


class DocumentLanguageFilter(admin.SimpleListFilter):
    title = "document language"
    parameter_name = "language"

    def lookups(self, request, model_admin):
        languages = Document.objects.order_by("language").values_list("language", flat=True).distinct()
        return [(code, code) for code in languages]

    def queryset(self, request, queryset):
        return queryset.filter(document__language=self.value()) if self.value() else queryset


class ClaimForm(forms.ModelForm):
    quote = forms.CharField(strip=False, widget=forms.Textarea(attrs={"rows": 3, "cols": 80}))

    class Meta:
        model = Claim
        fields = "__all__"  # noqa: DJ007 - the admin's fieldsets choose the fields

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("start", "end"):
            self.fields[name].required = False
        self.fields["start"].help_text += " Leave both offsets empty to find a quote that occurs once."

    def clean_quote(self):
        return normalise_line_endings(self.cleaned_data["quote"])

    def clean(self):
        data = super().clean()
        document, quote = data.get("document"), data.get("quote")
        if document and quote and data.get("end") is None:
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


class StatisticInline(PreloadingAutocompleteMixin, admin.TabularInline):
    model = Statistic
    formset = PreloadedFormSet
    autocomplete_fields = ("metric",)
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("metric")


class LinkOutInline(PreloadingAutocompleteMixin, admin.TabularInline):
    model = Link
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


class AnnotationInline(admin.StackedInline):
    model = Annotation
    fields = ("body", "is_evidence", "evidence_url", "author", "created_at")
    readonly_fields = ("author", "created_at")
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("author")


def status_action(status):
    def action(modeladmin, request, queryset):
        changed = services.claims_set_status(queryset, status, user=request.user)
        messages.success(request, f"{changed} claim(s) marked {status.label.lower()}.")

    action.__name__ = f"mark_{status.value}"
    return admin.action(description=f"Mark selected claims as {status.label.lower()}")(action)


def export_action(name, label):
    def action(modeladmin, request, queryset):
        chunks, content_type, filename = export(queryset, name, request.build_absolute_uri("/"))
        response = StreamingHttpResponse(chunks, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    action.__name__ = f"export_{name.replace('-', '_')}"
    return admin.action(description=f"Export selected claims as {label}")(action)


def export_actions():
    return [export_action(name, chosen.label) for name, chosen in FORMATS.items()]


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
        ("Record", {"fields": ("created_by", "created_at", "updated_at")}),
    ]
    inlines = [StatisticInline, LinkOutInline, LinkInInline, AnnotationInline]
    actions = [status_action(status) for status in Claim.Status] + export_actions()

    @admin.display(description="quote")
    def excerpt(self, claim):
        return anchoring.shorten(claim.quote, 90)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("speaker")

    def get_search_results(self, request, queryset, search_term):
        if search_term.strip().isdigit():
            return queryset.filter(pk=int(search_term)), False
        return super().get_search_results(request, queryset, search_term)

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        if "said_on" not in initial and str(initial.get("document", "")).isdigit():
            document = Document.objects.filter(pk=initial["document"]).only("published_on").first()
            initial["said_on"] = document.published_on if document else None
        return initial

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        for annotation in formset.save(commit=False):
            if isinstance(annotation, Annotation) and annotation.author_id is None:
                annotation.author = request.user
            annotation.save()
        for obj in formset.deleted_objects:
            obj.delete()
        formset.save_m2m()


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


@admin.register(Link)
class LinkAdmin(CorpusAdmin):
    list_display = ("source", "relation", "target", "created_at")
    list_filter = ("relation",)
    list_select_related = ("source__speaker", "target__speaker")
    search_fields = ("source__quote", "target__quote", "note")
    autocomplete_fields = ("source", "target")
    readonly_fields = ("created_by",)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(Annotation)
class AnnotationAdmin(CorpusAdmin):
    list_display = ("__str__", "claim", "author", "is_evidence", "created_at")
    list_filter = ("is_evidence", ("created_at", admin.DateFieldListFilter))
    list_select_related = ("claim__speaker", "author")
    search_fields = ("body", "evidence_url")
    autocomplete_fields = ("claim",)
    readonly_fields = ("author",)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.author = request.user
        super().save_model(request, obj, form, change)

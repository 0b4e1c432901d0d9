"""Admin for organisations, speakers, their aliases and roles; merging speakers."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.template.response import TemplateResponse

from ..models import Organisation, Speaker, SpeakerAlias, SpeakerRole
from ..services.speakers import speaker_merge
from .base import CorpusAdmin
from .widgets import PreloadedFormSet, PreloadingAutocompleteMixin


@admin.register(Organisation)
class OrganisationAdmin(CorpusAdmin):
    list_display = ("name", "abbreviation", "name_original", "parent")
    list_select_related = ("parent",)
    search_fields = ("name", "abbreviation", "name_original")
    autocomplete_fields = ("parent",)


class SpeakerAliasInline(admin.TabularInline):
    model = SpeakerAlias
    formset = PreloadedFormSet
    extra = 0


class SpeakerRoleInline(PreloadingAutocompleteMixin, admin.TabularInline):
    model = SpeakerRole
    formset = PreloadedFormSet
    autocomplete_fields = ("organisation",)
    extra = 0

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("speaker", "organisation")


@admin.register(Speaker)
class SpeakerAdmin(CorpusAdmin):
    list_display = ("name", "kind", "name_original", "organisation")
    list_filter = ("kind",)
    list_select_related = ("organisation",)
    search_fields = ("name", "family_name", "given_name", "name_original", "aliases__name")
    autocomplete_fields = ("organisation",)
    fieldsets = [
        (None, {"fields": ("kind", "name", "name_original", "organisation", "notes")}),
        ("Personal name", {"fields": ("family_name", "given_name", "name_order")}),
    ]
    inlines = [SpeakerAliasInline, SpeakerRoleInline]
    actions = ["merge_speakers"]

    def has_merge_permission(self, request):
        return request.user.has_perm("corpus.merge_speaker")

    @admin.action(description="Merge selected speakers into one…", permissions=["merge"])
    def merge_speakers(self, request, queryset):
        """First a page to choose which speaker stays; then the merge, on confirmation."""
        speakers = list(queryset.order_by("name"))
        form = MergeForm(request.POST if "keep" in request.POST else None, speakers=speakers)
        if form.is_bound and form.is_valid():
            keep = int(form.cleaned_data["keep"])
            try:
                moved = speaker_merge(keep, [s.pk for s in speakers], user=request.user)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
                return None
            kept = next(s for s in speakers if s.pk == keep)
            self.message_user(
                request,
                f"Merged {len(speakers) - 1} speaker(s) into {kept.name}: {moved['claims']} claims, "
                f"{moved['roles']} roles and {moved['aliases']} new aliases moved.",
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Merge speakers",
            "form": form,
            "speakers": speakers,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/corpus/speaker/merge.html", context)


class MergeForm(forms.Form):
    keep = forms.ChoiceField(widget=forms.RadioSelect, label="The speaker who stays")

    def __init__(self, *args, speakers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["keep"].choices = [(s.pk, f"{s.name} (#{s.pk})") for s in speakers]
        if len(speakers) < 2:
            self.fields["keep"].error_messages["required"] = "Select at least two speakers to merge."

    def clean(self):
        data = super().clean()
        if len(self.fields["keep"].choices) < 2:
            raise ValidationError("Select at least two speakers to merge.")
        return data


@admin.register(SpeakerRole)
class SpeakerRoleAdmin(CorpusAdmin):
    """Roles are edited on their speaker; this admin serves search and autocomplete."""

    list_display = ("speaker", "title", "organisation", "start_date", "end_date")
    list_select_related = ("speaker", "organisation")
    list_filter = (("organisation", admin.RelatedOnlyFieldListFilter),)
    search_fields = ("speaker__name", "title", "organisation__name", "organisation__abbreviation")
    autocomplete_fields = ("speaker", "organisation")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("speaker", "organisation")


@admin.register(SpeakerAlias)
class SpeakerAliasAdmin(CorpusAdmin):
    list_display = ("name", "speaker")
    list_select_related = ("speaker",)
    search_fields = ("name", "speaker__name")
    autocomplete_fields = ("speaker",)

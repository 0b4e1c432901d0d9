"""Admin for organisations, speakers, their aliases and roles."""

from django.contrib import admin

from ..models import Organisation, Speaker, SpeakerAlias, SpeakerRole
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

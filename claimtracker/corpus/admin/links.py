"""Admin for links between claims, and the suggestions researchers dismissed."""

from django.contrib import admin

from ..models import Dismissal, Link
from ..services import links as link_services
from .base import CorpusAdmin
from .claims import LinkForm


@admin.register(Link)
class LinkAdmin(CorpusAdmin):
    form = LinkForm
    list_display = ("source", "relation", "target", "created_at")
    list_filter = ("relation",)
    list_select_related = ("source__speaker", "target__speaker")
    search_fields = ("source__quote", "target__quote", "note")
    autocomplete_fields = ("source", "target")
    readonly_fields = ("created_by",)

    def save_model(self, request, obj, form, change):
        link_services.link_save(obj, user=request.user)

    def delete_model(self, request, obj):
        link_services.link_delete(obj.pk, user=request.user)


@admin.register(Dismissal)
class DismissalAdmin(admin.ModelAdmin):
    """Dismissed suggestions: deleting one lets the suggestion be proposed again."""

    list_display = ("claim", "relation", "candidate", "dismissed_by", "dismissed_at")
    list_filter = ("relation",)
    list_select_related = ("claim__speaker", "candidate__speaker", "dismissed_by")
    autocomplete_fields = ("claim", "candidate")
    fields = ("claim", "relation", "candidate", "dismissed_by", "dismissed_at")

    def get_readonly_fields(self, request, obj=None):
        # A dismissal is made or undone, never edited.
        return self.fields if obj else ("dismissed_by", "dismissed_at")

    def save_model(self, request, obj, form, change):
        link_services.dismissal_create(obj.claim_id, obj.candidate_id, obj.relation, user=request.user)

    def delete_model(self, request, obj):
        link_services.dismissal_delete(obj.pk)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            link_services.dismissal_delete(obj.pk)

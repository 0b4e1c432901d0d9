"""Admin for the topic tree."""

from django.contrib import admin

from ..models import Topic
from .base import CorpusAdmin


@admin.register(Topic)
class TopicAdmin(CorpusAdmin):
    list_display = ("__str__", "slug", "path")
    search_fields = ("name", "path")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("parent",)
    readonly_fields = ("path",)

    def get_queryset(self, request):
        # Labels name the ancestors ("Cybersecurity › Data security").
        return super().get_queryset(request).select_related("parent__parent")

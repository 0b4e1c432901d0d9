"""Filters of the claim change-list that its model fields alone do not give:
a topic with its subtopics, and the language of the claim's document."""

from django.contrib import admin
from django.core.cache import cache
from django.db.models import Exists, OuterRef

from claimtracker.http import params

from ..changes import versioned_key
from ..models import Claim, Document, Topic
from .pagination import COUNT_SECONDS


class TopicFilter(admin.SimpleListFilter):
    """A topic and everything below it."""

    title = "topic (with subtopics)"
    parameter_name = "topic"

    def lookups(self, request, model_admin):
        return [(topic.pk, "\u2003" * topic.depth + topic.name) for topic in Topic.objects.all()]

    def queryset(self, request, queryset):
        pk = params.positive_int(self.value())
        topic = Topic.objects.filter(pk=pk).first() if pk else None
        if topic is None:
            return queryset
        # The subtree first (a handful of ids), so the planner sees a plain IN list; tested
        # claim by claim (EXISTS) as the page walks the date index: as an IN list of claims,
        # SQLite first gathered the 400,000 claims of a broad topic (0.7 s at a million).
        subtree = list(Topic.objects.subtree(topic).values_list("pk", flat=True))
        tagged = Claim.topics.through.objects.filter(topic_id__in=subtree, claim_id=OuterRef("pk"))
        return queryset.filter(Exists(tagged))


class DocumentLanguageFilter(admin.SimpleListFilter):
    title = "document language"
    parameter_name = "language"

    def lookups(self, request, model_admin):
        # Reading them takes a pass over an index of every document: once per corpus version.
        languages = cache.get_or_set(
            versioned_key("admin:languages"),
            lambda: list(Document.objects.order_by("language").values_list("language", flat=True).distinct()),
            COUNT_SECONDS,
        )
        return [(code, code) for code in languages]

    def queryset(self, request, queryset):
        return queryset.filter(document__language=self.value()) if self.value() else queryset

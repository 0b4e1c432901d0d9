"""What every model admin of the corpus shares: history, lean change-lists,
autocomplete labels loaded in one query."""

from django.contrib.admin.views.main import ChangeList
from simple_history.admin import SimpleHistoryAdmin

from .widgets import PreloadingAutocompleteMixin


class LeanChangeList(ChangeList):
    """A change-list that joins `list_select_related` even when the admin's own
    queryset already joins something, and never loads the large columns
    named in `list_deferred`."""

    def get_queryset(self, request, exclude_parameters=None):
        queryset = super().get_queryset(request, exclude_parameters)
        if isinstance(self.list_select_related, list | tuple):
            queryset = queryset.select_related(*self.list_select_related)
        return queryset.defer(*self.model_admin.list_deferred)


class CorpusAdmin(PreloadingAutocompleteMixin, SimpleHistoryAdmin):
    """History view and revert (django-simple-history) on every model."""

    list_deferred = ()
    list_per_page = 50

    def get_changelist(self, request, **kwargs):
        return LeanChangeList

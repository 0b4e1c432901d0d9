"""What every model admin of the corpus shares: writes through the domain's
services (each attributed in history), edits that never overwrite a change made
meanwhile, deletions refused where claims depend on the record, a revert that
is itself a recorded change, lean change-lists, autocomplete labels in one query."""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from simple_history.admin import SimpleHistoryAdmin

from ..services.records import deletion_problem, record_delete, record_save
from ..services.reverting import revert
from .concurrency import ConcurrentEditForm
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

    form = ConcurrentEditForm
    list_deferred = ()
    list_per_page = 50

    def get_changelist(self, request, **kwargs):
        return LeanChangeList

    # --- Writes, through the services --------------------------------------------

    def save_model(self, request, obj, form, change):
        record_save(obj, user=request.user)

    def save_formset(self, request, form, formset, change):
        for obj in formset.save(commit=False):
            record_save(obj, user=request.user)
        for obj in formset.deleted_objects:
            record_delete(obj, user=request.user)
        formset.save_m2m()

    def delete_model(self, request, obj):
        record_delete(obj, user=request.user)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            record_delete(obj, user=request.user)

    def get_deleted_objects(self, objs, request):
        """Django's list of what a deletion takes with it; a record that claims depend on
        is listed as protected, which makes Django refuse the deletion and say why."""
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        protected = [*protected, *filter(None, (deletion_problem(obj) for obj in objs))]
        return deleted, counts, perms_needed, protected

    # --- Revert ------------------------------------------------------------------

    def has_revert_permission(self, request, obj=None):
        """Reverting may discard other people's work: for those who may also delete (editors)."""
        return self.has_change_permission(request, obj) and self.has_delete_permission(request, obj)

    def revert_disabled(self, request, obj=None):
        return not self.has_revert_permission(request, obj)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """What reverting to that version changes, and on confirmation the revert itself."""
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        can_revert = self.has_revert_permission(request, obj)
        if not self.has_view_or_change_permission(request, obj) or (
            request.method == "POST" and not can_revert
        ):
            raise PermissionDenied
        version = get_object_or_404(
            self.model.history.filter(**{self.opts.pk.attname: obj.pk}), pk=version_id
        )
        change_url = reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[obj.pk])
        if request.method == "POST":
            try:
                kept = revert(version, user=request.user)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                when = version.history_date.strftime("%d %b %Y %H:%M")
                note = f" Not restored: {'; '.join(kept)}." if kept else ""
                messages.success(request, f"Reverted to the version of {when}.{note}")
            return redirect(change_url)
        latest = obj.history.order_by("-history_date", "-history_id").first()
        delta = latest.diff_against(version).changes if latest and latest.pk != version.pk else []
        # (field, now, after reverting): the diff's "old" side is the version reverted to.
        changes = [
            (self.opts.get_field(c.field).verbose_name, c.new, c.old) for c in delta if c.field != "version"
        ]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": obj,
            "version": version,
            "changes": changes,
            "change_url": change_url,
            "can_revert": can_revert,
            "title": f"Revert {obj} to an earlier version" if can_revert else f"An earlier version of {obj}",
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/corpus/revert_confirmation.html", context)

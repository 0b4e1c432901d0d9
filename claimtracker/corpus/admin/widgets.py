"""Autocomplete widgets whose selected options are loaded once per form set, and
inline form sets whose inputs are named for assistive technology.

Django's autocomplete widget runs one query per widget to label the selected
option, so an inline with 50 rows costs 50 queries. `PreloadedFormSet`
collects the selected ids of all its rows and labels them in one query per
field, keeping the number of queries of a change form constant.
"""

from django.contrib.admin.widgets import AutocompleteSelect, RelatedFieldWidgetWrapper
from django.forms.models import BaseInlineFormSet
from django.utils.functional import cached_property


class PreloadedAutocompleteSelect(AutocompleteSelect):
    preloaded = None  # {str(pk): label}, set by preload_selected(); None: query as usual

    def optgroups(self, name, value, attr=None):
        if self.preloaded is None:
            return super().optgroups(name, value, attr)
        options = []
        if not self.is_required:
            options.append(self.create_option(name, "", "", False, 0))
        for pk in value:
            if str(pk) in self.preloaded:
                options.append(self.create_option(name, pk, self.preloaded[str(pk)], True, len(options)))
        return [(None, options, 0)]


def preload_selected(forms):
    """Label the selected option of every preloading autocomplete in `forms`, one query per field."""
    widgets_by_field = {}
    for form in forms:
        for name, field in form.fields.items():
            widget = field.widget
            if isinstance(widget, RelatedFieldWidgetWrapper):
                widget = widget.widget
            if isinstance(widget, PreloadedAutocompleteSelect):
                widgets_by_field.setdefault(name, []).append((widget, form[name].value()))
    for pairs in widgets_by_field.values():
        ids = {str(value) for _, value in pairs if value not in (None, "")}
        field = pairs[0][0].choices.field
        labels = {str(obj.pk): field.label_from_instance(obj) for obj in field.queryset.filter(pk__in=ids)}
        for widget, _ in pairs:
            widget.preloaded = labels


class PreloadedFormSet(BaseInlineFormSet):
    @cached_property
    def forms(self):
        forms = super().forms
        preload_selected(forms)
        return forms

    def add_fields(self, form, index):
        super().add_fields(form, index)
        # A tabular inline's inputs have a column heading, not a label: each gets a name of its own.
        for name, field in form.fields.items():
            field.widget.attrs.setdefault("aria-label", str(field.label or name))


class PreloadingAutocompleteMixin:
    """For a ModelAdmin or inline: autocomplete fields use the preloading widget
    and label their choices from the related admin's queryset, the one the
    autocomplete view uses, which joins what the labels need."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs.setdefault("queryset", self._related_queryset(db_field, request))
            kwargs.setdefault(
                "widget", PreloadedAutocompleteSelect(db_field, self.admin_site, using=kwargs.get("using"))
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs.setdefault("queryset", self._related_queryset(db_field, request))
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def _related_queryset(self, db_field, request):
        return self.admin_site._registry[db_field.related_model].get_queryset(request)

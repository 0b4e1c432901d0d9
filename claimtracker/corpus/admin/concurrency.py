"""Admin forms that never overwrite a change made meanwhile.

Each field is rendered with its value as the page showed it, in a hidden input
(Django's `show_hidden_initial`), so a save knows what the editor read. On save
the record's row is locked and compared field by field: a field the editor
changed that someone else has also changed, to something else, is refused with
a message showing what is stored now, and its "as read" value is renewed, so
that saving again applies the editor's value deliberately. Fields the editor
did not change take the stored value: theirs stays.
"""

import contextlib
import decimal

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import InlineForeignKeyField, model_to_dict

from claimtracker.corpus.services.editing import field_conflicts


def comparable(value):
    """A field value reduced to what makes two values equal: ids for records, sorted lists."""
    if hasattr(value, "pk"):
        return value.pk
    if isinstance(value, list | tuple | set) or hasattr(value, "model"):
        return sorted((comparable(item) for item in value), key=str)
    if isinstance(value, decimal.Decimal):
        return value.normalize()
    return value


class ConcurrentEditForm(forms.ModelForm):
    # Fields compared by another means (a document's text, by its hash) or never edited.
    unmerged_fields = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            for name, field in self.fields.items():
                if name not in self.unmerged_fields:
                    field.show_hidden_initial = True

    def clean(self):
        data = super().clean()
        if self.instance.pk and not self.errors:
            stored = self.stored_now()
            self.check_concurrent_changes(stored)
            self.keep_stored_values(stored)
        return data

    def stored_now(self):
        """The record as stored at this moment, locked until the save is over."""
        return type(self.instance).objects.select_for_update().get(pk=self.instance.pk)

    def check_concurrent_changes(self, stored):
        names = [
            name for name in self.changed_data if name in self.fields and name not in self.unmerged_fields
        ]
        current = model_to_dict(stored, fields=names)
        base, yours, theirs = {}, {}, {}
        for name in names:
            field = self.fields[name]
            yours[name] = comparable(self.cleaned_data.get(name))
            theirs[name] = comparable(as_field_value(field, current.get(name)))
            if self[name].html_initial_name not in self.data:
                base[name] = theirs[name]  # a page that did not say what it read: as read now
                continue
            with contextlib.suppress(ValidationError):  # unreadable as read: compared with what is stored
                base[name] = comparable(field.to_python(self.read_value(name)))
        _, conflicts = field_conflicts(names, base, yours, theirs, compare=lambda _, value: value)
        for name in conflicts:
            self.refuse(name, stored, current.get(name))

    def keep_stored_values(self, stored):
        """Fields the editor did not change take the stored value: a change made meanwhile stays."""
        names = [
            name
            for name, field in self.fields.items()
            if name not in self.changed_data
            and name not in self.unmerged_fields
            and name in self.cleaned_data
            and name != stored._meta.pk.name
            and not isinstance(field, InlineForeignKeyField)  # an inline row's parent
        ]
        for name, value in model_to_dict(stored, fields=names).items():
            self.cleaned_data[name] = as_field_value(self.fields[name], value)

    def read_value(self, name):
        bound = self[name]
        return self._widget_data_value(bound.field.hidden_widget(), bound.html_initial_name)

    def refuse(self, name, stored, value):
        self.add_error(
            name,
            f"Someone else changed this since you opened the page; it is now “{shown(stored, name)}”. "
            "Your value is kept below: save again to replace theirs with it.",
        )
        self.renew_read_value(name, self.fields[name].prepare_value(value))

    def renew_read_value(self, name, value):
        """Make the page read the stored value, so that saving again applies the editor's."""
        self.data = self.data.copy()
        key = self[name].html_initial_name
        if isinstance(value, list | tuple):
            self.data.setlist(key, [str(item) for item in value])
        else:
            self.data[key] = "" if value is None else str(value)


def as_field_value(field, value):
    """A model value as the form field would clean it (stripped text, records for ids)."""
    try:
        return field.to_python(field.prepare_value(value))
    except ValidationError:
        return value


def shown(record, name):
    """A field of `record` as a researcher reads it."""
    display = getattr(record, f"get_{name}_display", None)
    if display:
        return display()
    value = getattr(record, name)
    if hasattr(value, "all"):
        return ", ".join(str(item) for item in value.all()) or "(empty)"
    return "(empty)" if value in (None, "") else str(value)

"""What the reader accepts from the browser, parsed into what the domain's services
take: a passage (Selector), a claim's fields, its figures, a note, and for an
edit the version and values the form was read at (ClaimEdit)."""

import uuid

from django import forms

from claimtracker.corpus.models import Claim, Statistic
from claimtracker.corpus.services.editing import ClaimEdit, FigureEdit, Selector
from claimtracker.text import anchoring

CLAIM_FIELDS = ["speaker", "role", "attribution", "kind", "topics", "said_on", "summary", "status"]
CREATE_DEFAULTS = {"attribution": Claim.Attribution.DIRECT, "status": Claim.Status.UNVERIFIED, "topics": []}
MAX_FIGURES = 20


class Invalid(Exception):
    """The request does not parse: errors by field, as the reader shows them."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


def errors_of(form):
    return {
        field: [error["message"] for error in errors] for field, errors in form.errors.get_json_data().items()
    }


def cleaned(form):
    if not form.is_valid():
        raise Invalid(errors_of(form))
    return form.cleaned_data


class SelectorForm(forms.Form):
    """A W3C text-quote and text-position selector, in code points (the service checks it in the text)."""

    start = forms.IntegerField(min_value=0)
    end = forms.IntegerField(min_value=1)
    quote = forms.CharField(strip=False, max_length=20_000)
    prefix = forms.CharField(strip=False, required=False, max_length=anchoring.CONTEXT_LENGTH)
    suffix = forms.CharField(strip=False, required=False, max_length=anchoring.CONTEXT_LENGTH)

    def selector(self):
        data = cleaned(self)
        return Selector(data["start"], data["end"], data["quote"], data["prefix"], data["suffix"])


class ClaimFieldsForm(forms.ModelForm):
    """A claim's fields, converted and checked; built with only the fields a request sends."""

    summary = forms.CharField(required=False, max_length=5_000)

    class Meta:
        model = Claim
        fields = CLAIM_FIELDS


def claim_fields(payload, names):
    form_class = forms.modelform_factory(Claim, form=ClaimFieldsForm, fields=names)
    data = {name: payload.get(name) for name in names}
    if isinstance(data.get("topics"), int | str):
        data["topics"] = [data["topics"]]
    values = cleaned(form_class(data))
    return {name: values[name] for name in names}


class FigureForm(forms.Form):
    id = forms.IntegerField(required=False, min_value=1)
    metric = forms.CharField(max_length=300)
    value = forms.DecimalField(max_digits=30, decimal_places=6)
    unit = forms.CharField(max_length=50, required=False)
    qualifier = forms.ChoiceField(choices=Statistic.Qualifier.choices)
    period_label = forms.CharField(max_length=100, required=False)

    def __init__(self, item, *, new):
        item = item if isinstance(item, dict) else {}
        super().__init__({"qualifier": Statistic.Qualifier.EXACT, **item} if new else item)
        self.sent = [name for name in self.fields if name in item and name != "id"]
        if not new:  # an existing figure: only what is sent changes
            for name, field in self.fields.items():
                field.required = name in self.sent


def figure_items(payload):
    items = payload.get("figures")
    if not isinstance(items, list) or len(items) > MAX_FIGURES:
        raise Invalid({"figures": [f"Send a list of at most {MAX_FIGURES} figures."]})
    return items


def parsed_figures(items, *, new_only=False):
    """[(id or None, values sent)] of the figure items; every item checked before any is used."""
    forms_ = [
        FigureForm(item, new=new_only or not (isinstance(item, dict) and item.get("id"))) for item in items
    ]
    if not all([form.is_valid() for form in forms_]):
        raise Invalid({"figures": [errors_of(form) for form in forms_]})
    return [
        (form.cleaned_data["id"], {name: form.cleaned_data[name] for name in form.sent}) for form in forms_
    ]


def new_figures(payload):
    if "figures" not in payload:
        return []
    return [values for _, values in parsed_figures(figure_items(payload), new_only=True)]


def submission_key(payload):
    raw = payload.get("submission")
    if raw in (None, ""):
        return None
    try:
        return uuid.UUID(str(raw))
    except ValueError:
        raise Invalid({"__all__": ["The form's submission key is damaged: reload the page."]}) from None


def new_claim(payload):
    """(selector, field values, figures, submission key) of a new claim."""
    selector = SelectorForm(payload).selector()
    values = claim_fields({**CREATE_DEFAULTS, **payload}, CLAIM_FIELDS)
    return selector, values, new_figures(payload), submission_key(payload)


def claim_edit(payload):
    """The ClaimEdit of an edit form: the version and values it read, and what it sends.
    Only the fields sent are changed; figures are matched to the figures read by id."""
    version, base = payload.get("version"), payload.get("base")
    if not isinstance(version, int) or isinstance(version, bool) or not isinstance(base, dict):
        raise Invalid(
            {"__all__": ["This form does not say which version of the claim it shows: reload the page."]}
        )
    names = [name for name in CLAIM_FIELDS if name in payload]
    values = claim_fields(payload, names) if names else {}
    if "start" in payload:
        values["selector"] = SelectorForm(payload).selector()
    figures = figure_edits(payload, base) if "figures" in payload else None
    return ClaimEdit(version=version, values=values, base=base, figures=figures)


def figure_edits(payload, base):
    read = {item.get("id"): item for item in base.get("figures") or [] if isinstance(item, dict)}
    edits, kept = [], set()
    for figure_id, values in parsed_figures(figure_items(payload)):
        if figure_id is not None and figure_id not in read:
            raise Invalid({"figures": [f"Figure {figure_id} is not one this form showed: reload the page."]})
        kept.add(figure_id)
        edits.append(FigureEdit(figure_id, values, read.get(figure_id, {})))
    edits += [FigureEdit(pk, base=item, delete=True) for pk, item in read.items() if pk not in kept]
    return edits


class NoteForm(forms.Form):
    body = forms.CharField(max_length=10_000)

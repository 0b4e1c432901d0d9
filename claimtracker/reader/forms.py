"""What the reader accepts from the browser: a selection turned into a claim,
its figures, a note, a status. Each validates everything before anything is saved."""

from django import forms
from django.core.exceptions import ValidationError

from claimtracker.corpus.models import Claim, Metric, SpeakerRole, Statistic
from claimtracker.text import anchoring


class SelectorForm(forms.Form):
    """A W3C text-quote and text-position selector, in code points, checked against the text."""

    start = forms.IntegerField(min_value=0)
    end = forms.IntegerField(min_value=1)
    quote = forms.CharField(strip=False, max_length=20_000)
    prefix = forms.CharField(strip=False, required=False, max_length=anchoring.CONTEXT_LENGTH)
    suffix = forms.CharField(strip=False, required=False, max_length=anchoring.CONTEXT_LENGTH)

    def __init__(self, *args, text, **kwargs):
        super().__init__(*args, **kwargs)
        self.text = text

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        problem = anchoring.selector_problem(self.text, data["start"], data["end"], data["quote"])
        if problem:
            raise ValidationError(problem)
        expected = anchoring.context(self.text, data["start"], data["end"])
        if (data["prefix"], data["suffix"]) != expected:
            raise ValidationError(
                "The text around the selection does not match the document: reload the page."
            )
        return data


class ClaimFieldsForm(forms.ModelForm):
    """The researcher's fields of a claim (its selector is checked by SelectorForm)."""

    class Meta:
        model = Claim
        fields = ["speaker", "role", "attribution", "kind", "topics", "said_on", "summary", "status"]

    def clean(self):
        data = super().clean()
        role, speaker = data.get("role"), data.get("speaker")
        if role and role.speaker_id != getattr(speaker, "pk", None):
            self.add_error("role", "The attributed role must be one of the speaker's own roles.")
        return data


class FigureForm(forms.Form):
    metric = forms.CharField(max_length=300)
    value = forms.DecimalField(max_digits=30, decimal_places=6)
    unit = forms.CharField(max_length=50, required=False)
    qualifier = forms.ChoiceField(choices=Statistic.Qualifier.choices, initial=Statistic.Qualifier.EXACT)
    period_label = forms.CharField(max_length=100, required=False)

    def statistic(self, claim):
        """An unsaved Statistic; the metric is found by name (any case) or created."""
        data = self.cleaned_data
        metric = Metric.objects.filter(name__iexact=data["metric"].strip()).first()
        if metric is None:
            metric = Metric.objects.create(name=data["metric"].strip(), unit=data["unit"])
        return Statistic(
            claim=claim,
            metric=metric,
            value=data["value"],
            unit=data["unit"],
            qualifier=data["qualifier"],
            period_label=data["period_label"],
        )


FigureFormSet = forms.formset_factory(FigureForm, extra=0, max_num=20, validate_max=True)


class NoteForm(forms.Form):
    body = forms.CharField(max_length=10_000)


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=Claim.Status.choices)


def roles_of(speaker_id):
    return SpeakerRole.objects.filter(speaker_id=speaker_id).select_related("organisation")

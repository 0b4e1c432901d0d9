"""Linking one claim to another: the target may be given by id, "#id" or the URL
of its page. Whether the link may be made (no self-link, no duplicate) is the
domain's to say (corpus.services.links)."""

import re

from django import forms

from claimtracker.corpus.models import Claim, Link

CLAIM_ID = re.compile(r"(?:^#?|/claims/)(\d+)/?\s*(?:—|$)")


def relation_choices():
    """Both wordings, so the direction is never in doubt: "updates (the other is updated by this one)"."""
    return [
        (value, f"{label} (the other claim is {Link.INVERSE[value]} this one)")
        for value, label in Link.Relation.choices
    ]


class LinkForm(forms.Form):
    target = forms.CharField(
        label="Other claim",
        max_length=500,
        help_text="Search by words, or give its number or the URL of its page.",
    )
    relation = forms.ChoiceField(label="This claim …", choices=relation_choices)
    note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=5000)

    def clean_target(self):
        raw = self.cleaned_data["target"].strip()
        match = CLAIM_ID.search(raw)
        claim = (
            Claim.objects.filter(pk=int(match.group(1))).first()
            if match and len(match.group(1)) < 19
            else None
        )
        if claim is None:
            raise forms.ValidationError(
                "Choose a claim from the list, or give its number or the URL of its page."
            )
        return claim

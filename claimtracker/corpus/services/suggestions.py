"""Claim suggestions accepted (a claim, with its kind, speaker, date and figures) or
dismissed (remembered, not suggested again; documents.reanchor_dismissals keeps them in
step with the text). The suggestion is found again on the server by its place: nothing
the browser sends but the place is trusted."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from ..models import Claim, DismissedSuggestion, Document, Metric
from ..suggesting import suggestions_for
from .claims import claim_create
from .editing import Selector
from .recording import attributed_to


class SuggestionGone(ValidationError):
    """No such suggestion any more: the text, the claims or the dismissals changed."""


def pending_suggestions(document):
    """The document's suggestions, less those over an existing claim and those dismissed."""
    claimed = list(document.claims.values_list("start", "end"))
    dismissed = set(document.dismissed_suggestions.values_list("start", "end"))
    return [
        item
        for item in suggestions_for(document)
        if (item.suggestion.start, item.suggestion.end) not in dismissed
        and not any(start < item.suggestion.end and item.suggestion.start < end for start, end in claimed)
    ]


def suggestion_at(document_id, start, end):
    document = Document.objects.get(pk=document_id)
    for item in pending_suggestions(document):
        if (item.suggestion.start, item.suggestion.end) == (start, end):
            return document, item
    raise SuggestionGone(
        "This suggestion is no longer offered: the text or its claims changed. Reload the page."
    )


def suggestion_accept(document_id, start, end, *, user=None):
    """The claim made from the suggestion at (start, end): its passage, kind, speaker, the
    document's date, and its figures where a metric was found for them."""
    document, item = suggestion_at(document_id, start, end)
    suggestion = item.suggestion
    selector = Selector(start, end, suggestion.quote)
    values = {
        "kind": suggestion.kind,
        "speaker": item.speaker_id,
        "said_on": document.delivered_on or document.published_on,
        "attribution": Claim.Attribution.DIRECT if suggestion.turn else Claim.Attribution.REPORTED,
    }
    metric = Metric.objects.filter(pk=item.metric_id).first()
    figures = [
        {
            "metric": metric,
            "value": figure.value,
            "unit": figure.unit or metric.unit,
            "qualifier": figure.qualifier,
            "period_label": figure.period_label,
        }
        for figure in suggestion.figures
        if metric
    ]
    claim, _ = claim_create(document.pk, selector=selector, values=values, figures=figures, user=user)
    return claim


def suggestion_dismiss(document_id, start, end, *, user=None):
    document, item = suggestion_at(document_id, start, end)
    try:
        with transaction.atomic(), attributed_to(user):
            return DismissedSuggestion.objects.create(
                document=document,
                start=start,
                end=end,
                quote=item.suggestion.quote,
                kind=item.suggestion.kind,
                dismissed_by=user,
            )
    except IntegrityError:  # dismissed by someone else a moment before
        return DismissedSuggestion.objects.get(document=document, start=start, end=end)

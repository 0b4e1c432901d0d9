"""A claim's figures, written in place (each keeps its id and every field no form
showed), and the shared metrics they report, got or created without races."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from ..models import Metric, Statistic

DEFAULTS = {
    "unit": "",
    "qualifier": Statistic.Qualifier.EXACT,
    "period_label": "",
    "period_start": None,
    "period_end": None,
    "geography": "",
}


def metric_get_or_create(name, unit=""):
    """The metric called `name` in any case, created if there is none.

    Two researchers naming the same new metric at once get the same row: the
    database's unique index decides, and the loser reads the winner's row."""
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"metric": "Name the metric."})
    found = Metric.objects.filter(name__iexact=name).first()
    if found:
        return found
    try:
        with transaction.atomic():
            return Metric.objects.create(name=name, unit=unit)
    except IntegrityError:
        return Metric.objects.get(name__iexact=name)


def apply_figure_edits(claim, edits):
    """Create, change or delete the claim's figures as `edits` (FigureEdit) say."""
    existing = {statistic.pk: statistic for statistic in claim.statistics.select_related("metric")}
    for edit in edits:
        if edit.delete:
            existing[edit.id].delete()
            continue
        statistic = existing[edit.id] if edit.id else Statistic(claim=claim, **DEFAULTS)
        for name, value in edit.values.items():
            if name == "metric":
                value = (
                    value
                    if isinstance(value, Metric)
                    else metric_get_or_create(value, edit.values.get("unit", ""))
                )
            setattr(statistic, name, value)
        statistic.full_clean(exclude=["claim"])
        statistic.save()

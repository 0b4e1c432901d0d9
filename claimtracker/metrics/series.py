"""A metric's series: its data points placed in time, grouped by unit, with
differing figures for the same period marked as conflicts."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from claimtracker.corpus.models import Statistic

CHART_POINTS = 400  # more than this are listed, not drawn: the chart would be unreadable


@dataclass
class Point:
    statistic: Statistic
    when: datetime.date | None
    conflicts_with: list = field(default_factory=list)  # other points: same period and unit, other value

    @property
    def claim(self):
        return self.statistic.claim


def when(statistic):
    """The middle of the reference period, else the date the claim was made."""
    start, end = statistic.period_start, statistic.period_end
    if start and end:
        return start + (end - start) / 2
    return start or end or statistic.claim.said_on


def points_of(metric, limit=CHART_POINTS):
    """The latest `limit` data points of `metric` (by reference period), oldest first, conflicts marked."""
    statistics = (
        Statistic.objects.filter(metric=metric)
        .select_related("claim__speaker", "claim__document__publisher")
        .defer("claim__document__text")
        .order_by("-period_start", "-pk")[:limit]
    )
    points = [Point(statistic, when(statistic)) for statistic in statistics]
    mark_conflicts(points)
    return sorted(
        points, key=lambda point: (point.when is None, point.when or datetime.date.min, point.statistic.pk)
    )


def mark_conflicts(points):
    by_period = defaultdict(list)
    for point in points:
        statistic = point.statistic
        if statistic.period_start or statistic.period_end:
            by_period[(statistic.period_start, statistic.period_end, statistic.unit)].append(point)
    for group in by_period.values():
        for point in group:
            point.conflicts_with = [
                other for other in group if other.statistic.value != point.statistic.value
            ]


def by_unit(points):
    """{unit: [dated points]}: a chart per unit, since yuan and dollars share no axis."""
    series = defaultdict(list)
    for point in points:
        if point.when is not None:
            series[point.statistic.unit].append(point)
    return dict(series)

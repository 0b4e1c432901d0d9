"""Metric pages: the list of metrics, one metric's chart and table, its CSV."""

import csv

from django.db.models import Count
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.text import slugify

from claimtracker.corpus import paging
from claimtracker.corpus.models import Metric, Statistic

from .chart import readable, svg
from .series import by_unit, points_of

TABLE_PAGE = 50
CSV_COLUMNS = [
    "claim",
    "claim_url",
    "period_label",
    "period_start",
    "period_end",
    "value",
    "unit",
    "qualifier",
    "geography",
    "speaker",
    "document",
    "publisher",
    "said_on",
]


def metric_list(request):
    metrics = Metric.objects.annotate(points=Count("statistics")).order_by("name")
    return render(request, "metrics/list.html", {"metrics": metrics[:500]})


def metric_detail(request, pk):
    metric = get_object_or_404(Metric, pk=pk)
    points = points_of(metric)
    total = Statistic.objects.filter(metric=metric).count()
    charts = [
        (unit, svg(series, unit, f"{metric.name} ({unit or 'value'}) over time: {len(series)} data points"))
        for unit, series in by_unit(points).items()
    ]
    raw = request.GET.get("page", "1")
    number = paging.page_number(raw) or 1
    table = points[(number - 1) * TABLE_PAGE : number * TABLE_PAGE]
    context = {
        "metric": metric,
        "charts": charts,
        "table": table,
        "total": total,
        "shown": len(points),
        "undated": [point for point in points if point.when is None],
        "conflicts": sum(1 for point in points if point.conflicts_with),
        "next_url": f"?page={number + 1}" if number * TABLE_PAGE < len(points) else None,
        "previous_url": f"?page={number - 1}" if number > 1 else None,
        "readable": readable,
    }
    return render(request, "metrics/detail.html", context)


class Echo:
    """A file-like object whose write returns the line, for csv.writer in a streamed response."""

    def write(self, value):
        return value


def metric_csv(request, pk):
    metric = get_object_or_404(Metric, pk=pk)
    writer = csv.writer(Echo())
    statistics = (
        Statistic.objects.filter(metric=metric)
        .select_related("claim__speaker", "claim__document__publisher")
        .defer("claim__document__text")
        .order_by("period_start", "pk")
    )

    def rows():
        yield writer.writerow(CSV_COLUMNS)
        for statistic in statistics.iterator(chunk_size=2000):
            yield writer.writerow(csv_row(request, statistic))

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slugify(metric.name) or "metric"}.csv"'
    return response


def csv_row(request, statistic):
    claim = statistic.claim
    document = claim.document
    return [
        claim.pk,
        request.build_absolute_uri(claim.get_absolute_url()),
        statistic.period_label,
        statistic.period_start or "",
        statistic.period_end or "",
        f"{statistic.value.normalize():f}",
        statistic.unit,
        statistic.qualifier,
        statistic.geography,
        claim.speaker.name if claim.speaker_id else "",
        document.title,
        document.publisher.name if document.publisher_id else "",
        claim.said_on or "",
    ]

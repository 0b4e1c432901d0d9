"""Metric pages: the chart, the table, conflicts and the CSV."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claimtracker.corpus.models import Claim, Metric
from tests.factories import ClaimFactory, DocumentFactory, MetricFactory, SpeakerFactory, StatisticFactory

pytestmark = pytest.mark.django_db


def point(
    metric, value, year, unit="people", quote="rose to 1.03 billion last year", speaker=None, text=None
):
    document = DocumentFactory(text=text or f"In {year}: rose to 1.03 billion last year ({value}, {unit}).")
    claim = ClaimFactory(document=document, quote_text=quote, **({"speaker": speaker} if speaker else {}))
    return StatisticFactory(
        claim=claim,
        metric=metric,
        value=value,
        unit=unit,
        period_start=datetime.date(year, 1, 1),
        period_end=datetime.date(year, 12, 31),
        period_label=str(year),
    )


def test_the_seed_series_of_internet_users_in_order_linked_and_labelled(client, seed):
    metric = Metric.objects.get(name="Internet users in China")
    html = client.get(metric.get_absolute_url()).content.decode()
    chart = html[html.index("<svg") : html.index("</svg>")]
    assert chart.count("<circle") == 3
    links = [
        Claim.objects.get(quote=q).get_absolute_url()
        for q in (
            "from 564 million in 2012",
            "Boasting 668 million Internet users",
            "The number of internet users rose to 1.03 billion last year",
        )
    ]
    assert [chart.index(f'href="{url}"') for url in links] == sorted(
        chart.index(f'href="{url}"') for url in links
    )
    assert "1.03 billion people, last year — Cyberspace Administration of China, “China vows" in chart
    assert "564,000,000" in html and 'role="group"' in chart


def test_differing_figures_for_the_same_period_are_marked(client):
    metric = MetricFactory()
    point(metric, 668_000_000, 2015)
    point(metric, 650_000_000, 2015)
    point(metric, 1_030_000_000, 2021)
    html = client.get(metric.get_absolute_url()).content.decode()
    assert html.count('class="conflict"') == 4  # two circles and two table rows
    assert "2 differ from another figure for the same period" in html


def test_units_are_charted_apart_and_undated_points_only_listed(client):
    metric = MetricFactory()
    point(metric, 8_000_000_000, 2022, unit="yuan")
    point(metric, 1_190_000_000, 2022, unit="US dollars")
    undated = point(metric, 5, 2020, unit="yuan")
    undated.period_start = undated.period_end = None
    undated.save()
    Claim.objects.filter(pk=undated.claim_id).update(said_on=None)
    html = client.get(metric.get_absolute_url()).content.decode()
    assert html.count("<svg") == 2
    assert "1 data point with no date or period is listed in the table but not drawn" in html


def test_hostile_labels_are_escaped_in_chart_and_table(client):
    metric = MetricFactory(name="<b>metric</b>")
    point(metric, 1, 2020, speaker=SpeakerFactory(name="<script>alert(1)</script>"))
    html = client.get(metric.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html and "<b>metric</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_csv_has_the_whole_series(client, seed):
    metric = Metric.objects.get(name="Internet users in China")
    response = client.get(f"/metrics/{metric.pk}/series.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="internet-users-in-china.csv"' in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [(row["value"], row["period_start"]) for row in rows] == [
        ("564000000", "2012-01-01"),
        ("668000000", "2015-01-01"),
        ("1030000000", "2021-01-01"),
    ]
    assert rows[0]["speaker"] == "Cyberspace Administration of China"
    assert rows[0]["claim_url"].startswith("http://testserver/claims/")


def test_the_page_costs_the_same_queries_for_few_or_many_points(client):
    counts = []
    for size in (1, 25):
        metric = MetricFactory()
        for index in range(size):
            point(metric, 100 * size + index, 2000 + index)
        with CaptureQueriesContext(connection) as queries:
            client.get(metric.get_absolute_url())
        counts.append(len(queries))
    assert counts[0] == counts[1]

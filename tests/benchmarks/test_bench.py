"""`manage.py bench`: a row of figures for every page, and the statistics behind them."""

import io
import json
import re

import pytest
from django.core.management import call_command

from claimtracker.benchmarks.harness import median, p95
from claimtracker.benchmarks.pages import PAGES


def test_p95_is_the_nearest_rank_percentile():
    assert p95(list(range(1, 21))) == 19
    assert p95(list(range(100, 0, -1))) == 95
    assert p95([7.5]) == 7.5


def test_median_is_the_middle_value_or_the_mean_of_the_two_middle_ones():
    assert median([3, 1, 2]) == 2
    assert median([4, 1, 3, 2]) == 2.5


@pytest.mark.django_db
def test_it_prints_figures_for_every_page_on_a_small_generated_corpus():
    output = io.StringIO()
    call_command("bench", claims=200, repeat=2, stdout=output, stderr=io.StringIO())
    rows = [line for line in output.getvalue().splitlines()[3:] if line.startswith("| ")]
    assert len(rows) == len(PAGES)
    number = r"\s*\d+(\.\d+)?\s*"
    for row in rows:
        cells = row.strip("|").split("|")[1:]
        assert len(cells) == 7
        assert all(re.fullmatch(number, cell) for cell in cells), row


@pytest.mark.django_db
def test_json_output_has_the_same_figures_for_the_pages_asked_for():
    output = io.StringIO()
    call_command(
        "bench", claims=200, repeat=2, pages=["admin-claims"], json=True, stdout=output, stderr=io.StringIO()
    )
    result = json.loads(output.getvalue())
    (page,) = result["pages"]
    assert page["page"] == "admin-claims"
    assert page["queries"] > 0
    assert len(page["times_ms"]) == len(page["sql_ms"]) == 2
    assert page["sql_median_ms"] <= page["median_ms"]


@pytest.mark.django_db
def test_cold_views_start_with_the_applications_caches_cleared():
    from django.core.cache import cache

    cache.set("stale", "value")
    call_command(
        "bench", claims=200, repeat=1, pages=["claims"], json=True, stdout=io.StringIO(), stderr=io.StringIO()
    )
    assert cache.get("stale") is None


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_reader_is_timed_until_its_highlights_are_painted(browser):
    from claimtracker.benchmarks.painting import measure_painting

    call_command(
        "generate_corpus", claims=300, seed=3, verbosity=0, stdout=io.StringIO(), stderr=io.StringIO()
    )
    painting = measure_painting(PAGES["reader"].url(), 2, browser=browser).as_dict()
    assert painting["url"].startswith("/documents/")
    assert len(painting["painted_ms"]) == 2
    assert 0 < painting["response_end_median_ms"] <= painting["painted_median_ms"]


@pytest.mark.django_db
def test_painted_figures_reach_the_json_output(monkeypatch):
    from claimtracker.benchmarks.management.commands import bench
    from claimtracker.benchmarks.painting import Painting

    monkeypatch.setattr(
        bench, "measure_painting", lambda url, repeat: Painting(url, 90.0, [80.0, 85.0], [20.0, 21.0])
    )
    output = io.StringIO()
    call_command(
        "bench",
        claims=200,
        repeat=2,
        pages=["reader"],
        painted=True,
        json=True,
        stdout=output,
        stderr=io.StringIO(),
    )
    painting = json.loads(output.getvalue())["painting"]
    assert (painting["cold_ms"], painting["painted_median_ms"]) == (90.0, 82.5)


@pytest.mark.django_db
def test_exports_are_timed_with_their_peak_memory():
    output = io.StringIO()
    call_command(
        "bench",
        claims=300,
        repeat=1,
        pages=["claims"],
        exports=200,
        export_formats=["bibtex", "csv"],
        json=True,
        stdout=output,
        stderr=io.StringIO(),
    )
    runs = {run["format"]: run for run in json.loads(output.getvalue())["exports"]}
    assert set(runs) == {"bibtex", "csv"}
    for run in runs.values():
        # The newest 200 claims by the list's date filter, and the rest of their last day.
        assert 200 <= run["claims"] < 300 and run["claims_per_second"] > 0 and run["megabytes"] > 0
        assert run["peak_small_mb"] > 0 and run["peak_mb"] > 0


@pytest.mark.django_db
def test_imports_are_timed_with_the_suggestions_per_10_kb():
    output = io.StringIO()
    call_command(
        "bench",
        claims=100,
        repeat=1,
        pages=["claims"],
        imports=12,
        json=True,
        stdout=output,
        stderr=io.StringIO(),
    )
    run = json.loads(output.getvalue())["imports"]
    assert (run["documents"], run["imported"], run["duplicates"], run["failed"]) == (12, 12, 0, 0)
    assert run["documents_per_second"] > 0 and run["suggestion_ms_per_10kb"] > 0 and run["text_kb"] > 10

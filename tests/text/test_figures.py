"""Figures parsed from a selection, to pre-fill a statistic claim."""

import json
from decimal import Decimal
from pathlib import Path

import pytest

from claimtracker.text.figures import guess_kind, parse_figures

SEED = Path(__file__).resolve().parents[2] / "fixtures" / "seed.json"


def parsed(text):
    return [
        (figure.value, figure.unit, figure.qualifier, figure.period_label) for figure in parse_figures(text)
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1.03 billion", [(Decimal(1_030_000_000), "", "exact", "")]),
        ("564 million in 2012", [(Decimal(564_000_000), "", "exact", "2012")]),
        ("73 percent", [(Decimal(73), "percent", "exact", "")]),
        ("42.1%", [(Decimal("42.1"), "percent", "exact", "")]),
        ("more than 100 laws and rules", [(Decimal(100), "", "more_than", "")]),
        ("At least 197 people", [(Decimal(197), "", "at_least", "")]),
        ("About 24,000 pornographic websites", [(Decimal(24_000), "", "about", "")]),
        ("up to 5 years", [(Decimal(5), "", "up_to", "")]),
        ("less than 3 percent", [(Decimal(3), "percent", "less_than", "")]),
        (
            "the fine of over 8 billion yuan ($1.19 billion)",
            [
                (Decimal(8_000_000_000), "yuan", "more_than", ""),
                (Decimal(1_190_000_000), "US dollars", "exact", ""),
            ],
        ),
        (
            "could exceed 18 trillion yuan (2.8 trillion U.S. dollars) for 2015",
            [
                (Decimal(18 * 10**12), "yuan", "more_than", ""),
                (Decimal("2.8") * 10**12, "US dollars", "exact", "2015"),
            ],
        ),
        ("with 1.85 million 5G base stations", [(Decimal(1_850_000), "", "exact", "")]),
        ("中国互联网用户达到10.3亿", [(Decimal(1_030_000_000), "", "exact", "")]),
        ("the world's largest 4G network since 1994", []),
    ],
)
def test_figures_are_read_with_scale_unit_qualifier_and_period(text, expected):
    assert parsed(text) == expected


def test_the_kind_is_guessed_from_the_selection():
    assert guess_kind("rose to 1.03 billion") == "statistic"
    assert guess_kind("Are there any plans for further tightening?") == "question"
    assert guess_kind("It is not about the timing.") == "assertion"


def test_every_figure_of_the_seed_corpus_is_found_in_its_quote():
    records = json.loads(SEED.read_text(encoding="utf-8"))
    quotes = {r["pk"]: r["fields"]["quote"] for r in records if r["model"] == "corpus.claim"}
    statistics = [r["fields"] for r in records if r["model"] == "corpus.statistic"]
    assert statistics
    for statistic in statistics:
        values = [figure.value for figure in parse_figures(quotes[statistic["claim"]])]
        assert Decimal(statistic["value"]) in values, quotes[statistic["claim"]]

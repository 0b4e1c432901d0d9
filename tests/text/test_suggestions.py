"""Claim suggestions from text alone: sentences, figures that are figures, and who speaks."""

from decimal import Decimal

import pytest

from claimtracker.text.figures import parse_figures
from claimtracker.text.suggestions import Person, sentences, statistic_figures, suggest
from claimtracker.text.turns import speaker_turns
from tests.importing import inputs

NIU = Person(1, "Niu Yibing", (), "Niu")
CAC = Person(2, "Cyberspace Administration of China", ("CAC",), "", institution=True)
SUN = Person(3, "Sun Weimin", ("Sun Wei-min",), "Sun")


def quotes(text):
    return [text[start:end] for start, end in sentences(text)]


def test_sentences_end_at_full_stops_and_line_breaks_but_not_after_mr_or_inside_chinese_quotes():
    text = "Mr. Niu spoke. Users rose to 1.03 billion.\n\n“我们将继续加强个人信息保护。”王晨说。网民规模达10.32亿。"
    assert quotes(text) == [
        "Mr. Niu spoke.",
        "Users rose to 1.03 billion.",
        "“我们将继续加强个人信息保护。”王晨说。",
        "网民规模达10.32亿。",
    ]


@pytest.mark.parametrize(
    "sentence, values",
    [
        ("Users reached 384 million.", [Decimal(384_000_000)]),  # a full stop after the scale
        ("UPDATED: June 9, 2010", []),
        ("date 2022-08-20 CCTV News: On August 19, the department met.", []),
        ('"Version 2.0" of China\'s Internet governance', []),
        ("[Source: Xinhua, Wuzhen, Zhejiang, 15Dec15]", []),
        ("In the past 10 years, China has seen rapid growth.", []),
        ("About 24,000 websites were shut down and 596 cases prosecuted.", [Decimal(24000), Decimal(596)]),
        ("普及率达百分之七十三点五", [Decimal("73.5")]),
    ],
)
def test_only_figures_stated_count_not_dates_versions_codes_or_durations(sentence, values):
    assert [figure.value for figure in statistic_figures(sentence)] == values


def test_chinese_percentages_in_chinese_numerals_are_figures():
    assert [(f.value, f.unit) for f in parse_figures("百分之七十三，百分之十，百分之一百")] == [
        (Decimal(73), "percent"),
        (Decimal(10), "percent"),
        (Decimal(100), "percent"),
    ]


def test_who_speaks_apposition_family_name_pronouns_and_descriptions():
    text = (
        "Niu Yibing, spokesman of the Cyberspace Administration of China, said users rose to 1.03 billion.\n"
        "The rate reached 73 percent, Niu said.\n"
        "Sun Weimin met reporters. Fines reached 8 billion yuan, she added.\n"
        "Some 1.85 million base stations were built, the administration said.\n"
        "Boasting 668 million users, China leads.\n"
    )
    found = [(s.kind, s.speaker.name if s.speaker else None) for s in suggest(text, [NIU, CAC, SUN])]
    assert found == [
        ("statistic", "Niu Yibing"),
        ("statistic", "Niu Yibing"),
        ("statistic", "Sun Weimin"),
        ("statistic", "Cyberspace Administration of China"),
        ("statistic", None),  # no one is named: the outlet reports it
    ]


def test_a_transcripts_turns_give_the_speaker_and_questions_commitments_and_denials_their_kind():
    people = [Person(1, "Miao Wei", (), "Miao"), Person(2, "Reuters", ("Reuters reporter",), "", True)]

    def named(heads):
        return {head: (p.id, p.name) for p in people for head in heads if head in p.names()}

    text = inputs.TRANSCRIPT
    found = [(s.kind, s.speaker.name, s.quote) for s in suggest(text, people, speaker_turns(text, named))]
    assert found == [
        (
            "statistic",
            "Miao Wei",
            "Last year China's mobile internet users reached 1.03 billion, and 73 percent of them used 5G phones.",
        ),
        ("question", "Reuters", "Will the ministry limit foreign cloud providers?"),
        ("denial", "Miao Wei", "We will not restrict foreign companies."),
        ("commitment", "Miao Wei", "We will continue to open the telecommunications market."),
    ]


def test_chinese_attributions_name_the_speaker():
    wang = Person(5, "王晨", (), "王")
    text = "\n\n".join(inputs.CHINESE_PARAGRAPHS)
    found = [(s.kind, s.speaker.name if s.speaker else s.speaker_name) for s in suggest(text, [wang])]
    assert found == [("statistic", ""), ("assertion", "国家互联网信息办公室"), ("commitment", "王晨")]

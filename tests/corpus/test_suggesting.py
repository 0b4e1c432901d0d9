"""Claim suggestions measured against the seed's own claims, and on a text they were not
tuned on; `manage.py suggest_claims` prints them as JSON lines."""

import datetime
import io
import json

import pytest
from django.core.management import CommandError, call_command

from claimtracker.corpus.models import Claim, Document
from claimtracker.corpus.services.importing import document_import
from claimtracker.corpus.suggesting import period_of, said_on, suggestions_for
from tests.factories import MetricFactory, OrganisationFactory, SpeakerFactory
from tests.importing import inputs

pytestmark = pytest.mark.django_db


def overlaps(suggestion, claim):
    return suggestion.start < claim.end and claim.start < suggestion.end


def found_right(claim, suggested):
    """A statistic suggestion over the claim with all its figures and its speaker."""
    values = {statistic.value for statistic in claim.statistics.all()}
    return any(
        item.suggestion.kind == "statistic"
        and overlaps(item.suggestion, claim)
        and values <= {figure.value for figure in item.suggestion.figures}
        and item.speaker_id == claim.speaker_id
        for item in suggested
    )


def test_the_seed_statistics_are_found_with_their_figures_and_speaker_and_few_false_suggestions(seed):
    found, statistics, false, words = 0, 0, 0, 0
    for document in Document.objects.all():
        suggested, claims = suggestions_for(document), list(document.claims.all())
        words += len(document.text.split())
        false += sum(1 for item in suggested if not any(overlaps(item.suggestion, claim) for claim in claims))
        for claim in claims:
            if claim.kind == Claim.Kind.STATISTIC:
                statistics += 1
                found += found_right(claim, suggested)
    # Measured on 3 December 2026: 10 of 11 statistics (the fine Sun Weimin is asked about is
    # the outlet's, not hers), 4 false suggestions in 3,111 words (1.3 per 1,000).
    assert statistics == 11
    assert found / statistics >= 0.9
    assert false * 1000 / words <= 3


@pytest.fixture
def news_report():
    """The news report of the issue, a text the suggestions were not tuned on."""
    niu = SpeakerFactory(name="Niu Yibing", family_name="Niu", given_name="Yibing", name_order="family_first")
    ministry = SpeakerFactory(
        name="Ministry of Industry and Information Technology",
        kind="institution",
        family_name="",
        given_name="",
    )
    text = "\n\n".join(inputs.NEWS_PARAGRAPHS) + "\n"
    document = document_import(Document(title="Internet users", kind="news_report", text=text))
    return document, niu, ministry


def test_a_news_report_gives_its_statistics_speakers_and_metric(news_report):
    document, niu, ministry = news_report
    users = MetricFactory(name="Internet users in China", unit="people")
    suggested = [item for item in suggestions_for(document) if item.suggestion.kind == "statistic"]
    assert [
        (
            [format(figure.value.normalize(), "f") for figure in item.suggestion.figures],
            item.speaker_id,
            item.metric_id,
        )
        for item in suggested
    ] == [
        (["1030000000", "564000000"], niu.pk, users.pk),
        (["73", "8000000000", "1190000000"], niu.pk, None),
        (["24000"], ministry.pk, None),
    ]


def test_a_white_papers_statements_are_its_issuers(db):
    government = OrganisationFactory(name="Government of the People's Republic of China")
    voice = SpeakerFactory(
        name="Chinese government", kind="institution", organisation=government, family_name="", given_name=""
    )
    text = "By the end of 2009, the number of Chinese netizens had reached 384 million.\n"
    document = document_import(
        Document(title="White paper", kind="white_paper", issuer=government, text=text)
    )
    [item] = suggestions_for(document)
    assert (item.suggestion.kind, item.speaker_id, [f.value for f in item.suggestion.figures]) == (
        "statistic",
        voice.pk,
        [384_000_000],
    )


def test_suggest_claims_prints_json_lines(news_report):
    document, niu, ministry = news_report
    out = io.StringIO()
    call_command("suggest_claims", str(document.pk), stdout=out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert lines[0] == {
        "document": document.pk,
        "start": 0,
        "end": len(inputs.NEWS_PARAGRAPHS[0]),
        "quote": inputs.NEWS_PARAGRAPHS[0],
        "kind": "statistic",
        "figures": [
            # "last year" stays words: the document has no date to count from.
            {"value": "1030000000", "unit": "", "qualifier": "exact", "period": "last year"},
            {"value": "564000000", "unit": "", "qualifier": "exact", "period": "2012"},
        ],
        "speaker": niu.pk,
        "metric": None,
        "cue": "Niu Yibing, spokesman of the Cyberspace Administration of China, told",
    }
    assert [line["kind"] for line in lines] == ["statistic", "statistic", "statistic", "denial"]
    with pytest.raises(CommandError, match="No document with id 999999"):
        call_command("suggest_claims", "999999", stdout=io.StringIO())


@pytest.mark.parametrize(
    "sentence, published, said",
    [
        ("Niu told a news conference on Friday.", datetime.date(2022, 2, 26), datetime.date(2022, 2, 25)),
        ("Niu told a news conference on Friday.", datetime.date(2022, 2, 25), datetime.date(2022, 2, 25)),
        ("Niu said on Monday.", datetime.date(2022, 2, 26), datetime.date(2022, 2, 21)),
        ("Niu said.", datetime.date(2022, 2, 26), datetime.date(2022, 2, 26)),
        ("Niu said on Friday.", None, None),
    ],
)
def test_the_date_said_is_the_weekday_named_up_to_the_documents_date(sentence, published, said):
    assert said_on(sentence, published) == said


def test_last_year_is_a_year_against_the_documents_date():
    assert [period_of(label, 2022) for label in ("last year", "this year", "2012", "")] == [
        "2021",
        "2022",
        "2012",
        "",
    ]
    assert period_of("last year", None) == "last year"

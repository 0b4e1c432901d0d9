"""A statistic from an imported news report in three steps: select, check, Save."""

import datetime

import pytest

from claimtracker.corpus.models import Claim, Document
from claimtracker.corpus.services.importing import document_import
from tests.browser.test_reader_browser import open_reader, select_with_mouse
from tests.factories import MetricFactory, SpeakerFactory
from tests.importing import inputs

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_select_the_sentence_and_save_a_complete_statistic(signed_in, live_server):
    niu = SpeakerFactory(name="Niu Yibing", family_name="Niu", given_name="Yibing", name_order="family_first")
    users = MetricFactory(name="Internet users in China", unit="people")
    text = "\n\n".join(inputs.NEWS_PARAGRAPHS) + "\n"
    # Published on Saturday 26 February 2022: "on Friday" is the 25th.
    document = document_import(
        Document(
            title="Users top 1 billion",
            kind="news_report",
            text=text,
            published_on=datetime.date(2022, 2, 26),
        )
    )
    page = signed_in
    open_reader(page, live_server, document)
    sentence = "The number of internet users in China rose to 1.03 billion last year from 564 million in 2012"
    select_with_mouse(page, sentence)  # 1: select
    form = page.locator("form.claim-form")
    form.locator(".figure-row").nth(1).wait_for()
    form.get_by_role("button", name="Save claim").click()  # 2: Save (3 would be a correction)
    page.get_by_text("Claim saved and highlighted.").wait_for(state="attached")

    claim = Claim.objects.get()
    assert (claim.quote, claim.kind, claim.speaker, claim.said_on) == (
        sentence,
        "statistic",
        niu,
        datetime.date(2022, 2, 25),
    )
    assert [(s.metric, s.value, s.unit, s.period_label) for s in claim.statistics.order_by("value")] == [
        (users, 564_000_000, "people", "2012"),
        (users, 1_030_000_000, "people", "2021"),
    ]

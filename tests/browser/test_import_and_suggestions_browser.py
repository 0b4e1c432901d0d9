"""A transcript pasted in, two of its suggestions accepted, both then claims in the reader."""

import pytest

from claimtracker.corpus.models import Claim, Document
from tests.factories import SpeakerFactory
from tests.importing import inputs

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def highlighted_claims(page):
    page.wait_for_selector("#reader-text[data-painted=true]")
    return page.evaluate(
        """() => [...new Set(Array.from(document.querySelectorAll("#reader-text [data-claims]"))
            .flatMap((node) => node.dataset.claims.split(" ")))].map(Number).sort((a, b) => a - b)"""
    )


def test_paste_a_transcript_accept_two_suggestions_and_see_them_as_claims(signed_in, live_server):
    SpeakerFactory(name="Miao Wei", family_name="Miao", given_name="Wei", name_order="family_first")
    page = signed_in
    page.goto(f"{live_server.url}/documents/new/")
    page.get_by_label("Paste the text").fill(inputs.TRANSCRIPT)
    page.get_by_role("button", name="Read").click()
    page.get_by_label("Kind").select_option("transcript")
    page.get_by_role("button", name="Save the document").click()
    page.get_by_text("Select a passage to record a claim.").wait_for()
    document = Document.objects.get()

    page.get_by_role("link", name="Suggest claims in this text").click()
    page.get_by_role("heading", name="4 suggested claims").wait_for()
    page.get_by_role("button", name="Accept as a claim").first.click()
    page.get_by_role("heading", name="3 suggested claims").wait_for()
    page.get_by_role("button", name="Accept as a claim").first.click()
    page.get_by_role("heading", name="2 suggested claims").wait_for()

    claims = list(Claim.objects.filter(document=document).order_by("start"))
    # The reporter's turn named no recorded speaker: the import offered it as a new one
    # (ticked), so the question is the reporter's.
    assert [(claim.kind, claim.speaker.name) for claim in claims] == [
        ("statistic", "Miao Wei"),
        ("question", "Reuters reporter"),
    ]
    assert highlighted_claims(page) == [claim.pk for claim in claims]
    page.get_by_role("link", name="Hide the suggestions").click()
    assert page.get_by_role("heading", name="2 claims in this document").is_visible()

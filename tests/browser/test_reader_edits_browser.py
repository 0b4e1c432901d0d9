"""Editing a claim in the reader, in headless Chromium: only what the user changed
is saved, and a change someone made meanwhile is shown, not overwritten."""

import pytest

from claimtracker.corpus.models import Claim, Document
from claimtracker.corpus.services import claims as claim_services
from claimtracker.corpus.services.editing import ClaimEdit
from tests.browser.test_reader_browser import open_reader
from tests.reader.test_claim_edits import figures_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def open_edit_form(page, live_server, claim):
    open_reader(page, live_server, claim.document)
    page.locator(f'#reader-text [data-claims~="{claim.pk}"]').first.click()
    page.locator(f'.card[data-claim="{claim.pk}"] button.edit').click()
    form = page.locator("form.claim-form")
    form.wait_for()
    return form


def test_editing_only_the_summary_leaves_every_figure_as_it_was(signed_in, live_server, seed):
    claim = Claim.objects.get(pk=28)  # "from 564 million in 2012": period 2012, geography China
    before = figures_of(claim)
    form = open_edit_form(signed_in, live_server, claim)
    form.locator("textarea[name=summary]").fill("China had 564 million internet users in 2012 (CNNIC).")
    form.get_by_role("button", name="Save changes").click()
    signed_in.locator("#reader-status").filter(has_text="Claim saved.").wait_for()

    claim.refresh_from_db()
    assert claim.summary == "China had 564 million internet users in 2012 (CNNIC)."
    assert figures_of(claim) == before


def test_a_change_made_meanwhile_is_shown_and_applied_only_on_request(signed_in, live_server, seed):
    claim = Claim.objects.get(pk=28)
    form = open_edit_form(signed_in, live_server, claim)
    # Meanwhile a colleague edits the summary and the kind.
    claim_services.claim_update(
        claim.pk,
        ClaimEdit(version=claim.version, values={"summary": "Colleague's summary.", "kind": "assertion"}),
    )
    form.locator("textarea[name=summary]").fill("My summary.")
    form.get_by_role("button", name="Save changes").click()

    conflict = signed_in.locator("form.claim-form .conflict")
    conflict.wait_for()
    assert "Colleague's summary." in conflict.locator(".theirs").inner_text()
    assert "My summary." in conflict.locator(".yours").inner_text()
    assert form.locator("textarea[name=summary]").input_value() == "My summary."  # the input is kept
    claim.refresh_from_db()
    assert claim.summary == "Colleague's summary."

    conflict.get_by_role("button", name="Apply my changes").click()
    signed_in.locator("#reader-status").filter(has_text="Claim saved.").wait_for()
    claim.refresh_from_db()
    assert (claim.summary, claim.kind) == ("My summary.", "assertion")  # mine applied, theirs kept
    assert Document.objects.get(pk=claim.document_id).text[claim.start : claim.end] == claim.quote

"""Linking two seed claims through the claim page, with search as you type, in Chromium."""

import pytest

from claimtracker.corpus.models import Claim, Link

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_link_two_seed_claims_and_see_the_link_on_both(signed_in, live_server, seed):
    page = signed_in
    source = Claim.objects.get(quote__startswith="China abides by the general obligations")
    target = Claim.objects.get(quote__startswith="China's determination of opening up")
    page.goto(f"{live_server.url}{source.get_absolute_url()}")
    field = page.get_by_label("Other claim")
    field.press_sequentially("determination opening", delay=30)
    option = page.locator("#link-target-options option").first
    option.wait_for(state="attached")
    label = option.get_attribute("value")
    assert label.startswith(f"#{target.pk} — Sun Weimin")
    field.fill(label)  # what choosing the suggestion puts in the field
    page.get_by_label("This claim …").select_option("supports")
    page.get_by_label("Note", exact=True).fill("Opening up, restated twelve years later.")
    page.get_by_role("button", name="Add the link").click()
    page.get_by_text("Linked: this claim supports").wait_for()

    assert Link.objects.filter(source=source, target=target, relation="supports").exists()
    links = page.locator("#links-heading + ul")
    assert "supports" in links.inner_text() and "Sun Weimin" in links.inner_text()
    page.goto(f"{live_server.url}{target.get_absolute_url()}")
    assert "supported by" in page.locator("#links-heading + ul").inner_text()

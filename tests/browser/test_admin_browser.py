"""In a real headless Chromium: a researcher signs into the admin and opens a seed document."""

import pytest

from claimtracker.corpus.models import Document

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_researcher_signs_in_and_opens_a_seed_document(page, live_server, seed, superuser):
    document = Document.objects.get(title__startswith="SCIO briefing")

    page.goto(f"{live_server.url}/admin/")
    page.get_by_label("Username").fill("admin")
    page.get_by_label("Password").fill("pw-for-tests")
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="Documents").first.click()
    page.get_by_role("link", name=document.title).click()

    assert page.locator("#id_title").input_value() == document.title
    assert page.locator("#id_text").input_value() == document.text
    assert page.get_by_role("link", name="Add a claim to this document").is_visible()

    page.goto(f"{live_server.url}{document.get_absolute_url()}")
    page.wait_for_selector("#reader-text[data-painted=true]")
    assert page.evaluate("document.getElementById('reader-text').textContent") == document.text
    assert page.locator(".claim-row").count() == document.claims.count() > 0

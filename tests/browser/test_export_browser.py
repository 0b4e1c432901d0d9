"""Citing and exporting in Chromium: copy a citation from a claim page; download a filtered list."""

import json

import pytest
import rispy

from claimtracker.corpus.models import Claim

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_copy_a_citation_from_a_claim_page(browser, live_server, seed):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    claim = Claim.objects.get(quote__startswith="The relevant regulations will not affect")
    page.goto(f"{live_server.url}{claim.get_absolute_url()}")
    box = page.locator("#citation-text")
    box.wait_for()  # APA is shown at once
    page.get_by_label("Format").select_option("chicago-note")
    # A locator's wait, not wait_for_function: the site's CSP forbids the eval that the latter needs.
    page.locator("#citation-text", has_text="Note:").wait_for()
    page.get_by_role("button", name="Copy").click()
    page.get_by_text("Copied.").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("Note: “SCIO Briefing on China’s Industrial and Communications Development,”")
    assert f"/claims/{claim.pk}/" in copied and claim.quote in copied
    context.close()


def test_download_an_export_of_a_filtered_list(page, live_server, seed, tmp_path):
    page.goto(f"{live_server.url}/claims/?kind=question")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="RIS").click()
    download = download_info.value
    assert download.suggested_filename == "claims.ris"
    path = tmp_path / "claims.ris"
    download.save_as(path)
    entries = rispy.loads(path.read_text(encoding="utf-8"))
    questions = Claim.objects.filter(kind="question")
    documents = sorted({f"doc{pk}" for pk in questions.values_list("document_id", flat=True)})
    assert sorted(entry["id"] for entry in entries) == documents  # one reference per document
    claim_notes = [note for entry in entries for note in entry["notes"] if "— claim: " in note]
    assert len(claim_notes) == questions.count() == 5
    with page.expect_download() as download_info:
        page.get_by_role("link", name="CSL-JSON").click()
    download_info.value.save_as(tmp_path / "claims.json")
    items = json.loads((tmp_path / "claims.json").read_text(encoding="utf-8"))
    assert sorted(item["id"] for item in items) == documents

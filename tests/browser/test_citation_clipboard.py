"""Copying a citation in Chromium: for the formatted styles (APA, Chicago, MLA) the clipboard
gets rich text (text/html, the titles in <i>) and the plain text shown; for the other
formats (BibTeX…) the plain text alone. Compared with what the server answers."""

import pytest

from claimtracker.corpus.models import Claim
from claimtracker.exports.styles import STYLE_FILES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Every item on the clipboard as {type: text}. Chromium's read() (sanitized) gives back the
# HTML fragment as it was written; headless Chromium keeps its own clipboard, per browser.
READ_CLIPBOARD = """async () => {
  const read = [];
  for (const item of await navigator.clipboard.read()) {
    const types = {};
    for (const type of item.types) types[type] = await (await item.getType(type)).text();
    read.push(types);
  }
  return read;
}"""


@pytest.fixture
def clipboard_page(browser, live_server):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def claim(seed):
    return Claim.objects.get(
        document__title="“Version 2.0” of China's Internet governance",
        quote="the Internet is not beyond law",
    )


def served(client, claim, name, html=False):
    """What the citation view answers for the claim, to an anonymous reader as in the browser."""
    response = client.get(f"/claims/{claim.pk}/cite/", {"format": name, **({"html": "1"} if html else {})})
    assert response.status_code == 200
    return response["Content-Type"], response.content.decode("utf-8")


def copy_citation(page, live_server, claim, name, shown):
    """Show the claim's citation in the format `name`, copy it; the clipboard's items, and the
    formats whose rich text (?html=1) the page asked for."""
    rich_asked = []
    page.on("request", lambda request: "html=1" in request.url and rich_asked.append(request.url))
    page.goto(f"{live_server.url}{claim.get_absolute_url()}")
    page.locator("#citation-text").wait_for()  # APA is shown at once
    page.evaluate("navigator.clipboard.writeText('')")  # nothing left by an earlier test
    page.get_by_label("Format").select_option(name)
    # A locator's wait, not wait_for_function: the site's CSP forbids the eval that the latter needs.
    page.locator("#citation-text", has_text=shown).wait_for()
    page.get_by_role("button", name="Copy").click()
    page.get_by_text("Copied.").wait_for()
    return page.evaluate(READ_CLIPBOARD), rich_asked


@pytest.mark.parametrize(
    ("name", "shown", "italics"),
    [
        ("mla", "Equipo Nizkor, 16 Dec. 2015.", "<i>Equipo Nizkor</i>, 16 Dec. 2015.</p>"),
        ("apa", "(2015, December 16).", "governance. <i>Equipo Nizkor</i>.</p>"),
    ],
    ids=["mla", "apa"],
)
def test_a_formatted_style_is_copied_as_rich_text_and_plain_text(
    clipboard_page, live_server, client, claim, name, shown, italics
):
    html_type, html = served(client, claim, name, html=True)
    plain_type, plain = served(client, claim, name)
    assert html_type.startswith("text/html") and plain_type.startswith("text/plain")
    assert italics in html and "<ul><li>Lu Wei" in html and "<i>" not in plain

    (item,), rich_asked = copy_citation(clipboard_page, live_server, claim, name, shown)

    assert rich_asked == [f"{live_server.url}/claims/{claim.pk}/cite/?format={name}&html=1"]
    assert sorted(item) == ["text/html", "text/plain"]
    assert item["text/html"] == html
    assert italics in item["text/html"]
    assert item["text/plain"] == plain
    # The box still shows plain text, never the markup.
    box = clipboard_page.locator("#citation-text")
    assert box.text_content() == plain
    assert box.locator("i, ul").count() == 0


def test_bibtex_is_copied_as_plain_text_only(clipboard_page, live_server, client, claim):
    content_type, bibtex = served(client, claim, "bibtex")
    assert content_type.startswith("application/x-bibtex") and bibtex.startswith("@article{")

    clipboard, rich_asked = copy_citation(clipboard_page, live_server, claim, "bibtex", "@article{")

    assert clipboard == [{"text/plain": bibtex}]
    assert rich_asked == []  # not even asked for


def test_without_clipboard_item_a_style_is_copied_as_plain_text(clipboard_page, live_server, client, claim):
    """A browser without ClipboardItem (simulated by removing it before the page's scripts run)."""
    _, plain = served(client, claim, "mla")
    clipboard_page.add_init_script("delete window.ClipboardItem;")

    clipboard, rich_asked = copy_citation(clipboard_page, live_server, claim, "mla", "Equipo Nizkor, 16")

    assert clipboard == [{"text/plain": plain}]
    assert rich_asked == []


def test_the_page_names_the_formats_with_rich_text(clipboard_page, live_server, claim):
    clipboard_page.goto(f"{live_server.url}{claim.get_absolute_url()}")
    rich = clipboard_page.locator(".citation-box").get_attribute("data-rich-formats")
    assert rich.split() == list(STYLE_FILES)

"""The reader in a real headless Chromium: select to claim, overlaps, the keyboard,
astral and Chinese text, hostile text, forged selectors."""

import pytest

from claimtracker.corpus.models import Claim, Document
from tests.factories import ClaimFactory, DocumentFactory, SpeakerFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Drag the real mouse from the left edge of the quote's first character to the
# right edge of its last (of its `n`-th occurrence in the reader's text).
CHARACTER_EDGES = """([quote, n]) => {
  const box = document.getElementById("reader-text");
  let at = -1;
  for (let i = 0; i <= n; i++) at = box.textContent.indexOf(quote, at + 1);
  const locate = (offset, isEnd) => {
    const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (offset < node.data.length || (isEnd && offset === node.data.length)) return [node, offset];
      offset -= node.data.length;
    }
  };
  const rect = (from, to) => {
    const range = document.createRange();
    range.setStart(...locate(from, false)); range.setEnd(...locate(to, true));
    return range.getClientRects()[0];
  };
  locate(at, false)[0].parentElement.scrollIntoView({block: "center"});
  const last = quote.length - (/[\\uDC00-\\uDFFF]/.test(quote.slice(-1)) ? 2 : 1);
  const first = rect(at, at + 1), end = rect(at + last, at + quote.length);
  return {
    x1: first.left + 1, y1: first.top + first.height / 2, x2: end.right - 1, y2: end.top + end.height / 2,
  };
}"""


def select_with_mouse(page, quote, occurrence=0):
    edges = page.evaluate(CHARACTER_EDGES, [quote, occurrence])
    page.mouse.move(edges["x1"], edges["y1"])
    page.mouse.down()
    page.mouse.move(edges["x2"], edges["y2"], steps=8)
    page.mouse.up()


def highlighted_text(page, claim_id):
    return page.evaluate(
        """(id) => Array.from(document.querySelectorAll("#reader-text [data-claims]"))
             .filter((span) => span.dataset.claims.split(" ").includes(String(id)))
             .map((span) => span.textContent).join("")""",
        claim_id,
    )


def open_reader(page, live_server, document):
    page.goto(f"{live_server.url}{document.get_absolute_url()}")
    page.wait_for_selector("#reader-text[data-painted=true]")


def assert_anchored(claim):
    assert claim.document.text[claim.start : claim.end] == claim.quote


def test_select_a_passage_and_save_a_statistic_with_parsed_figures(signed_in, live_server, seed):
    page = signed_in
    document = Document.objects.get(title="China vows to strengthen cybersecurity")
    open_reader(page, live_server, document)
    select_with_mouse(page, "more than 1 million users")
    form = page.locator("form.claim-form")
    form.wait_for()
    assert form.locator("select[name=kind]").input_value() == "statistic"
    figure = form.locator(".figure-row").first
    assert figure.locator("[name=value]").input_value() == "1000000"
    assert figure.locator("[name=qualifier]").input_value() == "more_than"
    figure.locator("[name=metric]").fill("Users whose data a platform holds")
    form.get_by_role("button", name="Save claim").click()
    page.get_by_text("Claim saved and highlighted.").wait_for(state="attached")

    claim = Claim.objects.get(quote="more than 1 million users")
    assert_anchored(claim)
    assert [(s.value, s.qualifier) for s in claim.statistics.all()] == [(1_000_000, "more_than")]
    assert highlighted_text(page, claim.pk) == "more than 1 million users"
    page.reload()
    page.wait_for_selector("#reader-text[data-painted=true]")
    assert highlighted_text(page, claim.pk) == "more than 1 million users"


def test_an_overlapping_claim_and_both_are_clickable(signed_in, live_server, seed):
    page = signed_in
    document = Document.objects.get(title="China vows to strengthen cybersecurity")
    fine = Claim.objects.get(quote__startswith="the fine of over 8 billion")
    open_reader(page, live_server, document)
    select_with_mouse(page, "Didi Global Inc last month, she said")
    form = page.locator("form.claim-form")
    form.locator("select[name=kind]").select_option("assertion")
    form.get_by_role("button", name="Save claim").click()
    page.get_by_text("Claim saved and highlighted.").wait_for(state="attached")
    overlapping = Claim.objects.get(quote="Didi Global Inc last month, she said")
    assert_anchored(overlapping)
    assert highlighted_text(page, fine.pk).endswith("Didi Global Inc last month")

    page.locator(f'#reader-text [data-claims~="{overlapping.pk}"][data-claims~="{fine.pk}"]').first.click()
    chooser = page.locator(".popover .chooser")
    assert chooser.locator("button").count() == 2
    chooser.locator("button", has_text="Statistic").click()
    assert page.locator(f'.card[data-claim="{fine.pk}"] .card-quote').inner_text() == fine.quote


def test_select_and_save_with_the_keyboard_alone(signed_in, live_server, seed):
    page = signed_in
    document = Document.objects.get(title="China vows to strengthen cybersecurity")
    open_reader(page, live_server, document)
    page.locator("#reader-text").focus()
    page.keyboard.press("Control+Home")
    page.keyboard.press("Shift+End")
    page.keyboard.press("Enter")
    form = page.locator("form.claim-form")
    form.wait_for()
    for _ in range(3):
        page.keyboard.press("Tab")  # speaker → role → attribution → kind
    page.keyboard.type("c")  # Commitment
    for _ in range(3):
        page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")  # submits the form from the speaker field
    page.get_by_text("Claim saved and highlighted.").wait_for(state="attached")
    claim = Claim.objects.get(quote="China vows to strengthen cybersecurity")
    assert (claim.start, claim.kind) == (0, Claim.Kind.COMMITMENT)
    assert_anchored(claim)


def test_astral_characters_and_chinese_text_anchor_in_code_points(signed_in, live_server):
    page = signed_in
    text = "数学 𝐀𝐁𝐂 and 😀\u00a0emoji.\n中国互联网用户达到10.3亿，网络安全是重中之重。"
    document = DocumentFactory(text=text, language="zh-Hans")
    open_reader(page, live_server, document)
    select_with_mouse(page, "网络安全是重中之重")
    page.locator("form.claim-form").get_by_role("button", name="Save claim").click()
    page.get_by_text("Claim saved and highlighted.").wait_for(state="attached")
    claim = Claim.objects.get()
    assert claim.quote == "网络安全是重中之重"
    assert claim.start == text.index("网络安全是重中之重")  # code points, not UTF-16 units
    assert_anchored(claim)
    assert highlighted_text(page, claim.pk) == "网络安全是重中之重"


HOSTILE = (
    '<script>window.pwned = 1</script> He said "quotes" and \\backslashes\\.\n'
    '<img src=x onerror="window.pwned = 2"> and </div><b id=injected>bold</b> \' " ` ${x}'
)


def test_a_hostile_document_renders_literally_and_runs_nothing(signed_in, live_server):
    page = signed_in
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    document = DocumentFactory(text=HOSTILE, title="<script>alert('title')</script>")
    speaker = SpeakerFactory(name="<img src=x onerror=alert('speaker')>")
    claim = ClaimFactory(
        document=document,
        speaker=speaker,
        quote_text='<img src=x onerror="window.pwned = 2">',
        kind="assertion",
    )
    Claim.objects.filter(pk=claim.pk).update(summary="<script>alert('summary')</script>")
    open_reader(page, live_server, document)
    page.locator(f'#reader-text [data-claims~="{claim.pk}"]').first.click()
    page.locator(".popover .card").wait_for()
    assert page.locator(".card-speaker").inner_text().startswith("<img src=x onerror=alert('speaker')>")

    assert page.evaluate("document.getElementById('reader-text').textContent") == HOSTILE
    assert page.evaluate("window.pwned") is None
    assert page.locator("#reader-text *:not(span)").count() == 0
    assert page.locator("#injected, .popover img, .popover script").count() == 0
    assert dialogs == []


def test_the_server_refuses_a_forged_selector(signed_in, live_server, seed):
    page = signed_in
    document = Document.objects.get(title="China vows to strengthen cybersecurity")
    open_reader(page, live_server, document)
    before = Claim.objects.count()
    answer = page.evaluate(
        """async () => {
          const config = JSON.parse(document.getElementById("reader-config").textContent);
          const response = await fetch(`/documents/${config.documentId}/claims/`, {
            method: "POST", credentials: "same-origin",
            headers: {"Content-Type": "application/json", "X-CSRFToken": config.csrfToken},
            body: JSON.stringify({
              start: 0, end: 5, quote: "Japan", prefix: "",
              suffix: config.text.slice(5, 37), kind: "assertion",
            }),
          });
          return {status: response.status, body: await response.json()};
        }"""
    )
    assert answer["status"] == 400
    assert "does not match" in answer["body"]["errors"]["quote"][0]
    assert Claim.objects.count() == before


def test_anonymous_visitors_read_without_editing_controls(page, live_server, seed):
    document = Document.objects.get(title="China vows to strengthen cybersecurity")
    claim = Claim.objects.get(quote="from 564 million in 2012")
    open_reader(page, live_server, document)
    page.locator(f'#reader-text [data-claims~="{claim.pk}"]').first.click()
    card = page.locator(f'.card[data-claim="{claim.pk}"]')
    card.wait_for()
    assert "564 million" in card.inner_text()
    assert card.locator("button, textarea, select").count() == 0
    select_with_mouse(page, "1.85 million 5G base stations")
    assert page.locator("form.claim-form").count() == 0

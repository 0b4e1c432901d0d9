"""In Chromium, under the site's Content-Security-Policy: hostile text and javascript: URLs
written into every field through the ORM run nowhere; each page type passes axe-core
(WCAG 2.2 A and AA) with no serious or critical violation."""

from pathlib import Path

import pytest
from django.urls import reverse

from claimtracker.corpus.models import (
    Annotation,
    Byline,
    Claim,
    Document,
    Link,
    Metric,
    Organisation,
    Publisher,
    Speaker,
    SpeakerAlias,
    SpeakerRole,
    Statistic,
    Topic,
)
from claimtracker.corpus.models.sources import content_hash
from claimtracker.text import anchoring

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
AXE = (Path(__file__).parent / "vendor" / "axe-core-4.14.1" / "axe.min.js").read_text(encoding="utf-8")
PAYLOAD = '"><img src=x onerror="window.__xss=1"><script>window.__xss=1</script>'
SHORT = "<img src=x onerror=window.__xss=1>"  # for fields of at most 50 characters
BAD_URL = "javascript:window.__xss=1"


def hostile(label):
    return f"{label} {PAYLOAD}"


@pytest.fixture
def hostile_corpus(superuser):
    """A record of every kind, every text field of it hostile, written around the forms."""
    organisation = Organisation.objects.create(name=hostile("Organisation"), abbreviation="<b>x</b>")
    publisher = Publisher.objects.create(name=hostile("Publisher"), url=BAD_URL)
    speaker = Speaker.objects.create(
        name=hostile("Speaker"),
        name_original="<svg onload=window.__xss=1>",
        notes=PAYLOAD,
        organisation=organisation,
    )
    SpeakerAlias.objects.create(speaker=speaker, name=hostile("Alias"))
    role = SpeakerRole.objects.create(speaker=speaker, organisation=organisation, title=hostile("Title"))
    text = f"{hostile('Speaker')}: the figure {PAYLOAD} rose to 1.03 billion.\n\nAnother {PAYLOAD} line.\n"
    document = Document.objects.create(
        title=hostile("Title"),
        kind=Document.Kind.TRANSCRIPT,
        publisher=publisher,
        url=BAD_URL,
        text=text,
        content_hash=content_hash(text),
        notes=PAYLOAD,
    )
    Document.objects.filter(pk=document.pk).update(url=BAD_URL)
    Byline.objects.create(document=document, person=speaker, position=1)
    topic = Topic.objects.create(name=hostile("Topic"), slug="hostile")
    start = text.index(PAYLOAD)
    end = start + len(PAYLOAD) + len(" rose to 1.03 billion")
    prefix, suffix = anchoring.context(text, start, end)
    claim = Claim.objects.create(
        document=document,
        start=start,
        end=end,
        quote=text[start:end],
        prefix=prefix,
        suffix=suffix,
        speaker=speaker,
        role=role,
        kind=Claim.Kind.STATISTIC,
        summary=hostile("Summary"),
        status=Claim.Status.DISPUTED,
    )
    claim.topics.add(topic)
    other_start = text.rindex(PAYLOAD)
    other = Claim.objects.create(
        document=document,
        start=other_start,
        end=other_start + len(PAYLOAD),
        quote=PAYLOAD,
        prefix=anchoring.context(text, other_start, other_start + len(PAYLOAD))[0],
        suffix=anchoring.context(text, other_start, other_start + len(PAYLOAD))[1],
        kind=Claim.Kind.ASSERTION,
        summary=PAYLOAD,
    )
    metric = Metric.objects.create(name=hostile("Metric"), unit="<u>", description=PAYLOAD)
    Statistic.objects.create(
        claim=claim, metric=metric, value=1_030_000_000, unit=SHORT, period_label=PAYLOAD, geography=PAYLOAD
    )
    Link.objects.create(source=claim, target=other, relation=Link.Relation.UPDATES, note=hostile("Link note"))
    Annotation.objects.create(
        claim=claim, author=superuser, body=hostile("Note"), evidence_url=BAD_URL, is_evidence=True
    )
    return claim


def hostile_pages(claim):
    document, speaker = claim.document, claim.speaker
    return [
        reverse("home"),
        reverse("claim-list"),
        reverse("claim-list") + "?q=figure",
        reverse("document-list"),
        reverse("speaker-list"),
        document.get_absolute_url(),
        claim.get_absolute_url(),
        speaker.get_absolute_url(),
        reverse("organisation", args=[speaker.organisation_id]),
        reverse("topic", args=[claim.topics.get().pk]),
        reverse("publisher", args=[document.publisher_id]),
        reverse("metric-list"),
        reverse("metric", args=[claim.statistics.get().metric_id]),
        reverse("claims-attention"),
        reverse("claim-suggestions", args=[claim.pk]),
        reverse("admin:corpus_claim_changelist"),
        reverse("admin:corpus_claim_change", args=[claim.pk]),
        reverse("admin:corpus_document_change", args=[document.pk]),
        reverse("admin:corpus_speaker_change", args=[speaker.pk]),
    ]


def assert_nothing_ran(page, url):
    assert page.evaluate("window.__xss") is None, url
    assert page.locator("img[src='x'], svg[onload], a[href^='javascript' i]").count() == 0, url


def test_hostile_text_and_urls_run_nowhere(signed_in, live_server, hostile_corpus):
    page, dialogs = signed_in, []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for url in hostile_pages(hostile_corpus):
        page.goto(live_server.url + url)
        page.wait_for_load_state("networkidle")
        assert_nothing_ran(page, url)
    # The reader: the painted text, a claim's card and the citation box.
    page.goto(live_server.url + hostile_corpus.document.get_absolute_url())
    page.wait_for_selector("#reader-text[data-painted=true]")
    page.locator(f'#reader-text [data-claims~="{hostile_corpus.pk}"]').first.click()
    page.locator(f'.card[data-claim="{hostile_corpus.pk}"]').wait_for()
    assert_nothing_ran(page, "the card")
    page.goto(live_server.url + hostile_corpus.get_absolute_url())
    page.locator("#citation-text").wait_for()
    assert_nothing_ran(page, "the citation box")
    assert dialogs == []


# --- Accessibility -------------------------------------------------------------------------

SERIOUS = ("serious", "critical")


def violations(page):
    # What the page's scripts do once loaded (naming Select2's widgets) is done within two frames.
    page.evaluate("new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
    page.evaluate(AXE)  # evaluated by the browser's debugger protocol: the site's CSP does not apply
    found = page.evaluate(
        """async (tags) => (await axe.run(document, {runOnly: tags})).violations.map((v) => ({
             id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 3)}))""",
        ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
    )
    return [v for v in found if v["impact"] in SERIOUS]


def page_types(claim):
    return {
        "home": reverse("home"),
        "claim list": reverse("claim-list") + "?q=internet",
        "document list": reverse("document-list"),
        "reader": claim.document.get_absolute_url(),
        "claim": claim.get_absolute_url(),
        "speaker": claim.speaker.get_absolute_url(),
        "metric": reverse("metric", args=[claim.statistics.first().metric_id]),
        "admin change list": reverse("admin:corpus_claim_changelist"),
        "admin change form": reverse("admin:corpus_claim_change", args=[claim.pk]),
    }


def test_every_page_type_has_no_serious_accessibility_violation(signed_in, live_server, seed, browser):
    claim = Claim.objects.get(pk=28)
    found = {}
    for name, url in page_types(claim).items():
        signed_in.goto(live_server.url + url)
        signed_in.wait_for_load_state("networkidle")
        found[name] = violations(signed_in)
    anonymous = browser.new_context().new_page()
    anonymous.goto(live_server.url + reverse("login"))
    found["sign-in"] = violations(anonymous)
    failing = {name: v for name, v in found.items() if v}
    assert not failing, "\n".join(f"{name}: {v}" for name, v in failing.items())

"""The reader's page and JSON endpoints, through Django's test client."""

import json

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from claimtracker.corpus.models import Annotation, Claim, Document, Statistic
from claimtracker.corpus.selectors import document_turns
from claimtracker.text import anchoring
from tests.factories import ClaimFactory, DocumentFactory, SpeakerFactory

pytestmark = pytest.mark.django_db

TEXT = "Wen Ku:\n\nThe number of internet users rose to 1.03 billion last year. 𝐀 中国 rose again."


def selector(text, quote, **extra):
    start = text.index(quote)
    prefix, suffix = anchoring.context(text, start, start + len(quote))
    return {
        "start": start,
        "end": start + len(quote),
        "quote": quote,
        "prefix": prefix,
        "suffix": suffix,
        **extra,
    }


def post(client, url, payload):
    return client.post(url, json.dumps(payload), content_type="application/json")


@pytest.fixture
def document():
    return DocumentFactory(text=TEXT)


def create_url(document):
    return reverse("reader-claim-create", args=[document.pk])


def edit(client, claim, name="reader-claim-update", **changes):
    """Post `changes` as the reader's edit form does: with the version and values its card showed."""
    card = client.get(reverse("reader-claim-card", args=[claim.pk])).json()
    payload = {"version": card["edit"]["version"], "base": card["edit"]["values"], **changes}
    return post(client, reverse(name, args=[claim.pk]), payload)


def test_the_reader_page_carries_text_claims_and_turns_as_data(client, document):
    speaker = SpeakerFactory(name="Wen Ku")
    claim = ClaimFactory(document=document, quote_text="rose to 1.03 billion", speaker=speaker)
    html = client.get(document.get_absolute_url()).content.decode()
    config = json.loads(
        html.split('<script id="reader-config" type="application/json">')[1].split("</script>")[0]
    )
    assert config["text"] == TEXT
    assert config["claims"] == [[claim.pk, claim.start, claim.end, claim.kind, "anchored"]]
    assert config["turns"][0]["speakerId"] == speaker.pk and config["turns"][0]["label"] == "Wen Ku"
    assert config["can"] == {"add": False, "change": False, "delete": False, "note": False, "verdict": False}
    assert "choices" not in config


def test_a_signed_in_researcher_saves_a_statistic_with_its_figures(admin_client, document, superuser):
    payload = selector(TEXT, "rose to 1.03 billion last year", kind="statistic", said_on="2022-08-19")
    payload["figures"] = [{"metric": "Internet users in China", "value": "1030000000", "qualifier": "exact"}]
    response = post(admin_client, create_url(document), payload)
    assert response.status_code == 201, response.content
    claim = Claim.objects.get()
    assert TEXT[claim.start : claim.end] == claim.quote == "rose to 1.03 billion last year"
    assert claim.created_by == superuser and claim.anchor == Claim.Anchor.ANCHORED
    assert Statistic.objects.get(claim=claim).value == 1_030_000_000
    assert response.json()["claim"] == [claim.pk, claim.start, claim.end, "statistic", "anchored"]
    assert claim.history.count() == 1


def test_offsets_are_code_points_after_astral_and_chinese_characters(admin_client, document):
    response = post(admin_client, create_url(document), selector(TEXT, "rose again", kind="assertion"))
    assert response.status_code == 201, response.content
    claim = Claim.objects.get()
    assert claim.start == TEXT.index("rose again")  # Python indices are code points
    assert len("𝐀".encode("utf-16-le")) == 4  # …where the browser counts two units


@pytest.mark.parametrize(
    "forgery",
    [
        {"quote": "rose to 1.04 billion"},  # a quote the text does not have there
        {"start": 0},  # offsets that do not hold the quote
        {"prefix": "something else"},  # context that does not match
        {"end": 10_000},
    ],
)
def test_a_forged_selector_is_refused_and_nothing_is_saved(admin_client, document, forgery):
    payload = {**selector(TEXT, "rose to 1.03 billion", kind="statistic"), **forgery}
    response = post(admin_client, create_url(document), payload)
    assert response.status_code == 400
    assert response.json()["errors"]
    assert not Claim.objects.exists()


def test_a_bad_figure_saves_neither_claim_nor_figures(admin_client, document):
    payload = selector(TEXT, "rose to 1.03 billion", kind="statistic")
    payload["figures"] = [{"metric": "Users", "value": "lots"}]
    response = post(admin_client, create_url(document), payload)
    assert response.status_code == 400
    assert "value" in response.json()["errors"]["figures"][0]
    assert not Claim.objects.exists() and not Statistic.objects.exists()


@pytest.mark.parametrize("body", ["not json", "[1, 2]"])
def test_garbage_is_a_clear_400(admin_client, document, body):
    response = admin_client.post(create_url(document), body, content_type="application/json")
    assert response.status_code == 400
    assert "JSON" in response.json()["errors"]["__all__"][0]


def test_anonymous_visitors_and_users_without_permission_cannot_write(client, django_user_model, document):
    payload = selector(TEXT, "rose to 1.03 billion", kind="statistic")
    assert post(client, create_url(document), payload).status_code == 403
    reader = django_user_model.objects.create_user("reader", password="pw")
    client.force_login(reader)
    assert post(client, create_url(document), payload).status_code == 403
    reader.user_permissions.add(Permission.objects.get(codename="add_claim"))
    assert post(client, create_url(document), payload).status_code == 201
    claim = Claim.objects.get()
    for name in ("reader-claim-update", "reader-claim-status"):
        assert post(client, reverse(name, args=[claim.pk]), {"status": "false"}).status_code == 403
    assert Claim.objects.get().status == Claim.Status.UNVERIFIED


def test_notes_status_edit_and_delete_from_the_card(admin_client, document):
    claim = ClaimFactory(document=document, quote_text="rose to 1.03 billion")
    response = post(
        admin_client, reverse("reader-claim-note", args=[claim.pk]), {"body": "Checked <b>CNNIC</b>."}
    )
    assert response.status_code == 201
    assert response.json()["card"]["notes"][0]["body"] == "Checked <b>CNNIC</b>."
    response = edit(admin_client, claim, "reader-claim-status", status="supported")
    assert response.json()["card"]["statusLabel"] == "Supported"
    assert edit(admin_client, claim, "reader-claim-status", status="true").status_code == 400
    response = edit(admin_client, claim, summary="1.03 bn users")
    assert response.status_code == 200
    claim.refresh_from_db()
    assert (claim.summary, claim.status, claim.quote) == (
        "1.03 bn users",
        "supported",
        "rose to 1.03 billion",
    )
    assert post(admin_client, reverse("reader-claim-delete", args=[claim.pk]), {}).status_code == 200
    assert not Claim.objects.exists() and not Annotation.objects.exists()


def test_an_orphaned_claim_is_re_anchored_by_selecting_its_passage_anew(admin_client, document):
    claim = ClaimFactory(document=document, quote_text="rose to 1.03 billion")
    Claim.objects.filter(pk=claim.pk).update(anchor=Claim.Anchor.ORPHANED, start=0, end=20)
    page = admin_client.get(document.get_absolute_url()).content.decode()
    assert "Needs attention" in page and f'data-claim="{claim.pk}"' in page
    response = edit(admin_client, claim, **selector(TEXT, "rose again"))
    assert response.status_code == 200, response.content
    claim.refresh_from_db()
    assert (claim.anchor, claim.quote, claim.start) == ("anchored", "rose again", TEXT.index("rose again"))


def test_the_card_costs_the_same_queries_however_much_it_shows(
    admin_client, document, django_assert_max_num_queries
):
    claim = ClaimFactory(document=document, quote_text="rose to 1.03 billion")
    for body in ("one", "two", "three", "four"):
        Annotation.objects.create(claim=claim, body=body)
    with django_assert_max_num_queries(8):
        card = admin_client.get(reverse("reader-claim-card", args=[claim.pk])).json()
    assert [note["body"] for note in card["notes"]] == ["four", "three", "two"]


def test_speaker_and_metric_lookups(client):
    SpeakerFactory(name="Niu Yibing")
    SpeakerFactory(name="Lu Wei")
    names = [s["name"] for s in client.get(reverse("reader-speakers"), {"q": "niu"}).json()["results"]]
    assert names == ["Niu Yibing"]
    figures = client.get(reverse("reader-figures"), {"text": "more than 100 laws"}).json()
    assert figures["kind"] == "statistic"
    assert figures["figures"][0]["value"] == "100" and figures["figures"][0]["qualifier"] == "more_than"


def test_turns_are_recognised_and_matched_by_name_or_alias(db):
    niu = SpeakerFactory(name="Niu Yibing")
    text = (
        "Reuters reporter: First question?\n\n"
        "Niu Yibing, Deputy Director of the National Cyberspace Administration of China: Thank you.\n"
        "China.org.cnUpdated: September 23, 2019\nA sentence, with words: not a turn."
    )
    turns = document_turns(text)
    assert [(t.label, t.speaker_id) for t in turns] == [
        ("Reuters reporter", None),
        ("Niu Yibing, Deputy Director of the National Cyberspace Administration of China", niu.pk),
    ]
    assert text[turns[1].start : turns[1].label_end].endswith("China:")


def test_the_seed_transcripts_turns_find_their_speakers(seed):
    transcript = Document.objects.get(title__startswith="SCIO briefing")
    named = {t.label: t.speaker_name for t in document_turns(transcript.text)}
    assert named == {
        "Radio Television Hong Kong": "Radio Television Hong Kong",
        "Miao Wei": "Miao Wei",
        "Wen Ku": "Wen Ku",
    }

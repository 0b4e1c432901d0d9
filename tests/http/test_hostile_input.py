"""Bad input gets a clear answer and changes nothing, never a 500: random and hostile
query strings and JSON bodies (hypothesis) at every list, search, filter, export and
JSON endpoint, and a regression test for each cause of a 500 found from outside."""

import json

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import OperationalError
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimtracker.accounts.roles import EDITOR, ensure_roles
from claimtracker.corpus.models import Annotation, Claim, Document, Metric, Speaker
from tests.factories import ClaimFactory, DocumentFactory

pytestmark = pytest.mark.django_db
EXAMPLES = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

PARAMETERS = [
    "q",
    "speaker",
    "organisation",
    "topic",
    "kind",
    "status",
    "document",
    "publisher",
    "document_kind",
    "language",
    "said_from",
    "said_to",
    "metric",
    "has_links",
    "anchor",
    "creator",
    "page",
    "per_page",
    "after",
    "sort",
    "exclude",
    "format",
    "text",
    "title",
    "name",
    "published_from",
]
HOSTILE = st.sampled_from(
    [
        "²",
        "⑦",
        "٣",
        "\x00",
        "9" * 40,
        str(2**70),
        "-1",
        "0",
        "1e9",
        "NaN",
        "<script>",
        "'; --",
        "%00",
        "",
        " ",
        "∞",
    ]
)
VALUES = st.one_of(HOSTILE, st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30))
QUERIES = st.dictionaries(st.sampled_from(PARAMETERS), VALUES, max_size=5)


def fingerprint():
    return Claim.objects.count(), Annotation.objects.count(), Metric.objects.count(), Document.objects.count()


@pytest.fixture
def editor(django_user_model):
    ensure_roles(Group, Permission)
    user = django_user_model.objects.create_user("editor", password="pw")
    user.groups.add(Group.objects.get(name=EDITOR))
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def corpus(seed):
    return Claim.objects.get(pk=28)


def get_urls(claim):
    speaker = Speaker.objects.order_by("pk").first()
    return [
        reverse("claim-list"),
        reverse("document-list"),
        reverse("speaker-list"),
        reverse("claims-export"),
        reverse("claim-lookup"),
        reverse("reader-speakers"),
        reverse("reader-metrics"),
        reverse("reader-figures"),
        reverse("claim-cite", args=[claim.pk]),
        reverse("speaker", args=[speaker.pk]),
        reverse("metric", args=[Metric.objects.order_by("pk").first().pk]),
        reverse("home"),
    ]


@EXAMPLES
@given(query=QUERIES)
def test_random_and_hostile_query_strings_never_fail(client, corpus, query):
    before = fingerprint()
    for url in get_urls(corpus):
        if url == reverse("claims-export") and "format" not in query:
            query = {**query, "format": "csv"}
        response = client.get(url, query)
        assert response.status_code < 500, (url, query)
    assert fingerprint() == before


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)
FIELDS = [
    "start",
    "end",
    "quote",
    "prefix",
    "suffix",
    "speaker",
    "role",
    "kind",
    "topics",
    "summary",
    "status",
]
BODIES = st.dictionaries(
    st.sampled_from([*FIELDS, "figures", "version", "base", "body", "submission"]), JSON, max_size=6
)


@EXAMPLES
@given(body=BODIES)
def test_random_json_bodies_are_refused_clearly_and_change_nothing(editor, corpus, body):
    urls = [
        reverse("reader-claim-create", args=[corpus.document_id]),
        reverse("reader-claim-update", args=[corpus.pk]),
        reverse("reader-claim-status", args=[corpus.pk]),
    ]
    before, version = fingerprint(), Claim.objects.get(pk=corpus.pk).version
    for url in urls:
        response = editor.post(url, json.dumps(body), content_type="application/json")
        assert response.status_code < 500 and response["Content-Type"] == "application/json", (url, body)
        if response.status_code >= 400:
            assert "errors" in response.json()
    if fingerprint() != before or Claim.objects.get(pk=corpus.pk).version != version:
        # Only a body that is a whole valid claim or edit may change something.
        assert all(key in body for key in ("start", "end", "quote")) or "version" in body


# --- The eight causes of a 500 found from outside --------------------------------------------

PAGES = ["claim-list", "document-list", "speaker-list"]


@pytest.mark.parametrize("parameter", ["page", "per_page"])
@pytest.mark.parametrize("value", ["²", "⑦"])
def test_unicode_digits_in_page_numbers_are_refused_with_a_message(client, corpus, parameter, value):
    for name in PAGES:
        response = client.get(reverse(name), {parameter: value})
        assert response.status_code == 200
        assert "showing" in response.content.decode()  # the message saying what is shown instead
    for url in (
        reverse("speaker", args=[corpus.speaker_id]),
        reverse("metric", args=[1]),
        reverse("claim-lookup"),
    ):
        assert client.get(url, {"page": value, "exclude": value, "q": value}).status_code in (200, 404)


def test_a_nul_byte_in_a_lookup_is_no_error(client, corpus):
    for name in ("reader-speakers", "reader-metrics", "claim-lookup"):
        response = client.get(reverse(name), {"q": "Niu\x00Yibing"})
        assert response.status_code == 200, name


def test_a_huge_number_in_a_filter_is_ignored_with_a_message(client, corpus):
    for parameter in ("creator", "speaker", "topic", "document", "metric"):
        response = client.get(reverse("claim-list"), {parameter: str(2**70)})
        assert response.status_code == 200
        assert "The filter was ignored" in response.content.decode(), parameter
    assert client.get(f"/claims/{2**70}/").status_code == 404


def post_json(client, url, body, **kwargs):
    return client.post(url, body if isinstance(body, str | bytes) else json.dumps(body), **kwargs)


def test_a_lone_surrogate_in_a_summary_or_a_note_is_refused(editor, corpus):
    card = editor.get(reverse("reader-claim-card", args=[corpus.pk])).json()["edit"]
    update = '{"version": VERSION, "base": {}, "summary": "bad \\ud800 text"}'.replace(
        "VERSION", str(card["version"])
    )
    response = post_json(
        editor, reverse("reader-claim-update", args=[corpus.pk]), update, content_type="application/json"
    )
    assert response.status_code == 400 and "cannot be stored" in response.json()["errors"]["__all__"][0]
    note, notes = '{"body": "\\udfff"}', Annotation.objects.count()
    response = post_json(
        editor, reverse("reader-claim-note", args=[corpus.pk]), note, content_type="application/json"
    )
    assert response.status_code == 400 and Annotation.objects.count() == notes


def test_deeply_nested_json_is_refused(editor, corpus):
    body = "[" * 100_000 + "]" * 100_000
    response = post_json(
        editor, reverse("reader-claim-note", args=[corpus.pk]), body, content_type="application/json"
    )
    assert response.status_code in (400, 413)
    response = post_json(
        editor,
        reverse("reader-claim-note", args=[corpus.pk]),
        '{"a":' * 30 + "1" + "}" * 30,
        content_type="application/json",
    )
    assert response.status_code == 400 and "nested" in response.json()["errors"]["__all__"][0]


def test_a_form_body_sent_to_a_json_endpoint_is_refused_as_the_wrong_type(editor, corpus):
    notes = Annotation.objects.count()
    multipart = editor.post(reverse("reader-claim-note", args=[corpus.pk]), {"body": "A note"})
    plain = editor.post(
        reverse("reader-claim-note", args=[corpus.pk]), '{"body": "A note"}', content_type="text/plain"
    )
    assert multipart.status_code == plain.status_code == 415
    assert multipart["Content-Type"] == "application/json" and Annotation.objects.count() == notes


def test_an_id_too_large_for_the_database_is_refused(editor, corpus):
    card = editor.get(reverse("reader-claim-card", args=[corpus.pk])).json()["edit"]
    body = {"version": card["version"], "base": card["values"], "topics": [2**70]}
    response = post_json(
        editor, reverse("reader-claim-update", args=[corpus.pk]), body, content_type="application/json"
    )
    assert response.status_code == 400


def test_json_endpoints_answer_json_for_every_error(editor, corpus):
    missing = editor.post(reverse("reader-claim-note", args=[999_999]), "{}", content_type="application/json")
    wrong_method = editor.get(reverse("reader-claim-note", args=[corpus.pk]))
    too_big = post_json(
        editor,
        reverse("reader-claim-note", args=[corpus.pk]),
        {"body": "x" * 2_000_000},
        content_type="application/json",
    )
    assert (missing.status_code, wrong_method.status_code, too_big.status_code) == (404, 405, 413)
    for response in (missing, wrong_method, too_big):
        assert response["Content-Type"] == "application/json" and response.json()["errors"]


def test_a_summary_longer_than_a_summary_is_refused(editor, corpus):
    card = editor.get(reverse("reader-claim-card", args=[corpus.pk])).json()["edit"]
    body = {"version": card["version"], "base": card["values"], "summary": "x" * 10_000}
    response = post_json(
        editor, reverse("reader-claim-update", args=[corpus.pk]), body, content_type="application/json"
    )
    assert response.status_code == 400 and "summary" in response.json()["errors"]


def test_while_the_database_is_unreachable_pages_answer_503_and_recover(monkeypatch, corpus):
    from claimtracker.corpus import selectors

    client = Client(raise_request_exception=False)

    def unreachable():
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(selectors, "corpus_counts", unreachable)
    down = client.get(reverse("home"))
    json_down = client.get(reverse("home"), HTTP_ACCEPT="application/json")
    monkeypatch.undo()
    assert down.status_code == 503 and down["Retry-After"] == "5" and "try again" in down.content.decode()
    assert json_down.status_code == 503 and json_down.json()["errors"]
    assert client.get(reverse("home")).status_code == 200


def test_a_javascript_url_written_around_the_forms_is_never_a_link(client):
    document = DocumentFactory(url="javascript:alert(document.cookie)")
    Document.objects.filter(pk=document.pk).update(url="javascript:alert(document.cookie)")
    ClaimFactory(document=document)
    page = client.get(document.get_absolute_url()).content.decode()
    assert 'href="javascript:' not in page and "javascript:alert(document.cookie)" in page

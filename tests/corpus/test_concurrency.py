"""Many people at once, as on a shared site: concurrent requests from several
clients (threads, each with its own database connection) never duplicate a
claim or a metric, never answer 500, never anchor a claim at wrong offsets and
never lose an edit. These run on SQLite and on PostgreSQL."""

import json
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connections
from django.test import Client
from django.urls import reverse

from claimtracker.corpus.models import Claim, Document, Link, Metric
from claimtracker.corpus.services import documents as document_services
from claimtracker.text import anchoring
from tests.factories import ClaimFactory, DocumentFactory

pytestmark = pytest.mark.django_db(transaction=True)
QUOTE = "rose to 1.03 billion last year"


@pytest.fixture
def signed_in(django_user_model):
    """A function giving a new client (for another thread) signed in as the same editor."""
    django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    first = Client()
    first.login(username="editor", password="pw")

    def new_client():
        client = Client()
        client.cookies = first.cookies
        return client

    return new_client


def at_once(task, count, workers=20):
    """Run `task(i)` for i in range(count) on `workers` threads released together; their results."""
    start = threading.Barrier(min(count, workers))

    def run(i):
        try:
            if i < workers:
                start.wait(timeout=30)
            return task(i)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(run, range(count)))


def post(client, url, payload):
    return client.post(url, json.dumps(payload), content_type="application/json")


def new_claim(document, quote=QUOTE, **extra):
    start = document.text.index(quote)
    prefix, suffix = anchoring.context(document.text, start, start + len(quote))
    return {"start": start, "end": start + len(quote), "quote": quote, "prefix": prefix, "suffix": suffix,
            "kind": "statistic", **extra}  # fmt: skip


def test_the_same_submission_sent_twice_saves_one_claim(signed_in):
    document = DocumentFactory()
    client = signed_in()
    payload = new_claim(document, submission="0b7d3c1e-5a8e-4d2f-9c61-3f0a2b4c5d6e")
    first = post(client, reverse("reader-claim-create", args=[document.pk]), payload)
    second = post(client, reverse("reader-claim-create", args=[document.pk]), payload)
    assert (first.status_code, second.status_code) == (201, 200)
    assert first.json()["claim"] == second.json()["claim"]
    assert Claim.objects.count() == 1


def test_the_same_submission_sent_twenty_times_at_once_saves_one_claim(signed_in):
    document = DocumentFactory()
    payload = new_claim(document, submission="6f1d2c3b-4a5e-4f60-8b7c-9d0e1f2a3b4c")
    url = reverse("reader-claim-create", args=[document.pk])
    answers = at_once(lambda i: post(signed_in(), url, payload), 20)
    assert sorted(answer.status_code for answer in answers) == [200] * 19 + [201]
    assert {answer.json()["claim"][0] for answer in answers} == {Claim.objects.get().pk}


def test_a_hundred_claims_naming_one_new_metric_from_twenty_clients_make_one_metric(signed_in):
    documents = [
        DocumentFactory() for _ in range(20)
    ]  # claims in different documents do not wait for each other
    figure = {"metric": "Internet users in Tibet", "value": "1000", "unit": "people"}

    def create(i):
        document = documents[i % 20]
        name = figure["metric"] if i % 2 else figure["metric"].upper()  # the same metric, in any case
        url = reverse("reader-claim-create", args=[document.pk])
        return post(signed_in(), url, new_claim(document, figures=[{**figure, "metric": name}]))

    answers = at_once(create, 100)
    assert [answer.status_code for answer in answers] == [201] * 100
    assert Metric.objects.filter(name__iexact="Internet users in Tibet").count() == 1
    assert Claim.objects.filter(statistics__metric__name__iexact="Internet users in Tibet").count() == 100


def test_linking_the_same_claims_at_once_makes_one_link_and_clear_refusals(signed_in):
    source = ClaimFactory()
    target = ClaimFactory(document=source.document, quote_text="no national security")
    url = reverse("claim-link-create", args=[source.pk])
    data = {"target": str(target.pk), "relation": "updates"}
    answers = at_once(lambda i: signed_in().post(url, data), 10)
    assert sorted(answer.status_code for answer in answers) == [302] + [400] * 9
    assert all("already linked" in answer.content.decode() for answer in answers if answer.status_code == 400)
    assert Link.objects.count() == 1


def test_two_editors_at_once_on_one_field_one_wins_the_other_is_told(signed_in):
    claim = ClaimFactory()
    card = signed_in().get(reverse("reader-claim-card", args=[claim.pk])).json()["edit"]
    url = reverse("reader-claim-update", args=[claim.pk])

    def edit(i):
        return post(
            signed_in(), url, {"version": card["version"], "base": card["values"], "summary": f"Editor {i}"}
        )

    answers = at_once(edit, 2)
    assert sorted(answer.status_code for answer in answers) == [200, 409]
    winner = next(answer for answer in answers if answer.status_code == 200)
    claim.refresh_from_db()
    assert winner.json()["card"]["summary"] == claim.summary


def test_claims_created_while_the_text_is_edited_are_never_anchored_at_wrong_offsets(signed_in):
    document = DocumentFactory(text="Users " + QUOTE + ". The end.\n")
    url = reverse("reader-claim-create", args=[document.pk])
    rounds = 8

    def work(i):
        if i % 2 == 0:  # an editor inserts text before the passage, moving it
            stored = Document.objects.get(pk=document.pk)
            stored.text = f"Edit {i}. " + stored.text
            document_services.document_save(stored)
            return None
        # a researcher selects the passage in the text as her page showed it
        shown = Document.objects.get(pk=document.pk)
        return post(signed_in(), url, new_claim(shown)).status_code

    statuses = [status for status in at_once(work, 2 * rounds, workers=2 * rounds) if status is not None]
    assert set(statuses) <= {201, 400}  # saved, or refused as out of date: never an error
    text = Document.objects.get(pk=document.pk).text
    claims = Claim.objects.filter(document=document)
    assert claims.count() == statuses.count(201)
    for claim in claims:
        assert claim.anchor == Claim.Anchor.ANCHORED
        assert text[claim.start : claim.end] == claim.quote == QUOTE


def test_a_claim_checked_against_the_old_text_while_an_edit_commits_is_re_anchored(signed_in, monkeypatch):
    """The interleaving that misplaced claims: the claim's passage is checked against
    the text, the text edit commits and re-anchors the claims it sees, then the new
    claim is saved. The document's lock makes the edit wait for the claim instead."""
    from claimtracker.corpus.services import claims

    document = DocumentFactory(text="Users " + QUOTE + ". The end.\n")
    checked, edited = threading.Event(), threading.Event()
    check = claims.place

    def slow_check(*args):
        checked.set()
        edited.wait(timeout=2)  # the edit cannot commit while the document is locked
        return check(*args)

    monkeypatch.setattr(claims, "place", slow_check)

    def work(i):
        if i == 0:
            return post(signed_in(), reverse("reader-claim-create", args=[document.pk]), new_claim(document))
        checked.wait(timeout=10)
        stored = Document.objects.get(pk=document.pk)
        stored.text = "An edit moves the passage. " + stored.text
        document_services.document_save(stored)
        edited.set()
        return None

    created = at_once(work, 2)[0]
    assert created.status_code == 201
    claim = Claim.objects.get()
    text = Document.objects.get(pk=document.pk).text
    assert text.startswith("An edit moves the passage.")
    assert text[claim.start : claim.end] == claim.quote == QUOTE


def test_a_metric_created_while_another_transaction_creates_it_is_shared():
    """One transaction has inserted the metric but not committed when the other looks
    it up, finds nothing and inserts too: the second waits on the unique index, and
    then takes the first one's metric instead of failing."""
    import time

    from django.db import transaction

    from claimtracker.corpus.services.figures import metric_get_or_create

    inserted = threading.Event()

    def work(i):
        with transaction.atomic():
            if i == 0:
                metric = metric_get_or_create("Broadband users")
                inserted.set()
                time.sleep(0.5)  # still uncommitted while the other looks
                return metric.pk
            inserted.wait(timeout=10)
            return metric_get_or_create("broadband USERS").pk

    first, second = at_once(work, 2)
    assert first == second and Metric.objects.count() == 1

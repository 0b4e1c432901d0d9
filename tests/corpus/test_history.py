"""Every change to claims and what hangs on them is recorded, with who made it;
a record can be reverted to an earlier version, and the revert is recorded too."""

import pytest
from django.urls import reverse

from claimtracker.corpus.models import Annotation, Claim, Link, Metric, Statistic
from claimtracker.corpus.services import claims as claim_services
from claimtracker.corpus.services import documents as document_services
from claimtracker.corpus.services import links as link_services
from claimtracker.corpus.services import notes as note_services
from claimtracker.corpus.services.editing import ClaimEdit, FigureEdit, Selector
from claimtracker.corpus.services.reverting import revert
from tests.factories import ClaimFactory, DocumentFactory, TopicFactory, UserFactory

pytestmark = pytest.mark.django_db


def history_of(model, pk):
    return list(
        model.history.filter(id=pk)
        .order_by("history_id")
        .values_list("history_type", "history_user__username")
    )


def test_a_claims_life_is_recorded_with_its_editors():
    alice, bob = UserFactory(username="alice"), UserFactory(username="bob")
    document = DocumentFactory()
    other = ClaimFactory(document=document, quote_text="There is no national security")
    topic = TopicFactory()
    quote = "rose to 1.03 billion last year"
    start = document.text.index(quote)

    claim, created = claim_services.claim_create(
        document.pk,
        selector=Selector(start, start + len(quote), quote),
        values={"kind": "statistic", "topics": [topic.pk], "summary": "Users rose."},
        figures=[{"metric": "Internet users in China", "value": 1_030_000_000, "unit": "people"}],
        user=alice,
    )
    figure = Statistic.objects.get(claim=claim)
    note = note_services.note_add(claim.pk, "Matches CNNIC.", user=alice)
    link = link_services.link_create(claim.pk, other.pk, Link.Relation.UPDATES, user=alice)
    claim_services.claim_update(
        claim.pk,
        ClaimEdit(
            version=claim.version,
            values={"summary": "1.03 billion users.", "topics": []},
            figures=[FigureEdit(figure.pk, {"value": 1_031_000_000})],
        ),
        user=bob,
    )
    claim_services.claim_delete(claim.pk, user=bob)

    assert created
    assert history_of(Claim, claim.pk) == [("+", "alice"), ("~", "bob"), ("-", "bob")]
    assert history_of(Statistic, figure.pk) == [("+", "alice"), ("~", "bob"), ("-", "bob")]
    assert history_of(Annotation, note.pk) == [("+", "alice"), ("-", "bob")]
    assert history_of(Link, link.pk) == [("+", "alice"), ("-", "bob")]
    created_row, changed_row = Claim.history.filter(id=claim.pk).order_by("history_id")[:2]
    assert [row.topic_id for row in created_row.topics.all()] == [topic.pk]  # the new claim's topics
    assert list(changed_row.topics.all()) == []  # …and their removal, in the edit's own row
    assert changed_row.summary == "1.03 billion users." and changed_row.version == 2


def test_reverting_a_claim_restores_its_fields_and_topics_and_is_recorded(admin_client):
    topic = TopicFactory()
    claim = ClaimFactory(summary="First.")
    claim_services.claim_update(claim.pk, ClaimEdit(version=1, values={"topics": [topic.pk]}))
    first = claim.history.order_by("history_id").last()
    claim_services.claim_update(claim.pk, ClaimEdit(version=2, values={"summary": "Second.", "topics": []}))

    url = reverse("admin:corpus_claim_simple_history", args=[claim.pk, first.history_id])
    confirmation = admin_client.get(url)
    assert confirmation.status_code == 200 and "Second." in confirmation.content.decode()
    assert Claim.objects.get(pk=claim.pk).summary == "Second."  # looking changes nothing
    assert admin_client.post(url).status_code == 302

    claim.refresh_from_db()
    assert (claim.summary, list(claim.topics.all())) == ("First.", [topic])
    latest = claim.history.order_by("history_id").last()
    assert (latest.history_type, latest.history_user.username) == ("~", "admin")


def test_a_revert_keeps_the_passage_where_the_text_no_longer_holds_it():
    claim = ClaimFactory(summary="Old.")  # on "rose to 1.03 billion last year"
    first = claim.history.get()
    text = claim.document.text
    start = text.index("no national security")
    moved = Selector(start, start + len("no national security"), "no national security")
    claim_services.claim_update(claim.pk, ClaimEdit(version=1, values={"summary": "New.", "selector": moved}))
    document = claim.document
    document.text = text.replace("rose to 1.03 billion last year", "fell sharply")
    document_services.document_save(document)

    assert revert(first) == ["its passage (the document's text no longer holds it there)"]
    claim.refresh_from_db()
    assert (claim.summary, claim.quote) == ("Old.", "no national security")
    assert document.text[claim.start : claim.end] == claim.quote


def test_only_those_who_may_delete_may_revert(client):
    from django.contrib.auth.models import Permission

    researcher = UserFactory(username="researcher", is_staff=True)
    researcher.user_permissions.add(*Permission.objects.filter(codename__in=["change_claim", "view_claim"]))
    client.force_login(researcher)
    claim = ClaimFactory()
    claim_services.claim_update(claim.pk, ClaimEdit(version=1, values={"summary": "Edited."}))
    version = claim.history.order_by("history_id").first()
    url = reverse("admin:corpus_claim_simple_history", args=[claim.pk, version.history_id])
    page = client.get(url)
    assert page.status_code == 200 and "Revert to this version" not in page.content.decode()
    assert client.post(url).status_code == 403
    claim.refresh_from_db()
    assert claim.summary == "Edited."


def test_a_metric_created_by_a_new_figure_is_recorded_with_its_user():
    alice = UserFactory(username="alice")
    claim = ClaimFactory()
    figure = FigureEdit(values={"metric": "Brand new metric", "value": 1})
    claim_services.claim_update(claim.pk, ClaimEdit(version=1, figures=[figure]), user=alice)
    metric = Metric.objects.get(name="Brand new metric")
    assert history_of(Metric, metric.pk) == [("+", "alice")]

"""Linking claims from a claim page, and the suggestions."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from claimtracker.corpus.models import Claim, Dismissal, Link
from claimtracker.linking.suggestions import suggestions_for
from tests.factories import ClaimFactory, DocumentFactory, MetricFactory, StatisticFactory

pytestmark = pytest.mark.django_db


def link(client, source, **data):
    return client.post(
        reverse("claim-link-create", args=[source.pk]), {"relation": "supports", "note": "", **data}
    )


def test_a_link_is_made_from_the_claim_page_and_shows_on_both(admin_client, seed):
    source = Claim.objects.get(quote="from 564 million in 2012")
    target = Claim.objects.get(quote__startswith="In the past 10 years")
    response = link(
        admin_client, source, target=f"#{target.pk} — anything", relation="elaborates", note="Context"
    )
    assert response.status_code == 302
    assert Link.objects.filter(source=source, target=target, relation="elaborates", note="Context").exists()
    assert "<strong>elaborates</strong>" in admin_client.get(source.get_absolute_url()).content.decode()
    assert "<strong>elaborated by</strong>" in admin_client.get(target.get_absolute_url()).content.decode()


@pytest.mark.parametrize("target", ["", "nonsense", "#999999", "http://example.org/claims/999999/"])
def test_an_unknown_target_is_refused_and_nothing_saved(admin_client, seed, target):
    before = Link.objects.count()
    response = link(admin_client, Claim.objects.first(), target=target)
    assert response.status_code == 400
    assert Link.objects.count() == before


def test_self_links_and_duplicates_are_refused_with_a_message(admin_client, seed):
    claim = Claim.objects.get(quote="Boasting 668 million Internet users")
    before = Link.objects.count()
    response = link(admin_client, claim, target=str(claim.pk))
    assert "cannot be linked to itself" in response.content.decode()
    existing = Link.objects.filter(source=claim).first()
    response = link(admin_client, claim, target=f"/claims/{existing.target_id}/", relation=existing.relation)
    assert "already linked by this relation" in response.content.decode()
    assert Link.objects.count() == before


def test_only_researchers_with_permission_link(client, django_user_model, seed):
    claim = Claim.objects.first()
    assert 'class="link-form"' not in client.get(claim.get_absolute_url()).content.decode()
    assert link(client, claim, target="1").status_code in (302, 403)  # anonymous: to the login, or refused
    assert not Link.objects.filter(source=claim, relation="supports", target_id=1).exists()
    user = django_user_model.objects.create_user("reader", password="pw")
    client.force_login(user)
    assert link(client, claim, target="1").status_code == 403
    user.user_permissions.add(Permission.objects.get(codename="add_link"))
    client.force_login(user)
    assert 'class="link-form"' in client.get(claim.get_absolute_url()).content.decode()


def test_the_lookup_finds_claims_by_words_or_number(client, seed):
    results = client.get(reverse("claim-lookup"), {"q": "billion"}).json()["results"]
    assert any("1.03 billion" in result["label"] for result in results)
    claim = Claim.objects.first()
    assert client.get(reverse("claim-lookup"), {"q": f"#{claim.pk}"}).json()["results"][0]["id"] == claim.pk
    assert client.get(reverse("claim-lookup"), {"q": "'; DROP"}).status_code == 200


def figure(claim, value, year, metric):
    import datetime

    return StatisticFactory(
        claim=claim,
        metric=metric,
        value=value,
        unit="people",
        period_start=datetime.date(year, 1, 1),
        period_end=datetime.date(year, 12, 31),
    )


def test_figures_of_the_same_metric_are_suggested_as_updates_or_contradictions():
    metric = MetricFactory()
    document = DocumentFactory(text="One. Two. Three. Four.")
    mine = ClaimFactory(document=document, quote_text="One.")
    later = ClaimFactory(document=document, quote_text="Two.")
    earlier = ClaimFactory(document=document, quote_text="Three.")
    rival = ClaimFactory(document=document, quote_text="Four.")
    figure(mine, 668_000_000, 2015, metric)
    figure(later, 1_030_000_000, 2021, metric)
    figure(earlier, 564_000_000, 2012, metric)
    figure(rival, 650_000_000, 2015, metric)
    found = {(s.source.pk, s.relation, s.target.pk) for s in suggestions_for(mine)}
    assert (later.pk, "updates", mine.pk) in found  # the newer figure updates this one
    assert (mine.pk, "updates", earlier.pk) in found
    assert (mine.pk, "contradicts", rival.pk) in found


def test_near_identical_wording_is_suggested_as_a_repeat():
    line = "There is no national security without cybersecurity, he said."
    mine = ClaimFactory(document=DocumentFactory(text=line), quote_text=line)
    again = ClaimFactory(
        document=DocumentFactory(text="Again: " + line.replace("he said", "she said")),
        quote_text=line.replace("he said", "she said"),
    )
    ClaimFactory(
        document=DocumentFactory(text="Something else entirely about trade."), quote_text="Something else"
    )
    found = [(s.relation, s.other.pk) for s in suggestions_for(mine)]
    assert found == [("repeats", again.pk)]


def test_accepting_links_and_dismissing_hides_the_suggestion(admin_client):
    line = "There is no national security without cybersecurity, he said."
    mine = ClaimFactory(document=DocumentFactory(text=line), quote_text=line)
    text = "Again: There is no national security without cybersecurity, she said."
    again = ClaimFactory(document=DocumentFactory(text=text), quote_text=text[7:])
    page = admin_client.get(reverse("claim-suggestions", args=[mine.pk])).content.decode()
    assert "near-identical wording" in page
    admin_client.post(
        reverse("claim-suggestion-dismiss", args=[mine.pk]), {"candidate": again.pk, "relation": "repeats"}
    )
    assert Dismissal.objects.filter(claim=mine, candidate=again).exists()
    assert suggestions_for(mine) == []
    Dismissal.objects.all().delete()
    admin_client.post(
        reverse("claim-suggestion-accept", args=[mine.pk]),
        {"source": mine.pk, "target": again.pk, "relation": "repeats"},
    )
    assert Link.objects.filter(source=mine, target=again, relation="repeats").exists()
    assert suggestions_for(mine) == []  # already linked

"""Speaker, organisation, topic and publisher pages, and the claim page's links and history."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claimtracker.corpus.models import Claim, Link, Organisation, Publisher, Speaker, Topic
from tests.factories import ClaimFactory, DocumentFactory, LinkFactory, SpeakerFactory

pytestmark = pytest.mark.django_db


def test_a_speaker_page_shows_overlapping_roles_and_counts(client, seed):
    niu = Speaker.objects.get(name="Niu Yibing")
    html = client.get(niu.get_absolute_url()).content.decode()
    assert "Spokesman" in html and "Deputy Director" in html and "牛一兵" in html
    commitments = Claim.objects.filter(speaker=niu, kind="commitment").count()
    assert f'kind=commitment">Commitment</a> {commitments}' in html
    assert "Supervision of internet companies" in html


def test_organisation_topic_and_publisher_pages(client, seed):
    cac = Organisation.objects.get(abbreviation="CAC")
    html = client.get(cac.get_absolute_url()).content.decode()
    assert "Niu Yibing" in html and "Lu Wei" in html and "Cybersecurity Coordination Bureau" in html
    data = Topic.objects.get(slug="data-security")
    html = client.get(data.get_absolute_url()).content.decode()
    assert "Cybersecurity</a> ›" in html and "Didi" in html
    html = client.get(Topic.objects.get(slug="cybersecurity").get_absolute_url()).content.decode()
    assert "Data security" in html and "Didi" in html  # claims of subtopics included
    xinhua = Publisher.objects.get(name="Xinhua")
    assert "Version 2.0" in client.get(xinhua.get_absolute_url()).content.decode()  # republished by others


@pytest.mark.parametrize("name", ["speaker", "organisation", "topic", "publisher", "claim", "metric"])
def test_unknown_ids_are_404(client, name):
    assert client.get(reverse(name, args=[987654])).status_code == 404


def test_bad_page_numbers_show_the_first_page(client, seed):
    niu = Speaker.objects.get(name="Niu Yibing")
    for page in ("abc", "-1", "0", "99999999999"):
        assert client.get(niu.get_absolute_url(), {"page": page}).status_code == 200


def test_the_claim_page_shows_links_both_ways_with_inverse_wording_and_history(admin_client, seed):
    users_2015 = Claim.objects.get(quote="Boasting 668 million Internet users")
    html = admin_client.get(users_2015.get_absolute_url()).content.decode()
    assert "<strong>updates</strong>" in html and "<strong>updated by</strong>" in html
    question = Claim.objects.get(quote__startswith="Is it possible for the Ministry")
    assert "<strong>answered by</strong>" in admin_client.get(question.get_absolute_url()).content.decode()
    claim = Claim.objects.get(quote="from 564 million in 2012")
    claim.status = "supported"
    claim.save()
    html = admin_client.get(claim.get_absolute_url()).content.decode()
    assert "Changed by the system" in html  # saved outside a request: no user to name


def test_speaker_and_claim_pages_cost_the_same_queries_however_much_they_show(client):
    counts = []
    for claims, links in ((1, 1), (30, 40)):
        speaker = SpeakerFactory()
        document = DocumentFactory(text=f"Figure {claims}: rose to 1.03 billion last year.")
        made = [ClaimFactory(document=document, speaker=speaker) for _ in range(claims)]
        for other in [ClaimFactory(document=document) for _ in range(links)]:
            LinkFactory(source=made[0], target=other, relation=Link.Relation.SUPPORTS)
            LinkFactory(source=other, target=made[0], relation=Link.Relation.CITES)
        with CaptureQueriesContext(connection) as speaker_queries:
            assert client.get(speaker.get_absolute_url()).status_code == 200
        with CaptureQueriesContext(connection) as claim_queries:
            assert client.get(made[0].get_absolute_url()).status_code == 200
        counts.append((len(speaker_queries), len(claim_queries)))
    assert counts[0] == counts[1]


def test_every_page_is_reachable_from_the_home_page(client, seed):
    home = client.get(reverse("home")).content.decode()
    for name in ("claim-list", "document-list", "speaker-list", "metric-list"):
        assert f'href="{reverse(name)}"' in home

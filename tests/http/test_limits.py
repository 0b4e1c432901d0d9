"""Anonymous clients are limited on what costs the most; signed-in users never are."""

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

FEW = {"citation": 3, "export": 2, "search": 3}


@override_settings(RATE_LIMITS=True, RATE_LIMITS_PER_MINUTE=FEW)
def test_an_anonymous_client_is_told_to_wait_after_its_share_of_searches(client, admin_client, seed):
    from django.test import Client

    cache.clear()
    anonymous = Client()
    answers = [anonymous.get(reverse("claim-list"), {"q": "internet"}).status_code for _ in range(5)]
    assert answers == [200, 200, 200, 429, 429]
    assert anonymous.get(reverse("claim-list")).status_code == 200  # browsing without words is not limited
    assert anonymous.get(reverse("claim-list"), {"q": "x"})["Retry-After"] == "60"
    assert all(
        admin_client.get(reverse("claim-list"), {"q": "internet"}).status_code == 200 for _ in range(5)
    )


@override_settings(RATE_LIMITS=True, RATE_LIMITS_PER_MINUTE=FEW)
def test_formatted_citations_and_exports_are_limited_for_anonymous_clients(seed):
    from django.test import Client

    cache.clear()
    anonymous = Client()
    cite = reverse("claim-cite", args=[28])
    assert [anonymous.get(cite, {"format": "csljson"}).status_code for _ in range(5)] == [
        200
    ] * 5  # no pandoc
    assert [anonymous.get(cite, {"format": "apa"}).status_code for _ in range(4)] == [200, 200, 200, 429]
    export = reverse("claims-export")
    assert [anonymous.get(export, {"format": "csv"}).status_code for _ in range(3)] == [200, 200, 429]


@override_settings(RATE_LIMITS=False, RATE_LIMITS_PER_MINUTE=FEW)
def test_limits_can_be_turned_off(client, seed):
    cache.clear()
    assert {client.get(reverse("claim-list"), {"q": "internet"}).status_code for _ in range(5)} == {200}

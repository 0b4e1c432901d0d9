"""The pages the benchmark requests: a registry that later work extends by
adding a function that returns the page's URL, decorated with `@page`.

URL functions run after the corpus exists, so they can look up the records
they need (the generator's landmarks: claimtracker.generation.landmarks).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Count
from django.urls import reverse

from claimtracker.corpus.models import Claim, Speaker, Topic
from claimtracker.corpus.paging import Cursor
from claimtracker.generation import landmarks


@dataclass(frozen=True)
class Page:
    name: str  # what --pages takes
    title: str  # what the report shows
    url: Callable[[], str]


PAGES = {}


def page(name, title):
    def register(url):
        PAGES[name] = Page(name, title, url)
        return url

    return register


def claim_changelist(query=""):
    return reverse("admin:corpus_claim_changelist") + (f"?{query}" if query else "")


@page("admin-claims", "admin claim change-list")
def admin_claims():
    return claim_changelist()


@page("admin-claims-kind-status", "admin claim change-list, kind and status")
def admin_claims_by_kind_and_status():
    return claim_changelist("kind__exact=statistic&status__exact=disputed")


@page("admin-claims-year", "admin claim change-list, date said in 2024")
def admin_claims_by_date():
    return claim_changelist("said_on__gte=2024-01-01&said_on__lt=2025-01-01")


@page("admin-claims-topic", "admin claim change-list, topic with subtopics")
def admin_claims_by_topic():
    topic = Topic.objects.filter(path="cybersecurity/").first() or Topic.objects.order_by("path").first()
    return claim_changelist(f"topic={topic.pk}" if topic else "")


@page("admin-claim-change", "admin claim change form (statistics, 60 links)")
def admin_claim_change():
    claim = landmarks.hub_claim() or Claim.objects.order_by("pk").first()
    return reverse("admin:corpus_claim_change", args=[claim.pk])


@page("reader", "document reader, 100 KB and 500 claims")
def reader():
    document = landmarks.heavy_document() or Claim.objects.order_by("pk").first().document
    return document.get_absolute_url()


def claim_list(query=""):
    return reverse("claim-list") + (f"?{query}" if query else "")


@page("claims", "claim list with facets")
def claims():
    return claim_list()


@page("claims-filtered", "claim list, topic + kind + 2 years, with facets")
def claims_filtered():
    topic = Topic.objects.filter(path="cybersecurity/").first() or Topic.objects.order_by("path").first()
    return claim_list(f"topic={topic.pk}&kind=statistic&said_from=2023-01-01&said_to=2024-12-31")


@page("claims-search-common", "search for a common word (internet), ranked")
def claims_search_common():
    return claim_list("q=internet")


@page("claims-search-middling", "search for a word in 1 claim in 20 (governance), ranked")
def claims_search_middling():
    return claim_list("q=governance")


@page("claims-search-rare", "search for a rare word, ranked")
def claims_search_rare():
    return claim_list(f"q={rare_word()}")


@page("claims-search-chinese", "search for a Chinese word (互联网), ranked")
def claims_search_chinese():
    return claim_list("q=互联网")


def rare_word():
    """The given name of the speaker with the fewest claims: a word in few claims."""
    speaker = Speaker.objects.annotate(n=Count("claims")).filter(n__gt=0).order_by("n", "pk").first()
    return (speaker.given_name or speaker.name.split()[-1]) if speaker else "nothing"


@page("claims-deep", "claim list, page 2,000 by its next link")
def claims_deep():
    return claim_list(f"after={cursor_before_page(2_000)}")


@page("claims-jump", "claim list, page 2,000 by number")
def claims_jump():
    return claim_list("page=2000")


@page("claim", "claim page (statistics, 60 links)")
def claim_page():
    claim = landmarks.hub_claim() or Claim.objects.order_by("pk").first()
    return claim.get_absolute_url()


def cursor_before_page(number, size=50):
    """The cursor a reader following "next" from page 1 holds when asking for page `number`."""
    ordered = Claim.objects.order_by(*Claim._meta.ordering).values_list("said_on", "pk")
    position = max(0, (number - 1) * size - 1)
    rows = list(ordered[position : position + 1]) or list(ordered.reverse()[:1])  # a small corpus: its end
    return Cursor(*rows[0]).encode()

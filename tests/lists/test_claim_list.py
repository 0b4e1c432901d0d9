"""The claim list at /claims/: every filter, their combinations, facets, bad
parameters, pages that follow "next", and caches that never go stale."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.db import connection  # noqa: F401  (the skipif condition reads it)
from django.urls import reverse

from claimtracker.corpus.models import (
    Claim,
    Document,
    Link,
    Metric,
    Organisation,
    Publisher,
    Speaker,
    Topic,
)
from tests.factories import ClaimFactory, DocumentFactory, SpeakerFactory, SpeakerRoleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def listed(client, **params):
    """The ids of every claim the list shows for `params`, following "next" links."""
    response = client.get(reverse("claim-list"), {"per_page": 200, **params})
    assert response.status_code == 200
    ids = [claim.pk for claim in response.context["claims"]]
    while response.context["next_url"]:
        response = client.get(reverse("claim-list") + response.context["next_url"])
        ids += [claim.pk for claim in response.context["claims"]]
    return ids


def expected(queryset):
    return list(queryset.order_by().values_list("pk", flat=True).order_by(*Claim._meta.ordering))


def test_every_filter_selects_the_right_claims(client, seed):
    niu = Speaker.objects.get(name="Niu Yibing")
    cybersecurity = Topic.objects.get(slug="cybersecurity")
    users = Metric.objects.get(name="Internet users in China")
    document = Document.objects.get(title="China vows to strengthen cybersecurity")
    beijing_review = Publisher.objects.get(name="Beijing Review")
    linked = set(Link.objects.values_list("source", flat=True)) | set(
        Link.objects.values_list("target", flat=True)
    )
    cases = [
        ({"speaker": niu.pk}, Claim.objects.filter(speaker=niu)),
        (
            {"topic": cybersecurity.pk},
            Claim.objects.filter(topics__path__startswith="cybersecurity/").distinct(),
        ),
        ({"kind": "question"}, Claim.objects.filter(kind="question")),
        ({"status": "unverified"}, Claim.objects.all()),
        ({"document": document.pk}, Claim.objects.filter(document=document)),
        ({"publisher": beijing_review.pk}, Claim.objects.filter(document__publisher=beijing_review)),
        ({"document_kind": "transcript"}, Claim.objects.filter(document__kind="transcript")),
        ({"language": "en"}, Claim.objects.all()),
        (
            {"said_from": "2015-01-01", "said_to": "2019-12-31"},
            Claim.objects.filter(said_on__year__in=[2015, 2019]),
        ),
        ({"metric": users.pk}, Claim.objects.filter(statistics__metric=users).distinct()),
        ({"has_links": "true"}, Claim.objects.filter(pk__in=linked)),
        ({"has_links": "false"}, Claim.objects.exclude(pk__in=linked)),
        ({"anchor": "anchored"}, Claim.objects.all()),
    ]
    for params, queryset in cases:
        assert listed(client, **params) == expected(queryset), params
    assert len(listed(client, kind="question")) == 5  # three from RTHK, two from Reuters
    assert len(listed(client, metric=users.pk)) == 3


def test_filters_combine(client, seed):
    topic = Topic.objects.get(slug="cybersecurity")
    ids = listed(client, topic=topic.pk, kind="commitment", said_from="2022-01-01")
    wanted = Claim.objects.filter(
        topics__path__startswith="cybersecurity/", kind="commitment", said_on__gte=datetime.date(2022, 1, 1)
    ).distinct()
    assert ids == expected(wanted) and len(ids) >= 2


def test_the_organisation_is_the_one_the_speaker_served_on_the_claims_date(client):
    early, late = (
        Organisation.objects.create(name="Early Office"),
        Organisation.objects.create(name="Late Office"),
    )
    speaker = SpeakerFactory()
    SpeakerRoleFactory(
        speaker=speaker,
        organisation=early,
        start_date=datetime.date(2010, 1, 1),
        end_date=datetime.date(2015, 12, 31),
    )
    SpeakerRoleFactory(
        speaker=speaker, organisation=late, start_date=datetime.date(2016, 1, 1), end_date=None
    )
    document = DocumentFactory()
    in_2012 = ClaimFactory(document=document, speaker=speaker, said_on=datetime.date(2012, 5, 1))
    in_2020 = ClaimFactory(
        document=document, speaker=speaker, said_on=datetime.date(2020, 5, 1), quote_text="billion"
    )
    institution = SpeakerFactory(
        kind="institution", name="Late Office", family_name="", given_name="", organisation=late
    )
    as_itself = ClaimFactory(document=document, speaker=institution, quote_text="last year")
    assert listed(client, organisation=early.pk) == [in_2012.pk]
    assert set(listed(client, organisation=late.pk)) == {in_2020.pk, as_itself.pk}


def facet(response, title):
    groups = dict(response.context["facets"])
    return {value.label: value.count for value, _ in groups[title]}


def test_facet_counts_describe_the_filtered_set_and_link_to_it(client, seed):
    response = client.get(reverse("claim-list"), {"kind": "statistic"})
    statistics = Claim.objects.filter(kind="statistic")
    assert "Kind" not in dict(response.context["facets"])  # already filtered by kind
    assert facet(response, "Status") == {"Unverified": statistics.count()}
    assert (
        facet(response, "Topic")["Digital economy"]
        == statistics.filter(topics__path__startswith="digital-economy/").distinct().count()
    )
    years = {}
    for claim in statistics.exclude(said_on=None):
        years[str(claim.said_on.year)] = years.get(str(claim.said_on.year), 0) + 1
    assert facet(response, "Year") == years and set(years) == {"2010", "2015", "2022"}
    speakers = facet(response, "Speaker")
    assert (
        speakers["Cyberspace Administration of China"]
        == statistics.filter(speaker__name="Cyberspace Administration of China").count()
    )
    assert (
        facet(response, "Organisation")["Cyberspace Administration of China (CAC)"]
        == statistics.filter(speaker__name="Cyberspace Administration of China").count()
    )
    # Following a facet link gives exactly the count it showed.
    groups = dict(response.context["facets"])
    for value, url in groups["Topic"]:
        assert len(listed(client, **dict(pair.split("=") for pair in url[1:].split("&")))) == value.count


def test_bad_parameters_give_a_message_and_a_usable_page(client, seed):
    bad = {
        "speaker": "99999",
        "topic": "abc",
        "kind": "<script>",
        "said_from": "yesterday",
        "per_page": "100000",
        "page": "-3",
        "sort": "chaos",
        "after": "not-a-cursor",
        "has_links": "maybe",
    }
    response = client.get(reverse("claim-list"), bad)
    assert response.status_code == 200
    problems = " ".join(response.context["problems"])
    for word in (
        "Speaker",
        "Topic",
        "Kind",
        "Said from",
        "Page size",
        "Page:",
        "Sort",
        "next page",
        "Has links",
    ):
        assert word in problems, word
    assert "<script>" not in response.content.decode()
    assert len(response.context["claims"]) == 50  # the whole corpus, first page


def test_next_links_walk_every_claim_once_in_order_including_undated_ones(client, seed):
    ids = listed(client, per_page=25)
    assert ids == expected(Claim.objects.all())
    assert Claim.objects.filter(said_on=None).exists()
    response = client.get(reverse("claim-list"), {"per_page": 25})
    assert "after=" in response.context["next_url"]


def test_a_page_number_jump_and_the_speaker_sort(client, seed):
    page_two = client.get(reverse("claim-list"), {"per_page": 25, "page": 2}).context["claims"]
    assert [c.pk for c in page_two] == expected(Claim.objects.all())[25:50]
    by_speaker = listed(client, sort="speaker")
    names = [
        Claim.objects.get(pk=pk).speaker.name if Claim.objects.get(pk=pk).speaker else "" for pk in by_speaker
    ]
    assert [n for n in names if n] == sorted(n for n in names if n)


def test_every_page_by_number_is_the_page_the_next_links_reach(client, seed):
    """A jump finds the row before the page in the date index, then reads on by cursor:
    the same claims as OFFSET would give, across the undated ones and past the end."""
    order = expected(Claim.objects.all())
    assert Claim.objects.filter(said_on=None).exists()
    size = 25
    for number in range(1, len(order) // size + 3):
        response = client.get(reverse("claim-list"), {"per_page": size, "page": number})
        shown = [claim.pk for claim in response.context["claims"]]
        assert shown == order[(number - 1) * size : number * size], number
        next_url = response.context["next_url"]
        assert (next_url is not None) == (number * size < len(order)), number
        if next_url:
            following = client.get(reverse("claim-list") + next_url).context["claims"]
            assert [claim.pk for claim in following] == order[number * size : (number + 1) * size]


def test_a_jump_skips_rows_in_the_date_index_alone(client, seed, django_assert_max_num_queries):
    """The rows skipped are read without joins or other columns (the index serves it)."""
    with django_assert_max_num_queries(40) as captured:
        client.get(reverse("claim-list"), {"per_page": 25, "page": 2})
    skipping = [q["sql"] for q in captured.captured_queries if "OFFSET" in q["sql"].upper()]
    assert len(skipping) == 1
    assert "JOIN" not in skipping[0].upper()
    columns = r'"corpus_claim"."said_on"( AS "said_on")?, "corpus_claim"."id"( AS "pk")?'
    assert re.match(rf'SELECT {columns} FROM "corpus_claim" ORDER BY', skipping[0])


def test_the_number_of_queries_does_not_grow_with_the_page_size(client, seed, django_assert_max_num_queries):
    counts = []
    for size in (25, 200):
        cache.clear()
        with django_assert_max_num_queries(40) as captured:
            client.get(reverse("claim-list"), {"per_page": size})
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1]


def test_counts_and_facets_follow_every_write(client, seed):
    before = client.get(reverse("claim-list"), {"kind": "question"}).context["summary"]["total"]
    claim = Claim.objects.filter(kind="assertion").first()
    claim.kind = "question"
    claim.save()
    after = client.get(reverse("claim-list"), {"kind": "question"})
    assert after.context["summary"]["total"] == before + 1
    assert re.search(rf"{before + 1} claims", after.content.decode())


def test_document_and_speaker_lists_filter_too(client, seed):
    response = client.get(reverse("document-list"), {"kind": "transcript"})
    assert {d.title[:13] for d in response.context["documents"]} == {"SCIO briefing", "[CCTV News: p"}
    response = client.get(reverse("speaker-list"), {"name": "wei-min"})
    assert [s.name for s in response.context["speakers"]] == ["Sun Weimin"]
    response = client.get(reverse("speaker-list"), {"organisation": "x", "page": "zz"})
    assert response.status_code == 200 and response.context["problems"]


def test_large_sets_get_sampled_facets_marked_as_estimates(client, seed, monkeypatch):
    from claimtracker.corpus import counting
    from claimtracker.lists import facets

    exact = facet(client.get(reverse("claim-list")), "Kind")
    cache.clear()
    monkeypatch.setattr(facets, "EXACT_UP_TO", 1)
    monkeypatch.setattr(counting, "SAMPLE_ROWS", 10**6)  # the whole table: scaled counts equal exact ones
    response = client.get(reverse("claim-list"))
    assert response.context["summary"]["facets"].is_estimate
    assert facet(response, "Kind") == exact
    assert "≈" in response.content.decode()


def test_large_totals_and_facet_counts_are_shown_with_grouped_digits(client, seed, monkeypatch):
    from claimtracker.lists import views

    real = views.summarise

    def at_scale(matching):  # the seed's facets, as a corpus of millions would count them
        _, _, facets = real(matching)
        facets.is_estimate = True
        for _, values in facets.groups.values():
            for value in values:
                value.count *= 10_000
        return 1_234_567, True, facets

    monkeypatch.setattr(views, "summarise", at_scale)
    page = client.get(reverse("claim-list")).content.decode()
    assert 'About <span id="claim-total">1,234,567</span> claims' in page
    assert "Export these 1,234,567 (about) claims" in page
    counts = re.findall(r'<span class="count">≈([\d,]+)</span>', page)
    assert counts and all(re.fullmatch(r"\d{1,3}(,\d{3})+", count) for count in counts)

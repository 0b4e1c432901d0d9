"""schema.org ClaimReview and W3C Web Annotation exports, checked against their
required properties and the W3C Web Annotation test schemas (copied into
tests/exports/schemas/w3c-web-annotation from w3c/web-annotation-tests)."""

import datetime
import json
from pathlib import Path
from unittest import mock

import jsonschema
import pytest
from django.test import override_settings
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from claimtracker.corpus.models import Annotation, Claim
from claimtracker.corpus.services.claims import claim_update, claims_set_status
from claimtracker.corpus.services.editing import ClaimEdit
from claimtracker.exports.formats import export

pytestmark = pytest.mark.django_db

W3C = Path(__file__).parent / "schemas" / "w3c-web-annotation"


def exported(claims, name):
    return json.loads(b"".join(export(claims, name, "https://claims.example.org")[0]))


def w3c_assertions():
    """The "must" assertions of the W3C test suite, with a registry resolving their $refs by file name."""
    schemas = {path.name: json.loads(path.read_text(encoding="utf-8")) for path in W3C.glob("*.json")}
    registry = Registry().with_resources(
        (name, Resource.from_contents(schema, default_specification=DRAFT4))
        for name, schema in schemas.items()
    )
    musts = {name: s for name, s in schemas.items() if s.get("assertionType") == "must"}
    return musts, registry


def test_web_annotations_pass_every_must_assertion_of_the_w3c_tests(seed):
    annotations = exported(Claim.objects.all(), "webannotation")
    assert len(annotations) == Claim.objects.count()
    musts, registry = w3c_assertions()
    assert len(musts) >= 50
    for name, schema in musts.items():
        validator = jsonschema.Draft4Validator(schema, registry=registry)
        for annotation in annotations:
            assert validator.is_valid(annotation) == (schema["expectedResult"] == "valid"), (
                name,
                annotation["id"],
            )


def test_a_web_annotation_targets_the_quote_and_position_and_carries_kind_topics_and_notes(seed):
    claim = Claim.objects.get(quote="from 564 million in 2012")
    Annotation.objects.create(claim=claim, body="Matches CNNIC's 31st report.")
    (annotation,) = exported(Claim.objects.filter(pk=claim.pk), "webannotation")
    quote, position = annotation["target"]["selector"]
    assert quote == {
        "type": "TextQuoteSelector",
        "exact": claim.quote,
        "prefix": claim.prefix,
        "suffix": claim.suffix,
    }
    assert position == {"type": "TextPositionSelector", "start": claim.start, "end": claim.end}
    values = {(body["purpose"], body["value"]) for body in annotation["body"]}
    assert ("classifying", "Statistic") in values and ("tagging", "Internet users") in values
    assert ("commenting", "Matches CNNIC's 31st report.") in values
    links = sorted(value for purpose, value in values if purpose == "linking")
    assert links == sorted(
        f"{link.relation}: https://claims.example.org/claims/{link.target_id}/"
        for link in claim.links_out.all()
    )


def test_a_web_annotations_offsets_count_into_its_source_the_reader_page(seed, client):
    """The source is the page that shows the stored text the offsets count into; the
    original page is only the scope (point 11 of issue 11)."""
    claim = Claim.objects.get(quote="from 564 million in 2012")
    document = claim.document
    document.url = "https://www.chinadaily.com.cn/a/202208/19/WS62ff.html"
    document.save()
    (annotation,) = exported(Claim.objects.filter(pk=claim.pk), "webannotation")
    target = annotation["target"]
    assert target["source"] == f"https://claims.example.org/documents/{document.pk}/"
    assert target["scope"] == document.url
    position = target["selector"][1]
    assert document.text[position["start"] : position["end"]] == claim.quote
    assert client.get(f"/documents/{document.pk}/").status_code == 200  # the source is a real page


def at(day):
    return mock.patch(
        "django.utils.timezone.now", return_value=datetime.datetime(*day, 12, tzinfo=datetime.UTC)
    )


def set_verdict(claim, status, day):
    with at(day):
        claims_set_status(Claim.objects.filter(pk=claim.pk), status)
    claim.refresh_from_db()


def test_a_claim_with_a_verdict_is_a_claim_review_with_its_rating_and_evidence(seed):
    claim = Claim.objects.get(quote__startswith="The relevant regulations will not affect")
    set_verdict(claim, Claim.Status.MISLEADING, (2026, 11, 20))
    Annotation.objects.create(claim=claim, body="Users kept reporting blocked VPNs.", is_evidence=True)
    (review,) = exported(Claim.objects.filter(pk=claim.pk), "claimreview")
    assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
    for key in ("url", "claimReviewed", "author", "itemReviewed", "reviewRating", "datePublished"):
        assert review[key], key
    assert review["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 2,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "Misleading",
        "ratingExplanation": "Users kept reporting blocked VPNs.",
    }
    item = review["itemReviewed"]
    assert item["@type"] == "Claim" and item["author"] == {"@type": "Person", "name": "Wen Ku"}
    assert item["datePublished"] == "2019-09-20"
    assert (
        item["appearance"]["headline"] == "SCIO briefing on China's industrial and communications development"
    )


@override_settings(SITE_URL="https://claims.example.org", REVIEWER_NAME="China Claims Desk")
def test_a_review_is_by_the_publishing_organisation_and_dated_when_its_verdict_was_set(seed):
    """Point 14 of issue 11: not the software, and not the latest edit."""
    claim = Claim.objects.get(quote__startswith="The relevant regulations will not affect")
    set_verdict(claim, Claim.Status.FALSE, (2026, 11, 20))
    with at((2026, 11, 25)):
        claim_update(claim.pk, ClaimEdit(version=claim.version, values={"summary": "Edited later."}))
    (review,) = exported(Claim.objects.filter(pk=claim.pk), "claimreview")
    assert review["author"] == {
        "@type": "Organization",
        "name": "China Claims Desk",
        "url": "https://claims.example.org",
    }
    assert review["datePublished"] == "2026-11-20"
    assert review["claimReviewed"] == "Edited later."
    set_verdict(claim, Claim.Status.SUPPORTED, (2026, 12, 1))
    (review,) = exported(Claim.objects.filter(pk=claim.pk), "claimreview")
    assert review["datePublished"] == "2026-12-01"


def test_unverifiable_has_no_rating_value_and_unverified_is_a_bare_claim(seed):
    unverifiable = Claim.objects.get(quote="from 564 million in 2012")
    set_verdict(unverifiable, Claim.Status.UNVERIFIABLE, (2026, 11, 20))
    (review,) = exported(Claim.objects.filter(pk=unverifiable.pk), "claimreview")
    assert (
        "ratingValue" not in review["reviewRating"]
        and review["reviewRating"]["alternateName"] == "Unverifiable"
    )
    (bare,) = exported(Claim.objects.filter(quote="Boasting 668 million Internet users"), "claimreview")
    assert bare["@type"] == "Claim" and "reviewRating" not in bare


def test_first_appearance_follows_repeats_links_to_the_earliest_document(seed):
    niu = Claim.objects.get(quote__startswith="as there is no national security without online security")
    (item,) = exported(Claim.objects.filter(pk=niu.pk), "claimreview")
    assert item["appearance"]["headline"] == "China vows to strengthen cybersecurity"
    assert item["firstAppearance"]["headline"] == "“Version 2.0” of China's Internet governance"
    assert item["firstAppearance"]["datePublished"] == "2015-12-16"
    assert item["author"]["jobTitle"].startswith("Spokesman")

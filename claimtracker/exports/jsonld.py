"""schema.org ClaimReview and W3C Web Annotation, as JSON-LD (DESIGN §5).

ClaimReview: one per claim with a verdict (any status but unverified); a bare
schema.org Claim for the rest. Our links between claims have no schema.org
property, so they are in the JSON export and in the Web Annotation bodies.
"""

from django.conf import settings

from claimtracker.corpus.models import Claim, Link, Speaker

from .csl import json_array

RATINGS = {
    Claim.Status.FALSE: 1,
    Claim.Status.MISLEADING: 2,
    Claim.Status.DISPUTED: 3,
    Claim.Status.SUPPORTED: 5,
}  # on a 1–5 scale; "unverifiable" is a verdict without a value


def reviewer():
    """The organisation that publishes the verdicts (settings: REVIEWER_NAME, SITE_URL)."""
    return {"@type": "Organization", "name": settings.REVIEWER_NAME, "url": settings.SITE_URL}


def author_of(record):
    speaker = record.claim.speaker
    if speaker is None:
        return None
    person = speaker.kind == Speaker.Kind.PERSON
    author = {"@type": "Person" if person else "Organization", "name": speaker.name}
    if record.roles:
        author["jobTitle"] = "; ".join(record.roles)
    return author


def appearance(document):
    work = {"@type": "CreativeWork", "headline": document.title}
    if document.url:
        work["url"] = document.url
    if document.published_on:
        work["datePublished"] = document.published_on.isoformat()
    if document.publisher_id:
        work["publisher"] = {"@type": "Organization", "name": document.publisher.name}
    return work


def first_appearance(record):
    """The earliest document the claim appears in, following *repeats* links (one step each way)."""
    claim = record.claim
    repeats = [link.target for link in claim.prefetched_links_out if link.relation == Link.Relation.REPEATS]
    repeats += [link.source for link in claim.prefetched_links_in if link.relation == Link.Relation.REPEATS]
    dated = [c.document for c in [claim, *repeats] if c.document.published_on]
    return min(dated, key=lambda document: document.published_on) if dated else claim.document


def schema_claim(record):
    claim = record.claim
    item = {"@type": "Claim", "text": claim.quote, "appearance": appearance(claim.document)}
    author = author_of(record)
    if author:
        item["author"] = author
    if claim.said_on:
        item["datePublished"] = claim.said_on.isoformat()
    item["firstAppearance"] = appearance(first_appearance(record))
    return item


def evidence(claim):
    notes = [note for note in claim.prefetched_annotations if note.is_evidence]
    return notes[0] if notes else None


def claim_review(record):
    claim = record.claim
    if claim.status == Claim.Status.UNVERIFIED:
        return {"@context": "https://schema.org", "url": record.permalink, **schema_claim(record)}
    rating = {
        "@type": "Rating",
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": claim.get_status_display(),
    }
    if claim.status in RATINGS:
        rating["ratingValue"] = RATINGS[claim.status]
    note = evidence(claim)
    if note:
        rating["ratingExplanation"] = note.body
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": record.permalink,
        "claimReviewed": claim.summary or claim.quote,
        "author": reviewer(),
        "itemReviewed": schema_claim(record),
        "reviewRating": rating,
    }
    if claim.verdict_at:  # when the current verdict was set, not the claim's latest edit
        review["datePublished"] = claim.verdict_at.date().isoformat()
    return review


def claimreview(records):
    return json_array(claim_review(record) for record in records)


# --- W3C Web Annotation ------------------------------------------------------------------


def annotation(record):
    claim, document = record.claim, record.document
    bodies = [{"type": "TextualBody", "purpose": "classifying", "value": claim.get_kind_display()}]
    bodies += [
        {"type": "TextualBody", "purpose": "tagging", "value": topic.name}
        for topic in claim.prefetched_topics
    ]
    if claim.summary:
        bodies.append({"type": "TextualBody", "purpose": "describing", "value": claim.summary})
    bodies += [
        {"type": "TextualBody", "purpose": "commenting", "value": note.body}
        for note in claim.prefetched_annotations
    ]
    bodies += [
        {
            "type": "TextualBody",
            "purpose": "linking",
            "value": f"{link.relation}: {record.url_of(link.target)}",
        }
        for link in claim.prefetched_links_out
    ]
    return {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": record.permalink + "#annotation",
        "type": "Annotation",
        "motivation": "classifying",
        "created": claim.created_at.isoformat(),
        "modified": claim.updated_at.isoformat(),
        "body": bodies,
        "target": {
            # The offsets count into the stored text, which the reader page shows as it is;
            # the original page, where the text was taken from, is the scope.
            "source": record.url_of(document),
            **({"scope": document.url} if document.url else {}),
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": claim.quote,
                    "prefix": claim.prefix,
                    "suffix": claim.suffix,
                },
                {"type": "TextPositionSelector", "start": claim.start, "end": claim.end},
            ],
        },
    }


def webannotation(records):
    return json_array(annotation(record) for record in records)

"""Documents coming in: duplicates found before anything is written, then one transaction
per document — the document, its byline, its original (file or page snapshot) and its
text signature — so that a failure leaves nothing half-created."""

import hashlib
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Count, Q

from claimtracker.text.similarity import bands, signature, similarity

from ..models import Byline, Document, Publisher, Snapshot, Speaker, SpeakerAlias, TextBand
from ..models.sources import content_hash, loose_hash
from .documents import document_save
from .recording import attributed_to

NEAR_COPY = 0.7  # estimated Jaccard similarity from which a text is offered as a copy


@dataclass
class Original:
    """The file or page a document is imported from, kept as it came."""

    content: bytes
    fetched_at: object  # an aware datetime
    content_type: str = ""
    filename: str = ""
    url: str = ""


class DuplicateDocument(Exception):
    def __init__(self, existing):
        self.existing = existing
        super().__init__(f"Already stored as document {existing.pk}: “{existing.title}”.")


def duplicate_of(text):
    """The stored document with this text, or with this text but for its white space."""
    return (
        Document.objects.filter(content_hash=content_hash(text)).defer("text").first()
        or Document.objects.filter(loose_hash=loose_hash(text)).defer("text").first()
    )


CANDIDATES = 20  # the documents sharing most bands with a text, compared by signature


def near_copies(text, limit=3):
    """[(document, similarity)] of stored documents whose text is nearly this one, closest first.
    Candidates share a band of the signature (an index lookup per band); of those, the few
    sharing most bands are compared whole, so that texts built alike cost no more."""
    mine = signature(text)
    same_band = Q()
    for band, value in enumerate(bands(mine)):
        same_band |= Q(band=band, value=value)
    candidates = (
        TextBand.objects.filter(same_band)
        .values("document_id")
        .annotate(shared=Count("id"))
        .order_by("-shared", "-document_id")[:CANDIDATES]
    )
    ids = [row["document_id"] for row in candidates]
    found = [
        (document, similarity(mine, document.signature))
        for document in Document.objects.filter(pk__in=ids).only("pk", "title", "signature")
    ]
    found = [(document, share) for document, share in found if share >= NEAR_COPY]
    return sorted(found, key=lambda pair: (-pair[1], pair[0].pk))[:limit]


def document_import(document, *, publisher="", byline=(), speakers=(), original=None, user=None):
    """Store an imported document (unsaved, its metadata set by the user), with its
    publisher and byline (names as written, matched to records or created), the new
    speakers its transcript turns name, and its original. Refuses an exact or white-space
    copy of a stored text (DuplicateDocument), also when the copy is saved a moment before
    this one (two people importing the same page at once: the text's unique hash decides)."""
    try:
        return stored(document, publisher, byline, speakers, original, user)
    except IntegrityError:
        existing = duplicate_of(document.text)
        if existing:
            document.pk = None
            raise DuplicateDocument(existing) from None
        raise


def stored(document, publisher, byline, speakers, original, user):
    with transaction.atomic(), attributed_to(user):
        existing = duplicate_of(document.text)
        if existing:
            raise DuplicateDocument(existing)
        if publisher:
            document.publisher = publisher_named(publisher)
        if original and original.url and not document.accessed_on:
            document.accessed_on = original.fetched_at.date()  # the access date is the fetch date
        document_save(document, user=user)
        for name in dict.fromkeys(speakers):
            person_named(name)
        for position, name in enumerate(dict.fromkeys(byline), start=1):
            Byline.objects.create(document=document, person=person_named(name), position=position)
        if original:
            Snapshot.objects.create(
                document=document,
                content=original.content,
                content_type=original.content_type[:200],
                filename=original.filename[:255],
                url=original.url[:1000],
                fetched_at=original.fetched_at,
                sha256=hashlib.sha256(original.content).hexdigest(),
                size=len(original.content),
            )
    return document


def person_named(name):
    """The speaker with this name or alias, or a new one (a byline names a person)."""
    name = " ".join(name.split())[:200]
    found = Speaker.objects.filter(name=name).first()
    if found:
        return found
    alias = SpeakerAlias.objects.filter(name=name).select_related("speaker").first()
    if alias:
        return alias.speaker
    # An English byline is given name first ("John Smith"); the order of others is for the
    # user to correct on the speaker's page: a split is offered, not a fact.
    *given, family = name.split()
    return Speaker.objects.create(name=name, family_name=family, given_name=" ".join(given))


def publisher_named(name):
    """The publisher of this name, created if new; None for no name."""
    name = " ".join(name.split())[:300]
    return Publisher.objects.get_or_create(name=name)[0] if name else None

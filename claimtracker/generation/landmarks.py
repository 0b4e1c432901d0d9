"""The records every generated corpus holds for benchmarks to find: the
landmark document each run starts with (from 10,000 claims on a 100 KB
transcript with 500 claims) and its hub claim (its first claim: several
statistics, notes and, given enough claims, 60 links)."""

from django.db.models.functions import Length

from claimtracker.corpus.models import Claim, Document

from .rows import LANDMARK_NOTE


def heavy_document():
    """The longest landmark document, or None in a corpus that was not generated."""
    landmarks = Document.objects.filter(notes__startswith=LANDMARK_NOTE)
    return landmarks.defer("text").order_by(Length("text").desc(), "id").first()


def hub_claim():
    """The first claim of the heavy document, or None."""
    document = heavy_document()
    if document is None:
        return None
    return Claim.objects.filter(document=document).order_by("start", "end", "id").first()

"""One input of a bulk import (manage.py import_documents, the import benchmark): read it,
and store it unless it is stored already — in its own transaction, so that a failure
leaves nothing of it."""

from claimtracker.corpus.services.importing import DuplicateDocument, document_import

from . import sources
from .extracting import ExtractionError


def import_one(name, read, kind):
    """(the line to print, whether it went well)."""
    try:
        reading = read()
        if reading.duplicate:
            return f"{name}: duplicate of {reading.duplicate.pk}", True
        copy_of = reading.near[0][0] if reading.near else None
        document = sources.unsaved_document(reading.extracted, kind=kind, copy_of=copy_of)
        document.full_clean(exclude=["content_hash", "loose_hash", "signature", "publisher", "copy_of"])
        document = document_import(
            document,
            publisher=reading.extracted.site,
            byline=reading.extracted.byline,
            original=reading.original,
        )
    except DuplicateDocument as duplicate:
        return f"{name}: duplicate of {duplicate.existing.pk}", True
    except (ExtractionError, OSError) as error:
        return f"{name}: failed: {error}", False
    except Exception as error:  # a ValidationError's messages, or anything else: named, and the rest go on
        return f"{name}: failed: {'; '.join(getattr(error, 'messages', [])) or error!r}", False
    copy = f" (a copy of {copy_of.pk})" if copy_of else ""
    return f"{name}: imported as {document.pk}{copy}", True

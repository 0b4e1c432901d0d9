"""From what the user gives — pasted text, a file, a URL — to a document to review: the
extracted text and metadata, the original to keep, and what the corpus already holds of
it (an exact copy, near copies). Nothing is written here: saving is the domain's
(corpus.services.importing.document_import)."""

import datetime
import mimetypes
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from claimtracker.corpus.models import Document
from claimtracker.corpus.selectors import speakers_named
from claimtracker.corpus.services.importing import Original, duplicate_of, near_copies
from claimtracker.text.turns import speaker_turns

from .extracting import Extracted, ExtractionError, extract, normalised
from .fetching import fetch

# Which kind a page is would be a guess: a news report unless the user says otherwise.
DEFAULT_KIND = Document.Kind.NEWS_REPORT


@dataclass
class Reading:
    """An input read, ready for the user to review."""

    extracted: Extracted
    original: Original | None = None
    duplicate: Document | None = None
    near: list = field(default_factory=list)  # [(document, similarity)]

    @property
    def turns(self):
        """The transcript's speaker turns: labels matched to speakers, or names not yet recorded."""
        return turns_in(self.extracted.text)


def limit():
    return settings.IMPORT_MAX_BYTES


def too_large(size):
    return ExtractionError(
        f"The file is larger than the limit of {limit() / 2**20:.0f} MB ({size / 2**20:.1f} MB)."
    )


def read_paste(text):
    text = normalised(text or "")
    if not text.strip():
        raise ExtractionError("Paste the document’s text, or choose a file or a URL.")
    return reviewed(Extracted(text=text, kind="text"))


def read_upload(upload):
    """An uploaded file (Django's UploadedFile)."""
    if upload.size > limit():
        raise too_large(upload.size)
    content = upload.read()
    content_type = upload.content_type or mimetypes.guess_type(upload.name)[0] or ""
    extracted = extract(content, filename=upload.name, content_type=content_type)
    return reviewed(extracted, Original(content, timezone.now(), content_type, Path(upload.name).name))


def read_path(path):
    """A file on the server's disk (the import_documents command)."""
    size = path.stat().st_size
    if size > limit():
        raise too_large(size)
    content = path.read_bytes()
    content_type = mimetypes.guess_type(path.name)[0] or ""
    fetched_at = datetime.datetime.fromtimestamp(path.stat().st_mtime, tz=datetime.UTC)
    extracted = extract(content, filename=path.name, content_type=content_type)
    return reviewed(extracted, Original(content, fetched_at, content_type, path.name))


def read_url(url):
    fetched = fetch(
        url.strip(),
        timeout=settings.IMPORT_FETCH_TIMEOUT,
        max_bytes=limit(),
        allow_loopback=settings.IMPORT_ALLOW_LOOPBACK,
    )
    extracted = extract(fetched.content, content_type=fetched.content_type, url=fetched.url)
    original = Original(fetched.content, fetched.fetched_at, fetched.content_type, url=fetched.url)
    return reviewed(extracted, original)


def reviewed(extracted, original=None):
    duplicate = duplicate_of(extracted.text)
    near = [] if duplicate else near_copies(extracted.text)
    return Reading(extracted, original, duplicate, near)


def unsaved_document(extracted, *, kind=DEFAULT_KIND, copy_of=None):
    """A Document with what was extracted; its publisher is named apart (`extracted.site`)."""
    return Document(
        title=extracted.title or first_words(extracted.text),
        kind=kind,
        language=extracted.language[:20] or "en",
        published_on=extracted.published_on,
        url=extracted.url[:1000],
        text=extracted.text,
        copy_of=copy_of,
        notes=provenance(extracted),
    )


def first_words(text, words=12):
    first = text.strip().split("\n", 1)[0].split()
    return " ".join(first[:words]) + (" …" if len(first) > words else "")


def provenance(extracted):
    found = "; ".join(extracted.found)
    return f"Imported from {extracted.kind}" + (f" ({found})." if found else ".")


def turns_in(text):
    """[(name as labelled, speaker id or None)], once per name, in order of first turn."""
    seen = {}
    for turn in speaker_turns(text, speakers_named):
        head = turn.label.split(",")[0].strip()
        seen.setdefault(head, turn.speaker_id)
    return list(seen.items())

"""New document: read what the user gives, show the text and metadata found (and any
copy the corpus already holds) for review, then save it through the domain in one
transaction. The original file or page waits in the shared cache between the two steps."""

import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from claimtracker.corpus.models import Document, Snapshot
from claimtracker.corpus.services.importing import (
    DuplicateDocument,
    document_import,
    duplicate_of,
    near_copies,
)

from .extracting import ExtractionError, normalised
from .forms import ReadForm, ReviewForm, review_initial
from .sources import turns_in

ORIGINAL_KEPT_FOR = 6 * 3600  # seconds between reading a file and saving it


def original_key(token):
    return f"import-original:{token}"


@login_required
@permission_required("corpus.add_document", raise_exception=True)
def document_new(request):
    if request.method == "POST" and "save" in request.POST:
        return save(request)
    form = ReadForm(request.POST, request.FILES) if request.method == "POST" else ReadForm()
    if request.method == "POST" and form.is_valid():
        try:
            reading = form.read()
        except ExtractionError as error:
            form.add_error(None, str(error))
        else:
            return review(request, reading)
    status = 400 if form.errors else 200
    return render(request, "importing/new.html", {"form": form}, status=status)


def review(request, reading):
    token = secrets.token_urlsafe(16)
    if reading.original:
        cache.set(original_key(token), reading.original, ORIGINAL_KEPT_FOR)
    unmatched = [name for name, speaker in reading.turns if speaker is None]
    form = ReviewForm(initial=review_initial(reading, token), near=reading.near, unmatched=unmatched)
    context = {"form": form, "reading": reading, "duplicate": reading.duplicate}
    return render(request, "importing/review.html", context)


def save(request):
    text = normalised(request.POST.get("text", ""))
    near = near_copies(text) if text.strip() else []
    unmatched = [name for name, speaker in turns_in(text) if speaker is None]
    form = ReviewForm(request.POST, near=near, unmatched=unmatched)
    if not form.is_valid():
        return render(request, "importing/review.html", {"form": form}, status=400)
    try:
        existing = duplicate_of(text)  # before the model's own check, which knows no "which"
        if existing:
            raise DuplicateDocument(existing)
        document = saved(request, form, text)
    except DuplicateDocument as duplicate:
        context = {"form": form, "duplicate": duplicate.existing}
        return render(request, "importing/review.html", context, status=409)
    except ValidationError as error:
        for field, problems in error.message_dict.items():
            form.add_error(field if field in form.fields else None, problems)
        return render(request, "importing/review.html", {"form": form}, status=400)
    cache.delete(original_key(form.cleaned_data["token"]))
    messages.success(request, f"Saved as document {document.pk}. Select a passage to record a claim.")
    return redirect(document.get_absolute_url())


def saved(request, form, text):
    data = form.cleaned_data
    original = cache.get(original_key(data["token"])) if data["token"] else None
    document = Document(
        title=data["title"],
        title_is_description=data["title_is_description"],
        kind=data["kind"],
        language=data["language"],
        published_on=data["published_on"],
        url=data["url"],
        text=text,
        copy_of=Document.objects.filter(pk=data["copy_of"]).first() if data["copy_of"] else None,
        notes="Imported"
        + (f" from {original.filename or original.url}" if original else " from pasted text"),
    )
    document.full_clean(exclude=["content_hash", "loose_hash", "signature", "publisher", "copy_of"])
    return document_import(
        document,
        publisher=data["publisher"],
        byline=form.byline_names(),
        speakers=data.get("new_speakers", []),
        original=original,
        user=request.user,
    )


@login_required
@require_GET
def snapshot_download(request, pk):
    """The original as it came, as a download: never shown as a page of this site."""
    snapshot = get_object_or_404(Snapshot, pk=pk)
    response = HttpResponse(bytes(snapshot.content), content_type="application/octet-stream")
    name = snapshot.filename or f"document-{snapshot.document_id}-original"
    response["Content-Disposition"] = content_disposition_header(True, name)
    response["X-Content-Type-Options"] = "nosniff"
    return response

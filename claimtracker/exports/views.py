"""Downloading the claims of a filtered list in any format, and one claim's citation."""

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404

from claimtracker.corpus.changes import corpus_version
from claimtracker.corpus.filters import ClaimFilter, valid_filterset
from claimtracker.corpus.models import Claim
from claimtracker.corpus.permissions import may_see_notes
from claimtracker.http.limits import limited

from .formats import FORMATS, UnknownFormat, export
from .styles import STYLE_FILES as STYLES

CITE_SECONDS = 60 * 60 * 24 * 7  # keyed by the corpus version: any change to claims or documents renews it
NAVIGATION = ("after", "page", "per_page", "sort", "format", "bom", "html", "download")


def refused(message):
    return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")


def options(request):
    """The export options a request asks for: ?bom=1 (CSV for Excel), ?html=1 (rich text)."""
    return {name: request.GET.get(name) in ("1", "true", "yes") for name in ("bom", "html")}


@limited("export")
def claims_export(request):
    """/claims/export/?format=bibtex&<the list's filters>: every claim of the filtered set, streamed."""
    filterset, problems = valid_filterset(ClaimFilter, request.GET, Claim.objects.all(), request)
    if problems:
        return refused(" ".join(problems))
    try:
        chunks, content_type, filename = export(
            filterset.qs,
            request.GET.get("format", ""),
            settings.SITE_URL,
            with_notes=may_see_notes(request.user),
            **options(request),
        )
    except UnknownFormat as error:
        return refused(str(error))
    response = StreamingHttpResponse(chunks, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def export_links(filterset):
    """(label, query string) to download, in each format, the set the list shows: only the
    filters it applied, so a filter it ignored (with a message) is not sent again."""
    applied = [
        (name, value)
        for name in filterset.form.fields
        for value in filterset.data.getlist(name)
        if name not in NAVIGATION and name in filterset.form.cleaned_data and value != ""
    ]
    query = filterset.data.__class__(mutable=True)
    for name, value in applied:
        query.appendlist(name, value)
    links = []
    for name, chosen in FORMATS.items():
        query["format"] = name
        links.append((chosen.label, f"?{query.urlencode()}"))
    return links


@limited("citation", when=lambda request: request.GET.get("format", "apa") in STYLES)
def claim_citation(request, pk):
    """One claim in one format, as text — or rich text (?html=1) for the formatted styles —
    for the citation box (loaded on demand, then cached)."""
    claim = get_object_or_404(Claim, pk=pk)
    name = request.GET.get("format", "apa")
    if name not in FORMATS:
        return refused(str(UnknownFormat(name)))
    notes, html = may_see_notes(request.user), options(request)["html"] and name in STYLES
    key = f"citation:{corpus_version()}:{claim.pk}:{name}:{html}:{notes}"
    answer = cache.get(key)
    if answer is None:
        chunks, content_type, _ = export(
            Claim.objects.filter(pk=claim.pk), name, settings.SITE_URL, with_notes=notes, html=html
        )
        answer = (b"".join(chunks).decode("utf-8"), content_type)
        cache.set(key, answer, CITE_SECONDS)
    text, content_type = answer
    response = HttpResponse(text, content_type=content_type)
    if request.GET.get("download"):
        extension = "html" if html else FORMATS[name].extension
        response["Content-Disposition"] = f'attachment; filename="claim-{claim.pk}.{extension}"'
    return response

"""Downloading the claims of a filtered list in any format."""

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


@limited("export")
def claims_export(request):
    """/claims/export/?format=bibtex&<the list's filters>: every claim of the filtered set, streamed."""
    name = request.GET.get("format", "")
    filterset, problems = valid_filterset(ClaimFilter, request.GET, Claim.objects.all(), request)
    if problems:
        return HttpResponse(" ".join(problems), status=400, content_type="text/plain; charset=utf-8")
    base, notes = request.build_absolute_uri("/"), may_see_notes(request.user)
    try:
        chunks, content_type, filename = export(filterset.qs, name, base, with_notes=notes)
    except UnknownFormat as error:
        return HttpResponse(str(error), status=400, content_type="text/plain; charset=utf-8")
    response = StreamingHttpResponse(chunks, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def export_links(params):
    """(label, URL) to download the filtered set `params` in each format."""
    query = params.copy()
    for key in ("after", "page", "per_page", "sort", "format"):
        query.pop(key, None)
    links = []
    for name, chosen in FORMATS.items():
        query["format"] = name
        links.append((chosen.label, f"?{query.urlencode()}"))
    return links


CITE_SECONDS = (
    60 * 60 * 24 * 7
)  # keyed by the corpus version: any change to claims, documents or speakers renews it


@limited("citation", when=lambda request: request.GET.get("format", "apa") in STYLES)
def claim_citation(request, pk):
    """One claim in one format, as text, for the citation box (loaded on demand, then cached)."""
    claim = get_object_or_404(Claim, pk=pk)
    name = request.GET.get("format", "apa")
    if name not in FORMATS:
        return HttpResponse(str(UnknownFormat(name)), status=400, content_type="text/plain; charset=utf-8")
    base, notes = request.build_absolute_uri("/"), may_see_notes(request.user)
    key = f"citation:{corpus_version()}:{claim.pk}:{name}:{base}:{notes}"
    text = cache.get(key)
    if text is None:
        chunks, _, _ = export(Claim.objects.filter(pk=claim.pk), name, base, with_notes=notes)
        text = b"".join(chunks).decode("utf-8")
        cache.set(key, text, CITE_SECONDS)
    chosen = FORMATS[name]
    response = HttpResponse(text, content_type=chosen.content_type)
    if request.GET.get("download"):
        response["Content-Disposition"] = f'attachment; filename="claim-{claim.pk}.{chosen.extension}"'
    return response

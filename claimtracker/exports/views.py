"""Downloading the claims of a filtered list in any format."""

from django.http import HttpResponse, StreamingHttpResponse

from claimtracker.corpus.models import Claim
from claimtracker.lists.filters import ClaimFilter, valid_filterset

from .formats import FORMATS, UnknownFormat, export


def claims_export(request):
    """/claims/export/?format=bibtex&<the list's filters>: every claim of the filtered set, streamed."""
    name = request.GET.get("format", "")
    filterset, problems = valid_filterset(ClaimFilter, request.GET, Claim.objects.all())
    if problems:
        return HttpResponse(" ".join(problems), status=400, content_type="text/plain; charset=utf-8")
    try:
        chunks, content_type, filename = export(filterset.qs, name, request.build_absolute_uri("/"))
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

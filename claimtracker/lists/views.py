"""The claim, document and speaker lists: filters as GET parameters, facet
counts, sorting, bounded pages. Bad parameters give a message and a usable
page, never an error."""

from django.core.cache import cache
from django.shortcuts import render

from claimtracker.corpus import counting, paging
from claimtracker.corpus.changes import versioned_key
from claimtracker.corpus.filters import ClaimFilter, DocumentFilter, SpeakerFilter, valid_filterset
from claimtracker.corpus.models import Claim, Document, Speaker
from claimtracker.corpus.permissions import may_see_notes
from claimtracker.exports.views import export_links
from claimtracker.http import params
from claimtracker.http.limits import limited
from claimtracker.search.marking import snippet
from claimtracker.search.queries import ranked_newest

from .facets import summarise

PAGE_SIZES = (25, 50, 100, 200)
DEFAULT_PAGE_SIZE = 50
SUMMARY_SECONDS = 60 * 60 * 24  # keyed by the corpus version, so never stale
NAVIGATION = {"after", "page", "per_page", "sort"}
SORTS = {"date": "Newest first", "speaker": "Speaker", "relevance": "Relevance"}
RELEVANCE_POOL = 2_000


def page_size(request, problems):
    raw = request.GET.get("per_page")
    if raw is None:
        return DEFAULT_PAGE_SIZE
    if params.positive_int(raw) in PAGE_SIZES:
        return int(raw)
    problems.append(
        f"Page size: choose one of {', '.join(map(str, PAGE_SIZES))}; showing {DEFAULT_PAGE_SIZE}."
    )
    return DEFAULT_PAGE_SIZE


def page_number(request, problems):
    raw = request.GET.get("page")
    if raw is None:
        return None
    if number := paging.page_number(raw):
        return number
    problems.append(
        f"Page: “{raw[:20]}” is not a page number from 1 to {paging.MAX_OFFSET_PAGE:,}; showing page 1."
    )
    return 1


def chosen_sort(request, problems, has_text):
    sort = request.GET.get("sort", "relevance" if has_text else "date")
    if sort not in SORTS or (sort == "relevance" and not has_text):
        problems.append("Sort: unknown order, or relevance without words to search; sorted by date.")
        return "date"
    return sort


def ordered(claims, sort, text, include_notes):
    if sort == "speaker":
        return claims.order_by("speaker__name", "-said_on", "-pk")
    if sort == "relevance":
        return ranked_newest(claims, text, RELEVANCE_POOL, include_notes).order_by("-search_rank", "-pk")
    return claims


def with_params(params, **changes):
    """The query string of `params` with `changes` applied (None removes a key) and paging reset."""
    query = params.copy()
    for key in ("after", "page"):
        query.pop(key, None)
    for key, value in changes.items():
        query.pop(key, None)
        if value is not None:
            query[key] = value
    return "?" + query.urlencode() if query else "?"


def cached_summary(matching, query, include_notes):
    """The total and the facets of a filtered set, cached per corpus version and filters
    (and whether notes were searched: readers not signed in search without them)."""
    filters = sorted((key, value) for key, value in query.lists() if key not in NAVIGATION)
    key = versioned_key("claims:summary", filters, include_notes)
    summary = cache.get(key)
    if summary is None:
        total, is_estimate, facets = summarise(matching)
        summary = {"total": total, "is_estimate": is_estimate, "facets": facets}
        cache.set(key, summary, SUMMARY_SECONDS)
    return summary


@limited("search", when=lambda request: bool(request.GET.get("q")))
def claim_list(request):
    problems = []
    filterset, invalid = valid_filterset(ClaimFilter, request.GET, Claim.objects.all(), request)
    problems += invalid
    text = filterset.form.cleaned_data.get("q") or ""
    size, number = page_size(request, problems), page_number(request, problems)
    sort = chosen_sort(request, problems, bool(text))
    matching = filterset.qs
    notes = may_see_notes(request.user)
    summary = cached_summary(matching, request.GET, notes)
    rows = ordered(matching, sort, text, notes).select_related("speaker", "document__publisher")
    rows = rows.defer("document__text")
    cursor = paging.Cursor.decode(request.GET.get("after")) if request.GET.get("after") else None
    if request.GET.get("after") and cursor is None:
        problems.append("This “next page” link is broken; showing the first page.")
    if sort == "date":
        if number is None:
            claims, next_cursor = paging.keyset_page(rows, cursor, size)
        else:
            claims, next_cursor = paging.jump_page(rows, number, size)
        next_url = with_params(request.GET, after=next_cursor.encode()) if next_cursor else None
    else:
        claims, has_next = paging.offset_page(rows, number or 1, size)
        next_url = with_params(request.GET, page=str((number or 1) + 1)) if has_next else None
    for claim in claims if text else []:
        claim.snippet = snippet(claim.quote, text, width=200)
    return render(
        request,
        "lists/claims.html",
        {
            "filterset": filterset,
            "claims": claims,
            "text": text,
            "summary": summary,
            "facets": facet_links(summary["facets"], request.GET),
            "active": active_filters(filterset, request.GET),
            "problems": problems,
            "next_url": next_url,
            "first_url": with_params(request.GET) if (cursor or number not in (None, 1)) else None,
            "sorts": [
                (key, label, with_params(request.GET, sort=key))
                for key, label in SORTS.items()
                if key != "relevance" or text
            ],
            "sort": sort,
            "relevance_pool": RELEVANCE_POOL
            if sort == "relevance" and summary["total"] > RELEVANCE_POOL
            else None,
            "page_sizes": [(n, with_params(request.GET, per_page=str(n))) for n in PAGE_SIZES],
            "per_page": size,
            "export_links": export_links(filterset),
        },
    )


def facet_links(facets, params):
    groups = []
    for parameter, (title, values) in facets.groups.items():
        if params.get(parameter):
            continue  # already filtered by it
        links = [(value, with_params(params, **{parameter: value.value})) for value in values]
        groups.append((title, links))
    return groups


def active_filters(filterset, params):
    """(label, value, URL without it) for each filter in force."""
    active = []
    for name, field in filterset.form.fields.items():
        value = filterset.form.cleaned_data.get(name)
        if value in (None, "") or name not in params:
            continue
        active.append(
            (
                field.label or name.replace("_", " ").capitalize(),
                shown(field, value),
                with_params(params, **{name: None}),
            )
        )
    return active


def shown(field, value):
    """How a filter's value reads: a choice's label, a record's name, or the value itself."""
    if isinstance(getattr(field, "choices", None), list | tuple):
        return dict(field.choices).get(value, value)
    return getattr(value, "name", None) or getattr(value, "title", None) or value


def document_list(request):
    problems = []
    filterset, invalid = valid_filterset(DocumentFilter, request.GET, Document.objects.all(), request)
    problems += invalid
    size, number = page_size(request, problems), page_number(request, problems) or 1
    documents = filterset.qs.select_related("publisher").defer("text")
    rows, has_next = paging.offset_page(documents, number, size)
    total, is_estimate = counting.count(filterset.qs.order_by())
    return render(
        request,
        "lists/documents.html",
        {
            "filterset": filterset,
            "documents": rows,
            "total": total,
            "is_estimate": is_estimate,
            "problems": problems,
            "next_url": with_params(request.GET, page=str(number + 1)) if has_next else None,
            "previous_url": with_params(request.GET, page=str(number - 1)) if number > 1 else None,
        },
    )


def speaker_list(request):
    problems = []
    filterset, invalid = valid_filterset(SpeakerFilter, request.GET, Speaker.objects.all(), request)
    problems += invalid
    size, number = page_size(request, problems), page_number(request, problems) or 1
    speakers = filterset.qs.select_related("organisation")
    rows, has_next = paging.offset_page(speakers, number, size)
    total, is_estimate = counting.count(filterset.qs.order_by())
    return render(
        request,
        "lists/speakers.html",
        {
            "filterset": filterset,
            "speakers": rows,
            "total": total,
            "is_estimate": is_estimate,
            "problems": problems,
            "next_url": with_params(request.GET, page=str(number + 1)) if has_next else None,
            "previous_url": with_params(request.GET, page=str(number - 1)) if number > 1 else None,
        },
    )

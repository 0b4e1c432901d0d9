"""Linking from a claim's page: the link form, the search-as-you-type lookup,
and the suggestions page where each suggestion is accepted or dismissed.
Each write is one call of the domain's link services."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from claimtracker.corpus.models import Claim
from claimtracker.corpus.permissions import may_see_notes
from claimtracker.corpus.services import links
from claimtracker.http import params
from claimtracker.search.queries import apply_search, ranked_newest
from claimtracker.text.anchoring import shorten

from .forms import LinkForm
from .suggestions import suggestions_for

LOOKUP_LIMIT = 10


@require_POST
@permission_required("corpus.add_link", raise_exception=True)
def link_create(request, pk):
    claim = get_object_or_404(Claim.objects.select_related("speaker", "document"), pk=pk)
    form = LinkForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            link = links.link_create(
                claim.pk, data["target"].pk, data["relation"], data["note"], user=request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, f"Linked: this claim {link.get_relation_display()} claim {link.target_id}."
            )
            return redirect(claim)
    # The form again, with its errors and the user's input, and nothing saved.
    return render(request, "linking/link_page.html", {"claim": claim, "link_form": form}, status=400)


@require_GET
def claim_lookup(request):
    """Up to ten claims for the link form: by number, or by words (newest matches, ranked)."""
    query = params.text(request.GET.get("q"))
    exclude = params.positive_int(request.GET.get("exclude"))
    claims = Claim.objects.exclude(pk=exclude) if exclude else Claim.objects.all()
    number = params.positive_int(query.lstrip("#"))
    notes = may_see_notes(request.user)
    if number:
        found = claims.filter(pk=number)
    elif query:
        matching = apply_search(claims, query, include_notes=notes)
        found = ranked_newest(matching, query, 200, include_notes=notes).order_by("-search_rank", "-pk")
    else:
        found = claims.none()
    found = found.select_related("speaker")[:LOOKUP_LIMIT]
    return JsonResponse({"results": [{"id": claim.pk, "label": lookup_label(claim)} for claim in found]})


def lookup_label(claim):
    speaker = claim.speaker.name if claim.speaker_id else "Unattributed"
    return f"#{claim.pk} — {speaker}: {shorten(claim.quote, 90)}"


@require_GET
def claim_suggestions(request, pk):
    claim = get_object_or_404(Claim.objects.select_related("speaker", "document"), pk=pk)
    return render(
        request, "linking/suggestions.html", {"claim": claim, "suggestions": suggestions_for(claim)}
    )


@require_POST
@permission_required("corpus.add_link", raise_exception=True)
def suggestion_accept(request, pk):
    claim = get_object_or_404(Claim, pk=pk)
    source = get_object_or_404(Claim, pk=posted_id(request, "source"))
    target = get_object_or_404(Claim, pk=posted_id(request, "target"))
    try:
        link = links.link_create(source.pk, target.pk, request.POST.get("relation", ""), user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        wording = f"claim {link.source_id} {link.get_relation_display()} claim {link.target_id}"
        messages.success(request, f"Linked: {wording}.")
    return redirect("claim-suggestions", claim.pk)


@require_POST
@permission_required("corpus.add_link", raise_exception=True)
def suggestion_dismiss(request, pk):
    claim = get_object_or_404(Claim, pk=pk)
    candidate = get_object_or_404(Claim, pk=posted_id(request, "candidate"))
    relation = request.POST.get("relation", "")
    try:
        links.dismissal_create(claim.pk, candidate.pk, relation, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.info(
            request, f"Dismissed: claim {candidate.pk} will not be suggested again for “{relation}”."
        )
    return redirect("claim-suggestions", claim.pk)


def posted_id(request, name):
    return params.positive_int(request.POST.get(name), default=0)

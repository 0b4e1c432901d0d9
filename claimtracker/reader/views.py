"""The document reader and the small JSON endpoints its script calls.

Each write checks the user's permission, parses the whole request (forms.py)
and calls one service of the domain, which saves all of it or nothing. A bad
request is a 400 with the errors by field; an edit that would overwrite
someone else's change is a 409 with both versions.
"""

import functools

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpResponseBadRequest, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from claimtracker.corpus import selectors, suggesting
from claimtracker.corpus.models import (
    Annotation,
    Claim,
    Document,
    Metric,
    Speaker,
    SpeakerRole,
    Statistic,
    Topic,
)
from claimtracker.corpus.permissions import may_delete
from claimtracker.corpus.services import claims as claim_services
from claimtracker.corpus.services import notes as note_services
from claimtracker.corpus.services import suggestions as suggestion_services
from claimtracker.corpus.services.editing import EditConflict
from claimtracker.http import params
from claimtracker.http.requests import Refused, json_object
from claimtracker.text.figures import guess_kind, parse_figures

from . import payloads
from .forms import Invalid, NoteForm, claim_edit, cleaned, new_claim

LISTED_ON_PAGE = 100
LOOKUP_LIMIT = 10
VERDICT = "corpus.set_verdict"


def json_endpoint(*methods):
    """A JSON endpoint: every answer is JSON — a refused, unparsable or invalid request
    (4xx with the errors by field), a missing record (404), a method it does not take
    (405), an edit that would overwrite someone else's change (409, both versions)."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method not in methods:
                response = refused(f"Use {' or '.join(methods)}.", 405)
                response["Allow"] = ", ".join(methods)
                return response
            try:
                return view(request, *args, **kwargs)
            except Refused as refusal:
                return refused(refusal.message, refusal.status)
            except Http404:
                return refused("There is no such claim or document.", 404)
            except Invalid as invalid:
                return JsonResponse({"errors": invalid.errors}, status=400)
            except ValidationError as error:
                errors = error.message_dict if hasattr(error, "error_dict") else {"__all__": error.messages}
                return JsonResponse({"errors": errors}, status=400)
            except EditConflict as conflict:
                return JsonResponse(payloads.conflict(conflict, request.user), status=409)

        return wrapped

    return decorator


def refused(message, status):
    return JsonResponse({"errors": {"__all__": [message]}}, status=status)


def require_perm(request, perm):
    require(request, request.user.has_perm(perm))


def require(request, allowed):
    if not allowed:
        message = "Sign in to do this." if not request.user.is_authenticated else "You may not do this."
        raise Refused(message, status=403)


# --- The page ----------------------------------------------------------


def document_reader(request, pk):
    document = get_object_or_404(
        Document.objects.select_related("publisher", "republished_from", "issuer", "speaker"), pk=pk
    )
    claims = list(
        document.claims.select_related("speaker").only(
            "id",
            "start",
            "end",
            "kind",
            "anchor",
            "quote",
            "status",
            "said_on",
            "speaker__name",
            "document_id",
        )
    )
    claims.sort(key=lambda claim: (claim.start, claim.end, claim.pk))
    can = payloads.permissions(request.user)
    config = {
        "documentId": document.pk,
        "csrfToken": get_token(request),
        "text": document.text,
        "claims": [payloads.highlight(claim) for claim in claims if claim.is_anchored],
        "turns": [payloads.turn(turn) for turn in selectors.document_turns(document.text)],
        "kinds": dict(Claim.Kind.choices),
        "defaultDate": document.published_on.isoformat() if document.published_on else "",
        "can": {**can, "add": request.user.has_perm("corpus.add_claim")},
    }
    if config["can"]["add"] or can["change"] or can["verdict"]:
        config["choices"] = payloads.form_choices(Topic.objects.all())
    suggesting = request.GET.get("suggest") == "1" and config["can"]["add"]
    return render(
        request,
        "reader/document.html",
        {
            "suggestions": suggestion_services.pending_suggestions(document) if suggesting else None,
            "document": document,
            "bylines": list(document.bylines.select_related("person")),
            "claim_count": len(claims),
            # A long list would weigh on the page; the claim list filters by document instead.
            "claims": claims if len(claims) <= LISTED_ON_PAGE else [],
            "attention": [claim for claim in claims if claim.anchor != Claim.Anchor.ANCHORED],
            "kinds": Claim.Kind.choices,
            "config": config,
        },
    )


# --- Reading ------------------------------------------------------------


@json_endpoint("GET")
def claim_card(request, pk):
    return JsonResponse(card_data(pk, request.user))


def card_data(pk, user):
    """What the card shows for a claim, and what its edit form starts from."""
    claim = get_object_or_404(
        Claim.objects.select_related("speaker", "role__organisation")
        .annotate(links=Count("links_out", distinct=True) + Count("links_in", distinct=True))
        .prefetch_related(
            "topics",
            Prefetch("statistics", queryset=Statistic.objects.select_related("metric")),
            Prefetch("annotations", queryset=Annotation.objects.select_related("author")),
        ),
        pk=pk,
    )
    return payloads.card(claim, user)


@json_endpoint("GET")
def speaker_lookup(request):
    query = params.text(request.GET.get("q"), 100)
    speakers = Speaker.objects.all()
    if query:
        speakers = speakers.filter(Q(name__icontains=query) | Q(aliases__name__icontains=query)).distinct()
    speakers = list(speakers.order_by("name")[:LOOKUP_LIMIT])
    return JsonResponse({"results": [{"id": speaker.pk, "name": speaker.name} for speaker in speakers]})


@json_endpoint("GET")
def speaker_roles(request, pk):
    roles = SpeakerRole.objects.filter(speaker_id=pk).select_related("organisation")
    return JsonResponse(
        {"results": [{"id": role.pk, "label": role.title_with_organisation} for role in roles]}
    )


@json_endpoint("GET")
def metric_lookup(request):
    query = params.text(request.GET.get("q"), 100)
    metrics = Metric.objects.filter(name__icontains=query).order_by("name")[:LOOKUP_LIMIT]
    return JsonResponse({"results": [{"id": m.pk, "name": m.name, "unit": m.unit} for m in metrics]})


@json_endpoint("GET")
def figures_in(request):
    """The figures of a selected passage and a first guess at its kind; given the document
    and the passage's place, also its speaker, metric, date said and the figures' periods."""
    text = params.text(request.GET.get("text"), 2000)
    figures = [payloads.figure(figure) for figure in parse_figures(text)]
    answer = {"kind": guess_kind(text), "figures": figures}
    place = passage_place(request)
    if place:
        document, start, end = place
        found = suggesting.prefill(document, start, end)
        for figure in figures:
            figure["periodLabel"] = suggesting.period_of(figure["periodLabel"], found["year"])
            figure["metric"] = found["metric"]
            figure["unit"] = figure["unit"] or found["unit"]
        said_on = found["said_on"]
        answer.update(speaker=found["speaker"], saidOn=said_on.isoformat() if said_on else None)
    return JsonResponse(answer)


def passage_place(request):
    """(document, start, end) a figures request names, if it names one that exists."""
    try:
        pk, start, end = (int(request.GET.get(name, "")) for name in ("document", "start", "end"))
    except ValueError:
        return None
    document = (
        Document.objects.filter(pk=pk)
        .only("pk", "text", "kind", "issuer_id", "published_on", "delivered_on")
        .first()
    )
    if document is None or not 0 <= start < end <= len(document.text):
        return None
    return document, start, end


# --- Writing ------------------------------------------------------------


@json_endpoint("POST")
def claim_create(request, pk):
    require_perm(request, "corpus.add_claim")
    document = get_object_or_404(Document.objects.only("pk"), pk=pk)
    selector, values, figures, key = new_claim(json_object(request))
    if values["status"] != Claim.Status.UNVERIFIED:
        require_perm(request, VERDICT)
    claim, created = claim_services.claim_create(
        document.pk, selector=selector, values=values, figures=figures, user=request.user, submission_key=key
    )
    return JsonResponse(saved(claim, request), status=201 if created else 200)


@json_endpoint("POST")
def claim_update(request, pk):
    require_perm(request, "corpus.change_claim")
    get_object_or_404(Claim.objects.only("pk"), pk=pk)
    edit = claim_edit(json_object(request))
    if "status" in edit.values and edit.values["status"] != edit.base.get("status"):
        require_perm(request, VERDICT)
    claim = claim_services.claim_update(pk, edit, user=request.user)
    return JsonResponse(saved(claim, request))


@json_endpoint("POST")
def claim_status(request, pk):
    """The card's status control: an edit of one field, with the version it was read at."""
    require_perm(request, VERDICT)
    get_object_or_404(Claim.objects.only("pk"), pk=pk)
    payload = json_object(request)
    edit = claim_edit({name: payload.get(name) for name in ("version", "base", "status")})
    claim = claim_services.claim_update(pk, edit, user=request.user)
    return JsonResponse({"card": card_data(claim.pk, request.user)})


@json_endpoint("POST")
def claim_delete(request, pk):
    require(request, may_delete(request.user, get_object_or_404(Claim, pk=pk)))
    claim_services.claim_delete(pk, user=request.user)
    return JsonResponse({"deleted": pk})


@json_endpoint("POST")
def claim_note(request, pk):
    require_perm(request, "corpus.add_annotation")
    get_object_or_404(Claim.objects.only("pk"), pk=pk)
    body = cleaned(NoteForm(json_object(request)))["body"]
    note_services.note_add(pk, body, user=request.user)
    return JsonResponse({"card": card_data(pk, request.user)}, status=201)


def saved(claim, request):
    return {"claim": payloads.highlight(claim), "card": card_data(claim.pk, request.user)}


# --- Suggestions --------------------------------------------------------


def suggestion_place(request):
    """(start, end) of the suggestion a form names, or None."""
    try:
        start, end = int(request.POST.get("start", "")), int(request.POST.get("end", ""))
    except ValueError:
        return None
    return (start, end) if 0 <= start < end <= 10**9 else None


def suggestion_action(act, done):
    """A form that accepts or dismisses one suggestion, then goes back to the suggestions."""

    @require_POST
    @permission_required("corpus.add_claim", raise_exception=True)
    def view(request, pk):
        place = suggestion_place(request)
        if place is None:
            return HttpResponseBadRequest(
                "Name the suggestion by its start and end.", content_type="text/plain"
            )
        try:
            result = act(pk, *place, user=request.user)
        except Document.DoesNotExist:
            raise Http404("No such document.") from None
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, done(result))
        return redirect(reverse("document", args=[pk]) + "?suggest=1#suggestions")

    return view


suggestion_accept = suggestion_action(
    suggestion_services.suggestion_accept, lambda claim: f"Saved as claim {claim.pk}: “{claim.quote[:80]}”."
)
suggestion_dismiss = suggestion_action(
    suggestion_services.suggestion_dismiss, lambda dismissed: "Dismissed: it will not be suggested again."
)

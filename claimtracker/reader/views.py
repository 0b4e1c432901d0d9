"""The document reader and the small JSON endpoints its script calls.

Every write checks Django's permissions on claims and annotations, validates
the whole request before saving anything, and answers a bad request with a
400 and the errors by field; nothing is half-saved.
"""

import json

from django.db import transaction
from django.db.models import Count, Prefetch, Q
from django.http import JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET, require_POST

from claimtracker.corpus.models import Annotation, Claim, Document, Metric, Speaker, Statistic, Topic
from claimtracker.text.figures import guess_kind, parse_figures

from . import payloads
from .forms import ClaimFieldsForm, FigureForm, NoteForm, SelectorForm, StatusForm, roles_of
from .turns import speaker_turns

MAX_FIGURES = 20
LISTED_ON_PAGE = 100
LOOKUP_LIMIT = 10


class BadRequest(Exception):
    def __init__(self, errors, status=400):
        super().__init__(errors)
        self.errors, self.status = errors, status


def json_endpoint(view):
    """Turn BadRequest into a JSON error answer."""

    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except BadRequest as error:
            return JsonResponse({"errors": error.errors}, status=error.status)

    wrapped.__name__ = view.__name__
    return wrapped


def require_perm(request, perm):
    if not request.user.has_perm(perm):
        message = "Sign in to do this." if not request.user.is_authenticated else "You may not do this."
        raise BadRequest({"__all__": [message]}, status=403)


def read_json(request):
    try:
        payload = json.loads(request.body or b"{}")
    except (ValueError, UnicodeDecodeError):
        raise BadRequest({"__all__": ["The request is not valid JSON."]}) from None
    if not isinstance(payload, dict):
        raise BadRequest({"__all__": ["The request must be a JSON object."]})
    return payload


def form_errors(*forms):
    errors = {}
    for form in forms:
        for field, messages in form.errors.get_json_data().items():
            errors.setdefault(field, []).extend(message["message"] for message in messages)
    return errors


# --- The page ----------------------------------------------------------


def document_reader(request, pk):
    document = get_object_or_404(Document.objects.select_related("publisher", "republished_from"), pk=pk)
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
    can_add = request.user.has_perm("corpus.add_claim")
    config = {
        "documentId": document.pk,
        "csrfToken": get_token(request),
        "text": document.text,
        "claims": [payloads.highlight(claim) for claim in claims if claim.is_anchored],
        "turns": [payloads.turn(turn) for turn in speaker_turns(document.text)],
        "kinds": dict(Claim.Kind.choices),
        "defaultDate": document.published_on.isoformat() if document.published_on else "",
        "can": {
            "add": can_add,
            "change": request.user.has_perm("corpus.change_claim"),
            "delete": request.user.has_perm("corpus.delete_claim"),
            "note": request.user.has_perm("corpus.add_annotation"),
        },
    }
    if can_add:
        config["choices"] = payloads.form_choices(Topic.objects.all())
    return render(
        request,
        "reader/document.html",
        {
            "document": document,
            "claim_count": len(claims),
            # A long list would weigh on the page; the claim list filters by document instead.
            "claims": claims if len(claims) <= LISTED_ON_PAGE else [],
            "attention": [claim for claim in claims if claim.anchor != Claim.Anchor.ANCHORED],
            "kinds": Claim.Kind.choices,
            "config": config,
        },
    )


# --- Reading ------------------------------------------------------------


@require_GET
def claim_card(request, pk):
    return JsonResponse(card_data(pk, request.user))


def card_data(pk, user):
    """What the card shows for a claim, in four queries."""
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


@require_GET
def speaker_lookup(request):
    query = request.GET.get("q", "").strip()[:100]
    speakers = Speaker.objects.all()
    if query:
        speakers = speakers.filter(Q(name__icontains=query) | Q(aliases__name__icontains=query)).distinct()
    speakers = list(speakers.order_by("name")[:LOOKUP_LIMIT])
    return JsonResponse({"results": [{"id": speaker.pk, "name": speaker.name} for speaker in speakers]})


@require_GET
def speaker_roles(request, pk):
    roles = [{"id": role.pk, "label": role.title_with_organisation} for role in roles_of(pk)]
    return JsonResponse({"results": roles})


@require_GET
def metric_lookup(request):
    query = request.GET.get("q", "").strip()[:100]
    metrics = Metric.objects.filter(name__icontains=query).order_by("name")[:LOOKUP_LIMIT]
    return JsonResponse({"results": [{"id": m.pk, "name": m.name, "unit": m.unit} for m in metrics]})


@require_GET
def figures_in(request):
    text = request.GET.get("text", "")[:2000]
    figures = [payloads.figure(figure) for figure in parse_figures(text)]
    return JsonResponse({"kind": guess_kind(text), "figures": figures})


# --- Writing ------------------------------------------------------------


@require_POST
@json_endpoint
def claim_create(request, pk):
    require_perm(request, "corpus.add_claim")
    document = get_object_or_404(Document, pk=pk)
    payload = read_json(request)
    claim = save_claim(Claim(document=document, created_by=request.user), payload, selector_required=True)
    return JsonResponse({"claim": payloads.highlight(claim), "card": card_of(claim, request)}, status=201)


@require_POST
@json_endpoint
def claim_update(request, pk):
    require_perm(request, "corpus.change_claim")
    claim = get_object_or_404(Claim.objects.select_related("document"), pk=pk)
    payload = read_json(request)
    claim = save_claim(claim, payload, selector_required=False)
    return JsonResponse({"claim": payloads.highlight(claim), "card": card_of(claim, request)})


@require_POST
@json_endpoint
def claim_delete(request, pk):
    require_perm(request, "corpus.delete_claim")
    claim = get_object_or_404(Claim, pk=pk)
    claim.delete()
    return JsonResponse({"deleted": pk})


@require_POST
@json_endpoint
def claim_note(request, pk):
    require_perm(request, "corpus.add_annotation")
    claim = get_object_or_404(Claim, pk=pk)
    form = NoteForm(read_json(request))
    if not form.is_valid():
        raise BadRequest(form_errors(form))
    Annotation.objects.create(claim=claim, author=request.user, body=form.cleaned_data["body"])
    return JsonResponse({"card": card_of(claim, request)}, status=201)


@require_POST
@json_endpoint
def claim_status(request, pk):
    require_perm(request, "corpus.change_claim")
    claim = get_object_or_404(Claim, pk=pk)
    form = StatusForm(read_json(request))
    if not form.is_valid():
        raise BadRequest(form_errors(form))
    claim.status = form.cleaned_data["status"]
    claim.save(update_fields=["status", "updated_at"])
    return JsonResponse({"card": card_of(claim, request)})


def save_claim(claim, payload, *, selector_required):
    """Validate the selector, the fields and the figures together; save all or nothing."""
    has_selector = selector_required or "start" in payload
    selector = SelectorForm(payload, text=claim.document.text) if has_selector else None
    fields = ClaimFieldsForm(payload_fields(payload, claim), instance=claim)
    figure_items = payload.get("figures")
    figures = None
    if figure_items is not None:
        if not isinstance(figure_items, list) or len(figure_items) > MAX_FIGURES:
            raise BadRequest({"figures": [f"Send a list of at most {MAX_FIGURES} figures."]})
        figures = [FigureForm(item if isinstance(item, dict) else {}) for item in figure_items]
    forms = [form for form in [selector, fields, *(figures or [])] if form is not None]
    if not all([form.is_valid() for form in forms]):
        errors = form_errors(*[form for form in forms if not isinstance(form, FigureForm)])
        figure_errors = [form_errors(form) for form in figures or []]
        if any(figure_errors):
            errors["figures"] = figure_errors
        raise BadRequest(errors)
    with transaction.atomic():
        claim = fields.save(commit=False)
        if selector:
            for name in ("start", "end", "quote"):
                setattr(claim, name, selector.cleaned_data[name])
            claim.anchor = Claim.Anchor.ANCHORED
        claim.full_clean(exclude=["topics"])
        claim.save()
        fields.save_m2m()
        if figures is not None:
            claim.statistics.all().delete()
            Statistic.objects.bulk_create([form.statistic(claim) for form in figures])
    return claim


def payload_fields(payload, claim):
    """The claim's current values, overridden by what the browser sent."""
    current = {
        "speaker": claim.speaker_id,
        "role": claim.role_id,
        "attribution": claim.attribution,
        "kind": claim.kind,
        "topics": list(claim.topics.values_list("pk", flat=True)) if claim.pk else [],
        "said_on": claim.said_on,
        "summary": claim.summary,
        "status": claim.status,
    }
    sent = {name: payload[name] for name in current if name in payload}
    if "topics" in sent and not isinstance(sent["topics"], list):
        sent["topics"] = [sent["topics"]]
    return {**current, **sent}


def card_of(claim, request):
    return card_data(claim.pk, request.user)

"""The public pages: home, a claim, and the speakers, organisations, topics and
publishers claims come from (the document reader is in claimtracker.reader)."""

from django.db.models import Exists, OuterRef
from django.shortcuts import render

from claimtracker.corpus import paging, selectors
from claimtracker.corpus.models import Claim, Topic
from claimtracker.corpus.permissions import may_see_notes, visible_notes
from claimtracker.exports.formats import FORMATS
from claimtracker.linking.forms import LinkForm


def home(request):
    return render(
        request,
        "web/home.html",
        {
            "counts": selectors.corpus_counts(),
            "documents": selectors.recent_documents(),
            "claims": selectors.recent_claims(),
            "topics": selectors.topic_roots(),
        },
    )


def claim_detail(request, pk):
    claim = selectors.claim_detail(pk)
    context = {
        "claim": claim,
        "roles": claim.attributed_roles(),
        "history": selectors.claim_history(claim),
        "notes": visible_notes(claim.annotations.all(), claim, request.user),
        "show_names": may_see_notes(request.user),
        "link_form": LinkForm(),
        "export_formats": [(name, chosen.label) for name, chosen in FORMATS.items()],
        "rich_formats": [name for name, chosen in FORMATS.items() if "html" in chosen.options],
    }
    return render(request, "web/claim.html", context)


def claims_needing_attention(request):
    """Claims moved by a fuzzy match (to review) or orphaned by an edit of their document."""
    return render(request, "web/claims_attention.html", {"claims": selectors.claims_needing_attention()})


ENTITY_PAGE_SIZE = 25


def claims_page(request, claims):
    """A page of `claims` (newest first) and the URL of the next one; a bad ?page= is page 1."""
    raw = request.GET.get("page", "1")
    number = paging.page_number(raw) or 1
    rows = claims.select_related("speaker", "document").defer("document__text")
    page, has_next = paging.offset_page(rows, number, ENTITY_PAGE_SIZE)
    return {
        "claims": page,
        "page_number": number,
        "next_url": f"?page={number + 1}" if has_next else None,
        "previous_url": f"?page={number - 1}" if number > 1 else None,
    }


def speaker_detail(request, pk):
    speaker, roles, aliases = selectors.speaker_detail(pk)
    claims = Claim.objects.filter(speaker=speaker)
    context = {
        "speaker": speaker,
        "roles": roles,
        "aliases": aliases,
        "by_kind": selectors.counts_by_kind(claims),
        "by_topic": selectors.counts_by_topic(claims),
        **claims_page(request, claims),
    }
    return render(request, "web/speaker.html", context)


def organisation_detail(request, pk):
    organisation, members, voices, children = selectors.organisation_detail(pk)
    claims = Claim.objects.spoken_for(organisation)
    context = {
        "organisation": organisation,
        "members": members,
        "voices": voices,
        "children": children,
        **claims_page(request, claims),
    }
    return render(request, "web/organisation.html", context)


def topic_detail(request, pk):
    topic, ancestors, children = selectors.topic_detail(pk)
    subtree = Topic.objects.subtree(topic).values("pk")
    tagged = Claim.topics.through.objects.filter(topic_id__in=subtree, claim_id=OuterRef("pk"))
    claims = Claim.objects.filter(Exists(tagged))
    context = {"topic": topic, "ancestors": ancestors, "children": children, **claims_page(request, claims)}
    return render(request, "web/topic.html", context)


def publisher_detail(request, pk):
    publisher = selectors.publisher_detail(pk)
    raw = request.GET.get("page", "1")
    number = paging.page_number(raw) or 1
    documents = publisher.documents.defer("text").order_by("-published_on", "-pk")
    page, has_next = paging.offset_page(documents, number, ENTITY_PAGE_SIZE)
    context = {
        "publisher": publisher,
        "documents": page,
        "republished": publisher.republished_documents.defer("text").order_by("-published_on")[:50],
        "next_url": f"?page={number + 1}" if has_next else None,
        "previous_url": f"?page={number - 1}" if number > 1 else None,
    }
    return render(request, "web/publisher.html", context)

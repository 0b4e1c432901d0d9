"""The plain public pages: home, a document with its claims, a claim."""

from django.shortcuts import render

from claimtracker.corpus import selectors


def home(request):
    return render(
        request,
        "web/home.html",
        {
            "counts": selectors.corpus_counts(),
            "documents": selectors.recent_documents(),
            "claims": selectors.recent_claims(),
        },
    )


def claim_detail(request, pk):
    claim = selectors.claim_detail(pk)
    return render(request, "web/claim.html", {"claim": claim, "roles": claim.attributed_roles()})


def claims_needing_attention(request):
    """Claims moved by a fuzzy match (to review) or orphaned by an edit of their document."""
    return render(request, "web/claims_attention.html", {"claims": selectors.claims_needing_attention()})

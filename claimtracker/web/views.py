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


def document_detail(request, pk):
    document, claims = selectors.document_with_claims(pk)
    return render(request, "web/document.html", {"document": document, "claims": claims})


def claim_detail(request, pk):
    claim = selectors.claim_detail(pk)
    return render(request, "web/claim.html", {"claim": claim, "roles": claim.attributed_roles()})

"""Reads that are more than one queryset: what the public pages show."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from .models import Annotation, Claim, Document, Link, Metric, Speaker, Statistic


def corpus_counts():
    return {
        "documents": Document.objects.count(),
        "claims": Claim.objects.count(),
        "speakers": Speaker.objects.count(),
        "metrics": Metric.objects.count(),
    }


def recent_documents(limit=10):
    return Document.objects.select_related("publisher").defer("text")[:limit]


def recent_claims(limit=10):
    return Claim.objects.select_related("speaker", "document").defer("document__text")[:limit]


def claims_needing_attention(limit=500):
    """Orphaned and fuzzily moved claims, newest first (a partial index serves this)."""
    claims = Claim.objects.exclude(anchor=Claim.Anchor.ANCHORED)
    return claims.select_related("speaker", "document").defer("document__text")[:limit]


def claim_detail(pk):
    """A claim with everything its page shows, in a fixed number of queries."""
    claims = Claim.objects.select_related(
        "document__publisher", "speaker", "role__organisation", "created_by"
    ).prefetch_related(
        "topics",
        Prefetch("statistics", queryset=Statistic.objects.select_related("metric")),
        Prefetch("links_out", queryset=Link.objects.select_related("target__speaker")),
        Prefetch("links_in", queryset=Link.objects.select_related("source__speaker")),
        Prefetch("annotations", queryset=Annotation.objects.select_related("author")),
    )
    return get_object_or_404(claims, pk=pk)

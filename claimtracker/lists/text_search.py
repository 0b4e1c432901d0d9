"""Free-text filtering of claims, through the search app's index."""

from claimtracker.search import apply_search


def search(queryset, query):
    return apply_search(queryset, query)

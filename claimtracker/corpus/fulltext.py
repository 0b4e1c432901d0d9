"""Where the claim filter's words (`?q=`) are searched.

The full-text index lives in the search app, which sits above the domain and
so cannot be imported from here; when it starts, it installs its query
function with `install`. The domain's filters call `search`.
"""

from django.core.exceptions import ImproperlyConfigured

_search = None


def install(search_function):
    """`search_function(queryset, words, include_notes)` narrows claims to those matching `words`."""
    global _search
    _search = search_function


def search(queryset, words, include_notes=True):
    if _search is None:
        raise ImproperlyConfigured(
            "No full-text search is installed: add claimtracker.search to INSTALLED_APPS."
        )
    return _search(queryset, words, include_notes)

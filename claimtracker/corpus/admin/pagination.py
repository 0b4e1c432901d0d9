"""A paginator that does not count a million rows on every page view.

The count comes from `corpus.counting`: exact where that is cheap (within a
short time limit, and on PostgreSQL only where the planner expects a small
set), else an estimate — the planner's, or a fixed sample's — marked as such
on the page. It is kept in the shared cache per corpus version and query, so
only the first view of a filter after a change pays for it, in any worker.
"""

from django.core.cache import cache
from django.core.paginator import Paginator
from django.utils.functional import cached_property

from claimtracker.corpus import counting
from claimtracker.corpus.changes import versioned_key

EXACT_BELOW = counting.EXACT_BELOW
COUNT_SECONDS = 24 * 3600  # a new corpus version makes new keys; this only bounds the space


class EstimatedCountPaginator(Paginator):
    is_estimate = False

    @cached_property
    def count(self):
        key = versioned_key("admin:count", str(self.object_list.order_by().query))
        counted = cache.get(key)
        if counted is None:
            counted = counting.count(self.object_list, exact_below=EXACT_BELOW)
            cache.set(key, counted, COUNT_SECONDS)
        total, self.is_estimate = counted
        return total

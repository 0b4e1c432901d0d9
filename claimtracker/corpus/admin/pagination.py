"""A paginator that does not count a million rows on every page view.

On PostgreSQL the planner's estimate comes first, since it costs a
millisecond: the table size (`pg_class.reltuples`, kept current by
autovacuum) when unfiltered, the row estimate of the query when filtered.
Only where that estimate is small is the exact count run, and then under a
short statement timeout, falling back to the estimate. So a page costs at
most two cheap queries for its count, never a scan of a million rows.
Estimates are marked as such on the page. SQLite always counts exactly.
"""

from django.core.paginator import Paginator
from django.utils.functional import cached_property

from claimtracker.corpus import counting

EXACT_BELOW = counting.EXACT_BELOW


class EstimatedCountPaginator(Paginator):
    is_estimate = False

    @cached_property
    def count(self):
        total, self.is_estimate = counting.count(self.object_list, exact_below=EXACT_BELOW)
        return total

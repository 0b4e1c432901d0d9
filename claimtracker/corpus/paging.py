"""Pages of a list that stay fast however deep: "next" follows a keyset cursor
(the last row's date and id), so page 2,000 costs what page 2 costs. A jump
to a page number in date order finds the row before the page by OFFSET over
the date index alone (date and id, no joins, no other columns) and then reads
the page by its cursor; in other orders it uses OFFSET. Both are bounded."""

import datetime
from dataclasses import dataclass

from claimtracker.http import params

MAX_OFFSET_PAGE = 10_000


@dataclass(frozen=True)
class Cursor:
    said_on: datetime.date | None
    pk: int

    def encode(self):
        return f"{self.said_on.isoformat() if self.said_on else 'undated'}.{self.pk}"

    @classmethod
    def decode(cls, value):
        """The cursor in `value`, or None if it is not one (a bad cursor is the first page)."""
        day, _, pk = (value or "").partition(".")
        try:
            said_on = None if day == "undated" else datetime.date.fromisoformat(day)
            return cls(said_on, int(pk))
        except ValueError:
            return None

    @classmethod
    def of(cls, claim):
        return cls(claim.said_on, claim.pk)


def before_in_order(queryset, cursor):
    """Dated claims after `cursor` in the newest-first order (said_on DESC, id DESC)."""
    table = queryset.model._meta.db_table
    # A row comparison, so the newest-first indexes serve it as one range scan.
    condition = f'("{table}"."said_on", "{table}"."id") < (%s, %s)'
    return queryset.extra(where=[condition], params=[cursor.said_on, cursor.pk])


def keyset_page(queryset, cursor, size):
    """(rows, next cursor or None): `size` rows after `cursor`, and where the next page starts.

    Undated claims come last, so after a dated cursor the page may continue into them."""
    want = size + 1
    if cursor is None:
        rows = list(queryset[:want])
    elif cursor.said_on is None:
        rows = list(queryset.filter(said_on__isnull=True, pk__lt=cursor.pk)[:want])
    else:
        rows = list(before_in_order(queryset, cursor)[:want])
        if len(rows) < want:
            rows += list(queryset.filter(said_on__isnull=True)[: want - len(rows)])
    next_cursor = Cursor.of(rows[size - 1]) if len(rows) > size else None
    return rows[:size], next_cursor


def page_number(raw):
    """The page number a ?page= asks for, or None if it is not one from 1 to MAX_OFFSET_PAGE."""
    return params.positive_int(raw, highest=MAX_OFFSET_PAGE)


def jump_page(queryset, number, size):
    """(rows, next cursor or None) of page `number` (from 1) in the newest-first order.

    Skipping (number - 1) × size rows of the full query would also fetch and join them;
    only the cursor of the last row skipped is read, from the date index."""
    number = max(1, min(number, MAX_OFFSET_PAGE))
    if number == 1:
        return keyset_page(queryset, None, size)
    skipped = (number - 1) * size
    order = queryset.model._meta.ordering
    last_skipped = queryset.order_by(*order).values_list("said_on", "pk")[skipped - 1 : skipped].first()
    if last_skipped is None:
        return [], None
    return keyset_page(queryset, Cursor(*last_skipped), size)


def offset_page(queryset, number, size):
    """(rows, has next) for page `number` (from 1), bounded by MAX_OFFSET_PAGE."""
    number = max(1, min(number, MAX_OFFSET_PAGE))
    start = (number - 1) * size
    rows = list(queryset[start : start + size + 1])
    return rows[:size], len(rows) > size

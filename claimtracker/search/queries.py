"""Searching claims: filter a queryset to the claims matching every word of a
query, ranked; and mark the matches in a text for display.

Each word of a query is analysed as the index was (analysis.py). A Latin
word matches as a prefix ("user" finds "users"); Chinese matches by its
bigrams, all of which must be present. User input never reaches SQL or FTS5
syntax: tokens contain only letters and digits, and are quoted.
"""

import re

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connections
from django.db.models import F, FloatField, Value
from django.db.models.expressions import RawSQL

from .analysis import CJK, is_cjk, tokens

FTS_TABLE = "search_claimfts"
# bm25 weights of the FTS5 columns: quote, summary, speaker, notes.
WEIGHTS = "4.0, 2.0, 1.0, 1.0"


def apply_search(queryset, query, include_notes=True):
    """`queryset` narrowed to claims matching `query`, annotated with `search_rank` (higher is better).

    A blank query changes nothing; a query with no word in it (only punctuation) matches nothing.
    Without `include_notes` (for readers not signed in) researchers' notes are not searched."""
    if not (query or "").strip():
        return queryset
    terms = tokens(query)
    if not terms:
        return queryset.none().annotate(search_rank=Value(0.0, output_field=FloatField()))
    if connections[queryset.db].vendor == "postgresql":
        return postgresql_search(queryset, terms, include_notes)
    return sqlite_search(queryset, terms, include_notes)


def postgresql_search(queryset, terms, include_notes=True):
    tsquery = postgresql_query(terms, include_notes)
    return queryset.filter(search_entry__vector=tsquery).annotate(search_rank=postgresql_rank(tsquery))


def postgresql_query(terms, include_notes=True):
    # Notes are the vector's weight D: without them, each lexeme is limited to A–C.
    weights = "" if include_notes else "ABC"
    return SearchQuery(
        " & ".join(lexeme(term, weights) for term in terms), search_type="raw", config="simple"
    )


def postgresql_rank(tsquery):
    # ts_rank_cd: weighs how many matches, how close together, and in which weighted part (A–D).
    return SearchRank(F("search_entry__vector"), tsquery, cover_density=True)


def ranked_newest(matching, query, pool, include_notes=True):
    """The newest `pool` claims of `matching` (a searched queryset), ranked.

    Ranking every match of a common word (400,000 of a million claims) costs
    half a second; the newest matches are found along the date index, and
    only they are ranked, without matching the query a second time."""
    newest = matching.order_by(*matching.model._meta.ordering).values("pk")[:pool]
    claims = matching.model.objects.filter(pk__in=newest)
    if connections[matching.db].vendor == "postgresql":
        return claims.annotate(search_rank=postgresql_rank(postgresql_query(tokens(query), include_notes)))
    return sqlite_search(claims, tokens(query), include_notes)


def lexeme(term, weights=""):
    """A quoted tsquery lexeme; a Latin word or a lone CJK character as a prefix; limited to `weights`."""
    prefix = "*" if not is_cjk(term) or len(term) == 1 else ""
    label = f":{prefix}{weights}" if prefix or weights else ""
    return f"'{term}'{label}"


def sqlite_search(queryset, terms, include_notes=True):
    match = " ".join(f'"{term}"*' if (not is_cjk(term) or len(term) == 1) else f'"{term}"' for term in terms)
    if not include_notes:
        match = f"{{quote summary speaker}} : ({match})"
    table = queryset.model._meta.db_table
    matching = RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [match])
    # bm25 is lower for better matches; negated, so that higher is better on both databases.
    rank = RawSQL(
        f"SELECT -bm25({FTS_TABLE}, {WEIGHTS}) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s "
        f'AND rowid = "{table}"."id"',
        [match],
    )
    return queryset.filter(pk__in=matching).annotate(search_rank=rank)


# --- Showing the matches -------------------------------------------------------


def match_spans(text, query):
    """(start, end) of every match of `query`'s words in `text`, merged and in order."""
    spans = []
    for word in set(re.findall(rf"[{CJK}]+|[^\W{CJK}]+", (query or "").lower())):
        pattern = re.escape(word) if is_cjk(word) else rf"\b{re.escape(word)}\w*"
        spans += [match.span() for match in re.finditer(pattern, text, re.IGNORECASE)]
    merged = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight(text, query):
    """`text` as (segment, is_match) pairs: the template marks the matches, escaping everything."""
    pieces, at = [], 0
    for start, end in match_spans(text, query):
        if start > at:
            pieces.append((text[at:start], False))
        pieces.append((text[start:end], True))
        at = end
    if at < len(text):
        pieces.append((text[at:], False))
    return pieces


def snippet(text, query, width=240):
    """About `width` characters of `text` around its first match, highlighted."""
    spans = match_spans(text, query)
    if len(text) <= width or not spans:
        window, lead, tail = text[:width], "", "…" if len(text) > width else ""
    else:
        start = max(0, spans[0][0] - width // 3)
        window = text[start : start + width]
        lead, tail = ("…" if start else ""), ("…" if start + width < len(text) else "")
    pieces = highlight(window, query)
    return ([(lead, False)] if lead else []) + pieces + ([(tail, False)] if tail else [])

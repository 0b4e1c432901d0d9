"""Searching claims: filter a queryset to the claims matching every word of a
query, ranked; and mark the matches in a text for display.

Each word of a query is analysed as the index was (analysis.py). A Latin
word matches as a prefix ("user" finds "users"); Chinese matches by its
bigrams, all of which must be present. User input never reaches SQL or FTS5
syntax: tokens contain only letters and digits, and are quoted.

The plan follows how many claims really match, not the planner's guess
(PostgreSQL guesses the same for every prefix query, about an eighth of the
table). The index is asked first for up to FEW + 1 matches: when there are no
more than FEW, the list is narrowed to those ids, so every plan, count and
facet after it is exact and cheap; when there are more, the search stays a
condition that the newest-first walk of the date index checks row by row,
which finds a page quickly because matches are then dense.
"""

import json
import math
import re

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connections
from django.db.models import F, FloatField, Func, IntegerField, Value
from django.db.models.expressions import RawSQL

from .analysis import CJK, is_cjk, tokens
from .models import ClaimSearch

FTS_TABLE = "search_claimfts"
# bm25 weights of the FTS5 columns: quote, summary, speaker, notes.
WEIGHTS = "4.0, 2.0, 1.0, 1.0"
FEW = 20_000  # matches up to which a search narrows by ids (lists.facets counts that many exactly)


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
    ids = postgresql_few(queryset.db, tsquery)
    if ids is None:
        narrowed = queryset.filter(search_entry__vector=tsquery)
    else:
        narrowed = queryset.filter(pk__in=RawSQL("SELECT unnest(%s::integer[])", (ids,)))
    return narrowed.annotate(search_rank=postgresql_rank(tsquery))


def postgresql_few(using, tsquery):
    """The ids of the claims matching `tsquery` if there are at most FEW, else None.

    The GIN index is read as a bitmap whatever the LIMIT, so a word in most claims
    would cost a pass over its whole posting list: a fixed-size sample of the index
    table tells a common word first, for what one page costs at any size of corpus."""
    sql, params = ClaimSearch.objects.filter(vector=tsquery).values("pk").query.sql_with_params()
    with connections[using].cursor() as cursor:
        if sampled_share(cursor, sql, params) > 2 * FEW:
            return None
        cursor.execute(f"{sql} LIMIT {FEW + 1:d}", params)
        ids = [row[0] for row in cursor.fetchall()]
    return ids if len(ids) <= FEW else None


SAMPLE_ROWS = 10_000


def sampled_share(cursor, sql, params):
    """About how many rows of the index table `sql` selects, from a sample of SAMPLE_ROWS rows."""
    table = ClaimSearch._meta.db_table
    cursor.execute("SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass", [table])
    rows = max(cursor.fetchone()[0], 1)
    if rows <= 2 * FEW:
        return 0  # a small table: the probe itself is cheap
    percent = min(100, 100 * SAMPLE_ROWS / rows)
    sampled = sql.replace(
        f'FROM "{table}"', f'FROM "{table}" TABLESAMPLE SYSTEM ({percent:f}) REPEATABLE (1)', 1
    )
    cursor.execute(f"SELECT count(*) FROM ({sampled}) AS sample", params)
    return cursor.fetchone()[0] * 100 / percent


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
    # FTS5 ranks a row fast only while listing all of a query's matches (a second for a
    # common word), and asked for given rows it expands the query again for each (minutes):
    # the pool's analysed text is read by rowid and scored here, as bm25 does.
    ids = list(newest.values_list("pk", flat=True))
    ranks = sqlite_ranks(matching.db, tokens(query), include_notes, ids)
    pool = matching.model.objects.filter(pk__in=RawSQL("SELECT value FROM json_each(%s)", (json.dumps(ids),)))
    return pool.annotate(search_rank=rank_table(matching.model._meta.db_table, ranks))


def rank_table(table, ranks):
    """The rank of each claim of `ranks` as one CASE over its id (built here: as Django
    expressions, 2,000 branches take longer to compile than the query to run)."""
    if not ranks:
        return Value(0.0, output_field=FloatField())
    branches = " ".join(["WHEN %s THEN %s"] * len(ranks))
    params = [value for pair in ranks.items() for value in pair]
    return RawSQL(f'CASE "{table}"."id" {branches} ELSE 0.0 END', params, output_field=FloatField())


BM25_K1, BM25_B = 1.2, 0.75  # FTS5's constants


def sqlite_ranks(using, terms, include_notes, ids):
    """{claim id: bm25 score} of these claims for `terms`, weighted by column as WEIGHTS,
    with each term's document frequency from the index and column lengths averaged over
    the claims scored (FTS5 averages over the whole table: the order barely differs)."""
    if not ids:
        return {}
    weights = [float(weight) for weight in WEIGHTS.split(",")][: 4 if include_notes else 3]
    with connections[using].cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {ClaimSearch.claim.field.related_model._meta.db_table}")
        total = cursor.fetchone()[0] or 1  # FTS5 counts its own rows slowly; every claim is indexed
        frequency = {}
        for term in set(terms):
            cursor.execute(
                f"SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [sqlite_match([term])]
            )
            frequency[term] = cursor.fetchone()[0]
        columns = "quote, summary, speaker, notes"
        cursor.execute(
            f"SELECT rowid, {columns} FROM {FTS_TABLE} WHERE rowid IN (SELECT value FROM json_each(%s))",
            [json.dumps(ids)],
        )
        rows = [(pk, [(text or "").split() for text in texts]) for pk, *texts in cursor.fetchall()]
    # FTS5's idf, at least 1e-6 (a term in more than half the rows would score below zero).
    idf = {t: math.log(max((total - n + 0.5) / (n + 0.5), 1 + 1e-6)) for t, n in frequency.items()}
    average = [max(sum(len(r[1][c]) for r in rows) / len(rows), 1.0) for c in range(len(weights))]
    return {pk: bm25(columns, terms, idf, weights, average) for pk, columns in rows}


def bm25(columns, terms, idf, weights, average):
    score = 0.0
    for term in set(terms):
        prefix = not is_cjk(term) or len(term) == 1
        for column, weight in enumerate(weights):
            words = columns[column]
            hits = sum(1 for w in words if (w.startswith(term) if prefix else w == term))
            if hits:
                norm = BM25_K1 * (1 - BM25_B + BM25_B * len(words) / average[column])
                score += weight * idf[term] * hits * (BM25_K1 + 1) / (hits + norm)
    return score


def lexeme(term, weights=""):
    """A quoted tsquery lexeme; a Latin word or a lone CJK character as a prefix; limited to `weights`."""
    prefix = "*" if not is_cjk(term) or len(term) == 1 else ""
    label = f":{prefix}{weights}" if prefix or weights else ""
    return f"'{term}'{label}"


def sqlite_match(terms, include_notes=True):
    match = " ".join(f'"{term}"*' if (not is_cjk(term) or len(term) == 1) else f'"{term}"' for term in terms)
    return match if include_notes else f"{{quote summary speaker}} : ({match})"


def sqlite_search(queryset, terms, include_notes=True):
    match = sqlite_match(terms, include_notes)
    matches = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"
    if sqlite_has_few(queryset.db, matches, match):
        narrowed = queryset.filter(pk__in=RawSQL(matches, [match]))
    else:
        # Many: `+` keeps SQLite from fetching every match by its id and sorting them all;
        # it walks the date index instead, checking each row against the set of matches.
        unindexed_id = Func(F("pk"), template="+%(expressions)s", output_field=IntegerField())
        narrowed = queryset.alias(unindexed_id=unindexed_id).filter(unindexed_id__in=RawSQL(matches, [match]))
    return narrowed.annotate(search_rank=sqlite_rank(queryset, match))


def sqlite_has_few(using, matches, match):
    """Whether at most FEW claims match (FTS5 lists a word's matches fast, however many)."""
    with connections[using].cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM ({matches} LIMIT {FEW + 1:d})", [match])
        return cursor.fetchone()[0] <= FEW


def sqlite_rank(queryset, match):
    # bm25 is lower for better matches; negated, so that higher is better on both databases.
    table = queryset.model._meta.db_table
    return RawSQL(
        f"SELECT -bm25({FTS_TABLE}, {WEIGHTS}) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s "
        f'AND rowid = "{table}"."id"',
        [match],
    )


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

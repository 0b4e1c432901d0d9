"""Searching claims: filter a queryset to the claims matching every word of a
query, ranked (marking the matches in a text for display is in marking.py).

Each word of a query is analysed as the index was (analysis.py). A Latin
word matches as a prefix ("user" finds "users"); Chinese matches by its
bigrams, all of which must be present. User input never reaches SQL or FTS5
syntax: tokens contain only letters and digits, and are quoted.

The plan follows how many claims really match, not the planner's guess
(PostgreSQL guesses the same for every prefix query, about an eighth of the
table). The index is asked first for up to FEW + 1 matches: when there are no
more than FEW, the list is narrowed to those ids, so every plan, count and
facet after it is exact and cheap, and the newest of them (the pool that is
ranked) are known from the dates the index keeps beside the words. When there
are more, the search stays a condition: a common word's matches are dense along
the date index, so walking it finds a page at once (on PostgreSQL the index
table's own date index, where each claim's words are tested without reading
the claim); a word of middling
frequency is read from a window of the newest claims instead (PostgreSQL ANDs
the word's bitmap with the date index's), which costs what the window holds,
not every claim the walk would pass.
"""

import json
import math
from array import array
from collections import OrderedDict
from datetime import date
from typing import NamedTuple

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connections
from django.db.models import F, FloatField, Func, IntegerField, Value
from django.db.models.expressions import RawSQL

from claimtracker.corpus.changes import corpus_version
from claimtracker.corpus.counting import id_list, local_settings

from .analysis import is_cjk, tokens
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
    ids = matches_of(queryset.db, tsquery).ids
    if ids is None:
        narrowed = queryset.filter(search_entry__vector=tsquery)
    else:
        narrowed = queryset.filter(pk__in=id_list(queryset.db, ids))
    return narrowed.annotate(search_rank=postgresql_rank(tsquery))


class Matches(NamedTuple):
    ids: array | None  # all the matches, newest first, if at most FEW (8 bytes each)
    estimate: float  # how many claims match, about (exact when `ids` are given)
    rows: int  # rows of the index table, about


MEMO_SIZE = 16
memo = OrderedDict()  # (database, tsquery, corpus version) -> Matches, in this process


def matches_of(using, tsquery):
    """What the index says of `tsquery`, kept per corpus version: the list asks again to
    rank the newest, and its next pages ask once more."""
    sql, params = (
        ClaimSearch.objects.filter(vector=tsquery).values_list("pk", "said_on").query.sql_with_params()
    )
    key = (using, sql, tuple(params), corpus_version())
    if key not in memo:
        memo[key] = probe(using, sql, params)
        while len(memo) > MEMO_SIZE:
            memo.popitem(last=False)
    return memo[key]


def probe(using, sql, params):
    """The GIN index is read as a bitmap whatever the LIMIT, so a word in most claims
    would cost a pass over its whole posting list: a fixed-size sample of the index
    table tells a common word first, for what one page costs at any size of corpus.
    The few are sorted here: asked to sort them, PostgreSQL may walk the date index
    row by row, which for a rare word is the whole table."""
    with connections[using].cursor() as cursor:
        estimate, rows = sampled_count(cursor, sql, params)
        if estimate > 2 * FEW:
            return Matches(None, estimate, rows)
        cursor.execute(f"{sql} LIMIT {FEW + 1:d}", params)
        found = cursor.fetchall()
    if len(found) > FEW:
        return Matches(None, max(estimate, len(found)), rows)
    return Matches(newest_first(found), len(found), rows)


def newest_first(rows):
    """The ids of (id, date) rows in the lists' order: newest first, undated last, then by id."""
    rows.sort(key=lambda row: (row[1] is not None, row[1] or date.min, row[0]), reverse=True)
    return array("q", (pk for pk, _ in rows))


SAMPLE_ROWS = 10_000


def sampled_count(cursor, sql, params):
    """(about how many rows of the index table `sql` selects, from a sample of SAMPLE_ROWS
    rows; about how many rows the table has)."""
    table = ClaimSearch._meta.db_table
    cursor.execute("SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass", [table])
    rows = max(cursor.fetchone()[0], 1)
    if rows <= 2 * FEW:
        return 0, rows  # a small table: the probe itself is cheap
    percent = min(100, 100 * SAMPLE_ROWS / rows)
    sampled = sql.replace(
        f'FROM "{table}"', f'FROM "{table}" TABLESAMPLE SYSTEM ({percent:f}) REPEATABLE (1)', 1
    )
    cursor.execute(f"SELECT count(*) FROM ({sampled}) AS sample", params)
    return cursor.fetchone()[0] * 100 / percent, rows


# Reading a word's matches from the GIN index costs about a sixth of what checking one
# claim costs on a walk down the date index (measured: 0.4 µs a posting, 2.5 µs a claim).
POSTING_PER_WALKED = 1 / 6


def newest_window(using, tsquery, matches, pool):
    """The newest matches, newest first — at least `pool` of them, as the sample reckons —,
    or None where walking the date index costs less (a common word: its matches are
    dense there). The word's bitmap is ANDed with the date index's for a window of the
    newest claims sized from the word's share: PostgreSQL then reads only the matches
    in the window, not every claim the walk would have checked."""
    share = matches.estimate / matches.rows
    if share <= 0 or matches.estimate * POSTING_PER_WALKED > pool / share:
        return None
    width = int(1.5 * pool / share)
    if width >= matches.rows:
        return None
    newest = F("said_on").desc(nulls_last=True), F("claim_id").desc()
    edge = (
        ClaimSearch.objects.using(using)
        .order_by(*newest)
        .values_list("said_on", flat=True)[width - 1 : width]
    )
    edge = edge.first()
    if edge is None:
        return None
    window = ClaimSearch.objects.using(using).filter(vector=tsquery, said_on__gte=edge)
    return newest_first(list(window.values_list("pk", "said_on")))


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
    half a second; only the newest matches are ranked, without matching the
    query a second time."""
    newest = matching.order_by(*matching.model._meta.ordering).values("pk")[:pool]  # the walk
    if connections[matching.db].vendor == "postgresql":
        tsquery = postgresql_query(tokens(query), include_notes)
        known = known_newest(matching, tsquery, pool)
        chosen = newest if known is None else id_list(matching.db, known)
        return matching.model.objects.filter(pk__in=chosen).annotate(search_rank=postgresql_rank(tsquery))
    # FTS5 ranks a row fast only while listing all of a query's matches (a second for a
    # common word), and asked for given rows it expands the query again for each (minutes):
    # the pool's analysed text is read by rowid and scored here, as bm25 does.
    ids = list(newest.values_list("pk", flat=True))
    ranks = sqlite_ranks(matching.db, tokens(query), include_notes, ids)
    pool = matching.model.objects.filter(pk__in=RawSQL("SELECT value FROM json_each(%s)", (json.dumps(ids),)))
    return pool.annotate(search_rank=rank_table(matching.model._meta.db_table, ranks))


def known_newest(matching, tsquery, pool):
    """The ids of the newest `pool` claims of `matching`, from the few matches, a window of
    the newest or a walk of the index table, only the list's filters checked; None where
    the claims' date index must be walked (the filters left them short of the pool)."""
    matches = matches_of(matching.db, tsquery)
    if matches.ids is not None:
        return first_among(matching, matches.ids, pool)
    newest = newest_window(matching.db, tsquery, matches, pool)
    if newest is None:
        newest = walked_newest(matching.db, tsquery, WALKED_PER_POOL * pool)
    found = first_among(matching, newest, pool)
    return found if len(found) == pool else None


WALKED_PER_POOL = 2  # the list's filters may leave out some of the word's newest matches
WALK_ONLY = {"enable_bitmapscan": "off", "enable_seqscan": "off", "enable_sort": "off"}


def walked_newest(using, tsquery, count):
    """The newest `count` matches, newest first, from a walk down the index table's own
    date index: each claim is tested there (its words are beside its date), without a
    look-up in the claims table (at ten million claims, 34 ms for a word in 1 claim in 20
    where the walk joining the claims took 190). The walk is forced: the planner, misled
    by its estimate of a word's frequency, might read all its matches and sort them
    (three seconds for 互联网 at ten million)."""
    newest = (
        ClaimSearch.objects.using(using)
        .filter(vector=tsquery)
        .order_by(F("said_on").desc(nulls_last=True), F("claim_id").desc())
        .values_list("pk", flat=True)[:count]
    )
    with local_settings(using, WALK_ONLY):
        return array("q", newest)


def first_among(matching, ids, count):
    """The first `count` of `ids` that are in `matching`, checked a window at a time (the
    first is all an unfiltered search needs): ordering all of them by date in the database
    looked up every one in the claims table (70 ms for 18,000)."""
    found, start, window = [], 0, count
    while start < len(ids) and len(found) < count:
        chunk = ids[start : start + window]
        kept = set(matching.filter(pk__in=id_list(matching.db, chunk)).values_list("pk", flat=True))
        found += [pk for pk in chunk if pk in kept]
        start, window = start + window, window * 2
    return found[:count]


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

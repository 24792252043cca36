"""The default search backend: PostgreSQL full text (french_unaccent), pgvector HNSW, and their weighted fusion."""

from __future__ import annotations

import dataclasses
import html
import itertools
import math
import threading
import time
from dataclasses import dataclass
from typing import Literal

from django.conf import settings
from django.db import connection, transaction

from council.matieres import THEMES
from council.models import Deliberation, Document
from french.stopwords import QUESTION_WORDS
from search.backends.base import FacetValue, Mode, SearchFilters, SearchHit, SearchQuery, SearchResults
from search.embeddings import embedder_get, query_vector
from search.models import SEARCH_CONFIG, Passage
from search.context import QueryContext, query_context
from search.query import (
    INVERTED_SUBJECT,
    ParsedQuery,
    query_parse,
    semantic_query_text,
    tsquery_literal,
    websearch_text,
)

TABLE = Passage._meta.db_table
# Private-use characters mark matches inside ts_headline's output; the passage text is escaped around them.
MARK_START, MARK_STOP = "\ue000", "\ue001"
FACET_FIELDS = ("collectivite", "body", "document_kind", "outcome", "theme", "year")
MAX_PAGE = 100


@dataclass(frozen=True)
class Tuning:
    """Ranking knobs, tuned on the dev questions; none of them is tied to a document."""

    # Reciprocal rank fusion: weight / (rrf_k + rank) summed over the two retrievers.
    rrf_k: int = 60
    keyword_weight: float = 1.0
    semantic_weight: float = 1.0
    # "rrf": weighted reciprocal ranks; "score": weighted sum of scores scaled to [0, 1] within each list.
    fusion: str = "rrf"
    # Hybrid only: a passage of a collectivité the query names, of a month or season it names (period),
    # or of a year it names, is worth this much more.
    collectivite_boost: float = 1.0
    period_boost: float = 1.0
    year_boost: float = 0.3
    # How deep each retriever looks before fusion.
    candidates: int = 50
    # A lexeme found in the heading (délibération number and objet) counts this much more.
    heading_boost: float = 1.0
    # Lexemes in more than this share of passages add too little to be tested one by one (ts_rank_cd still sees them).
    scored_frequency_max: float = 0.3
    # Passages containing every word of the query (websearch AND) are lifted by this many IDF units.
    all_terms_bonus: float = 1.0
    # The OR query that selects keyword candidates keeps the rarest lexemes up to this many expected rows.
    candidate_rows_budget: int = 1000
    # When the rarest lexeme alone exceeds that budget, candidates hold two of this many rarest lexemes.
    pair_words: int = 4
    # Cover density is computed for the best this many matches by the other terms of the score.
    density_shortlist: int = 300
    # Hybrid: how many nearest passages the semantic retriever adds from inside the place and time named.
    narrowed_semantic_depth: int = 20


@dataclass
class RankedPassage:
    passage_id: int
    document_id: int
    page_start: int
    page_end: int
    seance_date: object
    collectivite_id: int | None = None
    score: float = 0.0
    keyword_rank: int | None = None
    semantic_rank: int | None = None
    keyword_score: float | None = None
    semantic_score: float | None = None
    deliberation_id: int | None = None


class _IndexStats:
    """Share of passages containing each lexeme, the number of passages, and the planner's estimates of the
    passages inside filters: PostgreSQL's own statistics (ANALYZE), cached."""

    TTL_SECONDS = 300
    ESTIMATES_MAX = 10_000

    def __init__(self, *, table: str) -> None:
        self._table = table
        self._lock = threading.Lock()
        self._loaded_at = -math.inf
        self._frequencies: dict[str, float] = {}
        self._floor = 1e-4
        self._rows = 0
        self._estimates: dict[SearchFilters, float] = {}

    def frequency(self, lexeme: str) -> float:
        with self._lock:
            self._load_if_stale()
            return self._frequencies.get(lexeme, self._floor)

    def rows(self) -> int:
        """Passages in the table, at least 1,000 (a new index has no statistics yet)."""
        with self._lock:
            self._load_if_stale()
            return self._rows

    def rows_inside(self, filters: SearchFilters) -> float:
        """The planner's estimate of the passages that pass `filters` (its statistics, no scan)."""
        with self._lock:
            self._load_if_stale()
            known = self._estimates.get(filters)
        if known is not None:
            return known
        where, params = _filters_sql(filters)
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (FORMAT JSON) SELECT 1 FROM {self._table} p WHERE {where}", params)
            plan = cursor.fetchone()[0]  # psycopg reads the JSON
        estimate = float(plan[0]["Plan"]["Plan Rows"])
        with self._lock:
            if len(self._estimates) >= self.ESTIMATES_MAX:
                self._estimates.clear()
            self._estimates[filters] = estimate
        return estimate

    def _load_if_stale(self) -> None:
        if time.monotonic() - self._loaded_at > self.TTL_SECONDS:
            self._load()

    def _load(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass", [self._table])
            row = cursor.fetchone()
            self._rows = max(int(row[0]) if row else 0, 1000)
            cursor.execute(
                "SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats "
                "WHERE tablename = %s AND attname = 'search_vector'",
                [self._table.split(".")[-1]],
            )
            row = cursor.fetchone()
        self._loaded_at = time.monotonic()
        self._estimates = {}
        if not row or not row[0]:
            self._frequencies, self._floor = {}, 1e-4
            return
        elements, frequencies = row
        self._frequencies = dict(zip(elements, frequencies[: len(elements)]))
        # The last two numbers are the smallest and largest frequencies seen; rarer lexemes were not kept.
        self._floor = max(frequencies[len(elements)] / 2, 1e-6)

    def invalidate(self) -> None:
        with self._lock:
            self._loaded_at = -math.inf


def _idf(frequency: float) -> float:
    frequency = min(max(frequency, 1e-6), 0.999)
    return math.log(1 + (1 - frequency) / frequency)


def exact_filtered_rows_max(rows: int, *, limit: int) -> float:
    """Up to how many passages inside a filter comparing them all beats walking the HNSW graph.

    Comparing costs about a row read per passage inside (2 µs at 1M passages). A graph walk reads about
    `limit / share` tuples before `limit` of them pass a filter holding `share` of the index, each about three
    times dearer. The two cost the same at sqrt(3 × limit × rows) passages: 12,000 of a million at limit 50
    (1M-passage benchmark: a town and four months, 9,380 passages, 20 ms compared against 40 to 54 ms walked; a
    town and a year, 19,000 passages, 2 to 6 ms walked against 43 ms compared), 7,700 at limit 20.
    """
    return math.sqrt(3 * limit * rows)


def ef_search_for(rows: int) -> int:
    """HNSW_EF_SEARCH (100) up to 25,000 passages, then growing with the square root of their number: 200 at
    100,000, 632 at a million (at most 1,000).

    At a fixed ef_search, recall falls as the graph grows: on the 1M-passage benchmark index, 200 finds 83 % of
    the exact ten nearest, 600 finds 96 % (`make bench`). On the full corpus, 100 finds them all, as 200 did, and
    costs 1.5 ms less a query.
    """
    return min(1000, round(settings.HNSW_EF_SEARCH * max(1.0, math.sqrt(rows / 25_000))))


def _filters_sql(filters: SearchFilters) -> tuple[str, list]:
    """WHERE clause (on alias p) for the filters; publication is always required."""
    clauses, params = ["p.published"], []
    for column, values in (
        ("collectivite_id", filters.collectivite_ids),
        ("body_id", filters.body_ids),
        ("document_kind", filters.document_kinds),
        ("outcome", filters.outcomes),
        ("theme", filters.themes),
    ):
        if values:
            clauses.append(f"p.{column} = ANY(%s)")
            params.append(list(values))
    if filters.date_from:
        clauses.append("p.seance_date >= %s")
        params.append(filters.date_from)
    if filters.date_to:
        clauses.append("p.seance_date <= %s")
        params.append(filters.date_to)
    return " AND ".join(clauses), params


@dataclass
class _KeywordPlan:
    """The SQL pieces of a keyword query: its match condition and its score."""

    match_sql: str
    match_params: list
    score_sql: str
    score_params: list
    headline_query: str  # tsquery literal used for highlights
    # Cover density (ts_rank_cd) of the query's lexemes: dear per row, added to the best-scored matches only.
    density_query: str = ""

    @property
    def empty(self) -> bool:
        return not self.match_sql


class PostgresSearchBackend:
    """Only published passages are ever returned: `p.published` opens every WHERE clause."""

    def __init__(self, *, tuning: Tuning | None = None, table: str = TABLE) -> None:
        """`table` may name another table with the passage table's columns (an isolated benchmark index)."""
        self.tuning = tuning or Tuning(
            rrf_k=settings.SEARCH_RRF_K,
            fusion=settings.SEARCH_FUSION,
            keyword_weight=settings.SEARCH_KEYWORD_WEIGHT,
        )
        self.table = table
        self._stats = _IndexStats(table=table)

    # Indexing: the table is the index. The full-text vector is a generated column, so only embeddings remain.
    def passages_index(self, *, passage_ids: list[int]) -> None:
        from search.services import passage_embedding_input

        pending = list(Passage.objects.filter(pk__in=passage_ids, embedding__isnull=True))
        embedder = embedder_get()
        for start in range(0, len(pending), settings.EMBEDDINGS_BATCH_SIZE):
            batch = pending[start : start + settings.EMBEDDINGS_BATCH_SIZE]
            vectors = embedder.passages_embed([passage_embedding_input(heading=p.heading, text=p.text) for p in batch])
            for passage, vector in zip(batch, vectors, strict=True):
                passage.embedding = vector
            Passage.objects.bulk_update(batch, ["embedding"])
        self._stats.invalidate()

    def passages_remove(self, *, passage_ids: list[int]) -> None:
        """Rows deleted from the table leave both indexes with them; nothing else holds a copy."""
        Passage.objects.filter(pk__in=passage_ids).delete()
        self._stats.invalidate()

    def passages_engine_sync(self, *, passage_ids: list[int]) -> None:
        """The table is the index: its generated column and filters follow every change already."""

    # Reading.
    def passages_retrieve(
        self, *, text: str, k: int = 30, mode: Mode = "hybrid", filters: SearchFilters | None = None
    ) -> list[SearchHit]:
        k = max(1, min(int(k), 1000))
        candidates = self._ranked(text=text, mode=mode, filters=filters or SearchFilters(), depth=max(k, 1))
        hits = self._hits_build(candidates[:k], plan=None)
        return hits

    def passages_following(self, *, passage_ids: list[int], count: int) -> dict[int, list[SearchHit]]:
        if not passage_ids or count < 1:
            return {}
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT g.id, n.id, n.document_id, n.page_start, n.page_end, n.seance_date, n.collectivite_id "
                f"FROM {self.table} g JOIN {self.table} n ON n.document_id = g.document_id "
                f"AND n.position > g.position AND n.position <= g.position + %s "
                f"AND n.deliberation_id IS NOT DISTINCT FROM g.deliberation_id "
                f"WHERE g.id = ANY(%s) AND n.published ORDER BY g.id, n.position",
                [count, list(passage_ids)],
            )
            rows = cursor.fetchall()
        hits = {hit.passage_id: hit for hit in self._hits_build([RankedPassage(*row[1:]) for row in rows], plan=None)}
        following: dict[int, list[SearchHit]] = {}
        for row in rows:
            if row[1] in hits:
                following.setdefault(row[0], []).append(hits[row[1]])
        return following

    def deliberation_passages(self, *, deliberation_id: int) -> list[SearchHit]:
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT id, document_id, page_start, page_end, seance_date, collectivite_id FROM {self.table} "
                f"WHERE deliberation_id = %s AND published ORDER BY position",
                [deliberation_id],
            )
            rows = cursor.fetchall()
        return self._hits_build([RankedPassage(*row) for row in rows], plan=None)

    def search(self, *, query: SearchQuery) -> SearchResults:
        page = max(1, min(int(query.page), MAX_PAGE))
        size = max(1, min(int(query.page_size), 100))
        wanted = page * size
        parsed = query_parse(query.text)
        if query.mode == "keyword":
            plan = self._keyword_plan(parsed=parsed, relaxed=False)
            ordered, _ = self._keyword_candidates(
                plan=plan, filters=query.filters, limit=wanted + size, by_date=query.sort == "date"
            )
            if not ordered and not parsed.has_operators:
                # No passage has every word: rank those with the rarest ones instead.
                plan = self._keyword_plan(parsed=parsed, relaxed=True)
                ordered, _ = self._keyword_candidates(
                    plan=plan, filters=query.filters, limit=wanted + size, by_date=query.sort == "date"
                )
            if plan.empty:
                return SearchResults(hits=[], total=0, facets={})
            ordered = overlaps_drop(ordered)
            where, params = _filters_sql(query.filters)
            where, params = f"{where} AND {plan.match_sql}", [*params, *plan.match_params]
            if query.with_facets:
                total, facets = self._facets(where=where, params=params)
            else:
                total, facets = self._matches_count(where=where, params=params), {}
        else:
            # The relaxed plan ranks the keyword candidates and gives the highlights (same lexemes as the strict one).
            plan = self._keyword_plan(parsed=parsed, relaxed=True)
            depth = max(self.tuning.candidates, wanted + size)
            ordered = self._ranked(text=query.text, mode=query.mode, filters=query.filters, depth=depth, plan=plan)
            if query.sort == "date":
                ordered.sort(key=lambda c: (c.seance_date is not None, c.seance_date), reverse=True)
            total = len(ordered)
            facets = self._facets(where="p.id = ANY(%s)", params=[[c.passage_id for c in ordered]])[1] if query.with_facets else {}
        window = ordered[(page - 1) * size : page * size]
        hits = self._hits_build(window, plan=plan if query.with_highlights else None)
        return SearchResults(hits=hits, total=total, facets=facets)

    # Keyword retrieval.
    def _keyword_plan(self, *, parsed: ParsedQuery, relaxed: bool) -> _KeywordPlan:
        """Match condition and IDF-weighted score; `relaxed` matches any rare word instead of all words."""
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT websearch_to_tsquery('{SEARCH_CONFIG}', %s)::text, "
                f"ARRAY(SELECT lexeme FROM unnest(to_tsvector('{SEARCH_CONFIG}', %s))), "
                f"ARRAY(SELECT lexeme FROM unnest(to_tsvector('{SEARCH_CONFIG}', %s)))",
                [websearch_text(parsed), parsed.positive_text, " ".join(parsed.prefixes)],
            )
            strict, lexemes, prefixes = cursor.fetchone()
        lexemes = [
            lexeme for lexeme in lexemes
            if lexeme not in QUESTION_WORDS and len(lexeme) > 1 and not INVERTED_SUBJECT.search(lexeme)
        ] or lexemes
        if prefixes:
            prefix_query = tsquery_literal(prefixes, operator="&", prefix=True)
            strict = f"({strict}) & ({prefix_query})" if strict else prefix_query
        if not lexemes and not prefixes:
            return _KeywordPlan("", [], "0", [], "")
        score_parts, score_params = [], []
        weighted = sorted(((self._stats.frequency(lexeme), lexeme) for lexeme in lexemes))
        for frequency, lexeme in weighted:
            if frequency > self.tuning.scored_frequency_max:
                continue
            idf = _idf(frequency)
            # float8 arithmetic: a bare parameter would be numeric, several times slower per row.
            score_parts.append("(p.search_vector @@ %s::tsquery)::int * %s::float8")
            score_params += [tsquery_literal([lexeme]), idf]
            if self.tuning.heading_boost:
                # The lexeme again, restricted to the heading (weight A).
                score_parts.append("(p.search_vector @@ %s::tsquery)::int * %s::float8")
                score_params += [tsquery_literal([lexeme]) + ":A", idf * self.tuning.heading_boost]
        for prefix in prefixes:
            score_parts.append("(p.search_vector @@ %s::tsquery)::int * %s::float8")
            score_params += [tsquery_literal([prefix], prefix=True), _idf(0.01)]
        any_query = tsquery_literal(lexemes) if lexemes else ""
        if strict:
            score_parts.append("(p.search_vector @@ %s::tsquery)::int * %s::float8")
            score_params += [strict, self.tuning.all_terms_bonus * max([_idf(f) for f, _ in weighted] or [1.0])]
        if relaxed and not parsed.has_operators:
            # The rarest lexemes select the candidates, within a budget of expected rows; all of them score.
            chosen, expected, rows = [], 0.0, self._stats.rows()
            for frequency, lexeme in weighted:
                if chosen and expected + frequency * rows > self.tuning.candidate_rows_budget:
                    break
                chosen.append(lexeme)
                expected += frequency * rows
            any_chosen = tsquery_literal(chosen) if chosen else ""
            if expected > self.tuning.candidate_rows_budget and len(weighted) > 1:
                # Even the rarest word is everywhere (a large index, a question in common words):
                # candidates must then hold two of the rarest words.
                rarest = [lexeme for _, lexeme in weighted[: self.tuning.pair_words]]
                any_chosen = " | ".join(
                    f"({tsquery_literal([a, b], operator='&')})" for a, b in itertools.combinations(rarest, 2)
                )
            # A passage holding every word holds the rarest ones: the candidates need no test of the strict query
            # (on a large index its GIN scan reads the posting lists of common words for nothing).
            match_sql, match_params = "p.search_vector @@ %s::tsquery", [any_chosen if chosen else strict]
        else:
            if not strict:
                return _KeywordPlan("", [], "0", [], "")
            match_sql, match_params = "p.search_vector @@ %s::tsquery", [strict]
        headline = " | ".join(q for q in (any_query, tsquery_literal(prefixes, prefix=True) if prefixes else "") if q)
        return _KeywordPlan(match_sql, match_params, " + ".join(score_parts) or "0", score_params, headline, any_query)

    def _matches_count(self, *, where: str, params: list) -> int:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM {self.table} p WHERE {where}", params)
            return cursor.fetchone()[0]

    def _keyword_candidates(
        self, *, plan: _KeywordPlan, filters: SearchFilters, limit: int, by_date: bool = False,
        narrowed: SearchFilters | None = None,
    ) -> tuple[list[RankedPassage], list[RankedPassage]]:
        """The best `limit` matches, and (with `narrowed`) the best `limit` of those inside narrower filters.

        Both lists come from one scan: each match is scored once.
        """
        if plan.empty:
            return [], []
        where, params = _filters_sql(filters)
        inside, inside_params = _filters_sql(narrowed) if narrowed else ("FALSE", [])
        order = "seance_date DESC NULLS LAST, {score} DESC, id" if by_date else "{score} DESC, id"
        density = "ts_rank_cd(t.search_vector, %s::tsquery, 1)" if plan.density_query else "0"
        shortlist = max(self.tuning.density_shortlist, limit)
        # Every match is scored by the IDF of the lexemes it holds; reading each vector once (« || '' »
        # detoasts it) since the score tests it many times. Cover density, as dear as all the rest on a large
        # index, is then added to the best `shortlist` only (and to the best inside the narrower filters).
        sql = (
            f"WITH scored AS MATERIALIZED ("
            f" SELECT p.id, p.document_id, p.page_start, p.page_end, p.seance_date, p.collectivite_id, p.deliberation_id,"
            f"  {plan.score_sql} AS base, {inside} AS inside FROM ("
            f"  SELECT p.id, p.document_id, p.page_start, p.page_end, p.seance_date, p.published, p.collectivite_id,"
            f"   p.deliberation_id, p.body_id, p.document_kind, p.outcome, p.theme, p.search_vector || ''::tsvector AS search_vector"
            f"  FROM {self.table} p WHERE {where} AND {plan.match_sql} OFFSET 0) p), "
            f"shortlist AS (SELECT * FROM ("
            f" SELECT *, row_number() OVER (ORDER BY {order.format(score='base')}) AS base_all,"
            f"  row_number() OVER (PARTITION BY inside ORDER BY {order.format(score='base')}) AS base_inside FROM scored) s"
            f" WHERE base_all <= %s OR (inside AND base_inside <= %s)) "
            f"SELECT id, document_id, page_start, page_end, seance_date, collectivite_id, score, inside, deliberation_id FROM ("
            f" SELECT *, row_number() OVER (ORDER BY {order.format(score='score')}) AS rank_all,"
            f"  row_number() OVER (PARTITION BY inside ORDER BY {order.format(score='score')}) AS rank_inside FROM ("
            f"  SELECT s.id, s.document_id, s.page_start, s.page_end, s.seance_date, s.collectivite_id, s.inside, s.deliberation_id,"
            f"   s.base + {density} AS score FROM shortlist s JOIN {self.table} t ON t.id = s.id) scored) ranked "
            f"WHERE rank_all <= %s OR (inside AND rank_inside <= %s) ORDER BY {order.format(score='score')}"
        )
        density_params = [plan.density_query] if plan.density_query else []
        with connection.cursor() as cursor:
            cursor.execute(sql, [
                *plan.score_params, *inside_params, *params, *plan.match_params, shortlist, shortlist,
                *density_params, limit, limit,
            ])
            rows = cursor.fetchall()
        everywhere, within = [], []
        for r in rows:
            if len(everywhere) < limit:
                everywhere.append(r)
            if r[7]:
                within.append(r)
        return _keyword_ranked(everywhere), _keyword_ranked(within[:limit])

    # Semantic retrieval.
    def _semantic_candidates(
        self, *, text: str, filters: SearchFilters, limit: int, ef_search: int | None = None,
        access: Literal["planner", "graph", "exact"] = "planner",
    ) -> list[RankedPassage]:
        """`access`: the planner's choice, the HNSW graph walked whatever the filter, or every filtered row compared."""
        embedded = semantic_query_text(text)
        if not embedded:
            return []
        literal = query_vector_literal(embedded)
        where, params = _filters_sql(filters)
        ef_search = max(ef_search or ef_search_for(self._stats.rows()), limit)
        # « OFFSET 0 » keeps the filtered rows a subquery of their own, which the graph cannot serve: every one
        # is compared, read through the best index on the filter.
        rows_source = (
            f"(SELECT * FROM {self.table} p WHERE {where} AND p.embedding IS NOT NULL OFFSET 0) p"
            if access == "exact"
            else f"{self.table} p WHERE {where} AND p.embedding IS NOT NULL"
        )
        sql = (
            f"WITH nearest AS MATERIALIZED (SELECT p.id, p.document_id, p.page_start, p.page_end, p.seance_date, p.collectivite_id, "
            f"p.embedding <=> %s::vector AS distance, p.deliberation_id FROM {rows_source} ORDER BY distance LIMIT %s) "
            f"SELECT * FROM nearest ORDER BY distance, id"
        )
        if access == "exact" or (access == "planner" and ef_search == settings.HNSW_EF_SEARCH):
            # Every connection starts with this ef_search and iterative scans on (settings.DATABASES).
            with connection.cursor() as cursor:
                cursor.execute(sql, [literal, *params, limit])
                rows = cursor.fetchall()
        else:
            # Iterative index scans keep reading the HNSW graph until `limit` rows pass the filters;
            # relaxed order is then fixed by the outer ORDER BY.
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(f"SET LOCAL hnsw.ef_search = {ef_search}")
                cursor.execute("SET LOCAL hnsw.iterative_scan = relaxed_order")
                if access == "graph":
                    cursor.execute("SET LOCAL enable_bitmapscan = off")
                    cursor.execute("SET LOCAL enable_seqscan = off")
                cursor.execute(sql, [literal, *params, limit])
                rows = cursor.fetchall()
        return [
            RankedPassage(
                r[0], r[1], r[2], r[3], r[4], r[5], score=1 - float(r[6]), semantic_rank=i, semantic_score=1 - float(r[6]),
                deliberation_id=r[7],
            )
            for i, r in enumerate(rows, start=1)
        ]

    # Fusion.
    def candidates_rank(self, *, text: str, mode: Mode, filters: SearchFilters, depth: int) -> list[RankedPassage]:
        """Ranked candidates without their texts: what evaluation on an isolated index needs."""
        return self._ranked(text=text, mode=mode, filters=filters, depth=depth)

    def _ranked(
        self, *, text: str, mode: Mode, filters: SearchFilters, depth: int, plan: _KeywordPlan | None = None
    ) -> list[RankedPassage]:
        """`plan`: the relaxed keyword plan when the caller has it already."""
        parsed = query_parse(text)
        depth_each = max(depth, self.tuning.candidates) if mode == "hybrid" else depth + 20
        if mode == "keyword":
            plan = plan or self._keyword_plan(parsed=parsed, relaxed=True)
            return overlaps_drop(self._keyword_candidates(plan=plan, filters=filters, limit=depth_each)[0])[:depth]
        if mode == "semantic":
            return overlaps_drop(self._semantic_candidates(text=text, filters=filters, limit=depth_each))[:depth]
        context = query_context(parsed.text)
        # The place and time the question names: both retrievers again, inside them, so that a small
        # town's passages are not crowded out of the candidates by a big city's.
        narrowed = _filters_narrow(filters, context)
        plan = plan or self._keyword_plan(parsed=parsed, relaxed=True)
        keyword, keyword_inside = self._keyword_candidates(plan=plan, filters=filters, limit=depth_each, narrowed=narrowed)
        semantic = self._semantic_candidates(text=text, filters=filters, limit=depth_each)
        lists = [("keyword", keyword, self.tuning.keyword_weight), ("semantic", semantic, self.tuning.semantic_weight)]
        if narrowed is not None:
            # A second opinion inside the place and time named: a short list and the base beam are enough (a
            # filtered graph walk costs in proportion to both), or every passage there compared when they are few.
            depth_inside = self.tuning.narrowed_semantic_depth
            exact_max = exact_filtered_rows_max(self._stats.rows(), limit=depth_inside)
            semantic_inside = self._semantic_candidates(
                text=text, filters=narrowed, limit=depth_inside, ef_search=settings.HNSW_EF_SEARCH,
                access="exact" if self._stats.rows_inside(narrowed) <= exact_max else "graph",
            )
            lists += [
                ("keyword", keyword_inside, self.tuning.keyword_weight),
                ("semantic", semantic_inside, self.tuning.semantic_weight),
            ]
        fused = self._fuse(lists=lists)
        if fused and not context.empty:
            self._context_boost(context=context, candidates=fused)
            fused.sort(key=lambda c: (-c.score, c.passage_id))
        return overlaps_drop(fused)[:depth]

    def _fuse(self, *, lists: list[tuple[str, list[RankedPassage], float]]) -> list[RankedPassage]:
        """Weighted reciprocal rank fusion (or score fusion) of several ranked lists of the two retrievers."""
        fused: dict[int, RankedPassage] = {}
        for key, candidates, weight in lists:
            for candidate, share in zip(candidates, _shares(candidates, key=key, tuning=self.tuning, weight=weight), strict=True):
                known = fused.get(candidate.passage_id)
                if known is None:
                    known = fused[candidate.passage_id] = RankedPassage(
                        candidate.passage_id, candidate.document_id, candidate.page_start, candidate.page_end,
                        candidate.seance_date, candidate.collectivite_id, deliberation_id=candidate.deliberation_id,
                    )
                known.score += share
                rank, score = getattr(candidate, f"{key}_rank"), getattr(candidate, f"{key}_score")
                # A passage keeps its best place in any list, and the raw score that goes with it.
                if getattr(known, f"{key}_rank") is None or rank < getattr(known, f"{key}_rank"):
                    setattr(known, f"{key}_rank", rank)
                    setattr(known, f"{key}_score", score)
        return sorted(fused.values(), key=lambda c: (-c.score, c.passage_id))

    def _context_boost(self, *, context: QueryContext, candidates: list[RankedPassage]) -> None:
        """Favour the passages of the collectivité and the time the question names."""
        for candidate in candidates:
            factor = 1.0
            if candidate.collectivite_id in context.collectivite_ids:
                factor += self.tuning.collectivite_boost
            if context.in_period(candidate.seance_date):
                factor += self.tuning.period_boost
            elif context.in_year(candidate.seance_date):
                factor += self.tuning.year_boost
            candidate.score *= factor

    # Results.
    def _hits_build(self, candidates: list[RankedPassage], *, plan: _KeywordPlan | None) -> list[SearchHit]:
        if not candidates:
            return []
        ids = [c.passage_id for c in candidates]
        headline = "''"
        params: list = []
        if plan and plan.headline_query:
            headline = (
                f"ts_headline('{SEARCH_CONFIG}', p.text, %s::tsquery, "
                f"'StartSel={MARK_START}, StopSel={MARK_STOP}, MaxWords=45, MinWords=20, MaxFragments=2, "
                f"FragmentDelimiter=\" … \"')"
            )
            params.append(plan.headline_query)
        sql = (
            f"SELECT p.id, p.deliberation_id, p.heading, p.text, {headline}, d.number, d.objet, p.seance_date, "
            f"doc.title, doc.source_path, c.name, b.name "
            f"FROM {self.table} p JOIN {Document._meta.db_table} doc ON doc.id = p.document_id "
            f"LEFT JOIN {Deliberation._meta.db_table} d ON d.id = p.deliberation_id "
            f"JOIN council_collectivite c ON c.id = p.collectivite_id JOIN council_body b ON b.id = p.body_id "
            f"WHERE p.published AND p.id = ANY(%s)"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, ids])
            rows = {row[0]: row for row in cursor.fetchall()}
        hits = []
        for candidate in candidates:
            row = rows.get(candidate.passage_id)
            if row is None:
                continue
            _, deliberation_id, heading, text, snippet, number, objet, seance_date, title, path, coll, body = row
            hits.append(
                SearchHit(
                    passage_id=candidate.passage_id,
                    score=candidate.score,
                    document_id=candidate.document_id,
                    deliberation_id=deliberation_id,
                    page_start=candidate.page_start,
                    page_end=candidate.page_end,
                    heading=heading,
                    text=text,
                    snippet=snippet_html(snippet or text[:300]),
                    deliberation_number=number or "",
                    deliberation_objet=objet or "",
                    seance_date=seance_date,
                    document_title=title,
                    document_source_path=path,
                    collectivite=coll,
                    body=body,
                    keyword_rank=candidate.keyword_rank,
                    semantic_rank=candidate.semantic_rank,
                    keyword_score=candidate.keyword_score,
                    semantic_score=candidate.semantic_score,
                )
            )
        return hits

    def _facets(self, *, where: str, params: list) -> tuple[int, dict[str, list[FacetValue]]]:
        """The number of passages matching and the facet counts, in one scan of the matches."""
        columns = {
            "collectivite": "p.collectivite_id::text",
            "body": "p.body_id::text",
            "document_kind": "p.document_kind",
            "outcome": "p.outcome",
            "theme": "p.theme",
            "year": "extract(year FROM p.seance_date)::int::text",
        }
        selected = ", ".join(f"{sql} AS {name}" for name, sql in columns.items())
        sets = ", ".join(f"({name})" for name in FACET_FIELDS)
        flags = ", ".join(f"GROUPING({name})" for name in FACET_FIELDS)
        sql = (
            f"WITH matches AS MATERIALIZED (SELECT {selected} FROM {self.table} p WHERE {where}) "
            f"SELECT ARRAY[{flags}], {', '.join(FACET_FIELDS)}, count(*) FROM matches "
            f"GROUP BY GROUPING SETS ({sets}, ())"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
            cursor.execute("SELECT 'collectivite', id::text, name FROM council_collectivite UNION ALL "
                           "SELECT 'body', id::text, name FROM council_body")
            names: dict[str, dict[str, str]] = {"collectivite": {}, "body": {}}
            for facet, value, name in cursor.fetchall():
                names[facet][value] = name
        labels = {**names, "document_kind": dict(Document.Kind.choices), "outcome": dict(Deliberation.Outcome.choices),
                  "theme": THEMES}
        total = 0
        facets: dict[str, list[FacetValue]] = {name: [] for name in FACET_FIELDS}
        for flags_row, *values, count in rows:
            grouped = [name for name, flag in zip(FACET_FIELDS, flags_row) if flag == 0]
            if not grouped:
                total = count
                continue
            name = grouped[0]
            value = values[FACET_FIELDS.index(name)]
            if value in (None, ""):
                continue
            facets[name].append(FacetValue(value=value, label=str(labels.get(name, {}).get(value, value)), count=count))
        for name, values in facets.items():
            if name == "year":
                values.sort(key=lambda f: f.value, reverse=True)
            else:
                values.sort(key=lambda f: (-f.count, f.label))
        return total, facets


def _keyword_ranked(rows) -> list[RankedPassage]:
    return [
        RankedPassage(
            r[0], r[1], r[2], r[3], r[4], r[5], score=float(r[6]), keyword_rank=i, keyword_score=float(r[6]), deliberation_id=r[8]
        )
        for i, r in enumerate(rows, start=1)
    ]


def _filters_narrow(filters: SearchFilters, context: QueryContext) -> SearchFilters | None:
    """The user's filters further restricted to the place and time the question names; None if it names neither."""
    if context.empty:
        return None
    narrowed = filters
    if context.collectivite_ids:
        wanted = set(context.collectivite_ids)
        if filters.collectivite_ids:
            wanted &= set(filters.collectivite_ids)
        narrowed = dataclasses.replace(narrowed, collectivite_ids=tuple(sorted(wanted)) or (-1,))
    date_range = context.date_range()
    if date_range:
        start, end = date_range
        narrowed = dataclasses.replace(
            narrowed,
            date_from=max(start, filters.date_from) if filters.date_from else start,
            date_to=min(end, filters.date_to) if filters.date_to else end,
        )
    return narrowed


def _shares(candidates: list[RankedPassage], *, key: str, tuning: Tuning, weight: float) -> list[float]:
    """Each candidate's contribution to the fused score."""
    if tuning.fusion == "score" and candidates:
        scores = [getattr(c, f"{key}_score") for c in candidates]
        low, high = min(scores), max(scores)
        return [weight * ((s - low) / (high - low) if high > low else 1.0) for s in scores]
    return [weight / (tuning.rrf_k + getattr(c, f"{key}_rank")) for c in candidates]


def query_vector_literal(text: str) -> str:
    """The query's embedding as pgvector input (the embedding cached: `search.embeddings.query_vector`)."""
    return "[" + ",".join(f"{x:.7g}" for x in query_vector(text).tolist()) + "]"


def overlaps_drop(candidates: list[RankedPassage]) -> list[RankedPassage]:
    """Drop a passage whose pages a better-ranked passage of the same délibération (or of the same document outside
    any) already covers: passages overlap by a line, but a page of short items holds several délibérations."""
    kept: list[RankedPassage] = []
    spans: dict[tuple[int, int | None], list[tuple[int, int]]] = {}
    for candidate in candidates:
        covered = spans.setdefault((candidate.document_id, candidate.deliberation_id), [])
        if any(start <= candidate.page_start and candidate.page_end <= end for start, end in covered):
            continue
        covered.append((candidate.page_start, candidate.page_end))
        kept.append(candidate)
    return kept


def snippet_html(text: str) -> str:
    """Escape everything, then turn the private-use markers into <mark>."""
    escaped = html.escape(text.replace("<mark>", "").replace("</mark>", ""))
    return escaped.replace(MARK_START, "<mark>").replace(MARK_STOP, "</mark>")

"""Search benchmark: our three modes against BM25 (bm25s) and exact vector search, quality and latency as ratios.

Also the service latency at the full corpus and on a synthetic index of `synthetic_rows` passages,
and the recall@10 of the HNSW index against exact search. Run by bench/run.py, or alone:
    .venv/bin/python bench/search_bench.py --questions ../shared/eval/dev_questions.jsonl --corpus ../shared/corpus
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
SYNTHETIC_TABLE = "bench.synthetic_passage"
# Changed whenever the generator changes, so that a table built by an older one is rebuilt.
SYNTHETIC_VERSION = "mix-5"


def _django_setup() -> None:
    sys.path.insert(0, str(REPO))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


def _tokens(text: str) -> list[str]:
    from french.folding import fold
    from french.stemming import stems

    return stems(re.findall(r"[a-z0-9]+", fold(text)))


def _published_passages():
    from council.models import Document
    from search.models import Passage

    paths = dict(Document.objects.values_list("id", "source_path"))
    rows = list(
        Passage.objects.filter(published=True, embedding__isnull=False).values_list(
            "id", "document_id", "page_start", "page_end", "heading", "text", "embedding"
        )
    )
    return paths, rows


def _baselines(*, rows, paths):
    """BM25 over heading + text, and exact cosine search over the same embeddings: two Retrievers."""
    import bm25s

    from search.embeddings import embedder_get
    from search.evaluation import RankedItem
    from search.query import semantic_query_text

    retriever = bm25s.BM25()
    retriever.index([_tokens(f"{r[4]}\n{r[5]}") for r in rows], show_progress=False)
    matrix = np.stack([np.asarray(r[6], dtype=np.float32) for r in rows])
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)

    def item(index: int, score: float) -> RankedItem:
        r = rows[index]
        return RankedItem(paths.get(r[1], ""), r[2], r[3], r[0], float(score))

    def bm25(text: str, mode: str, k: int):
        tokens = _tokens(text) or ["_"]
        indexes, scores = retriever.retrieve([tokens], k=min(k, len(rows)), show_progress=False)
        return [item(int(i), s) for i, s in zip(indexes[0], scores[0]) if s > 0]

    def exact(text: str, mode: str, k: int):
        # The vector the service searches with, compared with every passage.
        vector = embedder_get().query_embed(semantic_query_text(text))
        scores = matrix @ (vector / np.linalg.norm(vector))
        best = np.argsort(-scores)[:k]
        return [item(int(i), scores[i]) for i in best]

    return bm25, exact


def _percentiles(seconds: list[float]) -> dict:
    from search.evaluation import latency_summary

    return latency_summary(seconds)


def _service_latency(*, texts: list[str], table: str | None = None) -> dict:
    """Seconds per call of the whole search service (query embedding, SQL, fusion, highlights, facets)."""
    from search.backends.base import SearchFilters, SearchQuery
    from search.backends.postgres import PostgresSearchBackend
    from search.embeddings import embedder_get, query_vector

    backend = PostgresSearchBackend(table=table) if table else PostgresSearchBackend()
    embedder_get().query_embed("échauffement")
    result = {}
    for mode in ("keyword", "semantic", "hybrid"):
        query_vector.cache_clear()  # every query pays for its embedding, as a new visitor's would
        seconds = []
        for text in texts:
            started = time.perf_counter()
            if table:
                backend.candidates_rank(text=text, mode=mode, filters=SearchFilters(), depth=10)
            else:
                backend.search(query=SearchQuery(text=text, mode=mode, with_facets=True, with_highlights=True))
            seconds.append(time.perf_counter() - started)
        result[mode] = _percentiles(seconds)
    return result


def _hnsw_recall(*, table: str, vectors: list[np.ndarray], k: int = 10) -> float:
    """Share of the exact top-k (sequential scan) that the HNSW index returns, at the service's ef_search."""
    from django.db import connection, transaction

    from search.backends.postgres import ef_search_for

    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass", [table])
        ef_search = ef_search_for(cursor.fetchone()[0])
    found, total = 0, 0
    for vector in vectors:
        literal = "[" + ",".join(f"{x:.7g}" for x in vector) + "]"
        sql = f"SELECT id FROM {table} p WHERE p.published ORDER BY p.embedding <=> %s::vector LIMIT {k}"
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL hnsw.ef_search = {ef_search}")
            cursor.execute("SET LOCAL hnsw.iterative_scan = relaxed_order")
            cursor.execute(sql, [literal])
            approximate = {r[0] for r in cursor.fetchall()}
            cursor.execute("SET LOCAL enable_indexscan = off")
            cursor.execute(sql, [literal])
            exact = {r[0] for r in cursor.fetchall()}
        found += len(approximate & exact)
        total += len(exact)
    return round(found / total, 4) if total else 0.0


def synthetic_index_build(*, rows: int, seed_table: str, vectors: bool = True) -> str:
    """`rows` passages made of real passages' words in random order; each embedding mixes two real ones.

    Without `vectors` (the keyword engines' benchmark: vectors stay in pgvector), the passages have no embedding and
    the table no HNSW graph, whose build is most of the time a million rows take on two cores.
    Mixing (a share of 0.5 to 1 of one passage, the rest of another) spreads the vectors over the region real
    passages occupy; copies of one passage plus small noise would instead make tight clusters of near-duplicates,
    which no real corpus has and on which any approximate index loses the order among equals.
    """
    from django.db import connection
    from pgvector.django import HnswIndex

    from search.models import Passage

    with connection.cursor() as cursor:
        cursor.execute("SELECT obj_description(to_regclass(%s), 'pg_class')", [SYNTHETIC_TABLE])
        row = cursor.fetchone()
        hnsw = next(index for index in Passage._meta.indexes if isinstance(index, HnswIndex))
        version = f"{SYNTHETIC_VERSION} {int(rows)} " + (f"m={hnsw.m} ef_construction={hnsw.ef_construction}" if vectors else "keyword only")
        if row and row[0] == version:
            return SYNTHETIC_TABLE
        cursor.execute("CREATE SCHEMA IF NOT EXISTS bench")
        cursor.execute(f"DROP TABLE IF EXISTS {SYNTHETIC_TABLE}")
        cursor.execute(f"CREATE TABLE {SYNTHETIC_TABLE} (LIKE {seed_table} INCLUDING DEFAULTS INCLUDING GENERATED INCLUDING IDENTITY INCLUDING STORAGE INCLUDING STATISTICS)")
        # Table options too (the row size kept before TOAST), which LIKE does not copy.
        cursor.execute("SELECT array_to_string(reloptions, ', ') FROM pg_class WHERE oid = %s::regclass", [seed_table])
        options = cursor.fetchone()[0]
        if options:
            cursor.execute(f"ALTER TABLE {SYNTHETIC_TABLE} SET ({options})")
        # …nor the size of the multi-column statistics.
        cursor.execute(
            "SELECT copy.stxname, seed.stxstattarget FROM pg_statistic_ext copy JOIN pg_statistic_ext seed "
            "ON seed.stxrelid = %s::regclass AND seed.stxkeys::text = copy.stxkeys::text "
            "WHERE copy.stxrelid = %s::regclass AND seed.stxstattarget IS NOT NULL",
            [seed_table, SYNTHETIC_TABLE],
        )
        for name, target in cursor.fetchall():
            cursor.execute(f"ALTER STATISTICS bench.{name} SET STATISTICS {int(target)}")
        cursor.execute(
            f"CREATE TEMP TABLE seed AS SELECT row_number() OVER (ORDER BY id) AS n, heading, "
            f"regexp_split_to_array(text, '\\s+') AS words, embedding, collectivite_id, body_id, seance_date, "
            f"document_kind, outcome FROM {seed_table} "
            f"WHERE published AND embedding IS NOT NULL"
        )
        cursor.execute("SELECT count(*) FROM seed")
        seeds = cursor.fetchone()[0]
        # The graph of a million 384-dimension vectors fits in 4 GB; past maintenance_work_mem the build slows down.
        cursor.execute("SET maintenance_work_mem = '4GB'")
        batch = 100_000
        for start in range(0, rows, batch):
            cursor.execute(
                f"INSERT INTO {SYNTHETIC_TABLE} (id, document_id, position, page_start, page_end, heading, text, embedding, "
                f"published, collectivite_id, body_id, seance_date, document_kind, outcome) "
                f"SELECT g, g, 0, 1, 1, s.heading, "
                # Each aggregate names its own series (w) and the outer row (g): evaluated once per row, not once.
                f"  (SELECT string_agg(s.words[1 + floor(random() * cardinality(s.words))::int + 0 * w], ' ') "
                f"   FROM generate_series(1, 60) w), "
                + (f"  (SELECT array_agg(m.share * x + (1 - m.share) * y)::vector "
                   f"   FROM unnest(s.embedding::real[], o.embedding::real[]) AS t(x, y)), " if vectors else "NULL, ") +
                # Filters see the seed's collectivité, body, date, kind and outcome, as they would real ones.
                f"  true, s.collectivite_id, s.body_id, s.seance_date, s.document_kind, s.outcome "
                f"FROM generate_series(%s, %s) g JOIN seed s ON s.n = 1 + (g %% %s) "
                f"CROSS JOIN LATERAL (SELECT 0.5 + random() * 0.5 + 0 * g AS share, "
                f"  1 + floor(random() * %s)::int + 0 * g AS other) m "
                f"JOIN seed o ON o.n = m.other",
                [start + 1, min(start + batch, rows), seeds, seeds],
            )
        cursor.execute(f"ALTER TABLE {SYNTHETIC_TABLE} ADD PRIMARY KEY (id)")
        cursor.execute(f"CREATE INDEX ON {SYNTHETIC_TABLE} USING gin (search_vector)")
        cursor.execute(f"CREATE INDEX ON {SYNTHETIC_TABLE} (collectivite_id)")
        cursor.execute(f"CREATE INDEX ON {SYNTHETIC_TABLE} (published, seance_date)")
        cursor.execute(f"CREATE INDEX ON {SYNTHETIC_TABLE} (published, collectivite_id, seance_date)")
        if vectors:
            cursor.execute(
                f"CREATE INDEX ON {SYNTHETIC_TABLE} USING hnsw (embedding vector_cosine_ops) "
                f"WITH (m = {hnsw.m}, ef_construction = {hnsw.ef_construction})"
            )
        cursor.execute(f"ANALYZE {SYNTHETIC_TABLE}")
        cursor.execute(f"COMMENT ON TABLE {SYNTHETIC_TABLE} IS '{version}'")
    return SYNTHETIC_TABLE


def search_benchmark(*, questions: Path, corpus: Path, synthetic_rows: int = 1_000_000) -> dict:
    """Quality (dev questions) and latency of the three modes and the two baselines, in one run."""
    _django_setup()
    from search.evaluation import corpus_retriever, questions_load, retrieval_evaluate
    from search.models import Passage

    items = questions_load(path=questions)
    paths, rows = _published_passages()
    if not rows:
        return {"error": "no published, embedded passage: ingest and publish the corpus first"}
    ours = retrieval_evaluate(questions=items, retrieve=corpus_retriever(corpus_root=corpus))
    bm25, exact = _baselines(rows=rows, paths=paths)
    baseline_bm25 = retrieval_evaluate(questions=items, retrieve=bm25, modes=("bm25",))
    baseline_exact = retrieval_evaluate(questions=items, retrieve=exact, modes=("exact_vector",))
    table = {**ours["modes"], **baseline_bm25["modes"], **baseline_exact["modes"]}
    reference = table["bm25"]["overall"]
    ratios = {
        mode: {
            "ndcg@10_vs_bm25": round(block["overall"]["ndcg@10"] / max(reference["ndcg@10"], 1e-9), 3),
            "recall@10_vs_bm25": round(block["overall"]["recall@10"] / max(reference["recall@10"], 1e-9), 3),
            "p95_vs_bm25": round(block["latency"]["p95_ms"] / max(table["bm25"]["latency"]["p95_ms"], 1e-3), 2),
            "p95_vs_exact_vector": round(block["latency"]["p95_ms"] / max(table["exact_vector"]["latency"]["p95_ms"], 1e-3), 2),
        }
        for mode, block in table.items()
    }
    texts = [q["question"] for q in items]
    from search.embeddings import embedder_get
    from search.query import semantic_query_text

    sample = [embedder_get().query_embed(semantic_query_text(t)) for t in texts[:50]]
    result = {
        "passages": len(rows),
        "questions": ours["questions_answerable"],
        "quality": {mode: block["overall"] for mode, block in table.items()},
        "latency_retrieval": {mode: block["latency"] for mode, block in table.items()},
        "ratios": ratios,
        "service_latency_full_corpus": _service_latency(texts=texts),
        "hnsw_recall@10_full_corpus": _hnsw_recall(table=Passage._meta.db_table, vectors=sample),
    }
    if synthetic_rows:
        started = time.perf_counter()
        synthetic = synthetic_index_build(rows=synthetic_rows, seed_table=Passage._meta.db_table)
        result["synthetic"] = {
            "rows": synthetic_rows,
            "build_seconds": round(time.perf_counter() - started, 1),
            "service_latency": _service_latency(texts=texts, table=synthetic),
            "hnsw_recall@10": _hnsw_recall(table=synthetic, vectors=sample),
        }
    return result


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=Path, default=REPO.parent / "shared" / "eval" / "dev_questions.jsonl")
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    parser.add_argument("--synthetic-rows", type=int, default=1_000_000)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    report = search_benchmark(questions=args.questions, corpus=args.corpus, synthetic_rows=args.synthetic_rows)
    text = json.dumps(report, ensure_ascii=False, indent=1)
    print(text)
    if args.json:
        args.json.write_text(text, encoding="utf-8")

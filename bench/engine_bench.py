"""Keyword search on the separate engines beside PostgreSQL, in one run: bulk indexing rate of N synthetic passages,
keyword latency p50/p95 at N, and dev-question keyword (and hybrid) Recall@10 / MRR@10 on the real corpus.

The synthetic passages are search_bench's (bench.synthetic_passage: real passages' words shuffled, the seed's
collectivité, date and kind); each engine receives them in bulk as the portal sends passages (the fields of
search.search_indexes.PassageIndex, no embedding: vectors stay in pgvector), into an index of its own, dropped
afterwards. Run by bench/run.py (`--only engines`, with OPENSEARCH_URL / ELASTICSEARCH_URL), or alone:

    .venv/bin/python bench/engine_bench.py --rows 1000000 --opensearch-url http://127.0.0.1:9200 \
        [--elasticsearch-url http://127.0.0.1:9201] [--json engines.json]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
BULK_CHUNK = 2000
# The index of the synthetic passages in each engine; the real corpus goes to another, through `reindex`.
SYNTHETIC_ALIAS = "bench_synthetic"
CORPUS_ALIAS = "bench_corpus"
BACKENDS = {
    "opensearch": "search.backends.opensearch.OpenSearchSearchBackend",
    "elasticsearch": "search.backends.elasticsearch.ElasticsearchSearchBackend",
}


def _django_setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


def _synthetic_documents(*, table: str):
    """The synthetic passages as the engines store the portal's (PassageIndex's fields and identifiers)."""
    from django.db import connection, transaction

    columns = "id, document_id, heading, text, page_start, page_end, seance_date, collectivite_id, body_id, " \
              "document_kind, outcome, published"
    with transaction.atomic(), connection.cursor() as cursor:
        # A server-side cursor: a million rows never sit in this process at once.
        cursor.execute(f"DECLARE synthetic NO SCROLL CURSOR FOR SELECT {columns} FROM {table} ORDER BY id")
        try:
            yield from _fetched(cursor)
        finally:
            # Closed here: inside an outer transaction (the tests'), it would outlive this one.
            cursor.execute("CLOSE synthetic")


def _fetched(cursor):
    while True:
        cursor.execute(f"FETCH FORWARD {BULK_CHUNK} FROM synthetic")
        rows = cursor.fetchall()
        if not rows:
            return
        for pk, document_id, heading, text, start, end, date, collectivite, body, kind, outcome, published in rows:
            yield {
                "_id": f"search.passage.{pk}", "id": f"search.passage.{pk}", "django_ct": "search.passage",
                "django_id": str(pk), "passage_id": pk, "document_id": document_id, "deliberation_id": None,
                "heading": heading, "text": text, "page_start": start, "page_end": end,
                "seance_date": date.isoformat() if date else None, "year": date.year if date else None,
                "collectivite_id": collectivite, "body_id": body, "document_kind": kind, "outcome": outcome,
                "published": published,
            }


def _bulk_load(*, backend, table: str, rows: int) -> dict:
    """A fresh index behind the backend's alias, loaded as `reindex` loads (no refresh until the end); the rate."""
    conn, alias = backend.engine.conn, backend.index_name
    backend.engine.indices_drop()
    body = backend.engine.index_body()
    body["settings"]["index"] = {**body["settings"]["index"], "refresh_interval": "-1"}
    conn.indices.create(index=f"{alias}_1", body={**body, "aliases": {alias: {}}}, request_timeout=120)
    started = time.perf_counter()
    sent, errors = 0, 0
    for documents in _chunks(_synthetic_documents(table=table), BULK_CHUNK):
        for document in documents:
            document["_index"] = alias
        ok, failed = backend.engine.bulk(conn, documents, raise_on_error=False, request_timeout=300)
        sent, errors = sent + ok, errors + len(failed)
    conn.indices.put_settings(index=f"{alias}_1", body={"index": {"refresh_interval": None}})
    conn.indices.refresh(index=alias, request_timeout=300)
    seconds = time.perf_counter() - started
    backend.engine.setup_complete = True
    count = conn.count(index=alias)["count"]
    # The segments written in bulk are still being merged in the background for a minute or two: latency is
    # measured on the index as it then stays, not while it merges (not counted in the indexing rate).
    deadline = time.monotonic() + 900
    while time.monotonic() < deadline:
        merges = conn.indices.stats(index=alias, metric="merge")["_all"]["total"]["merges"]["current"]
        if not merges:
            break
        time.sleep(5)
    return {"passages": count, "refused": errors, "seconds": round(seconds, 1),
            "passages_per_second": round(sent / seconds, 1), "complete": count == rows}


def _chunks(iterable, size: int):
    chunk = []
    for item in iterable:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _keyword_latency(*, backend, texts: list[str]) -> dict:
    """Seconds per keyword retrieval of the ten best (what hybrid search and answers ask of the keyword side)."""
    from search.backends.base import SearchFilters
    from search.evaluation import latency_summary

    for text in texts:  # caches and connections warm, as in service: each question asked once before
        backend.candidates_rank(text=text, mode="keyword", filters=SearchFilters(), depth=10)
    seconds = []
    for text in texts:
        started = time.perf_counter()
        backend.candidates_rank(text=text, mode="keyword", filters=SearchFilters(), depth=10)
        seconds.append(time.perf_counter() - started)
    return latency_summary(seconds)


def _quality(*, questions: list[dict], corpus: Path, backend_path: str, url: str | None) -> dict:
    """Recall@10 and MRR@10 of keyword and hybrid search on the ingested corpus, with this keyword backend (an
    engine's index rebuilt from PostgreSQL first, under an alias of its own, dropped afterwards)."""
    from django.conf import settings

    from search.backends import search_backend_get
    from search.evaluation import corpus_retriever, retrieval_evaluate

    saved = {name: getattr(settings, name) for name in ("SEARCH_BACKEND", "OPENSEARCH_URL", "OPENSEARCH_INDEX",
                                                        "ELASTICSEARCH_URL", "ELASTICSEARCH_INDEX")}
    try:
        settings.SEARCH_BACKEND = backend_path
        backend = None
        if url:
            prefix = "ELASTICSEARCH" if backend_path.endswith("ElasticsearchSearchBackend") else "OPENSEARCH"
            setattr(settings, f"{prefix}_URL", url)
            setattr(settings, f"{prefix}_INDEX", CORPUS_ALIAS)
            search_backend_get.cache_clear()
            backend = search_backend_get()
            backend.engine.indices_drop()
            backend.engine_rebuild()
        search_backend_get.cache_clear()
        report = retrieval_evaluate(questions=questions, retrieve=corpus_retriever(corpus_root=corpus),
                                    modes=("keyword", "hybrid"))
        if backend is not None:
            backend.engine.indices_drop()
        return {mode: {key: round(block["overall"][key], 3) for key in ("recall@10", "mrr@10")}
                for mode, block in report["modes"].items()}
    finally:
        for name, value in saved.items():
            setattr(settings, name, value)
        search_backend_get.cache_clear()


def engine_benchmark(*, questions: Path, corpus: Path, rows: int, engines: dict[str, str]) -> dict:
    """PostgreSQL and each engine of `engines` (name → URL: opensearch, elasticsearch) side by side."""
    _django_setup()
    from django.utils.module_loading import import_string

    from bench.search_bench import synthetic_index_build
    from search.backends.postgres import PostgresSearchBackend
    from search.evaluation import questions_load
    from search.models import Passage

    items = questions_load(path=questions)
    texts = [q["question"] for q in items]
    if not Passage.objects.filter(published=True, embedding__isnull=False).exists():
        return {"error": "no published, embedded passage: ingest and publish the corpus first"}
    started = time.perf_counter()
    table = synthetic_index_build(rows=rows, seed_table=Passage._meta.db_table, vectors=False)
    result: dict = {"rows": rows, "synthetic_build_seconds": round(time.perf_counter() - started, 1), "questions": len(texts)}
    result["postgres"] = {
        "indexing": "in the passage table (generated tsvector column, GIN index): no separate load",
        "keyword_latency": _keyword_latency(backend=PostgresSearchBackend(table=table), texts=texts),
        "quality": _quality(questions=items, corpus=corpus, backend_path="search.backends.postgres.PostgresSearchBackend", url=None),
    }
    for name, url in engines.items():
        backend = import_string(BACKENDS[name])(url=url, index=SYNTHETIC_ALIAS)
        try:
            load = _bulk_load(backend=backend, table=table, rows=rows)
            latency = _keyword_latency(backend=backend, texts=texts)
        finally:
            backend.engine.indices_drop()
        result[name] = {
            "url": url, "bulk": load, "keyword_latency": latency,
            "quality": _quality(questions=items, corpus=corpus, backend_path=BACKENDS[name], url=url),
        }
    result["summary"] = [
        {"backend": name, "passages_per_second": block.get("bulk", {}).get("passages_per_second"),
         "keyword_p50_ms": block["keyword_latency"].get("p50_ms"), "keyword_p95_ms": block["keyword_latency"].get("p95_ms"),
         "keyword_recall@10": block["quality"]["keyword"]["recall@10"], "keyword_mrr@10": block["quality"]["keyword"]["mrr@10"],
         "hybrid_recall@10": block["quality"]["hybrid"]["recall@10"]}
        for name, block in result.items() if name in ("postgres", *engines)
    ]
    return result


def summary_print(report: dict) -> None:
    print(f"{report['rows']:,} synthetic passages, {report['questions']} questions")
    print(f"{'backend':<14}{'passages/s':>12}{'p50 ms':>9}{'p95 ms':>9}{'kw R@10':>9}{'kw MRR':>8}{'hyb R@10':>10}")
    for row in report["summary"]:
        rate = f"{row['passages_per_second']:,.0f}" if row["passages_per_second"] else "—"
        print(f"{row['backend']:<14}{rate:>12}{row['keyword_p50_ms']:>9}{row['keyword_p95_ms']:>9}"
              f"{row['keyword_recall@10']:>9}{row['keyword_mrr@10']:>8}{row['hybrid_recall@10']:>10}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=Path, default=REPO.parent / "shared" / "eval" / "dev_questions.jsonl")
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--opensearch-url")
    parser.add_argument("--elasticsearch-url")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    engines = {name: url for name, url in (("opensearch", args.opensearch_url), ("elasticsearch", args.elasticsearch_url)) if url}
    report = engine_benchmark(questions=args.questions, corpus=args.corpus, rows=args.rows, engines=engines)
    if "error" in report:
        sys.exit(report["error"])
    summary_print(report)
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")

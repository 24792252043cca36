"""The search benchmark runs end to end on the fixture (baselines, latency, synthetic index, HNSW recall)."""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path

from tests.search.conftest import PASSAGES

REPO_BENCH = Path(__file__).resolve().parents[2] / "bench" / "search_bench.py"


def _questions(passages, tmp_path) -> Path:
    questions = tmp_path / "questions.jsonl"
    first = passages[0]
    questions.write_text(
        json.dumps(
            {
                "id": "q1",
                "question": "À quel prix la commune propose-t-elle de céder le bassin de rétention ?",
                "collectivite": PASSAGES[0][0],
                "answerable": True,
                "relevant": [{"document": first.document.source_path, "pages": [3]}],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    return questions


def test_search_benchmark_on_fixture(passages, tmp_path):
    spec = importlib.util.spec_from_file_location("search_bench", REPO_BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    questions = _questions(passages, tmp_path)
    report = module.search_benchmark(questions=questions, corpus=tmp_path, synthetic_rows=3000)
    assert set(report["quality"]) == {"keyword", "semantic", "hybrid", "bm25", "exact_vector"}
    assert report["quality"]["hybrid"]["recall@10"] == 1.0
    assert report["quality"]["bm25"]["recall@10"] == 1.0
    assert report["hnsw_recall@10_full_corpus"] == 1.0
    assert report["synthetic"]["hnsw_recall@10"] >= 0.9
    assert report["synthetic"]["service_latency"]["hybrid"]["p95_ms"] > 0


def test_engine_benchmark_on_fixture(passages, opensearch_url, elasticsearch_url, tmp_path, capsys):
    """The engines' part (bench/engine_bench.py) end to end on both real nodes; N from BENCH_ENGINE_ROWS (2,000 here,
    the issue's figure is a million)."""
    from bench.engine_bench import engine_benchmark, summary_print

    rows = int(os.environ.get("BENCH_ENGINE_ROWS", "2000"))
    engines = {"opensearch": opensearch_url, "elasticsearch": elasticsearch_url}
    questions = _questions(passages, tmp_path)
    # More queries for the latency figures (not scored: no relevant passage given): the fixture's objets.
    with questions.open("a", encoding="utf-8") as out:
        for index, row in enumerate(PASSAGES):
            for text in (row[6], f"{row[6].split()[0]} {row[0]}", row[8].split(".")[0]):
                out.write(json.dumps({"id": f"l{index}-{len(text)}", "question": text, "answerable": False}) + "\n")
    report = engine_benchmark(questions=questions, corpus=tmp_path, rows=rows, engines=engines)
    summary_print(report)
    print(json.dumps(report, indent=1))
    for name in engines:
        assert report[name]["bulk"] | {"seconds": 0, "passages_per_second": 0} == {
            "passages": rows, "refused": 0, "seconds": 0, "passages_per_second": 0, "complete": True,
        }
        assert report[name]["bulk"]["passages_per_second"] > 0 and report[name]["keyword_latency"]["p95_ms"] > 0
    for name in ("postgres", *engines):
        assert report[name]["quality"]["keyword"]["recall@10"] == 1.0, name
        assert report[name]["quality"]["hybrid"]["recall@10"] == 1.0, name
    assert [row["backend"] for row in report["summary"]] == ["postgres", "opensearch", "elasticsearch"]
    # Nothing of the run is left in the engines.
    from search.backends.opensearch import OpenSearchSearchBackend

    left = OpenSearchSearchBackend(url=opensearch_url, index="x").engine.conn.indices.get(index="bench_*")
    assert left == {}

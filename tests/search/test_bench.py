"""The search benchmark runs end to end on the fixture (baselines, latency, synthetic index, HNSW recall)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from tests.search.conftest import PASSAGES

REPO_BENCH = Path(__file__).resolve().parents[2] / "bench" / "search_bench.py"


def test_search_benchmark_on_fixture(passages, tmp_path):
    spec = importlib.util.spec_from_file_location("search_bench", REPO_BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
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
    report = module.search_benchmark(questions=questions, corpus=tmp_path, synthetic_rows=3000)
    assert set(report["quality"]) == {"keyword", "semantic", "hybrid", "bm25", "exact_vector"}
    assert report["quality"]["hybrid"]["recall@10"] == 1.0
    assert report["quality"]["bm25"]["recall@10"] == 1.0
    assert report["hnsw_recall@10_full_corpus"] == 1.0
    assert report["synthetic"]["hnsw_recall@10"] >= 0.9
    assert report["synthetic"]["service_latency"]["hybrid"]["p95_ms"] > 0

"""Answer latency in extractive mode on the configured database: every dev question, p50/p95 after a warm-up."""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path


def qa_benchmark(*, questions: Path, rounds: int = 2) -> dict:
    from search.models import Passage
    from qa.evaluation import percentile
    from qa.services import EXTRACTIVE, question_answer

    items = [json.loads(line) for line in questions.read_text(encoding="utf-8").splitlines() if line.strip()]
    # The first question loads the embedding model and warms the caches: not what a citizen waits for.
    question_answer(question=items[0]["question"], mode=EXTRACTIVE)
    latencies = []
    for _ in range(rounds):
        for item in items:
            started = time.perf_counter()
            question_answer(question=item["question"], mode=EXTRACTIVE)
            latencies.append((time.perf_counter() - started) * 1000)
    latencies.sort()
    return {
        "mode": EXTRACTIVE,
        "passages": Passage.objects.filter(published=True).count(),
        "questions": len(latencies),
        "latency_ms_p50": statistics.median(latencies),
        "latency_ms_p95": percentile(latencies, 0.95),
        "latency_ms_max": latencies[-1],
        "target_p95_ms": 300,
    }

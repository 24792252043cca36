"""Retrieval evaluation: Recall@1/5/10, MRR@10 and nDCG@10 of each search mode against annotated questions."""

from __future__ import annotations

import json
import math
import statistics
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from council.models import Document
from search.embeddings import query_vector
from search.selectors import MODES, passages_retrieve

CUTOFFS = (1, 5, 10)


@dataclass(frozen=True)
class RankedItem:
    """One retrieved passage, as the metrics see it."""

    document: str  # path relative to the corpus root (or a BEIR corpus id)
    page_start: int
    page_end: int
    passage_id: int
    score: float


def questions_load(*, path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def item_matches(*, item: RankedItem, entry: dict) -> bool:
    """Same document, and the passage's page span meets the annotated pages (no pages: any page)."""
    if item.document != entry["document"]:
        return False
    pages = entry.get("pages") or []
    return not pages or any(item.page_start <= page <= item.page_end for page in pages)


def ranking_score(*, items: list[RankedItem], relevant: list[dict], k: int = 10) -> dict[str, float]:
    """Metrics of one ranking; each relevant entry is credited once, to the first passage that meets it."""
    first_rank: dict[int, int] = {}
    gains = []
    for rank, item in enumerate(items[:k], start=1):
        fresh = [i for i, entry in enumerate(relevant) if i not in first_rank and item_matches(item=item, entry=entry)]
        for index in fresh:
            first_rank[index] = rank
        gains.append(1.0 if fresh else 0.0)
    scores = {f"recall@{cut}": sum(1 for r in first_rank.values() if r <= cut) / len(relevant) for cut in CUTOFFS if cut <= k}
    best = min(first_rank.values(), default=None)
    scores["mrr@10"] = 1.0 / best if best is not None and best <= 10 else 0.0
    dcg = sum(gain / math.log2(rank + 1) for rank, gain in enumerate(gains[:10], start=1))
    ideal = sum(1 / math.log2(rank + 1) for rank in range(1, min(len(relevant), 10) + 1))
    scores["ndcg@10"] = dcg / ideal if ideal else 0.0
    return scores


def scores_mean(rows: list[dict[str, float]]) -> dict[str, float]:
    if not rows:
        return {}
    return {name: round(statistics.fmean(row[name] for row in rows), 4) for name in rows[0]}


def latency_summary(seconds: list[float]) -> dict[str, float]:
    if not seconds:
        return {}
    ordered = sorted(seconds)
    pick = lambda q: ordered[min(len(ordered) - 1, math.ceil(q * len(ordered)) - 1)]  # noqa: E731
    return {"p50_ms": round(pick(0.5) * 1000, 1), "p95_ms": round(pick(0.95) * 1000, 1)}


Retriever = Callable[[str, str, int], list[RankedItem]]


def corpus_retriever(*, corpus_root: Path | None) -> Retriever:
    """Search the portal's own index; documents are named by their path relative to the corpus root."""
    paths = {}
    for document_id, source_path in Document.objects.values_list("id", "source_path"):
        path = Path(source_path)
        if corpus_root and path.is_absolute():
            try:
                path = path.relative_to(corpus_root)
            except ValueError:
                pass
        paths[document_id] = path.as_posix()

    def retrieve(text: str, mode: str, k: int) -> list[RankedItem]:
        return [
            RankedItem(paths.get(hit.document_id, ""), hit.page_start, hit.page_end, hit.passage_id, hit.score)
            for hit in passages_retrieve(text=text, k=k, mode=mode)
        ]

    return retrieve


def retrieval_evaluate(
    *, questions: list[dict], retrieve: Retriever, modes: tuple[str, ...] = MODES, k: int = 10
) -> dict:
    """Metrics per mode, overall and per collectivité, over answerable questions; every ranking is kept."""
    answerable = [q for q in questions if q.get("answerable", True) and q.get("relevant")]
    report: dict = {"questions_total": len(questions), "questions_answerable": len(answerable), "k": k, "modes": {}}
    per_question: dict[str, dict] = {
        q["id"]: {key: q.get(key) for key in ("id", "question", "collectivite", "answerable", "relevant")} | {"runs": {}}
        for q in answerable
    }
    for mode in modes:
        # Every mode pays for its query embeddings, so that latencies compare.
        query_vector.cache_clear()
        rows, groups, latencies = [], defaultdict(list), []
        for question in answerable:
            started = time.perf_counter()
            items = retrieve(question["question"], mode, k)
            latencies.append(time.perf_counter() - started)
            scores = ranking_score(items=items, relevant=question["relevant"], k=k)
            rows.append(scores)
            groups[question.get("collectivite") or "—"].append(scores)
            per_question[question["id"]]["runs"][mode] = {
                "metrics": scores,
                "hits": [
                    {
                        "document": item.document,
                        "page_start": item.page_start,
                        "page_end": item.page_end,
                        "passage_id": item.passage_id,
                        "score": round(item.score, 6),
                    }
                    for item in items
                ],
            }
        report["modes"][mode] = {
            "overall": scores_mean(rows),
            "per_collectivite": {name: scores_mean(group) | {"questions": len(group)} for name, group in sorted(groups.items())},
            "latency": latency_summary(latencies),
        }
    report["questions"] = list(per_question.values())
    return report


def report_format(report: dict) -> str:
    """The printed table: one line per mode, then per collectivité."""
    names = ["recall@1", "recall@5", "recall@10", "mrr@10", "ndcg@10"]
    lines = [
        f"{report.get('title', 'Évaluation')} — {report['questions_answerable']} questions answerable "
        f"(of {report['questions_total']}), k={report['k']}",
        f"{'mode':<10} " + " ".join(f"{n:>9}" for n in names) + f" {'p50 ms':>8} {'p95 ms':>8}",
    ]
    for mode, block in report["modes"].items():
        overall, latency = block["overall"], block.get("latency", {})
        lines.append(
            f"{mode:<10} " + " ".join(f"{overall.get(n, 0):>9.3f}" for n in names)
            + f" {latency.get('p50_ms', 0):>8.1f} {latency.get('p95_ms', 0):>8.1f}"
        )
    for mode, block in report["modes"].items():
        if len(block["per_collectivite"]) < 2:
            continue
        lines.append(f"\n{mode} per collectivité:")
        for name, scores in block["per_collectivite"].items():
            lines.append(
                f"  {name[:28]:<28} n={scores['questions']:<3} " + " ".join(f"{n}={scores.get(n, 0):.3f}" for n in names)
            )
    return "\n".join(lines)

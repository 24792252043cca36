"""Answer quality on a question set: answered rate, correctness, citation precision, abstention, false refusals."""

from __future__ import annotations

import re
import time
from collections import defaultdict
from pathlib import Path

from french.folding import fold
from qa.services import EXTRACTIVE, LLM, Answer, question_answer, question_answer_stream


def text_normalise(text: str) -> str:
    """Compared without case, accents nor spaces (« 46 000 € » matches « 46000€ »)."""
    return re.sub(r"[\s\u00a0\u202f]+", "", fold(text))


def answer_correct(*, answer: str, expected: list[str]) -> bool:
    answer = text_normalise(answer)
    return any(text_normalise(e) in answer for e in expected if e.strip())


def citation_relevant(*, citation: dict, relevant: list[dict]) -> bool:
    """Same document (path relative to the corpus root) and a page span meeting the relevant pages."""
    pages = set(citation["pages"])
    return any(citation["document"] == r["document"] and pages & set(r["pages"]) for r in relevant)


def relative_path(source_path: str, corpus_root: Path) -> str:
    # `ingest` stores paths relative to the folder it was given; a path given absolute is made relative here.
    path = Path(source_path)
    if path.is_absolute():
        try:
            return path.relative_to(corpus_root).as_posix()
        except ValueError:
            return path.as_posix()
    return path.as_posix()


def answer_row(*, item: dict, answer, corpus_root: Path, latency_ms: float = 0.0, first_sentence_ms: float | None = None) -> dict:
    """How one answer fares against its question's annotations (correct, citations on relevant pages)."""
    citations = [
        {"n": c.n, "document": relative_path(c.source_path, corpus_root), "pages": c.pages, "quote": c.quote}
        for c in answer.citations
    ]
    relevant = item.get("relevant", [])
    row = {
        "id": item.get("id"),
        "question": item["question"],
        "collectivite": item.get("collectivite"),
        "type": item.get("type") or "—",
        "answerable": bool(item.get("answerable")),
        "answer": answer.text,
        "abstained": answer.abstained,
        "confidence": round(answer.confidence, 4),
        "correct": (not answer.abstained) and answer_correct(answer=answer.text, expected=item.get("answer_contains", [])),
        "citations": citations,
        "citations_relevant": [citation_relevant(citation=c, relevant=relevant) for c in citations],
        "latency_ms": round(latency_ms, 1),
    }
    if answer.mode == LLM:
        row["first_sentence_ms"] = None if first_sentence_ms is None else round(first_sentence_ms, 1)
        row["sentences_shown"] = len(answer.sentences)
        row["sentences_uncited"], row["sentences_unprinted"] = answer.uncited, answer.unprinted
        row["sentences_restated"] = answer.restated
    return row


def answer_timed(events) -> tuple[Answer, float, float | None]:
    """The Answer at the end of a stream, the milliseconds it took and those until its first sentence (None
    when no sentence came)."""
    started, first = time.perf_counter(), None
    for event in events:
        if isinstance(event, Answer):
            return event, (time.perf_counter() - started) * 1000, first
        if first is None:
            first = (time.perf_counter() - started) * 1000
    raise ValueError("stream without an Answer")


def answers_evaluate(*, questions: list[dict], corpus_root: Path, mode: str = EXTRACTIVE) -> dict:
    """Every question answered through the service the public uses; summary and per-question detail."""
    per_question = []
    for item in questions:
        if mode == LLM:
            answer, latency_ms, first_ms = answer_timed(question_answer_stream(question=item["question"]))
        else:
            started, first_ms = time.perf_counter(), None
            answer = question_answer(question=item["question"], mode=mode)
            latency_ms = (time.perf_counter() - started) * 1000
        per_question.append(
            answer_row(item=item, answer=answer, corpus_root=corpus_root, latency_ms=latency_ms, first_sentence_ms=first_ms)
        )
    types = defaultdict(list)
    for row in per_question:
        types[row["type"]].append(row)
    return {
        "summary": summary_compute(per_question, mode=mode),
        "by_type": {name: summary_compute(rows, mode=mode) for name, rows in sorted(types.items())},
        "per_question": per_question,
    }


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def summary_compute(rows: list[dict], *, mode: str = EXTRACTIVE) -> dict:
    answerable = [r for r in rows if r["answerable"]]
    unanswerable = [r for r in rows if not r["answerable"]]
    answered = [r for r in answerable if not r["abstained"]]
    cited = [flag for r in answered for flag in r["citations_relevant"]]
    latencies = sorted(r["latency_ms"] for r in rows)
    written = [r for r in rows if "sentences_shown" in r]
    shown, uncited, unprinted, restated = (
        sum(r[f"sentences_{k}"] for r in written) for k in ("shown", "uncited", "unprinted", "restated")
    )
    cited_all = shown + unprinted + restated
    firsts = sorted(r["first_sentence_ms"] for r in written if r["first_sentence_ms"] is not None)
    model = (
        {
            # Of the sentences the model wrote: those citing a given source (the others are not shown), and those
            # not shown for printing a figure that no source prints, or for only restating the question.
            "sentences_cited": _share(cited_all, cited_all + uncited),
            "sentences_unprinted": _share(unprinted, cited_all + uncited),
            "sentences_restated": _share(restated, cited_all + uncited),
            "first_sentence_ms_p50": percentile(firsts, 0.5),
            "first_sentence_ms_p95": percentile(firsts, 0.95),
        }
        if mode == LLM
        else {}
    )
    return {
        "mode": mode,
        "questions": len(rows),
        "answerable": len(answerable),
        "unanswerable": len(unanswerable),
        "answered_rate": _share(len(answered), len(answerable)),
        "correctness": _share(sum(r["correct"] for r in answerable), len(answerable)),
        "correctness_when_answered": _share(sum(r["correct"] for r in answered), len(answered)),
        "citation_precision": _share(sum(cited), len(cited)),
        "abstention": _share(sum(r["abstained"] for r in unanswerable), len(unanswerable)),
        "false_refusals": _share(len(answerable) - len(answered), len(answerable)),
        "latency_ms_p50": percentile(latencies, 0.5),
        "latency_ms_p95": percentile(latencies, 0.95),
    } | model


def percentile(ordered: list[float], q: float) -> float | None:
    """The q-quantile of sorted values, the value at rank ⌊q·n⌋ (None for none): the p95 every benchmark reports."""
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else None


def accuracy_summary(report: dict, *, measured_on: str) -> dict:
    """What the transparency page shows of an `evaluate --loco` report: the leave-one-collectivité-out figures (the
    reader fitted without the collectivité it answers on: what a town nobody tuned for can expect) and the sets."""
    macro = report["loco"]["macro"]
    return {
        "measured_on": measured_on,
        "question_sets": [
            {"name": name, "questions": block["answers"]["summary"]["questions"]} for name, block in report["sets"].items()
        ],
        "collectivites": len(report["loco"]["per_collectivite"]),
        "correctness": macro["correctness"],
        "citation_precision": macro["citation_precision"],
        "declined": macro["abstention"],
        "false_refusals": macro["false_refusals"],
    }

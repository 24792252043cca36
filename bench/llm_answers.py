"""LLM-mode answers on the dev question sets: correctness, citations, refusals and waiting times, beside the
extractive mode on the same questions.

Runs on the configured database (read only: nothing is logged) against LLM_BASE_URL, or against the test model
served here by xllamacpp when it is unset (`pip install -e ".[llm-test]"`):

    COUNCIL_DATA_DIR=/path/to/var nice -n 10 .venv/bin/python bench/llm_answers.py --sample 40 --seed 13 --threads 1
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
EVAL = REPO.parent / "shared" / "eval"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--questions", type=Path, nargs="+",
                        default=[EVAL / "dev_questions.jsonl", EVAL / "dev2_questions.jsonl"])
    parser.add_argument("--corpus", type=Path, default=Path(os.environ.get("COUNCIL_CORPUS", REPO.parent / "shared" / "corpus")))
    parser.add_argument("--sample", type=int, default=0, help="a random subset of this size (0: every question)")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--threads", type=int, default=2, help="model threads for the test server started here")
    parser.add_argument("--output", type=Path, default=REPO / "bench" / "results" / "llm_answers.json")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings

    items = [json.loads(line) for path in args.questions for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip()]
    if args.sample:
        items = random.Random(args.seed).sample(items, min(args.sample, len(items)))
    server = None
    if not settings.LLM_BASE_URL:
        from tests.qa.llm_server import MODEL_ALIAS, model_path, server_start

        server, settings.LLM_BASE_URL = server_start(model=model_path(), log_path=Path("/tmp/llm_answers_server.log"),
                                                     threads=args.threads)
        settings.LLM_MODEL, settings.LLM_TIMEOUT_SECONDS = MODEL_ALIAS, 600
    try:
        rows = [_answer_measure(item, corpus=args.corpus) for item in _progress(items)]
    finally:
        if server:
            from tests.qa.llm_server import server_stop

            server_stop(server)
    report = {
        "questions": [str(p) for p in args.questions], "sample": args.sample, "seed": args.seed,
        "threads": args.threads, "cpu_count": os.cpu_count(), "model": settings.LLM_MODEL,
        "llm": _summary(rows, "llm"), "extractive": _summary(rows, "extractive"), "per_question": rows,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=1, ensure_ascii=False, default=str), encoding="utf-8")
    print(json.dumps({"llm": report["llm"], "extractive": report["extractive"]}, indent=1, ensure_ascii=False))
    print(f"\nRésultats : {args.output}")


def _progress(items):
    for i, item in enumerate(items, start=1):
        print(f"[{i}/{len(items)}] {item['id']}", file=sys.stderr, flush=True)
        yield item


def _answer_measure(item: dict, *, corpus: Path) -> dict:
    """One question in both modes; for the LLM, when its first piece and its first checked sentence came."""
    from qa import citations, llm, services
    from qa.evaluation import answer_correct, citation_relevant

    timings: dict = {}
    checkers: list = []

    class Recording(citations.CitationChecker):
        # To count the sentences the check dropped, which the Answer does not keep.
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            checkers.append(self)

    real_stream = llm.answer_stream

    def timed_stream(**kwargs):
        for piece in real_stream(**kwargs):
            timings.setdefault("first_piece_s", time.perf_counter() - started)
            yield piece

    services.CitationChecker, llm.answer_stream = Recording, timed_stream
    try:
        started = time.perf_counter()
        for event in services.question_answer_stream(question=item["question"]):
            if isinstance(event, citations.CheckedSentence):
                timings.setdefault("first_sentence_s", time.perf_counter() - started)
            else:
                answer = event
        total_s = time.perf_counter() - started
    finally:
        services.CitationChecker, llm.answer_stream = citations.CitationChecker, real_stream
    extractive = services.question_answer(question=item["question"], mode=services.EXTRACTIVE)

    def judged(a) -> dict:
        cited = [{"document": _relative(c.source_path, corpus), "pages": c.pages} for c in a.citations]
        return {
            "answer": a.text, "abstained": a.abstained, "reason": a.reason,
            "correct": (not a.abstained) and answer_correct(answer=a.text, expected=item.get("answer_contains", [])),
            "citations_relevant": [citation_relevant(citation=c, relevant=item.get("relevant", [])) for c in cited],
        }

    return {
        "id": item["id"], "question": item["question"], "answerable": bool(item.get("answerable")),
        "llm": {**judged(answer), "model_called": bool(checkers), "sentences_kept": len(answer.sentences),
                "sentences_dropped": len(checkers[0].checked.dropped) if checkers else 0,
                "sentences_unprinted": len(checkers[0].checked.unprinted) if checkers else 0,
                "declined_by_model": answer.reason == llm.DECLINED_REASON, "total_s": round(total_s, 2),
                **{k: round(v, 2) for k, v in timings.items()}},
        "extractive": judged(extractive),
    }


def _relative(source_path: str, corpus: Path) -> str:
    path = Path(source_path)
    if path.is_absolute():
        try:
            return path.relative_to(corpus).as_posix()
        except ValueError:
            pass
    return path.as_posix()


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole} = {part / whole:.2f}" if whole else "—"


def _summary(rows: list[dict], mode: str) -> dict:
    answerable = [r[mode] for r in rows if r["answerable"]]
    unanswerable = [r[mode] for r in rows if not r["answerable"]]
    answered = [a for a in answerable if not a["abstained"]]
    cited = [flag for a in answered for flag in a["citations_relevant"]]
    summary = {
        "questions": len(rows),
        "correct": _share(sum(a["correct"] for a in answerable), len(answerable)),
        "citation_precision": _share(sum(cited), len(cited)),
        "unanswerable_declined": _share(sum(a["abstained"] for a in unanswerable), len(unanswerable)),
        "false_refusals": _share(len(answerable) - len(answered), len(answerable)),
    }
    if mode == "llm":
        called = [r["llm"] for r in rows if r["llm"]["model_called"]]
        kept, dropped = sum(a["sentences_kept"] for a in called), sum(a["sentences_dropped"] for a in called)
        unprinted = sum(a.get("sentences_unprinted", 0) for a in called)
        summary.update({
            "model_called": len(called),
            "declined_by_model": sum(a["declined_by_model"] for a in called),
            "declined_by_model_answerable": sum(r["llm"]["declined_by_model"] for r in rows if r["answerable"]),
            # Among the sentences that cite: those dropped for a figure no passage prints are not counted here.
            "sentences_with_checked_citations": _share(kept, kept + dropped),
            "sentences_dropped_for_a_figure": _share(unprinted, kept + dropped + unprinted),
            **_seconds("first_piece_s", called), **_seconds("first_sentence_s", called), **_seconds("total_s", called),
        })
    return summary


def _seconds(key: str, rows: list[dict]) -> dict:
    values = sorted(r[key] for r in rows if key in r)
    if not values:
        return {}
    return {f"{key}_median": round(statistics.median(values), 1), f"{key}_mean": round(statistics.mean(values), 1),
            f"{key}_max": round(values[-1], 1)}


if __name__ == "__main__":
    main()

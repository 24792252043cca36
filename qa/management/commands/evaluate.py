"""Measure retrieval and answers on annotated question sets (side by side, and leave-one-collectivité-out), or
retrieval on a BEIR folder."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from qa.evaluation import accuracy_summary, answers_evaluate
from qa.llm import llm_configured
from qa.services import EXTRACTIVE, LLM
from search.evaluation import corpus_retriever, questions_load, report_format, retrieval_evaluate
from search.selectors import MODES
from search.services import passages_analyze

DEFAULT_CORPUS = Path(__file__).resolve().parents[4] / "shared" / "corpus"
ANSWER_METRICS = ("correctness", "citation_precision", "abstention", "false_refusals", "answered_rate")


class Command(BaseCommand):
    help = (
        "Recall@1/5/10, MRR@10, nDCG@10 per search mode; answer correctness, citation precision, abstention and "
        "false refusals per question set and per question type; with --loco, the reader refitted leave-one-"
        "collectivité-out over all the sets given. With --answers llm the configured model (LLM_BASE_URL, LLM_MODEL) "
        "writes the answers; with --loco too, each question is answered once, by the model over the reader fitted "
        "without its collectivité."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--questions", type=Path, action="append", default=[],
            help="JSONL: id, question, collectivite, answerable, relevant[] (repeatable: sets side by side)",
        )
        parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="Corpus root the document paths are relative to")
        parser.add_argument("--mode", choices=[*MODES, "all", "none"], default="all", help="Search modes (none: answers only)")
        parser.add_argument("--k", type=int, default=10)
        parser.add_argument("--loco", action="store_true", help="Also refit the reader leave-one-collectivité-out")
        parser.add_argument(
            "--answers", choices=[EXTRACTIVE, LLM], default=EXTRACTIVE, help="Who writes the answers: the extractive reader or the model"
        )
        parser.add_argument("--json", type=Path, dest="json_out", help="Write the full report here")
        parser.add_argument(
            "--accuracy", type=Path, help="With --loco: write the figures the transparency page shows (qa/data/accuracy.json)"
        )
        parser.add_argument("--beir", type=Path, help="BEIR folder (corpus.jsonl, queries.jsonl, qrels.tsv)")

    def handle(self, *args, questions, corpus, mode, k, loco, answers, json_out, accuracy, beir, **options):
        if accuracy and not loco:
            raise CommandError("--accuracy needs --loco")
        if answers == LLM and not llm_configured():
            raise CommandError("--answers llm needs LLM_BASE_URL and LLM_MODEL")
        if answers == LLM and accuracy:
            raise CommandError("--accuracy reports the extractive reader (the transparency page's figures)")
        modes = () if mode == "none" else MODES if mode == "all" else (mode,)
        if beir:
            from search.beir import beir_index_build, beir_load, beir_retriever

            documents, items = beir_load(folder=beir)
            table, names = beir_index_build(folder=beir, corpus=documents)
            report = retrieval_evaluate(questions=items, retrieve=beir_retriever(table=table, document_names=names), modes=modes, k=k)
            report["title"] = f"BEIR {beir} ({len(documents)} documents, index {table})"
            self.stdout.write(report_format(report))
        elif questions:
            # Measured on the passages as they are, not on statistics autovacuum may refresh mid-way.
            passages_analyze()
            report = {"sets": {}}
            everything = []
            for path in questions:
                items = questions_load(path=path)
                everything += items
                block = {}
                if modes:
                    block = retrieval_evaluate(questions=items, retrieve=corpus_retriever(corpus_root=corpus), modes=modes, k=k)
                    block["title"] = f"Questions {path}"
                    self.stdout.write(report_format(block) + "\n")
                # A model's answers take seconds each: with --loco it answers each question once, there.
                if not (answers == LLM and loco):
                    block["answers"] = answers_evaluate(questions=items, corpus_root=corpus, mode=answers)
                report["sets"][path.name] = block
            if loco:
                from qa.training import examples_build, in_sample_evaluate, loco_evaluate

                examples = examples_build(questions=everything, corpus_root=corpus, on_progress=self.stdout.write)
                if answers == EXTRACTIVE:
                    report["in_sample"] = in_sample_evaluate(examples, corpus_root=corpus)
                report["loco"] = loco_evaluate(examples, corpus_root=corpus, mode=answers, on_progress=self.stdout.write)
            self.stdout.write(answers_format(report))
        else:
            raise CommandError("--questions FILE or --beir DIR is required")
        if accuracy:
            summary = accuracy_summary(report, measured_on=datetime.date.today().isoformat())
            accuracy.write_text(json.dumps(summary, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            self.stdout.write(f"\nFigures for the transparency page written to {accuracy}")
        if json_out:
            json_out.parent.mkdir(parents=True, exist_ok=True)
            json_out.write_text(json.dumps(report, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
            self.stdout.write(f"\nReport written to {json_out}")


def _line(label: str, summary: dict, n: int | None = None) -> str:
    cells = " ".join(f"{_or_dash(summary.get(m), '.3f'):>10}" for m in ANSWER_METRICS)
    return f"{label[:30]:<30} {'' if n is None else n:>4} {cells}"


def answers_format(report: dict) -> str:
    """Answer metrics: one line per set (the model in the repository), then in-sample and leave-one-out; for a
    model's answers, the share of its sentences that cite a given source, of those printing a figure no source
    prints, and its seconds."""
    header = f"{'answers':<30} {'n':>4} " + " ".join(f"{m[:10]:>10}" for m in ANSWER_METRICS)
    lines = ["", header]
    summaries = []
    for name, block in report["sets"].items():
        if "answers" in block:
            summary = block["answers"]["summary"]
            lines.append(_line(name, summary, summary["questions"]))
            summaries.append((name, summary))
    if "in_sample" in report:
        lines.append(_line("all sets, in-sample refit", report["in_sample"]["pooled"], report["in_sample"]["pooled"]["questions"]))
    if "loco" in report:
        lines.append(_line("all sets, leave-one-out (macro)", report["loco"]["macro"]))
        lines.append(_line("all sets, leave-one-out (pooled)", report["loco"]["pooled"], report["loco"]["pooled"]["questions"]))
        summaries.append(("all sets, leave-one-out (pooled)", report["loco"]["pooled"]))
        lines.append("\nleave-one-collectivité-out, per collectivité:")
        for name, summary in report["loco"]["per_collectivite"].items():
            lines.append(_line(f"  {name}", summary, summary["questions"]))
        lines.append("\nleave-one-collectivité-out, per question type:")
        for name, summary in report["loco"]["by_type"].items():
            lines.append(_line(f"  {name}", summary, summary["questions"]))
    for name, summary in summaries:
        if summary.get("mode") == LLM:
            lines.append(
                f"\n{name}, model's answers: {_or_dash(summary['sentences_cited'], '.3f')} of its sentences cite a given "
                f"source, {_or_dash(summary['sentences_unprinted'], '.3f')} print a figure no source prints, "
                f"{_or_dash(summary['sentences_restated'], '.3f')} only restate the question "
                f"(none of these is shown); seconds to the first checked sentence p50 "
                f"{_seconds(summary['first_sentence_ms_p50'])}, "
                f"p95 {_seconds(summary['first_sentence_ms_p95'])}; per answer p50 {_seconds(summary['latency_ms_p50'])}, "
                f"p95 {_seconds(summary['latency_ms_p95'])}"
            )
    for name, block in report["sets"].items():
        by_type = block.get("answers", {}).get("by_type", {})
        if len(by_type) > 1:
            lines.append(f"\n{name}, per question type (model in the repository):")
            for kind, summary in by_type.items():
                lines.append(_line(f"  {kind}", summary, summary["questions"]))
    return "\n".join(lines)


def _or_dash(value, spec: str) -> str:
    return "—" if value is None else format(value, spec)


def _seconds(ms: float | None) -> str:
    return "—" if ms is None else f"{ms / 1000:.1f}"

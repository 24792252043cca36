"""Measure retrieval (and, when the QA app provides it, answers) on annotated questions or a BEIR folder."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from search.evaluation import corpus_retriever, questions_load, report_format, retrieval_evaluate
from search.selectors import MODES

DEFAULT_CORPUS = Path(__file__).resolve().parents[4] / "shared" / "corpus"


class Command(BaseCommand):
    help = "Recall@1/5/10, MRR@10, nDCG@10 per search mode, overall and per collectivité."

    def add_arguments(self, parser):
        parser.add_argument("--questions", type=Path, help="JSONL: id, question, collectivite, answerable, relevant[]")
        parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="Corpus root the document paths are relative to")
        parser.add_argument("--mode", choices=[*MODES, "all"], default="all")
        parser.add_argument("--k", type=int, default=10)
        parser.add_argument("--json", type=Path, dest="json_out", help="Write the full report here")
        parser.add_argument("--beir", type=Path, help="BEIR folder (corpus.jsonl, queries.jsonl, qrels.tsv)")

    def handle(self, *args, questions, corpus, mode, k, json_out, beir, **options):
        modes = MODES if mode == "all" else (mode,)
        if beir:
            from search.beir import beir_index_build, beir_load, beir_retriever

            documents, items = beir_load(folder=beir)
            table, names = beir_index_build(folder=beir, corpus=documents)
            report = retrieval_evaluate(questions=items, retrieve=beir_retriever(table=table, document_names=names), modes=modes, k=k)
            report["title"] = f"BEIR {beir} ({len(documents)} documents, index {table})"
        elif questions:
            items = questions_load(path=questions)
            report = retrieval_evaluate(questions=items, retrieve=corpus_retriever(corpus_root=corpus), modes=modes, k=k)
            report["title"] = f"Questions {questions}"
            answers = _answers_evaluate(questions=items, corpus_root=corpus)
            if answers is not None:
                report["answers"] = answers
        else:
            raise CommandError("--questions FILE or --beir DIR is required")
        self.stdout.write(report_format(report))
        if "answers" in report:
            self.stdout.write("\nAnswers: " + json.dumps(report["answers"].get("summary", {}), ensure_ascii=False, indent=1))
        if json_out:
            json_out.parent.mkdir(parents=True, exist_ok=True)
            json_out.write_text(json.dumps(report, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
            self.stdout.write(f"\nReport written to {json_out}")


def _answers_evaluate(*, questions: list[dict], corpus_root: Path) -> dict | None:
    """Answer quality, measured by the QA app when it is installed."""
    try:
        module = importlib.import_module("qa.evaluation")
    except ImportError:
        return None
    return module.answers_evaluate(questions=questions, corpus_root=corpus_root)

"""`manage.py reader_train`: refit the reader and the abstention decision on the question sets, write the model."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from qa.reader import MODEL_PATH
from qa.training import examples_build, model_fit
from search.evaluation import questions_load

DEFAULT_CORPUS = Path(__file__).resolve().parents[4] / "shared" / "corpus"


class Command(BaseCommand):
    help = "Réapprend le lecteur (score des phrases) et la décision de s'abstenir à partir des jeux de questions."

    def add_arguments(self, parser):
        parser.add_argument("--questions", type=Path, action="append", required=True, help="JSONL (répétable)")
        parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
        parser.add_argument("--output", type=Path, default=MODEL_PATH)

    def handle(self, *args, questions, corpus, output, **options):
        items = [item for path in questions for item in questions_load(path=path)]
        if not items:
            raise CommandError("aucune question")
        examples = examples_build(questions=items, corpus_root=corpus, on_progress=self.stdout.write)
        model = model_fit(examples, corpus_root=corpus)
        data = model.as_json() | {"question_sets": sorted(p.name for p in questions)}
        output.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        self.stdout.write(f"Modèle écrit dans {output} (seuil {model.threshold:.3f}, {len(items)} questions).")

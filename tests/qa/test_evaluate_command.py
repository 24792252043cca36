"""`manage.py evaluate` on a question set of two over the answer tests' passages: it measures what the public service
answers, and writes its report."""

from __future__ import annotations

import json

from django.core.management import call_command


def test_evaluate_scores_each_question_and_writes_its_report(qa_passages, tmp_path):
    meal = qa_passages[0]
    questions = tmp_path / "questions.jsonl"
    items = [
        {"id": "t-1", "question": "Quel est le tarif du repas des accueils de loisirs à Pierrefonds ?", "answerable": True,
         "answer_contains": ["4,80"], "relevant": [{"document": meal.document.source_path, "pages": [3]}], "type": "amount",
         "collectivite": "Commune de Pierrefonds"},
        {"id": "t-2", "question": "Combien de places compte la nouvelle crèche de Pierrefonds ?", "answerable": False,
         "answer_contains": [], "relevant": [], "type": "count", "collectivite": "Commune de Pierrefonds"},
    ]
    questions.write_text("".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items), encoding="utf-8")
    report_path = tmp_path / "report.json"
    call_command("evaluate", "--questions", str(questions), "--corpus", str(tmp_path), "--mode", "none", "--json", str(report_path))
    answers = json.loads(report_path.read_text(encoding="utf-8"))["sets"]["questions.jsonl"]["answers"]
    rows = {row["id"]: row for row in answers["per_question"]}
    assert answers["summary"]["questions"] == 2 and answers["summary"]["answerable"] == 1
    assert rows["t-1"]["correct"] and rows["t-1"]["citations_relevant"] == [True]
    assert answers["summary"]["correctness"] == 1.0

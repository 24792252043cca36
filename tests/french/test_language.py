"""french.language: an English question is told apart from a French one (named apart from the answer tests)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from french.language import looks_english

QUESTIONS = Path(os.environ.get("COUNCIL_EVAL", Path(__file__).resolve().parents[3] / "shared" / "eval"))
OUR_QUESTIONS = Path(__file__).resolve().parents[2] / "bench" / "data" / "dev3_questions.jsonl"


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("How much does a school meal cost?", True),
        ("Who voted against the budget in 2012?", True),
        ("What is the PLU?", True),
        ("Combien coûte un repas à la cantine ?", False),
        ("Le conseil a-t-il voté the budget ?", False),  # one English word in a French question
        ("Quelle subvention pour le club de football in 2013 ?", False),
    ],
)
def test_looks_english(text, english):
    assert looks_english(text) is english


def test_no_french_question_of_the_question_sets_looks_english():
    files = sorted(QUESTIONS.glob("*_questions.jsonl"))
    if not files:
        if os.environ.get("CI") == "true":
            pytest.fail(f"question sets missing in {QUESTIONS}")
        pytest.skip(f"question sets missing in {QUESTIONS}")
    questions = [json.loads(line)["question"] for path in [*files, OUR_QUESTIONS] for line in path.open(encoding="utf-8") if line.strip()]
    assert len(questions) >= 330 and not [q for q in questions if looks_english(q)]

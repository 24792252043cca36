"""What the transparency page shows of an evaluation: the leave-one-collectivité-out figures, never the in-sample ones."""

from __future__ import annotations

from qa.evaluation import accuracy_summary


def test_the_summary_keeps_the_leave_one_out_figures():
    report = {
        "sets": {"a.jsonl": {"answers": {"summary": {"questions": 60}}}, "b.jsonl": {"answers": {"summary": {"questions": 150}}}},
        "in_sample": {"pooled": {"correctness": 0.9}},
        "loco": {
            "macro": {"correctness": 0.72, "citation_precision": 0.91, "abstention": 0.53, "false_refusals": 0.09},
            "per_collectivite": {"A": {}, "B": {}, "C": {}},
        },
    }
    summary = accuracy_summary(report, measured_on="2026-12-04")
    assert summary["correctness"] == 0.72 and summary["declined"] == 0.53 and summary["false_refusals"] == 0.09
    assert summary["collectivites"] == 3 and [s["questions"] for s in summary["question_sets"]] == [60, 150]
    assert 0.9 not in summary.values()

"""The house's floors: no import runs back up between apps, none goes round in a circle."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tools.import_graph import REPO, cycles_find, edges_between_units, imports_find, main, report, violations_find


def _house(root: Path, modules: dict[str, str]) -> Path:
    for name, source in modules.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")
    return root


def test_the_house_has_no_upward_import_and_no_circle():
    text, problems = report(REPO)
    assert problems == 0, text


def test_the_command_exits_zero_on_the_house():
    completed = subprocess.run([sys.executable, "-m", "tools.import_graph"], cwd=REPO, capture_output=True, text=True)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "Violations: 0" in completed.stdout and "Circles: 0" in completed.stdout


def test_an_import_inside_a_function_that_runs_upward_is_found(tmp_path):
    root = _house(tmp_path, {
        "council/__init__.py": "",
        "council/services.py": "def document_publish():\n    from search.services import passages_document_sync\n",
        "search/__init__.py": "",
        "search/services.py": "from council.models import Document\n",
    })
    edges = edges_between_units(imports_find(root))
    violations = violations_find(edges)
    assert [(v.imported.source, v.imported.target, v.imported.local) for v in violations] == [
        ("council.services", "search.services.passages_document_sync", True)
    ]
    assert "upward" in violations[0].why
    assert cycles_find(edges) == [["council", "search"]]
    assert main(["--root", str(root)]) == 1


def test_apps_on_one_floor_may_not_import_each_other(tmp_path):
    root = _house(tmp_path, {
        "privacy/__init__.py": "",
        "privacy/rendering.py": "from search import passages\n",
        "search/__init__.py": "",
        "search/passages.py": "",
    })
    (violation,) = violations_find(edges_between_units(imports_find(root)))
    assert violation.imported.target == "search.passages" and "sideways" in violation.why


def test_relative_imports_and_entry_points(tmp_path):
    root = _house(tmp_path, {
        "ingestion/__init__.py": "",
        "ingestion/services.py": "from .parsing import minutes_parse\nfrom privacy.services import redaction_decide\n",
        "ingestion/parsing/__init__.py": "from ..cleaning import pages_clean\n",
        "ingestion/management/commands/ingest.py": "from qa.services import question_answer\n",
        "config/__init__.py": "from .celery import app\n",
        "config/ratelimit.py": "from council.models import Document\n",
    })
    imports = imports_find(root)
    assert ("ingestion.parsing", "ingestion.cleaning.pages_clean") in {(i.source, i.target) for i in imports}
    violations = violations_find(edges_between_units(imports))
    # Downward (ingestion → privacy) and from an entry point (a command → qa) are fine; config's ground modules
    # that apps import must import no app.
    assert [(v.imported.source, v.imported.target) for v in violations] == [("config.ratelimit", "council.models.Document")]

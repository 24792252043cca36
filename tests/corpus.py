"""Where the real corpus lives for tests, and its manifest."""

from __future__ import annotations

import csv
import os
from functools import lru_cache
from pathlib import Path

import pytest

_DEFAULT_ROOT = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def corpus_root() -> Path:
    """The corpus folder (env COUNCIL_CORPUS); fails under CI when missing, skips otherwise."""
    root = Path(os.environ.get("COUNCIL_CORPUS", _DEFAULT_ROOT))
    if not (root / "manifest.csv").is_file():
        message = f"council corpus not found at {root} (set COUNCIL_CORPUS)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return root


@lru_cache(maxsize=1)
def _manifest_rows(root: str) -> tuple[dict[str, str], ...]:
    with open(Path(root) / "manifest.csv", newline="", encoding="utf-8") as handle:
        return tuple(csv.DictReader(handle))


def manifest_rows() -> list[dict[str, str]]:
    """Rows of manifest.csv, one per file of the corpus."""
    return list(_manifest_rows(str(corpus_root())))

"""Structure parsing measured on the real corpus against its manifest and ground truth.

Run with: pytest -m corpus tests/ingestion/test_corpus_structure.py -s
"""

from __future__ import annotations

import csv
import datetime
import re
import unicodedata
from collections import defaultdict
from functools import lru_cache

import pytest
from rapidfuzz import fuzz

from ingestion.cleaning import pages_clean
from ingestion.extraction import pdf_pages_extract
from ingestion.parsing.dates import seance_date_find
from ingestion.parsing.deliberations import deliberations_find
from tests.corpus import corpus_root, manifest_rows

pytestmark = pytest.mark.corpus

# Files that hold one act, or a list of acts, rather than the minutes of a meeting.
_NOT_MINUTES = re.compile(r"deliberations_2013/|liste|repertoire", re.IGNORECASE)


@lru_cache(maxsize=None)
def _clean_pages(relative_path: str) -> tuple[str, ...]:
    pages = pdf_pages_extract(path=corpus_root() / relative_path)
    return tuple(pages_clean([page.text for page in pages]))


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(char for char in text if not unicodedata.combining(char))
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def test_seance_date_of_minutes_with_a_text_layer():
    population = [
        row for row in manifest_rows()
        if row["file"].endswith(".pdf")
        and re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["meeting_date"])
        and row["text_layer"].startswith(("yes", "partial"))
        and not _NOT_MINUTES.search(row["file"])
    ]
    misses = []
    for row in population:
        found = seance_date_find(list(_clean_pages(row["file"])))
        if found != datetime.date.fromisoformat(row["meeting_date"]):
            misses.append((row["file"], row["meeting_date"], found))
    share = 1 - len(misses) / len(population)
    print(f"\nséance date: {len(population) - len(misses)}/{len(population)} = {share:.3f}; misses: {misses}")
    assert len(population) >= 150
    assert share >= 0.95


def test_objet_of_montpellier_single_act_pdfs():
    path = corpus_root() / "ground_truth" / "montpellier_2013_deliberations_pdf_csv_pairs.csv"
    with open(path, newline="", encoding="utf-8") as handle:
        pairs = [row for row in csv.DictReader(handle) if row["csv_DELIB_OBJET"].strip()]
    good = 0
    for row in pairs:
        found = deliberations_find(list(_clean_pages(row["pdf_file"])))
        objet = found[0].objet if len(found) == 1 else ""
        if fuzz.ratio(_fold(objet), _fold(row["csv_DELIB_OBJET"])) >= 90:
            good += 1
    share = good / len(pairs)
    print(f"\nMontpellier objet ratio>=0.9: {good}/{len(pairs)} = {share:.3f}")
    assert len(pairs) == 120
    assert share >= 0.95


def _chemere_truth() -> dict[str, list[str]]:
    path = corpus_root() / "ground_truth" / "chemere_2004-2015_deliberations_from_PVs_data.csv"
    truth: dict[str, list[str]] = defaultdict(list)
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["pdf_file"] and row["titre"].strip():
                truth[row["pdf_file"]].append(row["titre"])
    return truth


_TRUTH_NUMBER = re.compile(r"^\s*(?:DE-?\s*)?(?:\d{4})\s*/\s*(\d+)\s*[–-]?\s*")


def _titles_match(*, expected: list[str], found: list[str]) -> int:
    """One-to-one greedy matching; token_set_ratio copes with the rapporteur's name that
    the ground-truth parser glued to some titles and with titles it cut short."""
    used: set[int] = set()
    matched = 0
    for title in expected:
        scores = [
            (fuzz.token_set_ratio(_fold(title), _fold(candidate)), index)
            for index, candidate in enumerate(found) if index not in used
        ]
        if scores and max(scores)[0] >= 85:
            used.add(max(scores)[1])
            matched += 1
    return matched


def test_chemere_deliberation_titles():
    truth = _chemere_truth()
    true_positives = expected_total = found_total = 0
    complete_tp = complete_found = 0
    for pdf_file, titles in truth.items():
        expected = [_TRUTH_NUMBER.sub("", title) for title in titles]
        found = [deliberation.objet for deliberation in deliberations_find(list(_clean_pages(pdf_file)))]
        matched = _titles_match(expected=expected, found=found)
        true_positives += matched
        expected_total += len(expected)
        found_total += len(found)
        # The ground truth is machine-parsed and skips acts in some sessions (its act
        # numbers jump, e.g. 2008/2, 2008/6, 2008/7): precision is only fair where its
        # numbering has no gap.
        numbers = sorted(int(m.group(1)) for m in map(_TRUTH_NUMBER.match, titles) if m)
        if numbers and numbers == list(range(numbers[0], numbers[0] + len(numbers))):
            complete_tp += matched
            complete_found += len(found)
    recall = true_positives / expected_total
    precision_all = true_positives / found_total
    precision = complete_tp / complete_found
    print(
        f"\nChéméré titles: recall {recall:.3f} ({true_positives}/{expected_total}); "
        f"precision {precision:.3f} on sessions whose ground truth has no numbering gap "
        f"({complete_tp}/{complete_found}); precision on all sessions {precision_all:.3f}"
    )
    assert len(truth) >= 60  # sessions whose acts have a title in the ground truth
    assert recall >= 0.90
    assert precision >= 0.90

"""Private persons of the real corpus are masked and elected officials stay named (labelled fixture)."""

from __future__ import annotations

import json
import os
from collections import defaultdict
from pathlib import Path

import pytest

from privacy.detection import persons_detect, replacements_build
from privacy.pseudonymise import pseudonymiser_build

REPO_ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(os.environ.get("COUNCIL_CORPUS", REPO_ROOT.parent / "shared" / "corpus"))
FIXTURE = REPO_ROOT / "tests" / "fixtures" / "person_mentions.json"

PRIVATE_RECALL_MIN = 0.95
OFFICIAL_KEPT_MIN = 0.90

pytestmark = pytest.mark.corpus


def _corpus_required() -> None:
    if CORPUS.is_dir():
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"corpus missing at {CORPUS} (set COUNCIL_CORPUS)")
    pytest.skip(f"corpus missing at {CORPUS}")


def _pages_extract(path: Path) -> list[str]:
    from ingestion.extraction import pdf_pages_extract

    return [page.text for page in pdf_pages_extract(path=path)]


def _officials_find(pages: list[str]) -> list[str]:
    # The officials parser belongs to the parsing step; until it lands the detector
    # relies on its own reading of attendance lists, titles and speaker turns.
    try:
        from ingestion.parsing.officials import officials_find
    except ImportError:
        return []
    return officials_find(pages)


def _pseudonymised_documents(documents: set[str]) -> dict[str, list[str]]:
    result = {}
    for document in sorted(documents):
        pages = _pages_extract(CORPUS / document)
        mentions = persons_detect(pages=pages, officials=_officials_find(pages))
        pseudonymise = pseudonymiser_build(replacements_build(mentions))
        result[document] = [pseudonymise(text) for text in pages]
    return result


def test_fixture_is_labelled_from_the_corpus():
    _corpus_required()
    labelled = json.loads(FIXTURE.read_text(encoding="utf-8"))
    labels = [item["label"] for item in labelled]
    assert len(labelled) >= 170
    assert 0.4 <= labels.count("private") / len(labels) <= 0.6
    assert len({item["document"].split("/")[0] for item in labelled}) >= 5
    pages_by_document = {document: _pages_extract(CORPUS / document)
                         for document in {item["document"] for item in labelled}}
    for item in labelled:
        assert item["surface"] in pages_by_document[item["document"]][item["page"] - 1], item


def test_private_persons_masked_and_officials_kept():
    _corpus_required()
    labelled = json.loads(FIXTURE.read_text(encoding="utf-8"))
    pseudonymised = _pseudonymised_documents({item["document"] for item in labelled})
    outcomes: dict[str, list[bool]] = defaultdict(list)
    failures = []
    for item in labelled:
        present = item["surface"] in pseudonymised[item["document"]][item["page"] - 1]
        # Private: recall = share of private mentions no longer printed.
        # Official: share of official mentions still printed verbatim.
        good = not present if item["label"] == "private" else present
        outcomes[item["label"]].append(good)
        if not good:
            failures.append(f"{item['label']}: {item['surface']!r} ({item['document']} p.{item['page']})")
    private_recall = sum(outcomes["private"]) / len(outcomes["private"])
    officials_kept = sum(outcomes["official"]) / len(outcomes["official"])
    print(f"\nprivate recall {private_recall:.3f} ({sum(outcomes['private'])}/{len(outcomes['private'])}), "
          f"officials kept {officials_kept:.3f} ({sum(outcomes['official'])}/{len(outcomes['official'])})")
    print("\n".join(failures))
    assert private_recall >= PRIVATE_RECALL_MIN, failures
    assert officials_kept >= OFFICIAL_KEPT_MIN, failures

"""The audit of masks on pages no labelled set covers (`privacy_evaluate --audit`), scored on real documents."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from bench.privacy_eval import (
    AUDIT,
    LABELS,
    RANDOM_PAGES,
    Label,
    audit,
    corpus_masks,
    document_pages,
    document_replacements,
    evaluate,
    labels_load,
    masks_compare,
    pages_read_load,
)
from privacy.pseudonymise import masked_spans
from tests.corpus import corpus_root

# A company's name the detector masks (« Renault \nAGORA ») and a director of services it masks on several pages.
_FILES = {"roannais_agglomeration/example.pdf",
          "pierrefonds_mymairie/cc_lisieres_de_l_oise/Compte-rendu-approuve-du-CC-du-13-mars-2025.pdf"}


@pytest.mark.corpus
def test_every_mask_of_an_audited_page_is_counted_once_by_what_it_hides():
    corpus = corpus_root()
    labels = [label for label in labels_load(AUDIT) if label.file in _FILES]
    assert {label.label for label in labels} == {"private", "not_person"}
    results = audit(labels=labels, corpus=corpus)
    total = results["ALL"]
    masks = 0
    for file in _FILES:
        pages = document_pages(corpus=corpus, file=file, ocr=True)
        replacements = document_replacements(pages=pages, file=file)
        for page in {label.page for label in labels if label.file == file}:
            masks += len(masked_spans(text=pages[page - 1], replacements=replacements))
    assert sum(total.by_label.values()) + len(total.unaudited) == masks
    assert total.precision.hits == total.by_label["private"]
    assert total.precision.total == total.by_label["private"] + total.by_label["not_person"] + total.by_label["official"]
    assert total.private_kept_masked.total == sum(label.label == "private" for label in labels)
    assert set(results) == {label.collectivite for label in labels} | {"ALL"}


@pytest.mark.corpus
def test_an_audit_label_that_no_longer_matches_its_page_is_an_error():
    label = next(label for label in labels_load(AUDIT) if label.file in _FILES)
    with pytest.raises(ValueError, match="no longer matches"):
        audit(labels=[replace(label, start=label.start + 1)], corpus=corpus_root())


@pytest.mark.corpus
def test_the_private_persons_of_pages_read_in_full_are_scored_for_recall():
    # The text-layer documents of the recall labels (the scans would be read by OCR first).
    labels = [label for label in labels_load(RANDOM_PAGES) if label.file.startswith("chemere_regardscitoyens/")]
    private = sum(label.label == "private" for label in labels)
    assert private
    scores = evaluate(labels=labels, corpus=corpus_root(), loco=False)["ALL"]
    assert scores.recall.total == private
    missed = [line for line in scores.failures if line.startswith("missed")]
    assert len(missed) == scores.recall.total - scores.recall.hits


def test_every_page_read_in_full_counts_the_private_persons_its_labels_give():
    read = pages_read_load()
    labelled = Counter((label.file, label.page) for label in labels_load(RANDOM_PAGES) if label.label == "private")
    pages = {(page["file"], page["page"]): page["private"] for page in read}
    assert len(pages) == len(read)  # no page read twice
    assert set(labelled) <= set(pages)
    assert all(labelled[key] == count for key, count in pages.items())


@pytest.mark.corpus
def test_the_masks_of_the_corpus_are_compared_by_place_not_by_number():
    # A délibération buying a private person's land (Montpellier, 17 June 2013), in no question set.
    corpus = corpus_root()
    file = "montpellier_opendata/deliberations_2013/2013_06_17/2013-06-17-0000064294.pdf"
    masks = list(corpus_masks(corpus=corpus, files=[file]))
    pages = document_pages(corpus=corpus, file=file)
    assert masks
    for mask in masks:
        assert pages[mask["page"] - 1][mask["start"]:mask["end"]] == mask["surface"]
        assert mask["placeholder"] in ("[personne]", "[adresse]", "[date de naissance]", "[téléphone]", "[courriel]")
        assert mask["surface"].split("\n")[0] in mask["line"]
    assert masks_compare(masks, masks) == {"added": [], "lifted": []}
    # One mask lifted or added: only that one differs.
    assert masks_compare(masks, masks[1:]) == {"added": [], "lifted": [masks[0]]}
    assert masks_compare(masks[1:], masks) == {"added": [masks[0]], "lifted": []}


def test_labels_of_several_files_are_pooled_each_mention_once_under_one_collectivite_name():
    """`privacy_evaluate --labels A B …` scores the labelled sets together, as the closing figures are given: a set
    that calls Montpellier « Ville de Montpellier – conseil municipal » counts with one that says « Ville de
    Montpellier », and a mention two files label counts once."""
    fixtures = Path(__file__).resolve().parent.parent / "fixtures"
    first, second = fixtures / "privacy_labels.jsonl", fixtures / "privacy_labels_heldout76.jsonl"
    alone = labels_load(first), labels_load(second)
    pooled = labels_load(first, second)
    assert "Ville de Montpellier – conseil municipal" in {label.collectivite for label in _read(second)}
    assert len(pooled) == len(alone[0]) + len(alone[1])
    assert {label.collectivite for label in pooled} >= {"Ville de Montpellier"}
    assert not any(" – " in label.collectivite or " (" in label.collectivite for label in pooled)
    assert labels_load(second, second) == labels_load(second)
    assert labels_load() == labels_load(LABELS)


def _read(path: Path) -> list[Label]:
    return [Label(**json.loads(line)) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]

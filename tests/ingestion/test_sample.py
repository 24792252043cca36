"""The generated demo corpus: valid, deterministic PDFs that look like real minutes, with one scanned page."""

from __future__ import annotations

import re
import shutil

import pypdfium2 as pdfium
import pytest

from ingestion.extraction import pdf_pages_extract
from ingestion.sample import COUNCIL_MEMBERS, SEANCES, sample_corpus_build


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    return sample_corpus_build(folder=tmp_path_factory.mktemp("sample"))


def _pages(path):
    return pdf_pages_extract(path=path)


def test_three_minutes_and_one_single_act_are_valid_pdfs(sample):
    assert [p.name for p in sample] == [
        "val-sur-loire_pv_2025-02-03.pdf",
        "val-sur-loire_pv_2025-04-07.pdf",
        "val-sur-loire_pv_2025-06-30.pdf",
        "val-sur-loire_deliberation_D2025-016.pdf",
    ]
    for path in sample:
        assert path.read_bytes().startswith(b"%PDF-")
        document = pdfium.PdfDocument(path)
        assert len(document) >= 1
        document.close()


def test_a_second_build_writes_the_same_bytes(sample, tmp_path):
    again = sample_corpus_build(folder=tmp_path)
    for first, second in zip(sample, again, strict=True):
        assert first.read_bytes() == second.read_bytes(), first.name
    assert (tmp_path / "manifest.csv").read_bytes() == (sample[0].parent / "manifest.csv").read_bytes()


def test_the_manifest_names_every_pdf_with_the_town(sample):
    lines = (sample[0].parent / "manifest.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "file,collectivite,meeting_date"
    assert [line.split(",", 1)[0] for line in lines[1:]] == [p.name for p in sample]
    assert all("Val-sur-Loire" in line for line in lines[1:])


def test_every_page_has_a_text_layer_with_accents_except_the_scanned_one(sample):
    scanned = []
    for path in sample:
        for page in _pages(path):
            if page.has_text_layer:
                assert re.search(r"[éèàêç]", page.text), (path.name, page.number)
            else:
                scanned.append((path.name, page.number, page.text))
    assert scanned == [("val-sur-loire_pv_2025-06-30.pdf", 3, "")]
    text = "\n".join(page.text for page in _pages(sample[0]))
    for word in ("PROCÈS-VERBAL", "DÉCIDE", "délibéré", "Élodie", "cœur", "18 540 €"):
        assert word in text


def test_minutes_carry_attendance_approval_numbered_acts_votes_and_speakers(sample):
    for seance, path in zip(SEANCES, sample, strict=False):
        text = "\n".join(page.text for page in _pages(path))
        assert "Présents :" in text and "Secrétaire de séance :" in text
        assert "Absents excusés ayant donné pouvoir" in text and "(pouvoir à " in text
        # The previous meeting's date appears before this one's acts: a parser must not
        # take it for the date of the séance.
        assert re.search(r"procès-verbal de la séance du \d+ \w+ 20\d\d", text)
        printed = seance.deliberations[: len(seance.deliberations) - seance.scanned_tail]
        for deliberation in printed:
            assert f"{deliberation.number} – Objet :" in text
            assert "Le Conseil municipal, après en avoir délibéré," in text
        assert 4 <= len(seance.deliberations) <= 6
        assert re.search(r"^(M\. le Maire|M\. [A-Z]+|Mme [A-Z]+) : ", text, re.M)
    first = "\n".join(page.text for page in _pages(sample[0]))
    assert "Par 23 voix pour, 3 voix contre (M. Olivier BRUNET" in first
    assert "M. Jean-Marc LEFEBVRE, domicilié 14 chemin des Vignes, 45190" in first


def test_vote_counts_never_exceed_the_voters_of_their_seance():
    # A counted vote adds up to at most the votants of the séance; an impossible count
    # would teach the vote parser's tests the wrong thing.
    for seance in SEANCES:
        away = len(seance.proxies) + len(seance.excused) + len(seance.absent)
        votants = len(COUNCIL_MEMBERS) - away + len(seance.proxies)
        for deliberation in seance.deliberations:
            counts = [int(n) for n in re.findall(r"(\d+) (?:voix|abstentions?)", deliberation.vote)]
            assert sum(counts) <= votants, deliberation.number
            if deliberation.vote.startswith("Par "):
                assert sum(counts) >= votants - 2, deliberation.number


def test_the_scanned_page_reads_back_through_ocr(sample):
    if shutil.which("tesseract") is None:
        pytest.skip("tesseract absent")
    from pdf.ocr import page_ocr, page_ocr_words

    text = page_ocr(path=sample[2], page_number=3)
    for expected in ("D2025-034", "Objet", "BONNET", "HADDAD", "27 rue des Peupliers", "unanimité", "DÉCIDE"):
        assert expected in text
    words = page_ocr_words(path=sample[2], page_number=3)
    haddad = [word for word in words if word.text == "HADDAD"]
    assert haddad and all(0 < word.left < 595 and 0 < word.top < 842 for word in haddad)

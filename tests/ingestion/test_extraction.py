"""PDF text extraction and the refusal of unreadable files."""

from __future__ import annotations

import pytest

from ingestion.extraction import PdfRejected, pdf_page_count, pdf_pages_extract, pdf_text_normalise
from tests.corpus import corpus_root


def test_soft_hyphen_marker_becomes_hyphen():
    # chemere_regardscitoyens/pdf/CM 10 septembre 2013.pdf: pdfium prints "Jean\x02Paul".
    assert pdf_text_normalise("Monsieur Jean\x02Paul LERAY") == "Monsieur Jean-Paul LERAY"


def test_soft_hyphen_before_line_break_joins_the_line():
    assert pdf_text_normalise("DEPARTEMENT DE LOIRE\x02\r\nATLANTIQUE") == "DEPARTEMENT DE LOIRE-ATLANTIQUE"


def test_wingdings_bullet_becomes_bullet_and_ligatures_unfold():
    assert pdf_text_normalise("\uf0d8 DE-2013/46 \ufb01nances") == "• DE-2013/46 finances"


def test_not_a_pdf_is_rejected(tmp_path):
    path = tmp_path / "minutes.pdf"
    path.write_text("Compte rendu du conseil municipal", encoding="utf-8")
    with pytest.raises(PdfRejected, match="n'est pas un PDF"):
        pdf_pages_extract(path=path)


def test_empty_file_is_rejected(tmp_path):
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    with pytest.raises(PdfRejected, match="vide"):
        pdf_page_count(path=path)


def test_truncated_pdf_is_rejected(tmp_path):
    source = corpus_root() / "couthenans" / "CR_reunion_20211105.pdf"
    path = tmp_path / "truncated.pdf"
    path.write_bytes(source.read_bytes()[:2000])
    with pytest.raises(PdfRejected, match="endommagé"):
        pdf_pages_extract(path=path)


def test_encrypted_pdf_is_rejected(tmp_path):
    fpdf = pytest.importorskip("fpdf")
    document = fpdf.FPDF()
    document.add_page()
    document.set_font("helvetica", size=12)
    document.cell(text="Séance du conseil municipal")
    document.set_encryption(owner_password="owner", user_password="secret")
    path = tmp_path / "locked.pdf"
    document.output(str(path))
    with pytest.raises(PdfRejected, match="mot de passe"):
        pdf_pages_extract(path=path)


def test_too_many_pages_is_rejected():
    path = corpus_root() / "couthenans" / "CR_reunion_20210604.pdf"
    with pytest.raises(PdfRejected, match="limite de 3 pages"):
        pdf_pages_extract(path=path, max_pages=3)


def test_typed_minutes_have_a_text_layer_and_accents():
    pages = pdf_pages_extract(path=corpus_root() / "couthenans" / "CR_reunion_20210604.pdf")
    assert [page.number for page in pages] == [1, 2, 3, 4, 5, 6]
    assert all(page.has_text_layer for page in pages)
    assert "Conseil municipal du 4 juin 2021" in pages[0].text
    assert "\x02" not in "".join(page.text for page in pages)


def test_scan_with_only_a_prefecture_stamp_has_no_text_layer():
    # Every page carries the stamp text over a scanned image.
    pages = pdf_pages_extract(path=corpus_root() / "flaux_village" / "PV DU 17 NOVEMBRE-tampon.pdf")
    assert pages[0].text.strip()
    assert not any(page.has_text_layer for page in pages)


def test_scanned_page_inside_typed_minutes_is_detected():
    pages = pdf_pages_extract(path=corpus_root() / "couthenans" / "CR_conseil_municipal_28_10_2022.pdf")
    assert [page.has_text_layer for page in pages] == [True, True, False, True]


@pytest.mark.parametrize("read", [pdf_page_count, pdf_pages_extract])
def test_reading_a_pdf_waits_for_the_pdfium_lock(tmp_path, read):
    """pdfium is not thread-safe: an upload checked in a web thread waits while a page image is being drawn."""
    import threading

    from pdf import PDFIUM_LOCK
    from tests.pdf_factory import minutes_pdf

    path = tmp_path / "minutes.pdf"
    path.write_bytes(minutes_pdf())
    results = []
    with PDFIUM_LOCK:
        reader = threading.Thread(target=lambda: results.append(read(path=path)))
        reader.start()
        reader.join(timeout=0.5)
        assert reader.is_alive() and not results  # held back while another thread uses pdfium
    reader.join(timeout=10)
    assert results

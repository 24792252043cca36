"""Bad files through the real pipeline (document_upload then document_ingest): a clear state, a French reason,
and the original kept byte for byte whenever it was stored."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from django.conf import settings

from council.models import Document, Page
from council.services import body_get_or_create, collectivite_get_or_create
from ingestion.extraction import PdfRejected, pdf_pages_extract
from ingestion.services import UploadRejected, document_ingest, document_upload
from tests.pdf_factory import blank_pdf, image_only_pdf, minutes_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def body():
    return body_get_or_create(collectivite=collectivite_get_or_create(name="Commune de Saint-Exemple"))


def _ingest(body, content: bytes, name: str = "pv.pdf") -> Document:
    document, created = document_upload(source=io.BytesIO(content), original_name=name, body=body)
    assert created
    return document_ingest(document_id=document.pk)


def _assert_original_kept(document: Document, content: bytes) -> None:
    stored = Path(document.file.path).read_bytes()
    assert stored == content
    assert hashlib.sha256(stored).hexdigest() == document.sha256


def _stored_files() -> list[Path]:
    return [path for path in (Path(settings.MEDIA_ROOT) / "originals").rglob("*") if path.is_file()]


def _assert_failed_in_french(document: Document, *words: str) -> None:
    assert document.status == Document.Status.FAILED
    for word in words:
        assert word in document.error, document.error
    assert not document.passages.exists()


def _assert_refused_at_upload(body, content: bytes, *words: str, name: str = "pv.pdf") -> None:
    """Refused before anything is stored or queued, with the French reason."""
    with pytest.raises(UploadRejected) as refusal:
        document_upload(source=io.BytesIO(content), original_name=name, body=body)
    for word in words:
        assert word in str(refusal.value), str(refusal.value)
    assert not Document.objects.exists()
    assert _stored_files() == []


def _encrypted_pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_encryption(owner_password="proprietaire", user_password="secret")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 5, "Procès-verbal de la séance du conseil municipal.")
    return bytes(pdf.output())


ZERO_PAGE_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF"
)


def test_a_file_that_is_not_a_pdf_is_refused_at_upload(body):
    content = "<html><body>Procès-verbal du conseil municipal</body></html>".encode()
    _assert_refused_at_upload(body, content, "n'est pas un PDF", name="pv-conseil.pdf")


def test_an_empty_file_is_refused_at_upload_and_nothing_is_stored(body):
    with pytest.raises(UploadRejected, match="Le fichier est vide"):
        document_upload(source=io.BytesIO(b""), original_name="vide.pdf", body=body)
    assert not Document.objects.exists()
    assert _stored_files() == []


def test_a_truncated_pdf_is_refused_at_upload(body):
    _assert_refused_at_upload(body, minutes_pdf()[:1200], "endommagé ou incomplet")


def test_an_encrypted_pdf_is_refused_asking_for_an_unprotected_copy(body):
    _assert_refused_at_upload(body, _encrypted_pdf(), "protégé par un mot de passe")


def test_a_pdf_over_the_page_limit_is_refused_and_says_to_split_it(body):
    assert settings.INGEST_MAX_PAGES < 2000
    _assert_refused_at_upload(
        body, blank_pdf(pages=2000), "2000 pages", f"limite de {settings.INGEST_MAX_PAGES} pages", "découper"
    )


def test_pdfium_reasons_are_per_file_never_left_over_from_the_previous_one(tmp_path):
    encrypted, zero = tmp_path / "chiffre.pdf", tmp_path / "vide.pdf"
    encrypted.write_bytes(_encrypted_pdf())
    zero.write_bytes(ZERO_PAGE_PDF)
    with pytest.raises(PdfRejected, match="mot de passe"):
        pdf_pages_extract(path=encrypted)
    with pytest.raises(PdfRejected) as refusal:
        pdf_pages_extract(path=zero)
    assert "mot de passe" not in str(refusal.value)
    assert "aucune page" in str(refusal.value) or "endommagé" in str(refusal.value)


def test_a_file_damaged_after_upload_still_fails_in_the_worker_with_a_reason(body):
    content = minutes_pdf()
    document, _ = document_upload(source=io.BytesIO(content), original_name="pv.pdf", body=body)
    Path(document.file.path).write_bytes(content[:1200])
    document = document_ingest(document_id=document.pk)
    _assert_failed_in_french(document, "endommagé ou incomplet")


def test_an_image_only_pdf_is_read_by_ocr(body):
    content = image_only_pdf(
        text="CONSEIL MUNICIPAL\nProcès-verbal de la séance du 12 mars 2024\n"
        "Le conseil municipal approuve le budget primitif\nde la commune pour l'année 2024."
    )
    document = _ingest(body, content)
    assert document.status == Document.Status.READY, document.error
    page = Page.objects.get(document=document)
    assert page.origin == Page.Origin.OCR
    assert "budget primitif" in page.raw_text
    assert document.passages.filter(text__contains="budget").exists()
    _assert_original_kept(document, content)


class _LazyBytes(io.RawIOBase):
    """``size`` bytes of a PDF-looking stream, produced as they are read: nothing this big is ever in memory or on disk."""

    def __init__(self, size: int) -> None:
        self._remaining = size
        self._head = b"%PDF-1.7\n"

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        size = self._remaining if size < 0 else min(size, self._remaining)
        chunk = (self._head + b"0" * size)[:size]
        self._head = self._head[len(chunk):]
        self._remaining -= len(chunk)
        return chunk


def test_a_200_mb_upload_is_refused_and_nothing_is_stored(body):
    assert settings.UPLOAD_MAX_BYTES < 200 * 1024 * 1024
    with pytest.raises(UploadRejected, match="Fichier trop volumineux : la limite est de"):
        document_upload(source=_LazyBytes(200 * 1024 * 1024), original_name="enorme.pdf", body=body)
    assert not Document.objects.exists()
    assert _stored_files() == []

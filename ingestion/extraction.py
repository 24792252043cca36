"""Text of each page of a PDF, read with pypdfium2, and the refusal of files we cannot read."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw

from pdf import PDFIUM_LOCK

DEFAULT_MAX_PAGES = 2000

# Below this many letters a page is treated as having no usable text: a préfecture
# stamp or a page number printed over a scanned image is not something to read.
TEXT_LAYER_MIN_LETTERS = 200
# A page with an image covering this share of its surface holds a scan (a whole
# page, or a scanned table pasted between a typed header and footer).
SCAN_IMAGE_COVERAGE = 0.3

# pypdfium2 marks a hyphen it considers a soft line-break hyphen with \x02; when
# followed by a line break the word was split across lines.
_SOFT_HYPHEN_BREAK = re.compile(r"\x02[ \t]*\r?\n[ \t]*")
# Symbol fonts (Wingdings, Symbol) map their glyphs to the private use area.
_PRIVATE_USE_CHAR = re.compile("[\ue000-\uf8ff]")
_OTHER_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class PageText:
    number: int  # 1-based
    text: str
    has_text_layer: bool


class PdfRejected(Exception):
    """The file cannot be ingested; the message is in French, for the clerk who sent it."""


def pdf_text_normalise(raw: str) -> str:
    """Turn pdfium's raw page text into plain NFKC text with real hyphens and bullets."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    # A word cut at the end of a line ("délibé\x02\nration") becomes one word again;
    # compound words split on their own hyphen ("Saint-\nJean") keep it.
    text = _SOFT_HYPHEN_BREAK.sub(_soft_hyphen_join, text)
    text = text.replace("\x02", "-")
    text = _PRIVATE_USE_CHAR.sub("•", text)
    text = unicodedata.normalize("NFKC", text)
    text = _OTHER_CONTROL_CHARS.sub("", text)
    return text


def _soft_hyphen_join(match: re.Match[str]) -> str:
    # pdfium writes \x02 for a hyphen that ended a line and usually drops the line
    # break itself ("Jean\x02Paul"); when it keeps it, the word is joined the same way.
    # The hyphen stays: in this corpus it is mostly a compound ("Loire-Atlantique",
    # "compte-rendu"), and a search on either half still matches.
    return "-"


def pdf_page_count(*, path: Path) -> int:
    """Number of pages of a PDF; raises PdfRejected when the file cannot be opened."""
    # pdfium is not thread-safe: an upload checked in a web thread must not meet a page image being drawn.
    with PDFIUM_LOCK:
        document = _pdf_open(path=path)
        try:
            return len(document)
        finally:
            document.close()


def pdf_pages_extract(*, path: Path, max_pages: int = DEFAULT_MAX_PAGES) -> list[PageText]:
    """Text of every page, in order; raises PdfRejected for files we refuse."""
    with PDFIUM_LOCK:
        return _pages_extract(path=path, max_pages=max_pages)


def _pages_extract(*, path: Path, max_pages: int) -> list[PageText]:
    document = _pdf_open(path=path)
    try:
        page_count = _page_count_check(len(document), max_pages=max_pages)
        pages = []
        for index in range(page_count):
            # Loading the page fails too on a broken file (a cyclic cross-reference table): same French reason.
            try:
                page = document[index]
            except pdfium.PdfiumError as error:
                raise PdfRejected(f"La page {index + 1} du PDF est illisible (fichier endommagé).") from error
            try:
                text = _page_text(page=page)
                has_text_layer = _page_has_text_layer(page=page, text=text)
            except pdfium.PdfiumError as error:
                raise PdfRejected(
                    f"La page {index + 1} du PDF est illisible (fichier endommagé)."
                ) from error
            finally:
                page.close()
            pages.append(PageText(number=index + 1, text=text, has_text_layer=has_text_layer))
        return pages
    finally:
        document.close()


def _pdf_open(*, path: Path) -> pdfium.PdfDocument:
    path = Path(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(1024)
    except OSError as error:
        raise PdfRejected("Le fichier est introuvable ou ne peut pas être lu.") from error
    if not head:
        raise PdfRejected("Le fichier est vide.")
    # The PDF standard allows junk before the header within the first kilobyte.
    if b"%PDF-" not in head:
        raise PdfRejected("Le fichier n'est pas un PDF.")
    try:
        return pdfium.PdfDocument(path)
    except pdfium.PdfiumError as error:
        # pdfium's last error is global to the process and is not reset by every call: a reason read from it
        # can belong to an earlier file. Whether this file is encrypted is read from the file itself.
        if _pdf_declares_encryption(path=path):
            raise PdfRejected(
                "Le PDF est protégé par un mot de passe ; merci d'envoyer une version sans protection."
            ) from error
        raise PdfRejected("Le PDF est endommagé ou incomplet et ne peut pas être lu.") from error


def _pdf_declares_encryption(*, path: Path) -> bool:
    """An encrypted PDF names its /Encrypt dictionary in its trailer."""
    try:
        return b"/Encrypt" in path.read_bytes()
    except OSError:
        return False


def pdf_check(*, path: Path, max_pages: int = DEFAULT_MAX_PAGES) -> int:
    """What can be known at once, before a file is queued: a PDF by its magic bytes, not encrypted, readable,
    with 1 to ``max_pages`` pages. Its page count; raises PdfRejected with the French reason."""
    return _page_count_check(pdf_page_count(path=path), max_pages=max_pages)


def _page_count_check(page_count: int, *, max_pages: int) -> int:
    if page_count == 0:
        raise PdfRejected("Le PDF ne contient aucune page.")
    if page_count > max_pages:
        raise PdfRejected(
            f"Le PDF compte {page_count} pages, au-delà de la limite de {max_pages} pages. "
            "Merci de le découper en plusieurs fichiers."
        )
    return page_count


def _page_text(*, page: pdfium.PdfPage) -> str:
    textpage = page.get_textpage()
    try:
        return pdf_text_normalise(textpage.get_text_bounded())
    finally:
        textpage.close()


def _page_has_text_layer(*, page: pdfium.PdfPage, text: str) -> bool:
    letters = sum(1 for char in text if char.isalpha())
    if letters >= TEXT_LAYER_MIN_LETTERS:
        return True
    # A short text over a large image is a stamp, a header or a page number printed
    # over a scan; a short or empty page without a large image is a real short page
    # (signatures, a blank verso) that OCR would not improve.
    return _page_image_coverage(page=page) < SCAN_IMAGE_COVERAGE


def _page_image_coverage(*, page: pdfium.PdfPage) -> float:
    width, height = page.get_size()
    page_area = max(width * height, 1.0)
    # Summed, because a scanned page is sometimes cut into several image strips.
    covered = 0.0
    for pdf_object in page.get_objects(filter=[pdfium_raw.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        left, bottom, right, top = pdf_object.get_bounds()
        covered += (right - left) * (top - bottom)
    return min(covered / page_area, 1.0)

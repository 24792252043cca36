"""Text and word boxes of scanned PDF pages, read with tesseract in French, and its error rate."""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image
from rapidfuzz.distance import Levenshtein

from pdf import PDFIUM_LOCK

OCR_LANGUAGE = "fra"
DEFAULT_DPI = 300
# psm 3 (automatic layout) keeps a header block, a two-column attendance list and the
# body apart; psm 6 scored about as well on Aiglun but runs columns together line by line.
PAGE_SEGMENTATION_MODE = 3
# Local (Sauvola) thresholding instead of tesseract's global Otsu: office-copier scans
# have grey title bars and uneven toner that a single threshold turns into black blocks
# or erases. On 12 Aiglun first pages: Otsu 4.9 %, Sauvola 4.0 % at its default
# k = 0.34, 2.8 % at k = 0.5; on 24 further pages kept out of that choice: 5.8 % -> 3.2 %.
TESSERACT_OPTIONS = ("-c", "thresholding_method=2", "-c", "thresholding_kfactor=0.5")
# A page that tesseract cannot finish in this time is a broken image, not a slow page.
TESSERACT_TIMEOUT_S = 180
# A low-resolution scan (Montpellier 2011: 96 dpi) is already enlarged three times by
# drawing it at 300 dpi; drawing it at 400 dpi gave the same error rate (3.9 % on Aiglun
# pages reduced to 96 dpi) and lower tesseract confidence on Montpellier, so no special case.

# Tesseract's OpenMP threads fight each other and our own workers: on 2 cores three
# pages took 20.7 s with them and 3.5 s with one thread each (2.1 s with two pages at once).
_TESSERACT_ENV = {"OMP_THREAD_LIMIT": "1"}

_SPACES = re.compile(r"\s+")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'"})


class OcrUnavailable(Exception):
    """Tesseract or its French model is missing; the message is in French, for the operator."""


@dataclass(frozen=True)
class OcrWord:
    """One word read on a page.

    Coordinates are PDF points (1/72 inch) on the page as it is displayed (after its
    /Rotate and crop box), measured from the TOP-LEFT corner, y growing downwards;
    pdfium's own page coordinates start bottom-left, so a redaction box in PDF space
    is (left, page_height - top - height, width, height).
    """

    text: str
    left: float
    top: float
    width: float
    height: float
    # Words sharing this number are on the same printed line (joins « Jean » « DUPONT »).
    line: int
    confidence: float  # 0-100, as tesseract reports it


def page_ocr(*, path: Path, page_number: int, dpi: int = DEFAULT_DPI) -> str:
    """OCR text of one page (1-based), NFKC-normalised; raises OcrUnavailable."""
    tesseract_check()
    image, scale = _page_render(path=path, page_number=page_number, dpi=dpi)
    output = _tesseract_run(image=image, scale=scale, output_format="txt")
    return ocr_text_normalise(output)


def pages_ocr(
    *, path: Path, page_numbers: list[int], dpi: int = DEFAULT_DPI, max_workers: int | None = None
) -> dict[int, str]:
    """OCR several pages of one PDF at once, one tesseract process per core."""
    tesseract_check()
    workers = max_workers or os.cpu_count() or 1
    with ThreadPoolExecutor(max_workers=workers) as executor:
        texts = executor.map(
            lambda number: page_ocr(path=path, page_number=number, dpi=dpi), page_numbers
        )
        return dict(zip(page_numbers, texts))


def page_ocr_words(*, path: Path, page_number: int, dpi: int = DEFAULT_DPI) -> list[OcrWord]:
    """Words of one page (1-based) with their boxes in points, top-left origin."""
    tesseract_check()
    image, scale = _page_render(path=path, page_number=page_number, dpi=dpi)
    output = _tesseract_run(image=image, scale=scale, output_format="tsv")
    words = []
    lines: dict[tuple[str, str, str], int] = {}
    for row in csv.DictReader(io.StringIO(output), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = unicodedata.normalize("NFKC", row.get("text") or "").strip()
        if row["level"] != "5" or not text:
            continue
        line_key = (row["block_num"], row["par_num"], row["line_num"])
        words.append(
            OcrWord(
                text=text,
                left=int(row["left"]) / scale,
                top=int(row["top"]) / scale,
                width=int(row["width"]) / scale,
                height=int(row["height"]) / scale,
                line=lines.setdefault(line_key, len(lines)),
                confidence=float(row["conf"]),
            )
        )
    return words


def ocr_text_normalise(raw: str) -> str:
    """Tesseract's text in the same form as a text layer: NFKC, no form feed."""
    text = unicodedata.normalize("NFKC", raw).replace("\f", "")
    return text.strip() + "\n" if text.strip() else ""


def character_error_rate(*, reference: str, hypothesis: str) -> float:
    """Levenshtein distance divided by the reference length, after text_for_cer on both."""
    reference = text_for_cer(reference)
    hypothesis = text_for_cer(hypothesis)
    if not reference:
        return 0.0 if not hypothesis else 1.0
    return Levenshtein.distance(reference, hypothesis) / len(reference)


def text_for_cer(text: str) -> str:
    """Form in which two texts are compared: NFKC, one apostrophe, single spaces.

    Case, accents and punctuation are kept: they are what a reader and the search see.
    Line breaks are not: a word-processor original and a scan never break lines alike.
    """
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES)
    return _SPACES.sub(" ", text).strip()


def reference_span_align(*, reference: str, hypothesis: str) -> tuple[int, int]:
    """Start and end, in text_for_cer(reference), of the passage closest to the hypothesis.

    A scanned page is one part of a document whose reference text is whole; this finds
    the substring of the reference at the least edit distance from the page (edit distance
    with free gaps at both ends of the reference, computed row by row with numpy).
    """
    reference = text_for_cer(reference)
    hypothesis = text_for_cer(hypothesis)
    end = _best_end(reference=reference, hypothesis=hypothesis)
    start = end - _best_end(reference=reference[:end][::-1], hypothesis=hypothesis[::-1])
    return start, end


def page_character_error_rate(*, reference_document: str, page_text: str) -> float:
    """CER of one page's OCR against the part of the document's reference it covers."""
    start, end = reference_span_align(reference=reference_document, hypothesis=page_text)
    return character_error_rate(
        reference=text_for_cer(reference_document)[start:end], hypothesis=page_text
    )


def _best_end(*, reference: str, hypothesis: str) -> int:
    if not hypothesis or not reference:
        return len(reference)
    ref = np.frombuffer(reference.encode("utf-32-le"), dtype=np.uint32)
    positions = np.arange(len(ref) + 1, dtype=np.int64)
    # Row i holds the edit distance between hypothesis[:i] and the best reference
    # substring ending at each position; row 0 is all zeros (the start is free).
    row = np.zeros(len(ref) + 1, dtype=np.int64)
    for char in hypothesis:
        mismatch = (ref != ord(char)).astype(np.int64)
        best = np.empty_like(row)
        best[0] = row[0] + 1
        best[1:] = np.minimum(row[1:] + 1, row[:-1] + mismatch)
        # Insertions along the row: best[j] = min over k <= j of best[k] + (j - k).
        row = np.minimum.accumulate(best - positions) + positions
    return int(np.argmin(row))


def tesseract_check() -> None:
    """Raise OcrUnavailable unless tesseract runs and has its French model."""
    binary = shutil.which("tesseract")
    if binary is None:
        raise OcrUnavailable(_MISSING_BINARY)
    # Checked once per binary and model folder; a failure is checked again next time,
    # so installing the package fixes a running worker without a restart.
    key = (binary, os.environ.get("TESSDATA_PREFIX", ""))
    if key in _tesseract_ready:
        return
    try:
        listing = subprocess.run(
            [binary, "--list-langs"],
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
            env={**os.environ, **_TESSERACT_ENV},
        )
    except (OSError, subprocess.SubprocessError) as error:
        raise OcrUnavailable(
            "La reconnaissance de texte (OCR) est indisponible : le programme tesseract "
            "ne démarre pas."
        ) from error
    # The first line is a title (« List of available languages in ... »).
    languages = set(listing.stdout.splitlines()[1:])
    if OCR_LANGUAGE not in languages:
        raise OcrUnavailable(
            "La reconnaissance de texte (OCR) est indisponible : le modèle de langue "
            "française de tesseract n'est pas installé (paquet Debian « tesseract-ocr-fra »)."
        )
    _tesseract_ready.add(key)


_MISSING_BINARY = (
    "La reconnaissance de texte (OCR) est indisponible : le programme tesseract "
    "n'est pas installé sur le serveur (paquet Debian « tesseract-ocr »)."
)
_tesseract_ready: set[tuple[str, str]] = set()


def _page_render(*, path: Path, page_number: int, dpi: int) -> tuple[Image.Image, float]:
    """Grayscale image of the page and its scale in pixels per point."""
    with PDFIUM_LOCK:
        document = pdfium.PdfDocument(Path(path))
        try:
            if not 1 <= page_number <= len(document):
                raise ValueError(
                    f"page {page_number} requested from a PDF of {len(document)} pages"
                )
            page = document[page_number - 1]
            try:
                scale = dpi / 72
                # Grayscale: colour carries no text here and would triple the image size.
                bitmap = page.render(scale=scale, grayscale=True)
                image = bitmap.to_pil()
                # Copy out of pdfium's buffer before the document is closed.
                image = image.copy()
                bitmap.close()
            finally:
                page.close()
        finally:
            document.close()
    return image, scale


def _tesseract_run(*, image: Image.Image, scale: float, output_format: str) -> str:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=1)
    command = [
        "tesseract",
        "stdin",
        "stdout",
        "-l",
        OCR_LANGUAGE,
        "--psm",
        str(PAGE_SEGMENTATION_MODE),
        *TESSERACT_OPTIONS,
        # Without it tesseract guesses the resolution and misjudges letter sizes.
        "--dpi",
        str(round(scale * 72)),
    ]
    if output_format != "txt":
        command.append(output_format)
    try:
        completed = subprocess.run(
            command,
            input=buffer.getvalue(),
            capture_output=True,
            timeout=TESSERACT_TIMEOUT_S,
            env={**os.environ, **_TESSERACT_ENV},
            check=False,
        )
    except FileNotFoundError as error:
        raise OcrUnavailable(_MISSING_BINARY) from error
    if completed.returncode != 0:
        detail = completed.stderr.decode("utf-8", "replace").strip()[-500:]
        raise RuntimeError(f"tesseract failed ({completed.returncode}): {detail}")
    return completed.stdout.decode("utf-8", "replace")

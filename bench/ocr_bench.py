"""OCR speed and character error rate on the scanned corpus pages that have a reference text."""

from __future__ import annotations

import csv
import json
import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from pdf.ocr import DEFAULT_DPI, page_ocr, reference_span_align, text_for_cer

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
# Where the collection keeps, next to a folder of scans, the text of each meeting typed
# from the original word-processor file (named by meeting date).
REFERENCE_FOLDER = "text_from_doc"


@dataclass(frozen=True)
class ScannedDocument:
    pdf: Path
    reference: Path
    page_count: int


@dataclass(frozen=True)
class PageScore:
    pdf: str
    page_number: int
    seconds: float
    reference_chars: int
    errors: int

    @property
    def cer(self) -> float:
        return self.errors / max(self.reference_chars, 1)


def scanned_document_list(*, corpus: Path) -> list[ScannedDocument]:
    """Fully scanned PDFs of the manifest that have a reference text for their meeting."""
    documents = {}
    with (corpus / "manifest.csv").open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if not row["file"].lower().endswith(".pdf") or not row["meeting_date"]:
                continue
            if not row["pages"] or row["scanned_pages"] != row["pages"]:
                continue
            folder = row["file"].split("/", 1)[0]
            reference = corpus / folder / REFERENCE_FOLDER / f"{row['meeting_date']}.txt"
            if reference.exists():
                documents[row["file"]] = ScannedDocument(
                    pdf=corpus / row["file"], reference=reference, page_count=int(row["pages"])
                )
    return [documents[name] for name in sorted(documents)]


def page_sample_select(*, documents: list[ScannedDocument], pages: int) -> list[tuple[ScannedDocument, int]]:
    """Spread `pages` pages over the documents: every first page, then every second, ..."""
    sample: list[tuple[ScannedDocument, int]] = []
    depth = max((document.page_count for document in documents), default=0)
    for page_number in range(1, depth + 1):
        for document in documents:
            if len(sample) == pages:
                return sample
            if page_number <= document.page_count:
                sample.append((document, page_number))
    return sample


def page_score(*, document: ScannedDocument, page_number: int, dpi: int = DEFAULT_DPI) -> PageScore:
    """OCR one page and compare it with the passage of the reference it covers."""
    started = time.perf_counter()
    text = page_ocr(path=document.pdf, page_number=page_number, dpi=dpi)
    seconds = time.perf_counter() - started
    reference = text_for_cer(document.reference.read_text(encoding="utf-8"))
    start, end = reference_span_align(reference=reference, hypothesis=text)
    return PageScore(
        pdf=document.pdf.name,
        page_number=page_number,
        seconds=seconds,
        reference_chars=end - start,
        errors=Levenshtein.distance(reference[start:end], text_for_cer(text)),
    )


def ocr_benchmark(*, corpus: Path, pages: int, max_workers: int | None = None, dpi: int = DEFAULT_DPI) -> dict:
    """Pages per second and character error rate (errors / reference characters, all pages)."""
    documents = scanned_document_list(corpus=corpus)
    sample = page_sample_select(documents=documents, pages=pages)
    workers = max_workers or os.cpu_count() or 1
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as executor:
        scores = list(
            executor.map(lambda item: page_score(document=item[0], page_number=item[1], dpi=dpi), sample)
        )
    elapsed = time.perf_counter() - started
    reference_chars = sum(score.reference_chars for score in scores)
    errors = sum(score.errors for score in scores)
    return {
        "pages": len(scores),
        "documents": len({score.pdf for score in scores}),
        "workers": workers,
        "dpi": dpi,
        "seconds": round(elapsed, 2),
        "pages_per_second": round(len(scores) / elapsed, 3) if elapsed else 0.0,
        "seconds_per_page_one_call": round(sum(s.seconds for s in scores) / max(len(scores), 1), 2),
        "cer": round(errors / max(reference_chars, 1), 4),
        "reference_chars": reference_chars,
        "worst_pages": [
            {"pdf": s.pdf, "page": s.page_number, "cer": round(s.cer, 4)}
            for s in sorted(scores, key=lambda s: s.cer, reverse=True)[:5]
        ],
    }


def main() -> None:
    corpus = Path(os.environ.get("COUNCIL_CORPUS", DEFAULT_CORPUS))
    pages = int(sys.argv[1]) if len(sys.argv) > 1 else 24
    workers = int(sys.argv[2]) if len(sys.argv) > 2 else None
    print(json.dumps(ocr_benchmark(corpus=corpus, pages=pages, max_workers=workers), indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()

"""Page images for the public: the PDF page drawn with a black box over every text a clerk or detection masked."""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
from django.conf import settings
from PIL import Image, ImageDraw

from council.models import Document, Page
from privacy.models import Redaction

RENDER_DPI = 110
# Bump when the drawing changes, so that cached images made the old way are not served.
RENDER_VERSION = 1
# Boxes grow by this margin (points) so that no anti-aliased edge of a glyph shows.
BOX_MARGIN_PT = 1.5

_WORD_EDGES = re.compile(r"^[^\w]+|[^\w]+$")


class PageRenderUnavailable(Exception):
    """The masked text of this page cannot be located (scanned page and no OCR): no image may be shown."""


@dataclass(frozen=True)
class Box:
    """A rectangle in points on the page as displayed, origin top-left, y growing downwards."""

    left: float
    top: float
    right: float
    bottom: float


def redaction_surfaces(*, document: Document) -> list[str]:
    """Texts to mask in this document's images, longest first, without duplicates."""
    surfaces = {
        surface.strip()
        for surface in Redaction.objects.filter(document=document, decision=Redaction.Decision.REDACT).values_list(
            "surface", flat=True
        )
        if surface.strip()
    }
    return sorted(surfaces, key=lambda surface: (-len(surface), surface))


def render_cache_path(*, document: Document, page_number: int, surfaces: list[str], dpi: int) -> Path:
    """Where the rendered image lives: keyed by the file's hash, the page and the set of masked texts."""
    key = hashlib.sha256(
        json.dumps({"surfaces": sorted(surfaces), "dpi": dpi, "version": RENDER_VERSION}).encode()
    ).hexdigest()[:20]
    return Path(settings.MEDIA_ROOT) / "rendered" / document.sha256[:2] / document.sha256 / f"{page_number}-{key}.png"


def page_image_render(*, document: Document, page_number: int, dpi: int = RENDER_DPI) -> Path:
    """PNG of one page with every masked text boxed out, from the disk cache when it is there.

    Raises Page.DoesNotExist for a page the document does not have, and
    PageRenderUnavailable when a scanned page may hold masked text that cannot be located.
    """
    page = Page.objects.only("id", "number", "origin", "raw_text").get(document=document, number=page_number)
    surfaces = redaction_surfaces(document=document)
    cached = render_cache_path(document=document, page_number=page_number, surfaces=surfaces, dpi=dpi)
    if cached.is_file():
        return cached
    path = Path(document.file.path)
    scanned = page.origin == Page.Origin.OCR
    image, boxes = _page_render_and_search(
        path=path, page_number=page_number, surfaces=[] if scanned else surfaces, dpi=dpi
    )
    if scanned:
        # Tesseract reads the image again for word boxes; the page's OCR text says whether it is worth it.
        boxes = ocr_page_boxes_find(
            path=path, page_number=page_number, surfaces=_surfaces_on_page(surfaces, page.raw_text)
        )
    image_boxes_draw(image=image, boxes=boxes, scale=dpi / 72)
    cached.parent.mkdir(parents=True, exist_ok=True)
    # Written aside then renamed: a concurrent request never reads half a file.
    with tempfile.NamedTemporaryFile(dir=cached.parent, suffix=".part", delete=False) as temporary:
        image.save(temporary, format="PNG", optimize=True)
    os.replace(temporary.name, cached)
    return cached


def _pdfium_lock():
    # pdfium is not thread-safe even across documents; OCR holds the same lock.
    from ingestion.ocr import _PDFIUM_LOCK

    return _PDFIUM_LOCK


def _page_render_and_search(
    *, path: Path, page_number: int, surfaces: list[str], dpi: int
) -> tuple[Image.Image, list[Box]]:
    with _pdfium_lock():
        pdf = pdfium.PdfDocument(path)
        try:
            page = pdf[page_number - 1]
            bitmap = page.render(scale=dpi / 72)
            image = bitmap.to_pil().convert("RGB")
            boxes = text_layer_boxes_find(page=page, surfaces=surfaces)
            page.close()
        finally:
            pdf.close()
    return image, boxes


def text_layer_boxes_find(*, page: pdfium.PdfPage, surfaces: list[str]) -> list[Box]:
    """Boxes of every whole-word, case-insensitive occurrence of each surface in the page's text layer."""
    if not surfaces:
        return []
    textpage = page.get_textpage()
    to_display = _canvas_to_display(page)
    boxes = []
    try:
        for surface in surfaces:
            searcher = textpage.search(surface, match_case=False, match_whole_word=True)
            while occurrence := searcher.get_next():
                index, count = occurrence
                # One rectangle per line the occurrence covers (a name may break across lines).
                for rect_index in range(textpage.count_rects(index, count)):
                    boxes.append(to_display(*textpage.get_rect(rect_index)))
            searcher.close()
    finally:
        textpage.close()
    return boxes


def _canvas_to_display(page: pdfium.PdfPage):
    """Map PDF canvas rectangles (origin bottom-left, unrotated) to displayed points (origin top-left)."""
    crop_left, crop_bottom, crop_right, crop_top = page.get_bbox()
    width = crop_right - crop_left
    height = crop_top - crop_bottom
    rotation = page.get_rotation() % 360

    def point(x: float, y: float) -> tuple[float, float]:
        u, v = x - crop_left, crop_top - y
        if rotation == 90:
            return height - v, u
        if rotation == 180:
            return width - u, height - v
        if rotation == 270:
            return v, width - u
        return u, v

    def convert(left: float, bottom: float, right: float, top: float) -> Box:
        corners = [point(left, bottom), point(right, top)]
        xs = [x for x, _ in corners]
        ys = [y for _, y in corners]
        return Box(min(xs), min(ys), max(xs), max(ys))

    return convert


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").casefold()
    return _WORD_EDGES.sub("", text)


def _surfaces_on_page(surfaces: list[str], page_text: str) -> list[str]:
    """Surfaces the page's own OCR text mentions: OCR for word boxes only runs when one is there."""
    flat = " ".join(_normalise(token) for token in page_text.split())
    return [surface for surface in surfaces if " ".join(_normalise(t) for t in surface.split()) in flat]


def ocr_page_boxes_find(*, path: Path, page_number: int, surfaces: list[str]) -> list[Box]:
    """Boxes of the OCR words that spell out each surface, word after word (across lines too)."""
    if not surfaces:
        return []
    from ingestion.ocr import OcrUnavailable, page_ocr_words

    try:
        words = page_ocr_words(path=path, page_number=page_number)
    except OcrUnavailable as error:
        raise PageRenderUnavailable(str(error)) from error
    tokens = [_normalise(word.text) for word in words]
    boxes = []
    for surface in surfaces:
        wanted = [token for token in (_normalise(part) for part in surface.split()) if token]
        if not wanted:
            continue
        for start in range(len(tokens) - len(wanted) + 1):
            if tokens[start : start + len(wanted)] == wanted:
                boxes.extend(_line_boxes(words[start : start + len(wanted)]))
    return boxes


def _line_boxes(words) -> list[Box]:
    """One box per printed line the words cover: a single bar hides the gaps and the length of each word."""
    lines: dict[int, Box] = {}
    for word in words:
        box = Box(word.left, word.top, word.left + word.width, word.top + word.height)
        seen = lines.get(word.line)
        lines[word.line] = box if seen is None else Box(
            min(seen.left, box.left), min(seen.top, box.top), max(seen.right, box.right), max(seen.bottom, box.bottom)
        )
    return list(lines.values())


def image_boxes_draw(*, image: Image.Image, boxes: list[Box], scale: float) -> None:
    """Fill each box (in points) in black on the image drawn at `scale` pixels per point."""
    draw = ImageDraw.Draw(image)
    for box in boxes:
        draw.rectangle(
            [
                (box.left - BOX_MARGIN_PT) * scale,
                (box.top - BOX_MARGIN_PT) * scale,
                (box.right + BOX_MARGIN_PT) * scale,
                (box.bottom + BOX_MARGIN_PT) * scale,
            ],
            fill="black",
        )

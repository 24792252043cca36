"""Page images for the public: the PDF page drawn with a black box over every text a clerk or detection masked."""

from __future__ import annotations

import hashlib
import io
import json
import logging
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
from pdf import PDFIUM_LOCK
from pdf.ocr import OcrUnavailable, page_ocr_words
from privacy.models import Redaction

logger = logging.getLogger(__name__)

RENDER_DPI = 110
# Bump when the drawing changes, so that cached images made the old way are not served.
RENDER_VERSION = 1
# zlib level 3: a page of minutes at 110 dpi in about 26 ms and 230 KiB; Pillow's `optimize` took about 190 ms for a
# larger file (280 KiB), most of a cold page image's time.
PNG_COMPRESS_LEVEL = 3
# Boxes grow by this margin (points) so that no anti-aliased edge of a glyph shows.
BOX_MARGIN_PT = 1.5

_WORD_EDGES = re.compile(r"^[^\w]+|[^\w]+$")
# Variants a PDF may hold where the stored text has the plain character (pdfium gives U+FFFE for some hyphens).
_SAME_CHARACTER = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-", "\u00ad": "-", "\ufffe": "-"})
_ELISION = re.compile(r"^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)'")


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
    PageRenderUnavailable when masked text that the page's own text holds cannot be located on the image.
    """
    page = Page.objects.only("id", "number", "origin", "raw_text").get(document=document, number=page_number)
    surfaces = redaction_surfaces(document=document)
    cached = render_cache_path(document=document, page_number=page_number, surfaces=surfaces, dpi=dpi)
    if cached.is_file():
        return cached
    path = Path(document.file.path)
    # The page's stored text says which masked texts are printed on it, and so must be found.
    expected = surfaces_in_text(surfaces=surfaces, text=page.raw_text)
    if page.origin == Page.Origin.OCR:
        image, _ = _page_render_and_search(path=path, page_number=page_number, surfaces=[], dpi=dpi)
        boxes, found = ocr_page_boxes_find(path=path, page_number=page_number, surfaces=expected)
    else:
        image, (boxes, found) = _page_render_and_search(path=path, page_number=page_number, surfaces=surfaces, dpi=dpi)
    missing = [surface for surface in expected if surface not in found]
    if missing:
        logger.warning("document %s page %s: masked text not located on the image: %d", document.pk, page_number, len(missing))
        raise PageRenderUnavailable(f"{len(missing)} masked text(s) not located")
    image_boxes_draw(image=image, boxes=boxes, scale=dpi / 72)
    cached.parent.mkdir(parents=True, exist_ok=True)
    # Written aside then renamed: a concurrent request never reads half a file.
    with tempfile.NamedTemporaryFile(dir=cached.parent, suffix=".part", delete=False) as temporary:
        image.save(temporary, format="PNG", compress_level=PNG_COMPRESS_LEVEL)
    os.replace(temporary.name, cached)
    return cached


def document_masks_unplaced(*, document: Document) -> dict[int, list[str]]:
    """Per page number, the masked texts its stored text holds that cannot be located on its image.

    The same search as ``page_image_render`` without drawing anything, for the whole document at once:
    run at ingestion, so that a clerk sees before publication which page images would be drawn from
    their text instead. Text-layer pages are searched in the PDF's text; scanned pages by reading
    their words again with OCR (only pages that hold a masked text). OCR that cannot run leaves every
    masked text of the page unplaced.
    """
    surfaces = redaction_surfaces(document=document)
    if not surfaces:
        return {}
    expected: dict[int, tuple[str, list[str]]] = {}
    for number, origin, raw_text in Page.objects.filter(document=document).values_list("number", "origin", "raw_text"):
        wanted = surfaces_in_text(surfaces=surfaces, text=raw_text)
        if wanted:
            expected[number] = (origin, wanted)
    if not expected:
        return {}
    path = Path(document.file.path)
    found: dict[int, set[str]] = {}
    text_layer = sorted(number for number, (origin, _) in expected.items() if origin != Page.Origin.OCR)
    if text_layer:
        with PDFIUM_LOCK:
            pdf = pdfium.PdfDocument(path)
            try:
                for number in text_layer:
                    page = pdf[number - 1]
                    _, found[number] = text_layer_boxes_find(page=page, surfaces=expected[number][1])
                    page.close()
            finally:
                pdf.close()
    for number, (origin, wanted) in expected.items():
        if origin == Page.Origin.OCR:
            try:
                _, found[number] = ocr_page_boxes_find(path=path, page_number=number, surfaces=wanted)
            except PageRenderUnavailable:
                found[number] = set()
    unplaced = {number: [surface for surface in wanted if surface not in found[number]]
                for number, (_, wanted) in expected.items()}
    return {number: missing for number, missing in sorted(unplaced.items()) if missing}


def _page_render_and_search(
    *, path: Path, page_number: int, surfaces: list[str], dpi: int
) -> tuple[Image.Image, tuple[list[Box], set[str]]]:
    with PDFIUM_LOCK:
        pdf = pdfium.PdfDocument(path)
        try:
            page = pdf[page_number - 1]
            bitmap = page.render(scale=dpi / 72)
            image = bitmap.to_pil().convert("RGB")
            located = text_layer_boxes_find(page=page, surfaces=surfaces)
            page.close()
        finally:
            pdf.close()
    return image, located


def text_layer_boxes_find(*, page: pdfium.PdfPage, surfaces: list[str]) -> tuple[list[Box], set[str]]:
    """Boxes of every occurrence of each surface in the page's text layer, and the surfaces found.

    pdfium's own search (whole words, any case, across line breaks) comes first; the
    words rebuilt from the characters catch what it misses (ligatures, elided articles).
    """
    if not surfaces:
        return [], set()
    textpage = page.get_textpage()
    to_display = _canvas_to_display(page)
    boxes: list[Box] = []
    found: set[str] = set()
    try:
        for surface in surfaces:
            searcher = textpage.search(surface, match_case=False, match_whole_word=True)
            while occurrence := searcher.get_next():
                index, count = occurrence
                found.add(surface)
                # One rectangle per line the occurrence covers (a name may break across lines).
                for rect_index in range(textpage.count_rects(index, count)):
                    boxes.append(to_display(*textpage.get_rect(rect_index)))
            searcher.close()
        rest = [surface for surface in surfaces if surface not in found]
        if rest:
            more, more_found = words_boxes_find(words=_text_layer_words(textpage, to_display), surfaces=rest)
            boxes += more
            found |= more_found
    finally:
        textpage.close()
    return boxes, found


@dataclass(frozen=True)
class _Word:
    text: str
    # (line, box) for each printed line the word is on: two when a hyphen breaks it.
    parts: tuple[tuple[int, Box], ...]


def _text_layer_words(textpage: pdfium.PdfTextPage, to_display) -> list[_Word]:
    """Words of the text layer from its characters, NFKC-normalised, each with its boxes and lines."""
    words: list[_Word] = []
    text, parts, line, hyphenated = "", {}, 0, False
    for index in range(textpage.count_chars()):
        char = unicodedata.normalize("NFKC", chr(pdfium.raw.FPDFText_GetUnicode(textpage, index)))
        if char == "\x02":
            # pdfium's mark for a hyphen it found in the text; at a line end the word goes on below.
            text, hyphenated = text + "-", True
            continue
        if char in ("\r", "\n"):
            line += 1 if char == "\n" or not hyphenated else 0
            if hyphenated:
                continue
        if not char.strip():
            if text and parts:
                words.append(_Word(text, tuple(parts.items())))
            text, parts, hyphenated = "", {}, False
            continue
        hyphenated = False
        text += char
        try:
            box = to_display(*textpage.get_charbox(index, loose=True))
        except pdfium.PdfiumError:
            # A character pdfium generated has no box but still belongs to the word.
            continue
        parts[line] = box if line not in parts else _union(parts[line], box)
    if text and parts:
        words.append(_Word(text, tuple(parts.items())))
    return words


def _union(first: Box, second: Box) -> Box:
    return Box(
        min(first.left, second.left), min(first.top, second.top), max(first.right, second.right), max(first.bottom, second.bottom)
    )


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
    text = unicodedata.normalize("NFKC", text).translate(_SAME_CHARACTER).casefold()
    return _WORD_EDGES.sub("", text)


def _tokens(text: str) -> list[str]:
    return [token for token in (_normalise(part) for part in text.split()) if token]


def _tokens_match(found: list[str], wanted: list[str]) -> bool:
    # French elision glues an article to the first word (« d'Administration », « l'Hermitte »).
    first, *rest = found
    return rest == wanted[1:] and (first == wanted[0] or _ELISION.sub("", first) == wanted[0])


def _occurrences(tokens: list[str], wanted: list[str]) -> list[int]:
    return [
        start
        for start in range(len(tokens) - len(wanted) + 1)
        if wanted and _tokens_match(tokens[start : start + len(wanted)], wanted)
    ]


def surfaces_in_text(*, surfaces: list[str], text: str) -> list[str]:
    """Surfaces printed in this text as whole words (any case, across line breaks)."""
    tokens = _tokens(text)
    return [surface for surface in surfaces if _occurrences(tokens, _tokens(surface))]


def words_boxes_find(*, words: list[_Word], surfaces: list[str]) -> tuple[list[Box], set[str]]:
    """Boxes of the words that spell out each surface word after word, one box per printed line."""
    tokens = [_normalise(word.text) for word in words]
    boxes: list[Box] = []
    found: set[str] = set()
    for surface in surfaces:
        wanted = _tokens(surface)
        for start in _occurrences(tokens, wanted):
            found.add(surface)
            boxes.extend(_line_boxes(words[start : start + len(wanted)]))
    return boxes, found


def _line_boxes(words: list[_Word]) -> list[Box]:
    """One box per line: a single bar hides the gaps and the length of each word."""
    lines: dict[int, Box] = {}
    for word in words:
        for line, box in word.parts:
            lines[line] = box if line not in lines else _union(lines[line], box)
    return list(lines.values())


def ocr_page_boxes_find(*, path: Path, page_number: int, surfaces: list[str]) -> tuple[list[Box], set[str]]:
    """Boxes of the OCR words that spell out each surface (tesseract reads the page again for word boxes)."""
    if not surfaces:
        return [], set()
    try:
        ocr_words = page_ocr_words(path=path, page_number=page_number)
    except OcrUnavailable as error:
        raise PageRenderUnavailable(str(error)) from error
    words = [
        _Word(word.text, ((word.line, Box(word.left, word.top, word.left + word.width, word.top + word.height)),))
        for word in ocr_words
    ]
    return words_boxes_find(words=words, surfaces=surfaces)


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


def page_masked_text(*, document: Document, text: str) -> str:
    """The page's public text with every masked surface of the document replaced once more (belt and braces)."""
    from privacy.pseudonymise import pseudonymiser_build

    redactions = Redaction.objects.filter(document=document, decision=Redaction.Decision.REDACT)
    return pseudonymiser_build({r.surface: r.placeholder or "[masqué]" for r in redactions if r.surface.strip()})(text)


TEXT_PAGE_WIDTH = 900
TEXT_PAGE_MARGIN = 30
TEXT_LINE_HEIGHT = 16


def page_text_image(*, text: str) -> bytes:
    """A PNG of the page's public text, masks included, for when the PDF page cannot be masked.

    The public text is already pseudonymised: what this draws hides exactly what the text view hides.
    """
    from PIL import ImageFont

    font = ImageFont.load_default()
    lines = []
    for line in (text or "").splitlines() or [""]:
        while len(line) > 110:
            cut = line.rfind(" ", 0, 110)
            cut = cut if cut > 0 else 110
            lines.append(line[:cut])
            line = line[cut:].lstrip()
        lines.append(line)
    notice = "Image de la page indisponible : texte de la page, passages masqués compris."
    height = TEXT_PAGE_MARGIN * 2 + TEXT_LINE_HEIGHT * (len(lines) + 2)
    image = Image.new("RGB", (TEXT_PAGE_WIDTH, height), "white")
    draw = ImageDraw.Draw(image)
    draw.text((TEXT_PAGE_MARGIN, TEXT_PAGE_MARGIN), notice, fill="#8a1c1c", font=font)
    for index, line in enumerate(lines, start=2):
        draw.text((TEXT_PAGE_MARGIN, TEXT_PAGE_MARGIN + index * TEXT_LINE_HEIGHT), line, fill="black", font=font)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=PNG_COMPRESS_LEVEL)
    return buffer.getvalue()

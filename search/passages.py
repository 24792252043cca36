"""Cutting a document into passages that keep their page span and never cross a délibération boundary."""

from __future__ import annotations

import re
from dataclasses import dataclass

from council.minutes import Position

TARGET_WORDS = 150
MAX_WORDS = 230
OVERLAP_MAX_WORDS = 40


@dataclass(frozen=True)
class Segment:
    """A stretch of the document: one délibération, or what lies between them (key None)."""

    start: Position
    end: Position  # exclusive
    key: int | None


@dataclass
class PassageDraft:
    text: str
    page_start: int
    page_end: int
    segment_key: int | None


def segments_cover(*, page_lengths: list[int], deliberation_spans: list[tuple[Position, Position]]) -> list[Segment]:
    """Segments covering the whole document: each délibération, and the gaps around them."""
    doc_end = Position(len(page_lengths), page_lengths[-1]) if page_lengths else Position(1, 0)
    segments: list[Segment] = []
    cursor = Position(1, 0)
    for key, (start, end) in sorted(enumerate(deliberation_spans), key=lambda item: item[1][0]):
        start = max(start, cursor)
        if cursor < start:
            segments.append(Segment(cursor, start, None))
        if start < end:
            segments.append(Segment(start, end, key))
        cursor = max(cursor, end)
    if cursor < doc_end:
        segments.append(Segment(cursor, doc_end, None))
    return segments


def _segment_lines(pages: list[str], segment: Segment) -> list[tuple[int, str]]:
    lines: list[tuple[int, str]] = []
    for page in range(segment.start.page, min(segment.end.page, len(pages)) + 1):
        text = pages[page - 1]
        begin = segment.start.offset if page == segment.start.page else 0
        stop = segment.end.offset if page == segment.end.page else len(text)
        for line in text[begin:stop].splitlines():
            line = line.strip()
            if line:
                lines.extend((page, piece) for piece in _line_split(line))
    return lines


def _line_split(line: str) -> list[str]:
    """Split an over-long line (OCR often gives whole paragraphs) at sentence ends, then words."""
    words = line.split()
    if len(words) <= MAX_WORDS:
        return [line]
    pieces, current = [], []
    for sentence in re.split(r"(?<=[.!?;])\s+", line):
        sentence_words = sentence.split()
        if current and len(current) + len(sentence_words) > TARGET_WORDS:
            pieces.append(" ".join(current))
            current = []
        current.extend(sentence_words)
        while len(current) > MAX_WORDS:
            pieces.append(" ".join(current[:TARGET_WORDS]))
            current = current[TARGET_WORDS:]
    if current:
        pieces.append(" ".join(current))
    return pieces


def passages_draft(*, pages: list[str], segments: list[Segment]) -> list[PassageDraft]:
    """Group the lines of each segment into passages of about TARGET_WORDS words, with a small overlap."""
    drafts: list[PassageDraft] = []
    for segment in segments:
        lines = _segment_lines(pages, segment)
        chunk: list[tuple[int, str]] = []
        words = 0
        fresh = 0  # lines in the chunk that no earlier passage carried
        for page, line in lines:
            count = len(line.split())
            if chunk and fresh and words + count > MAX_WORDS:
                drafts.append(_draft(chunk, segment.key))
                chunk, words = _overlap(chunk)
                fresh = 0
            chunk.append((page, line))
            words += count
            fresh += 1
            if words >= TARGET_WORDS:
                drafts.append(_draft(chunk, segment.key))
                chunk, words = _overlap(chunk)
                fresh = 0
        if chunk and fresh:
            drafts.append(_draft(chunk, segment.key))
    return drafts


def _overlap(chunk: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], int]:
    """The last line of a passage opens the next one when short, so a sentence cut in two stays findable."""
    page, line = chunk[-1]
    count = len(line.split())
    return ([(page, line)], count) if count <= OVERLAP_MAX_WORDS else ([], 0)


def _draft(chunk: list[tuple[int, str]], key: int | None) -> PassageDraft:
    pages = [page for page, _ in chunk]
    return PassageDraft(text="\n".join(line for _, line in chunk), page_start=min(pages), page_end=max(pages), segment_key=key)

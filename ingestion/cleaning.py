"""Page text without running headers, footers, page numbers and préfecture stamps."""

from __future__ import annotations

import re
from collections import Counter

from french.votes import TALLY_WORD, UNANIMITY

# Lines looked at for running headers and footers, at each end of a page.
_EDGE_LINES = 4
# A line (digits aside) at the same place from the same edge of more than this share
# of the pages is furniture.
_REPEATED_SHARE = 0.5
_REPEATED_MIN_PAGES = 3

# Identifier of an act sent through @CTES: department-SIREN-date-local id-nature.
_ACTES_ID = re.compile(r"\b\d{3}-\d{9}-\d{8}-[\w.-]+-(?:DE|AR|AI|CC|BF|AU)\b")
_STAMP_LINE = re.compile(
    r"^\W*(?:accus[ée] de r[ée]ception|date de (?:t[ée]l[ée]transmission|r[ée]ception|publication|affichage)"
    r"|r[ée]ception (?:en |par le )?pr[ée]fecture|envoi (?:en )?pr[ée]fecture|acte certifi[ée] ex[ée]cutoire"
    r"|identifiant\s*:|ID\s*:\s*\d{3}-|re[çc]u en pr[ée]fecture|publi[ée] le\s*:?\s*\d|affich[ée] le\s*:?\s*\d)",
    re.IGNORECASE,
)
_PAGE_NUMBER_LINE = re.compile(
    r"^\W*(?:page\s*)?\d{1,4}(?:\s*(?:/|sur|de)\s*\d{1,4})?\W*$|^\W*page\s+\d{1,4}\b.*$", re.IGNORECASE
)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b]+")
# What a running header never says: a vote (« Pour : 58 », « 12 votes pour », « Vote : »),
# the start of an act, an amount. Minutes print these at the same place on many pages
# (a vote at the foot of every page of a compte rendu), and losing one is worse than
# keeping a header.
_CONTENT_WORDS = re.compile(
    rf"\b(?:{TALLY_WORD}|{UNANIMITY}|votes?|vot[ée]s?|votants?|adopt[ée]e?s?|rejet[ée]e?s?"
    r"|objet|rapporteur|rapporte|d[ée]lib[ée]r[ée]|d[ée]cide)\b|€|%",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]{2,}")
_LOWER_WORD = re.compile(r"\b[a-zà-ÿ]{2,}\b")
_SENTENCE_END = re.compile(r"[.!?;,]\s*$")
# A line with this many lowercase words reads as prose, whatever its place on the page.
_PROSE_LOWER_WORDS = 10


def line_key(line: str) -> str:
    """A line with its numbers blanked, so « Page 3/12 » and « Page 4/12 » compare equal."""
    return _SPACES.sub(" ", re.sub(r"\d+", "#", line)).strip().lower()


def _line_tidy(line: str) -> str:
    return _SPACES.sub(" ", line).strip()


def _is_stamp(line: str) -> bool:
    if _STAMP_LINE.search(line):
        return True
    # A line made only of an ACTES id and dates (« 06/02/2013 06/02/2013 034-…-DE »).
    rest = _ACTES_ID.sub("", line)
    return rest != line and not re.search(r"[A-Za-zÀ-ÿ]{3,}", rest)


def _is_content(line: str) -> bool:
    """A line that belongs to the minutes even when it repeats at a page edge."""
    if _CONTENT_WORDS.search(line):
        return True
    words = len(_WORD.findall(line))
    if _SENTENCE_END.search(line) and words >= 5:
        return True
    return len(_LOWER_WORD.findall(line)) >= _PROSE_LOWER_WORDS


def _edge_slots(lines: list[str]) -> dict[int, tuple[str, int]]:
    """Line index → (edge, rank from that edge) for the lines a header or footer may hold.

    Page numbers and stamps are not ranked: they come and go from page to page and
    would shift the header below them.
    """
    ranked = [
        index for index, line in enumerate(lines)
        if line and not _PAGE_NUMBER_LINE.match(line) and not _is_stamp(line)
    ]
    slots: dict[int, tuple[str, int]] = {}
    for rank, index in enumerate(reversed(ranked[-_EDGE_LINES:])):
        slots[index] = ("bottom", rank)
    # A short page's line is both near the top and the bottom; the top wins.
    for rank, index in enumerate(ranked[:_EDGE_LINES]):
        slots[index] = ("top", rank)
    return slots


def _edge_indexes(lines: list[str]) -> set[int]:
    filled = [index for index, line in enumerate(lines) if line]
    return set(filled[:_EDGE_LINES] + filled[-_EDGE_LINES:])


def pages_clean(texts: list[str]) -> list[str]:
    """Each page's text with furniture removed; every other line is kept, in order."""
    pages = [[_line_tidy(line) for line in text.split("\n")] for text in texts]
    slots_by_page = [_edge_slots(lines) for lines in pages]
    slot_counts: Counter[tuple[tuple[str, int], str]] = Counter()
    for lines, slots in zip(pages, slots_by_page):
        slot_counts.update({(slot, line_key(lines[index])) for index, slot in slots.items()})
    threshold = max(_REPEATED_MIN_PAGES, int(_REPEATED_SHARE * len(pages)) + 1)
    repeated = {key for key, count in slot_counts.items() if key[1] and count >= threshold}

    cleaned = []
    for lines, slots in zip(pages, slots_by_page):
        edges = _edge_indexes(lines)
        kept = []
        for index, line in enumerate(lines):
            if _is_stamp(line):
                continue
            if index in edges and _PAGE_NUMBER_LINE.match(line):
                continue
            slot = slots.get(index)
            if slot and (slot, line_key(line)) in repeated and not _is_content(line):
                continue
            kept.append(line)
        text = "\n".join(kept)
        cleaned.append(re.sub(r"\n{3,}", "\n\n", text).strip("\n"))
    return cleaned

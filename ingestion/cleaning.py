"""Page text without running headers, footers, page numbers and préfecture stamps."""

from __future__ import annotations

import re
from collections import Counter

# Lines looked at for running headers and footers, at each end of a page.
_EDGE_LINES = 4
# A line (digits aside) repeated at the edge of this share of the pages is furniture.
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


def _edge_indexes(lines: list[str]) -> list[int]:
    filled = [index for index, line in enumerate(lines) if line]
    return sorted(set(filled[:_EDGE_LINES] + filled[-_EDGE_LINES:]))


def pages_clean(texts: list[str]) -> list[str]:
    """Each page's text with furniture removed; every other line is kept, in order."""
    pages = [[_line_tidy(line) for line in text.split("\n")] for text in texts]
    edge_counts: Counter[str] = Counter()
    for lines in pages:
        edge_counts.update({line_key(lines[index]) for index in _edge_indexes(lines)})
    threshold = max(_REPEATED_MIN_PAGES, _REPEATED_SHARE * len(pages))
    repeated = {key for key, count in edge_counts.items() if key and count >= threshold}

    cleaned = []
    for lines in pages:
        edges = set(_edge_indexes(lines))
        kept = []
        for index, line in enumerate(lines):
            if index in edges and (line_key(line) in repeated or _PAGE_NUMBER_LINE.match(line)):
                continue
            if _is_stamp(line):
                continue
            kept.append(line)
        text = "\n".join(kept)
        cleaned.append(re.sub(r"\n{3,}", "\n\n", text).strip("\n"))
    return cleaned

"""Cadastre references named in French minutes (« parcelle cadastrée section AB n° 123 », « cadastrées G 124 et G
1317 »)."""

from __future__ import annotations

import re

# After « cadastré(e)(s) » or « parcelle(s) »: a section of one or two capitals and its numbers, « IZ0148 » glued, a
# list going on with or without the section again.
_ITEM = r"(?:[A-Z]{1,2}\s*)?(?:n°s?\s*)?\d{1,5}"
_REFERENCE = re.compile(
    r"\b(?:cadastr[ée]e?s?|parcelles?)\s+(?:(?:bâtie|nouvellement|sous\s+les?|au)\s+)*(?:n°s?\s*)?(?:section\s+)?"
    rf"(?P<items>[A-Z]{{1,2}}\s*(?:n°s?\s*)?\d{{1,5}}(?:\s*(?:,|et)\s*{_ITEM})*)\b"
)
_PART = re.compile(r"(?P<section>[A-Z]{1,2})?\s*(?:n°s?\s*)?(?P<number>\d+)")


def parcels_named(text: str) -> set[str]:
    """The parcels a text names, as « SECTION NUMBER » without leading zeros (« IZ 148 »)."""
    parcels = set()
    for match in _REFERENCE.finditer(text):
        section = ""
        for part in _PART.finditer(match.group("items")):
            section = part.group("section") or section
            parcels.add(f"{section} {int(part.group('number'))}")
    return parcels

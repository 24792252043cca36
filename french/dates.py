"""French month and weekday names, read (folded names and abbreviations → number) and written (« 1er février 2013 »),
and the periods a text names (« le 17 février 2014 », « en juin 2014 », « fin 2021 »)."""

from __future__ import annotations

import calendar
import datetime
import re

from french.folding import fold, fold_keep_offsets

# As written, in calendar order.
MONTH_NAMES = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)
WEEKDAY_NAMES = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
# The feasts of the French calendar, some of which are first names too (« prime de Noël », « vacances de Pâques »).
FEAST_NAMES = ("Noël", "Pâques", "Pentecôte", "Toussaint", "Ascension", "Assomption", "Épiphanie", "Chandeleur")

# Month names and their printed abbreviations, accents folded (`fold` or `fold_keep_offsets`), to their number.
MONTHS = {
    "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
    "janv": 1, "fev": 2, "fevr": 2, "avr": 4, "juil": 7, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

# A regex alternation of the full month names, with and without their accents (« février|fevrier »), no group:
# for text that is not folded. Case is the caller's choice (re.IGNORECASE).
MONTHS_PATTERN = "|".join(
    form for name in MONTH_NAMES for form in dict.fromkeys((name, fold(name)))
)


def date_words(day: datetime.date, *, weekday: bool = False) -> str:
    """The date as French minutes print it: « 1er février 2013 », with `weekday` « samedi 1er février 2013 »."""
    first = "1er" if day.day == 1 else str(day.day)
    written = f"{first} {MONTH_NAMES[day.month - 1]} {day.year}"
    return f"{WEEKDAY_NAMES[day.weekday()]} {written}" if weekday else written


# Parts of a year said in words, as (first month, last month).
YEAR_PARTS = {
    "debut": (1, 4), "fin": (9, 12), "mi": (5, 8), "milieu": (5, 8), "courant": (1, 12),
    "printemps": (3, 6), "ete": (6, 9), "automne": (9, 12), "hiver": (1, 3),
}
# A year as the minutes print one, in a regex, no group: 1950 to 2099 (an amount or a count of that size written
# without its thousands space is rarer in them than a year).
YEAR = r"(?:19[5-9]\d|20\d\d)"
_YEAR = rf"({YEAR})"
_MONTH = "(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:er)?\s+{_MONTH}\s+{_YEAR}\b")
_MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+(?:de\s+l'annee\s+)?{_YEAR}\b")
_PART_YEAR = re.compile(rf"\b({'|'.join(YEAR_PARTS)})[\s-]+(?:de\s+l'annee\s+|d'annee\s+|de\s+|d')?{_YEAR}\b")
_BARE_YEAR = re.compile(rf"\b{_YEAR}\b")


def dates_named(text: str) -> tuple[tuple[tuple[datetime.date, datetime.date], ...], frozenset[int]]:
    """Periods named to the month or closer, as (first day, last day), and the years named on their own."""
    folded = fold_keep_offsets(text)
    periods: list[tuple[datetime.date, datetime.date]] = []
    taken: list[tuple[int, int]] = []

    def free(match: re.Match) -> bool:
        return not any(start < match.end() and match.start() < end for start, end in taken)

    for match in _DAY_MONTH_YEAR.finditer(folded):
        day, month, year = int(match.group(1)), MONTHS[match.group(2)], int(match.group(3))
        if 1 <= day <= calendar.monthrange(year, month)[1]:
            periods.append((datetime.date(year, month, day),) * 2)
            taken.append(match.span())
    for match in _MONTH_YEAR.finditer(folded):
        if free(match):
            month, year = MONTHS[match.group(1)], int(match.group(2))
            periods.append(_months(year, month, month))
            taken.append(match.span())
    for match in _PART_YEAR.finditer(folded):
        if free(match):
            first, last = YEAR_PARTS[match.group(1)]
            periods.append(_months(int(match.group(2)), first, last))
            taken.append(match.span())
    years = frozenset(int(match.group(1)) for match in _BARE_YEAR.finditer(folded) if free(match))
    return tuple(periods), years


def _months(year: int, first: int, last: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(year, first, 1), datetime.date(year, last, calendar.monthrange(year, last)[1])


# A year after these words sets a horizon or a starting point (« d'ici 2025 », « jusqu'en 2026 », « depuis le
# 1er janvier 2011 », « à partir de 2015 »): it says when something is to be done or holds, not when the council sat.
_HORIZON_YEAR = re.compile(
    rf"\b(?:d'ici|jusqu'(?:en|a|au)|a\s+l'horizon|horizon|avant|depuis|a\s+partir\s+d[eu]|des)\s+(?:le\s+)?(?:(?:la\s+)?(?:fin|debut)\s+)?"
    rf"(?:(?:de\s+)?l'annee\s+)?(?:\d{{1,2}}(?:er)?\s+{_MONTH}\s+)?{_YEAR}\b"
)


def years_of_horizon(text: str) -> frozenset[int]:
    """The years a text names as a horizon or a starting point rather than as the time of what it tells."""
    return frozenset(int(match.group(match.lastindex)) for match in _HORIZON_YEAR.finditer(fold_keep_offsets(text)))

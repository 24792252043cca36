"""What a question says about where and when: « à Chéméré, en juin 2014 », « fin 2021 », « le 17 février 2014 ».

Citizens name the town and the time of a decision far more often than its exact words; the ranking uses both.
"""

from __future__ import annotations

import calendar
import datetime
import re
import unicodedata
from dataclasses import dataclass

from django.db import connection

MONTHS = {
    "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
}
# Parts of a year said in words, as (first month, last month).
YEAR_PARTS = {
    "debut": (1, 4), "fin": (9, 12), "mi": (5, 8), "milieu": (5, 8), "courant": (1, 12),
    "printemps": (3, 6), "ete": (6, 9), "automne": (9, 12), "hiver": (1, 3),
}
_YEAR = r"(19[5-9]\d|20\d\d)"
_MONTH = "(" + "|".join(MONTHS) + ")"
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:er)?\s+{_MONTH}\s+{_YEAR}\b")
_MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+(?:de\s+l'annee\s+)?{_YEAR}\b")
_PART_YEAR = re.compile(rf"\b({'|'.join(YEAR_PARTS)})[\s-]+(?:de\s+l'annee\s+|d'annee\s+|de\s+|d')?{_YEAR}\b")
_BARE_YEAR = re.compile(rf"\b{_YEAR}\b")

# Words of a collectivité's name that do not tell it apart from others.
_GENERIC_NAME_WORDS = frozenset("commune communes ville communaute de d des du la le les l et en sur".split())


@dataclass(frozen=True)
class QueryContext:
    collectivite_ids: frozenset[int] = frozenset()
    # Periods the question names to the month or closer, as (first day, last day).
    periods: tuple[tuple[datetime.date, datetime.date], ...] = ()
    # Years named without a month (« en 2013 », « le budget 2012 »).
    years: frozenset[int] = frozenset()

    @property
    def empty(self) -> bool:
        return not (self.collectivite_ids or self.periods or self.years)

    def date_range(self) -> tuple[datetime.date, datetime.date] | None:
        """The smallest range that holds every period and year named."""
        bounds = list(self.periods) + [(datetime.date(y, 1, 1), datetime.date(y, 12, 31)) for y in self.years]
        if not bounds:
            return None
        return min(start for start, _ in bounds), max(end for _, end in bounds)

    def in_period(self, date: datetime.date | None) -> bool:
        return date is not None and any(start <= date <= end for start, end in self.periods)

    def in_year(self, date: datetime.date | None) -> bool:
        return date is not None and date.year in self.years


def fold(text: str) -> str:
    """Lowercase without accents, apostrophes made straight: the form the patterns read."""
    text = unicodedata.normalize("NFKD", text.lower().replace("’", "'"))
    return "".join(c for c in text if not unicodedata.combining(c))


def dates_named(text: str) -> tuple[tuple[tuple[datetime.date, datetime.date], ...], frozenset[int]]:
    """Periods named to the month or closer, and the years named on their own."""
    folded = fold(text)
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


def collectivites_named(text: str) -> frozenset[int]:
    """Collectivités whose distinctive name words all appear in the text (a few rows, read each time)."""
    words = set(re.findall(r"[a-z0-9]+", fold(text)))
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, name FROM council_collectivite")
        rows = cursor.fetchall()
    named = set()
    for collectivite_id, name in rows:
        distinctive = {w for w in re.findall(r"[a-z0-9]+", fold(name)) if w not in _GENERIC_NAME_WORDS and len(w) > 2}
        if distinctive and distinctive <= words:
            named.add(collectivite_id)
    return frozenset(named)


def query_context(text: str) -> QueryContext:
    periods, years = dates_named(text)
    return QueryContext(collectivite_ids=collectivites_named(text), periods=periods, years=years)

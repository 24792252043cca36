"""What a question says about where and when: « à Chéméré, en juin 2014 », « fin 2021 », « le 17 février 2014 ».

Citizens name the town and the time of a decision far more often than its exact words; the ranking uses both.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

from council.models import Collectivite
from french.dates import MONTHS
from french.folding import fold_keep_offsets

# Parts of a year said in words, as (first month, last month).
YEAR_PARTS = {
    "debut": (1, 4), "fin": (9, 12), "mi": (5, 8), "milieu": (5, 8), "courant": (1, 12),
    "printemps": (3, 6), "ete": (6, 9), "automne": (9, 12), "hiver": (1, 3),
}
_YEAR = r"(19[5-9]\d|20\d\d)"
_MONTH = "(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:er)?\s+{_MONTH}\s+{_YEAR}\b")
_MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+(?:de\s+l'annee\s+)?{_YEAR}\b")
_PART_YEAR = re.compile(rf"\b({'|'.join(YEAR_PARTS)})[\s-]+(?:de\s+l'annee\s+|d'annee\s+|de\s+|d')?{_YEAR}\b")
_BARE_YEAR = re.compile(rf"\b{_YEAR}\b")

# « Commune de », « Ville de », « Communauté de communes des »…: what every collectivité's name may start with.
_GENERIC_PREFIX = re.compile(
    r"^(?:commune|ville|village|mairie|communaute\s+(?:de\s+communes|d'agglomeration|urbaine)|metropole|"
    r"agglomeration|syndicat|departement|region)\s+(?:de\s+la\s+|de\s+l'|du\s+|des\s+|de\s+|d')?",
)


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


def dates_named(text: str) -> tuple[tuple[tuple[datetime.date, datetime.date], ...], frozenset[int]]:
    """Periods named to the month or closer, and the years named on their own."""
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


def collectivite_short_names(*, name: str) -> list[str]:
    """Folded forms under which a question may name a collectivité: « Commune de Chéméré » → « chemere »."""
    folded = " ".join(fold_keep_offsets(name).split())
    short = _GENERIC_PREFIX.sub("", folded).strip()
    return [re.sub(r"[\s\-]+", " ", form) for form in {folded, short} if len(form) >= 3]


def collectivites_named(text: str) -> frozenset[int]:
    """Ids of the collectivités whose name the text contains (accents, case and hyphens aside)."""
    folded = " " + re.sub(r"[\s\-]+", " ", fold_keep_offsets(text)) + " "
    named = set()
    for pk, name in Collectivite.objects.values_list("pk", "name"):
        if any(re.search(rf"(?<!\w){re.escape(form)}(?!\w)", folded) for form in collectivite_short_names(name=name)):
            named.add(pk)
    return frozenset(named)


def query_context(text: str) -> QueryContext:
    periods, years = dates_named(text)
    return QueryContext(collectivite_ids=collectivites_named(text), periods=periods, years=years)

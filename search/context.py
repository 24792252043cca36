"""What a question says about where and when: « à Chéméré, en juin 2014 », « fin 2021 », « le 17 février 2014 ».

Citizens name the town and the time of a decision far more often than its exact words; the ranking uses both.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from council.models import Collectivite
from french.dates import dates_named
from french.folding import fold_keep_offsets

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

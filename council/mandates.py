"""Councils' terms of office: every municipal council of France is elected on the same days, every six years, and the
intercommunal councils draw their members from them, so two séances of one body belong to the same term when no
general election fell between them."""

from __future__ import annotations

import bisect
import datetime
from collections.abc import Iterable

from french.folding import fold

# First rounds of the general municipal elections (code électoral, art. L227; the 2020 term, whose second round was
# put off to 28 June, began on the same first round).
GENERAL_ELECTIONS = (
    datetime.date(1995, 6, 11),
    datetime.date(2001, 3, 11),
    datetime.date(2008, 3, 9),
    datetime.date(2014, 3, 23),
    datetime.date(2020, 3, 15),
    datetime.date(2026, 3, 15),
)


def mandate_start(day: datetime.date) -> datetime.date | None:
    """The general election that opened the term a séance of that day belongs to (None before the first known)."""
    index = bisect.bisect_right(GENERAL_ELECTIONS, day)
    return GENERAL_ELECTIONS[index - 1] if index else None


def mandate_end(day: datetime.date) -> datetime.date | None:
    """The general election that closes that term (None while the next one is not known)."""
    index = bisect.bisect_right(GENERAL_ELECTIONS, day)
    return GENERAL_ELECTIONS[index] if index < len(GENERAL_ELECTIONS) else None


def members_at(*, day: datetime.date, minutes: Iterable[tuple[datetime.date, list[str]]]) -> list[str]:
    """Who sits on a body on that day, from the officials its other minutes of the same term name (their séance
    date, the names), first seen first: those named on or before that day and again on or after it, or at the last
    séance before it (the newest minutes have none after them). A member who left the council (« GUILBAUD Alain »
    on a table of planning applications four years after his last séance) is not one that day."""
    start, end = mandate_start(day), mandate_end(day)
    if start is None:
        return []
    within = sorted((when, names) for when, names in minutes if when >= start and (end is None or when < end))
    last_before = max((when for when, _ in within if when < day), default=None)
    before: dict[str, str] = {}
    after: set[str] = set()
    for when, names in within:
        for name in names:
            key = " ".join(sorted(fold(name).split()))
            if when <= day:
                before.setdefault(key, name)
            if when >= day or when == last_before:
                after.add(key)
    return [name for key, name in before.items() if key in after]

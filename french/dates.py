"""French month and weekday names, read (folded names and abbreviations → number) and written (« 1er février 2013 »)."""

from __future__ import annotations

import datetime

from french.folding import fold

# As written, in calendar order.
MONTH_NAMES = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)
WEEKDAY_NAMES = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")

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

"""French dates in minutes, and the date of the meeting a document records."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from french.dates import MONTHS, WEEKDAY_NAMES
from french.folding import fold_keep_offsets
from french.numbers import NUMBER_WORDS, number_parse

# Only the first pages name the meeting; later pages quote other dates.
_PAGES_SEARCHED = 2
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = rf"(?:{'|'.join(WEEKDAY_NAMES)})\s+"
_NAMED_DATE = re.compile(
    rf"\b(?:{_WEEKDAY})?(?P<day>\d{{1,2}})\s*(?:er|e)?\s+(?P<month>{_MONTH_NAMES})\.?\s+(?P<year>\d{{4}})\b"
)
_NUMERIC_DATE = re.compile(r"\b(?P<day>\d{1,2})[/.\-](?P<month>\d{1,2})[/.\-](?P<year>\d{4}|\d{2})\b")
_WORD = r"[a-z]+(?:[\s-]+(?:et[\s-]+)?[a-z]+)*"
# « L'an deux mil quinze, le vingt-huit janvier » / « L'an deux mille vingt-cinq, le 6 mars »
_YEAR_IN_WORDS = re.compile(
    rf"\bl\s*'?\s*an\s+(?P<year>{_WORD}?)\s*,?\s+le\s+(?:{_WEEKDAY})?(?P<day>\d{{1,2}}|{_WORD}?)\s*(?:er)?\s+"
    rf"(?:(?:du\s+mois\s+)?(?:de\s+|d\s*')?)?(?P<month>{_MONTH_NAMES})\b"
)
_NUMBER_WORD = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_YEAR_WORDS = rf"(?:deux[\s-]+)?mil(?:le)?(?:[\s-]+(?:et[\s-]+)?(?:{_NUMBER_WORD})s?)*"
# « Le vingt trois Juillet deux mille vingt » (Preuilly-sur-Claise).
_DATE_IN_WORDS = re.compile(
    rf"\ble\s+(?P<day>{_WORD}?)\s+(?P<month>{_MONTH_NAMES})\s+(?P<year>{_YEAR_WORDS})\b"
)

# What is written just before a date says which date it is.
_MEETING_CONTEXT = re.compile(
    r"(seance|reunion|conseil municipal|conseil communautaire|conseil|assemblee|\bcm|\bcc"
    r"|\bl\s*'?\s*an\b[^.]*|s\s*'?\s*est reuni[^.]*|session[^.]*)"
    r"(\s+(publique|ordinaire|extraordinaire|pleniere))?\W*(du|le|de)?\W*$"
)
# The first lines of the first page are the document's title: « Compte-rendu du
# conseil municipal du jeudi 19 décembre 2013 » names this meeting, not an earlier one.
_TITLE_CHARS = 400
# A date only ever quoted as the date of something else (a law, a deadline) is not
# the meeting's: better no date than a wrong one.
_SCORE_MIN = -2
_OTHER_EVENT_CONTEXT = re.compile(
    r"(proces[\s-]*verba|compte[\s-]*rendu|\bpv\b|\bcr\b|approbation|approuve|precedent|derniere?"
    r"|convoqu|convocation|prefecture|affich|publi|envoi|reception|transmis|delai|depuis|jusqu|avant|apres"
    r"|deliberation|arrete|decret|loi|circulaire|courrier|lettre|mail)[^.]{0,40}$"
)


@dataclass(frozen=True)
class DateMention:
    date: datetime.date
    page: int  # 0-based index in the list of pages
    start: int
    end: int


def _year_full(year: int) -> int:
    if year < 100:
        return 2000 + year if year < 70 else 1900 + year
    return year


def _date_make(*, year: int | None, month: int | None, day: int | None) -> datetime.date | None:
    if year is None or month is None or day is None:
        return None
    try:
        date = datetime.date(_year_full(year), month, day)
    except ValueError:
        return None
    return date if 1950 <= date.year <= 2100 else None


def dates_find(*, text: str, page: int = 0) -> list[DateMention]:
    """Every French date written in text, in order."""
    folded = fold_keep_offsets(text)
    found: dict[int, DateMention] = {}
    for pattern in (_YEAR_IN_WORDS, _DATE_IN_WORDS, _NAMED_DATE, _NUMERIC_DATE):
        for match in pattern.finditer(folded):
            if any(mention.start <= match.start() < mention.end for mention in found.values()):
                continue
            month_text = match.group("month")
            month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text.rstrip("."))
            date = _date_make(
                year=number_parse(match.group("year")), month=month, day=number_parse(match.group("day"))
            )
            if date is not None:
                found[match.start()] = DateMention(date=date, page=page, start=match.start(), end=match.end())
    return [found[start] for start in sorted(found)]


def _mention_score(*, mention: DateMention, folded: str, first_page: bool = False) -> int:
    line_start = folded.rfind("\n", 0, mention.start) + 1
    before_on_line = folded[line_start:mention.start]
    # Look back across line breaks too: « Séance publique du\nlundi 4 février 2013 ».
    before = folded[max(0, mention.start - 80):mention.start].replace("\n", " ")
    matched = folded[mention.start:mention.end]
    in_title = first_page and mention.start < _TITLE_CHARS
    meeting_context = bool(_MEETING_CONTEXT.search(before[-45:]))
    score = 0 if meeting_context else -1
    if matched.startswith("l") or matched.startswith("le "):
        score += 3  # « L'an … le … » is how a meeting's record opens
    if meeting_context:
        score += 2
        if in_title:
            score += 3
    elif _OTHER_EVENT_CONTEXT.search(before[-60:]):
        score -= 4
    if meeting_context and not in_title and _OTHER_EVENT_CONTEXT.search(before[-60:]):
        score -= 6  # « le procès-verbal de la séance du 27 janvier 2025 est approuvé »
    # « Montpellier, le lundi 14 mars 2011 »: the day the document was written.
    if re.search(r"^\s*[a-z][a-z' -]+,\s*le\s*$", before_on_line):
        score -= 2
    return score


def seance_date_find(pages: list[str]) -> datetime.date | None:
    """The date of the meeting the minutes record, or None when none can be read."""
    best: tuple[int, int, int] | None = None
    best_date: datetime.date | None = None
    counts: dict[datetime.date, int] = {}
    scored: list[tuple[DateMention, int]] = []
    for index, text in enumerate(pages[:_PAGES_SEARCHED]):
        folded = fold_keep_offsets(text)
        for mention in dates_find(text=text, page=index):
            score = _mention_score(mention=mention, folded=folded, first_page=index == 0)
            scored.append((mention, score))
            if score >= 0:
                counts[mention.date] = counts.get(mention.date, 0) + 1
    for mention, score in scored:
        if score < _SCORE_MIN:
            continue
        # The meeting date is written several times (title, opening sentence, running
        # header); a date quoted once elsewhere is not.
        key = (score + min(counts.get(mention.date, 0), 3) - 1, -mention.page, -mention.start)
        if best is None or key > best:
            best = key
            best_date = mention.date
    return best_date

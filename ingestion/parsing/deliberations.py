"""Split the text of minutes into délibérations (agenda items): number, objet and span."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from ingestion.parsing.model import ParsedDeliberation, Position
from ingestion.parsing.rapporteur import rapporteur_find
from ingestion.parsing.votes import vote_parse

_BULLET = r"(?:[•▪\-–−‐]\s*)?"
# An act number as printed: « DE-2013/46 », « DE- 2015/69 », « D2025-003 », « D 2024-29 »,
# « DEL 2025-75 », « 2020-038 », « 2010/3 », « DELIBERATION N° 2021-12 ».
_CODED_HEADING = re.compile(
    rf"^{_BULLET}(?:d[ée]lib[ée]ration\s+)?(?:n°\s*)?"
    r"(?P<number>(?:DEL|DE|D)?[\s-]{0,2}(?:19|20)\d{2}\s*[/_-]\s*\d{1,4}(?![\d/])|(?:19|20)\d{2}\s*[/-]\s*\d{1,4}(?![\d/]))"
    r"\s*(?:[-–—:.]\s*)*(?:objet\s*:\s*)?(?P<title>\S.*)$",
    re.IGNORECASE,
)
# « 1. Renouvellement … », « 2 - Montpellier Territoire Numérique … », « Point n° 3 : … »,
# « Philippe SAUREL 5. Programme … » (the rapporteur printed in a column on the left).
_NUMBERED_HEADING = re.compile(
    r"^(?P<before>(?:[A-ZÉ][\w'’-]+\s+){0,3}?[A-ZÉ][A-ZÉÈÀ'’-]+\s+)?"
    r"(?:point\s*(?:n\s*°|no\.?|numéro)?\s*)?(?P<number>\d{1,3})\s*(?P<sep>[.)\-–:]|°|\s)\s*(?P<title>[A-ZÀ-Ý«\"].*)$",
    re.IGNORECASE,
)
_TITLE_END = re.compile(r"[.;!?)»]\s*$")
_TITLE_CONTINUES = re.compile(r"(?:\b(?:du|de|des|d'|d’|la|le|les|et|à|au|aux|en|pour|sur|par|avec)|[:,–-])\s*$", re.I)
_OBJET_LINE = re.compile(r"^\s*objet\s*:\s*(?P<title>\S.*)$", re.IGNORECASE)
_RAPPORTE_LINE = re.compile(r"^(?P<who>[A-ZÉ][\w'’ .-]{2,60}?)\s+rapporte\s*:?\s*$")
_TITLE_MAX_LINES = 4
_SINGLE_TITLE_MAX_LINES = 8
_PERSON = re.compile(r"^(?:[A-ZÉ][a-zéèëêïîçôöüû'’-]+(?:-[A-ZÉ][a-zéèëêïîçôöüû]+)?\s+)+[A-ZÉÈ][A-ZÉÈÀÏÔ'’-]{1,}(?:\s+[A-ZÉÈ][A-ZÉÈÀÏÔ'’-]{1,})*$")
_ATTENDANCE_HEADER = re.compile(r"^(?:absents?|pr[ée]sents?|excus[ée]s?|pouvoirs?|procurations?)\b.*:\s*$", re.I)
_EXTRACT = re.compile(r"extrait\s+du\s+registre\s+des\s+d[ée]lib[ée]rations", re.IGNORECASE)
# A heading's title must look like a title: not a table row (amounts) nor a sentence.
_AMOUNT = re.compile(r"\d[\d  .,]*\s*(?:€|euros?\b|%)")


@dataclass(frozen=True)
class _Line:
    page: int  # 1-based
    offset: int
    text: str


@dataclass
class _Heading:
    index: int  # in the list of lines
    number: str
    title: str
    kind: str  # "coded", "numbered", "objet", "single"
    sequence: int | None = None


def _lines_index(pages: list[str]) -> list[_Line]:
    lines = []
    for page_number, text in enumerate(pages, start=1):
        offset = 0
        for raw in text.split("\n"):
            lines.append(_Line(page=page_number, offset=offset, text=raw.strip()))
            offset += len(raw) + 1
    return lines


def _title_extend(*, lines: list[_Line], index: int, title: str) -> str:
    """A title runs onto the next lines while it is visibly unfinished."""
    parts = [title.strip()]
    for following in lines[index + 1:index + _TITLE_MAX_LINES]:
        current = parts[-1]
        nxt = following.text
        if not nxt or _CODED_HEADING.match(nxt) or _RAPPORTE_LINE.match(nxt):
            break
        starts_lower = nxt[:1].islower()
        if _TITLE_END.search(current) and not _TITLE_CONTINUES.search(current):
            break
        if not (starts_lower or _TITLE_CONTINUES.search(current)):
            break
        parts.append(nxt)
    return re.sub(r"\s+", " ", " ".join(parts)).strip(" -–")


def _number_tidy(number: str) -> str:
    return re.sub(r"\s+", "", number).strip("-")


def _coded_headings(lines: list[_Line]) -> list[_Heading]:
    headings = []
    for index, line in enumerate(lines):
        match = _CODED_HEADING.match(line.text)
        if not match:
            continue
        title = match.group("title")
        # « 2020-038 SUBVENTION … » yes; « D 2313-097 (040) 1 945,00 € » (a budget line) no.
        if _AMOUNT.search(title) and len(title) < 40 or not re.search(r"[A-Za-zÀ-ÿ]{3,}", title):
            continue
        if not re.match(r"[A-ZÀ-Ý«\"“]", title):
            continue  # « 2008/45 en date du 22 mars 2008 », « … à 1890,00 € »: a reference, not a heading
        headings.append(
            _Heading(index=index, number=_number_tidy(match.group("number")),
                     title=_title_extend(lines=lines, index=index, title=title), kind="coded")
        )
    return headings


def _numbered_candidates(lines: list[_Line]) -> list[_Heading]:
    candidates = []
    for index, line in enumerate(lines):
        match = _NUMBERED_HEADING.match(line.text)
        if not match:
            continue
        title = match.group("title")
        number = int(match.group("number"))
        if number == 0 or len(title) < 4 or _AMOUNT.search(title[:25]):
            continue
        if match.group("sep").isspace() and (len(line.text) > 90 or not title[:1].isupper()):
            continue  # « 1 Subventions associatives »: only short title-like lines
        candidates.append(
            _Heading(index=index, number=match.group("number"),
                     title=_title_extend(lines=lines, index=index, title=title), kind="numbered",
                     sequence=number)
        )
    return candidates


def _numbered_headings(candidates: list[_Heading]) -> list[_Heading]:
    """The run 1, 2, 3 … of numbered headings, skipping the agenda that announces them."""
    if not candidates:
        return []
    # An item listed in the agenda comes back later as the heading of its discussion:
    # keep the later occurrence.
    kept = []
    for position, candidate in enumerate(candidates):
        repeated_later = any(
            other.sequence == candidate.sequence
            and fuzz.token_set_ratio(other.title.lower(), candidate.title.lower()) >= 80
            for other in candidates[position + 1:]
        )
        if not repeated_later:
            kept.append(candidate)
    # Longest chain where each number follows the previous one.
    best_chain: list[_Heading] = []
    chains: dict[int, list[_Heading]] = {}
    for candidate in kept:
        previous = chains.get(candidate.sequence - 1, [])
        chain = previous + [candidate] if previous or candidate.sequence == 1 else [candidate]
        if len(chain) >= len(chains.get(candidate.sequence, [])):
            chains[candidate.sequence] = chain
        if len(chain) > len(best_chain):
            best_chain = chain
    return best_chain if len(best_chain) >= 2 else []


def _single_act_heading(lines: list[_Line]) -> list[_Heading]:
    """One act per document: its objet is the title above « X rapporte : » or after « Objet : »."""
    for index, line in enumerate(lines):
        objet = _OBJET_LINE.match(line.text)
        if objet:
            return [_Heading(index=index, number="", title=_title_extend(lines=lines, index=index,
                                                                           title=objet.group("title")), kind="objet")]
        if _RAPPORTE_LINE.match(line.text):
            title_lines: list[str] = []
            start = index
            for back in range(index - 1, max(-1, index - 1 - _SINGLE_TITLE_MAX_LINES), -1):
                text = lines[back].text
                # The attendance list above ends the title.
                if not text or _is_names_line(text) or _ATTENDANCE_HEADER.match(text):
                    break
                title_lines.insert(0, text)
                start = back
            if title_lines:
                return [_Heading(index=start, number="", title=" ".join(title_lines).strip(), kind="single")]
    return []


def _is_names_line(text: str) -> bool:
    """« Brahim ABBOU, Frédéric ARAGON, … »: people, not words of a title."""
    chunks = [chunk.strip(" .") for chunk in text.split(",") if chunk.strip(" .")]
    if not chunks:
        return False
    named = sum(1 for chunk in chunks if _PERSON.match(chunk))
    # Line breaks cut some names in two, so half of the chunks is enough.
    return named >= max(1, len(chunks) / 2)


def _act_number_find(text: str) -> str:
    match = re.search(r"\bn°\s*(\d{4}\s*/\s*\d{1,4})\b", text[:1500])
    return re.sub(r"\s+", "", match.group(1)) if match else ""


def deliberations_find(pages: list[str]) -> list[ParsedDeliberation]:
    """The délibérations of the minutes in order; each ends where the next one starts."""
    lines = _lines_index(pages)
    if not lines:
        return []
    # An « extrait du registre des délibérations » carries one act; numbered lines
    # in its body are tables and lists, not other acts.
    if _EXTRACT.search("\n".join(pages[:1])):
        headings = _single_act_heading(lines)
        if headings:
            return _deliberations_build(pages=pages, lines=lines, headings=headings, single_act=True)
    headings = _coded_headings(lines)
    # Agenda lists at the top repeat the coded headings too: keep the last of each number.
    if headings:
        last_by_number = {heading.number: heading for heading in headings}
        headings = [heading for heading in headings if last_by_number[heading.number] is heading]
    if len(headings) < 2:
        numbered = _numbered_headings(_numbered_candidates(lines))
        if len(numbered) > len(headings):
            headings = numbered
    single_act = False
    if not headings:
        headings = _single_act_heading(lines)
        single_act = bool(headings)
    return _deliberations_build(pages=pages, lines=lines, headings=headings, single_act=single_act)


def _deliberations_build(
    *, pages: list[str], lines: list[_Line], headings: list[_Heading], single_act: bool
) -> list[ParsedDeliberation]:
    end_of_document = Position(page=len(pages), offset=len(pages[-1]))
    deliberations = []
    for position, heading in enumerate(headings):
        line = lines[heading.index]
        start = Position(page=line.page, offset=line.offset)
        if position + 1 < len(headings):
            following = lines[headings[position + 1].index]
            end = Position(page=following.page, offset=following.offset)
        else:
            end = end_of_document
        # A one-act document is the act from its first line: the number and the
        # attendance above the objet belong to it.
        if single_act:
            start = Position(page=1, offset=0)
        text = _span_text(pages=pages, start=start, end=end)
        number = heading.number or (_act_number_find(text) if single_act else "")
        deliberations.append(
            ParsedDeliberation(
                number=number,
                objet=heading.title,
                start=start,
                end=end,
                rapporteur=rapporteur_find(text),
                vote=vote_parse(text),
            )
        )
    return deliberations


def _span_text(*, pages: list[str], start: Position, end: Position) -> str:
    parts = []
    for page in range(start.page, end.page + 1):
        text = pages[page - 1]
        begin = start.offset if page == start.page else 0
        stop = end.offset if page == end.page else len(text)
        parts.append(text[begin:stop])
    return "\n".join(parts)


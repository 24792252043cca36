"""Split the text of minutes into délibérations (agenda items): number, objet and span."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from french.civilites import CIVILITE_IN_LISTS
from french.folding import fold
from french.sentences import visa_like
from french.stopwords import STOP_WORDS
from french.votes import TALLY_WORD_SPELT
from council.minutes import ParsedDeliberation, Position
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
# « 1/ Délibération reversement … », « 1 Subventions associatives »,
# « Philippe SAUREL 5. Programme … » (the rapporteur printed in a column on the left).
_NUMBERED_HEADING = re.compile(
    # Not « Article 1 : Désignation du référent… »: an article of an act's decision, inside the act.
    r"^(?!\W*art(?:icle|\.)\s*\d)(?P<before>(?:[A-ZÉ][\w'’-]+\s+){0,3}?[A-ZÉ][A-ZÉÈÀ'’-]+\s+)?"
    r"(?:point\s*(?:n\s*°|no\.?|numéro)?\s*)?(?P<number>\d{1,3})\s*(?P<sep>[.)/\-–:]|°|\s)\s*(?P<title>[A-ZÀ-Ý«\"].*)$",
    re.IGNORECASE,
)
_TITLE_END = re.compile(r"[.;!?)»]\s*$")
_TITLE_CONTINUES = re.compile(r"(?:\b(?:du|de|des|d'|d’|la|le|les|et|à|au|aux|en|pour|sur|par|avec)|[:,–-])\s*$", re.I)
_OBJET_LINE = re.compile(r"^\s*objet\s*:\s*(?P<title>\S.*)$", re.IGNORECASE)
_RAPPORTE_LINE = re.compile(r"^(?P<who>[A-ZÉ][\w'’ .-]{2,60}?)\s+rapporte\s*:?\s*$")
# « 10 votes pour. 2 Abstentions » right under « 1/ Délibération … CCPH : »: the vote, not the title.
_VOTE_LINE = re.compile(rf"^\W*(?:\d+\s+(?:voix|votes?)\b|(?:votes?|{TALLY_WORD_SPELT})\s*:|.{{0,30}}unanimit)", re.I)
_TITLE_MAX_LINES = 4
_SINGLE_TITLE_MAX_LINES = 8
_PERSON = re.compile(r"^(?:[A-ZÉ][a-zéèëêïîçôöüû'’-]+(?:-[A-ZÉ][a-zéèëêïîçôöüû]+)?\s+)+[A-ZÉÈ][A-ZÉÈÀÏÔ'’-]{1,}(?:\s+[A-ZÉÈ][A-ZÉÈÀÏÔ'’-]{1,})*$")
_ATTENDANCE_HEADER = re.compile(r"^(?:absents?|pr[ée]sents?|excus[ée]s?|pouvoirs?|procurations?)\b.*:\s*$", re.I)
_EXTRACT = re.compile(r"extrait\s+du\s+registre\s+des\s+d[ée]lib[ée]rations", re.IGNORECASE)
# A heading's title must look like a title: not a table row (amounts) nor a sentence.
_AMOUNT = re.compile(r"\d[\d  .,]*\s*(?:€|euros?\b|%)")
# « 11 Charges à caractère général 11 138 739,00 387 260,00 »: a budget table row.
_TABLE_AMOUNT = re.compile(r"\d,\d\d(?:\s|$)")
# What the text of an act says and an agenda line does not: a vote or a decision.
_DECISION_HINT = re.compile(
    r"unanimit|\bvoix\b|\bvotes?\b|\bpour\s*:|\babst?entions?\b|\badopt[ée]|d[ée]lib[ée]r[ée]|\bd[ée]cide\b"
    r"|\bprend\s+acte\b",
    re.IGNORECASE,
)
# An act's text longer than its title by this many characters has a body of its own.
_BODY_MIN_CHARS = 150
_EMPTY_BODY_CHARS = 40
# What an act loses when it runs over the agenda line of the next item.
_SKIPPED_PENALTY = 2


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
    kind: str  # "coded", "numbered", "objet", "single", "voted"
    sequence: int | None = None
    spaced: bool = False  # numbered with a bare space after the number (« 4 Place Fournier »), not « 4 - … »
    closing: int | None = None  # the line of its vote, where the act ends (« voted »); else at the next heading


def _lines_index(pages: list[str]) -> list[_Line]:
    lines = []
    for page_number, text in enumerate(pages, start=1):
        offset = 0
        for raw in text.split("\n"):
            lines.append(_Line(page=page_number, offset=offset, text=raw.strip()))
            offset += len(raw) + 1
    return lines


class _Bodies:
    """Constant-time look at the text between two lines: its length and its decision words."""

    def __init__(self, lines: list[_Line]) -> None:
        self.chars = [0]
        self.hints = [0]
        for line in lines:
            self.chars.append(self.chars[-1] + len(line.text) + 1)
            self.hints.append(self.hints[-1] + bool(_DECISION_HINT.search(line.text)))

    def score(self, *, heading: _Heading, end: int) -> int:
        """2 for a vote or decision in the act, 1 for a body beyond the title; a title
        followed at once by the next heading (an agenda or a list) costs 2."""
        decided = self.hints[end] > self.hints[heading.index]
        body = self.chars[end] - self.chars[heading.index] - len(heading.title)
        if not decided and body < _EMPTY_BODY_CHARS:
            return -2
        return 2 * decided + (body >= _BODY_MIN_CHARS)


def _title_extend(*, lines: list[_Line], index: int, title: str) -> str:
    """A title runs onto the next lines while it is visibly unfinished."""
    parts = [title.strip()]
    for following in lines[index + 1:index + _TITLE_MAX_LINES]:
        current = parts[-1]
        nxt = following.text
        if not nxt or _CODED_HEADING.match(nxt) or _RAPPORTE_LINE.match(nxt) or _VOTE_LINE.match(nxt):
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
        if number == 0 or len(title) < 4 or _AMOUNT.search(title[:25]) or _TABLE_AMOUNT.search(title):
            continue
        if match.group("sep").isspace() and (len(line.text) > 90 or not title[:1].isupper()):
            continue  # « 1 Subventions associatives »: only short title-like lines
        candidates.append(
            _Heading(index=index, number=match.group("number"),
                     title=_title_extend(lines=lines, index=index, title=title), kind="numbered",
                     sequence=number, spaced=match.group("sep").isspace())
        )
    return candidates


def _numbered_headings(*, candidates: list[_Heading], bodies: _Bodies, end: int) -> list[_Heading]:
    """The run 1, 2, 3 … of numbered headings whose acts hold the most votes and text.

    An agenda announces the items (1, 2, 3) before their discussion repeats them, an act
    may hold lists of its own (1. Eglise, 2. Mairie …) and budget tables number their
    rows: each makes runs of its own. The run kept is not the longest one but the one
    whose acts have bodies, found by dynamic programming over the candidates; an act that
    runs past another heading bearing the next number (its agenda line) loses its score.
    """
    positions: dict[int, list[int]] = defaultdict(list)
    for position, candidate in enumerate(candidates):
        positions[candidate.sequence].append(position)
    # Best (score, length) of a run ending at each candidate, and the candidate before it.
    best: list[tuple[int, int]] = []
    previous: list[int | None] = []
    for position, candidate in enumerate(candidates):
        key, back = (0, 1), None
        same_number = positions[candidate.sequence]
        # The number before, or the one before it: a heading the text layer garbled (« 11- » printed as an
        # image, or glued to the line above) must not cut a run of a hundred acts in two.
        for gap, before in [(gap, before) for gap in (1, 2) for before in positions.get(candidate.sequence - gap, [])]:
            if before >= position:
                continue
            score = best[before][0] + bodies.score(heading=candidates[before], end=candidate.index)
            skipped = bisect_right(same_number, before) < bisect_left(same_number, position)
            # The headings of one document are printed alike: « 3 - … » goes on with « 4 - Affaire retirée », not
            # with « 4 Place Fournier/ … », a row of a table in act 3 (which took act 3's vote with it).
            unlike = candidates[before].spaced != candidate.spaced
            option = (score - _SKIPPED_PENALTY * (skipped + unlike + (gap - 1)), best[before][1] + 1)
            if option > key:
                key, back = option, before
        best.append(key)
        previous.append(back)
    finals = [
        ((score + bodies.score(heading=candidates[position], end=end), length), position)
        for position, (score, length) in enumerate(best) if length >= 2
    ]
    if not finals:
        return []
    position: int | None = max(finals)[1]
    chain = []
    while position is not None:
        chain.append(candidates[position])
        position = previous[position]
    return chain[::-1]


def _apart_and_larger(*, numbered: list[_Heading], coded: list[_Heading], end: int) -> bool:
    """The numbered acts and the coded ones are two runs one after the other, and the numbered run spans more
    of the minutes (not a list inside the last coded act, which would then be cut into pieces)."""
    first_numbered, last_numbered = numbered[0].index, numbered[-1].index
    first_coded, last_coded = coded[0].index, coded[-1].index
    if first_numbered < first_coded and last_numbered < first_coded:
        return first_coded - first_numbered >= end - first_coded
    if first_coded < first_numbered and last_coded < first_numbered:
        return end - first_numbered >= first_numbered - first_coded
    return False


def _coded_unique(*, headings: list[_Heading], bodies: _Bodies, end: int) -> list[_Heading]:
    """One heading per act number: the one with a body, not its line in an agenda or a recap."""
    ends = [heading.index for heading in headings[1:]] + [end]
    best: dict[str, tuple[tuple[int, int], _Heading]] = {}
    for heading, stop in zip(headings, ends):
        # Equal scores: the later one, as the discussion follows the agenda.
        key = (bodies.score(heading=heading, end=stop), heading.index)
        if heading.number not in best or key > best[heading.number][0]:
            best[heading.number] = (key, heading)
    kept = {id(heading) for _, heading in best.values()}
    return [heading for heading in headings if id(heading) in kept]


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


# « Vote : à l'unanimité », « Vote : 1 contre et 10 pour », « Vote favorable à l'unanimité des membres présents. »,
# « ADOPTÉ 9 voix pour, 5 abstentions. »: a short line that closes an item with its vote.
_VOTE_CLOSING = re.compile(r"^\W{0,3}(?:vot[ée]s?|adopt[ée]e?s?|approuv[ée]e?s?|rejet[ée]e?s?)\b", re.IGNORECASE)
_VOTE_CLOSING_MAX_CHARS = 120
# A title names its item in a few words, on a line of its own: « SDIS - convention de prestation de service ».
_TITLE_MAX_WORDS = 14
_TITLE_WORD = re.compile(r"[^\W\d_]{3,}")
_TITLE_LETTERS_SHARE = 0.7
# A sentence opens with these, a title does not (« Considérant que… », « Suite à… »; a visa, « Vu … », is `visa_like`).
_SENTENCE_OPENERS = frozenset({"considerant", "suite"})
_CIVILITE_FIRST = re.compile(rf"^{CIVILITE_IN_LISTS}\b|^Mr\b")
# Stamps and running heads sit in the first and last lines of a page.
_EDGE_LINES = 25
_AGENDA = "ordre du jour"
# « Compte-rendu du conseil municipal du 28 janvier 2015 », « C-R du Conseil municipal », « PROCES-VERBAL … »: the
# document's own title; « Procurations Catherine V. donne procuration à … »: its attendance.
_DOCUMENT_TITLE = re.compile(
    r"^\W*(?:s[ée]ance\s+du\b|compte[\s-]*rendu|c\s*-?\s*r\b|proc[èe]s[\s-]*verbal|pv\b)", re.IGNORECASE
)
_ATTENDANCE_WORD = re.compile(r"^(?:absents?|pr[ée]sents?|excus[ée]s?|pouvoirs?|procurations?)\b", re.IGNORECASE)
_FURNITURE_SIMILARITY = 85


def _vote_closed_headings(lines: list[_Line]) -> list[_Heading]:
    """Minutes that number nothing, where each item is a title, its text, and a line with its vote (« Vote : à
    l'unanimité »): one act per vote line, named by the first title after the previous vote (the nearest one above
    it for the first act, which the attendance and the stamps of the first page precede)."""
    closings = [
        index for index, line in enumerate(lines)
        if len(line.text) <= _VOTE_CLOSING_MAX_CHARS and _VOTE_CLOSING.match(line.text) and _starts_upper(line.text)
        and vote_parse(line.text).outcome != "unknown"
    ]
    if len(closings) < 2:
        return []
    furniture = _page_furniture(lines)
    openers = furniture | {_AGENDA}
    headings = []
    for position, closing in enumerate(closings):
        after = closings[position - 1] if position else -1
        # A title opens its block: right after the vote above, a blank line, a stamp or the agenda's heading.
        candidates = [
            index for index in range(after + 1, closing)
            if _title_like(lines[index].text, furniture)
            and (index == after + 1 or not lines[index - 1].text
                 or _fold_line(lines[index - 1].text) in openers)
        ]
        if not candidates:
            continue
        index = candidates[-1] if position == 0 else candidates[0]
        headings.append(_Heading(index=index, number="", title=_title_extend(lines=lines, index=index,
                                                                            title=lines[index].text),
                                 kind="voted", closing=closing))
    return headings


def _title_like(text: str, furniture: set[str]) -> bool:
    """A line that may name an item: a few words on a line of their own, not a sentence of its text (a civilité,
    a visa, an article or a pronoun opens those), nor the agenda's heading, nor what every page prints."""
    words = text.split()
    if not words or len(words) > _TITLE_MAX_WORDS or not text[:1].isupper() or len(_TITLE_WORD.findall(text)) < 2:
        return False
    if ":" in text or text.endswith((".", ",", ";")) or _VOTE_CLOSING.match(text) or visa_like(text):
        return False
    if _fold_line(text) == _AGENDA or _DOCUMENT_TITLE.match(text) or _ATTENDANCE_WORD.match(text):
        return False
    first = re.split(r"['’]", fold(words[0]))[0]  # « L'an deux mille… »: « l »
    if first in STOP_WORDS or first in _SENTENCE_OPENERS or _CIVILITE_FIRST.match(text):
        return False
    letters = sum(c.isalpha() for c in text)
    return letters >= _TITLE_LETTERS_SHARE * len(text.replace(" ", "")) and _fold_line(text) not in furniture


def _page_furniture(lines: list[_Line]) -> set[str]:
    """The lines printed at the top of two pages in a row, or at the foot of two (a stamp, a running head), as OCR
    reads them, a letter or two apart: not titles. (The agenda at the foot of one page and the first item at the top
    of the next are not furniture.)"""
    by_page: dict[int, list[str]] = defaultdict(list)
    for line in lines:
        if line.text:
            by_page[line.page].append(_fold_line(line.text))
    furniture = set()
    for page, texts in by_page.items():
        following = by_page.get(page + 1, [])
        for top in (True, False):
            for text in _edge(texts, top=top):
                match = process.extractOne(text, _edge(following, top=top), scorer=fuzz.ratio,
                                           score_cutoff=_FURNITURE_SIMILARITY)
                if match:
                    furniture.update((text, match[0]))
    return furniture


def _edge(texts: list[str], *, top: bool) -> list[str]:
    """The first or the last lines of a page; of a short page, its first or its second half."""
    size = min(_EDGE_LINES, len(texts) // 2)
    return texts[:size] if top else texts[len(texts) - size:]


def _starts_upper(text: str) -> bool:
    """« Vote : … », « ADOPTÉ … », not « approuvé par la Commission … », a sentence going on from the line above."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and letters[0].isupper()


def _fold_line(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text.lower()).strip()


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
    bodies = _Bodies(lines)
    headings = _coded_unique(headings=_coded_headings(lines), bodies=bodies, end=len(lines))
    numbered = _numbered_headings(candidates=_numbered_candidates(lines), bodies=bodies, end=len(lines))
    if len(headings) < 2:
        if len(numbered) > len(headings):
            headings = numbered
    elif len(numbered) >= 2 and _apart_and_larger(numbered=numbered, coded=headings, end=len(lines)):
        # « 1- Nouveaux temps scolaires … 26- Marché … » then the mayor's decisions « 2013/0151 … »: both are acts.
        headings = sorted(headings + numbered, key=lambda heading: heading.index)
    if len(headings) < 2:
        closed = _vote_closed_headings(lines)
        if len(closed) >= 2:
            headings = closed
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
        if heading.closing is not None and heading.closing + 1 < len(lines):
            # An act closed by its vote ends there: what follows before the next title (the agenda, the
            # « questions diverses » after the last vote) is no part of it.
            following = lines[heading.closing + 1]
            end = Position(page=following.page, offset=following.offset)
        elif position + 1 < len(headings):
            following = lines[headings[position + 1].index]
            end = Position(page=following.page, offset=following.offset)
        else:
            end = end_of_document
        # A one-act document is the act from its first line: the number and the
        # attendance above the objet belong to it.
        if single_act:
            start = Position(page=1, offset=0)
        text = span_text(pages=pages, start=start, end=end)
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


def span_text(*, pages: list[str], start: Position, end: Position) -> str:
    """The cleaned text from one position to another (exclusive), pages joined by a line break."""
    parts = []
    for page in range(start.page, end.page + 1):
        text = pages[page - 1]
        begin = start.offset if page == start.page else 0
        stop = end.offset if page == end.page else len(text)
        parts.append(text[begin:stop])
    return "\n".join(parts)


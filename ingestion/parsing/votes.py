"""Vote counts, unanimity and outcome read from the text of one délibération.

The minutes print a vote in many ways: « Vote : Pour à l'unanimité », a block of
« Pour : 52 / Contre : 7 (UMP) / Abstention : 1 (M. Viguié) » lines, a sentence
« Par 15 voix « Pour », 1 voix « Contre » et 3 voix « Abstention » », « avec 76 voix
pour, 0 contre et 2 abstentions », « 2 votes contre 1 abstention 9 votes pour »,
names instead of numbers (« Contre : M. Leblanc, M. Thuiller et M. Papin »), numbers in
words (« DEUX voix POUR - ONZE voix CONTRE »), or just « Le Conseil adopte ».

Decisive vote: one act may print several votes (an amendment then the act, or one
vote per point of a multi-point decision). The vote taken last is the one that
settles the act, so the last *statement* wins; a statement is a run of count items
close to each other plus the unanimity/outcome words next to them. When that last
statement says nothing about the outcome, the outcome words found elsewhere in the
act (« à la majorité », « Le Conseil adopte ») fill it in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from french.civilites import CIVILITE
from french.numbers import COUNT_IN_WORDS, number_parse
from french.votes import TALLY_WORD, UNANIMITY, tally_kind
from council.minutes import Outcome, VoteResult

_NUMBER = rf"(?:\d{{1,3}}|{COUNT_IN_WORDS})"

# Labels as printed, including the frequent typo « Absentions ».
_KIND_WORD = rf"(?P<kind>{TALLY_WORD}|oui|non)"

_BULLET = r"[ \t\-−–•.·]*"
_NAME = re.compile(
    rf"{CIVILITE}\s*[A-ZÀ-ÖØ-Ý][\w'’\-]*\.?(?:[ \t]+[A-ZÀ-ÖØ-Ý][\w'’\-]+)?"
)

# « Pour : 58 », « - Abstentions : 3 (M. X, Mme Y) », « Vote : Pour : 15 »,
# « CONTRE : 1 (Mme DEFOSSEZ) », « Contre : M. Tanguy », « « Pour » : 12 ».
_LABEL_ITEM = re.compile(
    rf"(?:^|(?<=[/;(,]))(?:{_BULLET}vote\s*:)?{_BULLET}«?\s*{_KIND_WORD}\s*»?\s*:[ \t]*"
    rf"(?:«\s*)?(?P<number>{_NUMBER}\b)?(?:\s*»)?"
    rf"(?P<rest>(?:(?![/;,]\s*«?\s*{TALLY_WORD}\s*»?\s*:)[^\n])*)",
    re.IGNORECASE | re.MULTILINE,
)
# « 1 contre : M. Leblanc », « 3 abstentions : Mme Debuisser, M. Papin ».
_NUMBER_FIRST_LINE = re.compile(
    rf"^{_BULLET}(?P<number>{_NUMBER})\s+{_KIND_WORD}\s*:(?P<rest>[^\n]*)",
    re.IGNORECASE | re.MULTILINE,
)
# « 15 voix « Pour » », « 2 « Abstention » », « 76 voix pour », « 13 votes pour »,
# « 0 contre », « 2 abstentions », « ONZE voix CONTRE ».
_INLINE_ITEM = re.compile(
    rf"(?<![\w,.])(?P<number>{_NUMBER})\s+(?P<marker>voix\s+|votes?\s+)?(?P<quote>«\s*)?"
    rf"(?P<kind>{TALLY_WORD})\b",
    re.IGNORECASE,
)
# « Vote : pour 28 ; contre 0 ; abstention 0 », « Pour 15, Contre 2, Abstention 1 »: each label before its number,
# two at least in a row (a lone « pour 2 ans » is not a vote).
_LABEL_NUMBER = rf"{TALLY_WORD}\s+{_NUMBER}\b"
_LABEL_NUMBER_RUN = re.compile(rf"(?<![\w])(?:{_LABEL_NUMBER})(?:\s*[;,/]\s*(?:et\s+)?{_LABEL_NUMBER})+", re.IGNORECASE)
_LABEL_NUMBER_ITEM = re.compile(rf"(?P<kind>{TALLY_WORD})\s+(?P<number>{_NUMBER})\b", re.IGNORECASE)
_UNANIMITY = re.compile(UNANIMITY, re.IGNORECASE)
# The CGCT quotes « le conseil municipal peut décider, à l'unanimité, de ne pas
# procéder au scrutin secret »: a rule, not a vote.
_UNANIMITY_RULE = re.compile(r"peu(?:t|vent)\s+(?:\w+\s+){0,3}d[ée]cider\s*,?\s*à\s+l'\s*$", re.IGNORECASE)
_ADOPTED = re.compile(
    r"\b(?:adopt[ée]e?s?|approuv[ée]e?s?|le\s+conseil\s+(?:\w+\s+)?adopte|à\s+la\s+majorit[ée]"
    r"|avis\s+favorable|vote\s+favorable)\b",
    re.IGNORECASE,
)
_REJECTED = re.compile(
    r"\b(?:rejet[ée]e?s?|n'\s*(?:est|sont)\s+pas\s+adopt[ée]e?s?|n'\s*adopte(?:nt)?\s+pas"
    r"|non\s+adopt[ée]e?s?|refus[ée]e?s?\s+(?:à|par))\b",
    re.IGNORECASE,
)
_VOTERS = re.compile(rf"\bvotants\s*:?\s*(?P<number>\d{{1,3}})\b", re.IGNORECASE)
_PRESENT_AND_PROXIES = re.compile(
    r"\bprésents\s*:?\s*(?P<present>\d{1,3})\b[^\n]{0,40}\n?[^\n]{0,40}?"
    r"\b(?:procurations?|pouvoirs?)\s*:?\s*(?P<proxies>\d{1,3})\b",
    re.IGNORECASE,
)

# Items further apart than this (in characters) belong to different statements.
_STATEMENT_GAP = 160


@dataclass
class _Item:
    start: int
    end: int
    kind: str  # "for", "against", "abstention", "unanimity", "adopted", "rejected"
    number: int | None = None
    names: list[str] = field(default_factory=list)
    # The label was printed with nothing after it (« Contre : »): nobody, next to labels that carry a number.
    blank: bool = False


def _text_normalise(text: str) -> str:
    text = text.replace("\r", "").replace("’", "'").replace("\u00a0", " ").replace("\u202f", " ")
    return re.sub(r"[ \t]+", " ", text)


def _names_find(value: str) -> list[str]:
    names = [re.sub(r"\s+", " ", match.group(0)).strip() for match in _NAME.finditer(value)]
    # « M. Papin. » ends a sentence; « J. » would be an initial and keeps its dot.
    return [re.sub(r"(\w{2,})\.$", r"\1", name) for name in names]


def _label_value(text: str, match: re.Match) -> tuple[str, int]:
    """The text after a label, continued on the next lines while a list of names runs on."""
    value = match.group("rest")
    end = match.end()
    while True:
        stripped = value.rstrip()
        runs_on = stripped.endswith((",", " et")) or re.search(rf"{CIVILITE}$", stripped) is not None
        next_line = re.match(r"\n([^\n]*)", text[end:])
        if not next_line:
            break
        line = next_line.group(1)
        upper_names = re.match(r"^\s*[A-ZÀ-ÖØ-Ý\-]{2,}(?:\s+[A-ZÀ-ÖØ-Ý\-]{2,})?\s*(?:,|$)", line)
        if not (runs_on or (upper_names and stripped.endswith(tuple("ABCDEFGHIJKLMNOPQRSTUVWXYZ")))):
            break
        if _LABEL_ITEM.match(line) or _NUMBER_FIRST_LINE.match(line):
            break
        value += " " + line
        end += len(next_line.group(0))
    return value, end


def _count_items(text: str) -> list[_Item]:
    items: list[_Item] = []
    taken: list[tuple[int, int]] = []
    for pattern in (_LABEL_ITEM, _NUMBER_FIRST_LINE):
        for match in pattern.finditer(text):
            value, end = _label_value(text, match)
            value_stripped = value.strip()
            kind = tally_kind(match.group("kind"))
            number = number_parse(match.group("number")) if match.group("number") else None
            blank = False
            # A trailing « (Verts) » or « , M. X » lists who voted so; a bare « / » or
            # an empty label means nobody did.
            names = _names_find(value)
            if number is None:
                if names:
                    number = len(names)
                elif value_stripped in {"", "/", "-", "–", "néant", "0"}:
                    number = 0
                    blank = value_stripped == ""
                elif re.match(r"(?i)à l'unanimit", value_stripped):
                    items.append(_Item(match.start(), end, "unanimity"))
                    taken.append((match.start(), end))
                    continue
                else:
                    continue
            elif match.group("kind").lower() in {"oui", "non"} and not match.group(0).lstrip(_BULLET).startswith("«"):
                continue
            items.append(_Item(match.start(), end, kind, number, names, blank))
            taken.append((match.start(), end))
    for run in _LABEL_NUMBER_RUN.finditer(text):
        if any(start <= run.start() < end for start, end in taken):
            continue
        for match in _LABEL_NUMBER_ITEM.finditer(text, run.start(), run.end()):
            number = number_parse(match.group("number"))
            if number is not None:
                items.append(_Item(match.start(), match.end(), tally_kind(match.group("kind")), number))
        taken.append(run.span())
    for match in _INLINE_ITEM.finditer(text):
        if any(start <= match.start() < end for start, end in taken):
            continue
        number = number_parse(match.group("number"))
        if number is None:
            continue
        kind = tally_kind(match.group("kind"))
        names: list[str] = []
        after = re.match(r"\s*\(([^)]*)\)", text[match.end():])
        end = match.end()
        if after:
            names = _names_find(after.group(1))
            end += after.end()
        marked = bool(match.group("marker") or match.group("quote")) or kind == "abstention"
        items.append(_Item(match.start(), end, kind, number, names, ))
        if not marked:
            # A bare « 3 contre » only counts next to other vote items; see _statements.
            items[-1].names = names
            items[-1].kind = kind + "?"
    return items


def _phrase_items(text: str) -> list[_Item]:
    items = []
    for match in _UNANIMITY.finditer(text):
        if _UNANIMITY_RULE.search(text[max(0, match.start() - 60): match.start()]):
            continue
        items.append(_Item(match.start(), match.end(), "unanimity"))
    for match in _ADOPTED.finditer(text):
        items.append(_Item(match.start(), match.end(), "adopted"))
    for match in _REJECTED.finditer(text):
        items.append(_Item(match.start(), match.end(), "rejected"))
    return items


def _statements(items: list[_Item]) -> list[list[_Item]]:
    """Group items into statements: close together and no count kind repeated.

    When a count kind repeats (« moins une abstention » said aloud, then the printed
    « Pour : 64 / Contre : / Abstentions : 1 »), the items after the earlier one move to
    the new statement: they belong to the block that completes them.
    """
    statements: list[list[_Item]] = []
    for item in sorted(items, key=lambda i: i.start):
        current = statements[-1] if statements else None
        if current is None or item.start - max(i.end for i in current) > _STATEMENT_GAP:
            statements.append([item])
            continue
        kind = item.kind.rstrip("?")
        same = [index for index, i in enumerate(current) if i.number is not None and i.kind.rstrip("?") == kind]
        if item.number is not None and same:
            moved = current[same[-1] + 1:]
            del current[same[-1] + 1:]
            statements.append(moved + [item])
        else:
            current.append(item)
    kept = []
    for statement in statements:
        if all(i.blank for i in statement if i.number is not None):
            # « Pour : / Contre : / Abstention : » left empty: a form nobody filled in, not a vote of 0 to 0.
            for item in statement:
                if item.blank:
                    item.number = None
        marked = [i for i in statement if i.number is not None and not i.kind.endswith("?")]
        bare = [i for i in statement if i.kind.endswith("?")]
        for item in bare:
            item.kind = item.kind.rstrip("?")
        if not marked and len(bare) < 2:
            statement = [i for i in statement if i not in bare]
        if statement:
            kept.append(statement)
    return kept


def vote_names_find(text: str) -> list[str]:
    """Every name printed in a vote line of the text (« Contre : M. Leblanc, M. Papin »): council members."""
    text = _text_normalise(text)
    return [name for item in _count_items(text) for name in item.names]


def voters_find(text: str) -> int | None:
    """Number of members who could vote, from « Votants : 14 » or « Présents : 12 … Procurations : 3 »."""
    text = _text_normalise(text)
    match = _VOTERS.search(text)
    if match:
        return int(match.group("number"))
    match = _PRESENT_AND_PROXIES.search(text)
    if match:
        return int(match.group("present")) + int(match.group("proxies"))
    return None


def _is_counted(statement: list[_Item]) -> bool:
    return any(i.number is not None for i in statement)


def _is_vote(statement: list[_Item]) -> bool:
    return any(i.kind in {"unanimity", "rejected"} or i.number is not None for i in statement)


def vote_parse(text: str, *, voters: int | None = None) -> VoteResult:
    """Read the decisive vote of one délibération.

    `voters` is the number of members voting at the séance (présents + pouvoirs), known
    to the caller from the attendance list; it becomes `votes_for` of a unanimous vote
    that prints no count. Without it, the act's own « Votants : N » is used, else
    `votes_for` stays None.
    """
    text = _text_normalise(text)
    items = _count_items(text) + _phrase_items(text)
    statements = [s for s in _statements(items) if _is_vote(s)]
    result = VoteResult()
    if statements:
        decisive = statements[-1]
        for item in decisive:
            if item.number is None:
                continue
            if item.kind == "for":
                result.votes_for, result.names_for = item.number, item.names
            elif item.kind == "against":
                result.votes_against, result.names_against = item.number, item.names
            elif item.kind == "abstention":
                result.votes_abstention, result.names_abstention = item.number, item.names
        kinds = {i.kind for i in decisive}
        result.unanimous = "unanimity" in kinds and not result.votes_against
        result.outcome = _outcome_decide(result, kinds)
    if result.outcome == "unknown":
        result.outcome = _outcome_from_words(items)
    if result.unanimous and result.votes_for is None:
        result.votes_for = voters if voters is not None else voters_find(text)
    return result


def _outcome_decide(result: VoteResult, kinds: set[str]) -> Outcome:
    if "rejected" in kinds:
        return "rejected"
    if result.votes_for is not None and result.votes_against is not None:
        if result.votes_against > result.votes_for:
            return "rejected"
        if result.votes_for > result.votes_against:
            return "adopted"
    if "unanimity" in kinds or "adopted" in kinds:
        return "adopted"
    if result.votes_for is not None and result.votes_for > 0 and result.votes_against is None:
        return "adopted"
    return "unknown"


def _outcome_from_words(items: list[_Item]) -> Outcome:
    words = [i for i in sorted(items, key=lambda i: i.start) if i.kind in {"adopted", "rejected", "unanimity"}]
    if not words:
        return "unknown"
    return "rejected" if words[-1].kind == "rejected" else "adopted"

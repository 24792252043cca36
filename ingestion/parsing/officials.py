"""Elected officials named in council minutes: attendance lists, presidency, rapporteurs, speakers, voters, signatories.

Recall matters more than precision here (every person not listed is pseudonymised),
but names are only taken where the minutes speak of council members: a name in the
body of a délibération (« vente à M. Dupont ») is never taken.
"""

from __future__ import annotations

import re
from collections import Counter

from french.civilites import CIVILITE, CIVILITE_IN_LISTS, STAFF_FUNCTION_AFTER
from french.folding import fold
from ingestion.parsing.rapporteur import RAPPORTEUR_PATTERNS
from ingestion.parsing.speakers import interventions_find
from ingestion.parsing.votes import vote_names_find

_UPPER = "A-ZÀ-ÖØ-Ý"
_LOWER = "a-zà-öø-ÿ"
_FIRST = rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)*"
_CAPS = rf"[{_UPPER}][{_UPPER}'’]+(?:-[{_UPPER}][{_UPPER}'’]+)*"
_PARTICLE = r"(?:(?:DE LA|DE|DU|DI|LE|LA|VAN|VON|D')\s?)"
_FIRST_SURNAME = re.compile(rf"{_FIRST}(?:\s+{_FIRST})?\s+{_PARTICLE}?{_CAPS}(?:\s+{_CAPS})*")
_SURNAME_FIRST = re.compile(rf"{_PARTICLE}?{_CAPS}(?:\s+{_CAPS})*(?:\s+{_FIRST})?")
_CAPITALISED_NAME = re.compile(rf"{_FIRST}(?:[ ]+[{_UPPER}][{_LOWER}'’]+(?:-[{_UPPER}][{_LOWER}'’]+)*){{0,2}}")

_HEADER = re.compile(
    r"(?im)^[ \t+\-•]*(?:(?:étaient|etaient|sont)\s+)?(?:"
    r"présente?s?|absente?s?(?:\s+(?:non\s+)?excusée?s?)?(?:\s+ayant[^:\n]*)?|excusée?s?|pouvoirs?|procurations?"
    r"|(?:a\s+été\s+élue?\s+|a\s+été\s+désignée?\s+)?secrétaires?(?:\s+de\s+séance)?|membres\s+présents"
    r")\s*(?::|$)"
)
_PRESIDENCY = re.compile(
    rf"(?:sous la présidence de|présidée? par|convoquée?s? par|(?:loi|faite)\s*,?\s*par)\s+"
    rf"(?:{CIVILITE}\s+)?(?:l[ea]\s+(?:Maire|Président(?:e)?)\s*,?\s*)?(?P<who>[^,\n]{{3,60}})",
    re.IGNORECASE,
)
# « Pour extrait conforme, Madame le Maire \n Hélène MANDROUX »; « Le Président, \n Yves NICOLIN ».
_SIGNATURE = re.compile(
    rf"(?im)(?:^|conforme,?\s*)(?:{CIVILITE}\s+)?l[ea]\s+(?:maire|président(?:e)?)\s*,?\s*\n\s*"
    rf"(?P<who>[^\n]{{3,60}})$"
)
# « Annie BARDOUL : Marie-Josèphe BATARD : Excusée », the grid the members sign.
_SIGNATURE_GRID = re.compile(rf"(?m)^(?:\s*{_FIRST}\s+{_PARTICLE}?{_CAPS}\s*:\s*(?:Excusée?|Absente?)?\s*){{2,}}$")

_TITLES = re.compile(rf"\b{CIVILITE_IN_LISTS}(?:\s|\.|(?=[A-Z])|$)")
_ROLES = re.compile(
    r"\b(?:maire|adjoint(?:e)?s?|conseill(?:er|ère)s?(?:\s+municipa(?:l|ux|le|les))?(?:\s+délégué(?:e)?s?)?"
    r"|délégué(?:e)?s?|président(?:e)?|vice-président(?:e)?|suppléant(?:e)?s?|titulaires?|secrétaire"
    r"|pouvoir(?:\s+donné)?|procuration|excusée?s?|absente?s?|présente?s?|arrivée?|départ|en cours de séance)\b",
    re.IGNORECASE,
)
_STOP_WORDS = {
    "ordre", "jour", "cf", "page", "suivante", "néant", "aucun", "aucune", "nombre", "votants", "quorum",
    "séance", "conseil", "commune", "le", "la", "les", "date", "convocation", "affichage", "ni", "x",
}
# A line of prose ends a list: many lowercase words that are not list vocabulary.
_LIST_WORDS = {
    "et", "à", "a", "de", "du", "des", "le", "la", "les", "pouvoir", "donné", "donnée", "maire", "adjoint",
    "adjoints", "adjointe", "conseillers", "conseiller", "conseillère", "conseillères", "municipaux",
    "municipal", "municipale", "municipales", "délégués", "délégué", "déléguée", "excusé", "excusée",
    "excusés", "arrivé", "arrivée", "en", "cours", "séance", "pas", "suppléant", "procuration", "ayant",
}


# An agenda or a numbered item after the list: « Ordre du jour », « I Convention », « 1. Budget ».
_LIST_END = re.compile(r"(?i)^\s*(?:ordre du jour|(?:[IVX]+|\d+)\s*[.)/-]?\s+[A-ZÀ-Ý])")
# Another labelled list after the members: « Mairie : Myriam X, directrice générale des services ».
_OTHER_LIST = re.compile(rf"^\s*(?P<label>[{_UPPER}][{_LOWER}'’ ]{{2,40}}?)\s*:")
_MEMBERS = re.compile(r"(?i)\b(?:élue?s?|elue?s?|membres?)\b")
_ADMINISTRATION_LABEL = re.compile(r"(?i)mairie|services?|administration|personnel")
# A name (up to fifty characters) and a function of the staff right after it.
_STAFF_NAMED = re.compile(rf"^[^,–—]{{0,50}}?{STAFF_FUNCTION_AFTER}")


def _fold(name: str) -> str:
    return " ".join(fold(name).split())


def _is_prose(line: str) -> bool:
    words = re.findall(rf"[{_LOWER}{_UPPER}'’\-]+", line)
    lowercase = [w for w in words if w[0].islower() and w.lower() not in _LIST_WORDS]
    return len(lowercase) >= 4 and len(lowercase) > len(words) / 3


def _other_list(line: str) -> bool:
    """The line opens a list of people who are not members (staff, guests): its label names no members, and what
    follows names no member's role or presence unless the label is the town hall's own (« Elus : … », « Maryline :
    absente non excusée » stay in the list; « Mairie : …, adjointe à la direction des services » ends it)."""
    match = _OTHER_LIST.match(line)
    if not match or _MEMBERS.search(match.group("label")):
        return False
    # « Mairie : Aurélie BILLARD, adjointe à la direction des services »: under the town hall's own label a role word
    # is a grade of its staff.
    return not _ROLES.search(line) or _ADMINISTRATION_LABEL.fullmatch(match.group("label").strip()) is not None


def _section_body(text: str, start: int) -> str:
    lines = []
    position = start
    for index, line in enumerate(text[start:start + 3000].split("\n")):
        if index == 0 and line.rstrip().endswith(":"):
            # The header ran onto a second line (« … en application de l'article L 2121-20 du CGCT : »).
            continue
        if index > 0 and (_HEADER.match(line) or _is_prose(line) or _LIST_END.match(line) or _other_list(line)):
            break
        if index == 0 and _is_prose(line):
            break
        lines.append(line)
        position += len(line) + 1
        if len(lines) >= 20:
            break
    return "\n".join(lines)


def _names_in_chunk(chunk: str) -> list[str]:
    chunk = re.sub(r"\s+", " ", chunk).strip(" .:-–*")
    if not chunk or re.search(r"\d", chunk):
        return []
    if re.search(rf"\b{_CAPS}\b", chunk) and re.search(rf"[{_UPPER}]{{2,}}", chunk):
        pattern = _SURNAME_FIRST if re.match(rf"{_PARTICLE}?{_CAPS}\b", chunk) else _FIRST_SURNAME
        return [m.group(0) for m in pattern.finditer(chunk) if len(m.group(0)) > 2]
    words = chunk.split()
    if len(words) == 4 and all(re.fullmatch(_FIRST, w) for w in words):
        # « Yves Nicolin Mahdi Nouibat »: two names whose separator was lost.
        return [" ".join(words[:2]), " ".join(words[2:])]
    match = _CAPITALISED_NAME.fullmatch(chunk)
    return [chunk] if match else []


def names_in_list(body: str) -> list[str]:
    """Person names in an attendance-list body: « Madame Michèle BOURBIER, Monsieur Bernard ROBERT … »."""
    # A name may wrap (« Gérard \nCHAUVET »), so lines are joined; commas, dashes and titles separate names.
    body = re.sub(r"\s*\n\s*", " ", body)
    body = re.sub(r"\([^)]*\)", ",", body)
    body = _TITLES.sub(",", body)
    body = _ROLES.sub(",", body)
    names = []
    pieces = re.split(r"([,;/&•]|\s[-–]\s|\s-(?=\s|$)|\bet\b|\bà\b|:)", body)
    named_before = False  # the chunk before this one gave a name
    for index in range(0, len(pieces), 2):
        chunk = pieces[index]
        # « Philippe ROUVIER - COROUGE - Catherine VINAS »: between the dashes that separate names, a surname alone
        # after a first name and a surname is the second half of that compound surname, not another member.
        if (named_before and re.fullmatch(r"\s[-–]\s|\s-", pieces[index - 1]) and re.fullmatch(rf"\s*{_CAPS}\s*", chunk)
                and re.fullmatch(rf"{_FIRST}(?:\s{_FIRST})*\s{_CAPS}", names[-1])):
            names[-1] = f"{names[-1]}-{chunk.strip()}"
            named_before = False
            continue
        count = len(names)
        for name in _names_in_chunk(chunk):
            if _fold(name) not in _STOP_WORDS and not all(_fold(w) in _STOP_WORDS for w in name.split()):
                names.append(name)
        named_before = len(names) > count
    return names


def _staff_named(text: str, match: re.Match[str]) -> bool:
    """The person a pattern found is described, right after the name, by a function of the staff."""
    after = re.sub(r"\s+", " ", match.group("who") + text[match.end("who"):match.end("who") + 60])
    return _STAFF_NAMED.match(after) is not None


def _who_names(who: str) -> list[str]:
    who = re.sub(r"\s+", " ", who).strip(" ,.:")
    return [n for n in names_in_list(who) if n]


# « sous la présidence de Monsieur Georges LECLEVE, Maire », « présidée par Madame le Maire, Hélène MANDROUX ».
_PRESIDING_BY = re.compile(
    rf"(?:sous\s+la\s+présidence\s+de|présidée?\s+par)\s+(?:{CIVILITE}\s+)?"
    rf"(?:(?P<before>l[ea]\s+(?:maire|président(?:e)?))\s*,?\s*)?"
    rf"(?P<who>[^,\n]{{3,60}}?)\s*(?:,\s*(?P<after>maire|président(?:e)?)\b|(?=[,\n]))",
    re.IGNORECASE,
)
# « M. Jean-Paul LERAY, Maire » alone on its line of the attendance list.
_PRESIDING_LINE = re.compile(rf"(?m)^[ \t]*(?:{CIVILITE}\s*)?(?P<who>{_FIRST}\s+{_PARTICLE}?{_CAPS}),\s*(?:Maire|Président(?:e)?)[ \t.]*$")


def presiding_find(pages: list[str]) -> str:
    """The mayor (or the president of the body) of the séance, as printed without civilité, or "": who signs as
    « Le Maire, » or presides as such. A rapporteur or a speaker printed « le Maire » is that person."""
    text = "\n".join(pages).replace("\r", "").replace("’", "'").replace("\u00a0", " ")
    named = [names[0] for match in _SIGNATURE.finditer(text) if (names := _who_names(match.group("who")))]
    for match in _PRESIDING_BY.finditer(text):
        if (match.group("before") or match.group("after")) and (names := _who_names(match.group("who"))):
            named.append(names[0])
    named += [match.group("who") for match in _PRESIDING_LINE.finditer(text)]
    named = [re.sub(r"\s+", " ", _TITLES.sub(" ", name)).strip(" ,.:") for name in named]
    named = [name for name in named if len(name.split()) >= 2 and not _ROLES.search(name)]
    # The most printed one (the first seen of equals): a document that quotes an earlier mayor's letter still names
    # its own mayor more.
    counts = Counter(map(_fold, named))
    return max(named, key=lambda name: counts[_fold(name)], default="")


def officials_find(pages: list[str]) -> list[str]:
    """Names of the elected officials the document names, as printed, without titles, first seen first."""
    text = "\n".join(pages).replace("\r", "").replace("’", "'").replace("\u00a0", " ")
    found: list[str] = []
    present = False  # a list of the members present names somebody
    for header in _HEADER.finditer(text):
        names = names_in_list(_section_body(text, header.end()))
        found += names
        present = present or (bool(names) and "présent" in header.group(0).lower())
    for match in _PRESIDENCY.finditer(text):
        if not _staff_named(text, match):
            found += _who_names(match.group("who"))[:1]
    for match in _SIGNATURE.finditer(text):
        found += _who_names(match.group("who"))
    for match in _SIGNATURE_GRID.finditer(text):
        found += names_in_list(match.group(0))
    for pattern in RAPPORTEUR_PATTERNS:
        for match in pattern.finditer(text):
            if not _staff_named(text, match):
                found += _who_names(match.group("who"))
    # Who speaks is one of the members where no list names those present; where one does, a speaker it does not name
    # is the staff or a guest (« Jules NYSSEN : Mme le Maire, l'administration est habituellement silencieuse »).
    if not present:
        found += [turn.speaker for turn in interventions_find(pages)]
    found += vote_names_find(text)
    seen: set[str] = set()
    officials = []
    for name in found:
        name = _TITLES.sub(" ", name)
        name = re.sub(r"\s+", " ", name).strip(" ,.:")
        if not name or re.fullmatch(r"(?i)l[ea]\s+\w+", name) or _fold(name) in _STOP_WORDS:
            continue
        if _fold(name) not in seen:
            seen.add(_fold(name))
            officials.append(name)
    return officials

"""Who presents a délibération (its rapporteur), read from the act's own text."""

from __future__ import annotations

import re

from french.civilites import CIVILITE

_UPPER = r"[A-ZÀ-ÖØ-Ý]"
_FIRST_NAME = rf"{_UPPER}[a-zà-öø-ÿ]+(?:-{_UPPER}[a-zà-öø-ÿ]+)?"
_SURNAME = rf"(?:(?:DE|DE LA|DU|LE|LA|VAN|VON|DI) )?{_UPPER}[A-ZÀ-ÖØ-Ý'’\-]+(?:[ -]{_UPPER}[A-ZÀ-ÖØ-Ý'’\-]+)?"
_CAPITALISED = rf"{_UPPER}[a-zà-öø-ÿ'’\-]+"
# « Max LEVITA », « Jean-Louis GELY », « Audrey DE LA GRANGE », « LECLEVE Georges »,
# « Jacques Troncy », « le Maire », « Madame le maire ».
_PERSON = (
    rf"(?:{_FIRST_NAME}(?:[ ]{_FIRST_NAME})?[ ]{_SURNAME}"
    rf"|{_SURNAME}(?:[ ]{_FIRST_NAME})?"
    rf"|{_FIRST_NAME}[ ]{_CAPITALISED}(?:-{_CAPITALISED})?)"
)
_ROLE = r"(?i:l[ea] (?:maire|président(?:e)?|vice-président(?:e)?|(?:premi(?:er|ère) )?adjoint(?:e)?))"
_WHO = rf"(?:{CIVILITE}\s*)?(?P<who>{_ROLE}|{_PERSON})"

RAPPORTEUR_PATTERNS = [
    # « Rapporteur : M. Bernard CHAZELAS », « Rapporteur : Eric BEGUIN »
    re.compile(rf"\brapporteure?\s*:\s*{_WHO}", re.IGNORECASE),
    # « Max LEVITA rapporte : »
    re.compile(rf"(?m)^\s*{_WHO}\s+rapporte\b"),
    # « Monsieur Georges LECLEVE, rapporteur, expose : », « Monsieur le Maire, rapporteur, »
    re.compile(rf"{_WHO}\s*,\s*rapporteure?\b"),
    # « Sur le rapport de M. X », « présenté par Mme Y », « rapporté par … »; not « la requête présentée par M. X »,
    # whose author is the party that asks (a request, a claim, an application, a petition), not a rapporteur.
    re.compile(rf"\b(?i:sur le rapport de|(?<!requête )(?<!demande )(?<!réclamation )(?<!candidature )(?<!pétition )"
               rf"(?<!recours )présentée? par|rapportée? par)\s+{_WHO}"),
    # « Madame le maire passe la parole à M. PAPIN qui indique »
    re.compile(rf"\b(?i:passe|donne) la parole à\s+{_WHO}"),
    # « Monsieur X, adjoint (aux finances), expose »; « Jacques Troncy présente la création »
    re.compile(rf"{_WHO}\s*,\s*(?:\w+[ -]){{0,1}}(?:adjoint|conseill|vice-pr|délégu)[^,\n]{{0,60}},\s*(?:expose|présente|rappelle|propose|indique)"),
    re.compile(rf"(?m)^\s*{CIVILITE}?\s*(?P<who>{_PERSON})\s+(?:expose|présente)\s+(?:la|le|les|l'|l’|aux|au|que)\b"),
]

# Words that look like a person to the patterns but are not.
_NOT_PEOPLE = {"LE CONSEIL", "CONSEIL", "LE PRÉSIDENT", "LE BUREAU"}


def _who_clean(who: str) -> str:
    who = re.sub(r"\s+", " ", who).strip(" ,.:")
    return who


def rapporteur_find(text: str) -> str:
    """Return the rapporteur of one délibération as printed (« Max LEVITA », « le Maire »), or ""."""
    text = text.replace("’", "'").replace("\u00a0", " ")
    best: tuple[int, str] | None = None
    for rank, pattern in enumerate(RAPPORTEUR_PATTERNS):
        match = pattern.search(text)
        if not match:
            continue
        who = _who_clean(match.group("who"))
        if who.upper() in _NOT_PEOPLE:
            continue
        # The first pattern in the list that matches wins: explicit markers beat guesses.
        best = (rank, who)
        break
    if best is None:
        return ""
    who = best[1]
    if re.fullmatch(_ROLE, who, re.IGNORECASE):
        return re.sub(r"^(l[ea]) ", r"\1 ", who)
    return who

"""Speaker turns (« Michaël DELAFOSSE : … », « Monsieur le Maire : … ») in verbatim minutes."""

from __future__ import annotations

import re

from french.civilites import CIVILITE
from french.votes import TALLY_WORD_SPELT
from council.minutes import ParsedIntervention, Position

_UPPER = "A-ZÀ-ÖØ-Ý"
_LOWER = "a-zà-öø-ÿ"
_FIRST_NAME = rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?"
_SURNAME_WORD = rf"[{_UPPER}][{_UPPER}'’]{{2,}}(?:-[{_UPPER}][{_UPPER}'’]+)*"
_SURNAME = rf"(?:(?:DE|DE LA|DU|LE|LA|DI|VAN) )?{_SURNAME_WORD}"
_ROLE = (
    rf"(?:l[ea]|L[ea])\s+(?:(?:[Pp]remi(?:er|ère)\s+)?[Aa]djointe?|[Mm]aire|MAIRE|[Pp]résidente?|PRÉSIDENTE?"
    rf"|[Vv]ice-[Pp]résidente?|[Rr]apporteure?)"
)
# A speaker is a role with a title, a title and a surname, or a first name and a
# surname in capitals: « Pour », « Objet », « Montant proposé » never fit.
_SPEAKER = (
    rf"(?:{CIVILITE}\s*{_ROLE}"
    rf"|{CIVILITE}\s*(?:{_FIRST_NAME}\s+)?{_SURNAME}"
    rf"|{_FIRST_NAME}\s+{_SURNAME})"
)
# Capitalised nouns that open a line « Travaux STEP : » or « Liste UMP-SE : » the way
# a first name opens « Max LEVITA : ».
_NOT_FIRST_NAMES = {
    "approbation", "avenant", "budget", "commission", "compte", "enfance", "equipement", "équipement",
    "familial", "liste", "lot", "marché", "mission", "montant", "objet", "option", "projet",
    "société", "subvention", "travaux", "tranche", "vote",
}
# « Annie BARDOUL : Marie-Josèphe BATARD : Excusée » is the signature grid, not speech.
_SIGNATURE_REST = re.compile(
    rf"^[ \t]*(?:(?:excusée?s?|absente?s?)[ \t]*$|(?:excusée?s?|absente?s?)?[ \t]*{_SPEAKER}[ \t]*:)", re.IGNORECASE
)
_TURN = re.compile(rf"(?m)^[ \t]*(?P<speaker>{_SPEAKER})[ \t]*:(?!\S)")
# A vote block closes the turn of whoever called the vote: what follows is no longer speech.
_VOTE_LINE = re.compile(
    rf"(?im)^[ \t.\-−–•]*(?:{TALLY_WORD_SPELT}|vote)\s*:\s*(?:\d|/|$)"
)


def _page_starts(pages: list[str]) -> list[int]:
    starts, total = [], 0
    for page in pages:
        starts.append(total)
        total += len(page) + 1
    return starts


def _position(starts: list[int], offset: int) -> Position:
    page_index = max(i for i, start in enumerate(starts) if start <= offset)
    return Position(page=page_index + 1, offset=offset - starts[page_index])


def interventions_find(pages: list[str]) -> list[ParsedIntervention]:
    """Find the speaker turns of a document given as one text per page.

    A turn starts at « Speaker : » at the beginning of a line and ends where the next
    turn begins, or earlier at a vote block (« Pour : 64 ») that follows the speech.
    """
    # « \r » becomes a space rather than vanishing so that offsets still index the pages.
    text = "\n".join(pages).replace("\r", " ")
    starts = _page_starts(pages)
    turns = [
        match
        for match in _TURN.finditer(text)
        if match.group("speaker").split()[0].lower() not in _NOT_FIRST_NAMES
        and not _SIGNATURE_REST.match(text[match.end(): text.find("\n", match.end()) % (len(text) + 1)])
    ]
    interventions: list[ParsedIntervention] = []
    for index, match in enumerate(turns):
        end = turns[index + 1].start() if index + 1 < len(turns) else len(text)
        vote = _VOTE_LINE.search(text, match.end(), end)
        if vote:
            end = vote.start()
        speech = text[match.end():end]
        if re.fullmatch(r"\s*(?:excusée?s?|absente?s?)?\s*", speech, re.IGNORECASE) or (
            _SIGNATURE_REST.match(speech.lstrip(" \t\n"))
            and not speech.split("\n", 1)[0].strip()
        ):
            continue
        # Trailing newlines belong to no one; the end stays inside the turn's last line.
        end = match.end() + len(speech.rstrip())
        interventions.append(
            ParsedIntervention(
                speaker=re.sub(r"\s+", " ", match.group("speaker")).strip(),
                start=_position(starts, match.start("speaker")),
                end=_position(starts, end),
                text=re.sub(r"[ \t]*\n[ \t]*", "\n", speech.strip()),
            )
        )
    return interventions

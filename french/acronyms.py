"""Acronyms and the words they stand for, read by their initials: « CEE » is « contrat d'engagement éducatif », « PLU »
« plan local d'urbanisme », « CCAS » « centre communal d'action sociale ». No list: a word in capitals matches a
run of words whose initials spell it, grammar words left out (as `french.stopwords.STOP_WORDS` leaves them out).
"""

from __future__ import annotations

import re

from french.stopwords import STOP_WORDS

# Two letters spell too many runs by chance (« DE », « EL »); seven or more are words in capitals, not acronyms.
SHORTEST, LONGEST = 3, 6
_WORD = re.compile(r"[^\W\d_]+(?:[\-'’][^\W\d_]+)*")
_ACRONYM = re.compile(rf"[A-Z]{{{SHORTEST},{LONGEST}}}")


def acronyms_in(text: str) -> set[str]:
    """The words in capitals of a text that may be acronyms, lowercased: not grammar words (« PAR »), nor the
    words of a line in capitals (« DELIBERATIONS PRISES PAR LE BUREAU »), whose neighbours are in capitals too."""
    words = [match.group(0) for match in _WORD.finditer(text)]
    capitals = [len(word) > 1 and word.isupper() for word in words]
    found = set()
    for index, word in enumerate(words):
        beside = capitals[index - 1:index] + capitals[index + 1:index + 2]
        if _ACRONYM.fullmatch(word) and not any(beside):
            found.add(word.lower())
    return found - STOP_WORDS


def initials_runs(words: list[str], *, lengths: set[int] | None = None) -> dict[str, tuple[str, ...]]:
    """Each run of consecutive content words (folded, grammar words already left out) by the acronym its initials
    spell: ["contrat", "engag", "educ"] → {"cee": ("contrat", "engag", "educ"), …}; runs of numbers are not
    spelt (« 2 3 4 »)."""
    wanted = lengths or set(range(SHORTEST, LONGEST + 1))
    runs: dict[str, tuple[str, ...]] = {}
    for start in range(len(words)):
        for length in wanted:
            run = words[start:start + length]
            if len(run) == length and not any(word[0].isdigit() for word in run):
                runs.setdefault("".join(word[0] for word in run), tuple(run))
    return runs

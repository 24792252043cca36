"""First names: whether a word is one, where French is spoken or anywhere, and the gender a first name tells.

Read from the dictionary of the installed `gender-guesser` package (61,000 forms, from Jörg Michael's public
dictionary), never downloaded. Privacy reads it to tell persons from other capitalised words; the reader to leave out
a first name that a question prints and the published (pseudonymised) minutes cannot.
"""

from __future__ import annotations

import functools
import re

from french.folding import fold


@functools.cache
def _detector():
    from gender_guesser.detector import Detector

    return Detector(case_sensitive=False)


@functools.cache
def _given_names() -> frozenset[str]:
    """Every first name of the dictionary, folded and lowercased."""
    return frozenset(fold(name) for name in _detector().names)


@functools.cache
def _given_names_printed() -> frozenset[str]:
    """The same first names as the dictionary spells them, accents kept, lowercased."""
    return frozenset(name.lower() for name in _detector().names)


@functools.cache
def _given_names_francophone() -> frozenset[str]:
    """The dictionary's first names in use in France, Belgium, Switzerland or Luxembourg (a frequency given there),
    folded and lowercased: « Christian », « Myriam »; not « Haye », « Don » or « Art »."""
    columns = [_detector().COUNTRIES.index(country) for country in ("france", "belgium", "swiss", "luxembourg")]
    return frozenset(fold(name) for name, genders in _detector().names.items()
                     if any(len(values) > column and values[column].strip()
                            for values in genders.values() for column in columns))


_CIRCUMFLEX = re.compile("[âêîôû]")


def given_name_parts(word: str) -> list[str]:
    """The parts of a compound first name (« jean-marc »: « jean », « marc »)."""
    return [part for part in re.split(r"[-‐‑]", word) if part]


def given_name_known(word: str) -> bool:
    """Whether a word is a first name somewhere (« Angélique », « Jean-Pierre », « Kylian »): each part of a
    hyphenated one."""
    names = _given_names()
    folded = fold(word).lower()
    parts = given_name_parts(folded)
    if not (folded in names or (bool(parts) and all(part in names for part in parts))):
        return False
    # « Gêne occasionnée aux riverains » is no « Gene »: a circumflex marks a common word (« Pôle », « Grâce »,
    # « Âge », « Dîme ») far more often than a first name, and the dictionary spells those that carry one (« Jérôme »,
    # « Benoît »). Other accents vary in first names the dictionary spells without them (« Maëva », « Kévin »).
    printed = given_name_parts(word.lower())
    return all(not _CIRCUMFLEX.search(part) or part in _given_names_printed() for part in printed)


def given_name_francophone(word: str) -> bool:
    """Whether each part of a first name (« JEAN-MARC ») is one in use where French is spoken."""
    parts = given_name_parts(fold(word).lower())
    return bool(parts) and all(part in _given_names_francophone() for part in parts)


@functools.cache
def given_name_gender(word: str) -> str:
    """"male" or "female" for a first name the dictionary gives to one gender only, else ""."""
    guess = _detector().get_gender(word.split("-")[0].capitalize(), "france")
    return guess if guess in ("male", "female") else ""

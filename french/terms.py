"""The content words of a text as French stems: what answers are scored by and what tells two objets apart."""

from __future__ import annotations

import re

from french.folding import fold
from french.numbers import ORDINAL_DIGITS
from french.stemming import stem
from french.stopwords import STOP_WORDS

# « DM2 », « lot3 »: letters glued to the number they are given are two words (« décision modificative n° 2 »).
_TOKEN = re.compile(r"[^\W\d_]+(?=\d)|\w+", re.UNICODE)
# A number that names an item of a series (« DM2 », « avenant n° 3 », « la deuxième décision modificative ») is not
# a count (« 2 abstentions », « 3 lots »): its term is « n2 », an ordinal's too.
_RANK = re.compile(r"\b(?:(?P<letters>[^\W\d_]+)|n\s?[°o]\.?\s?|numero\s)(?P<number>\d{1,3})\b")
_RANK_WORD = re.compile(r"(\d{1,3})(?:e|eme|er|ere|re|nd|nde)")
# « DM 2 », « AP 171 »: a number after an acronym is the rank it gives.
_ACRONYM_NUMBER = re.compile(r"\b([A-Z]{2,5}) (?=\d{1,3}\b)")


def _content_words(text: str) -> list[str]:
    text = _ACRONYM_NUMBER.sub(r"\1", text)
    # A rank is rewritten as an ordinal in figures (« DM2 » → « dm 2e »), which `_term` reads as one.
    folded = _RANK.sub(lambda match: f"{match.group('letters') or ''} {match.group('number')}e", fold(text))
    return [word for word in _TOKEN.findall(folded) if word not in STOP_WORDS and (len(word) > 1 or word.isdigit())]


def _term(word: str) -> str:
    rank = ORDINAL_DIGITS.get(word) or (match.group(1) if (match := _RANK_WORD.fullmatch(word)) else None)
    return f"n{rank}" if rank else stem(word)


def number_term(term: str) -> bool:
    """The term is a number: a count (« 2 ») or a rank (« n2 »)."""
    return term.isdigit() or (term[:1] == "n" and term[1:].isdigit())


def terms_extract(text: str) -> list[str]:
    """Content words of a text as French stems, accents folded, stop words and one-letter words left out."""
    return [_term(word) for word in _content_words(text)]


def words_and_terms(text: str) -> list[tuple[str, str]]:
    """The same content words, each as written (folded) beside its stem: for readers that must tell apart words a
    short stem confuses (« loyer » and « loi » are both « loi »)."""
    return [(word, _term(word)) for word in _content_words(text)]

"""The content words of a text as French stems: what answers are scored by and what tells two objets apart."""

from __future__ import annotations

import re

from french.folding import fold
from french.numbers import ORDINAL_DIGITS
from french.stemming import stem
from french.stopwords import STOP_WORDS

# « DM2 », « lot3 »: letters glued to the number they are given are two words (« décision modificative n° 2 »).
_TOKEN = re.compile(r"[^\W\d_]+(?=\d)|\w+", re.UNICODE)


def _content_words(text: str) -> list[str]:
    return [word for word in _TOKEN.findall(fold(text)) if word not in STOP_WORDS and (len(word) > 1 or word.isdigit())]


def terms_extract(text: str) -> list[str]:
    """Content words of a text as French stems, accents folded, stop words and one-letter words left out."""
    return [ORDINAL_DIGITS.get(word) or stem(word) for word in _content_words(text)]


def words_and_terms(text: str) -> list[tuple[str, str]]:
    """The same content words, each as written (folded) beside its stem: for readers that must tell apart words a
    short stem confuses (« loyer » and « loi » are both « loi »)."""
    return [(word, ORDINAL_DIGITS.get(word) or stem(word)) for word in _content_words(text)]

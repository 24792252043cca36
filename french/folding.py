"""Accent folding, in two contracts: `fold` may change the length, `fold_keep_offsets` never does."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Lowercase, without accents, ligatures opened: « Élue œuvre » → « elue oeuvre ».

    The result may be longer or shorter than the input (« œ » → « oe », « ﬁ » → « fi », a lone
    combining accent disappears): use it to compare words, never to index the original text.
    The typographic apostrophe « ’ » is left as it is.
    """
    text = text.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def fold_keep_offsets(text: str) -> str:
    """Lowercase, without accents, character for character: an offset in the result indexes the input.

    Each character becomes the first character of its compatibility decomposition, lowercased
    (« É » → « e », « ﬁ » → « f »); « œ » stays « œ » (opening it would shift every offset after it);
    a character whose lowercase is longer than one (« İ ») is kept as it is; « ’ » becomes « ' ».
    """
    folded = []
    for char in text:
        base = unicodedata.normalize("NFKD", char)[0].lower()
        folded.append(base if len(base) == 1 else char)
    return "".join(folded).replace("’", "'")

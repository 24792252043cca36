"""Accent folding, in two contracts: `fold` (and `unaccent`, which keeps case and ligatures) may change the length,
`fold_keep_offsets` never does."""

from __future__ import annotations

import functools
import re
import unicodedata


def fold(text: str) -> str:
    """Lowercase, without accents, ligatures opened: « Élue œuvre » → « elue oeuvre ».

    The result may be longer or shorter than the input (« œ » → « oe », « ﬁ » → « fi », a lone
    combining accent disappears): use it to compare words, never to index the original text.
    The typographic apostrophe « ’ » is left as it is.
    """
    return unaccent(text.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE")).lower()


def unaccent(text: str) -> str:
    """Without accents, case and ligatures kept: « Élue œuvre » → « Elue œuvre ». Like `fold`, it may change the
    length (« ﬁ » → « fi »): for comparing words, never for indexing the original text."""
    if text.isascii():
        return text
    return _NON_ASCII.sub(lambda match: _unaccented(match.group(0)), text)


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@functools.cache
def _unaccented(char: str) -> str:
    """One character's compatibility decomposition without its combining marks: what normalising a whole text
    (NFKD) then dropping its combining marks does to it, character by character (about three times faster)."""
    return "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))


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

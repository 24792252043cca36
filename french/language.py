"""Whether a question is written in English rather than French: the portal reads minutes in French, so it says so
plainly instead of declining an English question as if the minutes did not answer it."""

from __future__ import annotations

import re

from french.folding import fold
from french.stopwords import STOP_WORDS

# English grammar words that are not French words (« a », « on », « but » are left out: French has them too).
ENGLISH_FUNCTION_WORDS = frozenset(
    """
    the what which who whom whose when where why how does do did is are was were been being has have had
    of to in for from with about into than this that these those it its their there they them much many
    can could would should will shall may might any some
    """.split()
)


def looks_english(text: str) -> bool:
    """Two English grammar words at least, and more of them than French ones."""
    words = re.findall(r"[a-z]+", fold(text.lower()))
    english = sum(1 for word in words if word in ENGLISH_FUNCTION_WORDS)
    french = sum(1 for word in words if word in STOP_WORDS and word not in ENGLISH_FUNCTION_WORDS)
    return english >= 2 and english > french

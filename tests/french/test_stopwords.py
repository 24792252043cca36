"""french.stopwords: three lists, each folded or not as its use needs."""

from __future__ import annotations

import re

from french.folding import fold
from french.stopwords import FUNCTION_WORDS, QUESTION_WORDS, STOP_WORDS

# chemere_regardscitoyens/pdf/CM 22 avril 2008.pdf, page 7
VOIRIE = "A la suite d’une modification des lots et par conséquent du tracé de la voirie, une deuxième voie a été "


def test_stop_words_leave_the_content_words():
    words = [w for w in re.findall(r"\w+", fold(VOIRIE)) if w not in STOP_WORDS]
    assert words == ["suite", "modification", "lots", "consequent", "trace", "voirie", "deuxieme", "voie"]


def test_stop_words_and_question_words_are_folded():
    assert all(fold(word) == word for word in STOP_WORDS | QUESTION_WORDS)
    assert "ete" in QUESTION_WORDS and "été" not in QUESTION_WORDS


def test_function_words_keep_their_accents():
    kept = [w for w in re.findall(r"\w+", VOIRIE) if w.lower() not in FUNCTION_WORDS]
    assert kept == ["suite", "modification", "lots", "conséquent", "tracé", "voirie", "deuxième", "voie"]
    assert "été" in FUNCTION_WORDS and "ete" not in FUNCTION_WORDS

"""French numbers written in words (« deux mille quinze », « soixante et onze ») and ordinals (« troisième » → 3)."""

from __future__ import annotations

import re

from french.folding import fold

# Words that make up a number, accents folded, to their value; « premier » counts as one (« le premier mars »).
NUMBER_WORDS = {
    "zero": 0, "un": 1, "une": 1, "premier": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5,
    "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12,
    "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20, "trente": 30,
    "quarante": 40, "cinquante": 50, "soixante": 60, "cent": 100, "mil": 1000, "mille": 1000,
}

# A count from zero to seventy-nine in words, as a vote is printed (« ONZE voix CONTRE », « vingt-trois »,
# « soixante et onze »); lowercase and with its accents, to be used with re.IGNORECASE. No group.
COUNT_IN_WORDS = (
    r"(?:(?:vingt|trente|quarante|cinquante|soixante)(?:[\s-]+et)?(?:[\s-]+(?:dix-sept|dix-huit|dix-neuf|"
    r"onze|douze|treize|quatorze|quinze|seize|dix|une?|deux|trois|quatre|cinq|six|sept|huit|neuf))?"
    r"|dix-sept|dix-huit|dix-neuf|z[ée]ro|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze"
    r"|treize|quatorze|quinze|seize)"
)

_NUMBER_WORD = (
    r"(?:z[ée]ro|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingts?"
    r"|trente|quarante|cinquante|soixante|cents?|mil(?:le)?)"
)
# A number in words of any size, as a sum or a date is printed in full (« mille cinq cent », « quatre-vingt-dix »,
# « trente et un », « deux mil neuf »); lowercase and with its accents, to be used with re.IGNORECASE. No group.
NUMBER_IN_WORDS = rf"{_NUMBER_WORD}(?:(?:[\s-]+et)?[\s-]+{_NUMBER_WORD})*"

# Ordinals, accents folded, to their number as digits: « troisième décision modificative » is
# « décision modificative n°3 », « 3ème ».
ORDINAL_DIGITS = {
    word: str(number)
    for number, words in enumerate(
        [
            ("premier", "premiere", "1er", "1ere", "1re"),
            ("deuxieme", "second", "seconde", "2e", "2eme", "2nd", "2nde"),
            ("troisieme", "3e", "3eme"),
            ("quatrieme", "4e", "4eme"),
            ("cinquieme", "5e", "5eme"),
            ("sixieme", "6e", "6eme"),
            ("septieme", "7e", "7eme"),
            ("huitieme", "8e", "8eme"),
            ("neuvieme", "9e", "9eme"),
            ("dixieme", "10e", "10eme"),
        ],
        start=1,
    )
    for word in words
}


def words_number(words: str) -> int | None:
    """Folded words as a number: « deux mille quinze » → 2015, « quatre-vingt-dix » → 90, « premier » → 1.

    None when a word is not a number word.
    """
    tokens = [token for token in re.split(r"[\s-]+", words.strip()) if token and token != "et"]
    if not tokens:
        return None
    total = 0
    current = 0
    for token in tokens:
        token = token.rstrip("s") if token not in NUMBER_WORDS else token  # « quatre-vingts »
        if token not in NUMBER_WORDS:
            return None
        value = NUMBER_WORDS[token]
        if value == 1000:
            total += max(current, 1) * 1000
            current = 0
        elif value == 100:
            current = max(current, 1) * 100
        elif value == 20 and current and current % 100 in (4,):
            current = current - 4 + 80  # « quatre-vingt »
        else:
            current += value
    return total + current


def number_parse(text: str) -> int | None:
    """Digits or words, in any case and with or without accents: « 15 », « DEUX », « zéro », « soixante et onze »."""
    text = text.strip()
    return int(text) if text.isdigit() else words_number(fold(text))


def ordinal_number(word: str) -> int | None:
    """The number an ordinal stands for: « troisième » → 3, « 1ère » → 1, « seconde » → 2; None otherwise."""
    digits = ORDINAL_DIGITS.get(fold(word.strip()))
    return int(digits) if digits else None


# A number printed in digits: grouped by thousands (« 11 300,00 », « 112.500 », « 1 801,62 ») or not (« 4,80 »,
# « 2024 », « 5.3 »). Not inside a word or a longer number (« 19h00 » is 19; « A12 » is nothing).
_FIGURE = re.compile(
    r"(?<![\w,.])(?:\d{1,3}(?:[ \u00a0\u202f.]\d{3})+(?:,\d+)?|\d+(?:[,.]\d+)?)(?![\d])"
)
_NUMBER_WORD_RUN = re.compile(r"[a-z]+(?:[\s-]+(?:et[\s-]+)?[a-z]+)*")
_PERCENT_AFTER = re.compile(r"[ \u00a0\u202f]?%")


def _figure_value(printed: str, *, percent: bool = False) -> str:
    """One spelling per value: separators of thousands dropped, a decimal comma, no trailing zeros of decimals.

    A point before three digits separates thousands (« 112.500 € »), except in a rate (« 14.025 % ») or after a
    lone zero (« 0.927 »): there it is a decimal point."""
    digits = re.sub(r"[ \u00a0\u202f]", "", printed)
    if "," in digits:  # « 1.801,62 »: a decimal comma, points between thousands
        whole, decimals = digits.replace(".", "").split(",", 1)
    elif not percent and re.fullmatch(r"[1-9]\d{0,2}(?:\.\d{3})+", digits):  # « 112.500 »: points between thousands
        whole, decimals = digits.replace(".", ""), ""
    else:  # « 4.8 »: a decimal point
        whole, _, decimals = digits.partition(".")
    whole, decimals = whole.lstrip("0") or "0", decimals.rstrip("0")
    return f"{whole},{decimals}" if decimals else whole


def figures(text: str, *, words: bool = False) -> set[str]:
    """The numbers a text prints, each in one spelling (« 11 300,00 € » and « 11300 € » are both « 11300 »,
    « 4,80 » and « 4.8 » both « 4,8 »); with `words`, the numbers and ordinals it writes in words too
    (« quatre postes » → « 4 », « troisième adjoint » → « 3 »)."""
    found = {_figure_value(match.group(0), percent=bool(_PERCENT_AFTER.match(text, match.end())))
             for match in _FIGURE.finditer(text)}
    if words:
        for run in _NUMBER_WORD_RUN.finditer(fold(text).lower()):
            tokens = [t for t in re.split(r"[\s-]+", run.group(0)) if t]
            start = 0
            while start < len(tokens):
                # The longest run of number words from here (« vingt-trois voix » → 23), else an ordinal. « premier »
                # counts alone: « un premier versement » is one, « deux premiers points » two, not 2 and 3.
                end = start
                while end < len(tokens) and (tokens[end] == "et" or _number_word(tokens[end])) and not (
                        end > start and tokens[end].rstrip("s") == "premier"):
                    end += 1
                value = words_number(" ".join(tokens[start:end])) if end > start else ordinal_number(tokens[start])
                if value is not None:
                    found.add(str(value))
                start = max(end, start + 1)
    return found


# A number word or an ordinal other than those that read as 1, as `figures` cuts words (letters a to z, accents
# folded): most sentences have none, and are read by this pattern alone.
_SPELT_NUMBER = re.compile(
    r"(?<![a-z])(?:"
    + "|".join(sorted({w for w in [*NUMBER_WORDS, *ORDINAL_DIGITS] if w.isalpha() and ORDINAL_DIGITS.get(w) != "1"
                       and NUMBER_WORDS.get(w) != 1}, key=len, reverse=True))
    + r")s*(?![a-z])"
)


def numbers_given(text: str) -> set[str]:
    """The numbers a text gives, in figures or in words, ordinals too (« quatrième adjoint » and « 4ème adjoint » both
    « 4 »), as `figures` spells them; not the 1 of an article or of « premier » (« un adjoint », « une parcelle »,
    « le premier point »): those are in nearly every sentence and count nothing."""
    found = figures(text)
    if _SPELT_NUMBER.search(fold(text).lower()):
        found |= figures(text, words=True) - {"1"}
    return found


def _number_word(token: str) -> bool:
    return token in NUMBER_WORDS or token.rstrip("s") in NUMBER_WORDS  # « quatre-vingts »

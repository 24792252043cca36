"""Replace the names of private persons and their personal data by placeholders in any text."""

from __future__ import annotations

import re
from collections.abc import Callable

from privacy.detection import AFTER_ROW_DATE, LINE_DASH, PERSON_PLACEHOLDER, printed_in_another_name, printed_in_place_name

# Letters, digits and hyphens glue a word to its neighbours: "Martin" is not replaced
# inside "Saint-Martin" nor "Bras" inside "Brassens". A capital right after a lowercase letter starts another
# word that the text extraction glued on (the next column of a table: « Jean-BernardEducateur »).
# A surface starts after no letter, digit or hyphen, or right after the date a table row glued it to
# (« 27/03/2012BEILVERT Gérard »); a first name and the house number of the next column are two words too
# (« FORCIER Anne-Cécile8 rue du Béziau »), and so are a street and the town in capitals a dash joins it to
# (« 6 rue de la Blanchardais-CHEMERE »); a dash that opens the line is a list's (« -Patrick BEDOS »).
_BEFORE = rf"(?:{AFTER_ROW_DATE}|{LINE_DASH}|(?<![\w\-‐])|(?<=[a-zß-öø-ÿ])(?=\d))"
_AFTER = r"(?:(?![\w\-‐])|(?<=[a-zß-öø-ÿ])(?=[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]|\d|[\-‐][A-ZÀ-ÖØ-Þ]{2,}(?![a-zß-öø-ÿ])))"
# The placeholders of persons the detector found (« [personne 3] »), not a clerk's (« [personne masquée] »).
_DETECTED_PERSON = re.compile(re.escape(PERSON_PLACEHOLDER).replace(re.escape("{number}"), r"\d+"))


def pseudonymiser_build(replacements: dict[str, str]) -> Callable[[str], str]:
    """One compiled function per document, to apply to its pages, passages, objets and answers."""
    pattern, lookup = _pattern_build(replacements)
    if pattern is None:
        return _identity

    def pseudonymise(text: str) -> str:
        return pattern.sub(lambda match: _placeholder(match, lookup) or match.group(0), text)

    return pseudonymise


def masked_spans(*, text: str, replacements: dict[str, str]) -> list[tuple[int, int, str]]:
    """Where the pseudonymiser masks this text: (start, end, placeholder), in order.

    Used where the masked text must be shown without rewriting it (a page served as text
    when its image cannot be masked) and to measure detection against labelled offsets.
    """
    pattern, lookup = _pattern_build(replacements)
    if pattern is None:
        return []
    spans = []
    for match in pattern.finditer(text):
        placeholder = _placeholder(match, lookup)
        if placeholder:
            spans.append((match.start(), match.end(), placeholder))
    return spans


def _placeholder(match: re.Match[str], lookup: dict[str, str]) -> str | None:
    """What replaces the match; None where a detected person's name is printed as part of a place's (« 137 rue
    Marie Durand », « école élémentaire Charles Dickens ») or of another person's (« Madame Virginie PORCHER » where a
    household's « … et Virginie » was found): a name found elsewhere in the document is replaced everywhere else.
    What a clerk chose to mask is masked everywhere."""
    placeholder = lookup.get(_key(match.group(0)))
    detected = placeholder is not None and _DETECTED_PERSON.fullmatch(placeholder)
    if detected and (printed_in_another_name(match.string, match.start(), match.end())
                     or printed_in_place_name(match.string, match.start(), match.group(0))):
        return None
    return placeholder


def _pattern_build(replacements: dict[str, str]) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    lookup: dict[str, str] = {}
    alternatives: list[tuple[int, str]] = []
    for surface, placeholder in replacements.items():
        words = surface.split()
        if not words:
            continue
        key = _key(surface)
        if key in lookup:
            continue
        lookup[key] = placeholder
        body = r"\s+".join(re.escape(word) for word in words)
        if len(words) == 1:
            # A single word is matched as printed, in capitals or capitalised, never in
            # lowercase: "Fortune" the surname, not "fortune" the noun.
            variants = {surface, surface.upper(), surface[:1].upper() + surface[1:].lower()}
            pattern = "|".join(re.escape(variant) for variant in sorted(variants, key=len, reverse=True))
            alternatives.append((len(surface), f"(?:{pattern})"))
        else:
            alternatives.append((len(surface), f"(?i:{body})"))
    if not alternatives:
        return None, lookup
    alternatives.sort(key=lambda item: -item[0])
    return re.compile(_BEFORE + "(?:" + "|".join(body for _, body in alternatives) + ")" + _AFTER), lookup


def text_pseudonymise(*, text: str, replacements: dict[str, str]) -> str:
    """The text with every private name and personal datum replaced by its placeholder."""
    return pseudonymiser_build(replacements)(text)


def _key(surface: str) -> str:
    return " ".join(surface.split()).casefold()


def _identity(text: str) -> str:
    return text

"""The budget an act of the budget cycle is about, read from its objet (« Décision modificative - Exercice 2021 –
Budget annexe - Locations immobilières - DM2 », « Vote du compte financier unique – Année 2024 – Budget Principal »,
« Budget Commune : Décision modification n°2 »): its stage, the budget's name and the year it runs.

The budget primitif of a year, its décisions modificatives, its budget supplémentaire and its compte administratif
follow one budget through that year: one matter for whoever follows the money.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from french.dates import YEAR
from french.folding import fold
from french.terms import number_term, terms_extract

PRIMITIF, MODIFICATIVE, SUPPLEMENTAIRE, COMPTE = "primitif", "modificative", "supplementaire", "compte"
# Matched on the folded objet, in this order: a décision modificative names the budget primitif it amends only as
# its budget (« DM n°1 du budget primitif 2012 » is a DM).
_MODIFICATIVE = re.compile(r"\bdecisions?\s+modificati\w*|\bdecisions?\s+modification\b|\bdm\s*(?:n°\s*)?\d")
_STAGES = (
    (MODIFICATIVE, _MODIFICATIVE),
    (SUPPLEMENTAIRE, re.compile(r"\bbudgets?\s+supplementaires?\b")),
    (COMPTE, re.compile(r"\bcomptes?\s+administratifs?\b|\bcomptes?\s+de\s+gestion\b|\bcomptes?\s+financiers?\s+uniques?\b"
                        r"|\baffectations?\s+(?:du|des|de)\s+resultats?\b")),
    (PRIMITIF, re.compile(r"\bbudgets?\s+primitifs?\b|\bbp\s+\d{4}\b|\bvote\s+du\s+budget\b|^\W*budgets?\b")),
)
# The last « budget » of the objet, with the words that say which kind it is: its name follows.
_BUDGET = re.compile(r"\bbudgets?\b(?:\s+(?:primitif|supplementaire)s?)?(?:\s+annexes?)?")
_SEPARATOR = re.compile(r"\s[-–—]\s|[–—:;,(]")
_YEAR = re.compile(rf"\b{YEAR}\b")
_LEADING = re.compile(rf"^(?:[\s\-–—:;,]|{YEAR}\b)*")
_NUMBERED = re.compile(r"n°\s*(\d{3,})")
# Words that name no particular budget: the main one, a section of any, the year it runs.
_MAIN = frozenset(terms_extract(
    "principal principaux général généraux commune ville exercice année annexe budget primitif supplémentaire dm"
    " investissement fonctionnement"
))


@dataclass(frozen=True)
class BudgetAct:
    stage: str
    budget: frozenset[str]  # the terms of the budget's name; empty for the main budget
    year: int | None  # the year the objet names, if it names one


def budget_act(objet: str, *, ignore: frozenset[str] = frozenset()) -> BudgetAct | None:
    """The stage, budget and year of an act of the budget cycle, or None for any other act. `ignore`: terms that
    name no budget here (the collectivité's own name, « … de la Ville de Montpellier »)."""
    folded = fold(objet).lower()
    found = next(((name, match) for name, pattern in _STAGES if (match := pattern.search(folded))), None)
    if found is None:
        return None
    stage, match = found
    # The budget's name follows its last mention (« … – Budget annexe - Transport - DM1 ») or the stage's words
    # (« Vote du compte de gestion 2014 : Immeuble commercial »), whichever comes later, else the other.
    mentions = list(_BUDGET.finditer(folded))
    ends = sorted({match.end(), *([mentions[-1].end()] if mentions else [])}, reverse=True)
    name = next((n for n in (_name_after(folded[end:], ignore) for end in ends) if n), frozenset())
    years = [int(y) for y in _YEAR.findall(folded)]
    return BudgetAct(stage, name, years[-1] if years else None)


def _name_after(rest: str, ignore: frozenset[str]) -> frozenset[str]:
    """The terms of the budget's name at the start of `rest`, up to the next separator: its number after « n° »
    (« Budget annexe n°40003 EAU-CCLO »), its words but those that name the main budget, a section or a year."""
    segment = _SEPARATOR.split(_LEADING.sub("", rest), maxsplit=1)[0]
    numbers = frozenset(_NUMBERED.findall(segment))
    # « … Budget n°40003 EAU-CCLO - DM1 »: the décision's own number is no part of the name.
    segment = _MODIFICATIVE.sub(" ", _YEAR.sub(" ", segment))
    return numbers | frozenset(t for t in terms_extract(segment) if t not in _MAIN and t not in ignore and not number_term(t))


def budget_year(act: BudgetAct, seance_date: datetime.date | None) -> int | None:
    """The year the budget runs: the one the objet names, else the séance's (the year before for the accounts of
    a closed year, the year after for a budget primitif voted in its last two months)."""
    if act.year is not None:
        return act.year
    if seance_date is None:
        return None
    if act.stage == COMPTE:
        return seance_date.year - 1
    if act.stage == PRIMITIF and seance_date.month >= 11:
        return seance_date.year + 1
    return seance_date.year


def same_budget(one: BudgetAct, other: BudgetAct) -> bool:
    """Whether two acts are about the same budget: the main one both, or names one of which holds the other."""
    if not one.budget or not other.budget:
        return one.budget == other.budget
    return one.budget <= other.budget or other.budget <= one.budget

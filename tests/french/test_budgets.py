"""The budget an act of the budget cycle is about, from objets of the minutes of Pierrefonds and of the Lisières de
l'Oise (pierrefonds_mymairie; no question set of ../shared/eval covers them)."""

import datetime

from french.budgets import COMPTE, MODIFICATIVE, PRIMITIF, budget_act, budget_year, same_budget
from french.terms import terms_extract


def test_stage_budget_and_year_of_each_act():
    ignore = frozenset(terms_extract("Commune de Pierrefonds"))
    decision = budget_act("Budget Commune : Décision modification n°2", ignore=ignore)
    assert (decision.stage, decision.budget, decision.year) == (MODIFICATIVE, frozenset(), None)
    water = budget_act("Budget - Eau et Assainissement", ignore=ignore)
    assert water.stage == PRIMITIF and water.budget == frozenset(terms_extract("eau assainissement"))
    accounts = budget_act("Budget – Commune : - Approbation du compte de gestion 2022", ignore=ignore)
    assert (accounts.stage, accounts.budget, accounts.year) == (COMPTE, frozenset(), 2022)
    # « Affectation des résultats 2023 », voted in 2024: the accounts of 2023.
    result = budget_act("D2024-16 - Affectation des résultats 2023", ignore=ignore)
    assert result.stage == COMPTE and budget_year(result, datetime.date(2024, 4, 10)) == 2023
    assert budget_act("Attribution d’une indemnité de budget au comptable exerçant les fonctions de receveur municipal") is None


def test_the_year_a_budget_runs_when_the_objet_names_none():
    assert budget_year(budget_act("Budget Commune : Décision modification n°2"), datetime.date(2022, 12, 13)) == 2022
    assert budget_year(budget_act("Budget – Commune"), datetime.date(2016, 4, 4)) == 2016
    # The accounts of a closed year are voted the next (Lisières de l'Oise, 10 April 2025: those of 2024).
    assert budget_year(budget_act("Affectation de résultat – Budget Principal"), datetime.date(2025, 4, 10)) == 2024


def test_same_budget():
    water = budget_act("Budget - Eau et Assainissement")
    assert same_budget(water, budget_act("Budget Eau et Assainissement"))
    assert not same_budget(water, budget_act("Budget – Commune"))
    assert same_budget(budget_act("Budget – Commune"), budget_act("Budget Commune : Décision modification n°2"))

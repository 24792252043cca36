"""Questions about a vote are answered from the délibération's stored fields, cited on the page that prints it."""

from __future__ import annotations

import pytest

from council.models import Deliberation
from qa.services import EXTRACTIVE, question_answer
from tests.qa.conftest import passage_create, passages_embed

pytestmark = pytest.mark.django_db

# pierrefonds_mymairie/CM-06-avril-2021.pdf, page 7 (no question set covers Pierrefonds)
BUDGET = (
    "Mme le maire propose l’adoption du budget primitif 2021 de la commune par nature et par chapitre en\n"
    "section de fonctionnement et d’investissement, dépenses et recettes comprenant chapitre 65 le versement\n"
    "d’une subvention de fonctionnement de 10 000 € au CCAS.\n"
    "Vote :\n"
    "- Contre : 3 (M. THUILLIER, M. LEBLANC, Mme DEBUISSIER)\n"
    "- Pour : 15"
)


@pytest.fixture
def budget_vote():
    passage = passage_create(collectivite="Commune de Pierrefonds", date="2021-04-06", number="2021-12",
                             objet="Adoption du budget primitif 2021", pages=(7, 7), text=BUDGET)
    Deliberation.objects.filter(pk=passage.deliberation_id).update(
        votes_for=15, votes_against=3, names_against=["M. THUILLIER", "M. LEBLANC", "Mme DEBUISSIER"],
    )
    passages_embed([passage])
    return passage


def test_tally_answered_from_the_record_and_cited_on_its_page(budget_vote):
    answer = question_answer(question="Combien d'élus ont voté contre le budget primitif 2021 à Pierrefonds ?", mode=EXTRACTIVE)
    assert not answer.abstained, answer.reason
    assert answer.text.startswith("Adoptée par 15 voix pour et 3 contre [1].")
    assert answer.citations[0].passage_id == budget_vote.pk and answer.citations[0].pages == [7]
    assert answer.card["vote"] == "Adoptée par 15 voix pour et 3 contre"


def test_names_given_whole(budget_vote):
    answer = question_answer(question="Qui a voté contre le budget primitif 2021 de Pierrefonds ?", mode=EXTRACTIVE)
    assert "Ont voté contre : M. THUILLIER, M. LEBLANC, Mme DEBUISSIER [1]." in answer.text


def test_a_record_the_text_contradicts_is_not_read(budget_vote):
    # A stored tally that the printed vote does not show is doubtful: the text answers instead.
    Deliberation.objects.filter(pk=budget_vote.deliberation_id).update(votes_for=12)
    answer = question_answer(question="Combien d'élus ont voté contre le budget primitif 2021 à Pierrefonds ?", mode=EXTRACTIVE)
    assert "Adoptée par" not in answer.text

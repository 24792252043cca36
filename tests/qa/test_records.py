"""Questions about a vote are answered from the délibération's stored fields, cited on the page that prints it."""

from __future__ import annotations

import pytest

from council.models import Deliberation
from ingestion.extraction import pdf_pages_extract
from qa.abstention import Decision
from qa.reader import Selection, reading_build
from qa.records import stored_facts
from search.backends.base import SearchHit
from search.models import Passage
from tests.corpus import corpus_root
from qa.services import (
    EXTRACTIVE,
    Evidence,
    Reasoning,
    _hits_expand,
    answer_extract,
    question_answer,
    question_answer_stream,
)
from tests.qa.conftest import passage_create, passages_embed

pytestmark = pytest.mark.django_db

# pierrefonds_mymairie/CM-06-avril-2021.pdf, page 7 (no question set of ../shared/eval covers Pierrefonds)
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


def test_in_llm_mode_the_record_answers_and_no_model_is_asked(budget_vote, settings):
    settings.LLM_BASE_URL, settings.LLM_MODEL = "http://127.0.0.1:9/v1", "absent"  # nothing listens there
    events = list(question_answer_stream(question="Combien d'élus ont voté contre le budget primitif 2021 à Pierrefonds ?"))
    answer = events[-1]
    assert not answer.abstained, answer.reason
    assert answer.text.startswith("Adoptée par 15 voix pour et 3 contre [1].")
    assert [sentence.text for sentence in events[:-1]] == [sentence.text for sentence in answer.sentences]
    assert answer.citations[0].passage_id == budget_vote.pk


def test_names_given_whole(budget_vote):
    answer = question_answer(question="Qui a voté contre le budget primitif 2021 de Pierrefonds ?", mode=EXTRACTIVE)
    assert "Ont voté contre : M. THUILLIER, M. LEBLANC, Mme DEBUISSIER [1]." in answer.text


def test_a_record_the_text_contradicts_is_not_read(budget_vote):
    # A stored tally that the printed vote does not show is doubtful: the text answers instead.
    Deliberation.objects.filter(pk=budget_vote.deliberation_id).update(votes_for=12)
    answer = question_answer(question="Combien d'élus ont voté contre le budget primitif 2021 à Pierrefonds ?", mode=EXTRACTIVE)
    assert "Adoptée par" not in answer.text


def _budget_debated_at_length() -> Passage:
    """The budget of BUDGET as the minutes print it: the exposé and the debate, pages of tables, then the vote."""
    # pierrefonds_mymairie/CM-06-avril-2021.pdf, pages 5 to 7
    pages = pdf_pages_extract(path=corpus_root() / "pierrefonds_mymairie" / "CM-06-avril-2021.pdf")
    lines = "\n".join(page.text for page in pages).splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().endswith("Budget primitif 2021") and i > 100)
    end = next(i for i, line in enumerate(lines) if "propose l’adoption du budget primitif 2021" in line)
    # Short passages, so that the vote lies more passages away than any fixed look-ahead of a few would reach.
    chunks = ["\n".join(lines[i:i + 4]) for i in range(start + 1, end, 4)]
    first = passage_create(collectivite="Commune de Pierrefonds", date="2021-04-06", number="2021-12",
                           objet="Budget primitif 2021", pages=(5, 5), text=chunks[0])
    created = [first]
    for position, text in enumerate([*chunks[1:], BUDGET], start=1):
        page = 5 if position < 3 else 6 if position < len(chunks) else 7
        created.append(Passage.objects.create(
            document_id=first.document_id, deliberation_id=first.deliberation_id, position=position, page_start=page,
            page_end=page, heading=first.heading, text=text, published=True, collectivite_id=first.collectivite_id,
            body_id=first.body_id, seance_date=first.seance_date, document_kind=first.document_kind, outcome=first.outcome,
        ))
    Deliberation.objects.filter(pk=first.deliberation_id).update(
        votes_for=15, votes_against=3, names_against=["M. THUILLIER", "M. LEBLANC", "Mme DEBUISSIER"],
    )
    passages_embed(created)
    return created[-1]


def _hit(passage: Passage) -> SearchHit:
    """The passage as retrieval returns it."""
    return SearchHit(passage_id=passage.pk, score=1.0, document_id=passage.document_id,
                     deliberation_id=passage.deliberation_id, page_start=passage.page_start, page_end=passage.page_end,
                     heading=passage.heading, text=passage.text)


def test_the_vote_is_read_at_the_end_of_a_long_deliberation():
    vote = _budget_debated_at_length()
    exposé = Passage.objects.get(deliberation_id=vote.deliberation_id, position=0)
    # The reader found the exposé (its first passage); the vote lies a dozen passages further.
    reading = reading_build(question="Combien d'élus ont voté contre le budget primitif 2021 ?", hits=[_hit(exposé)], ranks=[0])
    facts = stored_facts(selection=Selection(reading=reading, sentences=reading.candidates[:1]))
    assert [f.text for f in facts] == ["Adoptée par 15 voix pour et 3 contre"]
    assert facts[0].hit.passage_id == vote.pk and facts[0].hit.page_start == 7


def test_a_question_about_a_vote_reads_the_vote_of_each_act_found():
    # Retrieval found the act's exposé; its vote lies a dozen passages further. Read with the exposé, it competes
    # with the vote lines of the other acts found, instead of leaving them alone.
    vote = _budget_debated_at_length()
    act = list(Passage.objects.filter(deliberation_id=vote.deliberation_id).order_by("position"))
    exposé = act[0]
    hits, ranks, followers = _hits_expand([_hit(exposé)], votes=True)
    assert [h.passage_id for h in hits] == [exposé.pk, act[1].pk, act[2].pk, vote.pk]
    assert ranks == [0, 0, 0, 0] and followers == {1, 2, 3}
    # Other questions read on only to the next two passages of the three best hits, to the next one of the others.
    found = [act[0], act[3], act[6], act[9]]
    hits, ranks, _ = _hits_expand([_hit(p) for p in found])
    assert [h.passage_id for h in hits] == [p.pk for p in act[:11]]
    assert ranks == [0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3]


def test_a_question_about_another_year_is_declined(budget_vote):
    answer = question_answer(question="Combien d'élus ont voté contre le budget primitif 2018 à Pierrefonds ?", mode=EXTRACTIVE)
    assert answer.abstained
    assert answer.reason == "les passages trouvés sont d'une autre année que celle de la question"


def test_the_date_of_the_seance_answers_when_it_was_decided(budget_vote):
    answer = question_answer(question="Quand le conseil municipal de Pierrefonds a-t-il adopté le budget primitif 2021 ?", mode=EXTRACTIVE)
    assert answer.text.startswith("Décision prise en séance du 6 avril 2021 [1].")


def test_a_date_the_decision_sets_is_not_the_seance(budget_vote):
    # « à partir de quelle date » asks for a date the act sets; « l'élu » here is a noun, not « a été élu ».
    answer = question_answer(
        question="À partir de quelle date le budget primitif 2021 de Pierrefonds s'applique-t-il, selon l'élu chargé des finances ?",
        mode=EXTRACTIVE,
    )
    assert "Décision prise en séance" not in answer.text


def test_a_vote_another_printing_of_the_act_gives(budget_vote):
    # The same act printed again without its vote (a procès-verbal that leaves « Pour : / Contre : » blank, or gives
    # only the exposé): its vote is the one the other printing prints, cited there.
    exposé = "\n".join(BUDGET.splitlines()[:3])
    again = passage_create(collectivite="Commune de Pierrefonds", date="2021-04-06", number="2021-12",
                           objet="Adoption du budget primitif 2021", pages=(12, 12), text=exposé)
    reading = reading_build(question="Combien d'élus ont voté contre le budget primitif 2021 ?", hits=[_hit(again)], ranks=[0])
    selection = Selection(reading=reading, sentences=reading.candidates[:1])
    assert stored_facts(selection=selection) == []

    Deliberation.objects.filter(pk=again.deliberation_id).update(same_as=budget_vote.deliberation_id)
    facts = stored_facts(selection=selection)
    assert [f.text for f in facts] == ["Adoptée par 15 voix pour et 3 contre"]
    assert facts[0].hit.passage_id == budget_vote.pk and facts[0].hit.page_start == 7

    # An unpublished printing gives nothing.
    budget_vote.document.__class__.objects.filter(pk=budget_vote.document_id).update(published=False)
    Passage.objects.filter(pk=budget_vote.pk).update(published=False)
    assert stored_facts(selection=selection) == []


# chemere_regardscitoyens/pdf/CM 12 octobre 2011.pdf, page 5 (no question set of ../shared/eval or bench/data reads this
# document): the council unanimously adopts a proposal not to raise its tariffs.
TARIFFS = (
    "Monsieur le Maire, rapporteur, expose :\n"
    "« Chaque année, la SAUR nous sollicite pour la révision de nos tarifs d’assainissement.\n"
    "Actuellement, la part de l’abonnement reversé à la commune est fixé à 25,09 €uros et le\n"
    "prix de la surtaxe au m3\nà 0,5799 €uros. La dernière augmentation a eu lieu le 1er janvier\n"
    "2011 suite à l’application du nouveau contrat d’affermage.\n"
    "Il vous est proposé de ne pas augmenter ces tarifs suite à la perception de recettes\n"
    "supplémentaires qui permettent ainsi de couvrir les travaux de réhabilitation des réseaux\n"
    "d’eaux usées sans recourir à l’emprunt. »\n"
    "Le Conseil municipal, après avoir entendu son rapporteur en son exposé et délibéré,\n"
    "décide à l’unanimité des membres présents, de maintenir l’application des tarifs 2011 pour\n"
    "l’année 2012, à savoir :\n- redevance abonnement : 25,09 €,\n- surtaxe au m3\n: 0,5799 €."
)


def test_an_outcome_is_given_with_what_was_proposed():
    # « Adoptée à l'unanimité » alone would read as « yes » to a question on raising the tariffs.
    passage = passage_create(collectivite="Commune de Chéméré", date="2011-10-12", number="2011/115",
                             objet="Tarifs Assainissement : Actualisation au 1er janvier 2012", pages=(5, 5), text=TARIFFS)
    Deliberation.objects.filter(pk=passage.deliberation_id).update(unanimous=True, votes_for=16)
    passages_embed([passage])
    answer = question_answer(
        question="Le conseil municipal de Chéméré a-t-il accepté d'augmenter les tarifs d'assainissement pour 2012 ?",
        mode=EXTRACTIVE,
    )
    assert answer.text.startswith("Adoptée à l'unanimité"), answer.reason
    assert "Il vous est proposé de ne pas augmenter ces tarifs" in answer.text


# pierrefonds_mymairie/compte-rendu-15-12-2020.pdf, page 4 (no question set reads this document): the end of an act
# whose operative part is its vote line alone.
EXEMPTION = (
    "Considérant l’absence d’utilisation physique des espaces remis et, en conséquence, d’avantages résultant de "
    "l’oc-cupation de terrasses ou d’emplacements compte tenu du confinement de la population pendant une partie de la\n"
    "saison,\n"
    "Il est proposé d’exonérer les redevances dues au titre de l’occupation du domaine public pour une activité "
    "com-merciale pour l’année 2020.\n"
    "M. THUILLIER s’interroge sur l’absence de distinction entre certains commerces de bouche qui sont restés ouverts\n"
    "alors que les restaurateurs étaient fermés.\n"
    "Vote : pour à l’unanimité"
)


def test_a_decision_read_in_a_bare_vote_line_is_given_with_what_was_proposed():
    # Where the reader's best sentence for « qu'a décidé … » is the vote line alone, which names nothing of the subject,
    # what was put to the vote (the délibération's sentence that proposes it and names the subject) says the decision.
    passage = passage_create(collectivite="Commune de Pierrefonds", date="2020-12-15", number="2020-04",
                             objet="Exonération exceptionnelle de la redevance d’occupation du domaine public pour les "
                                   "activités commerciales", pages=(4, 4), text=EXEMPTION)
    question = "Qu'a décidé le conseil municipal au sujet de la redevance d'occupation du domaine public des commerces ?"
    reading = reading_build(question=question, hits=[_hit(passage)], ranks=[0])
    vote = next(c for c in reading.candidates if c.text.startswith("Vote"))
    evidence = Evidence(question, [_hit(passage)], [0], set())
    selection = Selection(reading=reading, sentences=[vote])
    answer = answer_extract(reasoning=Reasoning(evidence, reading, selection, [], Decision(False, 0.9, "")))
    assert answer.text.startswith("Il est proposé d’exonérer les redevances dues au titre de l’occupation du domaine public")
    assert answer.text.endswith("Vote : pour à l’unanimité [1].")

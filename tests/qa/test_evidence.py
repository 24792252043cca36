"""Which sentences answer, and when the evidence does not speak of what is asked: no database needed."""

from qa.abstention import abstention_decide
from qa.answering import QuestionKind, decision_like, evidence_select, kind_match, question_focus, question_kind
from search.backends.base import SearchHit


def _hit(n: int, text: str, *, page: int, deliberation_id: int | None = 7, heading: str = "") -> SearchHit:
    return SearchHit(passage_id=n, score=1.0, document_id=1, deliberation_id=deliberation_id, page_start=page,
                     page_end=page, heading=heading, text=text, semantic_score=0.85)


def test_decision_read_after_the_expose_answers():
    # A délibération cut in two passages on one page: the exposé matches the question, the decision answers it.
    heading = "Syndicat des déchets : élection d'un suppléant"
    expose = _hit(1, "Vu la délibération du 10 juillet 2020 portant élection des représentants au syndicat des déchets ;\n"
                     "Considérant la démission de Mme Véronique MARTIN, suppléante au syndicat des déchets ;\n"
                     "Considérant qu'il convient d'élire un autre représentant suppléant pour la remplacer ;",
                  page=4, heading=heading)
    decision = _hit(2, "Le Conseil, après en avoir délibéré, avec 74 voix pour :\n"
                       "- élit Nicolas Durand en tant que membre suppléant au sein du syndicat des déchets.",
                    page=4, heading=heading)
    selection = evidence_select(question="Qui a été élu pour remplacer Véronique Martin comme suppléante au syndicat "
                                         "des déchets ?", hits=[expose, decision], ranks=[0, 0])
    assert any("Nicolas Durand" in s.text for s in selection.sentences)


def test_companions_stay_in_the_best_passage_deliberation():
    tarifs = _hit(1, "Il propose d'appliquer les tarifs suivants pour la cantine :\n- 3.40€ pour les enfants\n"
                     "- 5.80€ pour les repas adultes Le Conseil après en avoir délibéré ACCEPTE les tarifs de la cantine.",
                  page=3, heading="Cantine : tarifs")
    other = _hit(2, "Le conseil fixe le tarif de la salle des fêtes à 120 € pour la cantine associative.", page=9,
                 deliberation_id=8, heading="Salle des fêtes : tarifs")
    selection = evidence_select(question="Combien coûte le repas de cantine d'un enfant ?", hits=[tarifs, other],
                                ranks=[0, 1])
    assert {s.passage_index for s in selection.sentences} == {0}
    assert any("3.40€" in s.text for s in selection.sentences)


def test_what_the_question_measures():
    assert question_focus("Combien de trottinettes électriques le conseil a-t-il autorisées ?") == ["trottinet", "electr"]
    assert question_focus("Quel est le prix d'un repas à la cantine de Couthenans ?") == ["rep"]
    assert question_focus("Quel est le montant mensuel brut de l'indemnité du maire ?") == ["indemnit"]
    # Who votes is not what the question measures, nor is the town it names.
    assert question_focus("Combien de conseillers municipaux de Montpellier ont approuvé le budget ?") == []
    assert question_focus("Combien la commune a-t-elle payé ?") == []


def test_question_never_spoken_of_is_declined():
    hit = _hit(1, "Le conseil décide de créer quatre postes d'agents recenseurs rémunérés 500 € chacun.", page=1)
    selection = evidence_select(question="Combien d'agents de police municipale la commune emploie-t-elle ?",
                                hits=[hit], ranks=[0])
    assert selection.focus_missing == ["polic"]
    assert abstention_decide(selection=selection).abstain


def test_decision_sentences_and_reason_questions():
    assert decision_like("- De fixer le taux de la taxe d’aménagement à 5% sur l’ensemble du territoire communal.")
    assert decision_like("les membres du Conseil après en avoir délibéré à l’unanimité, ACCEPTENT cette proposition")
    assert decision_like("- Le passage : 67€/heure Résultat du vote :")
    assert not decision_like("Considérant la démission de Mme Véronique MARTIN, suppléante")
    assert not decision_like("- Charges fixes : 160€ annuelle")
    assert question_kind("Pourquoi le conseil a-t-il dû voter la fermeture du marché ?").wants_reason


def test_shapes_of_votes_and_organisations():
    count = QuestionKind(wants_count=True)
    assert kind_match(kind=count, sentence="Le Conseil, avec 74 voix pour, 2 contre et 2 abstentions :") == 1.0
    assert kind_match(kind=count, sentence="- verse 14 000 € pour la saison 2021 à l’office de tourisme.") < 1.0
    decision = QuestionKind(wants_decision=True)
    assert kind_match(kind=decision, sentence="DE-2014/113 – Vote des tarifs communaux 2015") == 0.0
    assert kind_match(kind=decision, sentence="La voix du Maire étant prépondérante, le conseil décide") == 1.0
    organisation = QuestionKind(wants_organisation=True)
    assert kind_match(kind=organisation, sentence="La commission a attribué le marché à la société SULO France.") == 1.0
    assert kind_match(kind=organisation, sentence="Il confirme que c’est l’entreprise qui réalisera l’enquête.") == 0.0
    assert kind_match(kind=organisation, sentence="- la mise en place d’une tarification incitative : TEOMI ;") == 0.5


def test_no_companion_from_the_next_items_of_a_list():
    # A compte rendu lists its items without délibérations: the next passage holds other items, whatever their votes.
    budget = _hit(1, "Budget primitif 2012 de la Ville\nPour : 46\nContre : 7\nAdopté à la majorité.", page=1,
                  deliberation_id=None)
    next_items = _hit(2, "4 Contrat enfance jeunesse\nPour : 55\nContre : /\nAdopté à l’unanimité.", page=2,
                      deliberation_id=None)
    selection = evidence_select(question="Le budget primitif 2012 a-t-il été adopté à l'unanimité ?",
                                hits=[budget, next_items], ranks=[0, 0])
    assert {s.passage_index for s in selection.sentences} == {0}

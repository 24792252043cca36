"""The reader and its features, the stored-field answers and the fitting, on lines copied from the corpus.

The lines come from minutes of a collectivité that no question set of ../shared/eval covers (Pierrefonds), so that
these tests do not quietly copy the evaluation (`bench/data/dev3_questions.jsonl` was written after them).
"""

from dataclasses import replace

import numpy as np
import pytest

from council.models import Collectivite, Deliberation
from french.terms import terms_extract
from french.values import decision_like, sentence_values, vote_like
from qa.abstention import abstention_features
from qa.reader import QUESTION_VERB_WEIGHT, SENTENCE_FEATURES, Logistic, evidence_select, reader_model_load, reading_build
from qa.records import vote_sentence
from qa.training import logistic_fit
from search.backends.base import SearchHit
from search.models import TERM_ALL, TermFrequency

# The reader weighs a question's words by their rarity among the published passages (`search.selectors.terms_rarity`):
# none are published here, so every word is as rare as any other and only the passages read tell them apart.
pytestmark = pytest.mark.django_db

# pierrefonds_mymairie/20241015-PV.pdf, page 3
TARIF = (
    "Pour la restauration dans le cadre de l’accueil de loisirs, il est proposé de maintenir le coût du repas à 4,80 €.\n"
    "Le Conseil Municipal, après en avoir délibéré, à l’unanimité :\n"
    "- FIXE le tarif du repas à 4,80 € dans le cadre des accueils de loisirs"
)
# pierrefonds_mymairie/20241015-PV.pdf, page 4
NON_VALEUR = (
    "La liste des créances proposées en admission en non-valeur représente un montant de 144,60 € correspondant à :\n"
    "Considérant le caractère irrécouvrable des créances pour un montant de 144,60 €,\n"
    "Le Conseil Municipal, après en avoir délibéré, à l’unanimité :\n"
    "- DÉCIDE d’admettre en non-valeur les créances pour un montant de 144,60 €"
)


def _hit(n: int, text: str, *, heading: str, deliberation_id: int, page: int, rank: int) -> SearchHit:
    return SearchHit(passage_id=n, score=1.0, document_id=1, deliberation_id=deliberation_id, page_start=page,
                     page_end=page, heading=heading, text=text, semantic_score=0.86, keyword_rank=rank, semantic_rank=rank,
                     collectivite="Commune de Pierrefonds")




def test_sentence_values():
    values = sentence_values("- FIXE le tarif du repas à 4,80 € dans le cadre des accueils de loisirs")
    assert values["amount"] == 1.0 and values["money"] == 1.0 and values["date"] == 0.0
    # pierrefonds_mymairie/compte-rendu-28-06-2016.pdf, page 6: an amount of time, no sum of money
    values = sentence_values("création d’un emploi au grade d’adjoint d’animation 2ème classe à 30 heures par semaine")
    assert values["amount"] == 1.0 and values["money"] == 0.0
    assert decision_like("- FIXE le tarif du repas à 4,80 € dans le cadre des accueils de loisirs")
    assert decision_like("- DÉCIDE d’admettre en non-valeur les créances pour un montant de 144,60 €")
    assert not decision_like("Considérant le caractère irrécouvrable des créances pour un montant de 144,60 €,")
    # pierrefonds_mymairie/cc_lisieres_de_l_oise/Compte-rendu-approuve-du-CC-du-13-mars-2025.pdf, page 4: « les
    # Membres du Conseil Communautaire ont, à l'unanimité : » then the items in the past participle.
    assert decision_like("- Approuvé les montants ci-dessus du CFU 2024 du Budget Principal,")
    assert decision_like("- Donné acte de la présentation faite du CFU,")
    # … not items that open with a noun (montpellier_opendata/proces_verbaux/PV_CM_30_03_2009.pdf, page 55;
    # aiglun_regardscitoyens/pdf/CR CM 26.09.2014.pdf, page 5).
    assert not decision_like("- Prise en compte des coûts réels d’acquisition foncière par l’aménageur")
    assert not decision_like("- Arrêté préfectoral désignant les membres de la commission consultative")
    # pierrefonds_mymairie/20250127-PV.pdf, page 4
    assert vote_like("Le Conseil Municipal, après en avoir délibéré, à l’unanimité :")
    assert not vote_like("Pour rappel, le SMIC horaire brut est fixé à 11,88 € au 1er janvier 2025.")
    # pierrefonds_mymairie/CM-19-octobre-2023.pdf, page 3: a named organisation, its noun capitalised
    assert sentence_values("- L’autoriser à signer l'ensemble de la documentation contractuelle relative au contrat de "
                           "prêt décrit ci-dessus à intervenir avec La Banque Postale")["organisation"] == 1.0
    # … not a heading followed by its rapporteur (chemere_regardscitoyens/pdf/CM 13 novembre 2012.pdf, page 3)
    heading = ("- DE-2012/119 – Consultation Columbarium et Stèle commémorative : Choix de \nl’entreprise\n"
               "Monsieur Jean-Pierre GRANDJOUAN, rapporteur, présente aux membres du Conseil \nmunicipal les proposit")
    assert sentence_values(heading)["organisation"] < 1.0
    # A cause told by a verb of cause or consequence (pierrefonds_mymairie/compte-rendu-23-11-2020.pdf, page 8;
    # compte-rendu-21-11-2017.pdf, page 8), not only by a connective.
    assert sentence_values("Ces matériels ont failli ou ont provoqué des accidents du travail il y a quelques années, "
                           "ils ne sont donc plus utilisés par les agents.")["reason"] == 1.0
    assert sentence_values("Son non-paiement entraîne de plein droit le retrait de l’autorisation.")["reason"] == 1.0
    assert sentence_values("- FIXE le tarif du repas à 4,80 € dans le cadre des accueils de loisirs")["reason"] == 0.0
    # A length of time in figures or words, or told by what it lasts as long as; not the word « durée » alone, which
    # names it without giving it (pierrefonds_mymairie/compte-rendu-21-11-2017.pdf, page 8;
    # compte-rendu-26-04-2018.pdf, pages 4 and 7).
    assert sentence_values("La convention sera consentie pour une durée d’un an, renouvelable par tacite reconduction "
                           "pour une nouvelle durée")["duration"] == 1.0
    assert sentence_values("La convention prend effet à compter de sa signature et est conclue pour la durée des "
                           "ouvrages")["duration"] == 0.5
    assert sentence_values("La rémunération et la durée de carrière des agents nommés seront celles fixées par la "
                           "réglementation en vigueur")["duration"] == 0.0


def test_reading_features_hold_their_contract():
    hits = [
        _hit(1, TARIF, heading="Tarif du repas de l'accueil de loisirs", deliberation_id=7, page=3, rank=1),
        _hit(2, NON_VALEUR, heading="Admission en non-valeur", deliberation_id=8, page=4, rank=2),
    ]
    reading = reading_build(question="Quel est le tarif du repas de l'accueil de loisirs à Pierrefonds ?", hits=hits, ranks=[0, 1])
    assert all(set(c.features) == set(SENTENCE_FEATURES) for c in reading.candidates)
    assert all(0.0 <= v <= 1.0 for c in reading.candidates for v in c.features.values())
    # The town the question names is a filter, not a subject term.
    assert "pierrefond" not in reading.subject_weights
    fixes = next(c for c in reading.candidates if c.text.startswith("- FIXE"))
    other = next(c for c in reading.candidates if c.text.startswith("- DÉCIDE"))
    assert fixes.features["terms"] > other.features["terms"] and fixes.features["fit_amount"] == 1.0
    assert fixes.features["act"] == 1.0


def test_a_sum_of_money_asked_is_not_found_in_another_measure():
    tarif = _hit(1, TARIF, heading="Tarif du repas de l'accueil de loisirs", deliberation_id=7, page=3, rank=1)
    # pierrefonds_mymairie/compte-rendu-28-06-2016.pdf, page 6
    emploi = _hit(3, "Madame le Maire propose la création d’un emploi au grade d’adjoint d’animation 2ème classe à 30 "
                  "heures par semaine.", heading="Création d'un emploi d'adjoint d'animation", deliberation_id=9, page=6,
                  rank=1)
    cost = "Combien coûte l'emploi d'animation de l'accueil de loisirs ?"
    hours = "Quelle est la durée hebdomadaire de l'emploi d'animation ?"

    def asked_found(question, hit):
        reading = reading_build(question=question, hits=[hit], ranks=[0])
        return abstention_features(selection=evidence_select(reading=reading, model=reader_model_load()))["asked_found"]

    assert asked_found(cost, tarif) == 1.0
    assert asked_found(cost, emploi) == 0.0
    # The same hours answer a question on hours.
    assert asked_found(hours, emploi) == 1.0


def test_a_question_verb_weighs_less_than_its_nouns():
    # The minutes say « FIXE le tarif »; a question asks what the tarif « s'élève » to: its verb is phrasing. Neither
    # « élève » nor « garderie » is in the passage: as rare there, the verb counts half the noun.
    place = Collectivite.objects.create(name="Commune de Pierrefonds", slug="pierrefonds")
    for term in ("elev", "garder"):  # as rare across the minutes too
        TermFrequency.objects.update_or_create(collectivite=place, term=term, defaults={"passages": 3})
    hits = [_hit(1, TARIF, heading="Tarif du repas de l'accueil de loisirs", deliberation_id=7, page=3, rank=1)]
    reading = reading_build(question="À combien s'élève le tarif du repas de la garderie ?", hits=hits, ranks=[0])
    weights = reading.subject_weights
    assert weights["elev"] == pytest.approx(weights["garder"] * QUESTION_VERB_WEIGHT)
    assert QUESTION_VERB_WEIGHT < 1


def test_the_words_of_a_question_the_minutes_searched_never_print_are_known_to_the_decision():
    # Pierrefonds' minutes print the tarif of a meal (« tarif », « repas »), never a « piscine »: a question on the
    # pool's tarif is read against them with that word unprinted; its verb (« s'élève ») is phrasing, whatever the
    # minutes print; another collectivité's pool does not make Pierrefonds' minutes print it.
    place = Collectivite.objects.create(name="Commune de Pierrefonds", slug="pierrefonds")
    other = Collectivite.objects.create(name="Ville de Montpellier", slug="montpellier")
    for term in (TERM_ALL, "tarif", "rep"):
        TermFrequency.objects.create(collectivite=place, term=term, passages=3)
    TermFrequency.objects.create(collectivite=other, term="piscin", passages=5)
    hits = [_hit(1, TARIF, heading="Tarif du repas de l'accueil de loisirs", deliberation_id=7, page=3, rank=1)]

    reading = reading_build(question="À combien s'élève le tarif de la piscine ?", hits=hits, ranks=[0])
    assert reading.unprinted == {"piscin"}
    features = abstention_features(selection=evidence_select(reading=reading, model=reader_model_load()))
    assert features["unprinted"] == pytest.approx(reading.subject_weights["piscin"] / sum(reading.subject_weights.values()))

    reading = reading_build(question="À combien s'élève le tarif du repas ?", hits=hits, ranks=[0])
    assert reading.unprinted == set()


def test_a_word_common_in_the_minutes_weighs_less_than_a_rare_one():
    # In the passage read, « repas » and « loisirs » are each printed once; across the published minutes (counts as
    # a town's would stand), meals come up in many passages and leisure centres in few: the rarer word weighs more.
    place = Collectivite.objects.create(name="Commune de Pierrefonds", slug="pierrefonds")
    for term, passages in {TERM_ALL: 1000, "rep": 120, "loisir": 6}.items():
        TermFrequency.objects.update_or_create(collectivite=place, term=term, defaults={"passages": passages})
    assert terms_extract("repas loisirs") == ["rep", "loisir"]
    hits = [_hit(1, TARIF, heading="Tarifs", deliberation_id=7, page=3, rank=1)]
    reading = reading_build(question="Quel est le prix du repas des accueils de loisirs ?", hits=hits, ranks=[0])
    assert reading.subject_weights["loisir"] > 2 * reading.subject_weights["rep"]


def test_a_vote_line_carries_the_subject_of_its_act():
    # pierrefonds_mymairie/CM-06-avril-2021.pdf, page 7: the exposé of the budget, then its vote in the next passage.
    exposé = _hit(1, "section de fonctionnement et d’investissement, dépenses et recettes comprenant chapitre 65 le "
                  "versement\nd’une subvention de fonctionnement de 10 000 € au CCAS.",
                  heading="Budget primitif 2021", deliberation_id=7, page=7, rank=1)
    vote = _hit(2, "Vote :\n- Contre : 3 (M. THUILLIER, M. LEBLANC, Mme DEBUISSIER)\n- Pour : 15",
                heading="Budget primitif 2021", deliberation_id=7, page=7, rank=1)
    # pierrefonds_mymairie/20241015-PV.pdf, page 4: another act, closed by its own vote.
    other = _hit(3, NON_VALEUR, heading="Admission en non-valeur", deliberation_id=8, page=4, rank=2)
    reading = reading_build(question="Combien d'élus ont voté contre la subvention de fonctionnement du CCAS ?",
                            hits=[exposé, vote, other], ranks=[0, 0, 1])
    tally = next(c for c in reading.candidates if "Contre : 3" in c.text)
    unanimity = next(c for c in reading.candidates if "unanimité" in c.text)
    assert tally.features["terms_passage"] < 0.5 < tally.features["terms_unit"]
    assert unanimity.features["terms_unit"] == unanimity.features["terms_passage"] < tally.features["terms_unit"]


def test_a_passage_outside_any_deliberation_is_no_act():
    # pierrefonds_mymairie/20241015-PV.pdf, page 1: the minutes of the last séance, approved before the first act.
    preamble = _hit(3, "Le procès-verbal de la séance du 28 août 2024 est approuvé.", heading="Procès-verbal",
                    deliberation_id=None, page=1, rank=1)
    reading = reading_build(question="Le tarif du repas a-t-il été adopté ?", hits=[preamble], ranks=[0])
    assert reading.candidates[0].features["act"] == 0.0


def test_reader_answers_with_the_value_from_its_deliberation():
    hits = [
        _hit(1, TARIF, heading="Tarif du repas de l'accueil de loisirs", deliberation_id=7, page=3, rank=1),
        _hit(2, NON_VALEUR, heading="Admission en non-valeur", deliberation_id=8, page=4, rank=2),
    ]
    reading = reading_build(question="Quel est le tarif du repas de l'accueil de loisirs ?", hits=hits, ranks=[0, 1])
    selection = evidence_select(reading=reading, model=reader_model_load())
    assert {s.passage_index for s in selection.sentences} == {0}
    assert any("4,80 €" in s.text for s in selection.sentences)


# montpellier_opendata/proces_verbaux/PV_CM_17_02_2014.pdf, page 45 (the question sets read page 44 of it)
ALLEE = (
    "La première longe le collège en partant de son parvis (rue TOPAZE) et se termine sous la forme d’une petite \n"
    "place. Nous proposons de la dénommer:\n"
    "Allée Honoré de BALZAC \n"
    "1799-1850 \n"
    "Écrivain et journaliste français \n"
    "Honoré de BALZAC, né Honoré BALZAC à Tours le 20 mai 1799 et mort à Paris le 18 août 1850, est un \n"
    "écrivain français."
)


def test_a_sentence_that_announces_what_follows_is_read_with_it():
    hits = [_hit(1, ALLEE, heading="Dénomination de voies", deliberation_id=7, page=45, rank=1)]
    reading = reading_build(question="Quel nom la Ville propose-t-elle pour la dénommer ?", hits=hits, ranks=[0])
    # A model that picks the sentence with most of the question's words, the one that ends « dénommer: », then the
    # longest: the short name line would not be read.
    model = replace(reader_model_load(), sentence=Logistic(features=("terms", "long"), weights=(10.0, 1.0), bias=0.0))
    selection = evidence_select(reading=reading, model=model)
    assert selection.best.text.endswith("dénommer:")
    assert any(s.text.startswith("Allée Honoré de BALZAC") for s in selection.sentences)


def test_vote_sentences_read_the_stored_fields():
    adopted = Deliberation(objet="x", page_start=1, page_end=1, votes_for=46, votes_against=8, votes_abstention=2,
                           outcome=Deliberation.Outcome.ADOPTED)
    assert vote_sentence(adopted) == "Adoptée par 46 voix pour, 8 contre et 2 abstentions"
    unanimous = Deliberation(objet="x", page_start=1, page_end=1, votes_for=18, unanimous=True,
                             outcome=Deliberation.Outcome.ADOPTED)
    assert vote_sentence(unanimous) == "Adoptée à l'unanimité (18 voix pour)"
    # « refuse à l'unanimité des membres présents de valider l'inventaire » (Chéméré): the members voted for the
    # refusal; « Rejetée à l'unanimité (17 voix pour) » read as a contradiction.
    refused = Deliberation(objet="x", page_start=1, page_end=1, votes_for=17, unanimous=True,
                           outcome=Deliberation.Outcome.REJECTED)
    assert vote_sentence(refused) == "Rejetée à l'unanimité (17 voix)"
    assert vote_sentence(Deliberation(objet="x", page_start=1, page_end=1)) == ""


def test_logistic_fit_is_deterministic_and_learns_the_signal():
    rng = np.random.default_rng(0)
    x = rng.random((400, 2))
    y = (x[:, 0] + 0.1 * rng.standard_normal(400) > 0.5).astype(float)
    first = logistic_fit(x, y, features=("signal", "noise"))
    assert first == logistic_fit(x, y, features=("signal", "noise"))
    assert first.weights[0] > 3 and abs(first.weights[1]) < 1


def test_an_acronym_stands_for_the_words_it_spells():
    # pierrefonds_mymairie/20250127-PV.pdf, page 3: the sentence says « CEE », the question spells it out.
    text = "Le CEE est un contrat de travail de droit privé, spécifique, destiné aux animateurs et aux directeurs des accueils"
    hit = _hit(4, text, heading="Accueils de loisirs 2025", deliberation_id=9, page=3, rank=1)
    spelt_out = reading_build(question="Qui peut être recruté par un contrat d'engagement éducatif ?", hits=[hit], ranks=[0])
    assert {"engag", "educ"} <= spelt_out.unit_terms[0] & set(spelt_out.subject_weights)
    # The other way round: the question says « CEE », the heading spells it out.
    hit = _hit(5, "Le Conseil Municipal, après en avoir délibéré, à l’unanimité, décide la création des postes.",
               heading="Création et recrutement de contrats d’engagement éducatif pour les accueils de loisirs 2025",
               deliberation_id=9, page=3, rank=1)
    reading = reading_build(question="Combien de CEE la commune crée-t-elle ?", hits=[hit], ranks=[0])
    acronym = terms_extract("CEE")[0]
    assert acronym in reading.unit_terms[0] and acronym in reading.subject_weights
    assert reading.candidates[0].features["terms_heading"] > 0.0


# pierrefonds_mymairie/compte-rendu-03-10-2017.pdf, page 11, as the portal publishes it
CUI = (
    "Il est par ailleurs rappelé qu’un CUI/CAE a été signé avec [personne 18] le 1er juin 2017 en remplacement de "
    "[personne 19], licencié pour faute grave"
)


def test_a_first_name_no_passage_prints_is_no_subject_term():
    from qa.reader import subject_terms

    hit = _hit(1, CUI, heading="6 Renouvellement d’un CUI / CAE", deliberation_id=1, page=11, rank=1)
    question = "Le contrat aidé signé avec Julien en juin 2017 a-t-il été renouvelé ?"
    # The minutes mask a private person: the first name the question prints is in no passage, nor can it be.
    assert "julien" not in subject_terms(question, [hit])
    assert "contrat" in subject_terms(question, [hit])
    # A name a passage prints (an official's) still counts.
    named = _hit(2, CUI.replace("[personne 18]", "Julien MARTIN, adjoint,"), heading="", deliberation_id=1, page=11, rank=1)
    assert "julien" in subject_terms(question, [named])


def test_the_collectivite_shortened_to_its_initials_is_no_subject_term():
    from qa.reader import subject_terms

    # pierrefonds_mymairie/cc_lisieres_de_l_oise/Compte-rendu-approuve-du-CC-du-13-mars-2025.pdf, page 4 (a line no
    # question set quotes): the minutes of a communauté de communes rarely print its name, « CC » or its initials.
    hit = _hit(1, "- Approuvé les montants ci-dessus du CFU 2024 du Budget Principal,", heading="", deliberation_id=1,
               page=4, rank=1)
    hit.collectivite = "Communauté de communes des Lisières de l'Oise"
    for question in ("Quel montant la CC des Lisières de l'Oise a-t-elle approuvé ?", "Quel montant la CCLO a-t-elle approuvé ?"):
        terms = subject_terms(question, [hit])
        assert terms == terms_extract("montant approuvé"), terms


def test_a_count_of_what_the_question_counts_outweighs_a_tally():
    # chemere_regardscitoyens/pdf/CM 17 juin 2011.pdf, page 1, and pierrefonds_mymairie/compte-rendu-07-06-2018.pdf,
    # page 4 (no question set reads them): to « combien de délégués », the sentence that counts délégués gives the
    # count; the result of a ballot only likely does, unless the question counts votes.
    counted = _hit(1, "Monsieur le Maire a indiqué que conformément à l’article L 284 du Code électoral, le Conseil "
                      "municipal devait élire cinq délégués et trois suppléants.", heading="Élections sénatoriales",
                   deliberation_id=1, page=1, rank=1)
    tally = _hit(2, "• 15 voix : Madame Michèle BOURBIER", heading="Élections sénatoriales", deliberation_id=1, page=1,
                 rank=2)
    reading = reading_build(question="Combien de délégués le conseil municipal devait-il élire ?", hits=[counted, tally],
                            ranks=[0, 1])
    assert {c.passage_index: c.values["count"] for c in reading.candidates} == {0: 1.0, 1: 0.5}
    votes = reading_build(question="Combien de délégués ont voté contre la motion ?", hits=[tally], ranks=[0])
    assert votes.candidates[0].values["count"] == 1.0


def test_a_number_the_question_writes_in_words_is_the_one_a_sentence_prints_in_figures():
    # pierrefonds_mymairie/compte-rendu-03-10-2017.pdf, page 14: the table of the allowances, an adjoint a line.
    text = ("Mme Florence DEMOUY 3ème adjoint 14.025 %.\n"
            "Mme Jacqueline HEURTAULT 4ème adjoint 14.025 %.\n"
            "M. Laurent LAMAND 5ème adjoint 14.025 %.")
    hits = [_hit(1, text, heading="Indemnités de fonction des élus", deliberation_id=7, page=14, rank=1)]
    reading = reading_build(question="Quelle indemnité perçoit le quatrième adjoint au maire ?", hits=hits, ranks=[0])
    numbers = {c.text.split()[2]: c.features["numbers"] for c in reading.candidates}
    assert numbers == {"DEMOUY": 0.0, "HEURTAULT": 1.0, "LAMAND": 0.0}
    # « un », « une » are articles, not the number 1: « un adjoint » matches no « 1er adjoint ».
    reading = reading_build(question="Quelle indemnité perçoit un adjoint ?", hits=hits, ranks=[0])
    assert all(c.features["numbers"] == 0.0 for c in reading.candidates)

"""qa.questions: what a French question asks for, on questions of no question set (the shapes of French questions,
not the questions of the evaluation)."""

from __future__ import annotations

import pytest

from qa.questions import question_kind


def test_question_kinds():
    assert question_kind("Combien coûte le repas à l'accueil de loisirs ?").wants_amount
    kind = question_kind("Combien d'élus se sont abstenus sur le budget annexe ?")
    assert kind.asks_vote and kind.wants_count and not kind.wants_amount
    assert question_kind("Qui a voté contre la cession du terrain ?").asks_vote_names
    assert question_kind("La création du poste a-t-elle été adoptée ?").asks_outcome
    assert not question_kind("Comment la commune finance-t-elle la voirie ?").asks_vote
    assert question_kind("Qui était le rapporteur du budget primitif ?").asks_rapporteur
    assert question_kind("À partir de quand le nouveau tarif s'applique-t-il ?").wants_date
    assert question_kind("Pourquoi la commune renonce-t-elle au projet ?").wants_reason
    assert question_kind("Quelle entreprise a obtenu le marché de voirie ?").wants_organisation


def test_question_kinds_read_the_noun_after_an_adjective_and_more_nouns():
    # An adjective French puts before the noun does not hide what is asked.
    assert question_kind("Quel est le nouveau tarif du repas servi à la cantine ?").wants_amount
    assert question_kind("Quelle dotation la commune a-t-elle reçue pour ses écoles ?").wants_amount
    assert question_kind("Quels frais de scolarité la commune verse-t-elle ?").wants_amount
    assert question_kind("Quel fournisseur de gaz a été retenu pour les bâtiments communaux ?").wants_organisation
    assert question_kind("Auprès de quel organisme la commune a-t-elle sollicité une aide ?").wants_organisation
    assert question_kind("Où se tiendra le marché de Noël cette année ?").wants_place
    assert question_kind("Dans quel secteur de la commune les travaux auront-ils lieu ?").wants_place
    assert question_kind("Quel nombre de logements sociaux le lotissement comptera-t-il ?").wants_count
    assert question_kind("Quelle a été l'issue du recours contre le permis de construire ?").wants_decision
    # A word that only begins like an amount noun is not one (« primitif » is not « prime »).
    assert not question_kind("Quel avancement des travaux le maire a-t-il présenté ?").wants_amount


# One « quel … » pattern for every kind: before, a copula hid the date, the reason, the decision and the person.
@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Quelle est la date de la prochaine séance ?", "date"),
        ("Quels ont été les motifs du refus ?", "reason"),
        ("Quels sont les avis rendus par le conseil ?", "decision"),
        ("Quels étaient les élus absents ?", "person"),
        ("Quelles sont les entreprises retenues ?", "organisation"),
        ("Quel était le nombre de votants ?", "count"),
    ],
)
def test_which_noun_is_read_through_a_copula_and_an_article_whatever_the_kind(question, kind):
    assert question_kind(question).wants(kind)


def test_a_sum_of_money_is_told_from_another_measure():
    assert question_kind("Combien coûte le repas à l'accueil de loisirs ?").wants_money
    assert question_kind("Quel loyer le locataire du logement communal verse-t-il ?").wants_money
    assert question_kind("Combien la commune espère-t-elle économiser sur l'éclairage ?").wants_money
    for question in ("Quel taux de taxe foncière la commune a-t-elle voté ?", "Quelle surface le terrain vendu mesure-t-il ?",
                     "Quel pourcentage des dépenses la subvention couvre-t-elle ?"):
        kind = question_kind(question)
        assert kind.wants_amount and not kind.wants_money, question
    assert not question_kind("Combien d'élus se sont abstenus ?").wants_money
    # A length of time in hours is asked as in years.
    kind = question_kind("Combien d'heures par semaine compte le nouvel emploi d'animation ?")
    assert kind.wants_duration and not kind.wants_count


def test_question_shapes():
    assert question_kind("Combien la commune a-t-elle payé pour les archives ?").wants_amount
    assert question_kind("Combien de conseillers se sont opposés ?").wants_count
    assert question_kind("Quand le conseil a-t-il choisi le nom de la salle ?").wants_date
    assert question_kind("Quel élu a présenté le projet ?").wants_person
    assert question_kind("Le budget a-t-il été adopté à l'unanimité ?").wants_decision
    # A subject inverted before the interrogative word: a yes/no question first.
    assert question_kind("Les abris de jardin sont-ils exonérés, et comment le vote a-t-il été tranché ?").wants_decision
    assert not question_kind("Comment le conseil a-t-il financé la salle ?").wants_decision
    # « À qui » a sale goes: a person or a body.
    assert question_kind("À qui la Ville a-t-elle vendu le domaine ?").wants_organisation


def test_those_who_vote_are_counted_in_a_vote_only_when_the_question_speaks_of_one():
    # « combien d'élus » asks how a vote went when a verb of voting or agreeing follows; otherwise it counts people.
    assert question_kind("Combien de conseillers ont approuvé la vente du terrain ?").asks_vote
    assert question_kind("Combien d'élus se sont opposés au nouveau règlement ?").asks_vote
    assert question_kind("Par combien de voix le compte administratif a-t-il été adopté ?").asks_vote
    assert question_kind("Par combien le budget a-t-il été adopté ?").asks_vote
    counted = question_kind("Combien de membres compte la commission d'appel d'offres ?")
    assert counted.wants_count and not counted.asks_vote
    assert not question_kind("Combien de délégués suppléants le conseil doit-il désigner au syndicat ?").asks_vote
    assert not question_kind("Avec combien d'animateurs le séjour d'été sera-t-il encadré ?").asks_vote


def test_the_calendar_nouns_ask_for_a_date():
    for question in (
        "À partir de quelle rentrée les enfants pourront-ils déjeuner au nouveau restaurant scolaire ?",
        "Quel trimestre la commune a-t-elle retenu pour lancer les travaux ?",
        "Sur quel exercice la dépense sera-t-elle imputée ?",
    ):
        assert question_kind(question).wants_date, question

"""The date of the meeting, among the other dates written in minutes."""

from __future__ import annotations

import datetime

from ingestion.parsing.dates import dates_find, seance_date_find


def test_year_in_words_opening_sentence():
    # chemere_regardscitoyens/pdf/CM 10 septembre 2013.pdf
    text = "L'an deux mil treize, le dix septembre, à vingt heures \ntrente minutes, le Conseil Municipal"
    assert seance_date_find([text]) == datetime.date(2013, 9, 10)


def test_date_entirely_in_words():
    # preuilly_sur_claise/PV.pdf
    text = "Le vingt trois Juillet deux mille vingt par convocation en date du 09 Juillet 2020, le Conseil"
    assert [mention.date for mention in dates_find(text=text)][0] == datetime.date(2020, 7, 23)


def test_previous_minutes_approved_on_page_one_is_not_the_meeting():
    # pierrefonds_mymairie/20250306-PV.pdf
    page = (
        "Commune de Pierrefonds\n"
        "Conseil Municipal du 06/03/2025\n"
        "L’an deux mille vingt-cinq, le 6 mars à 19h00, le Conseil Municipal de PIERREFONDS, dûment convoqué le 27\n"
        "février, s’est réuni dans la salle du conseil en mairie.\n"
        "Le quorum est atteint. Madame le Maire rappelle que chacun a été destinataire du procès-verbal de la séance du\n"
        "27 janvier 2025 et demande s’il y a des observations.\n"
        "Le procès-verbal de la séance du 27 janvier 2025 est approuvé."
    )
    assert seance_date_find([page]) == datetime.date(2025, 3, 6)


def test_date_the_document_was_written_is_not_the_meeting():
    # montpellier_opendata/comptes_rendus/CR_CM_07_02_2011.pdf
    page = (
        "Montpellier, le lundi 14 mars 2011 \n \nSecrétariat Général \nService de l’Assemblée\n"
        "Compte-rendu du Conseil municipal \nSéance publique du lundi 07 février 2011 \nSalle des Rencontres"
    )
    assert seance_date_find([page]) == datetime.date(2011, 2, 7)


def test_title_of_compte_rendu_names_its_own_meeting():
    # aiglun_regardscitoyens/pdf/CR CM 19122013.pdf
    page = (
        "Compte-rendu du conseil municipal du jeudi 19 décembre 2013\n"
        "FINANCES \n1. Tarifs publics locaux à compter du 1er janvier 2014\n"
        "La délibération D01 du conseil municipal du 17 octobre 2013"
    )
    assert seance_date_find([page]) == datetime.date(2013, 12, 19)


def test_convocation_date_is_not_the_meeting():
    # montpellier_opendata/deliberations_2013/2013_02_04/2013-02-04-0000061089.pdf
    page = (
        "Séance publique du \nlundi 4 février 2013 \n"
        "Convoqué le mardi 29 janvier 2013, le Conseil Municipal de la Ville de Montpellier s'est \n"
        "réuni en mairie, Salle du Conseil Municipal, le lundi 4 février 2013 à 18H00"
    )
    assert seance_date_find([page]) == datetime.date(2013, 2, 4)


def test_short_numeric_dates_and_first_of_month():
    assert [m.date for m in dates_find(text="CR du 28.01.15 et séance du 1er mars 2021")] == [
        datetime.date(2015, 1, 28),
        datetime.date(2021, 3, 1),
    ]


def test_no_date_gives_none():
    assert seance_date_find(["Ordre du jour\n1. Subventions associatives"]) is None

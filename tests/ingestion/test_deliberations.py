"""Segmentation of minutes into délibérations."""

from __future__ import annotations

from ingestion.parsing import minutes_parse
from ingestion.parsing.deliberations import deliberations_find
from ingestion.parsing.kinds import document_kind_guess
from ingestion.parsing.model import Position


def test_chemere_coded_headings_with_wrapped_title():
    # chemere_regardscitoyens/pdf/CM 10 septembre 2013.pdf
    page = (
        "Le Conseil municipal donne son accord.\n"
        "• DE-2013/86 – Délégations de pouvoirs « Marchés publics » : Information\n"
        "Conformément aux délibérations n°2008/45 en date du 22 mars 2008 et n°2009/155 en\n"
        "Le Conseil municipal, à l’unanimité, prend acte.\n"
        "• DE-2013/88 – Syndicat intercommunal d’alimentation en eau potable (SIAEP) du\n"
        "Pays de Retz : Rapport annuel 2012\n"
        "Le Conseil municipal prend acte."
    )
    found = deliberations_find([page])
    assert [d.number for d in found] == ["DE-2013/86", "DE-2013/88"]
    assert found[1].objet == (
        "Syndicat intercommunal d’alimentation en eau potable (SIAEP) du Pays de Retz : Rapport annuel 2012"
    )
    assert found[0].end == found[1].start
    assert found[1].end == Position(page=1, offset=len(page))


def test_pierrefonds_objet_headings_under_roman_sections_skip_the_agenda():
    # pierrefonds_mymairie/20250306-PV.pdf
    pages = [
        "Ordre du jour de la séance :\nI. Finances\n- RODP chantiers provisoires 2024\n- Marché espaces verts 2025",
        "I. FINANCES\nD2025-003- Objet : RODP chantiers provisoires 2024\nVu l’article L 2122-22\n"
        "Le Conseil Municipal, après en avoir délibéré, à l’unanimité :\n"
        "D2025-004- Objet : Marché entretien espaces verts 2025\nDepuis 2023, le contrat annuel",
    ]
    found = deliberations_find(pages)
    assert [(d.number, d.objet) for d in found] == [
        ("D2025-003", "RODP chantiers provisoires 2024"),
        ("D2025-004", "Marché entretien espaces verts 2025"),
    ]
    assert found[0].start.page == 2


def test_preuilly_number_then_capital_title_and_budget_lines_ignored():
    # preuilly_sur_claise/PV.pdf; the budget line is from chemere CM 22 avril 2008.pdf
    page = (
        "2020-038 SUBVENTION EXCEPTIONNELLE POUR L’Association Sportive Yzeures-Preuilly\n"
        "Monsieur le Maire rappelle que deux subventions ont déjà été attribuées.\n"
        "D 61522 5 000,00 €\n"
        "2020-039 DESIGNATION DES MEMBRES DE LA COMMISSION LOCALE D’EVALUATION DES\n"
        "CHARGES TRANSFÉRÉES DE LA COMMUNAUTÉ de Communes de Loches Sud Touraine\n"
        "Monsieur le Maire expose"
    )
    found = deliberations_find([page])
    assert [d.number for d in found] == ["2020-038", "2020-039"]


def test_numbered_items_after_an_agenda_listing_them():
    # pierrefonds_mymairie/compte-rendu-15-10-2015.pdf
    page = (
        "ORDRE DU JOUR\n"
        "1. Accord à donner pour la programmation des travaux d’éclairage public\n"
        "2. Admission en non-valeur d’une créance irrécouvrable\n"
        "________\n"
        "1. Accord à donner pour la programmation des travaux d’éclairage public\n"
        "Madame le maire expose le projet.\nVote : Pour à l’unanimité\n"
        "2. Admission en non-valeur d’une créance irrécouvrable\n"
        "Madame le maire expose.\nVote : Pour à l’unanimité"
    )
    found = deliberations_find([page])
    assert [d.number for d in found] == ["1", "2"]
    assert found[0].start.offset == page.index("________") + len("________\n")


def test_montpellier_single_act_objet_is_the_title_above_the_rapporteur():
    # montpellier_opendata/deliberations_2013/2013_02_04/2013-02-04-0000061089.pdf
    page = (
        "Extrait du registre des \ndélibérations du Conseil \nMunicipal de la Ville de \nMontpellier \n"
        "n° 2013 / 3\nAbsents :\n"
        "Stéphanie BLANPIED, Laure FARGIER, Arnaud JULIEN, Stéphane MELLA, Martine PETITOUT\n"
        "Constitution et fonctionnement du Conseil Consultatif des \nRésidents Etrangers (CCRE)\n"
        "Cédric SUDRES rapporte : \nVille internationale depuis son origine\nLe Conseil adopte."
    )
    found = deliberations_find([page])
    assert len(found) == 1
    assert found[0].objet == "Constitution et fonctionnement du Conseil Consultatif des Résidents Etrangers (CCRE)"
    assert found[0].number == "2013/3"
    assert found[0].start == Position(page=1, offset=0)


def test_document_kind_from_title_and_filename():
    assert document_kind_guess(filename="PV.pdf", pages=["PROCES VERBAL DU CONSEIL MUNICIPAL"]) == "proces_verbal"
    assert document_kind_guess(filename="CR_reunion_20210604.pdf", pages=["Page 1/6"]) == "compte_rendu"
    assert document_kind_guess(
        filename="liste des délibérations 16 mai 2025.pdf", pages=[""]
    ) == "liste_deliberations"
    assert document_kind_guess(
        filename="x.pdf", pages=["Extrait du registre des délibérations du Conseil Municipal"]
    ) == "deliberation"


def test_minutes_parse_ties_everything_together():
    # preuilly_sur_claise/PV.pdf
    page = (
        "PROCES VERBAL DU CONSEIL MUNICIPAL\nSéance du 23 Juillet 2020\n"
        "2020-038 SUBVENTION EXCEPTIONNELLE POUR L’Association Sportive Yzeures-Preuilly\n"
        "Le Conseil Municipal après en avoir délibéré à l’unanimité, accepte de verser une dotation.\n"
        "2020-039 DESIGNATION DU REPRÉSENTANT AU COMITÉ DE PROGRAMMATION LEADER\n"
        "Par 13 voix POUR – 1 voix CONTRE"
    )
    minutes = minutes_parse(pages=[page], filename="PV.pdf")
    assert str(minutes.seance_date) == "2020-07-23"
    assert minutes.document_kind == "proces_verbal"
    assert [d.number for d in minutes.deliberations] == ["2020-038", "2020-039"]
    assert minutes.deliberations[1].vote.votes_for == 13

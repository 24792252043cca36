"""Segmentation of minutes into délibérations."""

from __future__ import annotations

from ingestion.parsing import minutes_parse
from ingestion.parsing.deliberations import deliberations_find
from ingestion.parsing.kinds import document_kind_guess
from council.minutes import Position


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


def test_a_numbered_table_row_inside_an_act_is_not_the_next_act():
    # pierrefonds_mymairie/CM-19-OCTOBRE-2021.pdf, pages 5 and 6: the new route of the GR 12, a table whose rows are
    # numbered « PFS 6 … » after act 5; the acts are printed « 4. », « 5. ».
    page = (
        "4. Appel à projets socle numérique dans les écoles élémentaires : Autorisation à donner pour la \n"
        "signature de la convention\n"
        "Le plan de relance présenté par le Gouvernement visant à faire face aux conséquences économiques et sociales \n"
        "provoquées par l’épidémie de la Covid-19, comporte un volet dédié à la transformation numérique de \n"
        "l’enseignement pour contribuer à porter la généralisation du numérique éducatif.\n"
        "Vote : pour à l’unanimité\n"
        "5. Modification du tracé du GR12\n"
        "Madame le maire explique qu’il est proposé aux membres du conseil municipal à la demande de la Fédération \n"
        "française de Randonnée (FFR), une modification du tracé du GR 12 (chemin européen E3) sur le territoire de la \n"
        "commune suite au signalement de la dangerosité de son parcours sur le CD 335 en venant de Cuise la Motte \n"
        "Le nouveau tracé sera le suivant : \n"
        "Communes N° Dénomination\n"
        "Pierrefonds\n"
        "PFS 1 Chemin rural de Pierrefonds à Roilaye\n"
        "PFS2 Rue de Fontenoy\n"
        "PFS 3 Chemin rural dit du Trou Toussaint\n"
        "PFS 4 Chemin rural dit du four à chaux\n"
        "PFS 5 Chemin rural dit du four à chaux\n"
        "PFS 6 Rue du Jeu d’arc\n"
        "PFS 7 Rue du 8 mai 1945\n"
        "La carte du tracé a été transmise aux conseillers avec la notice explicative. \n"
        "Monsieur LEBLANC demande si la commune doit délibérer en tant qu’entité administrative ou en tant que \n"
        "propriétaire.\n"
        "Vote : pour à l’unanimité\n"
    )
    found = deliberations_find([page])
    assert [d.number for d in found] == ["4", "5"]
    # The table and the vote under it belong to act 5.
    assert found[1].end.offset > page.index("Vote", page.index("PFS 7"))


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


def test_couthenans_number_slash_headings():
    # couthenans/CR_conseil_municipal_24_02_2023.pdf
    page = (
        "Ordre du jour\n"
        "1/ Délibération reversement taxe d’aménagement à la CCPH :\n"
        "10 votes pour. 2 Abstentions\n"
        "2/ Délibération pour le calcul de la longueur de la voie publique.\n"
        "Global de plus de 8717 m. Un nouveau comptage a été réalisé pour toucher une dotation de l’Etat\n"
        "12 votes pour\n"
        "3/ Délibération renouvellement de mise à disposition de personnel contractuel par le service intérim du CDG :\n"
        "Renouvelée tous les 2 ans. Permet d’avoir recours à l’intérim pour remplacement personnel de la commune.\n"
        "12 votes pour"
    )
    found = deliberations_find([page])
    assert [d.number for d in found] == ["1", "2", "3"]
    assert found[0].objet == "Délibération reversement taxe d’aménagement à la CCPH :"
    assert (found[0].vote.votes_for, found[0].vote.votes_abstention) == (10, 2)


def test_coded_acts_listed_again_at_the_end_keep_their_discussion():
    # preuilly_sur_claise/PV.pdf: pages 3 and 9 (the list of the séance's acts at the end).
    pages = [
        "2020-041 CONSEIL D’ADMINISTRATION DU COLLEGE GASTON DEFFERRE :\nDésignation des délégués\n"
        "Monsieur le Maire expose qu'il convient de désigner un délégué titulaire et un délégué suppléant du\n"
        "Considérant qu’il convient de nommer des délégués au conseil d’administration du Collège Gaston\n"
        "Defferre, le Conseil Municipal après en avoir délibéré à l’unanimité, DESIGNE comme délégués les\n"
        "2020-042 CONSEIL D’ADMINISTRATION DE L’EHPAD : Désignation des délégués\n"
        "Monsieur le Maire expose qu'il convient de désigner deux délégués titulaires et deux délégués\n"
        "Le Conseil Municipal après en avoir délibéré,\nPar 13 voix POUR – 1 ABSTENTION\n"
        "DESIGNE comme délégués les personnes suivantes en qualité de",
        "2020-041 Conseil d’administration du Collège Gaston Defferre- Délégués\n"
        "2020-042 Conseil d’administration de l’EHPAD- Délégués\n"
        "2020-043 Conseil de vie sociale- Délégué",
    ]
    found = deliberations_find(pages)
    assert [(d.number, d.start.page) for d in found] == [("2020-041", 1), ("2020-042", 1), ("2020-043", 2)]
    assert (found[1].vote.votes_for, found[1].vote.votes_abstention) == (13, 1)


def test_agenda_then_items_holding_a_numbered_list_of_their_own():
    # pierrefonds_mymairie/compte-rendu-14-12-2015.pdf, shortened: item 3 lists six buildings.
    page = (
        "ORDRE DU JOUR\n"
        "1. Travaux d’aménagement de voirie – Rue de l’Armistice\n"
        "2. Adhésion à Oise la Vallée – Agence d’urbanisme et de développement de la vallée de l’Oise\n"
        "3. Eglise de Pierrefonds – Travaux d’accessibilité à destination des personnes à mobilité réduite\n"
        "________\n"
        "1. Travaux d’aménagement de voirie – Rue de l’Armistice\n"
        "Compte tenu de l’état de la chaussée Rue de l’Armistice, il va être demandé au Conseil Départemental\n"
        "de bien vouloir reprogrammer la réfection de l’enrobé de la RD 973.\n"
        "Vote : Pour à l’unanimité\n"
        "2. Adhésion à Oise la Vallée – Agence d’urbanisme et de développement de la vallée de l’Oise\n"
        "Madame le maire rappelle à l’assemblée les difficultés rencontrées avec le bureau d’études dans le cadre\n"
        "de l’élaboration du PLU et la résiliation du contrat d’un commun accord.\n"
        "Vote : Pour à l’unanimité\n"
        "3. Eglise de Pierrefonds – Travaux d’accessibilité à destination des personnes à mobilité réduite\n"
        "Madame le maire rappelle l’agenda d’accessibilité programmée des bâtiments communaux :\n"
        "1. Eglise\n2. Groupe scolaire\n3. Mairie\n4. Sanitaires\n5. Bibliothèque\n6. Foyer Napoléon\n"
        "Vote :\n− Pour : 17\n− Abstention : 1"
    )
    found = deliberations_find([page])
    assert [d.objet[:20] for d in found] == ["Travaux d’aménagemen", "Adhésion à Oise la V", "Eglise de Pierrefond"]
    assert found[0].start.offset == page.index("________") + len("________\n")
    assert found[2].vote.votes_for == 17


def test_unanimous_vote_counts_the_voters_of_the_attendance_list():
    # chemere_regardscitoyens/pdf/CM 10 septembre 2013.pdf
    page = (
        "CONSEIL MUNICIPAL\nSEANCE DU 10 SEPTEMBRE 2013\nNombre de Conseillers\nen exercice : 17\n"
        "Présents : 13\nVotants : 14\nProcuration : 1\n"
        "L'an deux mil treize, le dix septembre, à vingt heures\n"
        "• DE-2013/87 – Règlement d’assainissement : Dérogation\n"
        "Le Conseil municipal, à l’unanimité, accepte la dérogation.\n"
        "• DE-2013/88 – Syndicat intercommunal d’alimentation en eau potable (SIAEP) du\n"
        "Pays de Retz : Rapport annuel 2012\n"
        "Le Conseil municipal prend acte."
    )
    minutes = minutes_parse(pages=[page], filename="CM 10 septembre 2013.pdf")
    assert [d.vote.votes_for for d in minutes.deliberations] == [14, None]
    assert minutes.deliberations[0].vote.unanimous


def test_numbered_acts_then_the_mayors_coded_decisions_are_all_acts():
    # montpellier_opendata/proces_verbaux/PV_CM_17_02_2014.pdf, pages 33 to 35 and 250 (bodies cut short): the
    # act numbered 11 is printed glued to its hyphen, and the minutes end with the decisions taken by delegation.
    pages = [
        "Pour : 46\nContre :\nAbstentions :\nAdopté à l’unanimité.\n"
        "10- Convention d'occupation du domaine public - Manège de chevaux de bois de la\n"
        "Comédie - Désignation de l'exploitant - Décision - Autorisation\n\n"
        "Un avis d’appel à candidature pour l’exploitation d’un manège de chevaux de bois, pour une durée de 6 ans,\n"
        "place de la Comédie, a été lancé par la Ville au mois d’octobre pour en désigner le futur occupant.\n"
        "Pour : 46\nContre :\nAbstentions :\nAdopté à l’unanimité.\n",
        "11-Convention d'occupation du domaine public - Skate park de la Mosson -\n"
        "Kiosque alimentaire - Désignation de l'exploitant - Décision - Autorisation\n\n"
        "Un avis d’appel à candidature pour l’exploitation du kiosque alimentaire du skate park de la Mosson a été\n"
        "lancé par la Ville pour en désigner le futur occupant, pour une durée de 6 ans.\n"
        "Pour : 46\nContre :\nAbstentions :\nAdopté à l’unanimité.\n",
        "12- Mise en conformité du Parc Darwin - Mise en conformité de la zone\ntechnique\n"
        "Attribution des marchés de travaux\nAutorisation de signer les marchés et demande de subventions\n"
        "Les travaux de mise en conformité de la zone technique du Parc Darwin sont répartis en plusieurs lots.\n"
        "Pour : 46\nContre :\nAbstentions :\nAdopté à l’unanimité.\n",
        "2013/0151 Après consultation, la Ville de MONTPELLIER décide d'attribuer le marché \"Achat de tampons bois\n"
        "et mécaniques\" à la société EFTG pour un montant maximum annuel.\n"
        "2013/0223 La Commune de Montpellier décide de défendre ses intérêts dans le contentieux l'opposant à\n"
        "une administrée.\n",
    ]
    found = deliberations_find(pages)
    assert [(d.number, d.start.page) for d in found] == [
        ("10", 1), ("11", 2), ("12", 3), ("2013/0151", 4), ("2013/0223", 4)
    ]
    assert found[1].objet.startswith("Convention d'occupation du domaine public - Skate park de la Mosson")
    assert found[0].vote.unanimous


def test_articles_of_an_act_are_not_agenda_items():
    # chemere_regardscitoyens/pdf/CM 10 septembre 2013.pdf (the syndicate's new statutes, inside one act)
    page = (
        "modifier le mode de représentation des Communes membres du Syndicat.\n"
        "Article 1 : Dénomination\n"
        "Le Syndicat porte le nom de « SYNDICAT INTERCOMMUNAL D’ALIMENTATION EN EAU POTABLE DU PAYS DE RETZ ».\n"
        "Article 2 : Composition\n"
        "Le SIAEP du Pays de Retz est composé des 16 communes suivantes :\n"
    )
    assert deliberations_find([page]) == []


# flaux_village/compte rendu 16 juin.pdf, pages 1 and 2 as OCR reads them: no item is numbered, each is a title, its
# text and a « Vote : » line; the page's stamp opens page 2, the agenda closes page 1.
_UNNUMBERED_PAGE_1 = (
    "Ouverture de la séance\n\n"
    "Le quorum est atteint, Monsieur le Maire déclare la séance ouverte\n\n"
    "Nomination du secrétaire\n"
    "Monsieur le Maire propose la candidature de Patricia MICHOT, en qualité de secrétaire\n"
    "pour la présente séance\n\n"
    "Vote : à l'unanimité\n\n"
    "Ordre du jour\n\n"
    "Approbation du compte rendu du conseil du 19 mai 2021\n\n"
    "Décision modificative N °1 du budget M49\n\n"
    "Questions diverses\n\n"
    "Approbation du compte rendu du Conseil Municipal du 19 mai 2021\n\n"
    "Monsieur le Maire demande s’il y a des observations.\n"
    "Personne ne prenant la parole, il est passé au vote\n"
    "Vote : à l'unanimité"
)
_UNNUMBERED_PAGE_2 = (
    "exercice : 11\nqui ont pris part\nà la délibération : il\n\ndont 2 procurations\n\n"
    "Date de la convocation :\n\n1 Juin 2021\n\nCompte rendu\nconseil municipal du\n16 juin 2021\n\n"
    "Décision modificative N °1 du budget M49\n\n"
    "Dépenses de fonctionnement :\n\n"
    "Manque de crédit budgétaire pour régler des factures de fonctionnement :\n\n"
    "Chapitre 011 | Compte 6156 Maintenance - 12200 €\n"
    "Reversement redevance\n"
    "Chapitre 014 | Compte 701249 | pour pollution + 122.00 €\n\n"
    "Personne ne prenant la parole, il est passé au vote\n"
    "Vote : à l'unanimité\n\n"
    "Convention Préfecture pour la transmission électronique des actes au\n\n"
    "représentant de l’état\n\n"
    "Monsieur le Maire expose aux membres du Conseil Municipal que dans le cadre de la\n"
    "- autorise Monsieur Le Maire à signer la convention avec les services de l'Etat.\n\n"
    "Personne ne prenant la parole, il est passé au vote\n"
    "Vote : à l'unanimité\n\n"
    "Représentant d’un coordinateur communal pour le recensement 2022\n\n"
    "Il est proposé au Conseil municipal\n"
)


def test_unnumbered_items_each_closed_by_its_vote():
    pages = [_UNNUMBERED_PAGE_1, _UNNUMBERED_PAGE_2]
    found = deliberations_find(pages)
    assert [d.objet for d in found] == [
        "Nomination du secrétaire",
        "Approbation du compte rendu du conseil du 19 mai 2021",
        "Décision modificative N °1 du budget M49",
        "Convention Préfecture pour la transmission électronique des actes au",
    ]
    assert [d.vote.unanimous for d in found] == [True] * 4
    # Each act holds its own vote: the budget change is on page 2, after the stamp.
    assert (found[2].page_start, found[2].page_end) == (2, 2)
    assert "Chapitre 011" in pages[1][found[2].start.offset:found[3].start.offset]
    # An act ends with its vote: the agenda after the first one, and what follows the last one, belong to none.
    assert pages[0][found[0].end.offset:].startswith("\nOrdre du jour")
    assert found[-1].end.page == 2 and pages[1][found[-1].end.offset:].startswith("\nReprésentant d’un coordinateur")


def test_one_vote_line_is_no_list_of_items():
    # A single act or a report with one vote keeps the parse it had.
    assert deliberations_find([_UNNUMBERED_PAGE_1.split("Ordre du jour")[0]]) == []

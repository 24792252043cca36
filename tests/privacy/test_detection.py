"""Persons found in real lines of minutes: who is an elected official, who is a private person."""

from __future__ import annotations

import pytest

from ingestion.parsing.officials import officials_find
from privacy.detection import (
    ADDRESS_PLACEHOLDER,
    EMAIL_PLACEHOLDER,
    PHONE_PLACEHOLDER,
    name_in_place,
    persons_detect,
    replacements_build,
)
from privacy.pseudonymise import pseudonymiser_build


def _by_surface(mentions):
    return {mention.surface: mention for mention in mentions}


# pierrefonds_mymairie/20240613-PV-AFFICHAGE-1.pdf, page 1 and page 7
ATTENDANCE = (
    "Présents : Madame Florence DEMOUY, Madame Emmanuelle LEMAITRE, Monsieur Jean-Jacques \n"
    "CARRETERO, Monsieur Romain RIBEIRO, Madame Catherine GEVAERT, Monsieur Gilles PAPIN,\n"
    "Pouvoirs : \n"
    "- Monsieur Gérard LANNIER à Madame Emmanuelle LEMAITRE\n"
    "Secrétaire : Madame Karine DUTEIL \n"
)
VOTE = (
    "Vote : 2 CONTRE (M. Leblanc et M. Tanguy)\n"
    "Monsieur Leblanc est favorable sur le principe mais il note que le sentier n’est pas entièrement rétrocédé \n"
)


def test_attendance_list_names_are_officials():
    mentions = _by_surface(persons_detect(pages=[ATTENDANCE], officials=[]))
    for surface in ("Madame Florence DEMOUY", "Monsieur Jean-Jacques \nCARRETERO", "Monsieur Gérard LANNIER",
                    "Madame Karine DUTEIL"):
        assert mentions[surface].kind == "official", surface
    assert mentions["Madame Florence DEMOUY"].reason == "élu présent à la séance"
    assert mentions["Madame Florence DEMOUY"].page == 1
    assert ATTENDANCE[mentions["Monsieur Gilles PAPIN"].start:mentions["Monsieur Gilles PAPIN"].end] == (
        "Monsieur Gilles PAPIN")


def test_voters_are_officials_and_keep_one_key_across_pages():
    mentions = persons_detect(pages=[ATTENDANCE, VOTE], officials=[])
    leblanc = [mention for mention in mentions if "Leblanc" in mention.surface]
    assert {mention.kind for mention in leblanc} == {"official"}
    assert len({mention.person_key for mention in leblanc}) == 1
    assert {mention.page for mention in leblanc} == {2}


def test_officials_list_is_matched_on_surname_and_compatible_first_name():
    # preuilly_sur_claise/PV.pdf, page 4
    text = "Il précise également que Mme Stamfelj et M. Bernard travaillent sur le prix de revient d’un repas à la\n"
    mentions = _by_surface(persons_detect(pages=[text], officials=["Mme STAMFELJ Marie-José", "M.BERNARD Bruno"]))
    assert mentions["Mme Stamfelj"].kind == "official"
    assert mentions["M. Bernard"].kind == "official"
    mentions = _by_surface(persons_detect(pages=[text], officials=["Mme STAMFELJ Marie-José"]))
    assert mentions["M. Bernard"].kind == "private"


def test_subsidy_beneficiary_is_private_with_address():
    # montpellier_opendata/deliberations_2013/2013_06_17/2013-06-17-0000064296.pdf, page 1
    text = (
        "SCI MARJAC, 28 avenue de Maurin (50 % de la subvention) 2.114,53 €\n"
        "Mme Maria BARBASTRO, 15 rue Reynes (50 % de la subvention) 1.671,87 €\n"
    )
    mentions = _by_surface(persons_detect(pages=[text], officials=["Michaël DELAFOSSE"]))
    assert mentions["Mme Maria BARBASTRO"].kind == "private"
    assert mentions["Mme Maria BARBASTRO"].reason == "personne privée (bénéficiaire)"
    assert mentions["15 rue Reynes"].kind == "private"
    # A company's address is not personal data.
    assert "28 avenue de Maurin" not in mentions


def test_street_named_after_a_person_is_not_a_mention():
    # montpellier_opendata/proces_verbaux/PV_CM_07_02_2011.pdf, page 32
    text = "M. Bernard BARRIERE, 12 rue Emile Zola 7.199,74 €\n"
    mentions = _by_surface(persons_detect(pages=[text], officials=[]))
    assert mentions["M. Bernard BARRIERE"].kind == "private"
    assert "12 rue Emile Zola" in mentions
    assert not any("Zola" in surface and "rue" not in surface for surface in mentions)


def test_function_is_not_a_name():
    # preuilly_sur_claise/PV.pdf, page 1
    text = (
        "Monsieur le Maire propose de faire ajouter deux délibérations à l’ordre du jour.\n"
        "Madame Chevry fait plusieurs observations sur le dernier compte rendu, M. le Maire lui conseille d’envoyer les \n"
    )
    surfaces = [mention.surface for mention in persons_detect(pages=[text], officials=["Mme CHEVRY Valérie"])]
    assert surfaces == ["Madame Chevry"]


def test_household_is_private_even_when_an_official_shares_the_surname():
    # chemere_regardscitoyens/pdf/CM 8 juillet 2014.pdf, page 1, and CM 13 mai 2014.pdf, page 6
    pages = [
        "M. MMES Sylviane GIBET, Valérie LEBLOND, Anne \nBRUNETEAU, Philippe BRIAND, Christelle GUIGNON, \n",
        "A 2018 22/04/2014 Consorts BRIAND Rue du Coudreau F 1063 Division 2 lots à \n",
    ]
    mentions = _by_surface(persons_detect(pages=pages, officials=["Philippe BRIAND"]))
    assert mentions["Philippe BRIAND"].kind == "official"
    assert mentions["Consorts BRIAND"].kind == "private"


def test_sale_to_a_listed_name_stays_private():
    # montpellier_opendata/deliberations_2013/2013_06_17/2013-06-17-0000064295.pdf, page 1
    text = (
        "Madame Andrée GINER, propriétaire de la parcelle cadastrée PN 10 – route de Bionne, a fait part\n"
        "La parcelle de Mme GINER est un terrain nu en friche et se situe en zone N\n"
    )
    mentions = persons_detect(pages=[text], officials=["Andrée GINER"])
    assert {mention.kind for mention in mentions if "GINER" in mention.surface} == {"private"}
    assert len({mention.person_key for mention in mentions if "GINER" in mention.surface}) == 1


def test_replacements_number_persons_by_first_appearance():
    # montpellier_opendata/proces_verbaux/PV_CM_17_02_2014.pdf, page 151
    text = (
        "- Une emprise de 290 m2 environ à extraire de la parcelle EY 709 appartenant à Monsieur Lenormand et \n"
        "Madame Saiman ;\n"
        "- Une emprise de 69 m2 environ à extraire de la parcelle EY 710 appartenant à Madame Fortune ;\n"
    )
    replacements = replacements_build(persons_detect(pages=[text], officials=[]))
    assert replacements["Monsieur Lenormand"] == "[personne 1]"
    assert replacements["Madame Saiman"] == "[personne 2]"
    assert replacements["Madame Fortune"] == "[personne 3]"
    assert replacements["Lenormand"] == "[personne 1]"


def test_contact_data_is_masked():
    # chemere_regardscitoyens/pdf/CM 24 juin 2008.pdf, page 7
    text = "Tél. : 02.40.21.30.22./Fax : 0240.21.22.18 \nE-mail : chemere.mairie@wanadoo.fr \n"
    replacements = replacements_build(persons_detect(pages=[text], officials=[]))
    assert replacements["02.40.21.30.22"] == PHONE_PLACEHOLDER
    assert replacements["chemere.mairie@wanadoo.fr"] == EMAIL_PLACEHOLDER
    # chemere_regardscitoyens/pdf/CM 13 septembre 2011.pdf, page 9
    text = "administré demeurant à CHEMERE (44680) 2 rue du Clos Gris (N° de compteur : 73606), \n"
    replacements = replacements_build(persons_detect(pages=[text], officials=[]))
    assert ADDRESS_PLACEHOLDER in replacements.values()


def test_a_word_ending_like_a_place_does_not_hide_a_name():
    # « rapport » ends with « port »: the name after it is a person, not a harbour.
    text = "Vu le rapport de Mme Jeanne Fabrègues, riveraine du chemin, sur la parcelle AB 12."
    mentions = _by_surface(persons_detect(pages=[text], officials=[]))
    assert mentions["Mme Jeanne Fabrègues"].kind == "private"
    assert "[personne 1]" in set(replacements_build(mentions.values()).values())


def test_a_repeated_mixed_case_name_is_found_at_every_occurrence():
    # The model reads « Hélène Mandroux » once; each printing of the name is still a mention.
    text = (
        "Hélène Mandroux ouvre la séance à 18 heures.\n"
        "La parole est donnée à Hélène Mandroux, qui rappelle l'ordre du jour.\n"
    )
    mentions = [m for m in persons_detect(pages=[text], officials=[]) if "Mandroux" in m.surface]
    assert len(mentions) == 2


# pierrefonds_mymairie/cc_lisieres_de_l_oise/2025.09.25-Compte-rendu-du-CC-du-25-septembre-2025-approuve.pdf, page 1
ABSENT_INCLUSIVE = (
    "Absent(s) et absent(s) excusé(s) :\n"
    "M. Stéphane DECULTOT, M. Guillain De FRANCE, M. Michel KMIEC, M. Stéphane DUTILLOY, M. Michel \n"
    "LEBLANC (5)\n"
)


def test_an_attendance_heading_in_inclusive_writing_opens_a_list_of_officials():
    mentions = _by_surface(persons_detect(pages=[ABSENT_INCLUSIVE], officials=[]))
    for surface in ("M. Stéphane DECULTOT", "M. Michel KMIEC", "M. Michel \nLEBLANC"):
        assert mentions[surface].kind == "official", surface


def test_a_name_printed_with_a_legal_form_is_a_company():
    # roannais_agglomeration/example.pdf, page 8
    text = "Subvention à l’établissement \nTorréfaction de Cafés EURL CBLB Pouilly les Nonains\n"
    assert not [m for m in persons_detect(pages=[text], officials=[]) if "CBLB" in m.surface]


def test_a_given_name_alone_is_not_masked_everywhere():
    # chemere_regardscitoyens/pdf/CM 10 septembre 2013.pdf, page 9 (a row printed surname first), and page 9's
    # reader of the table, an official.
    text = ("Monsieur Jean-Pierre GRANDJOUAN donne lecture des documents d’urbanisme :\n"
            "A 1021 31/07/2013 PERROUIN Pierre 7 rue des \nCentaurées\nG 2761 Abri camping-car\n")
    replacements = replacements_build(persons_detect(pages=[text], officials=[]), pages=[text])
    assert "PERROUIN Pierre" in replacements and "PERROUIN" in replacements
    assert "Pierre" not in replacements


def test_an_address_named_by_a_deliberation_title_stays_public():
    # chemere_regardscitoyens/pdf/CM 10 septembre 2013.pdf, page 5 (title) and page 9 (row of an applicant)
    title = "Institution d’une Participation pour voirie et réseaux (PVR) – 13 bis \nrue du Brandais"
    row = "A 1019 18/07/2013 LOIRAT Joseph 13 Bis rue du \nBrandais\nG 1603p \net 1319p\nMaison d'habitation\n"
    mentions = persons_detect(pages=[row], officials=[])
    assert "13 Bis rue du \nBrandais" in replacements_build(mentions, pages=[row])
    kept = replacements_build(mentions, pages=[row], titles=[title])
    assert "13 Bis rue du \nBrandais" not in kept and "LOIRAT Joseph" in kept


def test_a_beneficiary_on_the_line_after_a_place_noun_is_a_person():
    # montpellier_opendata/proces_verbaux/PV_CM_16_12_2011.pdf, page 71: the table of façade subsidies follows the
    # next délibération's title, which ends with « Parc »; a street does not go on across the line break.
    text = (
        "52 - Convention d’occupation temporaire pour l’installation d’un relais FREE Parc\n"
        "M. ou Mme Jean-Pierre ROUGES, 21 rue Anterrieu 6.873,75 €\n"
        "M. JULIÉ P. et M. JULIÉ J, 58 avenue de Lodève 2.588,97 €\n"
    )
    mentions = _by_surface(persons_detect(pages=[text], officials=["Michaël DELAFOSSE"]))
    assert mentions["M. ou Mme Jean-Pierre ROUGES"].kind == "private"
    assert mentions["21 rue Anterrieu"].kind == "private"
    # The initial after the name does not cut the address from its owner.
    assert mentions["58 avenue de Lodève"].kind == "private"


def test_the_address_of_what_a_private_person_owns_is_masked():
    # montpellier_opendata/proces_verbaux/PV_CM_24_04_2014.pdf, page 47 (a pre-emption)
    text = (
        "2014/0029 D’exercer le droit de préemption sur la propriété de Madame Raymonde BRUCHET située 13 rue \n"
        "du Fbg du Courreau, cadastrée section HW 110, pour un montant de 130.000 €.\n"
    )
    mentions = _by_surface(persons_detect(pages=[text], officials=[]))
    assert mentions["Madame Raymonde BRUCHET"].kind == "private"
    assert mentions["13 rue \ndu Fbg du Courreau"].kind == "private"


def test_capitalised_words_without_a_given_name_are_no_person():
    # montpellier_opendata/proces_verbaux/PV_CM_30_03_2009.pdf, pages 42 and 28
    text = (
        "Dénomination du candidat : EIFFAGE Immobilier\n"
        "Languedoc Roussillon\n"
        "Liste UMP- SE : 8 - Hervé MARTIN\n"
    )
    surfaces = set(_by_surface(persons_detect(pages=[text], officials=[])))
    assert not any("EIFFAGE" in surface or "Languedoc" in surface for surface in surfaces)
    # A given name makes the same shape a person.
    assert "Hervé MARTIN" in surfaces


def test_a_surname_that_is_also_a_common_word_is_masked_in_capitals():
    # pierrefonds_mymairie/cc_lisieres_de_l_oise/2025.11.13-CR-CC-du-13-novembre-2025-approuve.pdf, page 3
    text = (
        "Monsieur BEGUIN indique que l’entreprise est gérée par Monsieur Thomas PETIT.\n"
        "Il précise également que Monsieur PETIT n’est pas géomètre expert. Il mesure, modélise et \n"
    )
    replacements = replacements_build(persons_detect(pages=[text], officials=["Eric BEGUIN"]), pages=[text])
    assert "Monsieur Thomas PETIT" in replacements and "Monsieur PETIT" in replacements
    # The word alone is not masked everywhere (« Petit patrimoine »).
    assert "PETIT" not in replacements


def test_abbreviated_and_corner_addresses_are_masked_whole():
    # montpellier_opendata/proces_verbaux/PV_CM_28_03_2011.pdf, page 60: « av. » ends with a dot, and a corner
    # building has two addresses joined by a slash.
    text = "S.C.I. WURTZ - M. PREISS, 7 impasse Cité Gelly/8 av. Jean Mermoz (50 % de la \nsubvention) 1.600,78 €\n"
    mentions = _by_surface(persons_detect(pages=[text], officials=[]))
    assert mentions["7 impasse Cité Gelly"].kind == "private"
    assert mentions["8 av. Jean Mermoz"].kind == "private"


def test_a_first_name_wrapped_to_the_next_line_stays_with_its_surname():
    # preuilly_sur_claise/PV.pdf, page 5 (a personnel decision)
    text = (
        "Après avoir examiné les conditions, le Conseil Municipal ACCEPTE la nomination de Mme Moreau \n"
        "Cindy, Stagiaire adjoint technique à temps non complet sur la base de 27H44 hebdomadaires à \n"
    )
    mentions = _by_surface(persons_detect(pages=[text], officials=[]))
    assert mentions["Mme Moreau \nCindy"].kind == "private"


def test_every_name_of_a_two_column_table_is_masked_whole():
    # pierrefonds_mymairie/compte-rendu-30-06-2020.pdf, page 8: proposed commissioners of the direct-taxes
    # commission (taxpayers, not elected), printed in two columns.
    text = (
        "TITULAIRES SUPPLEANTS \n"
        "Bernard ROBERT Dolorès HUDO\n"
        "Jean-Marc VALLEE Jean-Luc RATEAU \n"
        "Marie LIEGOIS/LORTHE Ludivine EULALIE \n"
    )
    surfaces = {m.surface for m in persons_detect(pages=[text], officials=[]) if m.kind == "private"}
    assert {"Bernard ROBERT", "Dolorès HUDO", "Jean-Marc VALLEE", "Jean-Luc RATEAU", "Marie LIEGOIS/LORTHE",
            "Ludivine EULALIE"} <= surfaces
    # The column headings are no one's name.
    assert not any("TITULAIRES" in surface for surface in surfaces)


def _masked(text: str, *, officials: list[str] = (), titles: list[str] = ()) -> str:
    from privacy.pseudonymise import pseudonymiser_build

    replacements = replacements_build(persons_detect(pages=[text], officials=list(officials)), pages=[text], titles=titles)
    return pseudonymiser_build(replacements)(text)


def test_beneficiaries_listed_with_an_initial_a_role_or_in_capitals_lose_name_and_address():
    # montpellier_opendata/proces_verbaux/PV_CM_16_12_2011.pdf, page 71, and PV_CM_20_06_2011.pdf, page 59
    text = (
        "M. JULIÉ P. et M. JULIÉ J, 58 avenue de Lodève 2.588,97 € \n"
        "CHAUTARD CHRISTINE, Syndic copropriété Faubourg Figuerolles, 4 rue du Fbg Figuerolles \n"
        "(solde) 3.475,82 € \n"
        "M. ESCANDE syndic bénévole copropriété, 8 rue Dessalle Possel (solde de la subvention) 4.477,98 € \n"
    )
    masked = _masked(text)
    for private in ("JULIÉ", " P.", "Lodève", "CHAUTARD", "CHRISTINE", "Fbg Figuerolles (", "ESCANDE", "Dessalle"):
        assert private not in masked, private
    # What the person is and what they get stay readable.
    assert "Syndic copropriété Faubourg Figuerolles" in masked and "syndic bénévole copropriété" in masked
    assert "2.588,97 €" in masked


def test_an_official_applying_as_a_private_person_keeps_the_name_not_the_home_address():
    # chemere_regardscitoyens/pdf/CM 10 septembre 2013.pdf, page 9 (planning applications)
    text = "A 2038 22/07/2013 PIPAUD Paul 20 rue du Brigandin G 1606 Ravalement de façade\n"
    masked = _masked(text, officials=["Paul PIPAUD"])
    assert "PIPAUD Paul" in masked and "Brigandin" not in masked
    assert "G 1606 Ravalement de façade" in masked


def test_members_coming_and_going_are_officials_even_amid_beneficiaries():
    # montpellier_opendata/proces_verbaux/PV_CM_28_03_2011.pdf, page 60
    text = (
        "M. Tsitsonis et Mme Benouargha sortent de séance. \n"
        "Copropriété 20 rue Guillaume Pellicier (plafond de la subvention) 1.360,00 €\n"
    )
    mentions = _by_surface(persons_detect(pages=[text], officials=[]))
    assert mentions["Mme Benouargha"].kind == mentions["M. Tsitsonis"].kind == "official"


def test_a_staff_grade_is_no_elected_office():
    # preuilly_sur_claise/PV.pdf, page 4
    text = (
        "Monsieur le Maire rappelle au Conseil Municipal que Mme Robert M.Claude Adjoint Technique \n"
        "Principal est partie en retraite depuis le 30 Juin dernier. \n"
    )
    assert _by_surface(persons_detect(pages=[text], officials=[]))["Mme Robert M.Claude"].kind == "private"


def test_a_one_person_company_bears_a_private_name():
    # pierrefonds_mymairie/cc_lisieres_de_l_oise/Compte-rendu-approuve-du-CC-du-13-mars-2025.pdf, page 15
    text = (
        "DEL2025-09 : Aides directes aux entreprises – Création reprise d’entreprise – SASU Eric \n"
        "MARCHAND\n"
        "Rapporteur : Eric BEGUIN \n"
        "Monsieur Eric MARCHAND a créé son activité au 1er mars 2025 sous le statut de SASU MARCHAND \n"
        "Eric et dont le siège social est situé 1 rue de la fontaine\n"
    )
    masked = _masked(text, officials=["Eric BEGUIN"])
    assert "MARCHAND" not in masked
    assert "Rapporteur : Eric BEGUIN" in masked


def test_a_household_and_a_spouse_with_a_particle_are_masked():
    # roannais_agglomeration/example.pdf, page 12
    text = (
        "Acquisition amiable de terrains aux consorts de \n"
        "Brosses au sein de la zone économique des Berges du Rhins sur la commune de Parigny\n"
        "- approuve l’acquisition amiable à Madame Anne de BROSSES, épouse de JULIEN de ZELICOURT et \n"
        "Monsieur Charles de BROSSES du tènement foncier suivant : \n"
    )
    masked = _masked(text)
    for private in ("Brosses", "BROSSES", "JULIEN", "ZELICOURT"):
        assert private not in masked, private
    assert "Berges du Rhins" in masked


def test_a_title_naming_a_private_owner_does_not_make_the_address_public():
    # montpellier_opendata/proces_verbaux/PV_CM_24_04_2014.pdf, page 47 (a decision of the mayor, parsed as an act)
    text = (
        "2014/0029 D’exercer le droit de préemption sur la propriété de Madame Raymonde BRUCHET située 13 rue \n"
        "du Fbg du Courreau, cadastrée section HW 110, pour un montant de 130.000 €.\n"
    )
    title = (
        "D’exercer le droit de préemption sur la propriété de Madame Raymonde BRUCHET située 13 rue du Fbg du "
        "Courreau, cadastrée section HW 110, pour un montant de 130.000 €."
    )
    masked = _masked(text, titles=[title])
    assert "BRUCHET" not in masked and "Courreau" not in masked and "HW 110" in masked


def test_a_person_a_building_is_named_after_is_no_private_person():
    # montpellier_opendata/proces_verbaux/PV_CM_24_04_2014.pdf, page 47
    text = (
        "2014/0041 Attribution d'un marché passé selon une procédure adaptée: direction artistique et commissariat \n"
        "d'expositions au Carré Sainte Anne et à l'espace Dominique Bagouet, année 2014, pour un \n"
        "montant de 32 000 € HT, à M. Numa Hambursin.\n"
    )
    masked = _masked(text)
    assert "l'espace Dominique Bagouet" in masked and "Hambursin" not in masked
    # aiglun_regardscitoyens/pdf/CR CM 19122013.pdf, page 2 (OCR): an adjective between the building and the name.
    text = "9. SPORTS LOISIRS - Extension du pôle multiactivités Raymond Moutet - Plan de financement \n"
    assert _masked(text) == text


def test_two_neighbours_a_couple_with_two_surnames_and_an_initial_without_its_dot():
    # montpellier_opendata/proces_verbaux/PV_CM_16_12_2011.pdf page 68, PV_CM_09_05_2011.pdf page 60,
    # pierrefonds_mymairie/compte-rendu-02-02-2016.pdf page 6 and compte-rendu-04-04-2016.pdf page 10
    text = (
        " Mesdames LEMONNIER et ZIANI, domiciliées 45 et 43, rue des Bouissettes, ont sollicité de la Ville le \n"
        "M. ou Mme J Michel GERAUD, 17 rue Bazille Balard (50 % de la subvention) 995,39 € \n"
        "M. et Mme SESBOUE/LEFORT \n27, Rue du Bois d’Haucourt \n60350 PIERREFONDS \n2156 € TTC 2156 € TTC \n"
        "M. Eric BURLET \n6, Sente Fontaine Vanière \n60350 PIERREFONDS \n"
    )
    masked = _masked(text)
    for private in ("LEMONNIER", "ZIANI", "Bouissettes", "GERAUD", "Bazille", "SESBOUE", "LEFORT", "Haucourt",
                    "BURLET", "Fontaine Vanière"):
        assert private not in masked, private
    assert "60350 PIERREFONDS" in masked and "995,39 €" in masked


def test_a_place_noun_before_a_given_name_names_the_place():
    # pierrefonds_mymairie/compte-rendu-17-11-2015.pdf, page 14
    text = "16. Remboursement d’une location du Foyer Napoléon suite à une annulation (suite) \n"
    assert _masked(text) == text


def test_a_second_first_name_in_a_row_of_applicants_needs_no_dictionary():
    # chemere_regardscitoyens/pdf/CM 16 septembre 2008.pdf page 5 and CM 21 septembre 2010.pdf page 8
    text = (
        "A 1042 06/09/2008 POIRIER Jean-Pierre \net Paule \n6 rue du Coudreau F 1495 1500 1503 (Lot A) Maison habitation \n"
        "A 1033 29/07/2010 VIVIER Guislain et Khemissa 30 rue des moissonneurs G 2937 Maison habitation \n"
    )
    masked = _masked(text)
    for private in ("POIRIER", "Paule", "Coudreau", "VIVIER", "Khemissa", "moissonneurs"):
        assert private not in masked, private
    assert "F 1495 1500 1503 (Lot A) Maison habitation" in masked
    # preuilly_sur_claise/PV.pdf, page 6: after a civilité, « et » may join a company.
    text = "Il indique également qu’un bail est en cours entre la propriétaire Madame Destruel et Kéolis d’un loyer \n"
    assert "Kéolis" in _masked(text)


def test_the_property_of_a_private_person_named_in_the_sentence_is_masked():
    # pierrefonds_mymairie/compte-rendu-15-10-2015.pdf page 6 and CM-06-avril-2021.pdf page 10
    text = (
        "à la requête de Monsieur Didier JOUBERT et Madame Sabine RINDER, propriétaires d’un immeuble \n"
        "sis 12, Rue de Fontenoy à Pierrefonds aux fins de désignation d’un expert judiciaire et d’allocation d’une \n"
        "M. et Mme MENDES sont propriétaires sur la \n"
        "commune de Pierrefonds de l’habitation au 1, Impasse de la Noue, parcelle cadastrée B477. Une servitude de \n"
    )
    masked = _masked(text)
    assert "Fontenoy" not in masked and "Impasse de la Noue" not in masked
    assert "à Pierrefonds aux fins" in masked and "parcelle cadastrée B477" in masked
    # Without a private person in the sentence, a building's address is the commune's business.
    text = "La commune est propriétaire de l’immeuble sis 5 place de la Mairie.\n"
    assert _masked(text) == text


def test_applicants_surname_first_with_a_rare_first_name_a_second_one_or_a_partner():
    # chemere_regardscitoyens/pdf/CM 20 juillet 2010.pdf page 4 and CM 22 juin 2010.pdf page 7
    text = (
        "A 1025 23/06/2010 TAURON Gwanaël 12 rue du Ponant Lot n°43 Maison Habitation \n"
        "A 1026 25/06/2010 CHANDELIER David et \nROUSSEAU Gaëlle 14 rue du Ponant Lot n°44 Maison Habitation \n"
        "A 1019 15/05/2010 GUILLON Jean Raymond 6 rue du Ponant Lot n°40 Maison Habitation \n"
    )
    masked = _masked(text)
    for private in ("TAURON", "Gwanaël", "ROUSSEAU", "Gaëlle", "GUILLON", "Raymond", "rue du Ponant"):
        assert private not in masked, private
    assert "Lot n°43 Maison Habitation" in masked and "Lot n°40 Maison Habitation" in masked
    # chemere_regardscitoyens/pdf/CM 16 décembre 2014.pdf page 1: a table header is no couple.
    text = (
        "MME ou \nM. NOM et PRENOM Date de naissance Fonction Suffrages obtenus par la liste\n"
        "M. LECLEVE Georges 13/02/1951 Maire 687\n"
    )
    assert "PRENOM Date de naissance Fonction" in _masked(text)


def test_the_owner_named_by_the_property_and_the_address_it_sits_at():
    # montpellier_opendata/proces_verbaux/PV_CM_09_05_2011.pdf page 63
    masked = _masked("afin de permettre le désenclavement de la partie de la \npropriété AGELOU située hors ZAC ;\n")
    assert "AGELOU" not in masked and "située hors ZAC" in masked
    # montpellier_opendata/proces_verbaux/PV_CM_17_02_2014.pdf page 139: a body, in capitals too.
    text = "Préemption de la propriété CAMPUS FRANCE \n130, avenue de Palavas \n"
    assert "CAMPUS FRANCE" in _masked(text)
    # montpellier_opendata/proces_verbaux/PV_CM_07_02_2011.pdf page 30
    masked = _masked("la Ville a acquis par voie de préemption le 29 avril 2008 la propriété des consorts \n"
                     "Valette, sise rue de la Lironde, cadastrée AO 99.\n")
    assert "Valette" not in masked and "Lironde" not in masked and "cadastrée AO 99" in masked


def test_a_heading_in_capitals_and_the_mayor_acting_in_office_are_no_private_persons():
    # chemere_regardscitoyens/pdf/CM 16 février 2010.pdf page 5: a table heading over a column « Cat. ».
    text = "Unité Tarifs actuels Tarifs proposés \nTARIFS ACTUELS DE LOCATION DES SALLES\nCat. Désignation \n"
    assert _masked(text) == text
    # chemere_regardscitoyens/pdf/CM 24 février 2015.pdf page 11: « domicilié en cette qualité » is the town hall.
    text = (
        "La Commune de CHEMERE\n"
        "Représentée par son Maire, Monsieur Georges LECLEVE, domicilié en cette qualité, Hôtel de Ville – 6 rue de Nantes \n"
        "44680 CHEMERE, dûment habilité par délibération du Conseil Municipal en date du ..................,\n"
    )
    assert _masked(text) == text


def test_places_named_after_persons_in_the_plural():
    # montpellier_opendata/proces_verbaux/PV_CM_16_12_2011.pdf page 86
    text = "de tarifs réduits aux théâtres\nGérard Philipe et Jean Vilar.\nDu fait de l’intégration des Maisons Pour Tous\n"
    assert _masked(text) == text


def test_a_first_name_opening_a_line_belongs_to_the_surname_after_it():
    # montpellier_opendata/proces_verbaux/PV_CM_07_02_2011.pdf pages 8 and 18
    text = (
        "Jacques DOMERGUE\nMichaël DELAFOSSE\nPhilippe SAUREL\nPour : 51\nAbstention : 7\n"
        "3 - Lot 11B Société BACOTEC\nPhilippe SAUREL : Par délibération du Conseil Municipal n°2010/412\n"
    )
    mentions = persons_detect(pages=[text], officials=["Philippe SAUREL", "Michaël DELAFOSSE", "Jacques DOMERGUE"])
    assert {mention.surface for mention in mentions} == {"Jacques DOMERGUE", "Michaël DELAFOSSE", "Philippe SAUREL"}
    assert {mention.kind for mention in mentions} == {"official"}


def test_a_person_a_place_is_named_after_and_a_councillor_resigning_are_public():
    # montpellier_opendata/proces_verbaux/PV_CM_17_02_2014.pdf page 46
    text = (
        "Parvis Georges RICHARD \n1909-1993 \nRecteur Bâtisseur \nDes universités modernes \n"
        "Georges RICHARD est né en 1909 et décédé en 1993 ; il a été le recteur de l'Académie de Montpellier de 1958 \n"
    )
    assert _masked(text) == text
    # pierrefonds_mymairie/compte-rendu-10-12-2019.pdf page 1
    text = (
        "informe par ailleurs les membres du conseil municipal de la démission de Madame\n"
        "Emmanuelle DANAN de son mandat de conseillère municipale et de son remplacement par la suivante \n"
    )
    assert _masked(text) == text


def test_an_abbreviation_in_capitals_before_a_name_is_no_surname():
    # chemere_regardscitoyens/pdf/CM 22 avril 2008.pdf page 9: « LCD » has no vowel, so it is no one's surname;
    # the applicant's name after it is masked, the abbreviation and the lieu-dit's row stay readable around it.
    text = "A 1021 02/04/2008 LCD Gautier Eric Impasse de la Ville en bois F 532 533 745 Rénovation totale \n"
    surfaces = {mention.surface for mention in persons_detect(pages=[text], officials=[]) if mention.kind == "private"}
    assert "Gautier Eric" in surfaces
    assert not any("LCD" in surface for surface in surfaces)
    assert _masked(text).startswith("A 1021 02/04/2008 LCD [personne 1] ")


def test_bidders_in_capitals_with_their_postcode_are_masked():
    # chemere_regardscitoyens/pdf/CM 8 juillet 2014.pdf page 2: a table of architects' offers, each bidder « NOM
    # PRÉNOM (code postal VILLE) », the name wrapped in its cell at times; the firm « ARC A3 SUD TOURAINE » is no one.
    text = (
        "forfaitisée\nSURGET WILFRID\n(44640 ROUANS)\n9,00 % 24 750,00 € H.T. Missions optionnelles\n"
        "RELEVE des existants,\nDIA (Etudes de\ndiagnostic) ne sont pas\ninclues\nTROFFIGUE\nSANDRA (44210\nPORNIC)\n"
        "10,90 % 29 975,00 € H.T. Missions de base\nARC A3 SUD\nTOURAINE (37600\nLOCHES)\n9,85 %"
    )
    private = {m.surface for m in persons_detect(pages=[text], officials=[]) if m.kind == "private"}
    assert private == {"SURGET WILFRID", "TROFFIGUE\nSANDRA"}
    # chemere_regardscitoyens/pdf/CM 24 mai 2011.pdf page 2: a craftsman's order in the list of the mayor's decisions.
    text = "journée\n16/05/11\nLOUERAT ROGER\n(44320 ARTHON EN\nRETZ)\nTravaux théâtre : Commande prises directes "
    assert "[personne 1]\n(44320 ARTHON EN\nRETZ)" in _masked(text)


def test_the_town_does_not_open_a_persons_name():
    # montpellier_opendata/comptes_rendus/CR_CM_07_02_2011.pdf, pages 4 and 5: the language model reads
    # « Montpellier Mille » as a person; the document prints « Montpellier » as its town, which is no first name.
    pages = [
        "29. Les Rencontres Littéraires de Montpellier Mille et une littératures - Partenariat avec les\nconférenciers\n",
        "35. Télécommunications - Charte Ville de Montpellier - Free mobile \n",
    ]
    assert not any("Montpellier" in m.surface for m in persons_detect(pages=pages, officials=[]))


def test_a_list_of_persons_masks_each_name_birth_date_and_home():
    # chemere_regardscitoyens/pdf/CM 13 mai 2014.pdf, page 3: taxpayers proposed for the commission communale des
    # impôts directs, one a line, the town of the previous address ending the line above; a surname that is also a
    # month, a first name glued to the profession.
    text = (
        "Les commissaires titulaires et suppléants sont désignés par le Directeur des services fiscaux\n"
        "GRANDJOUAN Jean-BernardEducateur 29/07/59 1 bis rue du Moulin\n"
        "CHEMERE\n"
        "DUJARDIN Bernard Retraité 27/07/46 32 rue de Saint-Hilaire\n"
        "CHEMERE\n"
        "AVRIL Laurent Artisan 29/06/69 36 rue de la Treille\n"
        "CHEMERE\n"
    )
    masked = _masked(text)
    assert masked.splitlines()[1:] == [
        "[personne 1]Educateur [date de naissance] [adresse]",
        "CHEMERE",
        "[personne 2] Retraité [date de naissance] [adresse]",
        "CHEMERE",
        "[personne 3] Artisan [date de naissance] [adresse]",
        "CHEMERE",
    ]


def test_the_council_table_keeps_its_officials_and_their_birth_dates():
    # chemere_regardscitoyens/pdf/CM 16 décembre 2014.pdf, page 1: the tableau du conseil municipal.
    text = "M. LECLEVE Georges 13/02/1951 Maire 687\nMme PORCHER Virginie 10/12/1968 1\n"
    mentions = persons_detect(pages=[text], officials=["Georges LECLEVE", "Virginie PORCHER"])
    assert {m.kind for m in mentions} == {"official"}
    assert replacements_build(mentions) == {}


def test_an_address_of_neighbouring_numbers_and_a_described_property_are_masked():
    # chemere_regardscitoyens/pdf/CM 12 octobre 2011.pdf, page 10: a row of the planning applications.
    text = "A 1039 20/09/2011 GROHS Lucien 5 et 5 bis rue de \nPornic \nF 475,476 \net 775 \nAbri de jardin\n"
    masked = _masked(text)
    assert masked.startswith("A 1039 20/09/2011 [personne 1] [adresse] \nF 475,476")
    # montpellier_opendata/deliberations_2013/2013_06_17/2013-06-17-0000064294.pdf, page 1
    text = (
        "Michaël DELAFOSSE rapporte : \n"
        "Monsieur Dominique BIAU est propriétaire d'une villa avec terrain attenant sise 168 impasse d'Arcole et \n"
        "cadastrée section CR n° 105 qu'il souhaite vendre. \n"
    )
    masked = _masked(text)
    assert "sise [adresse] et \ncadastrée section CR n° 105" in masked


def test_the_owner_a_speaker_names_is_not_the_person_of_the_title():
    # montpellier_opendata/proces_verbaux/PV_CM_16_12_2011.pdf, page 64: the City owns the building, not the buyers.
    text = (
        "SCI LARA et à M. et Mme Jean-Claude DANA\n"
        "Michaël DELAFOSSE :\n"
        "La Ville est propriétaire de l’immeuble de bureaux situé 16-18 rue Frédéric Mistral, actuellement vide\n"
    )
    masked = _masked(text)
    assert "situé 16-18 rue Frédéric Mistral" in masked


def test_places_named_after_persons_keep_their_names():
    # What kind of place, then its name: a qualifier (« de boxe »), « dit du », a hyphenated noun, an article that
    # ends the line before a title (« avenue du \nDocteur »).
    lines = (
        # montpellier_opendata/proces_verbaux/PV_CM_17_02_2014.pdf, page 48
        "Dans le cadre de ce projet la reconstruction de la salle de boxe Jean Farré vient d’être achevée en bordure du \n",
        # pierrefonds_mymairie/CM-19-OCTOBRE-2021.pdf, page 6
        "PFS2 Rue de Fontenoy\nPFS 3 Chemin rural dit du Trou Toussaint\nPFS 4 Chemin rural dit du four à chaux\n",
        # montpellier_opendata/proces_verbaux/PV_CM_09_05_2011.pdf, page 69
        "36 - Réhabilitation de la halte-garderie Mary Poppins - Attribution des \nmarchés de travaux",
        # montpellier_opendata/proces_verbaux/PV_CM_07_02_2011.pdf, page 70
        "utorisation de déposer un permis de démolir – 9, avenue du \nDocteur Pezet - Ex-propriété",
    )
    for text in lines:
        assert _masked(text) == text


def test_a_civilite_after_de_is_a_person_not_a_place():
    # The shape of « la propriété de Monsieur CASTELLI » (chemere_regardscitoyens/pdf/CM 18 novembre 2008.pdf, page 4)
    # with a place noun: « maison de Madame … » is her house, not a place named after her.
    masked = _masked("Le Conseil autorise l'acquisition de la maison de \nMadame Jeanne CASTELLI pour 100 000 €.")
    assert "CASTELLI" not in masked and "Jeanne" not in masked
    masked = _masked("Le Conseil autorise l'acquisition de la maison de Madame Jeanne CASTELLI pour 100 000 €.")
    assert "CASTELLI" not in masked



def test_a_namesake_of_an_official_with_another_compound_first_name_is_a_private_person():
    # chemere_regardscitoyens/pdf/CM 9 septembre 2009.pdf, page 7 (planning applications); Jean-Paul LERAY sits on
    # the council: Jean-Claude is another person, while « Jean » alone could be Jean-Paul's short form.
    text = "A 2039 06/08/2009 LERAY Jean-Claude 24 rue du \nBrigandin G 1824 Clôture \n"
    mentions = _by_surface(persons_detect(pages=[text], officials=["Jean-Paul LERAY"]))
    assert mentions["LERAY Jean-Claude"].kind == "private"
    assert _by_surface(persons_detect(pages=["Séance présidée par M. Jean LERAY.\n"],
                                      officials=["Jean-Paul LERAY"]))["M. Jean LERAY"].kind == "official"


# montpellier_opendata/proces_verbaux/PV_CM_20_06_2011.pdf, page 110
DESIGNATED = (
    "Sont élus : \nTitulaires : Suppléants : \nMme Capuozzi-Boualam Mme Castre \nM. Passet M. Aslanian \n"
    "M. Lévita M. H.Martin \nM. Tsitsonis Mme El Atmani \nM. Mella Mme Augé-Caumon \n"
)


def test_rows_of_titulaires_and_suppleants_that_name_known_members_name_members_only():
    officials = ["Mme CAPUOZZI-BOUALAM", "M. PASSET", "M. LEVITA", "Mme CASTRE"]
    mentions = _by_surface(persons_detect(pages=[DESIGNATED], officials=officials))
    assert mentions["M. Tsitsonis"].kind == "official"
    assert mentions["M. Tsitsonis"].reason == "représentant désigné (titulaires et suppléants)"
    # Rows under the same heading that name no known member are no designation of the council's members.
    assert _by_surface(persons_detect(pages=[DESIGNATED], officials=[]))["M. Tsitsonis"].kind == "private"


def test_a_list_printed_with_dates_of_birth_names_private_persons_whatever_its_heading():
    # chemere_regardscitoyens/pdf/CM 13 mai 2014.pdf, page 2 (taxpayers proposed for the C.C.I.D.)
    text = ("fiscaux pour la désignation des commissaires titulaires et suppléants de la C.C.I.D., comme \nsuit :\n"
            "Titulaires :\nLE MAIGNAN DE \nKERANGAT Yves \n(Propriétaire de bois)\n08/09/49 La Mare Noire\nCHEMERE\n"
            "GUILBAUD Gérard Agriculteur 29/11/58 La Grange CHEMERE\n")
    mentions = _by_surface(persons_detect(pages=[text], officials=[]))
    assert mentions["LE MAIGNAN DE \nKERANGAT Yves"].kind == "private"
    assert "KERANGAT" not in _masked(text)


def test_the_holder_of_a_permit_is_no_office_holder():
    # montpellier_opendata/proces_verbaux/PV_CM_17_02_2014.pdf, page 34
    text = ("un seul dossier a été déposé : celui de Monsieur \nDaniel BEAUMONT, titulaire actuel de l’occupation du "
            "domaine public pour ce manège. \n")
    assert _by_surface(persons_detect(pages=[text], officials=[]))["Monsieur \nDaniel BEAUMONT"].kind == "private"


def test_a_label_on_the_line_after_a_private_name_is_no_lieu_dit():
    # pierrefonds_mymairie/20241210-PV.pdf, page 2
    text = ("Décisions prises par délégation du Conseil Municipal au maire\n"
            "DM 2024-10 : Objet : Fermages 2024 M. et Mme BÉGUIN\nMontant : 173,55 €\n"
            "DM 2024-11 : Objet : Remboursement d’assurance\n")
    masked = _masked(text)
    assert "BÉGUIN" not in masked and "Montant : 173,55 €" in masked


# roannais_agglomeration/example.pdf, page 2: a table of absent members under « … Pouvoir donné à... ».
ABSENTEES = (
    "l'exercice des pouvoirs délégués, auprès de l'organe délibérant.\n"
    "Absents Ni pouvoir \n"
    "Ni suppléant Suppléant Pouvoir donné à...\n"
    "Jean-Marc Ambroise X\n"
    "Laurence Boyer Yves Meunier\n"
    "Quentin Guillermin X\n"
)


def test_an_ellipsis_ends_no_attendance_list():
    mentions = persons_detect(pages=[ABSENTEES], officials=[])
    assert {m.surface for m in mentions} >= {"Jean-Marc Ambroise", "Quentin Guillermin"}
    assert {m.kind for m in mentions} == {"official"}
    # The same rows after a sentence that ends: no longer under the heading, they are not taken for officials.
    ended = ABSENTEES.replace("Pouvoir donné à...\n", "Pouvoir donné à.\nLe conseil en prend acte.\n")
    assert "private" in {m.kind for m in persons_detect(pages=[ended], officials=[])}


def test_a_saints_name_in_a_churchs_and_a_street_wrapped_over_two_lines_are_places():
    # aiglun_regardscitoyens/pdf/CR CM 19122013.pdf, page 5
    text = (
        "Le lot 2 des travaux d’aménagement de l’église Sainte Marie-Madeleine du Vieil Aiglun confié à la SARL Garcin \n"
        "Le lot 11 des travaux d’extension du pôle multiactivités Raymond Moutet confié à la SARL Pelestor 32 bd Victor \n"
        "Hugo Immeuble \"Etape du Poète\" 04000 Digne-les-Bains pour un montant de 20 000.31 € ht a fait l’objet d’un \n"
    )
    masked = pseudonymiser_build(replacements_build(persons_detect(pages=[text], officials=[]), pages=[text]))(text)
    assert "[" not in masked
    assert "église Sainte Marie-Madeleine du Vieil Aiglun" in masked and "bd Victor \nHugo Immeuble" in masked


def test_the_name_opening_a_row_after_its_date_is_read_surname_first():
    # chemere_regardscitoyens/pdf/CM 24 juin 2008.pdf, page 8: two applicants, the second one's first name wrapped.
    text = (
        "N° Date dépôt Demandeur Adresse Réf cad Objet \n"
        "A 1027 03/06/2008 HUBIN Géraldine 11 impasse de la Ville en Bois F n° 1520 Maison Habitation \n"
        "A1028 21/06/2008 BICHON Julien FORTIER \n"
        "Eva \n"
        "13 rue de la Treille G 2139-2142-\n"
        "2148 \n"
        "Maison Habitation \n"
    )
    masked = " ".join(replacements_build(persons_detect(pages=[text], officials=[]), pages=[text]))
    for word in ("HUBIN", "BICHON", "Julien", "FORTIER"):
        assert word in masked, word


def test_sellers_sharing_a_listed_officials_surname_are_private():
    # pierrefonds_mymairie/compte-rendu-10-04-2018.pdf, page 6; the document lists « Bernard ROBERT » and, elsewhere,
    # « ROBERT » alone.
    text = (
        "Lieudit l’Etang de la Ville – B 1769 – contenance 16 ares 64 centiares \n"
        "Vendeurs Madame Danièle ROBERT, Madame Mélanie ROBERT, Madame Julie ROBERT \n"
        "Acquéreur Commune de Pierrefonds \n"
        "Montant 150 000 € \n"
    )
    mentions = _by_surface(persons_detect(pages=[text], officials=["Bernard ROBERT", "ROBERT"]))
    for surface in ("Madame Danièle ROBERT", "Madame Mélanie ROBERT", "Madame Julie ROBERT"):
        assert mentions[surface].kind == "private", surface
    # The official himself, named alone or in full, stays an official.
    said = "M. ROBERT rappelle le prix. Bernard ROBERT ajoute que la vente est conclue.\n"
    assert {m.kind for m in persons_detect(pages=[said], officials=["Bernard ROBERT", "ROBERT"])} == {"official"}


def test_an_amounts_label_ends_the_address_of_a_row():
    # pierrefonds_mymairie/20250403-PV.pdf, page 9
    text = (
        "Acquisition – année 2024\n"
        "Désignation et \n"
        "localisation du bien Terrain parcelle E 1242\n"
        "Vendeur M. Bostan Sergiu\n"
        "Montant 550,00 €\n"
        "DÉPENSES D'INVESTISSEMENT BP 2024 CFU 2024 BP 2025\n"
    )
    masked = pseudonymiser_build(replacements_build(persons_detect(pages=[text], officials=[]), pages=[text]))(text)
    assert "Bostan" not in masked and "Sergiu" not in masked
    assert "Montant 550,00 €" in masked


def _kind(text: str, surface: str, *, officials: list[str]) -> str:
    """What the detector makes of the mention printed `surface` in a one-page text."""
    return _by_surface(persons_detect(pages=[text], officials=officials))[surface].kind


def test_a_man_named_like_the_mayor_is_another_person():
    # pierrefonds_mymairie/CM-24-janvier-2023.pdf, page 1: the mayor is a woman; « M. DEMOUY » is someone else.
    text = (
        "Présents : Madame Florence DEMOUY, Madame Emmanuelle LEMAITRE, Monsieur Jean-Jacques \n"
        "CARRETERO, Monsieur Romain RIBEIRO, Monsieur Ronan \nTANGUY (départ à 20h08)\n"
        "Secrétaire : Madame Emmanuelle LEMAITRE\n________ \n"
        "Le quorum est atteint. Madame le Maire rappelle que chacun a été destinataire du procès-verbal de la séance du \n"
        "M. TANGUY indique qu’il y avait beaucoup de bruit pendant le dernier conseil municipal, il n’a pas fait de \n"
        "diffamation et se demande qui sont les « plusieurs élus ». Il s’interroge juste sur les liens possibles entre la société \n"
        "de M. DEMOUY et l’investisseur du projet de construction de logements de Vertefeuille. \n"
    )
    officials = ["Florence DEMOUY", "Emmanuelle LEMAITRE", "Jean-Jacques CARRETERO", "Romain RIBEIRO", "Ronan TANGUY"]
    assert _kind(text, "M. DEMOUY", officials=officials) == "private"
    assert _kind(text, "Madame Florence DEMOUY", officials=officials) == "official"
    masked = _masked(text, officials=officials)
    assert "M. DEMOUY" not in masked and "Madame Florence DEMOUY" in masked
    # Without the civilité's gender the two are one person, as before.
    same = text.replace("de M. DEMOUY", "de Mme DEMOUY")
    assert _kind(same, "Mme DEMOUY", officials=officials) == "official"


def test_a_compound_surname_printed_with_a_space_or_by_its_first_part_is_the_officials():
    # montpellier_opendata/proces_verbaux/PV_CM_20_06_2011.pdf, page 110
    text = (
        "Il est proposé au Conseil municipal de désigner : \n"
        "Titulaires : \n- Mme CAPUOZZI \n- M. PASSET \n"
        "Suppléants: \n- Mme CASTRE \n- Mme AUGE CAUMON \n"
    )
    officials = ["Tatiana CAPUOZZI-BOUALAM", "Marie-Josée AUGE-CAUMON", "Sébastien PASSET", "Christiane CASTRE"]
    assert _kind(text, "Mme CAPUOZZI", officials=officials) == _kind(text, "Mme AUGE CAUMON", officials=officials) == "official"
    # The last part alone is not the short form: « M. BOUALAM » stays a private person.
    other = text.replace("Mme CAPUOZZI", "M. BOUALAM")
    assert _kind(other, "M. BOUALAM", officials=officials) == "private"


def test_a_surname_a_scan_prints_with_a_space_inside_is_the_officials():
    # aiglun_regardscitoyens/pdf/CR du CM du  11.12.15.pdf, page 6, by OCR (a line no question set reads): the
    # member Patrice REVAH speaks; the scan's reading cut his surname in two.
    text = ("Patrice REV AH : en tant que représentant de la commune, c’est important de s’exprimer, on cautionne ou pas.\n"
            "Danielle DAUBE : on aura émis un avis\n")
    officials = ["Patrice REVAH", "Danielle DAUBE"]
    assert _kind(text, "Patrice REV AH", officials=officials) == "official"
    assert "REV AH" in _masked(text, officials=officials)


def test_a_speaker_the_lists_do_not_name_is_a_private_person_where_they_name_the_members():
    # montpellier_opendata/proces_verbaux/PV_CM_17_02_2014.pdf, page 249 (a line no question set reads): the city's
    # director of services speaks; the document's attendance list names its 65 members, not him.
    text = "Jules NYSSEN : Mme le Maire, l'administration est habituellement silencieuse dans les Conseils municipaux\n"
    assert _kind(text, "Jules NYSSEN", officials=["Brahim ABBOU", "Frédéric ARAGON", "Michel ASLANIAN"]) == "private"
    # Where nothing names the members, who speaks is one of them.
    assert _kind(text, "Jules NYSSEN", officials=[]) == "official"


def test_a_long_surname_a_scan_misreads_by_two_letters_is_the_members_of_the_same_first_names():
    # montpellier_opendata/comptes_rendus/CR_CM_20_06_2011.pdf, page 11, by OCR (no question set reads it): the
    # column of rapporteurs, « MANDROUX » read « MANDROLIX ».
    text = "Max LEVITA\n\nMax LEVITA\n\nHélène\nMANDROLIX\n\nSerge\nFLEURENCE\n"
    officials = ["Max LEVITA", "Hélène MANDROUX", "Serge FLEURENCE"]
    assert _kind(text, "Hélène\nMANDROLIX", officials=officials) == "official"
    # Not with another first name.
    assert _kind(text.replace("Hélène", "Hubert"), "Hubert\nMANDROLIX", officials=officials) == "private"


def test_bvd_is_a_boulevard():
    # montpellier_opendata/proces_verbaux/PV_CM_16_12_2011.pdf, page 50 (no question set reads that page): an association's
    # seat in a table of subsidies, « Bvd » for boulevard.
    line = "Cultures du Coeur 460 Bvd Pedro de Luna 5500,00 € 35,00 € 5465,00 €\n"
    assert _masked(line) == line


def test_nota_opens_a_remark_not_a_speakers_turn():
    # couthenans/CR_reunion_20211126.pdf, pages 1 and 2 (lines no question set reads), in minutes whose list names
    # the members present by their first names.
    text = ("Présents : Jean-Pierre, Yves, Jacques, Maryline, Anne-Marie, Patrick, Agnès, Mario, Adeline.\n"
            "o Ok pour le faire.\n"
            "- Nota : à Brevilliers c’est l’employé communal qui balaie, y compris la route principale, avec balai, pelle "
            "et remorque\n")
    assert "Nota" in _masked(text, officials=officials_find([text]))


def test_a_word_in_capitals_after_a_capitalised_word_is_a_surname_not_a_first_name():
    # aiglun_regardscitoyens/pdf/CR 28.01.15.pdf p. 7 (a scan, by OCR), montpellier_opendata/proces_verbaux/
    # PV_CM_20_06_2011.pdf p. 19, chemere_regardscitoyens/pdf/CM 12 septembre 2012.pdf p. 3 (pages no question set
    # reads): « PACA » and « TRAM » are first names somewhere, but after a capitalised word the capitals are a
    # surname, and « Safer », « Terminus » are none.
    for line in ("Safer PACA nn des notifications de vente exercice 120.00 € 16/12/2014 312| FONCT\n",
                 "Carrefour d'Alexandrie Axe routier + Terminus TRAM\n"):
        assert _masked(line) == line
    # A surname that French makes of a first name (« RICHARD », « MARTIN ») is a surname all the same: the roofer of
    # a lot of public works.
    line = "4 Bacs aciers – Etanchéité RICHARD (44640 \nCHEIX EN RETZ) \nMarché de base 40 000,00 €\n"
    assert "RICHARD" not in _masked(line)


def test_a_name_between_guillemets_is_a_things():
    # montpellier_opendata/proces_verbaux/PV_CM_28_03_2011.pdf, page 46
    text = (
        "parcelles leur appartenant, Monsieur et Madame Jean-Louis RIGAIL ont accepté de céder à la\n"
        "Ville une partie de la parcelle TN 426 (hors du périmètre de la déclaration d’utilité publique du\n"
        "groupe scolaire « François Mitterrand »), d’une surface de 15 971 m2 déterminée par document\n"
    )
    masked = _masked(text)
    assert "RIGAIL" not in masked and "« François Mitterrand »" in masked


def test_a_feast_and_surnames_listed_alone_are_no_members_named_by_first_name():
    # pierrefonds_mymairie/compte-rendu-17-11-2015.pdf, page 5: members listed by surname (« ROBERT », « GAUTHIER »).
    text = (
        "3. Prime de Noël aux agents municipaux\n"
        "Madame BOURBIER rappelle que depuis la délibération du 28 mars 1997, la Commune supplée au\n"
        "COS et attribue la prime de fin d’année aux membres du personnel communal titulaires et stagiaires de\n"
    )
    assert "Noël" in _masked(text, officials=["BOURBIER", "ROBERT", "GAUTHIER", "LAMBERT", "MARTIN"])
    # In minutes that name their members by first name alone, the feast is still no person.
    assert "Noël" in _masked(text, officials=["Nelly", "Fanny", "Cédric", "Michèle BOURBIER"])


def test_the_first_name_after_et_in_a_row_bears_the_households_surname():
    # chemere_regardscitoyens/pdf/CM 24 mai 2011.pdf, page 9: « Lionel » is IMBERT René's co-applicant, not the
    # member Lionel LESCURAT.
    text = (
        "N° Date dépôt Demandeur Adresse Réf cad Objet \n"
        "A 1019 09/04/2011 IMBERT René et \nLionel \n15 ter rue du \nBrigandin \nG 2856 Maison d'habitation \n"
    )
    officials = ["Lionel LESCURAT", "Jacques CHEVALIER"]
    assert _kind(text, "Lionel", officials=officials) == _kind(text, "IMBERT René", officials=officials) == "private"
    assert "Lionel" not in _masked(text, officials=officials)


def test_a_companys_manager_named_in_brackets_in_a_row_and_the_address_after():
    # chemere_regardscitoyens/pdf/CM 26 février 2014.pdf, page 16
    text = (
        "N° Date dépôt Demandeur Adresse Réf cad Objet\n"
        "A 2006 20/02/2014 COUTURIER Franck 21 Impasse de la \nville en bois F 997 Préau\n"
        "A 2007 25/02/2014 SCI 2SL (BASSIN Laëtita) 18 Rue du Béziau G 294, G 295 Transformation \npréau en garage\n"
    )
    masked = _masked(text)
    assert "BASSIN" not in masked and "Laëtita" not in masked and "18 Rue du Béziau" not in masked
    assert "SCI 2SL" in masked and "G 294, G 295 Transformation" in masked


def test_a_name_after_an_article_or_a_determiner_is_a_things():
    # pierrefonds_mymairie/compte-rendu-07-06-2018.pdf, page 3
    sage = ("rêté du 15 mars 2018, M. le Préfet de l’Oise a délimité le nouveau périmètre du SAGE Oise-Aronde et "
            "constitué la Commission Locale de l’Eau (CLE). Ainsi, le SAGE Oise-Aronde regroupe, en\n")
    assert "[" not in _masked(sage)
    # montpellier_opendata/deliberations_2013/2013_03_25/2013-03-25-0000062235.pdf, page 2: a list of schools.
    schools = (
        "Sainte Famille 10, place Roger Salengro 34000- Montpellier \n"
        "Les Jonquilles 255, rue Croix de Figuerolles 34000-Montpellier \n"
        "Notre Dame de Bonne Nouvelle 3, rue Aristide Ollivier 34000-Montpellier \n"
    )
    assert "Notre Dame de Bonne Nouvelle" in _masked(schools)


def test_a_members_surname_mistyped_by_one_letter_is_still_hers():
    # pierrefonds_mymairie/compte-rendu-11-06-2020.pdf, page 3
    text = (
        "Sont candidats : M. Jean-Marc GOSSOT, Mme Emmanuelle LEMAITRE, M. Joachim LUDER, Mme Laetitia \n"
        "PIERREON, M. Gilles PAPIN, M. Jean-Jacques CARRETERO, M. Michel LEBLANC\n"
    )
    officials = ["Jean-Marc GOSSOT", "Emmanuelle LEMAITRE", "Joachim LUDER", "Laetitia PIERRON", "Gilles PAPIN"]
    assert _kind(text, "Mme Laetitia \nPIERREON", officials=officials) == "official"
    # Another first name, or a surname two letters off, is not her.
    other = text.replace("Laetitia \nPIERREON", "Laetitia \nPIERREAU")
    assert _kind(other, "Mme Laetitia \nPIERREAU", officials=officials) == "private"


def test_an_address_ends_where_a_sentence_starts_on_the_next_line():
    # chemere_regardscitoyens/pdf/CM 19 avril 2011.pdf, page 5: the last row of a jury draw, then the minutes go on.
    text = (
        "Il est donc procédé au tirage au sort d’après la liste électorale : \n"
        "Civilité Nom Prénom Nom de jeune \nfille \nAdresse \n"
        "M. TESSIER Gilles 34 rue de la Treille \n"
        "M. GROLLIER Frédéric 48 rue du Béziau \n"
        "Le Conseil municipal prend acte de ce tirage au sort et précise qu’un courrier sera adressé \n"
    )
    masked = _masked(text)
    assert "48 rue du Béziau" not in masked and "GROLLIER" not in masked
    assert "Le Conseil municipal prend acte" in masked


def test_a_place_named_after_a_person_across_a_line_break():
    # pierrefonds_mymairie/cc_lisieres_de_l_oise/Compte-rendu-approuve-du-CC-du-10-avril-2025.pdf, page 32
    text = (
        "DEL2025-35 : Intégration des ouvrages d’assainissement et d’eau potable de l’espace \n"
        "économique Jean- Louis Girault à Berneuil-sur-Aisne au sein du patrimoine des ouvrages \n"
        "- Approuvé l’intégration au sein du patrimoine de la CCLO des ouvrages d’assainissement et d’eau \n"
        "potable de l’espace économique Jean Louis Girault à Berneuil sur Aisne,\n"
    )
    assert "[" not in _masked(text)
    # montpellier_opendata/proces_verbaux/PV_CM_20_06_2011.pdf, pages 70 and 77: a condominium.
    condominium = (
        "E), n°4 (bâtiment D7 à D15), n°5 (bâtiment C1), n°6 (bâtiment C2), n°7 (bâtiment C3) et \n"
        "Guillaume Apollinaire (bâtiment B), par la création de parkings privatifs\n"
        "Le Petit Bard » et l’Opération \nProgrammée d’Amélioration de l’Habitat sur la copropriété Guillaume "
        "Apollinaire pour mobiliser des \ncrédits de l’Agence Nationale\n"
    )
    assert "[" not in _masked(condominium)


def test_a_name_spelt_again_after_sic_and_a_home_after_demeurant():
    # pierrefonds_mymairie/compte-rendu-03-10-2017.pdf, page 4: plaintiffs, two names corrected after « (sic) / ».
    plaintiffs = (
        "Par courrier reçu le 2 août 2017, la commune a été informée de la requête présentée par M. Alexandre POMORSKI \n"
        "en son nom et au nom de MM. Jérôme JAMINON, Philippe ARONIO DE ROMBLAY, Daniel TRENTE (sic) / \n"
        "TRENTI, Eric LABLANDRINE (sic)/ LABLANCHERIE, Jean-Pierre DUSAUSSOY, Philippe SIMON\n"
    )
    masked = _masked(plaintiffs)
    assert "TRENTI" not in masked and "LABLANCHERIE" not in masked and "(sic)" in masked
    # pierrefonds_mymairie/compte-rendu-15-12-2020.pdf, page 2: a farmer's home, no number, up to its postcode.
    farmer = (
        "Monsieur PAPIN explique que la commune de Pierrefonds conventionne depuis plusieurs années avec \n"
        "l’exploitation agricole de M. CAUFFET, demeurant Ferme de Palesne - Hameau de Palesne 60350 PIERREFONDS, afin \n"
        "d’assurer les interventions de déneigement sur le réseau routier communal,\n"
    )
    masked = _masked(farmer, officials=["Gilles PAPIN"])
    assert "Palesne" not in masked and "60350 PIERREFONDS" in masked and "Monsieur PAPIN" in masked


def test_a_surname_opening_like_a_civilite_keeps_its_letters():
    from privacy.detection import _civilite_strip

    # montpellier_opendata/proces_verbaux/PV_CM_09_05_2011.pdf, page 62: the member Stéphane MELLA leaves.
    text = ("Madame Bigas, Messieurs Dumont et Julien (avec la procuration de Monsieur Mella) sortent \n"
            "définitivement de séance. \n")
    officials = ["Stéphane MELLA", "Nicole BIGAS", "Christian DUMONT", "Arnaud JULIEN"]
    assert _kind(text, "Monsieur Mella", officials=officials) == "official"
    assert [_civilite_strip(name) for name in ("Mella", "Drouet Anne", "M. DUPONT", "Me Laurent VIALLA")] == [
        "Mella", "Drouet Anne", "DUPONT", "Laurent VIALLA"]


def test_a_property_address_whose_street_wraps_after_its_number():
    # montpellier_opendata/proces_verbaux/PV_CM_09_05_2011.pdf, page 62
    text = ("Philippe SAUREL : Les Consorts AGELOU sont propriétaires de deux parcelles situées 951 \n"
            "avenue du Pont Trinquat et cadastrées DS 557 (terrain nu de 3432 m2) et DS 556 (terrain \n")
    masked = _masked(text, officials=["Philippe SAUREL"])
    assert "AGELOU" not in masked and "Pont Trinquat" not in masked and "DS 557" in masked


def test_a_row_of_beneficiaries_under_a_line_that_names_a_road():
    # chemere_regardscitoyens/pdf/CM 17 décembre 2008.pdf, page 3: stones given for private roads.
    text = (
        "« Voirie » propose au Conseil municipal d’attribuer des pierres aux personnes suivantes : \n"
        "Bénéficiaire Tonnage proposé par la commission Chemin concerné \n"
        "LECLECLE Bernard 20 T (0,20) Chemin de Malhara \n"
        "GUILLOUX Pierre 20 T (0,20) Métairie Neuve \n"
    )
    masked = _masked(text)
    assert "LECLECLE" not in masked and "GUILLOUX" not in masked
    assert "Chemin de Malhara" in masked and "Métairie Neuve" in masked


def test_a_sole_traders_name_in_capitals_after_the_date_of_a_contracts_row():
    # chemere_regardscitoyens/pdf/CM 17 décembre 2013.pdf, page 1: the contracts signed under delegation.
    text = (
        "Date du \nmarché\nSociété Objet du marché Montant H.T.\n"
        "26/11/13 ORANGE (49009 ANGERS) Travaux bâtiment des services : Travaux de \n"
        "raccordement téléphonique 406,66 €\n"
        "26/11/13 MERLET JEAN-LUC (44680 \nCHEMERE)\n"
        "Salle Ellipse : Fabrication d’un pupitre et \nd’un meuble pour la surveillance vidéo 625,00 €\n"
        "06/12/13 CT CAM (72190 Contrat de télésurveillance pour la salle Mise en service :\n"
    )
    masked = _masked(text)
    assert "MERLET" not in masked and "JEAN-LUC" not in masked
    assert "ORANGE (49009 ANGERS)" in masked and "CT CAM (72190" in masked


def test_a_commissions_name_before_its_member_is_not_part_of_the_name():
    # chemere_regardscitoyens/pdf/CM 26 mars 2008.pdf, page 1: the commissions and their members.
    text = (
        "Culture, jeunesse, petite enfance, sport et\nrelations avec les associations\nJean-Marie GATARD\n"
        "Alice BICZYSKO, Nicolas BOUCHER, Régine\nCORMIER, Lionel LESCURAT, Paul PIPAUD\n"
        "Animation Jean-Marie GATARD\nAnnie BARDOUL, Marie-Josèphe BATARD,\n"
    )
    officials = ["Jean-Marie GATARD", "Alice BICZYSKO", "Nicolas BOUCHER", "Régine CORMIER", "Lionel LESCURAT",
                 "Paul PIPAUD", "Annie BARDOUL", "Marie-Josèphe BATARD"]
    masked = _masked(text, officials=officials)
    assert "Animation Jean-Marie GATARD" in masked and "[personne" not in masked


def test_a_members_surname_mistyped_after_a_civilite_alone_is_still_theirs():
    # pierrefonds_mymairie/CM-01-MARS-2022.pdf, page 4, and CM-22-SEPTEMBRE-2021.pdf, page 6.
    text = (
        "de la DDFiP. M. LEBANC répond qu’il aurait signé mais prenant en compte l’ensemble des logements du territoire\n"
        "Mme DEBUISSIER demande qui s’occupera des finances du CCAS. Mme le Maire répond que ce sera elle-même.\n"
    )
    officials = ["Michel LEBLANC", "Marie-Alice DEBUISSER", "Florence DEMOUY"]
    assert _kind(text, "M. LEBANC", officials=officials) == "official"
    assert _kind(text, "Mme DEBUISSIER", officials=officials) == "official"
    # Without the civilité, or with the other gender's, a surname one letter off is someone else's.
    assert _kind("Mme LEBANC demande la parole.\n", "Mme LEBANC", officials=["Michel LEBLANC"]) == "private"


def test_a_members_home_under_their_name_in_a_list_of_beneficiaries():
    # pierrefonds_mymairie/compte-rendu-15-10-2015.pdf, page 5: a councillor among those a subsidy is paid back to.
    text = (
        "Monsieur Bernard ROBERT, ayant un intérêt personnel à cette question, ne prend pas part au vote et \n"
        "quitte la pièce le temps de son examen. \n"
        "Nom / Prénom / Adresse Montant des travaux Subvention de l’Agence de \nl’Eau \n"
        "M. Bernard ROBERT \n31, Rue du Bois d’Haucourt \n60350 PIERREFONDS \n2662 € TTC 2662 € TTC \n"
        "M. Bernard ROBERT \n2, Passage de la Fontaine \nVannière \n60350 PIERREFONDS \n"
        "2989.80 € TTC 2989.80 € TTC \n"
    )
    masked = _masked(text, officials=["Bernard ROBERT"])
    assert masked.count("Bernard ROBERT") == 3
    assert "Haucourt" not in masked and "Fontaine" not in masked and "Vannière" not in masked
    assert masked.count("60350 PIERREFONDS") == 2


def test_the_officer_representing_a_private_party_is_not_the_councils():
    # chemere_regardscitoyens/pdf/CM 20 janvier 2009.pdf, page 2: a convention between the commune and an association.
    text = (
        "Entre les soussignés :\n"
        "La commune de CHEMERE, 6 rue de Nantes- 44680 CHEMERE, représentée par son maire, Monsieur Jean-Paul LERAY, en\n"
        "exécution de la délibération n°2009/4 en date du 20 janvier 2009,\nD’une part\nEt\n"
        "L’Association Familiale Rurale (AFR) de CHEMERE, ayant son siège administratif à CHEMERE (44680) 19 rue de la\n"
        "Blanche, représentée par sa Présidente, Madame Céline BOURA, agissant au nom de cette dernière,\nD’autre part\n"
    )
    assert _kind(text, "Monsieur Jean-Paul LERAY", officials=[]) == "official"
    assert _kind(text, "Madame Céline BOURA", officials=[]) == "private"


def test_the_representatives_a_council_designates_in_a_bulleted_list_are_its_members():
    # roannais_agglomeration/example.pdf, page 42: one of the five is not in the séance's lists, one compound surname
    # lost its hyphen, another its final letter.
    text = (
        "Le Conseil communautaire, après en avoir délibéré, avec 74 voix pour, 0 contre et 4 abstentions :\n"
        "- accepte de ne pas procéder au scrutin secret ;\n"
        "- désigne cinq représentants de Roannais Agglomération auprès de l’association Roannais Tourisme :\n"
        ". Jacky Geneste\n. Adina Lupu Bratiloveanu\n. Farida Ayadene\n. Jean-Paul Descombe\n. Antoine Vermorel Marques\n"
        "- dit que ces cinq personnes représenteront la\n"
    )
    officials = ["Jacky Geneste", "Adina Lupu Bratiloveanu", "Jean-Paul Descombes", "Antoine Vermorel-Marques"]
    assert _kind(text, "Farida Ayadene", officials=officials) == "official"
    masked = _masked(text + (
        "Jean-Luc Chervin précise au Président que ce n’était pas ses propos et qu’il ne revient pas sur les choix d’Antoine\n"
        "Vermorel Marques qu’il a trouvés logiques eu égard à la composition\n"), officials=officials + ["Jean-Luc Chervin"])
    assert "[personne" not in masked


def test_a_name_after_an_article_at_the_end_of_the_line_above_is_a_things():
    # pierrefonds_mymairie/compte-rendu-11-06-2020.pdf, page 7
    text = ("Depuis le 16 octobre 2001, la commune de Pierrefonds est membre de la Commission Locale de l’Eau (CLE) du\n"
            "SAGE Oise-Aronde.\n")
    assert "[personne" not in _masked(text)


def test_a_member_who_resigns_from_the_council_is_an_official():
    # chemere_regardscitoyens/pdf/CM 16 décembre 2014.pdf, page 4: she no longer sits, he does.
    text = (
        "Monsieur le Maire, rapporteur, informe les membres du Conseil municipal que suite à la \n"
        "démission de Madame Valérie LEBLOND et à l’installation de Monsieur Thierry \n"
        "FAVREAU comme conseiller municipal, il est nécessaire de mettre à jour les \n"
        "commissions communales et les organismes extérieurs.\n"
    )
    assert _kind(text, "Madame Valérie LEBLOND", officials=["Thierry FAVREAU"]) == "official"
    # A resignation from a post in the commune's service is not a member's.
    staff = "Le Maire informe le Conseil de la démission de Madame Sylvie MARTINEAU, adjoint technique, au 1er mars.\n"
    assert _kind(staff, "Madame Sylvie MARTINEAU", officials=[]) == "private"


def test_an_applicant_glued_to_the_date_of_the_row_and_a_street_wrapped_before_the_parcel():
    # chemere_regardscitoyens/pdf/CM 25 avril 2012.pdf, page 7, and CM 31 mars 2015.pdf, page 14 (page 46 of the
    # register).
    text = (
        "PERMIS DE CONSTRUIRE\nN° Date dépôt Demandeur Adresse Réf cad Objet\n"
        "A 1013 27/03/2012BEILVERT Gérard La Chapellerie G 896 Construction d’un hangar de \nstockage agricole\n"
        "A 2016 13/03/2015 CHENEAU Michel 3 Impasse Désiré \nPipaud G 2282p\nExtension \nrésidence \nprincipale \n"
    )
    masked = _masked(text)
    assert "BEILVERT" not in masked and "Chapellerie" not in masked and "27/03/2012" in masked
    assert "CHENEAU" not in masked and "Désiré" not in masked and "Pipaud" not in masked and "G 2282p" in masked


def test_an_applicant_whose_first_name_the_extraction_glued_to_the_house_number():
    # chemere_regardscitoyens/pdf/CM 25 avril 2012.pdf, page 8.
    text = (
        "A 2028 29/03/2012 MAHE Marie-Thérèse33 rue du Breil F 843 Détachement d’un terrain à bâtir\n"
        "A 2029 30/03/2012 BARBE Bernard 29 rue du Béziau G 277 Panneaux photovoltaïques\n"
    )
    masked = _masked(text)
    assert "MAHE" not in masked and "Thérèse" not in masked and "33 rue du Breil" not in masked
    assert "F 843 Détachement" in masked and "BARBE" not in masked


def test_the_party_a_body_goes_to_court_against_is_masked_without_civilite_and_a_body_is_not():
    # montpellier_opendata/proces_verbaux/PV_CM_30_03_2009.pdf, page 122, and PV_CM_17_02_2014.pdf, page 252.
    text = (
        "Décision n° 2009-63 : de défendre les intérêts de la ville par l’intermédiaire de la SMACL dans l’affaire Ville "
        "c/ RIVALS. \n"
        "Décision n° 2009-67 : de défendre les intérêts de la ville par l’intermédiaire de la SMACL dans l’affaire Ville c/ "
        "\nNOUBADJI. \n"
        "l'affaire Ville c/GUEMAR Fathia.\n"
        "Décision n° 2009-66 : de défendre les intérêts de la ville par l’intermédiaire de la SCP VINSONNEAU.PALIES, NOY et "
        "\nGAUER dans l’affaire Ville c/ le Syndicat des copropriétaires des Collines d’Estanove et autres. \n"
    )
    masked = _masked(text)
    assert "RIVALS" not in masked and "NOUBADJI" not in masked and "GUEMAR" not in masked and "Fathia" not in masked
    assert "Syndicat des copropriétaires des Collines d’Estanove" in masked and "SMACL" in masked


def test_a_party_named_by_its_role_in_a_table_of_sales():
    # pierrefonds_mymairie/20250403-PV.pdf, page 10, and compte-rendu-04-04-2017.pdf, page 6.
    text = (
        "localisation du bien Terrain parcelle A162\nAcquéreur Duflot Sarazin\nMontant 3 480,00 €\n"
        "Lieudit Le Trou Toussaint – B 2224– contenance 22 centiares \nVendeur GECIMED \n"
        "Acquéreur Commune de Pierrefonds \nMontant 8500 € \n"
    )
    masked = _masked(text)
    assert "Duflot" not in masked and "Sarazin" not in masked
    assert "Vendeur GECIMED" in masked and "Acquéreur Commune de Pierrefonds" in masked


def test_the_town_after_a_dash_is_no_part_of_a_home_address():
    # chemere_regardscitoyens/pdf/CM 22 avril 2008.pdf, page 5: the commission communale des impôts directs.
    text = (
        "COLLIN Bernard Retraité 01/05/46 6 rue de la Blanchardais-CHEMERE \n"
        "PLANTIVE Dominique Retraité 14/04/51 2 rue du Clos Gris-CHEMERE \n"
    )
    assert _masked(text).splitlines() == [
        "[personne 1] Retraité [date de naissance] [adresse]-CHEMERE ",
        "[personne 2] Retraité [date de naissance] [adresse]-CHEMERE ",
    ]


def test_a_zone_of_town_planning_is_a_place_its_name_a_persons_or_not():
    # montpellier_opendata/proces_verbaux/PV_CM_09_05_2011.pdf, page 25.
    text = ("Modification n°21 : Quartier Port Marianne, ZAC Jacques Cœur : adaptations ponctuelles \n"
            "du règlement et des documents graphiques du règlement de")
    assert name_in_place(text, text.index("Jacques Cœur"))


def test_a_school_named_across_a_page_break_and_by_an_initial_is_no_person():
    # montpellier_opendata/proces_verbaux/PV_CM_30_03_2009.pdf, pages 120 to 122.
    pages = [
        "Décision n° 2009-35 : d’attribuer le marché pour les travaux d'électricité relatifs à la réhabilitation de "
        "l'école maternelle \n",
        "121\nMarcel Pagnol à l’entreprise DEHAIL pour des montants de 24 812,40 € HT (tranche ferme) et de 750 € HT "
        "(tranche \nconditionnelle). \n",
        "kage extérieur dans les\nécoles maternelles L.V Beethoven et M. Pagnol à l’entreprise Menu\n",
    ]
    assert [m.surface for m in persons_detect(pages=pages, officials=[]) if m.kind == "private"] == []


def test_a_place_noun_after_a_bracket_names_the_place():
    # montpellier_opendata/proces_verbaux/PV_CM_28_03_2011.pdf, page 7.
    text = ("part importante de jeunes ménages avec des enfants et complète les établissements \n"
            "existants (école maternelle Marguerite Yourcenar et école élémentaire François Rabelais, \n")
    assert name_in_place(text, text.index("Marguerite Yourcenar"))
    assert [m.surface for m in persons_detect(pages=[text], officials=[])] == []


def test_a_street_wrapped_on_the_next_line_above_the_parcel_on_the_line_after():
    # chemere_regardscitoyens/pdf/CM 15 février 2011.pdf, page 13.
    text = (
        "A 1001 04/01/2011 PERROUIN Pierre 7 rue des Centaurées G 2761 Maison d'habitation \n"
        "A 1002 12/01/2011 AVENARD David 3 impasse de la Motte \nHiver \nG 2995 et \n2998 \nMaison d'habitation \n"
    )
    masked = _masked(text)
    assert "AVENARD" not in masked and "Motte" not in masked and "Hiver" not in masked
    assert "G 2995 et \n2998 \nMaison d'habitation" in masked


def test_a_capitalised_word_the_document_writes_in_the_plural_is_common():
    # chemere_regardscitoyens/pdf/CM 25 avril 2012.pdf, pages 4 and 7: « URBAIN » is a first name too.
    text = (
        "cités, pour une durée de 6 années.\n"
        "Monsieur Jean-Pierre GRANDJOUAN donne lecture des documents d’urbanisme :\n"
        "DROIT DE PREEMPTION URBAIN\nAnnée N° \ndossier\nAdresse du bien Section N° Superficie \ntotale\n"
    )
    assert "[personne" not in _masked(text, officials=["Jean-Pierre GRANDJOUAN"])


def test_a_member_named_surname_first_in_title_case():
    # montpellier_opendata/proces_verbaux/PV_CM_09_05_2011.pdf, page 59
    text = ("Madame le Maire, Messieurs Lévita, Passet, Dufour, Touchon, Gély, Martin Jacques, \n"
            "administrateurs de la SERM ne participent pas au vote. \n")
    officials = ["Max LEVITA", "Serge PASSET", "Marc DUFOUR", "Philippe TOUCHON", "Jean-Louis GELY", "Jacques MARTIN"]
    assert "[personne" not in _masked(text, officials=officials)


def test_a_make_printed_after_the_names_of_a_tables_rows_is_no_surname():
    # montpellier_opendata/proces_verbaux/PV_CM_07_02_2011.pdf, page 67: computers given to associations.
    text = (
        "Nom association Marque N° unité centrale N°série écran Nbre ordi \n"
        "Auralithe DELL G3GQ80J 8204TG0SIE A9 1 poste \n"
        "Colonia Espanola DELL C8MQ80J 8204TB06WS 99 1 poste \n"
        "Casa Amadis DELL J227COJ 94268A1176T 77 1 poste \n"
        "Cap Horizon DELL B8MQ80J 84767A9248C7 1 poste \n"
    )
    assert "[personne" not in _masked(text)
    # Two rows are no column, but neither row names a person: after « Auralithe », « Colonia Espanola » (no first
    # names), « DELL » is a surname, not the first name the dictionary also knows.
    assert "[personne" not in _masked("".join(text.splitlines(keepends=True)[:3]))


def test_capitals_without_a_first_name_after_them_headings_and_a_concessions_kind_are_no_persons():
    # montpellier_opendata/proces_verbaux/PV_CM_20_06_2011.pdf, page 72: « ANRU » is a first name of the dictionary.
    acronym = ("situées avenue de Louisville en état de parc de stationnement ou d’espaces verts dans le cadre du projet\n"
               "ANRU Mosson dont la valeur est estimée à 236.280 €. La C.A.M. versera en conséquence à la Ville\n")
    assert "[personne" not in _masked(acronym)
    # chemere_regardscitoyens/pdf/CM 15 décembre 2009.pdf, page 9: « URBAIN » is a first name too.
    heading = ("Monsieur Jean-Pierre GRANDJOUAN donne lecture des documents d’urbanisme et des renonciations ou \n"
               "non au droit de préemption urbain : \nDROIT DE PREEMPTION URBAIN \nAnnée N° \ndossier \n"
               "Adresse du bien Section N° Superficie \ntotale \n")
    assert "[personne" not in _masked(heading, officials=["Jean-Pierre GRANDJOUAN"])
    # chemere_regardscitoyens/pdf/CM 31 mars 2015.pdf, page 2: the holders are masked, the kind of concession stays.
    concessions = (
        "2- Délivrance et reprise des concessions dans les cimetières\nN° de la \nconcession\nEmplacement Date \n"
        "d’attribution\nBénéficiaire Nature de \nla \nconcession\nDurée Motif\n"
        "617 F32 11/07/2014 CLAVIER \nRaymonde Familiale 15 ans Renouvellement\n"
        "619 B11 08/07/2013 TOIRET \nEliane Individuelle 15 ans Renouvellement\n"
    )
    masked = _masked(concessions)
    assert "CLAVIER" not in masked and "TOIRET" not in masked
    assert "Familiale 15 ans" in masked and "Individuelle 15 ans" in masked


def test_a_street_named_after_a_saint_wraps_after_saint():
    # chemere_regardscitoyens/pdf/CM 5 juillet 2011.pdf, page 10
    text = ("DECLARATIONS PREALABLES \nN° Date dépôt Demandeur Adresse Réf cad Objet \n"
            "A 2027 03/05/2011 TOUBLANC Serge 25 bis rue de Saint \nHilaire \nF 1493 Véranda \n")
    masked = _masked(text)
    assert "TOUBLANC" not in masked and "Hilaire" not in masked and "F 1493 Véranda" in masked


def test_a_lieu_dit_on_a_row_under_a_header_with_an_address_column_and_brothers_named_together():
    # chemere_regardscitoyens/pdf/CM 19 mai 2015.pdf, page 4: jurors drawn from the electoral roll.
    jurors = (
        "Il est donc procédé au tirage au sort d’après la liste électorale : \n"
        "Civilité Nom Prénom Nom de jeune \nfille \nAdresse \n"
        "MME LOIRAT Marie-Annick BECHU La Barre de Vue \n"
        "MME BONNART Sophie RICHARD 27 bis rue du Brandais \n"
    )
    masked = _masked(jurors)
    assert "LOIRAT" not in masked and "Barre de Vue" not in masked and "Brandais" not in masked
    # pierrefonds_mymairie/20250929-PV.pdf, page 6
    brothers = "L’exploitation est réalisée par les frères Doman depuis 2012 dans le cadre de la SNC Le tabac du château.\n"
    assert "Doman" not in _masked(brothers)


def test_a_common_word_before_a_first_name_and_a_surname_is_not_part_of_the_name():
    # chemere_regardscitoyens/pdf/CM 15 septembre 2015.pdf, page 4: a convention with a federation.
    text = ("La Fédération Départementale des Groupements de Défense contre les Organismes Nuisibles de Loire \n"
            "Atlantique, ci-après dénommée la FDGDON 44, SIRET 31903287600041 dont le siège social est situé PA la \n"
            "grande haie – 4 rue Sophie Germain – 44119 GRANDCHAMP DES FONTAINES\n"
            "Représentée par son Président Alain COLAS, agissant en qualité\nEt\nLa commune de CHEMERE\n")
    masked = _masked(text)
    assert "COLAS" not in masked and "Représentée par son Président [personne" in masked


# Lines of the corpus that name no person (places, a table's header): printed as they are.
_NO_PERSON = [
    # montpellier_opendata/deliberations_2013/2013_02_04/2013-02-04-0000061131.pdf, page 1: the owner after
    # « propriété » is the company the page names as such.
    "Acquisition emprise propriété Nexity\n\nLa société Nexity a réalisé les enrochements nécessaires au soutènement\n",
    # pierrefonds_mymairie/20241210-PV.pdf: the code that « Propriété » opens is no owner.
    "conformément à l’article L. 2322-4 du Code \nGénéral de la Propriété des Personnes Publiques.\n",
    # montpellier_opendata/proces_verbaux/PV_CM_17_02_2014.pdf, page 136: school groups listed after a noun of two
    # words in the plural.
    "Les immeubles en question sont riverains des groupes scolaires Sun Yat Sen, Paul Langevin et Sigmund Freud, \n",
    # montpellier_opendata/proces_verbaux/PV_CM_30_03_2009.pdf, page 26: a minister named with his office.
    "c’est à cette occasion là que \nj’avais fait venir le Ministre Monsieur DAUBRESSE. Vous étiez récemment désignée\n",
    # chemere_regardscitoyens/pdf/CM 21 septembre 2010.pdf, page 5: the president of a public party to a convention,
    # his civilité printed without its dot.
    "La Communauté de Communes « Cœur Pays de Retz », représentée par son président, M MORILLEAU Bernard, habilité en \n",
    # montpellier_opendata/proces_verbaux/PV_CM_24_04_2014.pdf, page 28: a deputy mayor named after her delegation.
    "Monsieur le Maire : La présidence sera assurée par moi-même ou par l'adjointe déléguée à l'urbanisme et à\n"
    "l'aménagement durable du territoire, Madame Stéphanie JANIN.\n",
    # montpellier_opendata/deliberations_2013/2013_06_17/2013-06-17-0000064308.pdf, page 3: places listed after a
    # plural place noun.
    "pour aider les écoles à mener à bien leur projet. Les écoles \nLamartine, Blaise Pascal, François "
    "Mitterrand, Jules Simon et Pablo Neruda n’étant pas affiliées à l’OCCE 34, il \n",
    # montpellier_opendata/proces_verbaux/PV_CM_30_03_2009.pdf, page 13
    "Avenue Alphonse Juin, Rue de la Marquerose, Rues Jacques Tati, \nAbel Gance et Claude Bourdet, \n",
    # montpellier_opendata/proces_verbaux/PV_CM_07_02_2011.pdf, page 10: … after an article.
    "a/ Elargissement et aménagement du boulevard Paul Valéry et d’une partie des rues de la \n"
    "Marquerose et Gaston Bachelard, y compris les murs de soutènement et le traitement des \n",
    # montpellier_opendata/proces_verbaux/PV_CM_09_05_2011.pdf, page 26: a sector of a town plan.
    "Modification n°26 : Quartier Port Marianne, secteur Albert Dubout-Moularès :\n",
    # montpellier_opendata/proces_verbaux/PV_CM_07_02_2011.pdf, page 50: a place noun in capitals without its accent.
    "délais : Rue des Araucarias, Equipement de proximité François VILLON, opération",
    # montpellier_opendata/deliberations_2013/2013_03_25/2013-03-25-0000062241.pdf, page 1: a
    # zone's acronym in brackets before its name.
    "territoires prioritaires retenus que sont la Mosson, la Zone Urbaine Sensible (ZUS) Petit-Bard Pergola, la ZUS "
    "\ndes Cévennes, la ZUS Gély-",
    # chemere_regardscitoyens/pdf/CM 20 février 2013.pdf, page 5: « THÉÂTRE » printed with its accent apart, the
    # word it cuts no name.
    "TARIFS ACTUELS DE LOCATION DES SALLES SAUF SALLE DU THEA \u0308TRE \nCat Désignation \n"
    "1 Particuliers résidant la commune et entreprises communales \n",
    # montpellier_opendata/proces_verbaux/PV_CM_30_03_2009.pdf, page 62: a sports ground named after a person, and
    # its street (no private person's home).
    "compte aujourd’hui plus de 180 licenciés, il convient de construire un club house sur le terrain de football \n"
    "Louis Combettes, rue du Pilory. \n",
    # montpellier_opendata/proces_verbaux/PV_CM_07_02_2011.pdf, page 17: what kind of ground, wrapped to the next line.
    "Cette zone d'aménagement concerté, située à proximité du quartier de Bagatelle et du stade de \n"
    "rugby Yves du Manoir, s'étend sur une superficie d'environ 32 hectares. Elle est bordée par \n",
    # montpellier_opendata/proces_verbaux/PV_CM_16_12_2011.pdf, page 91: a cinema named after a character.
    "• Le cinéma Nestor Burma\n2 – Les redevances d’occupation du domaine public \n",
    # montpellier_opendata/deliberations_2013/2013_03_25/2013-03-25-0000062244.pdf, page 1: a boules ground.
    "Afin de permettre le développement du Club Saint Martin, il y a lieu de prévoir l’agrandissement des locaux \n"
    "associatifs sur le boulodrome Ernest Onillon. \n",
]


@pytest.mark.parametrize("text", _NO_PERSON)
def test_lines_that_name_no_person_are_printed_as_they_are(text):
    assert _masked(text) == text


def test_capitals_that_open_a_row_under_a_header_are_the_rows_surname():
    # chemere_regardscitoyens/pdf/CM 13 octobre 2009.pdf, page 4: the lots of a contract and their holders.
    text = ("8 Plomberie – Sanitaires -\nVentilation \nGUIHOT Jean-Michel (Arthon-en-Retz – 44320) \n")
    masked = _masked(text)
    assert "GUIHOT" not in masked and "Jean-Michel" not in masked and "Ventilation" in masked


def test_the_elected_members_of_other_authorities_named_with_their_office_are_officials():
    # chemere_regardscitoyens/pdf/CM 17 décembre 2013.pdf, page 18
    senator = ("Monsieur le Maire indique qu’il a reçu un \ncourrier de Monsieur Joël GUERRIAU, sénateur de "
               "Loire-Atlantique, exposant\n")
    # chemere_regardscitoyens/pdf/CM 15 octobre 2008.pdf, page 5
    senator_too = "il est proposé de solliciter auprès de Madame Monique PAPON, sénatrice, une \nsubvention exceptionnelle\n"
    for text in (senator, senator_too):
        assert {m.kind for m in persons_detect(pages=[text], officials=[])} == {"official"}


# Real lines of minutes: (text, officials of the document, what must be gone, what must stay as printed).
_MASKED = [
    # montpellier_opendata/comptes_rendus/CR_CM_09_05_2011.pdf, page 3: the owners of a plot acquired, named after
    # « Propriété » in title case at the end of an item of the list.
    ("Philippe SAUREL 21 Foncier Elargissement Avenue du Pont Trinquat Propriété Boze et Ribière\nPour : 53\n",
     ["Philippe SAUREL"], ["Boze", "Ribière"], ["Philippe SAUREL", "Avenue du Pont Trinquat"]),
    # chemere_regardscitoyens/pdf/CM 21 juillet 2009.pdf, page 3: households granted a subsidy, the commune of
    # residence in the next column, the second person's first name closing its line.
    ("1 02/07/09 JACQUIN Alexandre – \nDIARD Malika \nCHEMERE \n(44680) \n", [],
     ["JACQUIN", "Alexandre", "DIARD", "Malika"], ["CHEMERE \n(44680)"]),
    # chemere_regardscitoyens/pdf/CM 21 septembre 2010.pdf, page 9: a first name cut where its cell wraps.
    ("A 2061 24/08/2010 VEAUX Christine et MACE Hu-gues 5 Le Breil G 976, 1099, \n", [],
     ["VEAUX", "Christine", "MACE", "Hu-gues", "Le Breil"], ["G 976, 1099"]),
    # chemere_regardscitoyens/pdf/CM 20 janvier 2015.pdf, page 10: the second applicant's first name in lowercase.
    ("A 1027 24/12/2014 BOUCHAUD Romain et \nRONCA stéfanie\n16 rue de Saint-Hilaire F 1047 Extension de maison\n", [],
     ["BOUCHAUD", "Romain", "RONCA", "stéfanie", "Saint-Hilaire"], ["F 1047 Extension de maison"]),
    # The same page: the councillor who reads the applications shares her first name with an applicant's partner.
    ("Madame Virginie PORCHER donne lecture des documents d’urbanisme :\n"
     "A 1024 08/12/2014 JACOB Cédric et Virginie 32 rue des \nMeuniers\n", ["Virginie PORCHER"],
     ["JACOB", "Cédric", "et Virginie", "Meuniers"], ["Madame Virginie PORCHER donne lecture"]),
    # chemere_regardscitoyens/pdf/CM 15 février 2012.pdf, page 17: a member of the youth council resigns.
    ("Monsieur le Maire informe les membres du Conseil municipal :\n"
     "- de la démission de Thibault BOURA du Conseil municipal des jeunes ;\n", [],
     ["BOURA", "Thibault"], ["du Conseil municipal des jeunes"]),
    # montpellier_opendata/proces_verbaux/PV_CM_16_12_2011.pdf, page 58: the owner named a sentence after the property.
    ("L’immeuble sis 23 boulevard du Jeu de Paume (parcelle cadastrée HV n°314) est inclus dans ce périmètre. \n"
     "Sa propriétaire, Mme FABRE a reçu, en date du 19 juin 2006, par lettre recommandée avec accusé réception, \n", [],
     ["FABRE", "23 boulevard du Jeu de Paume"], ["(parcelle cadastrée HV n°314) est inclus dans ce périmètre"]),
    # montpellier_opendata/proces_verbaux/PV_CM_09_05_2011.pdf, page 50: the owner in a délibération's title.
    ("20 – Foncier - Acquisition Propriété BOURRAT rue Pierre Fermaud \n", [],
     ["BOURRAT"], ["20 – Foncier - Acquisition"]),
    # montpellier_opendata/proces_verbaux/PV_CM_17_02_2014.pdf, pages 76 and 157: a record label in a table of
    # subsidies, then an association's name: an activity, no surname.
    ("Enregistrement 280 COMMUNICATIONS Julie Gordon 2 500 €\n"
     "920 6281 AVICCA – Association des Villes et Collectivités pour les Communications \n"
     "électroniques et de l’Audiovisuel \n", [],
     [], ["280 COMMUNICATIONS", "pour les Communications \nélectroniques"]),
    # chemere_regardscitoyens/pdf/CM 4 novembre 2014.pdf, page 3: a street trader given a pavement permit, her surname
    # a common word too.
    ("légumes et de bijoux \nfantaisie\nPETIT Isabelle \n(Camion \nambulant \nSYLPHIDES)\n", [],
     ["PETIT", "Isabelle"], ["fantaisie\n", "(Camion \nambulant"]),
    # chemere_regardscitoyens/pdf/CM 21 avril 2009.pdf, page 4: the signatures, two columns, a blank after each colon.
    ("Alain GUILBAUD Georges LECLEVE : \nJean-Paul LERAY : Lionel LESCURAT : \n",
     ["Alain GUILBAUD", "Georges LECLEVE", "Jean-Paul LERAY", "Lionel LESCURAT"],
     [], ["Alain GUILBAUD Georges LECLEVE : \nJean-Paul LERAY : Lionel LESCURAT : \n"]),
    # montpellier_opendata/proces_verbaux/PV_CM_24_04_2014.pdf, page 28: a member elected to a commission, his
    # particle printed in lowercase where the attendance list prints it in capitals.
    ("Ont été élus :\n- Mylène CHARDES\n- Henri de VERBIZIER\n", ["Mylène CHARDES", "Henri DE VERBIZIER"],
     [], ["- Mylène CHARDES\n- Henri de VERBIZIER\n"]),
    # montpellier_opendata/proces_verbaux/PV_CM_20_06_2011.pdf, page 31: a youth grant's beneficiary named again by
    # his first name.
    ("Emanuele Negrosini, salarié montpelliérain \nProduction culturelle \n« Les roues de la terre » \n"
     "Emanuele envisage de parfaire ses connaissances sur les techniques agricoles respectueuses de \n", [],
     ["Negrosini", "Emanuele"], ["salarié montpelliérain", "Production culturelle"]),
    # chemere_regardscitoyens/pdf/CM 13 septembre 2011.pdf, page 5: a resident named to a land association, his home a
    # lieu-dit printed after the town and its postcode, wrapped.
    ("- de nommer Monsieur Jean-Paul LOIRAT domicilié à CHEMERE (44680) La Barre de \nVue, au bureau de l’Association "
     "foncière d’aménagement foncier agricole et forestier \n", [],
     ["LOIRAT", "Barre de"], ["domicilié à CHEMERE (44680)", ", au bureau de l’Association foncière"]),
    # aiglun_regardscitoyens/pdf/CR CM 08.04.2016.pdf, page 8 (a scan, as OCR reads it): an employee who leaves the
    # commune's service is no member leaving the séance.
    ("Pour rappel, monsieur Olivier CAPEL quitte les services municipaux le 24 avril prochain. Un pot de départ\n", [],
     ["Olivier", "CAPEL"], ["quitte les services municipaux"]),
    # aiglun_regardscitoyens/pdf/CR-CM-24-07-15.pdf, page 4 (a scan): a compound first name cut at its hyphen.
    ("la société OYOPI, espace Beau de\nRochas, Avenue Gutemberg, zone St Christophe, 04000 Digne, gérée par monsieur "
     "Jean-\nMarie MARTIN, a été commandité pour la création d’un nouveau site de la commune\n", [],
     ["Jean-\n", "Marie", "MARTIN"], ["la société OYOPI", "a été commandité"]),
    # pierrefonds_mymairie/compte-rendu-03-10-2017.pdf, page 6 (a scan): the commune's seat, no one's home; and
    # montpellier_opendata/comptes_rendus/CR_CM_25_07_2011.pdf, page 8 (a scan): a ZAC named after a person.
    ("La décision en daté du 4 Avril 2017 (Pièce |) prise par le conscil municipal de la Commune de\nPierrefhnds, "
     "domiciliée place de l'hôtel de ville, 60350 Pierrefonds, par laquelle l'accord du conseil\n"
     "Zone d'aménagement concerté Blaise Pascal Concession d'aménagement Ville/SERM\n", [],
     [], ["place de l'hôtel de ville", "Blaise Pascal"]),
    # aiglun_regardscitoyens/pdf/CR CM 08.04.2016.pdf, page 7, and Compte-rendu CM 17.10.13.pdf, page 3 (scans): the
    # civilité printed in lowercase inside a sentence.
    ("un don à la commune pour régler l’intégralité du coût des vitraux qui seront installés prochainement. Le\n"
     "vitrailliste, monsieur FERBER, facturera la commune directement à hauteur de 11 960 €.\n"
     "passage d’une canalisation d’eau de source de la parcelle ex A2668 appartenant à\n"
     "monsieur et madame Nicolas et Eva ANTOMARCHI à la parcelle ex A2618\n", [],
     ["FERBER", "Nicolas", "Eva", "ANTOMARCHI"], ["vitrailliste, ", "parcelle ex A2668", "parcelle ex A2618"]),
    # montpellier_opendata/comptes_rendus/CR_CM_28_03_2011.pdf, page 6 (a scan): after a civilité too, a compound
    # first name cut at its hyphen.
    ("Plan Local d'Urbanisme Acquisition de la propriété de Monsieur et Madame Jean-\nLouis RIGAIL cadastrée TN 426 "
     "partie\n", [], ["Jean-\n", "Louis", "RIGAIL"], ["TN 426 partie"]),
    # montpellier_opendata/deliberations_2013/2013_06_17/2013-06-17-0000064273.pdf, pages 1 and 2: youth grants, a
    # surname with its elided particle; the places the projects are shown in are named after persons.
    ("la somme de 4 300 €, et de la répartir de la manière suivante : \nAmandine D’Acunto, en recherche d’emploi \n"
     "Production culturelle \nMonochrome \n"
     "Projections à l’université Paul Valéry, au ciné-club Jean Vigo. \nMontant accordé: 800 € \n", [],
     ["Amandine", "D’Acunto"], ["en recherche d’emploi", "l’université Paul Valéry", "ciné-club Jean Vigo"]),
    # aiglun_regardscitoyens/pdf/CR CM 08.04.2016.pdf, page 5 (a scan): a surname with its particle in title case.
    ("Monsieur le maire rappelle au conseil municipal le contentieux relevant de l’urbanisme entre la commune et\n"
     "madame Stéphanie Le Morvan. La procédure à l’encontre de madame Stéphanie Le Morvan pour infraction\n", [],
     ["Stéphanie", "Le Morvan", "Morvan"], ["le contentieux relevant de l’urbanisme", "pour infraction"]),
    # flaux_village/PV DU 9 JUIN 2023-tampon.pdf, page 6 (a scan): the electoral roll's commission, citizens the
    # prefect and the court appoint beside a councillor; « titulaire » after a name is no office there.
    ("Délégué de l’administration : Mr DIEUL Fabrice titulaire\nMme VERDAN Marie-Claude suppléant\n\n"
     "Délégué du Tribunal judiciaire : Mr Laurent RODILLA\n\nConseiller municipal : Mme Patricia MICHOT\n",
     ["Patricia MICHOT"], ["DIEUL", "Fabrice", "VERDAN", "Marie-Claude", "RODILLA"], ["Patricia MICHOT"]),
    # aiglun_regardscitoyens/pdf/CR du CM du 10.04.15.pdf, page 9 (a scan): the mayor's diary, a wedding he celebrates.
    ("C.M.J. livraison matériel au chenil\n\nMariage ROBERT-SOMMEREIGN (Daniel)\n\nRéunion Bureau CCABV à la CCABV "
     "(Daniel)\n", ["Daniel JUGY"], ["ROBERT-SOMMEREIGN"], ["Réunion Bureau CCABV", "(Daniel)"]),
    # chemere_regardscitoyens/pdf/CM 16 février 2010.pdf, page 7: a working group, farmers « (titulaire) » beside the
    # members of the council.
    ("- Agriculteurs : Christophe MELLERIN (titulaire), Christophe LOQUAIS (titulaire), Jean-Michel \nGAUTIER "
     "(suppléant) \n- Elus : Jacques CHEVALIER, Jean-Pierre GRANDJOUAN, Georges LECLEVE, \n",
     ["Jacques CHEVALIER", "Jean-Pierre GRANDJOUAN", "Georges LECLEVE"],
     ["MELLERIN", "LOQUAIS", "GAUTIER"], ["Jacques CHEVALIER", "Jean-Pierre GRANDJOUAN", "Georges LECLEVE"]),
    # montpellier_opendata/proces_verbaux/PV_CM_17_02_2014.pdf, page 28, PV_CM_30_03_2009.pdf, page 69, and
    # PV_CM_20_06_2011.pdf, page 32: youth grants; a surname that is a word, one with its elided particle in
    # capitals, a first name again after a comma.
    ("28 \nNathan Vigne, en recherche d’emploi \n« Longue nuit » \n800 € \n"
     "L’HOTE Guillaume, étudiant montpelliérain en arts plastiques et arts visuels.\n"
     "Montant proposé: 800 € \nAnna Hébert, étudiante montpelliéraine \nDestination monde \n« Roumanie espoir » \n"
     "Membre de l’association Roumanie Espoir France, Anna se rendra du 7 au 31 août en Roumanie, dans le \n", [],
     ["Nathan", "Vigne", "HOTE", "Guillaume", "Anna"], ["en recherche d’emploi", "Roumanie Espoir France"]),
    # montpellier_opendata/proces_verbaux/PV_CM_30_03_2009.pdf, page 68 (no question reads it): youth grants, the
    # surname in capitals before two first names in title case, as the table prints its other rows (« BOURDON Laure »);
    # the status after it made the first names a person, and left « SOW » in clear beside them.
    ("1000 € \nSOW El Hadji, étudiant montpelliérain. \nProduction culturelle : \n« Univers sur terre / vue du ciel»\n", [],
     ["SOW", "El Hadji"], ["Production culturelle", "Univers sur terre"]),
    # montpellier_opendata/proces_verbaux/PV_CM_30_03_2009.pdf, page 29: young artists the city sends to a biennale,
    # one surname in capitals after its elided particle.
    ("pour représenter l’émergence artistique de notre Ville : \n- Cédric JOLIVET \n- Alexandre GIROUX-TORTI \n"
     "- Fabrice D'ALESSANDRO \n- Reynald GARENAUX \n", [],
     ["JOLIVET", "GIROUX-TORTI", "ALESSANDRO", "GARENAUX"], ["l’émergence artistique de notre Ville"]),
    # chemere_regardscitoyens/pdf/CM 16 décembre 2014.pdf, page 15: the children's council, a table whose class and
    # school columns end each line in capitals; some first names are in no dictionary, some surnames are words.
    ("Titulaires\nCHOUTEAU Calista CM2 AE\nDERYCKERE Charly CM1 AE\nDURAND Lorena CM2 AE\nFOUQUET Gaïa CM2 ND\n"
     "GUILLON Maylis CM2 AE\nJONQUILLE Danaël CM2 AE\nMOINET Lola CM2 AE\n", [],
     ["CHOUTEAU", "DERYCKERE", "DURAND", "Lorena", "FOUQUET", "Maylis", "JONQUILLE", "Danaël", "MOINET"],
     ["Titulaires", "CM2 AE\n", "CM2 ND\n"]),
    # chemere_regardscitoyens/pdf/CM 17 décembre 2008.pdf, page 6: the same council listed in a sentence; « AVRIL » is a
    # month, « MANTEAU » a word, « Opaline » in no dictionary, « BRIAND » the surname of a councillor of that séance.
    ("Il est composé de 13 enfants (8 de l’école publique et 5 de l’école privée) : AMIEUX Louis, \n"
     "AUGEREAU Margot, AVRIL Ludovic, BOINAUD Dylan, BOURGEAIS Axel, BRIAND Mélen, \n"
     "DURAND Margaux, GOUARD Manon, GUILBAUD Alexandre, MALLET Eliane, MANTEAU \n"
     "Opaline, THOMAS Steve, TIBAUDO Léa-Elisabeth. \n", ["Philippe BRIAND"],
     ["AVRIL", "Ludovic", "BRIAND", "Mélen", "MANTEAU", "Opaline"], ["Il est composé de 13 enfants"]),
    # chemere_regardscitoyens/pdf/CM 15 février 2011.pdf, page 2: the yearly list of contracts, craftsmen trading under
    # their own names, the postcode in a column of its own; the second brother shares his first name with a councillor.
    ("Titulaire Code \npostal \nObjet Lot \nMarchés de 20 000 € H.T. à 49 999,99 € H.T\nMAPA 05/2010 RUZZANTE \nSARL \n"
     "44680 Travaux de rénovation des \nvestiaires de football : \nBardage isolation extérieure \nUnique \n"
     "PEDEAU 44680 Lot 1 « Gros \nœuvre » \nRUZZANTE \nSARL \n44680 Lot 2 « Charpente \nbois » \nLETORT RENE \n"
     "ET BERNARD \n44115 Lot 3 « Couverture – \nEtanchéité – \nBardage » \nGOUY \nGUITTENY \n44680 Lot 4 « Serrurerie » \n"
     "MAPA 06/2010 \nLOUERAT \nROGER \n44320 \nTravaux d’extension de la \nsalle de sports – Local \nréserve \n",
     ["Bernard CHAZELAS"], ["LETORT", "RENE", "BERNARD", "LOUERAT", "ROGER"], ["RUZZANTE \nSARL", "Lot 3"]),
    # montpellier_opendata/proces_verbaux/PV_CM_17_02_2014.pdf, page 76: a table of grants, the artist's first name and
    # surname under the last line of the association's name in capitals.
    ("Type d’aide Association Artiste Montant\nEnregistrement THEATRE EN FLAMMES - \nCREATEF \nGeorges Nounou 2 500 € \n",
     [], ["Georges", "Nounou"], ["THEATRE EN FLAMMES - \nCREATEF"]),
    # couthenans/CR_reunion_20210409.pdf, page 1: members named by first name alone, then the town hall's secretary,
    # under a list that no full stop closes.
    ("CR du conseil municipal 09 avril 2021\nPrésents : Jean-Pierre, Yves, Jacques, Hélène, David, Anne-Marie, Patrick, "
     "Mathieu, Nelly, Agnès,\nMarc, Marielle, Mario, Maryline, Nelly, Adeline\n"
     "Le secrétaire de mairie Eddy était présent également. Départ de Maryline et Nelly à 20H50.\n",
     ["Jean-Pierre", "Yves", "Jacques", "Hélène", "David", "Anne-Marie", "Patrick", "Mathieu", "Nelly", "Agnès", "Marc",
      "Marielle", "Mario", "Maryline", "Adeline"],
     ["Eddy"], ["Présents : Jean-Pierre, Yves", "Départ de Maryline et Nelly"]),
    # montpellier_opendata/proces_verbaux/PV_CM_17_02_2014.pdf, page 174, and PV_CM_09_05_2011.pdf, page 69: a dance
    # company named after its choreographer, the district in the next column; a firm's part in the works.
    ("2432 Allons'Z'Enfants -\nCie Didier Théron Paillade Vive Paillade 1 800 €\n"
     "Le Bureau d’Etudes P3G - ACTUA de Mauguio 34, a été désigné comme Maître d’Oeuvre sur \n", [],
     [], ["Paillade Vive Paillade", "Maître d’Oeuvre"]),
    # montpellier_opendata/proces_verbaux/PV_CM_28_03_2011.pdf, page 62: grants to home owners, one home on a
    # « descente » (a street type as « rue » or « montée » are).
    ("Mme Christine NEGRE (propriétaire occupant), 5 Descente En Barrat 113,00 €\n", [],
     ["NEGRE", "Descente En Barrat"], ["(propriétaire occupant)", "113,00 €"]),
    # montpellier_opendata/proces_verbaux/PV_CM_30_03_2009.pdf, page 44: the urban planner and the landscape architect
    # of a group of contractors, the first name « Pierre » a word the document writes too (« pierre »).
    ("Les façades en pierre de taille seront restaurées.\n"
     "de Montpellier au groupement Pierre Tourre/TRIBU SARL/Marc Richier. Ces avenants permettent \n", [],
     ["Tourre", "Richier"], ["TRIBU SARL", "façades en pierre"]),
    # montpellier_opendata/deliberations_2013/2013_02_04/2013-02-04-0000061111.pdf, page 2, and
    # montpellier_opendata/proces_verbaux/PV_CM_09_05_2011.pdf, page 50: tables of grants, the artist named before the
    # amount (bands named twice, an association opening with an article, are no persons).
    ("Création Spectacle Cinémusiques Roberto Tricarri 2 000 € \nCréation Spectacle Estampe J.C. Sirven 2 500 € \n"
     "Création Spectacle Dedalus Dedalus 1 000 € \nCréation Spectacle Marvin Marvin 2 000 € \n"
     "Création Spectacle Osmose et muses Eloïse Alibi 2 500 € \nA Cœur Ouvert 2 000 € \nLe Refuge 2 000 € \n", [],
     ["Tricarri", "Sirven", "Alibi"], ["Dedalus Dedalus", "Marvin Marvin", "Le Refuge 2 000 €", "A Cœur Ouvert"]),
    # montpellier_opendata/deliberations_2013/2013_02_04/2013-02-04-0000061105.pdf, page 2: qualified persons an
    # association's statutes have the city name, one after a dash glued to his first name.
    ("Les 3 personnalités qualifiées et désignées par la Ville de Montpellier sont : \n- Sophie MENENTEAU \n"
     "-Patrick BEDOS \n- Nathalie COMBE \nEn conséquence, il est proposé au Conseil Municipal : \n", [],
     ["MENENTEAU", "BEDOS", "COMBE"], ["Les 3 personnalités qualifiées"]),
    # aiglun_regardscitoyens/pdf/CR du CM 5.12.14.pdf, page 9, and montpellier_opendata/comptes_rendus/
    # CR_CM_20_06_2011.pdf, page 10 (scans): the mayor's diary, a feast; schools named after writers, then the
    # words of the item (« Extension » was taken for a second surname, then masked wherever the minutes print it).
    ("10.12 17h30 : Arbre de Noël des enfants de l’amicale du personnel communal d’Aïglun\n\n"
     "12.12 17h00 : Arbre de Noël des employés de CCABV et de la ville de Digne (palais des\nCongrès)\n\n"
     "14.12 : 20% marché de Noël (parc du château de Malijai).\n\n"
     "Ecoles élémentaires André Malraux, Jean Macé et François Rabelais Extension de la\n"
     "capacité d'accueil par la mise en place de \nZAC Port Marianne-Consuls de Mer Extension (phase 3)\n", [],
     [], ["Arbre de Noël des enfants", "François Rabelais Extension", "Consuls de Mer Extension"]),
    # montpellier_opendata/deliberations_2013/2013_03_25/2013-03-25-0000062241.pdf, pages 2, 4 and 6: a table of
    # grants to associations, one named after a writer, its action a word the délibération writes in lowercase (« la
    # prévention de la délinquance »): « Voltaire Prévention » is no first name and surname, and « Prévention » was
    # masked wherever the table prints it.
    ("- la citoyenneté et la prévention de la délinquance, \n"
     "1755 APAJ Centre Gitan Atelier Prévention Santé \nEnvironnement Gély - Figuerolles 1 800 €\n"
     "4163 Via Voltaire Interface Gély - Figuerolles 6 000 €\n"
     "4163 Via Voltaire Prévention, soutien, orientation \nsanitaire et sociale pour les jeunes Gély - Figuerolles 7 000 €\n",
     [], [], ["Atelier Prévention Santé", "Via Voltaire Prévention, soutien"]),
    # montpellier_opendata/proces_verbaux/PV_CM_09_05_2011.pdf, page 108 (no question reads it): the lot of a
    # contract, its name in capitals without accents, and the word in lowercase in the same délibération; the company
    # that won it reads as a surname and a first name, but that surname alone is the lot's name, not a person's.
    ("Autorisation de signer les marchés du lot 25 \"SIGNALETIQUE\" \n"
     "Pour réaliser les travaux du lot 25, « SIGNALETIQUE », portant sur la fabrication et la pose \n"
     "d’éléments de signalétique statique dans le bâtiment et aux abords (parvis et parc), un marché à \n"
     "SIGNALETIQUE, à l’entreprise ci-dessous désignée, offre économiquement la plus \navantageuse. \n"
     "Lot Entreprise Montants retenus en € HT \nLot 25 SIGNALETIQUE Alp’ Com \n38330 Montbonnat \n",
     [], [], ["lot 25 \"SIGNALETIQUE\"", "« SIGNALETIQUE »", "SIGNALETIQUE, à l’entreprise"]),
    # montpellier_opendata/proces_verbaux/PV_CM_17_02_2014.pdf, page 185: a speech names the members of a consultative
    # council's bureau by their first names alone.
    ("Je citerai ces 14 prénoms des membres du CCRE, ces 14 résidents étrangers à \n"
     "qui nous avons amélioré la parole : Adama, Maïram, Renate, Balla, Salah, Guy, Victoria, Michel, Yaël, \n"
     "Patrick, Viviana, Fabio, Bachir, Michael et Sotirios qui sont les premiers membres du bureau du CCRE. \n", [],
     ["Adama", "Renate", "Salah", "Victoria", "Yaël", "Viviana", "Fabio", "Sotirios"], ["membres du bureau du CCRE"]),
    # montpellier_opendata/proces_verbaux/PV_CM_28_03_2011.pdf, page 38: a prize-winning photographer, her surname in
    # two words joined by a particle (« Lauwe » printed nowhere else).
    ("28 - Boutographies 2010 - Acquisition de tirages photographiques \n"
     "réalisés par Lucile Chombart de Lauwe, lauréate du Prix du Jury \n", [],
     ["Chombart", "Lauwe"], ["lauréate du Prix du Jury"]),
    # montpellier_opendata/proces_verbaux/PV_CM_17_02_2014.pdf, pages 27 and 77: youth grants, a first name the
    # dictionary lacks, a surname with its particle in title case; a musician whose surname is a word the minutes use.
    ("Lorélia Somprou, étudiante\n« Lighiona »\nProduction culturelle \n"
     "Réaliser un documentaire de 52 mn sur le loup des Carpates en Roumanie\n"
     "Elouan Le Dily, en recherche d’emploi \n« L’envol et l’âme » \n"
     "Création QUASI INDESTRUCTIBLE \nPRODUCTION \nLaurent Montagne 2 500 € \n"
     "Création RAMBLIN' BASTRINGUE Skeleton Band 3 000 € \nune randonnée en montagne\n", [],
     ["Lorélia", "Somprou", "Elouan", "Dily", "Laurent Montagne"],
     ["QUASI INDESTRUCTIBLE", "Skeleton Band 3 000 €", "en montagne"]),
    # montpellier_opendata/proces_verbaux/PV_CM_28_03_2011.pdf, page 57: streets named after persons, listed after
    # the plural, the first one wrapped.
    ("concerne les abords de l’avenue Alphonse Juin et des rues Marie \n"
     "Durand, André Malraux, Jean Cavalier, Antoine Vitez et Roland. \n", [],
     [], ["Marie \nDurand", "André Malraux", "Jean Cavalier", "Antoine Vitez"]),
    # chemere_regardscitoyens/pdf/CM 22 janvier 2008.pdf, page 2, and CM 23 mars 2010.pdf, page 7: a subsidy counted
    # per child, a family's children named by their surname; a craftsman whose surname is a first name too, in a list of
    # contracts; CM 20 avril 2010.pdf, page 4, and montpellier_opendata/proces_verbaux/PV_CM_07_02_2011.pdf, page 40: a
    # bidder whose name opens with a particle, a price per ten children (the same minutes, page 36, write « dispositif »).
    ("déterminera le choix et sera responsable de l’équité du dispositif. \n(528,50*85 élèves)\nPrise en cpte des 2 \nenfants BOCHENKO \net 2, RONDEAU\n44 922,50 €\n"
     "BALLET 44470 Lot 6 « Carrelage – \nFaïence » \nBRUN RODOLPHE 44640 Lot 7 « Peinture » \n"
     "LE GAL (44550 MON-TOIR DE BRETAGNE) \n18 3 7 17878,83 21383,08 \n"
     "Séance scolaire 2.70 € par enfant Gratuit pour les accompagnants à raison de 1 \npour 10 enfants \n"
     "Dispositif scolaire 2.50 € par enfant Ecole et Cinéma \n", [],
     ["BOCHENKO", "BRUN", "RODOLPHE"], ["LE GAL (44550", "10 enfants \nDispositif scolaire", "Lot 7 « Peinture »"]),
    # chemere_regardscitoyens/pdf/CM 8 juillet 2014.pdf, page 1, CM 13 mai 2014.pdf, page 2, and CM 22 mai 2013.pdf,
    # page 2: contracts a mayor signed, a craftsman printed first name first before his postcode; companies of the same
    # shape whose second word is a word of the language (« MOBILIER », « COM ») stay.
    ("25/06/14 ROGER LOUERAT (44320 \nARTHON EN RETZ)\nTravaux salle Ellipse : Complément \nsonorisation salle annexe\n"
     "22/04/14 MAC MOBILIER (35190 \nTINTENIAC) 4 claustras « Chut ... Chut » pour cantine 3 616,20 €\n"
     "13/05/13 EDEN COM (49360 \nMAULEVRIER)\nAménagement aire de jeux au sein de la cour de \nl’école publique\n", [],
     ["ROGER", "LOUERAT"], ["MAC MOBILIER (35190", "EDEN COM (49360"]),
    # chemere_regardscitoyens/pdf/CM 24 mars 2009.pdf, page 4, and CM 26 février 2014.pdf, page 14: a table of
    # contracts dated by the month, the procedure first; craftsmen surname first, the first name wrapped.
    ("Titulaire Code postal Objet Lot \nMarchés de 4 000 € H.T. à 19 999 € H.T. \n"
     "09/2008 CDC CONSEILS 44270 Maîtrise d’œuvre « Travaux d’aménagement \nde la rue du Vigneau » \nUnique \n"
     "10/2008 SURGET \nWILFRID \n44640 Maîtrise d’oeuvre “Travaux d’isolation \nthermique et acoustique du théâtre \n"
     "MAPA 03/13 FAVREAU \nDIDIER\n44320 Travaux de réhabilitation et \nd’extension du magasin \nd’alimentation VIVAL\n"
     "1 « Maçonnerie -\nDémolition »\n03/12 JOLLY \nCHARPENTE\n44680 Charpente\n", [],
     ["SURGET", "WILFRID", "FAVREAU", "DIDIER"], ["CDC CONSEILS 44270", "JOLLY \nCHARPENTE\n44680", "VIVAL"]),
    # chemere_regardscitoyens/pdf/CM 16 juillet 2008.pdf, page 3: the lots of a contract, each row opened by its number.
    ("Lo Entreprise Montant € H.T. \n4 MIROITERIES DE L’OUEST (44119 TREILLIERES) 15 506,00\n"
     "7 ROGER LOUERAT (44320 ARTHON) (avec option incendie à 499,20 € H.T.) 6 941,70\n"
     "8 PASCAL LERAY (44680 CHEMERE) 3 335,75\n", [],
     ["LOUERAT", "LERAY"], ["4 MIROITERIES DE L’OUEST (44119"]),
    # aiglun_regardscitoyens/pdf/Compte-rendu CM du 11.09.15.pdf, page 5 (a scan): a list of expenses whose last column,
    # after a rule OCR reads « | », is the budget's section; the supplier on the next line is a craftsman.
    ("Bureau Vallée 5 ramettes de papiers A3 45.00 08/09/2015 285| FONCT\n"
     "Pharmacie Comte Produits pour pharmacie groupe scolaire 166.15 10/09/2015 286| FONCT\n"
     "Maurin Bernard Élagage et abattage d’arbres 984.00 04/09/2015 280| FONCT\n"
     "Sanitec Détartrage chauffe-eau service technique 354.60 18/08/2015 258| FONCT\n", [],
     ["Maurin"], ["286| FONCT\n", "280| FONCT\n", "285| FONCT\n"]),
    # The same page and Compte-rendu CM 17.10.13.pdf, page 4 (scans), and couthenans/CR_reunion_20210604.pdf, page 1:
    # what the model takes for a person but opens with a word of the language that is no first name is a supplier and
    # its product, an association; a title before a first name still opens a person's name.
    ("Lacoste Rouleaux Velléda pour tableau groupe scolaire 395.33 18/08/2015 259] FONCT\n"
     "- 07.11 à 17h30 — A.G. Asl St-Jean salle H. Rochette\n"
     "Nota : Adeline est positive au Covid, du coup, pas là et la classe de Maitresse Elodie est fermée pour 10 jours \n",
     [], ["Elodie"], ["Lacoste Rouleaux Velléda pour", "A.G. Asl St-Jean salle"]),
    # montpellier_opendata/proces_verbaux/PV_CM_07_02_2011.pdf, pages 8 and 36: actors and a speaker whose surname opens
    # with a particle, which the model does not read as persons.
    ("La réalisation a été confiée à Louis Pascal Couvelaire d'après un scénario original de Brice Homs et \n"
     "Alexis Nolent. Les trois comédiens principaux pressentis sont Anne Le Nen, Claire Borotra et \n"
     "Bruno Todeschini. \n"
     "Le 15 mars 2011, Goethe, un événement européen, par Jacques Le Rider, germaniste et \n", [],
     ["Anne Le Nen", "Le Nen", "Jacques Le Rider", "Le Rider"], ["Le 15 mars 2011"]),
    # montpellier_opendata/proces_verbaux/PV_CM_20_06_2011.pdf, page 57: a company whose legal form closes the line
    # above its name.
    ('32 - Foncier - Elargissement du trottoir rue du Pont Juvénal - Propriété "SCI \nCapao Juvénal" \n'
     "Philippe SAUREL : \nLa « SCI Capao Juvénal» a réalisé une opération immobilière, sur les parcelles HL 586 et \n",
     ["Philippe SAUREL"], [], ["SCI \nCapao Juvénal", "SCI Capao Juvénal"]),
    # pierrefonds_mymairie/compte-rendu-08-09-2020.pdf, pages 1 and 5: a member whose first name the attendance list
    # prints in capitals, named by her surname in the minutes.
    ("Monsieur Jean-Marc GOSSOT, Madame DELPHINE DECKER, Monsieur Joachim LUDER, Madame\n"
     "le Maire et Mme Decker confirment qu’une réflexion est prévue et qu’il est important d’être à l’écoute des\n",
     ["Jean-Marc GOSSOT", "DELPHINE DECKER", "Joachim LUDER"], [], ["DELPHINE DECKER", "Mme Decker"]),
    # flaux_village/compte rendu 16 juin.pdf, page 3 (a scan, read by OCR): the noise of a table's header.
    ("Considérant le plan de financement prévisionnel suivant :\n\nDépenses | Recette\n\n"
     "DEEE Te ENS De Re si Fran A ere TT\nTravaux réhabilitation 28 022.0QUE - FEADER - LEADER 7 188.34 25%\n", [], [],
     ["DEEE Te ENS De Re si Fran A ere TT"]),
    # pierrefonds_mymairie/20240613-PV-AFFICHAGE-1.pdf, page 5: the header of a table of fees, below a line that
    # writes « ressources » in lowercase.
    ("(C.A.F), un barème avec des tarifs modulés en fonction des ressources des parents est nécessaire à l’obtention de \n"
     "journalière figurant dans le règlement intérieur d’Action Sociale de la CAF, à savoir :\nComposition de la \n"
     "famille\nRessources Mensuelles (RM)\nInférieures ou égales à \n550 € De 551 à 3200 € Supérieures à 3200 €\n"
     "1 enfant 1,64 0,32 % des RM par jour 10,30\n", [], [], ["famille\nRessources Mensuelles (RM)"]),
]


@pytest.mark.parametrize(("text", "officials", "gone", "kept"), _MASKED)
def test_private_persons_and_their_homes_go_and_the_rest_stays_as_printed(text, officials, gone, kept):
    masked = _masked(text, officials=officials)
    assert [printed for printed in gone if printed in masked] == []
    assert [printed for printed in kept if printed not in masked] == []


def test_a_particle_and_a_name_printed_alone_elsewhere_are_a_place_not_a_surname():
    # chemere_regardscitoyens/pdf/CM 21 septembre 2010.pdf, page 8: a couple and their lieu-dit in the table of
    # planning applications, the same lieu-dit alone in the table of pre-emptions above it.
    text = ("2010 49 12 rue du Ponant G 2944 612 m2 Non \n2010 50 Le Breil G 2544 1177 m2 Non \n"
            "A 1032 27/07/2010 AUBINAIS Sébastien et Aline Le Breil G 2544 Maison habitation \n")
    persons = [m.surface for m in persons_detect(pages=[text], officials=[]) if m.person_key != "#adresse"]
    assert not [surface for surface in persons if "Breil" in surface]
    assert any("AUBINAIS" in surface for surface in persons)


def test_a_first_name_alone_at_the_top_of_the_next_page_is_still_masked():
    # montpellier_opendata/proces_verbaux/PV_CM_30_03_2009.pdf, pages 67 and 68: a youth grant's beneficiary at the
    # foot of a page, named again by his first name as the next page opens.
    pages = [
        "la somme de 7 600 €, et de la répartir de la manière suivante :\n"
        "CARRIER Antonin, étudiant montpelliérain en psychologie.\nProduction culturelle :\n «Labyrinthe» ",
        "68\nLe projet d’Antonin consiste à enregistrer avec les membres de son groupe musical, six \n",
    ]
    found = {(m.page, m.surface) for m in persons_detect(pages=pages, officials=[]) if m.kind == "private"}
    assert {(1, "CARRIER Antonin"), (2, "Antonin")} <= found


def test_an_official_listed_with_a_first_name_misread_by_one_letter_stays_an_official():
    # aiglun_regardscitoyens/pdf/CR CM 08.04.2016.pdf, pages 1 and 8 (a scan): OCR read « Yves » as « Vves » in the
    # attendance list; the councillor speaks further on.
    text = ("Soumis à controverse, monsieur Yves BLANCHET indique qu’il s’est tenu une réunion\n"
            "publique à Digne contre le déploiement de ce compteur.\n")
    mentions = _by_surface(persons_detect(pages=[text], officials=["Michel AUDRAN", "Vves BLANCHET"]))
    assert mentions["monsieur Yves BLANCHET"].kind == "official"
    # … not a first name one letter longer: « Louise » is another person than « Louis ».
    mentions = _by_surface(persons_detect(pages=[text.replace("Yves", "Louise")], officials=["Louis BLANCHET"]))
    assert mentions["monsieur Louise BLANCHET"].kind == "private"


def test_a_surname_a_capital_particle_opens_is_whole_even_when_a_common_word():
    # aiglun_regardscitoyens/pdf/CR 28.01.15.pdf, page 1 (a scan, read by OCR): the director of services, staff of
    # the commune, under « Mairie : » after the members; « PAGE » is a common word too.
    text = ("Présents :\n\nElus : Daniel JUGY, Jean-Pierre TOULOUSE, Philippe POULEAU, Fabienne SALADO, Sylviane\n"
            "LAURO, Yves BLANCHET, Michel AUDRAN, Catherine FONTAINE, Antonio PEREZ, Charles\n"
            "SPETH, Fabienne JOUVE, Elisabeth PEREIRA, Danielle DAUBE, Marion JUSTRABO et Patrice\n"
            "REVAH.\n\nMairie : Myriam LE PAGE.\n\nEtaient excusés : /\n\n"
            "A 18 heures, monsieur le maire ouvre la séance.\n")
    mentions = _by_surface(persons_detect(pages=[text], officials=officials_find([text])))
    assert mentions["Myriam LE PAGE"].kind == "private"
    assert mentions["Daniel JUGY"].kind == "official"
    assert "Myriam LE PAGE" in replacements_build(list(mentions.values()), pages=[text])


def test_a_first_name_and_a_surname_both_in_capitals_in_a_list_of_contracts():
    # chemere_regardscitoyens/pdf/CM 23 mars 2010.pdf, page 1: a sole trader named after the studio he trades as.
    text = ("15/03/10 ANIMATION EOLE (85430 AUBIGNY) Fête du Parc 2010 : Structures gonflables 392,98 €\n"
            "15/03/10 STUDIO L’ARSENE (JEAN-MARC \nGICQUEAU) (44580 BOURGNEUF EN \nRETZ) \n"
            "Fête du Parc 2010 : Eclairage 862,06 €\n")
    mentions = _by_surface(persons_detect(pages=[text], officials=[]))
    assert mentions["JEAN-MARC \nGICQUEAU"].kind == "private"
    # Neither a company's capitals nor a town's are a person's: no first name in use where French is spoken opens them.
    assert not any(word in surface for surface in mentions for word in ("EOLE", "AUBIGNY", "ARSENE", "BOURGNEUF"))


def test_a_person_the_minutes_describe_by_a_staff_function_is_staff_wherever_she_acts():
    # aiglun_regardscitoyens/pdf/CR du CM du 10.04.15.pdf (a scan, read by OCR), pages 3 and 4: the director of
    # services presents a budget « à la demande de monsieur le maire », which reads like an elected member's office.
    pages = [
        ("Monsieur le maire assisté de madame Myriam LE PAGE, directrice générale des services, présente le\n"
         "compte administratif 2014 du budget principal.\n"),
        ("A la demande de monsieur le maire, madame LE PAGE présente le budget primitif 2015 (cf. annexe\n"
         "5).\n"),
    ]
    mentions = persons_detect(pages=pages, officials=[])
    assert {mention.surface: mention.kind for mention in mentions if "PAGE" in mention.surface} == {
        "madame Myriam LE PAGE": "private", "madame LE PAGE": "private"}


def test_a_second_household_the_same_word_counts_is_masked_too():
    # chemere_regardscitoyens/pdf/CM 16 février 2010.pdf, page 3: the pupils of two families, counted in a grant.
    text = ("55 192,50 €\n557,50 x 99 élèves\n(Prise en cpte des 2 \nenfants BOCHENKO et \n2, RONDEAU et pas de \n"
            "prise en compte des \nTPS) \n588,00 €/élève \n")
    mentions = _by_surface(persons_detect(pages=[text], officials=[]))
    assert mentions["RONDEAU"].kind == "private"
    assert mentions["2 \nenfants BOCHENKO"].kind == "private"
    assert "TPS" not in mentions


def test_a_name_the_line_breaks_in_prose_is_read_but_not_cells_of_a_table():
    # montpellier_opendata/comptes_rendus/CR_CM_28_03_2011.pdf, page 5 (a scan, read by OCR): a photographer whose
    # prints the city buys, her name broken at the end of a line of prose.
    prose = ("Boutographies 2010 Acquisition de tirages photographiques réalisés par Lucile\n"
             "Chombart de Lauwe, lauréate du Prix du Jury\n")
    mentions = _by_surface(persons_detect(pages=[prose], officials=[]))
    assert mentions["Lucile\nChombart de Lauwe"].kind == "private"
    # chemere_regardscitoyens/pdf/CM 17 décembre 2008.pdf, page 8: the cells of a table of roads break every few words.
    cells = ("37 Chemin des \nVignes Nord \nRue de la \nBride à \nMains \nLim. Arthon 612 95 517 10 4,00 380 16/11/2005 "
             "n°2005/125 \n")
    assert persons_detect(pages=[cells], officials=[]) == []


def test_an_architects_practice_bearing_his_name_after_a_decision_formula_is_private():
    # chemere_regardscitoyens/pdf/CM 22 mai 2013.pdf, page 4: « membres présents : » ends the decision's formula (the
    # sentence runs on from the line above), it heads no list of members; the practice bears its architect's name.
    text = ("Le Conseil municipal, après avoir pris connaissance des propositions et de la note \n"
            "méthodologique de chaque candidat et après en avoir délibéré, décide à l’unanimité des \n"
            "membres présents :\n"
            "- de retenir l’offre du cabinet DUPONT Laurent qui s’avère être l’offre \n"
            "économiquement la plus avantageuse pour un ta\n")
    mentions = _by_surface(persons_detect(pages=[text], officials=[]))
    assert mentions["DUPONT Laurent"].kind == "private"


def test_a_councillor_whose_replacement_is_proceeded_to_is_no_seller():
    # aiglun_regardscitoyens/pdf/compte-rendu CM08.06.15.pdf, page 1 (OCR): « procéder » is no « céder ».
    text = (
        "Monsieur le maire demande au conseil municipal de procéder au remplacement de madame Fabienne\n"
        "SALADO, conseillère municipale démissionnaire, dans les commissions communales dont elle faisait partie,\n"
    )
    mentions = persons_detect(pages=[text], officials=["Fabienne SALADO"])
    assert [mention.kind for mention in mentions] == ["official"]


def test_a_member_the_bodys_other_minutes_name_is_an_official_unless_a_party():
    # pierrefonds_mymairie/CM-13-JANVIER-2022.pdf, page 6, a line of a debate read alone (as in minutes that print no
    # list): the member the body's other minutes of the term name « Michel LEBLANC ».
    debate = "M. LEBLANC considère que le paiement des usagers selon le temps de charge est discriminatoire. Mme"
    assert [m.kind for m in persons_detect(pages=[debate], officials=[])] == ["private"]
    assert [m.kind for m in persons_detect(pages=[debate], officials=[], colleagues=["Michel LEBLANC"])] == ["official"]
    # Another first name, or a surname alone, identifies no colleague.
    assert [m.kind for m in persons_detect(pages=[debate], officials=[], colleagues=["Sylvie LEBLANC", "LEBLANC"])] == [
        "private"
    ]
    # pierrefonds_mymairie/20241015-PV.pdf, page 5: a party to the lease stays private, whoever sits on the council.
    lease = "- APPROUVE la cession du bail rural conclu avec Monsieur Eric BEGUIN et Mme Isabelle MALEZIEUX au "
    kinds = {m.surface: m.kind for m in persons_detect(pages=[lease], officials=[], colleagues=["Eric BEGUIN"])}
    assert kinds["Monsieur Eric BEGUIN"] == "private"


def test_a_part_of_an_officials_compound_surname_printed_alone_is_not_masked_for_a_namesake():
    # montpellier_opendata/comptes_rendus/CR_CM_25_07_2011.pdf, pages 1, 11 and 12: the rapporteurs' column wraps
    # « Sophie BONIFACE-PASCAL » at its hyphen, and the next page opens on the end of the name with scan noise, read as
    # a private person « PASCAL Pie ». The member's « PASCAL » stays where it is printed alone.
    pages = [
        "Présents :\n\nBrahim ABBOU, Frédéric ARAGON, Michel ASLANIAN, Eva BECCARIA, Annie BENEZECH, Amina "
        "HENOUARGHA-JAFFIOL, Nicole BIGAS,\nStéphanie BLANPIED, Sophie BONIFACE-PASCAL, Christian BOUILLE, Agnès BOYER, "
        "Tatiana CAPUOZZI-BOUALAM, Marlène CASTRE, Magalie\nCOUVERT,\n",
        "Patrick\nVIGNAL\n\nSophie\nBONIFACE-\nPASCAL\n\nSophie\nBONIFACE-\nPASCAL\n\nSophie\nBONIFACE-\n\n87\n\n89\n",
        "PASCAL Pie eS]\nAdopté à l'unanimité\n\nVie associative\n",
    ]
    officials = officials_find(pages)
    assert "Sophie BONIFACE-PASCAL" in officials
    replacements = replacements_build(persons_detect(pages=pages, officials=officials), pages=pages)
    masked = pseudonymiser_build(replacements)(pages[1])
    assert masked.count("BONIFACE-\nPASCAL") == 2

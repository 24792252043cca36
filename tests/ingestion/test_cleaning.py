"""Removal of running headers, footers, page numbers and préfecture stamps."""

from __future__ import annotations

from ingestion.cleaning import pages_clean


def _chemere_page(number: int, body: str) -> str:
    # chemere_regardscitoyens/pdf/CM 10 septembre 2013.pdf: four-line running header.
    return (
        "DEPARTEMENT DE LOIRE-ATLANTIQUE CM 10 septembre 2013\n"
        "Canton de BOURGNEUF-EN-RETZ\n"
        "Commune de CHEMERE\n"
        f"{71 + number}\n"
        f"{body}"
    )


def test_running_header_with_page_number_is_removed():
    pages = [
        _chemere_page(1, "• DE-2013/86 – Délégations de pouvoirs « Marchés publics » : Information"),
        _chemere_page(2, "DE GRANDLIEU) sur le PR de St Hilaire"),
        _chemere_page(3, "Le Conseil municipal donne son accord."),
    ]
    cleaned = pages_clean(pages)
    assert cleaned[0] == "• DE-2013/86 – Délégations de pouvoirs « Marchés publics » : Information"
    assert cleaned[1] == "DE GRANDLIEU) sur le PR de St Hilaire"


def test_page_x_of_y_footer_is_removed_even_on_two_pages():
    # couthenans/CR_reunion_20210604.pdf
    pages = ["Page 1/6 \nConseil municipal du 4 juin 2021 \nPrésents :", "Page 2/6 \n2 Décisions modificatives (DM) du budget 2021"]
    assert pages_clean(pages) == [
        "Conseil municipal du 4 juin 2021\nPrésents :",
        "2 Décisions modificatives (DM) du budget 2021",
    ]


def test_prefecture_stamp_is_removed_and_text_kept():
    # montpellier_opendata/deliberations_2013/2013_02_04/2013-02-04-0000061089.pdf
    page = (
        "la vie politique et démocratique de leur ville.\n"
        "Accusé de réception – Ministère de l’intérieur\n"
        "Acte Certifié exécutoire\n"
        "Envoi Préfecture :\n"
        "Réception en Préfecture : \n"
        "06/02/2013 06/02/2013 034-213401722-20130204-0000061089-DE"
    )
    assert pages_clean([page]) == ["la vie politique et démocratique de leur ville."]


def test_line_mentioning_an_act_in_a_sentence_is_kept():
    line = "Vu la délibération 034-213401722-20130204-0000061089-DE relative aux tarifs du stationnement"
    assert pages_clean([line]) == [line]


def test_vote_lines_at_the_foot_of_many_pages_are_kept():
    # montpellier_opendata/comptes_rendus/CR_CM_07_02_2011.pdf: every page ends on a vote.
    pages = [
        "Méditerranéenne de Construction \"Les Villégiales\"\nPour : 57\nAdopté à l’unanimité",
        "Philippe SAUREL 14. ZAC Port Marianne - Consuls de Mer\nd'utilité publique\nPour : 60\nAdopté à l’unanimité",
        "Philippe SAUREL 24. Lieudit Montferrier Le Vieux - Parcelle AI 1\nsubvention\nPour : 59\nAdopté à l’unanimité",
        "Michaël\nDELAFOSSE\n33. Attribution de subventions\nPour : 58\nAdopté à l’unanimité",
    ]
    cleaned = pages_clean(pages)
    assert [page.split("\n")[-2:] for page in cleaned] == [
        ["Pour : 57", "Adopté à l’unanimité"],
        ["Pour : 60", "Adopté à l’unanimité"],
        ["Pour : 59", "Adopté à l’unanimité"],
        ["Pour : 58", "Adopté à l’unanimité"],
    ]


def test_vote_label_and_count_lines_repeated_on_page_feet_are_kept():
    # pierrefonds_mymairie/compte-rendu-04-04-2016.pdf pages 2, 3, 4, 6.
    page = (
        "Monsieur Laurent LAMAND, président de l’association, ne prend pas part au vote.\n"
        "Vote :\n− Pour : 15\n− Abstentions : 3, Monsieur GOSSOT, Madame DANAN, Madame HUDO"
    )
    assert pages_clean([page] * 4) == [page] * 4


def test_count_of_votes_ending_every_page_is_kept():
    # couthenans/CR_conseil_municipal_24_02_2023.pdf: « 12 votes pour » closes most items.
    pages = [
        "2/ Délibération pour le calcul de la longueur de la voie publique.\n12 votes pour",
        "3/ Délibération renouvellement de mise à disposition de personnel contractuel\n12 votes pour",
        "5/ Délibération modification d’heures hebdomadaires contrat Mme Chamberlain\n12 votes pour",
        "7/ Délibération renouvellement de la convention relative à l’utilisation du service de fourrière animale :\n"
        "Nous dépendrons de Dampvalley les Colombe pendant 4 ans.\n12 votes pour",
    ]
    assert pages_clean(pages) == pages


def test_header_must_be_at_the_same_place_on_most_pages():
    # chemere_regardscitoyens/pdf/CM 10 septembre 2013.pdf: « Commune de CHEMERE » is also
    # written inside the text; only its place in the header makes it furniture.
    pages = [_chemere_page(number, "Le Conseil municipal donne son accord.") for number in range(1, 4)]
    pages.append("Le Conseil municipal donne son accord.\nCommune de CHEMERE\nLe Maire")
    cleaned = pages_clean(pages)
    assert cleaned[0] == "Le Conseil municipal donne son accord."
    assert cleaned[3] == "Le Conseil municipal donne son accord.\nCommune de CHEMERE\nLe Maire"

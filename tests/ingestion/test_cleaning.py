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

"""Placeholders replace private names in any text without touching common words or officials."""

from __future__ import annotations

from privacy.detection import persons_detect, replacements_build
from privacy.pseudonymise import pseudonymiser_build, text_pseudonymise

# montpellier_opendata/proces_verbaux/PV_CM_16_12_2011.pdf, page 69
PAGE = (
    "Conseil Municipal : \n"
    "- d’accepter l’acquisition de la parcelle DN 243 de 535 m2 appartenant à Monsieur Bras pour un montant \n"
    "de 18 000 € permettant la création d’un cheminement \n"
)


def test_surface_and_surname_replaced_but_not_the_common_word():
    replacements = replacements_build(persons_detect(pages=[PAGE], officials=[]))
    text = PAGE + "BRAS a signé ; Bras aussi ; le bras droit.\n"
    result = text_pseudonymise(text=text, replacements=replacements)
    assert "Monsieur Bras" not in result
    assert "[personne 1] pour un montant" in result
    assert "[personne 1] a signé ; [personne 1] aussi ; le bras droit." in result


def test_longest_surface_first_and_word_boundaries():
    replacements = {"Jean-Marc MICHEL": "[personne 1]", "MICHEL": "[personne 1]", "Martin": "[personne 2]"}
    pseudonymise = pseudonymiser_build(replacements)
    # montpellier_opendata/proces_verbaux/PV_CM_09_05_2011.pdf, page 37: a name cut by a line break.
    assert pseudonymise("consentie par Monsieur Jean-Marc \nMICHEL, pour") == "consentie par Monsieur [personne 1], pour"
    assert pseudonymise("rue Saint-Martin et Martinez ; Martin") == "rue Saint-Martin et Martinez ; [personne 2]"
    assert pseudonymise("MICHELIN") == "MICHELIN"


def test_officials_are_left_untouched():
    # montpellier_opendata/proces_verbaux/PV_CM_09_05_2011.pdf, page 51
    page = (
        "Philippe SAUREL : Les propriétaires, Madame Boze et Monsieur Ribière sont tout à fait favorables à la cession \n"
    )
    mentions = persons_detect(pages=[page], officials=["Philippe SAUREL"])
    result = pseudonymiser_build(replacements_build(mentions))(page)
    assert result.startswith("Philippe SAUREL : Les propriétaires, [personne 1] et [personne 2] sont")


def test_empty_replacements_return_text_unchanged():
    assert text_pseudonymise(text="Madame Boze", replacements={}) == "Madame Boze"


def _assert_unchanged(lines: tuple[str, ...], replacements: dict[str, str]) -> None:
    for line in lines:
        assert text_pseudonymise(text=line, replacements=replacements) == line


def test_a_name_found_elsewhere_is_not_replaced_inside_a_place_name():
    # montpellier_opendata/proces_verbaux: PV_CM_16_12_2011.pdf p. 49 (a subsidy table; « Madame Marie … » was a
    # buyer on p. 66), PV_CM_09_05_2011.pdf p. 69 and PV_CM_07_02_2011.pdf p. 45.
    replacements = {"Madame Marie": "[personne 1]", "Marie": "[personne 1]", "Verdier": "[personne 2]",
                    "Charles Dickens": "[personne 3]"}
    lines = (
        "Les Restaurants du Coeur 137 rue Marie Durand 6600,00 € 35,00 € 6565,00 €",
        "située 82, Place du Cardinal Verdier dans le quartier Croix d’Argent",
        "l’école élémentaire Charles Dickens, sise 686 avenue du Pont Trinquat dans le quartier des Prés",
    )
    _assert_unchanged(lines, replacements)
    # The person herself, and the same name outside a place, stay masked; what a clerk masks is masked everywhere.
    assert text_pseudonymise(text="vendu à Madame Marie, puis à M. Verdier", replacements=replacements) == (
        "vendu à [personne 1], puis à M. [personne 2]"
    )
    assert text_pseudonymise(text=lines[1], replacements={"Verdier": "[personne masquée]"}) == (
        "située 82, Place du Cardinal [personne masquée] dans le quartier Croix d’Argent"
    )


def test_a_first_name_found_elsewhere_is_not_replaced_inside_a_saints_name():
    # pierrefonds_mymairie/compte-rendu-27-09-2016.pdf p. 5, chemere_regardscitoyens/pdf/CM 26 mars 2008.pdf p. 6 and
    # CM 8 juillet 2014.pdf p. 5: a saint's name names a commune or a building, never a person.
    replacements = {"Jean": "[personne 1]", "JEAN": "[personne 1]", "Joseph": "[personne 2]"}
    lines = (
        "− 10% des charges résiduelles, à la charge de la commune de Saint Jean aux Bois »",
        "maison familiale rurale « La Rivière » de SAINT JEAN DE MONTS pour un chéméréen",
        "Résidence Saint-Joseph, le Conseil municipal avait accordé, dans sa séance du 20 février",
    )
    _assert_unchanged(lines, replacements)
    # The same first name elsewhere stays masked.
    assert text_pseudonymise(text="la charge de Jean", replacements=replacements) == "la charge de [personne 1]"

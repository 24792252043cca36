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

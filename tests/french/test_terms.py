"""french.terms: the content words of a text as stems, a number that ranks an item apart from a count."""

from __future__ import annotations

from french.terms import number_term, terms_extract

# montpellier_opendata/proces_verbaux/PV_CM_17_02_2014.pdf, page 127
TRANCHE = "La troisième tranche composée d’un seul lot (lot N°4) en façade de la place Pablo Picasso, devrait être"
# pierrefonds_mymairie/20250403-PV.pdf, pages 2 and 7
DECISIONS = "DM 2024-01 : Objet : Décision budgétaire modificative portant virement de crédits de chapitre à"
ABSTENTIONS = "3 abstentions : Mme Debuisser, M. Papin, M. Thuillier"


def test_a_rank_is_spelt_apart_from_a_count():
    terms = terms_extract(TRANCHE)
    assert "n3" in terms and "n4" in terms and "4" not in terms and "3" not in terms
    # « la troisième tranche » and « 3 abstentions »: a rank does not find a count.
    assert "3" in terms_extract(ABSTENTIONS) and "n3" not in terms_extract(ABSTENTIONS)
    # Glued to letters, after « n° » or an acronym, written « 3e »: all one rank.
    assert terms_extract("DM2") == terms_extract("DM 2") == terms_extract("DM n° 2") == ["dm", "n2"]
    assert terms_extract("la 2e décision") == terms_extract("la deuxième décision")


def test_a_year_after_an_acronym_is_no_rank():
    assert "2024" in terms_extract(DECISIONS) and not any(t.startswith("n2") for t in terms_extract(DECISIONS))


def test_number_terms():
    assert number_term("3") and number_term("n3") and not number_term("nord") and not number_term("n")

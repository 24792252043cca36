"""french.numbers: numbers in words and ordinals, on amounts and dates the minutes print in both forms."""

from __future__ import annotations

import re

import pytest

from french.folding import fold
from french.numbers import (
    COUNT_IN_WORDS,
    ORDINAL_DIGITS,
    figures,
    number_parse,
    numbers_given,
    ordinal_number,
    words_number,
)

# chemere_regardscitoyens/pdf/CM 23 mars 2011.pdf, page 11 (two lines)
EMPRUNTS = (
    "pour le remboursement de quatre emprunts d’un montant total de cinq cent \n"
    "soixante-six mille et huit cent quatre-vingt onze euros (566 891,00 €) souscrits"
)
# montpellier_opendata/proces_verbaux/PV_CM_16_12_2011.pdf, page 69
ACQUERIR = "Il est proposé d’acquérir ce bien, dépourvu de SHON, à 40 €/m2, soit 4 240 € (quatre mille deux cent quarante "
# chemere_regardscitoyens/pdf/CM 10 juillet 2012.pdf, page 1
L_AN = "L'an deux mil douze, le dix juillet, à vingt heures "
# chemere_regardscitoyens/pdf/CM 24 février 2015.pdf, page 13
DELAI = "DOMICILE puisse assurer les paiements des dépenses dans le délai de quarante cinq jours, sauf circonstances"


def test_amounts_in_words_match_their_digits():
    words = re.search(r"total de (.+?) euros", EMPRUNTS, re.S).group(1)
    assert words_number(fold(words)) == 566891
    assert number_parse(re.search(r"\((.+?) $", ACQUERIR).group(1)) == 4240


def test_year_and_day_in_words():
    year, day = re.search(r"L'an (.+?), le (.+?) juillet", L_AN).groups()
    assert (words_number(year), words_number(day)) == (2012, 10)
    assert words_number("premier") == 1
    assert words_number("vingt heures") is None


def test_count_in_words_reads_a_whole_count():
    match = re.search(COUNT_IN_WORDS, DELAI, re.IGNORECASE)
    assert match.group(0) == "quarante cinq"
    assert number_parse(match.group(0)) == 45


@pytest.mark.parametrize(
    ("text", "value"),
    [("quinze", 15), ("DEUX", 2), ("vingt-trois", 23), ("soixante et onze", 71), ("12", 12), (" ZÉRO ", 0),
     ("quatre-vingt-dix", 90), ("dix-sept", 17), ("pour", None)],
)
def test_number_parse(text, value):
    assert number_parse(text) == value


def test_ordinals():
    # chemere_regardscitoyens/pdf/CM 12 octobre 2011.pdf, page 2: « délibérer dans un deuxième temps. »
    assert ordinal_number("deuxième") == 2
    # chemere_regardscitoyens/pdf/CM 10 juillet 2012.pdf, page 2: « Suite à la 1ère réunion de la commission MAPA »
    assert ordinal_number("1ère") == 1
    assert ordinal_number("Troisième") == 3 and ordinal_number("10eme") == 10
    assert ordinal_number("réunion") is None
    assert ORDINAL_DIGITS["troisieme"] == ORDINAL_DIGITS["3e"] == "3"


def test_figures_one_spelling_per_value():
    # The shapes in which minutes print amounts, prices and dates.
    assert figures("11 300,00 € HT") == figures("11300 €") == {"11300"}
    assert figures("le coût du repas à 4,80 €") == figures("4.8 euros") == {"4,8"}
    assert figures("au prix de 112.500 €") == {"112500"}
    assert figures("le 15 octobre 2024 à 19h00, délibération n°2024-32") == {"15", "2024", "19", "32"}
    assert figures("la parcelle A12") == set()
    # In words, only when asked: a model's « un » is an article, a passage's « deux postes » a count.
    assert figures("pourquoi deux postes", words=True) == {"2"}
    assert figures("vingt-trois voix pour et soixante et onze", words=True) == {"23", "71"}
    assert figures("le troisième adjoint", words=True) == {"3"}
    assert figures("pourquoi deux postes") == set()


def test_a_point_in_a_rate_or_after_a_lone_zero_is_a_decimal_point():
    # pierrefonds_mymairie/compte-rendu-03-10-2017.pdf, page 14: the rate is 14,025 %, not 14 025 %.
    line = "Considérant la volonté des adjoints, de bénéficier d’un taux inférieur à celui précité soit 14.025%, "
    assert figures(line) == figures("un taux de 14,025 %") == {"14,025"}
    # chemere_regardscitoyens/pdf/CM 9 septembre 2009.pdf, page 5
    line = "− Taux variable : EURIBOR 3 mois +2% (EURIBOR 3 mois du 23 juillet ; 0.927 %) "
    assert figures(line) == {"3", "2", "23", "0,927"}
    # A point before three digits still groups thousands in a sum.
    assert figures("au prix de 112.500 €") == {"112500"}


def test_premier_counts_alone_after_a_number_word():
    # pierrefonds_mymairie/compte-rendu-10-04-2018.pdf, page 4
    line = "Il est proposé de verser à l’USP une subvention de 2600 € en trois fois, un premier versement de 1000 "
    assert figures(line, words=True) == {"2600", "3", "1", "1000"}
    # montpellier_opendata/proces_verbaux/PV_CM_16_12_2011.pdf, page 16
    assert figures("Marc DUFOUR : « Je vais répondre aux deux premiers points. ", words=True) == {"2", "1"}
    assert numbers_given("Marc DUFOUR : « Je vais répondre aux deux premiers points. ") == {"2"}
    # A count in words is still read whole.
    assert figures("vingt et une voix pour", words=True) == {"21"}


def test_the_numbers_a_text_gives_are_read_in_figures_in_words_and_ordinals_but_not_articles():
    # pierrefonds_mymairie/compte-rendu-03-10-2017.pdf, page 14: « Mme Jacqueline HEURTAULT 4ème adjoint 14.025 % »
    assert numbers_given("Mme Jacqueline HEURTAULT 4ème adjoint") == {"4"}
    assert numbers_given("le quatrième adjoint") == numbers_given("le QUATRIÈME adjoint") == {"4"}
    assert numbers_given("dix-sept voix pour, une abstention") == {"17"}
    # « un », « une », « premier »: an article or a first, which nearly every sentence prints, count nothing.
    assert numbers_given("un adjoint et une conseillère, le premier point") == set()
    assert numbers_given("le 1er adjoint") == {"1"}

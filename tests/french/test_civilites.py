"""french.civilites: three sets of titles, each a superset of the one before."""

from __future__ import annotations

import re

import pytest

from french.civilites import CIVILITE, CIVILITE_BROAD, CIVILITE_IN_LISTS

# chemere_regardscitoyens/pdf/CM 15 décembre 2009.pdf, page 2
ELUS = "Monsieur Nicolas BOUCHER, Mademoiselle Alice BICZYSKO et Monsieur Jacques CHEVALIER se "
# chemere_regardscitoyens/pdf/CM 10 septembre 2013.pdf, page 1
PRESENTS = "M. MMES Michel GRAVOUIL, Régine CORMIER, Eric "
# montpellier_opendata/deliberations_2013/2013_02_04/2013-02-04-0000061131.pdf, page 1
NOTAIRE = "Maître Anne Vidal, notaire à Montpellier, a déjà rédigé les actes de transfert de propriété sur ce secteur. "


def test_civilite_before_a_name():
    assert re.findall(rf"{CIVILITE}\s+([A-Z]\w+)", ELUS) == ["Nicolas", "Alice", "Jacques"]


def test_lists_take_plural_capitals_whole():
    titles = re.compile(rf"\b{CIVILITE_IN_LISTS}(?:\s|\.|(?=[A-Z])|$)")
    assert [m.group(0).strip() for m in titles.finditer(PRESENTS)] == ["M.", "MMES"]
    assert re.match(rf"{CIVILITE}\s", "MMES ") is None


def test_broad_takes_maitre():
    assert re.match(rf"{CIVILITE_BROAD}\s+(\w+)", NOTAIRE).group(1) == "Anne"
    assert re.match(rf"{CIVILITE_IN_LISTS}\s", NOTAIRE) is None


@pytest.mark.parametrize(
    ("title", "sets"),
    [("M.", 3), ("MM.", 3), ("Mme", 3), ("Mlle", 3), ("Monsieur", 3), ("Madame", 3), ("Mademoiselle", 3),
     ("Mmes", 2), ("MME", 2), ("MMES", 2), ("Messieurs", 2), ("Mesdames", 2),
     ("Melle", 1), ("Mr", 1), ("Mr.", 1), ("Maître", 1), ("Me", 1), ("Docteur", 1), ("Dr.", 1), ("monsieur", 1),
     ("madame", 1),
     ("Maire", 0), ("MM", 0)],
)
def test_each_set_holds_the_one_before(title, sets):
    held = [bool(re.fullmatch(pattern, title)) for pattern in (CIVILITE_BROAD, CIVILITE_IN_LISTS, CIVILITE)]
    assert held == [True] * sets + [False] * (3 - sets)

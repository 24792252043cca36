"""french.cadastre: the parcels a text names, on lines copied from minutes no question set of ../shared/eval uses."""

from __future__ import annotations

from french.cadastre import parcels_named

# chemere_regardscitoyens/pdf/CM 19 janvier 2010.pdf, page 3
ACQUISITION = ("- de se porter acquéreur des parcelles cadastrées G 124 et G 125 d’une contenance de 25 835 m2 \n"
               "pour un prix fixé à")
# chemere_regardscitoyens/pdf/CM 24 mai 2011.pdf, page 6
SENTIER = ("- suppression du tracé du circuit longeant les parcelles cadastrées G 124 et G 1317, \n"
           "- création d’un nouveau tracé du circuit longeant les parcelles cadastrées G123, \nG124-G1217")


def test_parcels_of_a_list_keep_their_section():
    assert parcels_named(ACQUISITION) == {"G 124", "G 125"}
    assert {"G 124", "G 1317", "G 123"} <= parcels_named(SENTIER)


def test_a_glued_reference_loses_its_zeros_and_a_budget_decision_is_no_parcel():
    # montpellier_opendata/proces_verbaux: « cadastrée section IZ0148 pour un montant de 35 000 € »
    assert parcels_named("cadastrée section IZ0148 pour un montant de 35 000 €") == {"IZ 148"}
    assert parcels_named("Décision modificative DM 2 du budget principal") == set()

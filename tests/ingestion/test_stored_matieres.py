"""The matière ingestion stores for each délibération: the act its objet names, else the thème model's reading."""

from __future__ import annotations

from council.matieres import LEARNED, MATIERES, matiere_classify, matiere_read, theme_model
from ingestion.services import _matieres_read
from search.embeddings import embedder_get


def test_the_objets_that_name_no_act_are_classed_by_the_theme_model():
    # Objets of Saint-Étienne Métropole's SCDL file (scdl_deliberations/saint_etienne_metropole/
    # deliberations-metropole-saint-etienne.csv), as printed: one names its act, one only a field, one is empty.
    objets = [
        "Durée d'amortissement des budgets réseaux de chaleur",
        "RAPPORT DE DEVELOPPEMENT DURABLE 2021",
        "",
    ]
    assert theme_model().embedder == embedder_get().name
    (embedding,) = embedder_get().passages_embed([objets[1]])
    learned = matiere_classify(objets[1], embedding)
    assert learned.rank == LEARNED and learned.code in MATIERES
    assert _matieres_read(objets) == ["7.1", learned.code, ""]
    # The vocabulary alone names only a field there, which it does not store.
    assert matiere_read(objets[1]) == "" and matiere_classify(objets[1]).code == "8.8"

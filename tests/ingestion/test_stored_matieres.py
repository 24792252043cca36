"""The matière ingestion stores for each délibération: the act its objet names, else the thème model's reading."""

from __future__ import annotations

from council.matieres import LEARNED, matiere_classify, theme_model
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
    assert _matieres_read(objets) == ["7.1", "8.8", ""]
    # The second is the model's reading, not the vocabulary's (which names only a field and stores nothing).
    (embedding,) = embedder_get().passages_embed([objets[1]])
    assert matiere_classify(objets[1], embedding).rank == LEARNED
    assert matiere_classify(objets[1]).code == "8.8" and not matiere_classify(objets[1]).confident

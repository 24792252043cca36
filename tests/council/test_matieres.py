"""The ACTES matière of a délibération: read from its objet, shown by thème, exported, corrected by a clerk."""

from __future__ import annotations

import io

import numpy as np
import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from council.matieres import (
    ACT, FIELD, LEARNED, MATIERES, matiere_classify, matiere_label, matiere_read, objet_features, theme_model,
    theme_model_fit, theme_of,
)
from council.models import Deliberation
from council.services import deliberation_correct, deliberations_replace
from ingestion.services import deliberations_matieres_reread
from search.embeddings import embedder_get

# Objets of Saint-Étienne Métropole's SCDL file (scdl_deliberations/saint_etienne_metropole/
# deliberations-metropole-saint-etienne.csv, beyond the rows of the labelled sample), as printed.
NAMED_ACTS = [
    ("Durée d'amortissement des budgets réseaux de chaleur", "7.1"),
    ("SYNDICAT MIXTE D’AMENAGEMENT DES GORGES DE LA LOIRE - MODIFICATION DES STATUTS", "5.7"),
    ("DESIGNATION DES REPRESENTANTS DE SAINT-ETIENNE METROPOLE AU SEIN DE DIVERS ORGANISMES", "5.3"),
    # The act comes after what it is for: still the act.
    ("Travaux de dissimulation de réseaux – Place Neyrand Thiollière - Commune de Lorette - Attribution d'un fonds "
     "de concours au SIEL", "7.8"),
    # Two acts named: the first is the act (« participation » is what the vœu is about).
    ("VOEU RELATIF A LA PARTICIPATION DE L’ETAT A LA PRISE EN CHARGE DU COUT DES AESH SUR LE TEMPS PERISCOLAIRE",
     "9.4"),
    ("PLAN LOCAL D’URBANISME (PLU) DE L’HORME - APPROBATION DE LA MODIFICATION SIMPLIFIEE N°4", "2.1"),
    # ground_truth/montpellier_2012-2013_deliberations_cleaned.csv (POSEIDON 58400): « pose » stems as « POS » does;
    # a word whose stem is that short is read as written.
    ("Depose fourniture et pose de serrurerie de voirie Autorisation de signer le marche", "1.1"),
]


@pytest.mark.parametrize(("objet", "code"), NAMED_ACTS)
def test_an_objet_that_names_its_act_is_classed_by_it(objet, code):
    found = matiere_classify(objet)
    assert (found.code, found.rank) == (code, ACT)
    assert matiere_read(objet) == code


def test_the_name_of_a_body_is_no_act_and_a_subcontract_is_a_public_contract():
    # Objets of the Communauté de communes des Lisières de l'Oise (cc_lisieres_de_l_oise/2025.09.25-Compte-rendu-du-CC-
    # du-25-septembre-2025-approuve.pdf) and of Aiglun (CR CM 19122013.pdf), as printed: the intercommunality names
    # itself in every other objet.
    found = matiere_classify("Engagement de la Communauté de Communes des Lisières de l’Oise dans l’émergence d’un SAGE "
                             "porté par le Syndicat Aisne Navigable")
    assert not found.confident and found.rank == FIELD
    found = matiere_classify("SPORTS/LOISIRS – Extension du pôle multiactivités Raymond Moutet - Sous-traitance lot 2 : "
                             "SARL Côté Façades")
    assert (found.code, found.rank) == ("1.1", ACT)
    # « traitement » is not « sous-traitance ».
    assert matiere_classify("Traitement des écarts négatifs sur les dépôts d'espèces des régies à la Banque Postale").code != "1.1"


def test_without_its_embedding_an_objet_that_names_only_a_field_is_left_to_the_clerk():
    # Same file: a report that names no act; « développement durable » says environment, not what was decided.
    found = matiere_classify("RAPPORT DE DEVELOPPEMENT DURABLE 2021")
    assert (found.code, found.rank) == ("8.8", FIELD)
    assert not found.confident
    assert matiere_read("RAPPORT DE DEVELOPPEMENT DURABLE 2021") == ""


# Same file: objets that name no act, only a field or a hint; the thème model reads them as a whole.
UNNAMED_ACTS = [
    "RAPPORT DE DEVELOPPEMENT DURABLE 2021",
    "Rapport de Saint-Etienne Métropole sur la situation en matière d'égalité femmes hommes pour l'année 2020",
]


@pytest.mark.parametrize("objet", UNNAMED_ACTS)
def test_an_objet_that_names_no_act_is_classed_by_the_theme_model_given_its_embedding(objet):
    model = theme_model()
    assert model is not None, "council/data/matieres.json manque : python bench/matieres.py --train"
    (embedding,) = embedder_get().passages_embed([objet])
    found = matiere_classify(objet, embedding)
    assert found.rank == LEARNED and not found.confident
    assert theme_of(found.code) == model.theme(objet_features(objet, embedding)) and found.code in MATIERES
    assert matiere_read(objet, embedding) == found.code
    # An act named stays the vocabulary's, embedding or not.
    named = NAMED_ACTS[0][0]
    assert matiere_classify(named, embedder_get().passages_embed([named])[0]).rank == ACT


def test_an_objet_that_names_only_a_contract_is_classed_by_the_theme_model():
    # ground_truth/montpellier_2012-2013_deliberations_cleaned.csv (POSEIDON 56731, outside the labelled sample), as
    # printed: a « convention » says it is a contract, not what it is for; clerks class most by their field (31 of
    # the 164 objets the classification missed were conventions read as « Autres types de contrats »).
    objet = ("CONVENTION DE PARTENARIAT RELATIVE AU DEVELOPPEMENT D ACTIONS EN FAVEUR DU LOGEMENT DES JEUNES ET "
             "PROMOTION DE L AIDE MOBILI JEUNE")
    found = matiere_classify(objet)
    assert found.code == "1.4" and not found.confident
    assert matiere_read(objet) == ""
    model = theme_model()
    embedding = embedder_get().passages_embed([objet])[0]
    found = matiere_classify(objet, embedding)
    assert found.rank == LEARNED and theme_of(found.code) == model.theme(objet_features(objet, embedding))


def test_the_theme_model_learns_the_themes_it_is_shown():
    objets = [objet for objet, _code in NAMED_ACTS]
    codes = [code for _objet, code in NAMED_ACTS]
    features = np.array([objet_features(o, e) for o, e in zip(objets, embedder_get().passages_embed(objets))])
    model = theme_model_fit(features=features, codes=codes, embedder=embedder_get().name)
    assert [model.theme(row) for row in features] == [theme_of(code) for code in codes]
    assert model.fallback["7"] in {"7.1", "7.8"} and model.fallback["3"] == ""


def test_scdl_spells_the_matiere_as_the_schema_says():
    assert matiere_label("7.10") == "finances locales/divers"
    assert matiere_label("8.4") == "domaines de compétences par thèmes/aménagement du territoire"
    assert matiere_label("") == matiere_label("12.1") == ""


@pytest.fixture
def classed(council_rows):
    document, items = council_rows(
        published=True, objets=("Subvention au club de football", "Cession d'une parcelle", "Questions diverses")
    )
    for item, code in zip(items, ("7.5", "3.2", "")):
        item.matiere = code
        item.save(update_fields=["matiere"])
    _hidden, (loan,) = council_rows(published=False, objets=("Garantie d'emprunt non publiée",))
    loan.matiere = "7.3"
    loan.save(update_fields=["matiere"])
    return items


def test_themes_page_counts_published_deliberations_only(client, classed):
    response = client.get(reverse("theme-list"))
    assert response.status_code == 200
    rows = {theme.code: theme.deliberations for theme in response.context["themes"]}
    # The unpublished « 7.3 » counts nowhere; the unclassed one is listed last, as such.
    assert rows == {"3": 1, "7": 1, "": 1}
    assert list(rows)[-1] == ""
    assert 'href="/deliberations/?theme=7"' in response.content.decode()


def test_list_feed_and_api_follow_a_theme(client, classed):
    subsidy, sale, _ = classed
    listed = client.get(reverse("deliberation-list"), {"theme": "7"}).context["page_obj"].object_list
    assert [d.pk for d in listed] == [subsidy.pk]
    feed = client.get(reverse("feed-deliberations-atom"), {"theme": "3"}).content.decode()
    assert "Cession d&#x27;une parcelle" in feed or "Cession d'une parcelle" in feed
    assert "Subvention au club" not in feed
    refused = client.get(reverse("deliberation-list"), {"theme": "12"})
    assert "« theme » doit valoir" in refused.content.decode()
    assert refused.context["page_obj"].paginator.count == 3
    detail = client.get(reverse("api-deliberation-detail", args=[subsidy.pk])).json()
    assert detail["matiere"] == {"code": "7.5", "name": "Subventions", "theme": "7", "theme_name": "Finances locales"}
    page = client.get(reverse("deliberation-detail", args=[sale.pk])).content.decode()
    assert "Domaine et patrimoine" in page and "matière ACTES 3.2" in page


def test_a_clerks_matiere_holds_when_the_document_is_read_again(classed):
    subsidy = classed[0]
    assert deliberation_correct(deliberation=subsidy, values={"matiere": "8.9"}) == ["matiere"]
    draft = Deliberation(
        seance=subsidy.seance, document=subsidy.document, position=0, number=subsidy.number, objet=subsidy.objet,
        matiere="7.5", page_start=1, page_end=2,
    )
    others = [Deliberation(seance=d.seance, document=d.document, position=d.position, number=d.number,
                           objet=d.objet, matiere=d.matiere, page_start=1, page_end=2) for d in classed[1:]]
    deliberations_replace(document=subsidy.document, drafts=[draft, *others])
    subsidy.refresh_from_db()
    assert subsidy.matiere == "8.9"
    assert subsidy.corrections["matiere"] == ["7.5", "8.9"]


def test_a_clerks_matiere_reaches_the_search_filters(classed):
    from ingestion.services import document_metadata_correct
    from search.models import Passage

    unclassed = classed[2]
    document = unclassed.document
    passage = Passage.objects.create(
        document=document, deliberation=unclassed, position=0, page_start=1, page_end=1, heading=unclassed.objet,
        text="Questions diverses.", published=True, collectivite=document.collectivite, body=document.body,
        seance_date=unclassed.seance.date, document_kind=document.kind,
    )
    assert passage.theme == ""
    changed = document_metadata_correct(document=document, deliberations={unclassed.pk: {"matiere": "9.1"}})
    assert changed
    passage.refresh_from_db()
    assert passage.theme == "9"


def test_reading_the_matieres_again_classes_what_names_no_act_and_keeps_a_clerks_classing(council_rows):
    # Objets of Saint-Étienne Métropole's SCDL file, as printed (see above); stored before the thème model, the last
    # two had no matière.
    _document, (named, unnamed, classed) = council_rows(
        published=True, objets=(NAMED_ACTS[0][0], UNNAMED_ACTS[0], UNNAMED_ACTS[1])
    )
    named.matiere = "7.1"
    named.save(update_fields=["matiere"])
    deliberation_correct(deliberation=classed, values={"matiere": "9.1"})
    chosen = Deliberation.objects.filter(pk__in=[named.pk, unnamed.pk, classed.pk])
    assert deliberations_matieres_reread(deliberations=chosen) == 1
    (embedding,) = embedder_get().passages_embed([UNNAMED_ACTS[0]])
    assert Deliberation.objects.get(pk=unnamed.pk).matiere == matiere_classify(UNNAMED_ACTS[0], embedding).code != ""
    assert Deliberation.objects.get(pk=named.pk).matiere == "7.1"
    assert Deliberation.objects.get(pk=classed.pk).matiere == "9.1"



def test_reading_the_matieres_of_a_misspelt_collectivite_is_refused_in_french(council_rows):
    _document, (deliberation,) = council_rows(published=True, objets=(UNNAMED_ACTS[0],))

    with pytest.raises(CommandError) as refused:
        call_command("matieres_reread", "--collectivite", "Ville de Lunnel", stdout=io.StringIO())

    assert str(refused.value) == "Aucune collectivité ne s'appelle « Ville de Lunnel ». Collectivités : « Ville de Lunel »."
    assert Deliberation.objects.get(pk=deliberation.pk).matiere == deliberation.matiere

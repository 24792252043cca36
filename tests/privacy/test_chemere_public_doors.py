"""Issue #14 end to end: Chéméré's minutes of 10 September 2013 ingested fresh, reviewed by a clerk, published;
no applicant of the page-9 table can then be found through any public door."""

from __future__ import annotations

import html
import json
import re

import pytest
from django.test import Client
from django.urls import reverse

from council.models import Document
from ingestion.services import document_ingest, document_upload
from council.services import body_get_or_create, collectivite_get_or_create
from tests.corpus import corpus_root

pytestmark = [pytest.mark.corpus, pytest.mark.django_db]

DOCUMENT = "chemere_regardscitoyens/pdf/CM 10 septembre 2013.pdf"
# The applicants of the page-9 table (permis de construire, déclarations préalables), as the corpus prints
# them. « PIPAUD Paul » (row A 2038) is left out: he is the maire, and an official stays named.
APPLICANTS = (
    "COLIN Christopher", "LOIRAT Joseph", "BOUYER Joël", "PERROUIN Pierre", "PORCHER Arnaud", "BRIANCEAU Guy",
    "NOC Jonathan", "VIOLE Cyrille", "SAINT Gustave", "LE BLAY Maëlle", "GUILLOU Olivier", "GUILBAUD Alain",
    "ROBIN Xavier", "LABBE Jérémy", "AVENEL Julien",
)
# Surnames that the document prints for nothing but these persons (« SAINT » is also « SAINT AIGNAN »).
SURNAMES = tuple(name.split()[0] for name in APPLICANTS if name.split()[0] not in ("SAINT", "LE"))


def _body_text(response) -> str:
    body = (b"".join(response.streaming_content) if response.streaming else response.content).decode()
    if response["Content-Type"].startswith("application/json"):
        body = json.dumps(json.loads(body), ensure_ascii=False)
    else:
        body = html.unescape(body)
    # A name wrapped over two lines in the PDF is the same name.
    return " ".join(body.replace("\\n", " ").split())


def _applicants_in(text: str) -> list[str]:
    found = [name for name in APPLICANTS if name in text]
    found += [surname for surname in SURNAMES if re.search(rf"(?<![\w-]){surname}(?![\w-])", text)]
    return found


@pytest.fixture
def published(django_user_model) -> Document:
    body = body_get_or_create(collectivite=collectivite_get_or_create(name="Commune de Chéméré"))
    with open(corpus_root() / DOCUMENT, "rb") as handle:
        uploaded, created = document_upload(source=handle, original_name="CM 10 septembre 2013.pdf", body=body)
    assert created
    document = document_ingest(document_id=uploaded.pk)
    assert document.status == Document.Status.READY, document.error
    clerk = Client()
    clerk.force_login(django_user_model.objects.create_user("greffe-chemere", password="x" * 12, is_staff=True))
    # The table of applicants is a doubt: the clerk's publish button refuses until the clerk has reviewed.
    assert document.privacy_status == Document.PrivacyStatus.NEEDS_REVIEW
    assert any("tableau de personnes" in reason for reason in document.privacy_reasons)
    clerk.post(reverse("clerk-document-publish", args=[document.pk]), {"published": "1"})
    document.refresh_from_db()
    assert not document.published
    clerk.post(reverse("clerk-redactions-reviewed", args=[document.pk]))
    clerk.post(reverse("clerk-document-publish", args=[document.pk]), {"published": "1"})
    document.refresh_from_db()
    assert document.published and document.privacy_reviewed_by == "greffe-chemere"
    return document


def test_no_applicant_of_page_9_through_any_public_door(client, published):
    deliberations = list(published.deliberations.order_by("position"))
    assert len(deliberations) >= 10
    responses = {
        "document page": client.get(reverse("document-detail", args=[published.pk])),
        "seance page": client.get(reverse("seance-detail", args=[published.seance.pk])),
        "api document": client.get(reverse("api-document-detail", args=[published.pk])),
        "api seance": client.get(reverse("api-seance-detail", args=[published.seance.pk])),
        "api deliberations": client.get(reverse("api-deliberation-list"), {"page_size": 100}),
        "csv": client.get(reverse("export-deliberations-csv")),
        "jsonl": client.get(reverse("export-deliberations-jsonl")),
        "scdl": client.get(reverse("export-deliberations-scdl")),
        "rss": client.get(reverse("feed-deliberations-rss")),
        "atom": client.get(reverse("feed-deliberations-atom")),
    }
    for number in range(1, published.page_count + 1):
        responses[f"page {number} text"] = client.get(reverse("document-page", args=[published.pk, number]))
    for deliberation in deliberations:
        responses[f"deliberation {deliberation.number}"] = client.get(reverse("deliberation-detail", args=[deliberation.pk]))
        responses[f"api deliberation {deliberation.number}"] = client.get(
            reverse("api-deliberation-detail", args=[deliberation.pk])
        )
    topic = "déclarations préalables clôture rue du Vigneau"
    responses["search page topic"] = client.get(reverse("search"), {"q": topic})
    for mode in ("keyword", "hybrid"):
        responses[f"api search {mode} topic"] = client.get(reverse("api-search"), {"q": topic, "mode": mode})
        for name in APPLICANTS:
            # Searched by their very name: no result may carry it (the query itself is not a result).
            results = client.get(reverse("api-search"), {"q": name, "mode": mode}).json()["results"]
            assert not _applicants_in(_body_text_of(results)), (mode, name)
    question = "Qui a déposé une déclaration préalable pour une clôture rue du Vigneau en 2013 ?"
    responses["question page"] = client.get(reverse("qa-question"), {"q": question})
    responses["api ask"] = client.post(reverse("api-ask"), data=json.dumps({"question": question}),
                                       content_type="application/json")
    for where, response in responses.items():
        assert response.status_code == 200, where
        text = _body_text(response)
        if where == "question page":
            text = text.replace(question, "")
        assert not _applicants_in(text), (where, _applicants_in(text))
    # The doors were not empty: the table is there, its applicants masked, its other words kept.
    page_9 = _body_text(responses["page 9 text"])
    assert "DECLARATIONS PREALABLES" in page_9 and "[personne" in page_9
    assert "GAEC DES BROSSES" in page_9 and "Maison d'habitation" in page_9
    assert json.loads(responses["api search keyword topic"].content)["results"]
    # Search page by name: the name appears only where the page echoes the query back.
    for surname in ("PERROUIN", "BRIANCEAU"):
        echoed = _body_text(client.get(reverse("search"), {"q": surname}))
        unknown = _body_text(client.get(reverse("search"), {"q": "Zzyzxq"}))
        assert echoed.count(surname) == unknown.count("Zzyzxq"), surname


def _body_text_of(results) -> str:
    return " ".join(json.dumps(results, ensure_ascii=False).replace("\\n", " ").split())


def test_table_words_and_a_street_in_a_deliberation_title_stay_public(client, published):
    # Page 5: « • DE-2013/90 – Institution d’une Participation pour voirie et réseaux (PVR) – 13 bis \nrue du Brandais »
    pvr = published.deliberations.get(number__contains="2013/90")
    assert "rue du Brandais" in " ".join(pvr.objet.split())
    for response in (client.get(reverse("deliberation-detail", args=[pvr.pk])),
                     client.get(reverse("api-deliberation-detail", args=[pvr.pk]))):
        assert "rue du Brandais" in _body_text(response)
    # Page 6: « Montant HT Taux de la TVA Montant TTC » (two capitals are no surname).
    assert "HT Taux" in _body_text(client.get(reverse("document-page", args=[published.pk, 6])))

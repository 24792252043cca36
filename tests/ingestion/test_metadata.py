"""A clerk's corrections of what ingestion read (SIRET, séance date, number, objet, rapporteur): through the clerk
page and its service, reaching the passages, kept when the document is read again, refused in French."""

from __future__ import annotations

import datetime
import io

import numpy as np
import pytest
from django.urls import reverse

from council.models import Deliberation, Document, Seance
from council.services import body_get_or_create, collectivite_get_or_create, deliberations_replace, seance_get_or_create
from ingestion.services import document_upload
from privacy.models import Redaction
from search.models import Passage
from tests.pdf_factory import minutes_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def clerk_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("greffier", password="mot-de-passe-long", is_staff=True))
    return client


@pytest.fixture
def document():
    body = body_get_or_create(collectivite=collectivite_get_or_create(name="Commune de Pierrefonds"))
    seance = seance_get_or_create(body=body, date=datetime.date(2024, 10, 15))
    document, _ = document_upload(source=io.BytesIO(minutes_pdf()), original_name="pv.pdf", body=body)
    Document.objects.filter(pk=document.pk).update(seance=seance, status=Document.Status.READY, step=Document.Step.DONE,
                                                   published=True)
    document.refresh_from_db()
    # pierrefonds_mymairie/20241015-PV.pdf, page 3, as the reading left it: the number misread, no rapporteur.
    deliberation = Deliberation.objects.create(
        seance=seance, document=document, number="D2O24-058", objet="Tarif du repas de l’accueil de loisirs",
        page_start=3, page_end=3,
    )
    Passage.objects.create(
        document=document, deliberation=deliberation, position=0, page_start=3, page_end=3,
        heading="D2O24-058 Tarif du repas de l’accueil de loisirs", text="- FIXE le tarif du repas à 4,80 €",
        embedding=np.ones(384) / np.sqrt(384), published=True, collectivite=body.collectivite, body=body,
        seance_date=seance.date, document_kind=document.kind,
    )
    return document


def _post(client, document, **fields):
    deliberation = document.deliberations.get()
    data = {"siret": "", "seance_date": "2024-10-15", f"d{deliberation.pk}-number": deliberation.number,
            f"d{deliberation.pk}-objet": deliberation.objet, f"d{deliberation.pk}-rapporteur": deliberation.rapporteur}
    data.update({key.replace("D-", f"d{deliberation.pk}-"): value for key, value in fields.items()})
    return client.post(reverse("clerk-document-metadata", args=[document.pk]), data)


def test_corrections_reach_the_passages_and_queue_the_new_embeddings(clerk_client, document, django_capture_on_commit_callbacks):
    page = clerk_client.get(reverse("clerk-document", args=[document.pk])).content.decode()
    assert reverse("clerk-document-metadata", args=[document.pk]) in page
    form = clerk_client.get(reverse("clerk-document-metadata", args=[document.pk])).content.decode()
    assert "D2O24-058" in form and 'value="2024-10-15"' in form
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = _post(clerk_client, document, siret="217 604 911 00015", seance_date="2024-10-16",
                         **{"D-number": "D2024-058", "D-rapporteur": "Madame le Maire"})
    assert response.status_code == 302
    document.refresh_from_db()
    deliberation = document.deliberations.get()
    assert document.collectivite.siret == "21760491100015"
    assert document.seance.date == datetime.date(2024, 10, 16) == document.seance_date_declared
    assert deliberation.seance == document.seance
    assert not Seance.objects.filter(date=datetime.date(2024, 10, 15)).exists()  # left empty, removed
    assert (deliberation.number, deliberation.rapporteur) == ("D2024-058", "Madame le Maire")
    passage = Passage.objects.get()
    assert passage.heading == "D2024-058 Tarif du repas de l’accueil de loisirs"
    assert passage.seance_date == datetime.date(2024, 10, 16)
    # The heading is part of what is embedded: the embedding step computes it again, queued once committed.
    assert passage.embedding is None
    assert (document.status, document.step) == (Document.Status.PROCESSING, Document.Step.EMBEDDING)
    assert len(callbacks) == 1


def test_a_new_reading_keeps_the_corrections_and_the_deliberation(clerk_client, document):
    _post(clerk_client, document, **{"D-number": "D2024-058", "D-rapporteur": "Madame le Maire"})
    corrected = document.deliberations.get()
    # The document read again (a retry, a redaction decision): the parser gives what it gave the first time.
    draft = Deliberation(seance=document.seance, document=document, number="D2O24-058", objet="Tarif du repas de "
                         "l’accueil de loisirs", rapporteur="", page_start=3, page_end=3)
    (saved,) = deliberations_replace(document=document, drafts=[draft])
    saved.refresh_from_db()
    assert saved.pk == corrected.pk
    assert (saved.number, saved.rapporteur) == ("D2024-058", "Madame le Maire")
    assert saved.corrections == {"number": ["D2O24-058", "D2024-058"], "rapporteur": ["", "Madame le Maire"]}


def test_a_corrected_objet_is_masked_as_the_pages_are(clerk_client, document):
    Redaction.objects.create(document=document, surface="Gérard MARTIN", placeholder="[personne 1]",
                             decision=Redaction.Decision.REDACT)
    _post(clerk_client, document, **{"D-objet": "Vente du terrain communal à Gérard MARTIN"})
    assert document.deliberations.get().objet == "Vente du terrain communal à [personne 1]"
    assert "MARTIN" not in Passage.objects.get().heading


def test_refusals_are_french_and_change_nothing(clerk_client, document):
    response = _post(clerk_client, document, siret="1234")
    assert response.status_code == 400 and "14 chiffres" in response.content.decode()
    response = _post(clerk_client, document, **{"D-objet": " "})
    assert response.status_code == 400 and "Le formulaire contient des erreurs" in response.content.decode()
    Document.objects.filter(pk=document.pk).update(status=Document.Status.PROCESSING)
    response = _post(clerk_client, document, **{"D-number": "D2024-058"})
    assert "une fois son traitement terminé" in response.content.decode()
    document.refresh_from_db()
    assert document.collectivite.siret is None and document.deliberations.get().number == "D2O24-058"


def test_only_clerks_correct(client, django_user_model, document):
    client.force_login(django_user_model.objects.create_user("habitant", password="mot-de-passe-long"))
    assert client.get(reverse("clerk-document-metadata", args=[document.pk])).status_code == 403
    assert _post(client, document, siret="21760491100015").status_code == 403

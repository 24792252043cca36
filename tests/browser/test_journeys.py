"""A citizen searches, opens a délibération and follows it to its page of the PDF; a clerk signs in and finds the
upload form: in a real browser, without relying on JavaScript."""

from __future__ import annotations

import datetime

import pytest

from council.models import Body, Collectivite, Deliberation, Document, Page, Seance
from search.models import Passage

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


@pytest.fixture
def published():
    # pierrefonds_mymairie/20241015-PV.pdf, page 3 (a collectivité no question set covers).
    place = Collectivite.objects.create(name="Commune de Pierrefonds", slug="commune-de-pierrefonds")
    body = Body.objects.create(collectivite=place, name="Conseil municipal")
    seance = Seance.objects.create(body=body, date=datetime.date(2024, 10, 15))
    document = Document.objects.create(
        collectivite=place, body=body, seance=seance, file="originals/pv.pdf", sha256="0" * 64, original_name="pv.pdf",
        kind=Document.Kind.PROCES_VERBAL, title="Procès-verbal du 15 octobre 2024", page_count=3, published=True,
        status=Document.Status.READY,
    )
    text = "- FIXE le tarif du repas à 4,80 € dans le cadre des accueils de loisirs"
    for number in (1, 2, 3):
        Page.objects.create(document=document, number=number, raw_text=text if number == 3 else "", text=text if number == 3 else "")
    deliberation = Deliberation.objects.create(
        seance=seance, document=document, number="D2024-058", objet="Tarif du repas de l'accueil de loisirs",
        page_start=3, page_end=3, outcome=Deliberation.Outcome.ADOPTED, unanimous=True, votes_for=19,
    )
    Passage.objects.create(
        document=document, deliberation=deliberation, position=0, page_start=3, page_end=3,
        heading="D2024-058 Tarif du repas de l'accueil de loisirs", text=text, published=True, collectivite=place,
        body=body, seance_date=seance.date, document_kind=document.kind, outcome=deliberation.outcome,
    )
    return deliberation


def test_a_citizen_searches_and_follows_a_result_to_its_page(page, live_server, published):
    page.goto(live_server.url + "/")
    page.get_by_label("Mots recherchés").fill("tarif repas loisirs")
    page.get_by_role("button", name="Rechercher").click()
    page.wait_for_url("**/recherche/**")
    page.get_by_role("link", name="Délibération D2024-058 — Tarif du repas de l'accueil de loisirs").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Délibération n° D2024-058 : Tarif du repas de l'accueil de loisirs"
    assert "Adoptée" in page.content() or "adoptée" in page.content()
    page.get_by_role("link", name="page 3").first.click()
    page.wait_for_url(f"**/documents/{published.document_id}/pages/3/")
    assert "4,80" in page.content()


def test_a_clerk_signs_in_and_finds_the_upload_form(page, live_server, django_user_model):
    django_user_model.objects.create_user("greffier", password="mot-de-passe-long", is_staff=True)
    page.goto(live_server.url + "/greffe/")
    page.get_by_label("Identifiant").fill("greffier")
    page.get_by_label("Mot de passe").fill("mot-de-passe-long")
    page.get_by_role("button", name="Se connecter").click()
    page.get_by_role("link", name="Envoyer des documents").first.click()
    assert page.get_by_label("Fichiers PDF").count() == 1

"""A citizen searches, opens a délibération and follows it to its page of the PDF; a clerk signs in and finds the
upload form: in a real browser, without relying on JavaScript."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


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

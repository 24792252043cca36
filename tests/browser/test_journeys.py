"""A citizen searches, opens a délibération and follows it to its page of the PDF; a clerk signs in, uploads minutes,
is stopped from publishing them before the privacy review, reviews and publishes: in a real browser, without relying
on JavaScript."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


def _clerk_signs_in(page, live_server, django_user_model) -> None:
    django_user_model.objects.create_user("greffier", password="mot-de-passe-long", is_staff=True)
    page.goto(live_server.url + "/greffe/")
    page.get_by_label("Identifiant").fill("greffier")
    page.get_by_label("Mot de passe").fill("mot-de-passe-long")
    page.get_by_role("button", name="Se connecter").click()


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
    _clerk_signs_in(page, live_server, django_user_model)
    page.get_by_role("link", name="Envoyer des documents").first.click()
    assert page.get_by_label("Fichiers PDF").count() == 1


@pytest.mark.corpus
def test_a_clerk_uploads_reviews_and_publishes_and_citizens_see_it_masked(page, live_server, django_user_model):
    from ingestion.services import document_ingest
    from council.models import Document
    from tests.corpus import corpus_root

    # chemere_regardscitoyens/pdf/CM 22 mai 2012.pdf: page 4 lists planning applicants with their addresses.
    source = corpus_root() / "chemere_regardscitoyens" / "pdf" / "CM 22 mai 2012.pdf"
    _clerk_signs_in(page, live_server, django_user_model)
    page.get_by_role("link", name="Envoyer des documents").first.click()
    page.get_by_label("Fichiers PDF").set_input_files(str(source))
    page.get_by_label("ou nouvelle collectivité").fill("Commune de Chéméré")
    page.get_by_role("button", name="Envoyer").click()
    document = Document.objects.get()
    # What the worker runs for the queued document (no broker in this test), in this process.
    document_ingest(document_id=document.pk)
    document.refresh_from_db()
    assert document.status == Document.Status.READY and document.privacy_status == Document.PrivacyStatus.NEEDS_REVIEW
    page.goto(live_server.url + f"/greffe/documents/{document.pk}/")
    # Not publishable before the review: the clerk is told why.
    page.get_by_role("button", name="Publier").first.click()
    assert "doit être relu avant publication" in page.get_by_role("status").first.inner_text()
    document.refresh_from_db()
    assert not document.published
    page.get_by_role("link", name="Anonymisation").first.click()
    page.get_by_role("button", name="J'ai relu les masques de ce document : il peut être publié").click()
    page.goto(live_server.url + f"/greffe/documents/{document.pk}/")
    page.get_by_role("button", name="Publier").first.click()
    document.refresh_from_db()
    assert document.published
    # Citizens see the page of applicants with their names and addresses masked.
    page.goto(live_server.url + f"/documents/{document.pk}/pages/4/")
    text = page.content()
    assert "PERMIS DE CONSTRUIRE" in text
    assert "CHENEAU" not in text and "57 rue du Breil" not in text

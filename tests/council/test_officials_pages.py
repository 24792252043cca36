"""Élus pages: the rapporteurs and speakers a collectivité's public minutes name, each with the délibérations they
reported and their speaker turns; a function without a name, a masked person or an unpublished document, never."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from council.models import Deliberation, Document, Intervention
from council.selectors import official_name

pytestmark = pytest.mark.django_db


def test_a_name_is_a_person_a_function_or_a_mask_is_not():
    # Printed as Montpellier's and Chéméré's minutes print them.
    assert official_name("Monsieur Philippe SAUREL") == "Philippe SAUREL"
    assert official_name("Mme Claire ROUX") == "Claire ROUX"
    assert official_name("Madame le Maire") == official_name("le Maire") == official_name("Mme le MAIRE") == ""
    assert official_name("[personne 2]") == official_name("SAUREL") == ""
    # « le Maire » is the mayor the same minutes name; another function stays nobody.
    assert official_name("Madame le Maire", presiding="Michèle BOURBIER") == "Michèle BOURBIER"
    assert official_name("la Présidente", presiding="Mme Claire ROUX") == "Claire ROUX"
    assert official_name("le premier adjoint", presiding="Michèle BOURBIER") == ""


def test_an_elus_pages_with_reports_and_speaker_turns(client, council_rows):
    document, (first, second) = council_rows(published=True, date=datetime.date(2024, 5, 15),
                                             objets=("Tarifs de la cantine", "Vente du terrain"))
    Deliberation.objects.filter(pk=first.pk).update(rapporteur="Mme Claire ROUX")
    Deliberation.objects.filter(pk=second.pk).update(rapporteur="Madame le Maire")
    Intervention.objects.create(document=document, deliberation=second, position=5, speaker="Claire ROUX",
                                text="Nous proposons de vendre au prix des Domaines.", page_start=2, page_end=2)
    Intervention.objects.create(document=document, deliberation=second, position=6, speaker="[personne 2]",
                                text="Je suis riverain.", page_start=2, page_end=2)
    hidden, (unpublished,) = council_rows(published=False, date=datetime.date(2024, 6, 1), objets=("Projet caché",))
    Deliberation.objects.filter(pk=unpublished.pk).update(rapporteur="M. Paul SECRET")
    listing = client.get(reverse("official-list", args=["ville-de-lunel"])).content.decode()
    assert "Claire ROUX" in listing and "SECRET" not in listing and "Maire" not in listing.split("<table>")[1]
    assert "personne" not in listing.split("<table>")[1]
    # council_rows' own speaker « M. DURAND » has a surname only: no page.
    page = client.get(reverse("official-detail", args=["ville-de-lunel", "claire-roux"])).content.decode()
    assert reverse("deliberation-detail", args=[first.pk]) in page and "1 délibération rapportée" in page
    assert "1 intervention" in page and "prix des Domaines" in page
    assert client.get(reverse("official-detail", args=["ville-de-lunel", "paul-secret"])).status_code == 404
    assert reverse("official-list", args=["ville-de-lunel"]) in client.get(
        reverse("collectivite-detail", args=["ville-de-lunel"])).content.decode()


def test_le_maire_is_the_mayor_of_those_minutes(client, council_rows):
    document, (first, second) = council_rows(published=True, date=datetime.date(2024, 5, 15),
                                             objets=("Tarifs de la cantine", "Vente du terrain"))
    Document.objects.filter(pk=document.pk).update(presiding="Claire ROUX")
    Deliberation.objects.filter(pk=first.pk).update(rapporteur="Mme Claire ROUX")
    Deliberation.objects.filter(pk=second.pk).update(rapporteur="Madame le Maire")
    Intervention.objects.create(document=document, deliberation=second, position=5, speaker="Madame le Maire",
                                text="Je mets aux voix.", page_start=2, page_end=2)
    page = client.get(reverse("official-detail", args=["ville-de-lunel", "claire-roux"])).content.decode()
    assert "2 délibérations rapportées" in page and reverse("deliberation-detail", args=[second.pk]) in page
    assert "Je mets aux voix." in page
    detail = client.get(reverse("deliberation-detail", args=[second.pk])).content.decode()
    link = reverse("official-detail", args=["ville-de-lunel", "claire-roux"])
    assert f'<a href="{link}">Claire ROUX</a>, Madame le Maire' in detail
    api = client.get(reverse("api-deliberation-detail", args=[second.pk])).json()
    assert api["rapporteur"] == "Madame le Maire" and api["rapporteur_person"] == "Claire ROUX"

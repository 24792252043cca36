"""A collectivité's page: its délibérations per year (each act once), the share adopted unanimously, a chart drawn
on the server with the same figures in a table, its latest séances; only what is published."""

from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse

from council.models import Deliberation

pytestmark = pytest.mark.django_db


def test_figures_per_year_in_a_chart_and_a_table(client, council_rows):
    council_rows(published=True, date=datetime.date(2023, 3, 1), objets=("Budget primitif 2023", "Tarifs de la cantine"))
    _document, (rejected,) = council_rows(published=True, date=datetime.date(2024, 5, 15), objets=("Vente du terrain",))
    Deliberation.objects.filter(pk=rejected.pk).update(outcome=Deliberation.Outcome.REJECTED)
    Deliberation.objects.filter(objet="Budget primitif 2023").update(unanimous=True)
    council_rows(published=False, date=datetime.date(2024, 6, 1), objets=("Projet non publié",))
    home = client.get(reverse("home")).content.decode()
    url = reverse("collectivite-detail", args=["ville-de-lunel"])
    assert url in home
    page = client.get(url).content.decode()
    assert "3 délibérations publiées" in page
    rows = re.findall(r'<tr><th scope="row">(\d{4})</th><td>(\d+)</td><td>(\d+) \((\d+) %\)</td><td>(\d+)</td></tr>', page)
    assert rows == [("2023", "2", "1", "50", "0"), ("2024", "1", "0", "0", "1")]
    assert page.count("<rect ") == 4 and 'role="img"' in page
    assert client.get(reverse("collectivite-detail", args=["inconnue"])).status_code == 404

"""The same matter in other séances, on a délibération's page: objets of the same collectivité that repeat most of
its rarer words, oldest first; not the same séance, not another collectivité, not an unpublished document."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from council.selectors import deliberations_related

pytestmark = pytest.mark.django_db

# montpellier_opendata/proces_verbaux (2009, 2011, 2013): a matter that comes back séance after séance.
RAVALEMENT = (
    (datetime.date(2009, 3, 30), "MONTPELLIER GRAND CŒUR - Ravalement obligatoire des façades"),
    (datetime.date(2011, 12, 16), "MONTPELLIER GRAND CŒUR Ravalement obligatoire des façades Attribution de subventions"),
    (datetime.date(2013, 6, 17), "MONTPELLIER GRAND COEUR Ravalement obligatoire des façades Attribution de subventions"),
)
OTHERS = (
    "Attribution de subventions à des projets portés par des associations culturelles",
    "Délégations de pouvoirs « Marchés publics » : Information",
)


def test_the_same_matter_in_other_seances_oldest_first(client, council_rows):
    found = []
    for date, objet in RAVALEMENT:
        _document, (ravalement, *_rest) = council_rows(published=True, collectivite="Ville de Montpellier", date=date,
                                                     objets=(objet, *OTHERS))
        found.append(ravalement)
    council_rows(published=False, collectivite="Ville de Montpellier", date=datetime.date(2014, 2, 17), objets=RAVALEMENT[1][1:])
    council_rows(published=True, collectivite="Ville de Lunel", date=datetime.date(2012, 1, 9), objets=RAVALEMENT[1][1:])
    related = deliberations_related(deliberation=found[1])
    assert [d.pk for d in related] == [found[0].pk, found[2].pk]
    page = client.get(reverse("deliberation-detail", args=[found[1].pk])).content.decode()
    assert "Le même sujet dans d&#x27;autres séances" in page or "Le même sujet dans d'autres séances" in page
    assert reverse("deliberation-detail", args=[found[0].pk]) in page and '<time datetime="2009-03-30">' in page

"""One act, one délibération: the same act printed in several documents of a séance (procès-verbal, compte rendu,
its own PDF) is listed, exported and fed once, its page naming the other printings; the objets are real ones."""

from __future__ import annotations

import csv
import datetime
import io

import pytest
from django.urls import reverse

from council.models import Deliberation, Document
from council.services import deliberations_same_act, seance_deliberations_link
from ingestion.services import document_delete

pytestmark = pytest.mark.django_db

# montpellier_opendata: the compte rendu and the procès-verbal of the séance of 9 May 2011 (n° 43), and of the
# séance of 16 December 2011 (n° 41, the procès-verbal keeping the objet's first line only).
TABLEAUX_CR = "Restauration de quatre tableaux classés au titre des Monuments Historiques Eglise"
TABLEAUX_PV = "Restauration de quatre tableaux classés au titre des Monuments"
CONSULS_PV = "Zone d'aménagement concerté Port Marianne - Consuls de Mer"
CONSULS_CR = ("Zone d'aménagement concerté Port Marianne - Consuls de Mer Acquisition à la Société d'Equipement de la "
              "Région Montpelliéraine")


def _act(number: str, objet: str) -> Deliberation:
    return Deliberation(number=number, objet=objet, page_start=1, page_end=1)


def test_two_printings_of_one_act_and_two_acts():
    assert deliberations_same_act(_act("43", TABLEAUX_CR), _act("43", TABLEAUX_PV))
    assert deliberations_same_act(_act("41", CONSULS_CR), _act("N° 41.", CONSULS_PV))
    # The same number for two acts (PV_CM_07_02_2011 and CR_CM_07_02_2011 numbered their items apart): two acts.
    assert not deliberations_same_act(_act("3", "Gouvernance"), _act("3", "Engagement de la Ville en faveur des Logiciels Libres"))
    assert not deliberations_same_act(_act("42", TABLEAUX_CR), _act("43", TABLEAUX_PV))
    # Unnumbered, an abridged objet is not enough; the whole objet is.
    assert not deliberations_same_act(_act("", CONSULS_CR), _act("", CONSULS_PV))
    assert deliberations_same_act(_act("", CONSULS_CR), _act("41", CONSULS_CR))


@pytest.fixture
def printings(council_rows):
    """The compte rendu (first in), then the procès-verbal of one séance, both published, one act in common."""
    date = datetime.date(2011, 5, 9)
    report, (tableaux_cr, other) = council_rows(published=True, date=date, objets=(TABLEAUX_CR, "Vœu pour la paix"))
    minutes, (tableaux_pv,) = council_rows(published=True, date=date, objets=(TABLEAUX_PV,))
    Deliberation.objects.filter(pk__in=[tableaux_cr.pk, tableaux_pv.pk]).update(number="43")
    assert seance_deliberations_link(seance=report.seance) == 1
    for row in (tableaux_cr, tableaux_pv, other):
        row.refresh_from_db()
    return report, minutes, tableaux_cr, tableaux_pv


def test_an_act_is_listed_exported_and_fed_once_with_its_other_printing(client, printings):
    report, minutes, tableaux_cr, tableaux_pv = printings
    assert tableaux_pv.same_as == tableaux_cr and tableaux_cr.same_as is None
    listing = client.get(reverse("deliberation-list")).content.decode()
    assert listing.count("Restauration de quatre tableaux") == 1
    exported = b"".join(client.get(reverse("export-deliberations-csv")).streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(exported)))
    assert len(rows) == 2  # the act and the vœu
    feed = client.get(reverse("feed-deliberations-atom")).content.decode()
    assert feed.count("Restauration de quatre tableaux") == 1
    seance = client.get(reverse("seance-detail", args=[report.seance_id])).content.decode()
    assert seance.count("Restauration de quatre tableaux") == 1
    page = client.get(reverse("deliberation-detail", args=[tableaux_cr.pk])).content.decode()
    assert "Publiée aussi dans" in page and reverse("document-page", args=[minutes.pk, 1]) in page
    # The other printing's address leads to the act's page.
    response = client.get(reverse("deliberation-detail", args=[tableaux_pv.pk]))
    assert response.status_code == 301 and response["Location"] == reverse("deliberation-detail", args=[tableaux_cr.pk])


def test_the_other_printing_stands_alone_when_the_first_is_withdrawn_or_deleted(client, printings, settings, tmp_path):
    report, minutes, tableaux_cr, tableaux_pv = printings
    Document.objects.filter(pk=report.pk).update(published=False)
    assert client.get(reverse("deliberation-detail", args=[tableaux_pv.pk])).status_code == 200
    assert client.get(reverse("deliberation-list")).content.decode().count("Restauration de quatre tableaux") == 1
    settings.MEDIA_ROOT = str(tmp_path)
    document_delete(document=Document.objects.get(pk=report.pk), deleted_by="greffier")
    tableaux_pv.refresh_from_db()
    assert tableaux_pv.same_as is None

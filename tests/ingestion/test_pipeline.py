"""The whole ingestion pipeline on a generated PV: structure, pseudonymisation, passages, idempotency."""

from __future__ import annotations

import datetime
import hashlib
import io
from pathlib import Path

import pytest
from django.contrib.postgres.search import SearchQuery
from django.core.management import call_command

from council.models import Deliberation, Document, Page
from council.services import body_get_or_create, collectivite_get_or_create
from ingestion.services import document_ingest, document_upload
from privacy.models import Redaction
from search.models import Passage
from tests.pdf_factory import unicode_text_pdf

PAGES = [
    """COMMUNE DE VAL-SUR-LOIRE
PROCÈS-VERBAL DE LA SÉANCE DU CONSEIL MUNICIPAL DU 12 MARS 2025
L'an deux mille vingt-cinq, le douze mars à vingt heures, le Conseil municipal s'est réuni sous la présidence de Mme Claire MARTIN, Maire.
Présents : Mme Claire MARTIN, M. Paul BERNARD, Mme Sophie LEROY, M. Alain PETIT, Mme Julie MOREAU.
Absents excusés : M. Louis GARNIER (pouvoir à M. Paul BERNARD).
Secrétaire de séance : Mme Sophie LEROY.
Le procès-verbal de la séance du 5 février 2025 est approuvé à l'unanimité.
D2025-014 - Objet : Tarifs de la restauration scolaire
Rapporteur : M. Paul BERNARD
Le Conseil municipal, après en avoir délibéré, fixe le prix du repas à 3,40 euros à compter du 1er septembre 2025.
Vote : Pour à l'unanimité.""",
    """D2025-015 - Objet : Cession de la parcelle AB 123
Rapporteur : Mme Claire MARTIN
Madame le Maire expose que M. Jean-Baptiste DUCROCQ, demeurant 14 rue des Lilas, souhaite acquérir la parcelle cadastrée AB 123 d'une surface de 450 m² au prix de 12 000 euros.
Le Conseil municipal, après en avoir délibéré, autorise la cession de la parcelle à M. DUCROCQ.
Par 4 voix pour, 1 voix contre (M. Alain PETIT) et 1 abstention (Mme Julie MOREAU).
D2025-016 - Objet : Subvention au club de football
Rapporteur : Mme Sophie LEROY
Le Conseil municipal attribue une subvention de 1 500 euros à l'association sportive.
Vote : 6 pour / 0 contre / 0 abstention""",
]


def minutes_pdf() -> bytes:
    return unicode_text_pdf(PAGES)


@pytest.fixture
def body(db):
    return body_get_or_create(collectivite=collectivite_get_or_create(name="Commune de Val-sur-Loire"))


@pytest.fixture
def ingested(body) -> Document:
    document, created = document_upload(source=io.BytesIO(minutes_pdf()), original_name="pv-2025-03-12.pdf", body=body)
    assert created
    return document_ingest(document_id=document.pk)


def test_minutes_become_seance_deliberations_and_passages(ingested):
    assert ingested.status == Document.Status.READY, ingested.error
    assert ingested.page_count == 2
    # The approval of the previous PV (5 February) must not be taken for the séance date.
    assert ingested.seance.date == datetime.date(2025, 3, 12)
    deliberations = list(Deliberation.objects.filter(document=ingested).order_by("position"))
    assert [d.number for d in deliberations] == ["D2025-014", "D2025-015", "D2025-016"]
    assert deliberations[0].objet.startswith("Tarifs de la restauration scolaire")
    assert deliberations[1].page_start == 2
    assert (deliberations[1].votes_for, deliberations[1].votes_against, deliberations[1].votes_abstention) == (4, 1, 1)
    assert (deliberations[2].votes_for, deliberations[2].votes_against) == (6, 0)
    assert all(d.outcome == Deliberation.Outcome.ADOPTED for d in deliberations)
    passages = Passage.objects.filter(document=ingested)
    assert passages.exists() and not passages.filter(embedding__isnull=True).exists()
    # No passage crosses a délibération boundary.
    for passage in passages.exclude(deliberation=None):
        assert passage.deliberation.page_start <= passage.page_start <= passage.page_end <= passage.deliberation.page_end


def test_private_person_is_pseudonymised_everywhere_public(ingested):
    assert "DUCROCQ" in "".join(Page.objects.filter(document=ingested).values_list("raw_text", flat=True))
    public = [
        *Page.objects.filter(document=ingested).values_list("text", flat=True),
        *Passage.objects.filter(document=ingested).values_list("text", flat=True),
        *Deliberation.objects.filter(document=ingested).values_list("objet", flat=True),
    ]
    assert not any("DUCROCQ" in text or "Lilas" in text for text in public)
    assert any("[personne" in text for text in public)
    # Elected officials keep their names.
    assert any("Paul BERNARD" in text for text in public)
    assert Redaction.objects.filter(document=ingested, decision=Redaction.Decision.REDACT).exists()
    # The original is kept byte for byte.
    assert hashlib.sha256(Path(ingested.file.path).read_bytes()).hexdigest() == ingested.sha256
    assert not Passage.objects.filter(search_vector=SearchQuery("Ducrocq", config="french_unaccent")).exists()


def test_running_again_changes_nothing(ingested, body):
    counts = (ingested.pages.count(), ingested.deliberations.count(), ingested.passages.count())
    again = document_ingest(document_id=ingested.pk)
    assert again.status == Document.Status.READY
    assert (again.pages.count(), again.deliberations.count(), again.passages.count()) == counts
    same, created = document_upload(source=io.BytesIO(minutes_pdf()), original_name="copie.pdf", body=body)
    assert not created and same.pk == ingested.pk
    assert Document.objects.count() == 1


def test_keyword_searchable_before_embeddings(body):
    from ingestion.services import document_process

    document, _ = document_upload(source=io.BytesIO(minutes_pdf()), original_name="pv.pdf", body=body)
    document = document_process(document_id=document.pk)
    assert document.step == Document.Step.EMBEDDING
    hits = Passage.objects.filter(search_vector=SearchQuery("restauration scolaire", config="french_unaccent"))
    assert hits.exists() and hits.filter(embedding__isnull=True).exists()


def test_public_urls_survive_a_reprocessing(ingested, client):
    from ingestion.review import document_redaction_decide
    from ingestion.services import document_embed, document_publish

    document_publish(document=ingested, published=True)
    deliberations = list(Deliberation.objects.filter(document=ingested).order_by("position"))
    urls = [
        ingested.get_absolute_url(),
        ingested.seance.get_absolute_url(),
        f"{ingested.get_absolute_url()}pages/2/",
        *(d.get_absolute_url() for d in deliberations),
    ]
    assert all(client.get(url).status_code == 200 for url in urls)
    # A clerk's decision rebuilds the public text; a retry or a parser upgrade processes it all again.
    document_redaction_decide(document=ingested, surface="Julie MOREAU", decision=Redaction.Decision.REDACT, reason="test")
    document_embed(document_id=ingested.pk)
    document_ingest(document_id=ingested.pk)
    again = list(Deliberation.objects.filter(document=ingested).order_by("position"))
    assert [(d.pk, d.number) for d in again] == [(d.pk, d.number) for d in deliberations]
    assert [client.get(url).status_code for url in urls] == [200] * len(urls)
    assert "Julie MOREAU" not in client.get(deliberations[1].get_absolute_url()).content.decode()


EXTRACT = [
    """COMMUNE DE VAL-SUR-LOIRE
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 12 mars 2025
D2025-017 - Objet : Programme de voirie 2025
M. BERNARD rappelle que les travaux de la rue des Écoles commenceront en avril.
Le Conseil municipal, après en avoir délibéré, approuve le programme de voirie.
Vote : Pour à l'unanimité."""
]


def test_a_member_named_by_the_bodys_other_minutes_keeps_his_name(ingested, body):
    # The procès-verbal's lists name the council's members; an extract of the same séance prints none.
    assert {"Claire MARTIN", "Paul BERNARD"} <= set(ingested.officials)
    document, _ = document_upload(source=io.BytesIO(unicode_text_pdf(EXTRACT)), original_name="extrait.pdf", body=body)
    extract = document_ingest(document_id=document.pk)
    assert extract.status == Document.Status.READY, extract.error
    public = "".join(Page.objects.filter(document=extract).values_list("text", flat=True))
    assert "M. BERNARD rappelle" in public


def test_officials_are_read_again_for_documents_ingested_before_they_were_stored(ingested):
    Document.objects.filter(pk=ingested.pk).update(officials=[])
    out = io.StringIO()
    call_command("officials_reread", stdout=out)
    ingested.refresh_from_db()
    assert {"Claire MARTIN", "Paul BERNARD", "Sophie LEROY"} <= set(ingested.officials)
    assert "DUCROCQ" not in " ".join(ingested.officials)
    assert "1 document(s) relu(s) sur 1" in out.getvalue()

"""End to end: a generated PV ingested by the real pipeline, published, then read through the public pages."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest
from django.urls import reverse
from PIL import Image

from council.models import Deliberation
from council.services import body_get_or_create, collectivite_get_or_create
from ingestion.services import document_ingest, document_publish, document_upload
from privacy.models import Redaction
from tests.pdf_factory import UNICODE_FONT, unicode_text_pdf

FONT = Path(UNICODE_FONT)
PRIVATE_PERSON = "Germaine VASSEUR"
PAGES = [
    """COMMUNE DE SAINT-ANDRÉ-DES-PRÉS
PROCÈS-VERBAL DE LA SÉANCE DU CONSEIL MUNICIPAL DU 4 JUIN 2025
L'an deux mille vingt-cinq, le quatre juin à dix-neuf heures, le Conseil municipal s'est réuni sous la présidence de M. Bernard FOURNIER, Maire.
Présents : M. Bernard FOURNIER, Mme Hélène ROUSSEL, M. Karim BENALI, Mme Odile PERRIN.
Secrétaire de séance : Mme Hélène ROUSSEL.
2025-031 - Objet : Cession d'un délaissé de voirie
Rapporteur : Mme Hélène ROUSSEL
Madame ROUSSEL expose que Mme Germaine VASSEUR, riveraine, souhaite acquérir un délaissé de voirie de 35 m² au prix de 700 euros.
Le Conseil municipal, après en avoir délibéré, autorise la cession à Mme VASSEUR.
Par 3 voix pour, 1 voix contre (M. Karim BENALI).""",
]


def _minutes_pdf() -> bytes:
    return unicode_text_pdf(PAGES)


@pytest.fixture
def published(db):
    if not FONT.is_file():
        pytest.skip("police DejaVu absente")
    body = body_get_or_create(collectivite=collectivite_get_or_create(name="Commune de Saint-André-des-Prés"))
    document, _ = document_upload(source=io.BytesIO(_minutes_pdf()), original_name="pv-2025-06-04.pdf", body=body)
    document = document_ingest(document_id=document.pk)
    assert not document.error, document.error
    return document


def test_ingested_document_is_invisible_until_published_then_masked(client, published):
    deliberation = Deliberation.objects.get(document=published)
    assert client.get(reverse("deliberation-detail", args=[deliberation.pk])).status_code == 404
    assert client.get(reverse("seance-detail", args=[published.seance.pk])).status_code == 404

    document_publish(document=published, published=True)
    page = client.get(reverse("deliberation-detail", args=[deliberation.pk])).content.decode()
    assert "Cession d&#x27;un délaissé de voirie" in page
    assert "VASSEUR" not in page
    seance = client.get(reverse("seance-detail", args=[published.seance.pk])).content.decode()
    assert "2025-031" in seance and "4 juin 2025" in seance
    assert "VASSEUR" not in client.get(reverse("document-page", args=[published.pk, 1])).content.decode()

    masked = Redaction.objects.filter(document=published, decision=Redaction.Decision.REDACT)
    assert any("VASSEUR" in redaction.surface for redaction in masked)
    image = Image.open(io.BytesIO(b"".join(client.get(reverse("document-page-image", args=[published.pk, 1])).streaming_content)))
    plain = pdfium.PdfDocument(published.file.path)[0].render(scale=110 / 72).to_pil().convert("RGB")
    assert image.size == plain.size
    changed = np.any(np.asarray(image) != np.asarray(plain), axis=2)
    # Something was blacked out, and only a small part of the page: names, not paragraphs.
    assert 0 < changed.mean() < 0.02


def test_page_benchmark_times_every_page_type_and_keeps_nothing(published, tmp_path):
    from bench.pages_bench import pages_benchmark
    from qa.models import QuestionLog

    document_publish(document=published, published=True)
    questions = tmp_path / "questions.jsonl"
    questions.write_text('{"question": "À quel prix la commune cède-t-elle le délaissé de voirie ?"}\n', encoding="utf-8")
    report = pages_benchmark(questions=questions, count=2)
    rows = report["page_types"]
    assert rows["not found (404)"]["statuses"] == {404: 2}
    assert all(row["statuses"] == {200: row["requests"]} for name, row in rows.items() if name != "not found (404)"), rows
    assert all(row["requests"] and row["p95_ms"] >= row["p50_ms"] > 0 for row in rows.values())
    assert rows["page image (png)"]["requests"] >= 1 and rows["élu"]["requests"] >= 1
    assert set(report["over_target"]) <= set(rows)
    assert not QuestionLog.objects.exists()  # the question page's log was rolled back with the run

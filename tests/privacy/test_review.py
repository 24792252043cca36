"""Redaction review: a clerk's decision reaches pages, passages, the full-text index and the embeddings' input."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse

from council.models import Document, Page
from council.services import body_get_or_create, collectivite_get_or_create
from ingestion.services import document_ingest, document_upload
from privacy.models import Redaction
from search.models import Passage
from search.services import passage_embedding_input
from tests.pdf_factory import minutes_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def clerk_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("greffier", password="x" * 12, is_staff=True))
    return client


@pytest.fixture
def document():
    body = body_get_or_create(collectivite=collectivite_get_or_create(name="Commune de Saint-Exemple"))
    uploaded, _ = document_upload(source=io.BytesIO(minutes_pdf()), original_name="pv.pdf", body=body)
    ingested = document_ingest(document_id=uploaded.pk)
    assert ingested.status == Document.Status.READY, ingested.error
    return ingested


def _public_text(document: Document) -> str:
    return "\n".join(Page.objects.filter(document=document).values_list("text", flat=True))


def _passages_text(document: Document) -> str:
    return "\n".join(Passage.objects.filter(document=document).values_list("text", flat=True))


def _embedding_inputs(document: Document) -> str:
    return "\n".join(
        passage_embedding_input(heading=p.heading, text=p.text) for p in Passage.objects.filter(document=document)
    )


def _decide(client, document, data, callbacks_fixture):
    with callbacks_fixture(execute=True):
        return client.post(reverse("clerk-redaction-decide", args=[document.pk]), data, follow=True)


def test_review_lists_masked_and_kept_with_reasons(clerk_client, document):
    assert Redaction.objects.filter(document=document, decision=Redaction.Decision.REDACT).exists()
    page = clerk_client.get(reverse("clerk-redactions", args=[document.pk])).content.decode()
    masked = Redaction.objects.filter(document=document, decision=Redaction.Decision.REDACT).first()
    assert masked.surface in page
    assert masked.reason in page
    assert "détection automatique" in page
    assert "Masquer un autre texte" in page


def test_adding_a_redaction_masks_pages_passages_index_and_embedding_input(
    clerk_client, document, eager_tasks, django_capture_on_commit_callbacks
):
    assert "jardins familiaux" in _public_text(document)
    response = _decide(
        clerk_client, document, {"surface": "jardins familiaux", "reason": "demande du président"},
        django_capture_on_commit_callbacks,
    )
    assert response.status_code == 200
    redaction = Redaction.objects.get(document=document, surface="jardins familiaux")
    assert (redaction.decision, redaction.source) == (Redaction.Decision.REDACT, Redaction.Source.CLERK)
    assert "jardins familiaux" not in _public_text(document)
    assert "[personne masquée]" in _public_text(document)
    assert "jardins familiaux" not in _passages_text(document)
    assert "jardins familiaux" not in _embedding_inputs(document)
    # The raw text, for clerks, keeps what was printed.
    assert "jardins familiaux" in "\n".join(Page.objects.filter(document=document).values_list("raw_text", flat=True))
    # Full-text index follows at once (generated column); embeddings were recomputed by the task.
    assert not Passage.objects.filter(document=document, search_vector="jardins").exists()
    document.refresh_from_db()
    assert document.status == Document.Status.READY
    assert not Passage.objects.filter(document=document, embedding__isnull=True).exists()
    page = clerk_client.get(reverse("clerk-redactions", args=[document.pk])).content.decode()
    assert "décision d&#x27;un agent" in page and "demande du président" in page


def test_lifting_a_redaction_restores_the_text_everywhere(
    clerk_client, document, eager_tasks, django_capture_on_commit_callbacks
):
    masked = Redaction.objects.filter(
        document=document, decision=Redaction.Decision.REDACT, kind=Redaction.Kind.PERSON
    ).order_by("-surface").first()
    assert masked is not None and masked.placeholder
    assert masked.surface not in _public_text(document)
    assert masked.placeholder in _passages_text(document)

    _decide(clerk_client, document, {"redaction": masked.pk, "decision": "keep", "reason": "personne publique"},
            django_capture_on_commit_callbacks)

    masked.refresh_from_db()
    assert (masked.decision, masked.source, masked.reason) == ("keep", "clerk", "personne publique")
    assert masked.surface in _public_text(document)
    assert masked.surface in _passages_text(document)
    assert masked.surface in _embedding_inputs(document)
    assert not Passage.objects.filter(document=document, embedding__isnull=True).exists()

    # And back: masking it again hides it again.
    _decide(clerk_client, document, {"redaction": masked.pk, "decision": "redact"}, django_capture_on_commit_callbacks)
    assert masked.surface not in _public_text(document)
    assert masked.surface not in _embedding_inputs(document)


def test_a_decision_on_a_document_not_yet_processed_waits_for_processing(clerk_client, django_capture_on_commit_callbacks):
    body = body_get_or_create(collectivite=collectivite_get_or_create(name="Commune de Saint-Exemple"))
    document, _ = document_upload(source=io.BytesIO(minutes_pdf()), original_name="pv.pdf", body=body)
    response = _decide(clerk_client, document, {"surface": "jardins familiaux"}, django_capture_on_commit_callbacks)
    assert "s&#x27;appliquera au traitement du document" in response.content.decode()
    document_ingest(document_id=document.pk)
    assert "jardins familiaux" not in _public_text(document)


def test_too_short_text_is_refused_with_a_reason(clerk_client, document, django_capture_on_commit_callbacks):
    response = clerk_client.post(reverse("clerk-redaction-decide", args=[document.pk]), {"surface": " a "})
    assert response.status_code == 400
    assert "au moins deux caractères" in response.content.decode()

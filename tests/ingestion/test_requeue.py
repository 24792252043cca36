"""Documents a killed worker left half-done are queued again when the embedded broker's worker starts."""

import io

import pytest

from config.celery import app
from council.models import Document
from council.services import body_get_or_create, collectivite_get_or_create
from ingestion.queueing import documents_interrupted_requeue
from ingestion.services import document_upload
from tests.ingestion.test_pipeline import minutes_pdf


@pytest.fixture
def eager_tasks():
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = False


def test_interrupted_document_is_processed_again(db, eager_tasks, django_capture_on_commit_callbacks):
    body = body_get_or_create(collectivite=collectivite_get_or_create(name="Commune de Val-sur-Loire"))
    document, _ = document_upload(source=io.BytesIO(minutes_pdf()), original_name="pv.pdf", body=body)
    Document.objects.filter(pk=document.pk).update(status=Document.Status.PROCESSING, step=Document.Step.OCR)
    elsewhere, _ = document_upload(source=io.BytesIO(minutes_pdf() + b"\n%third\n"), original_name="c.pdf", body=body)
    Document.objects.filter(pk=elsewhere.pk).update(
        status=Document.Status.PROCESSING, step=Document.Step.OCR, lease="celery@other:abc"
    )
    Document.objects.filter(pk=document.pk).update(lease="celery@here:0123")
    untouched, _ = document_upload(source=io.BytesIO(minutes_pdf() + b"\n%other\n"), original_name="b.pdf", body=body)

    with django_capture_on_commit_callbacks(execute=True):
        # Redis: only what this worker node held (the other node may still be working).
        assert documents_interrupted_requeue(worker="celery@here", all_interrupted=False) == 1

    document.refresh_from_db()
    untouched.refresh_from_db()
    assert document.status == Document.Status.READY and document.passages.exists()
    elsewhere.refresh_from_db()
    assert untouched.status == Document.Status.PENDING
    assert elsewhere.status == Document.Status.PROCESSING and elsewhere.lease == "celery@other:abc"


def test_embedded_broker_gives_back_every_interrupted_document(db, eager_tasks):
    body = body_get_or_create(collectivite=collectivite_get_or_create(name="Commune de Val-sur-Loire"))
    document, _ = document_upload(source=io.BytesIO(minutes_pdf()), original_name="pv.pdf", body=body)
    Document.objects.filter(pk=document.pk).update(
        status=Document.Status.PROCESSING, step=Document.Step.OCR, lease="celery@other:abc"
    )
    assert documents_interrupted_requeue(worker="celery@here", all_interrupted=True) == 1
    document.refresh_from_db()
    assert document.lease == ""

"""The queue's rules without a worker: leases, late messages, stale documents, unsent documents, retry."""

from __future__ import annotations

import datetime
import io
import re
import time
from pathlib import Path

import pytest
import yaml
from django.urls import reverse
from django.utils import timezone

from config.celery import app
from council.models import Document
from council.services import body_get_or_create, collectivite_get_or_create
from ingestion import queueing
from ingestion.services import document_upload
from tests.conftest import _free_port, celery_app_broker_set
from tests.pdf_factory import image_only_pdf, minutes_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def body():
    return body_get_or_create(collectivite=collectivite_get_or_create(name="Commune de Saint-Exemple"))


def _document(body, *, text: str = "Premier document", **fields) -> Document:
    document, _ = document_upload(source=io.BytesIO(minutes_pdf([text])), original_name="pv.pdf", body=body)
    Document.objects.filter(pk=document.pk).update(**fields)
    document.refresh_from_db()
    return document


def _ago(**delta) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(**delta)


def test_a_live_lease_keeps_a_second_worker_out_and_an_expired_one_does_not(body, settings):
    settings.DOCUMENT_LEASE_SECONDS = 90
    document = _document(body, status=Document.Status.PROCESSING)
    first = queueing.document_lease_claim(document_id=document.pk, worker="celery@a")
    assert first and first.startswith("celery@a:")
    assert queueing.document_lease_claim(document_id=document.pk, worker="celery@b") is None
    Document.objects.filter(pk=document.pk).update(heartbeat_at=_ago(seconds=91))
    second = queueing.document_lease_claim(document_id=document.pk, worker="celery@b")
    assert second and second.startswith("celery@b:")
    # The first worker, back from the dead, cannot release the new holder's lease.
    queueing.document_lease_release(document_id=document.pk, token=first)
    document.refresh_from_db()
    assert document.lease == second


@pytest.mark.parametrize("status", [Document.Status.READY, Document.Status.FAILED])
@pytest.mark.parametrize("stage", [queueing.PROCESS, queueing.OCR, queueing.EMBED])
def test_a_late_message_never_reprocesses_a_finished_document(body, status, stage):
    document = _document(body, status=status, step=Document.Step.DONE, error="motif")
    before = document.updated_at
    assert queueing.document_stage_run(document_id=document.pk, stage=stage, worker="celery@late") is None
    document.refresh_from_db()
    assert (document.status, document.updated_at, document.lease, document.page_count) == (status, before, "", 0)


def test_a_message_for_a_document_held_by_a_live_worker_is_dropped(body):
    document = _document(body, status=Document.Status.PROCESSING, step=Document.Step.OCR,
                         lease="celery@a:1", heartbeat_at=timezone.now())
    assert queueing.document_stage_run(document_id=document.pk, stage=queueing.PROCESS, worker="celery@b") is None
    document.refresh_from_db()
    assert (document.step, document.lease, document.page_count) == (Document.Step.OCR, "celery@a:1", 0)


def test_the_process_stage_runs_under_a_lease_and_releases_it(body):
    document = _document(body)
    assert queueing.document_stage_run(document_id=document.pk, stage=queueing.PROCESS, worker="celery@a") == queueing.EMBED
    document.refresh_from_db()
    assert (document.status, document.step, document.lease) == (
        Document.Status.PROCESSING, Document.Step.EMBEDDING, "")
    assert document.heartbeat_at is not None and document.page_count == 1
    # A duplicate of the same message now only asks for the next stage again.
    before = document.updated_at
    assert queueing.document_stage_run(document_id=document.pk, stage=queueing.PROCESS, worker="celery@b") == queueing.EMBED
    document.refresh_from_db()
    assert document.updated_at == before


def test_scanned_pages_go_to_the_ocr_queue_and_the_text_layer_does_not_wait_for_them(body):
    document, _ = document_upload(
        source=io.BytesIO(image_only_pdf(text="Le conseil municipal approuve le budget primitif.")),
        original_name="scan.pdf",
        body=body,
    )
    assert queueing.document_stage_run(document_id=document.pk, stage=queueing.PROCESS, worker="celery@s") == queueing.OCR
    document.refresh_from_db()
    assert (document.status, document.step, document.lease, document.page_count) == (
        Document.Status.PROCESSING, Document.Step.OCR, "", 1)
    assert not document.pages.exists()
    # A duplicate structure message asks for the OCR again; the OCR queue's worker reads, then structures.
    assert queueing.document_stage_run(document_id=document.pk, stage=queueing.PROCESS, worker="celery@s") == queueing.OCR
    assert queueing.document_stage_run(document_id=document.pk, stage=queueing.EMBED, worker="celery@e") is None
    assert queueing.document_stage_run(document_id=document.pk, stage=queueing.OCR, worker="celery@o") == queueing.EMBED
    document.refresh_from_db()
    assert (document.status, document.step) == (Document.Status.PROCESSING, Document.Step.EMBEDDING)
    assert "budget" in document.pages.get().raw_text
    assert queueing.document_stage_run(document_id=document.pk, stage=queueing.EMBED, worker="celery@e") is None
    document.refresh_from_db()
    assert document.status == Document.Status.READY


def test_each_stage_is_routed_to_its_own_queue():
    routes = {
        name: app.amqp.router.route({}, name)["queue"].name
        for name in (
            "ingestion.tasks.document_process_task", "ingestion.tasks.document_ocr_task",
            "ingestion.tasks.document_embed_task", "search.tasks.passages_engine_sync_task",
        )
    }
    assert routes == {
        "ingestion.tasks.document_process_task": "structure", "ingestion.tasks.document_ocr_task": "ocr",
        "ingestion.tasks.document_embed_task": "embeddings", "search.tasks.passages_engine_sync_task": "indexing",
    }
    # The production compose has workers on every queue.
    compose = yaml.safe_load((Path(__file__).resolve().parents[2] / "docker-compose.yml").read_text())
    consumed = set()
    for service in compose["services"].values():
        command = service.get("command") or ""
        if " worker " in command:
            consumed.update(re.search(r"-Q (\S+)", command).group(1).split(","))
    assert consumed == {queue.name for queue in app.conf.task_queues} == set(routes.values())


def test_a_next_stage_the_broker_cannot_take_waits_unsent(body):
    document = _document(body, status=Document.Status.PROCESSING, step=Document.Step.EMBEDDING)

    def broker_down():
        raise ConnectionRefusedError("redis")

    queueing.document_stage_send(document_id=document.pk, send=broker_down)
    document.refresh_from_db()
    assert (document.status, document.step) == (Document.Status.PENDING, Document.Step.UNSENT)


def test_a_document_without_sign_of_life_becomes_a_retryable_failure(body, settings):
    settings.DOCUMENT_STALE_MINUTES = 10
    stale = _document(body, status=Document.Status.PROCESSING, step=Document.Step.STRUCTURING,
                      lease="celery@a:1", heartbeat_at=_ago(minutes=11))
    alive = _document(body, text="Deuxième", status=Document.Status.PROCESSING, step=Document.Step.OCR,
                      lease="celery@b:1", heartbeat_at=_ago(minutes=2))
    # Between two stages, in a long queue: no worker holds it, its message waits in the broker.
    waiting = _document(body, text="Troisième", status=Document.Status.PROCESSING, step=Document.Step.OCR,
                        lease="", heartbeat_at=_ago(hours=3))
    assert queueing.documents_stale_fail() == 1
    for document in (stale, alive, waiting):
        document.refresh_from_db()
    assert stale.status == Document.Status.FAILED and stale.lease == ""
    assert "analyse de la structure" in stale.error and "relancer" in stale.error
    assert alive.status == waiting.status == Document.Status.PROCESSING


def test_retry_is_refused_for_ready_and_live_documents_only(body, django_capture_on_commit_callbacks):
    ready = _document(body, status=Document.Status.READY)
    live = _document(body, text="Deux", status=Document.Status.PROCESSING, lease="celery@a:1", heartbeat_at=timezone.now())
    stuck = _document(body, text="Trois", status=Document.Status.PROCESSING, step=Document.Step.EMBEDDING,
                      lease="celery@a:2", heartbeat_at=_ago(hours=1))
    unsent = _document(body, text="Quatre", step=Document.Step.UNSENT)
    with pytest.raises(queueing.RetryRefused, match="déjà prêt"):
        queueing.document_retry(document=ready)
    with pytest.raises(queueing.RetryRefused, match="en cours de traitement"):
        queueing.document_retry(document=live)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        queueing.document_retry(document=stuck)
        queueing.document_retry(document=unsent)
    assert len(callbacks) == 2
    for document in (stuck, unsent):
        document.refresh_from_db()
        assert (document.status, document.step, document.lease) == (Document.Status.PENDING, Document.Step.QUEUED, "")


@pytest.fixture
def broker_down(settings):
    """A Redis URL where nothing listens: sending fails as with a stopped Redis."""
    url = f"redis://127.0.0.1:{_free_port()}/0"
    settings.CELERY_BROKER_URL = url
    celery_app_broker_set(url=url, transport_options={"socket_connect_timeout": 1})
    yield
    celery_app_broker_set(url=None, transport_options={})


def test_an_upload_while_the_broker_is_down_is_kept_unsent_then_sent(
    transactional_db, client, django_user_model, body, broker_down
):
    """Committed for real (transactional_db): the upload's on_commit send runs as in production."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(django_user_model.objects.create_user("greffier", password="x" * 12, is_staff=True))
    upload = SimpleUploadedFile("pv.pdf", minutes_pdf(), content_type="application/pdf")
    started = time.monotonic()
    response = client.post(
        reverse("clerk-upload"),
        {"files": [upload], "collectivite": body.collectivite.pk, "body": body.name},
        follow=True,
    )
    assert time.monotonic() - started < 10
    assert response.status_code == 200
    document = Document.objects.get()
    assert (document.status, document.step) == (Document.Status.PENDING, Document.Step.UNSENT)
    assert any("réessayé automatiquement" in str(m) for m in response.context["messages"])
    # Still down: the beat task leaves it unsent.
    assert queueing.documents_unsent_send() == 0
    document.refresh_from_db()
    assert document.step == Document.Step.UNSENT

    celery_app_broker_set(url=None, transport_options={})
    app.conf.task_always_eager = True
    try:
        assert queueing.documents_unsent_send() == 1
    finally:
        app.conf.task_always_eager = False
    document.refresh_from_db()
    assert document.status == Document.Status.READY

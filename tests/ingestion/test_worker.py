"""The queue with a real Redis and real worker processes: a document goes through, a killed worker loses nothing."""

from __future__ import annotations

import io
import os
import signal
import time

import pytest

from config.celery import app
from council.models import Document, Page
from council.services import body_get_or_create, collectivite_get_or_create
from ingestion.services import document_enqueue
from ingestion.services import document_upload
from search.models import Passage
from tests.conftest import celery_worker_start
from tests.pdf_factory import image_only_pdf, minutes_pdf

pytestmark = pytest.mark.services

READY_TIMEOUT_S = 300


@pytest.fixture
def body(transactional_db):
    return body_get_or_create(collectivite=collectivite_get_or_create(name="Commune de Saint-Exemple"))


def _upload(body, content: bytes, name: str = "pv.pdf") -> tuple[Document, bool]:
    return document_upload(source=io.BytesIO(content), original_name=name, body=body)


def _wait(document: Document, until, *, timeout: float = READY_TIMEOUT_S, log=None) -> Document:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        document.refresh_from_db()
        if until(document):
            return document
        if document.status == Document.Status.FAILED:
            pytest.fail(f"document en échec : {document.error}")
        time.sleep(0.2)
    pytest.fail(f"délai dépassé ; état {document.status}/{document.step}" + (f"\n{log.read_text()[-3000:]}" if log else ""))


def _ready(document: Document) -> bool:
    return document.status == Document.Status.READY


def test_a_queued_document_is_processed_by_the_worker(celery_worker, body, tmp_path):
    document, created = _upload(body, minutes_pdf())
    assert created
    document_enqueue(document=document)
    _wait(document, _ready, log=tmp_path / "worker.log")
    assert document.step == Document.Step.DONE
    assert Passage.objects.filter(document=document).exists()
    assert not Passage.objects.filter(document=document, embedding__isnull=True).exists()


def test_the_same_file_uploaded_twice_is_one_document(celery_worker, body, tmp_path):
    content = minutes_pdf()
    first, created_first = _upload(body, content, "pv-mars.pdf")
    document_enqueue(document=first)
    second, created_second = _upload(body, content, "copie-du-pv.pdf")
    assert (created_first, created_second) == (True, False)
    assert first.pk == second.pk
    _wait(first, _ready, log=tmp_path / "worker.log")
    assert Document.objects.count() == 1


def _broker_redeliver_unacked() -> None:
    """What Redis does for a task whose worker died: after the visibility timeout (one hour by default) the
    unacknowledged message goes back to the queue. Here the timeout is taken as already past."""
    with app.connection(transport_options={"visibility_timeout": 0}) as connection:
        connection.default_channel.qos.restore_visible(num=100)


def test_a_worker_killed_mid_document_leaves_it_to_the_next_one_without_duplicates(
    celery_worker, body, redis_url, settings, tmp_path
):
    pages = 6
    subjects = ["le budget primitif", "les tarifs de la cantine", "la vente d'un terrain",
                "une subvention au club de football", "le plan local d'urbanisme", "la création d'un poste"]
    content = image_only_pdf(
        text=[
            f"Délibération n° 2024-0{number}\nLe conseil municipal examine {subject}.\n"
            f"Après en avoir délibéré, il approuve {subject}\nà l'unanimité des membres présents."
            for number, subject in enumerate(subjects[:pages], start=1)
        ]
    )
    document, _ = _upload(body, content, "scan.pdf")
    document_enqueue(document=document)
    # Killed while OCR is under way, with some pages already saved.
    _wait(document, lambda d: d.step == Document.Step.OCR and d.pages_done >= 1, timeout=120, log=tmp_path / "worker.log")
    os.kill(celery_worker.pid, signal.SIGKILL)
    celery_worker.wait(10)
    document.refresh_from_db()
    assert document.status == Document.Status.PROCESSING and document.pages_done < pages
    saved_before_kill = dict(Page.objects.filter(document=document).values_list("number", "pk"))
    assert saved_before_kill

    # The restarted worker (same node name) gives back what it held when it died, without waiting for Redis's
    # visibility timeout.
    log2 = tmp_path / "worker2.log"
    restarted = celery_worker_start(redis_url=redis_url, media_root=settings.MEDIA_ROOT, log_path=log2)
    try:
        _wait(document, _ready, log=log2)
        # Then the killed worker's own message comes back (Redis's visibility timeout, taken as past): dropped.
        _broker_redeliver_unacked()
        deadline = time.monotonic() + 60
        while b"ocr message dropped" not in log2.read_bytes() and time.monotonic() < deadline:
            time.sleep(0.2)
    finally:
        restarted.terminate()
        restarted.wait(10)
    worker_logs = (tmp_path / "worker.log").read_text() + log2.read_text()
    # The killed worker held the OCR queue's message (the structure queue's was done with at the OCR step).
    assert f"document {document.pk}: ocr message dropped (document ready)" in worker_logs
    assert worker_logs.count(f"document {document.pk} ready") == 1

    numbers = list(Page.objects.filter(document=document).order_by("number").values_list("number", flat=True))
    assert numbers == list(range(1, pages + 1))
    assert document.page_count == pages
    passages = list(Passage.objects.filter(document=document).order_by("position"))
    assert [p.position for p in passages] == list(range(len(passages)))
    assert len({(p.page_start, p.text) for p in passages}) == len(passages)
    assert all(p.embedding is not None for p in passages)
    # The pages saved before the kill were kept, not read again.
    kept = dict(Page.objects.filter(document=document, number__in=saved_before_kill).values_list("number", "pk"))
    assert kept == saved_before_kill

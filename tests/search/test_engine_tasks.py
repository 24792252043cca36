"""Passages reach the search engine through the « indexing » Celery queue, after commit, from the paths that change
them; with PostgreSQL nothing is sent. Against a real OpenSearch node, eager Celery, a real broker and a real worker."""

from __future__ import annotations

import socket
import time

import pytest
from django.db import transaction

from config.celery import app
from ingestion.services import document_publish
from config.workers import no_worker
from tests.conftest import celery_app_broker_set, celery_worker_start

TASK = "search.tasks.passages_engine_sync_task"


def _in_engine(backend, passage) -> bool:
    return passage.pk in backend.engine_passages(passage_ids=[passage.pk])


@pytest.fixture
def broker(settings):
    """Point the app at a broker for the test, then back at the configured one."""
    def point(url: str, options: dict | None = None) -> None:
        celery_app_broker_set(url=url, transport_options=options or {})

    yield point
    celery_app_broker_set(url=settings.CELERY_BROKER_URL, transport_options=settings.CELERY_BROKER_TRANSPORT_OPTIONS)


def _folders(root) -> dict:
    """The embedded broker's folders (config/settings.py), under the test's own: the queue, and kombu's control."""
    for name in ("queue", "control"):
        (root / name).mkdir()
    return {"data_folder_in": str(root / "queue"), "data_folder_out": str(root / "queue"),
            "control_folder": str(root / "control"), "store_processed": False}


def test_the_task_is_routed_to_the_indexing_queue():
    assert app.amqp.router.route({}, TASK)["queue"].name == "indexing"
    assert "indexing" in {queue.name for queue in app.conf.task_queues}


def test_with_postgres_nothing_is_sent(passages, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        document_publish(document=passages[2].document, published=False)
    assert callbacks == []


def test_publication_reaches_the_engine_through_the_task(configured, passages, django_capture_on_commit_callbacks, tasks_run):
    pool = passages[2]
    app.conf.task_always_eager = True
    try:
        with django_capture_on_commit_callbacks() as callbacks:
            document_publish(document=pool.document, published=False)
            # Nothing before the commit: a rolled-back change must not reach the engine.
            assert _in_engine(configured, pool)
        assert len(callbacks) == 1
        callbacks[0]()
        assert tasks_run == [TASK]
        assert not _in_engine(configured, pool)
        with django_capture_on_commit_callbacks(execute=True):
            document_publish(document=pool.document, published=True)
        # A publication also draws the page images (`privacy.tasks`).
        assert tasks_run == [TASK, TASK, "privacy.tasks.document_page_images_render_task"]
        assert _in_engine(configured, pool)
    finally:
        app.conf.task_always_eager = False


def test_without_a_worker_the_write_waits_in_the_queue_unless_inline(
    configured, passages, django_capture_on_commit_callbacks, broker, settings, tmp_path, tasks_run
):
    folder = tmp_path / "queue"
    broker("filesystem://", _folders(tmp_path))
    pool = passages[2]
    with django_capture_on_commit_callbacks(execute=True):
        document_publish(document=pool.document, published=False)
    # The message is in the broker's indexing queue, for a worker; the engine has not changed yet.
    assert len(list(folder.iterdir())) == 1
    assert _in_engine(configured, pool)
    # `ingest --eager` expects no worker: the write is done in the process.
    with no_worker(), django_capture_on_commit_callbacks(execute=True):
        document_publish(document=pool.document, published=False)
    assert len(list(folder.iterdir())) == 1
    assert tasks_run == []
    assert not _in_engine(configured, pool)


def test_a_broker_down_does_not_lose_the_write(configured, passages, django_capture_on_commit_callbacks, broker):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed = sock.getsockname()[1]
    broker(f"redis://127.0.0.1:{closed}/0")
    pool = passages[2]
    with django_capture_on_commit_callbacks(execute=True):
        document_publish(document=pool.document, published=False)
    assert not _in_engine(configured, pool)


@pytest.mark.services
def test_a_real_worker_sends_a_publication_to_the_engine(configured, passages, redis_url, transactional_db, broker, settings, tmp_path):
    broker(redis_url)
    log = tmp_path / "worker.log"
    worker = celery_worker_start(
        redis_url=redis_url, media_root=settings.MEDIA_ROOT, log_path=log,
        env_extra={"SEARCH_BACKEND": settings.SEARCH_BACKEND,
                   **{name: getattr(settings, name) for name in (configured.url_setting, configured.index_setting)}},
    )
    try:
        pool = passages[2]
        with transaction.atomic():
            document_publish(document=pool.document, published=False)
        deadline = time.monotonic() + 60
        while _in_engine(configured, pool) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not _in_engine(configured, pool), log.read_text()[-3000:]
        assert TASK in log.read_text()
    finally:
        worker.terminate()
        worker.wait(10)


def test_ingest_eager_publishes_into_the_engine_without_a_worker(configured, transactional_db, broker, tmp_path):
    from ingestion.batch import files_ingest, source_files_collect
    from search.models import Passage
    from tests.pdf_factory import minutes_pdf

    folder = tmp_path / "queue"
    broker("filesystem://", _folders(tmp_path))
    (tmp_path / "pdf").mkdir()
    (tmp_path / "pdf" / "pv.pdf").write_bytes(minutes_pdf())
    report = files_ingest(
        files=source_files_collect(paths=[tmp_path / "pdf"]), collectivite="Commune de Saint-Exemple",
        publish=True, privacy_reviewed_by="test", eager=True,
    )
    assert report.ready == 1 and not report.unpublished
    created = list(Passage.objects.filter(document__original_name="pv.pdf", published=True).values_list("pk", flat=True))
    assert created
    assert set(configured.engine_passages(passage_ids=created)) == set(created)
    assert list(folder.iterdir()) == []

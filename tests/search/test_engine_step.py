"""With a separate search engine, the ingestion chain ends with a step of its own: the document's passages
synchronised with the engine, counted for the clerk's progress bar, and an engine that does not answer said so in
French. Against a real OpenSearch node and the real pipeline (generated PV, embeddings, eager Celery)."""

from __future__ import annotations

import io
import socket

import pytest
from django.urls import reverse

from config.celery import app
from config.faults import ServiceUnavailable
from council.models import Document
from council.services import body_get_or_create, collectivite_get_or_create
from ingestion import selectors
from ingestion.services import document_engine_sync, document_ingest, document_process, document_publish, document_upload
from ingestion.tasks import document_embed_task
from search.models import Passage
from tests.pdf_factory import minutes_pdf
from tests.search.opensearch_node import opensearch_backend_configure

ENGINE_TASK = "ingestion.tasks.document_engine_task"


@pytest.fixture
def uploaded(db) -> Document:
    body = body_get_or_create(collectivite=collectivite_get_or_create(name="Commune de Saint-Exemple"))
    document, created = document_upload(source=io.BytesIO(minutes_pdf()), original_name="pv.pdf", body=body)
    assert created
    return document


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_the_task_is_routed_to_the_indexing_queue():
    assert app.amqp.router.route({}, ENGINE_TASK)["queue"].name == "indexing"


def test_with_postgres_the_chain_ends_at_the_embeddings(uploaded):
    document = document_ingest(document_id=uploaded.pk)
    assert document.status == Document.Status.READY and document.step == Document.Step.DONE
    assert document.passages_synced == 0


def test_the_engine_step_follows_the_embeddings_with_its_progress(
    configured, uploaded, tasks_run, admin_client, django_capture_on_commit_callbacks
):
    document_process(document_id=uploaded.pk)
    app.conf.task_always_eager = True
    try:
        # The embeddings' task hands the document to the engine's, on the indexing queue.
        document_embed_task.delay(uploaded.pk)
    finally:
        app.conf.task_always_eager = False
    assert tasks_run == ["ingestion.tasks.document_embed_task", ENGINE_TASK]
    uploaded.refresh_from_db()
    total = Passage.objects.filter(document=uploaded).count()
    assert total > 0
    assert uploaded.status == Document.Status.READY and uploaded.step == Document.Step.DONE
    assert uploaded.passages_synced == total
    # Not published: nothing of it in the engine.
    ids = list(Passage.objects.filter(document=uploaded).values_list("pk", flat=True))
    assert configured.engine_passages(passage_ids=ids) == {}

    # What the clerk sees while the step runs.
    Document.objects.filter(pk=uploaded.pk).update(
        status=Document.Status.PROCESSING, step=Document.Step.ENGINE, passages_synced=1
    )
    progress = selectors.document_progress(document=selectors.document_get_for_clerk(pk=uploaded.pk))
    assert (progress.value, progress.maximum) == (1, total)
    assert progress.text == f"1 passages sur {total} synchronisés avec le moteur de recherche"
    page = admin_client.get(reverse("clerk-document", args=[uploaded.pk])).content.decode()
    assert "synchronisation avec le moteur de recherche" in page and progress.text in page
    state = admin_client.get(reverse("clerk-progress"), {"ids": uploaded.pk}).json()["documents"][0]
    assert (state["value"], state["max"], state["step_label"]) == (1, total, "synchronisation avec le moteur de recherche")

    document_engine_sync(document_id=uploaded.pk)
    uploaded.refresh_from_db()
    assert uploaded.status == Document.Status.READY and uploaded.passages_synced == total


def test_the_step_sends_a_published_document_in_batches_and_removes_stray_copies(configured, uploaded, django_capture_on_commit_callbacks):
    from config.workers import no_worker

    document = document_ingest(document_id=uploaded.pk)
    with no_worker(), django_capture_on_commit_callbacks(execute=True):
        document_publish(document=document, published=True)
    ids = sorted(Passage.objects.filter(document=document).values_list("pk", flat=True))
    assert len(ids) >= 3 and set(configured.engine_passages(passage_ids=ids)) == set(ids)
    # A passage PostgreSQL lost without telling the engine (a re-processing whose message was lost).
    Passage.objects.filter(pk=ids[0]).delete()
    kept = ids[1:]
    calls: list[tuple[int, int]] = []
    configured.engine_document_sync(
        document_id=document.pk, passage_ids=kept, progress=lambda done, total: calls.append((done, total)), batch_size=2
    )
    assert calls == [(min(n, len(kept)), len(kept)) for n in range(2, len(kept) + 2, 2)]
    assert set(configured.engine_passages(passage_ids=ids)) == set(kept)
    assert configured.engine_count() == 5 + len(kept)  # the fixture's five published passages, and this document's


def test_an_engine_down_is_said_in_french_then_fails_the_document(configured, uploaded, settings):
    from search.backends import search_backend_get

    document_process(document_id=uploaded.pk)
    opensearch_backend_configure(
        settings, url=f"http://127.0.0.1:{_closed_port()}", elasticsearch=configured.url_setting == "ELASTICSEARCH_URL"
    )
    from ingestion.services import document_embed

    document = document_embed(document_id=uploaded.pk)
    assert document.step == Document.Step.ENGINE and document.status == Document.Status.PROCESSING
    # A try that is not the last: the reason beside the progress, the document still in the chain.
    with pytest.raises(ServiceUnavailable):
        document_engine_sync(document_id=uploaded.pk, final=False)
    uploaded.refresh_from_db()
    assert uploaded.status == Document.Status.PROCESSING and uploaded.step == Document.Step.ENGINE
    assert uploaded.error.startswith("Le moteur de recherche ne répond pas : les passages du document n'ont pas pu")
    assert "Nouvel essai automatique" in uploaded.error
    assert uploaded.error in selectors.document_progress(document=uploaded).text
    # The last try: a failure the clerk can retry, with its reason.
    document = document_engine_sync(document_id=uploaded.pk, final=True)
    assert document.status == Document.Status.FAILED
    assert "Le moteur de recherche ne répond pas" in document.error and "relancez le traitement" in document.error
    search_backend_get.cache_clear()


def test_the_task_retries_an_engine_down_and_its_last_try_fails_the_document(configured, uploaded, settings):
    from ingestion.services import document_embed
    from ingestion.tasks import ENGINE_RETRIES, document_engine_task

    document_process(document_id=uploaded.pk)
    document_embed(document_id=uploaded.pk)
    opensearch_backend_configure(
        settings, url=f"http://127.0.0.1:{_closed_port()}", elasticsearch=configured.url_setting == "ELASTICSEARCH_URL"
    )
    # A try before the last (called directly, Celery's retry re-raises the fault instead of scheduling the next
    # try): the document waits at its step, the reason shown beside its progress.
    with pytest.raises(ServiceUnavailable):
        document_engine_task(uploaded.pk)
    uploaded.refresh_from_db()
    assert uploaded.status == Document.Status.PROCESSING and "Nouvel essai automatique" in uploaded.error
    # The last try (the request as the broker delivers it after ENGINE_RETRIES retries): the document fails.
    document_engine_task.push_request(retries=ENGINE_RETRIES)
    try:
        document_engine_task(uploaded.pk)
    finally:
        document_engine_task.pop_request()
    uploaded.refresh_from_db()
    assert uploaded.status == Document.Status.FAILED
    assert uploaded.error.startswith("Le moteur de recherche ne répond pas") and "relancez le traitement" in uploaded.error

"""Celery tasks: one-line wrappers around the ingestion services (the queue's rules are in ingestion.queueing).

Each stage has its queue (settings.CELERY_TASK_ROUTES): « structure », « ocr », « embeddings », and « indexing »
for the separate search engine."""

from celery import shared_task

from config.faults import ServiceUnavailable
from ingestion import queueing, services

# An engine down: tried again 5 s, 10 s, 20 s… later (10 minutes apart at most, about an hour in all), as the
# engine writes of search.tasks; the last try fails the document with its reason.
ENGINE_RETRIES = 10


def _next(document_id: int, stage: str | None) -> None:
    task = {
        queueing.OCR: document_ocr_task, queueing.EMBED: document_embed_task, queueing.ENGINE: document_engine_task,
    }.get(stage)
    if task is not None:
        queueing.document_stage_send(document_id=document_id, send=lambda: task.delay(document_id))


@shared_task(bind=True, acks_late=True)
def document_process_task(self, document_id: int) -> None:
    _next(document_id, queueing.document_stage_run(document_id=document_id, stage=queueing.PROCESS, worker=self.request.hostname))


@shared_task(bind=True, acks_late=True)
def document_ocr_task(self, document_id: int) -> None:
    _next(document_id, queueing.document_stage_run(document_id=document_id, stage=queueing.OCR, worker=self.request.hostname))


@shared_task(bind=True, acks_late=True)
def document_embed_task(self, document_id: int) -> None:
    _next(document_id, queueing.document_stage_run(document_id=document_id, stage=queueing.EMBED, worker=self.request.hostname))


@shared_task(bind=True, acks_late=True, max_retries=ENGINE_RETRIES)
def document_engine_task(self, document_id: int) -> None:
    final = self.request.retries >= self.max_retries
    try:
        queueing.document_stage_run(document_id=document_id, stage=queueing.ENGINE, worker=self.request.hostname, final=final)
    except ServiceUnavailable as error:
        raise self.retry(exc=error, countdown=min(600, 5 * 2**self.request.retries)) from error


@shared_task
def documents_unsent_send_task() -> None:
    queueing.documents_unsent_send()


@shared_task
def documents_stale_fail_task() -> None:
    queueing.documents_stale_fail()


@shared_task
def trash_purge_task() -> int:
    return services.trash_purge()

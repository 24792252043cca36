"""Celery tasks: one-line wrappers around the ingestion services (the queue's rules are in ingestion.queueing).

Each stage has its queue (settings.CELERY_TASK_ROUTES): « structure », « ocr », « embeddings »."""

from celery import shared_task

from ingestion import queueing, services


def _next(document_id: int, stage: str | None) -> None:
    task = {queueing.OCR: document_ocr_task, queueing.EMBED: document_embed_task}.get(stage)
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
    queueing.document_stage_run(document_id=document_id, stage=queueing.EMBED, worker=self.request.hostname)


@shared_task
def documents_unsent_send_task() -> None:
    queueing.documents_unsent_send()


@shared_task
def documents_stale_fail_task() -> None:
    queueing.documents_stale_fail()


@shared_task
def trash_purge_task() -> int:
    return services.trash_purge()

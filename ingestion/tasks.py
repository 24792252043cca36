"""Celery tasks: one-line wrappers around the ingestion services (the queue's rules are in ingestion.queueing)."""

from celery import shared_task

from ingestion import queueing


@shared_task(bind=True, acks_late=True)
def document_process_task(self, document_id: int) -> None:
    if queueing.document_stage_run(document_id=document_id, stage=queueing.PROCESS, worker=self.request.hostname):
        document_embed_task.delay(document_id)


@shared_task(bind=True, acks_late=True)
def document_embed_task(self, document_id: int) -> None:
    queueing.document_stage_run(document_id=document_id, stage=queueing.EMBED, worker=self.request.hostname)


@shared_task
def documents_unsent_send_task() -> None:
    queueing.documents_unsent_send()


@shared_task
def documents_stale_fail_task() -> None:
    queueing.documents_stale_fail()

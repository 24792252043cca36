"""Celery tasks: one-line wrappers around the ingestion services."""

from celery import shared_task

from council.models import Document
from ingestion import services


@shared_task(acks_late=True)
def document_process_task(document_id: int) -> None:
    document = services.document_process(document_id=document_id)
    if document.status != Document.Status.FAILED:
        document_embed_task.delay(document_id)


@shared_task(acks_late=True)
def document_embed_task(document_id: int) -> None:
    services.document_embed(document_id=document_id)

"""Celery tasks: one-line wrappers around the privacy services."""

from celery import shared_task

from privacy import services


@shared_task(acks_late=True)
def document_page_images_render_task(document_id: int) -> int:
    return services.document_page_images_render(document_id=document_id)

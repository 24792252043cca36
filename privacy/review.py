"""A clerk's redaction decision carried through to everything public: pages, délibérations, passages, index, embeddings."""

from __future__ import annotations

from django.db import transaction

from council.models import Document


def document_public_text_rebuild(*, document: Document) -> bool:
    """Rebuild the public text of a processed document from its raw pages; its embeddings follow in the worker.

    A document still in the pipeline is left alone: its structuring step reads the clerk's
    decisions anyway. Returns whether the rebuild ran.
    """
    from ingestion.services import document_structure_build
    from ingestion.tasks import document_embed_task

    processed = document.status == Document.Status.READY or (
        document.status == Document.Status.PROCESSING and document.step == Document.Step.EMBEDDING
    )
    if not processed or not document.pages.exists():
        return False
    with transaction.atomic():
        document_structure_build(document=document)
        # The passages were replaced without embeddings: semantic search waits for the worker.
        Document.objects.filter(pk=document.pk).update(
            status=Document.Status.PROCESSING, step=Document.Step.EMBEDDING, error=""
        )
        transaction.on_commit(lambda: document_embed_task.delay(document.pk))
    document.refresh_from_db()
    return True

"""A clerk's redaction decision carried through to everything public: pages, délibérations, passages, index, embeddings.

The pipeline's part of the review: privacy records the decision, the pipeline parses and rebuilds with it.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from council.models import Document, Page
from council.selectors import colleagues_named
from ingestion.parsing import minutes_parse
from ingestion.services import document_structure_build
from ingestion.tasks import document_embed_task
from privacy.detection import persons_detect, replacements_build
from privacy.services import redaction_decide

# Detection numbers each private person: « [personne 3] » replaces every printed form of one person.
_PERSON_PLACEHOLDER_PREFIX = "[personne "


def person_forms(*, document: Document, surface: str) -> list[str]:
    """Every printed form detection masks for the same person as ``surface`` (« M. Jean DUPONT », « Jean DUPONT »,
    « DUPONT »), so that lifting one lifts the person; other texts stand alone."""
    pages = list(Page.objects.filter(document=document).order_by("number").values_list("raw_text", flat=True))
    if not pages:
        return [surface]
    parsed = minutes_parse(pages=pages, filename=document.original_name)
    colleagues = colleagues_named(body=document.body, day=document.seance.date if document.seance else None, exclude=document)
    replacements = replacements_build(persons_detect(pages=pages, officials=parsed.officials, colleagues=colleagues),
                                      pages=pages, titles=[item.objet for item in parsed.deliberations])
    placeholder = replacements.get(surface, "")
    if not placeholder.startswith(_PERSON_PLACEHOLDER_PREFIX):
        return [surface]
    return [surface] + sorted(form for form, other in replacements.items() if other == placeholder and form != surface)


def document_redaction_decide(*, document: Document, surface: str, decision: str, reason: str) -> tuple[list[str], bool]:
    """Record a clerk's decision on a text (and on the other forms of the same person), then rebuild the public text.

    Returns the forms decided and whether the public text was rebuilt now.
    """
    forms = person_forms(document=document, surface=surface)
    with transaction.atomic():
        for form in forms:
            redaction_decide(document=document, surface=form, decision=decision, reason=reason)
        rebuilt = document_public_text_rebuild(document=document)
    return forms, rebuilt


def document_public_text_rebuild(*, document: Document) -> bool:
    """Rebuild the public text of a processed document from its raw pages; its embeddings follow in the worker.

    A document still in the pipeline is left alone: its structuring step reads the clerk's
    decisions anyway. Returns whether the rebuild ran.
    """
    processed = document.status == Document.Status.READY or (
        document.status == Document.Status.PROCESSING and document.step in (Document.Step.EMBEDDING, Document.Step.ENGINE)
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


def documents_public_text_rebuild(*, documents: Iterable[Document]) -> int:
    """Rebuild the public text of each processed document (`document_public_text_rebuild`), after an upgrade of the
    pseudonymisation or the parser: its masks, délibérations and passages read again from its raw pages with the
    clerks' decisions kept, its embeddings in the worker. Returns how many were rebuilt (a document still in the
    pipeline is left to it: its structuring step reads the new code anyway)."""
    return sum(document_public_text_rebuild(document=document) for document in documents)

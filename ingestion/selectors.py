"""Reads for the clerk pages: documents with their processing progress, counts by status, a document's masks."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from council.models import Collectivite, Document
from privacy.models import Redaction


@dataclass(frozen=True)
class Progress:
    """What a progress bar shows; ``maximum`` 0 means an indeterminate bar."""

    value: int
    maximum: int
    text: str


def document_progress(*, document: Document) -> Progress:
    """Pages read while reading; passages embedded while embedding (counted once for a list by ``_annotated``);
    passages synchronised with a separate search engine, and why it waits when that engine does not answer."""
    if document.status == Document.Status.READY:
        return Progress(1, 1, _("terminé"))
    if document.status == Document.Status.FAILED:
        return Progress(0, 0, _("arrêté"))
    if document.step == Document.Step.ENGINE:
        total = getattr(document, "passages_total", None)
        total = document.passages.count() if total is None else total
        text = _("%(done)d passages sur %(total)d synchronisés avec le moteur de recherche") % {
            "done": document.passages_synced, "total": total,
        }
        if document.error:
            text = f"{text} — {document.error}"
        return Progress(min(document.passages_synced, total), total, text)
    if document.step == Document.Step.EMBEDDING:
        total = getattr(document, "passages_total", None)
        if total is None:
            total = document.passages.count()
            done = document.passages.filter(embedding__isnull=False).count()
        else:
            done = document.passages_embedded
        if total:
            return Progress(done, total, _("%(done)d passages sur %(total)d indexés") % {"done": done, "total": total})
    if document.pages_total:
        return Progress(
            document.pages_done,
            document.pages_total,
            _("%(done)d pages sur %(total)d lues") % {"done": document.pages_done, "total": document.pages_total},
        )
    return Progress(0, 0, _("en attente"))


def _annotated(queryset: QuerySet[Document]) -> QuerySet[Document]:
    return queryset.select_related("collectivite", "body", "seance").annotate(
        passages_total=Count("passages"),
        passages_embedded=Count("passages", filter=Q(passages__embedding__isnull=False)),
    )


def document_list(*, status: str = "", collectivite: Collectivite | None = None) -> QuerySet[Document]:
    """Every document, latest first, with what its progress bar needs; narrowed by status and collectivité."""
    documents = _annotated(Document.objects.all())
    if status:
        documents = documents.filter(status=status)
    if collectivite:
        documents = documents.filter(collectivite=collectivite)
    return documents.order_by("-created_at")


def documents_by_id(*, ids: list[int]) -> QuerySet[Document]:
    """The documents a page is following, with what their progress bars need."""
    return _annotated(Document.objects.filter(pk__in=ids))


def document_status_counts() -> list[tuple[str, int]]:
    """How many documents are in each status, every status named, in the order of their choices."""
    counts = dict(Document.objects.values_list("status").annotate(count=Count("pk")).values_list("status", "count"))
    return [(label, counts.get(value, 0)) for value, label in Document.Status.choices]


def document_get_for_clerk(*, pk: int) -> Document | None:
    """Any document, published or not, with what its progress bar needs, or None."""
    return _annotated(Document.objects.all()).filter(pk=pk).first()


def document_contents_count(*, document: Document) -> dict[str, int]:
    """What processing made of the document so far."""
    return {
        "deliberation_count": document.deliberations.count(),
        "page_count": document.pages.count(),
        "redaction_count": document.redactions.count(),
    }


@dataclass(frozen=True)
class RedactionReview:
    masked: list[Redaction]
    kept: list[Redaction]
    has_pages: bool


def document_redactions_review(*, document: Document) -> RedactionReview:
    """What is masked and what is kept in the document, each with the pages where it appears.

    Detection records pages only for what it found: a clerk's own text is looked for in the raw pages.
    """
    redactions = list(document.redactions.all())
    raw_pages = list(document.pages.order_by("number").values_list("number", "raw_text"))
    for redaction in redactions:
        if not redaction.pages:
            needle = redaction.surface.casefold()
            redaction.pages = [number for number, text in raw_pages if needle in text.casefold()]
    return RedactionReview(
        masked=[r for r in redactions if r.decision == Redaction.Decision.REDACT],
        kept=[r for r in redactions if r.decision == Redaction.Decision.KEEP],
        has_pages=bool(raw_pages),
    )

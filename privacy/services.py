"""Writes on redactions: what is pseudonymised in a document, and clerks' decisions that override detection."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from config.workers import worker_expected
from council.models import Document, Page
from privacy.detection import persons_detect, replacements_build, review_reasons
from privacy.models import Redaction
from privacy.pseudonymise import pseudonymiser_build, text_pseudonymise

logger = logging.getLogger(__name__)


@transaction.atomic
def document_pseudonymiser_build(
    *, document: Document, pages: list[str], officials: list[str], colleagues: Iterable[str] = (),
    titles: list[str] = (),
) -> Callable[[str], str]:
    """Detect persons, record what is masked and kept, and return the function that masks public text.

    ``officials`` are those the document's lists name, ``colleagues`` those of its body's other minutes of the term
    (`privacy.detection.persons_detect`); ``titles`` are the délibérations' objets as parsed: the places they name
    stay public.
    Clerks' decisions (source « clerk ») survive a new detection and win over it.
    """
    mentions = persons_detect(pages=pages, officials=officials, colleagues=colleagues)
    replacements = replacements_build(mentions, pages=pages, titles=titles)
    document_privacy_status_set(document=document, reasons=review_reasons(pages=pages, mentions=mentions))
    Redaction.objects.filter(document=document, source=Redaction.Source.AUTOMATIC).delete()
    clerk = {r.surface: r for r in Redaction.objects.filter(document=document, source=Redaction.Source.CLERK)}
    pages_by_surface: dict[str, set[int]] = defaultdict(set)
    first_mention = {}
    for mention in mentions:
        pages_by_surface[mention.surface].add(mention.page)
        first_mention.setdefault(mention.surface, mention)
    automatic = []
    for surface, mention in first_mention.items():
        if surface in clerk:
            continue
        masked = surface in replacements
        automatic.append(
            Redaction(
                document=document,
                surface=surface[:500],
                kind=_redaction_kind(replacements.get(surface, "")),
                decision=Redaction.Decision.REDACT if masked else Redaction.Decision.KEEP,
                source=Redaction.Source.AUTOMATIC,
                reason=mention.reason[:300],
                placeholder=replacements.get(surface, ""),
                pages=sorted(pages_by_surface[surface]),
            )
        )
    Redaction.objects.bulk_create(automatic, ignore_conflicts=True)
    for surface, decision in clerk.items():
        if decision.decision == Redaction.Decision.KEEP:
            replacements.pop(surface, None)
        else:
            replacements[surface] = decision.placeholder or "[personne masquée]"
    return pseudonymiser_build(replacements)


def document_text_mask(*, document: Document, text: str) -> str:
    """A text about the document (a clerk's correction of an objet) masked as its pages are: what is decided masked
    in the document is masked in it too."""
    replacements = {
        surface: placeholder
        for surface, placeholder in Redaction.objects.filter(document=document, decision=Redaction.Decision.REDACT)
        .exclude(placeholder="").values_list("surface", "placeholder")
    }
    return text_pseudonymise(text=text, replacements=replacements) if replacements else text


def _redaction_kind(placeholder: str) -> str:
    for kind, marker in (
        (Redaction.Kind.ADDRESS, "[adresse"),
        (Redaction.Kind.EMAIL, "[courriel"),
        (Redaction.Kind.PHONE, "[téléphone"),
    ):
        if placeholder.startswith(marker):
            return kind
    return Redaction.Kind.PERSON


def redaction_decide(*, document: Document, surface: str, decision: str, reason: str) -> Redaction:
    """A clerk masks or keeps a text in a document; the caller then rebuilds the document's public text."""
    redaction, _ = Redaction.objects.update_or_create(
        document=document,
        surface=surface.strip()[:500],
        defaults={
            "decision": decision,
            "source": Redaction.Source.CLERK,
            "reason": reason[:300],
            "placeholder": "[personne masquée]" if decision == Redaction.Decision.REDACT else "",
        },
    )
    return redaction


def document_privacy_status_set(*, document: Document, reasons: list[str]) -> None:
    """Record why the document must be read before publication; a clerk's review stands until new doubts appear."""
    if document.privacy_status == Document.PrivacyStatus.REVIEWED and set(reasons) <= set(document.privacy_reasons):
        return
    document.privacy_status = Document.PrivacyStatus.NEEDS_REVIEW if reasons else Document.PrivacyStatus.CLEAR
    document.privacy_reasons = reasons
    Document.objects.filter(pk=document.pk).update(privacy_status=document.privacy_status, privacy_reasons=reasons)


def mask_unplaced_reason(*, page_number: int) -> str:
    """The doubt recorded for a page whose masks cannot be placed on its image (the same words wherever found)."""
    return gettext("masques non localisés sur l'image de la page %(number)s") % {"number": page_number}


def document_masks_placement_check(*, document: Document) -> dict[int, list[str]]:
    """At ingestion: flag each page whose masked texts cannot be placed on its image, before anyone publishes.

    Such a page's public image is drawn from its masked text instead; the clerk is told which pages.
    Returns the unplaced texts per page.
    """
    from privacy.rendering import document_masks_unplaced

    unplaced = document_masks_unplaced(document=document)
    for number in unplaced:
        document_privacy_flag(document=document, reason=mask_unplaced_reason(page_number=number))
    return unplaced


def document_privacy_flag(*, document: Document, reason: str) -> None:
    """A doubt found after detection (a mask not placed on a page image): the document waits for a clerk again,
    unless a clerk already reviewed it knowing this very doubt."""
    reasons = list(document.privacy_reasons)
    if document.privacy_status == Document.PrivacyStatus.REVIEWED and reason in reasons:
        return
    if reason not in reasons:
        reasons.append(reason)
    document.privacy_status = Document.PrivacyStatus.NEEDS_REVIEW
    document.privacy_reasons = reasons
    Document.objects.filter(pk=document.pk).update(privacy_status=document.privacy_status, privacy_reasons=reasons)


def document_privacy_review_mark(*, document: Document, reviewer: str) -> None:
    """Someone has read the document's masks and reasons and says so: it may be published.

    ``reviewer`` is recorded with the time: a clerk's login from the anonymisation page, or the name
    given to `ingest --privacy-reviewed` for a corpus reviewed before it was loaded.
    """
    reviewer = reviewer.strip()
    if not reviewer:
        raise ValueError("a review is declared by someone: reviewer is required")
    document.privacy_status = Document.PrivacyStatus.REVIEWED
    document.privacy_reviewed_by = reviewer[:150]
    document.privacy_reviewed_at = timezone.now()
    Document.objects.filter(pk=document.pk).update(
        privacy_status=document.privacy_status,
        privacy_reviewed_by=document.privacy_reviewed_by,
        privacy_reviewed_at=document.privacy_reviewed_at,
    )


def document_page_images_render(*, document_id: int) -> int:
    """Draw and keep the public image of every page of a published document, so that no reader waits for the
    first drawing (a scanned page holding a masked text is read again by OCR: about two seconds). A page whose
    masks cannot be placed is left to the page's request, which serves its masked text and tells the clerk.
    Returns how many images are ready."""
    from privacy.rendering import PageRenderUnavailable, page_image_render

    document = Document.objects.filter(pk=document_id, published=True).first()
    if document is None:
        return 0
    ready = 0
    for number in Page.objects.filter(document=document).values_list("number", flat=True):
        try:
            page_image_render(document=document, page_number=number)
        except (PageRenderUnavailable, Page.DoesNotExist, FileNotFoundError):
            continue
        ready += 1
    return ready


def document_page_images_send(*, document_id: int) -> None:
    """Queue the drawing of a published document's page images; a broker out of reach only leaves them to be drawn
    on the first request, as does a process that expects no worker (`config.workers`)."""
    from privacy.tasks import document_page_images_render_task

    if not worker_expected():
        return
    try:
        document_page_images_render_task.delay(document_id)
    except Exception:  # broker down or unreachable
        logger.warning("document %s: page images not queued, drawn on request", document_id, exc_info=True)

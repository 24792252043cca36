"""The queue around the ingestion services: one worker per document, a sign of life, nothing stuck.

A document is worked on under a lease (`Document.lease`, "worker node:random") renewed by a heartbeat
thread. A message for a document already ready, failed, or held by a live worker is dropped: a late or
duplicated message (Redis hands an unacknowledged one to another worker after its visibility timeout)
never processes a document twice. A document whose worker died is given back when that worker restarts,
or turned into a failure a clerk can retry once no sign of life came for DOCUMENT_STALE_MINUTES. A
document whose message could not be sent (broker down) waits « en attente d'envoi » and is sent again
by the beat task.
"""

from __future__ import annotations

import contextlib
import datetime
import logging
import threading
import uuid
from collections.abc import Callable, Iterator

from django.conf import settings
from django.db import close_old_connections, connection
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from council.models import Document
from ingestion import services

logger = logging.getLogger(__name__)

PROCESS, OCR, EMBED, ENGINE = "process", "ocr", "embed", "engine"


class RetryRefused(Exception):
    """A retry that would start a second worker on a live document; the message is for the clerk."""


def _lease_expiry() -> datetime.datetime:
    return timezone.now() - datetime.timedelta(seconds=settings.DOCUMENT_LEASE_SECONDS)


def document_lease_claim(*, document_id: int, worker: str) -> str | None:
    """Take the document for this worker unless a live one holds it; the lease token, or None."""
    token = f"{worker or 'local'}:{uuid.uuid4().hex}"
    claimed = (
        Document.objects.filter(pk=document_id)
        .filter(Q(lease="") | Q(heartbeat_at__isnull=True) | Q(heartbeat_at__lt=_lease_expiry()))
        .update(lease=token, heartbeat_at=timezone.now())
    )
    return token if claimed else None


def document_lease_release(*, document_id: int, token: str) -> None:
    Document.objects.filter(pk=document_id, lease=token).update(lease="")


@contextlib.contextmanager
def _heartbeat(*, document_id: int, token: str) -> Iterator[None]:
    """Renew the lease from a thread while the service runs (a single step can last many minutes)."""
    stop = threading.Event()
    interval = max(settings.DOCUMENT_LEASE_SECONDS / 3, 0.5)

    def beat() -> None:
        try:
            while not stop.wait(interval):
                try:
                    Document.objects.filter(pk=document_id, lease=token).update(heartbeat_at=timezone.now())
                except Exception:  # the database may be down for a while: keep trying
                    logger.warning("document %s: heartbeat not recorded", document_id, exc_info=True)
                    close_old_connections()
        finally:
            connection.close()

    thread = threading.Thread(target=beat, name=f"heartbeat-{document_id}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


def document_stage_run(*, document_id: int, stage: str, worker: str, final: bool = True) -> str | None:
    """Run one stage of the document under its lease; the stage that should follow, if any.

    Each stage has its own queue (settings.CELERY_TASK_ROUTES), so a long OCR or embedding never holds the
    documents behind it in another: `process` (text layer, structure, passages) runs for a pending document or
    one whose worker died, and stops at the OCR step when pages have no text; `ocr` reads those pages, then
    structures; `embed` runs for a document at its embedding step; `engine` (only with a separate search engine)
    synchronises its passages there, and `final` says whether an engine that does not answer fails the document
    or raises ServiceUnavailable to be tried again. A message for a document already past its stage only asks for
    the next stage again.
    """
    document = Document.objects.filter(pk=document_id).first()
    if document is None or document.status in (Document.Status.READY, Document.Status.FAILED):
        logger.info("document %s: %s message dropped (document %s)", document_id, stage, document and document.status)
        return None
    token = document_lease_claim(document_id=document_id, worker=worker)
    if token is None:
        logger.info("document %s: %s message dropped (another worker holds it)", document_id, stage)
        return None
    try:
        document.refresh_from_db()
        with _heartbeat(document_id=document_id, token=token):
            if document.status not in (Document.Status.PENDING, Document.Status.PROCESSING):
                return None
            waiting = document.step if document.status == Document.Status.PROCESSING else None
            if waiting == Document.Step.ENGINE:
                if stage != ENGINE:
                    return ENGINE
                document = services.document_engine_sync(document_id=document_id, final=final)
                if document.status == Document.Status.READY:
                    logger.info("document %s ready", document_id)
                return None
            if waiting == Document.Step.EMBEDDING:
                if stage != EMBED:
                    return EMBED
                document = services.document_embed(document_id=document_id)
                if document.status == Document.Status.READY:
                    logger.info("document %s ready", document_id)
                return ENGINE if document.step == Document.Step.ENGINE else None
            if stage in (EMBED, ENGINE):
                return None
            if stage == PROCESS and waiting == Document.Step.OCR:
                return OCR
            document = services.document_process(document_id=document_id, ocr=stage == OCR)
            if document.status == Document.Status.FAILED:
                return None
            return OCR if document.step == Document.Step.OCR else EMBED
    finally:
        try:
            document_lease_release(document_id=document_id, token=token)
        except Exception:  # the database is down: the lease expires by itself
            logger.warning("document %s: lease not released", document_id, exc_info=True)


def document_stage_send(*, document_id: int, send: Callable[[], object]) -> None:
    """Send the message of a document's next stage; when the broker cannot take it, the document waits « en
    attente d'envoi » and the beat task sends it again from its first stage (what is done is kept)."""
    try:
        send()
    except Exception:  # broker down or unreachable
        logger.warning("document %s: next stage could not be queued, left unsent", document_id, exc_info=True)
        Document.objects.filter(pk=document_id, status=Document.Status.PROCESSING).update(
            status=Document.Status.PENDING, step=Document.Step.UNSENT
        )


def documents_unsent_send() -> int:
    """Send again the documents whose message could not be sent; stops at the first failure. How many went."""
    sent = 0
    for document_id in Document.objects.filter(
        status=Document.Status.PENDING, step=Document.Step.UNSENT
    ).values_list("pk", flat=True):
        Document.objects.filter(pk=document_id, step=Document.Step.UNSENT).update(step=Document.Step.QUEUED)
        if not services.document_send(document_id=document_id):
            break
        sent += 1
    if sent:
        logger.info("%d unsent document(s) queued", sent)
    return sent


def documents_stale_fail() -> int:
    """Documents held by a worker that gave no sign of life for DOCUMENT_STALE_MINUTES become failures a clerk
    can retry. One waiting between stages holds no lease: its message is in the broker, in its stage's queue,
    however long that queue."""
    limit = timezone.now() - datetime.timedelta(minutes=settings.DOCUMENT_STALE_MINUTES)
    stale = Document.objects.filter(status=Document.Status.PROCESSING).exclude(lease="").filter(
        Q(heartbeat_at__lt=limit) | Q(heartbeat_at__isnull=True, updated_at__lt=limit)
    )
    count = 0
    for document in stale:
        reason = _(
            "Le traitement s'est interrompu à l'étape « %(step)s » : le processus de traitement n'a plus donné "
            "signe de vie depuis %(minutes)d minutes (arrêté ou redémarré). Le fichier original est intact : "
            "vous pouvez relancer le traitement."
        ) % {"step": document.get_step_display(), "minutes": settings.DOCUMENT_STALE_MINUTES}
        # Only if still stale at this instant: a worker may have come back meanwhile.
        updated = Document.objects.filter(pk=document.pk, status=Document.Status.PROCESSING).exclude(lease="").filter(
            Q(heartbeat_at__lt=limit) | Q(heartbeat_at__isnull=True)
        ).update(status=Document.Status.FAILED, error=reason, lease="")
        if updated:
            logger.warning("document %s: no heartbeat since %s, marked failed", document.pk, document.heartbeat_at)
            count += updated
    return count


def document_retry(*, document: Document) -> Document:
    """Put a document back in the queue from any state but ready; refused while a live worker holds it."""
    document.refresh_from_db()
    if document.status == Document.Status.READY:
        raise RetryRefused(_("« %(document)s » est déjà prêt : rien à relancer.") % {"document": document})
    if (
        document.status == Document.Status.PROCESSING
        and document.lease
        and document.heartbeat_at
        and document.heartbeat_at >= _lease_expiry()
    ):
        raise RetryRefused(
            _(
                "« %(document)s » est en cours de traitement (dernier signe de vie il y a %(seconds)d s) : "
                "il pourra être relancé s'il n'en donne plus pendant %(lease)d s."
            )
            % {
                "document": document,
                "seconds": (timezone.now() - document.heartbeat_at).total_seconds(),
                "lease": settings.DOCUMENT_LEASE_SECONDS,
            }
        )
    services.document_retry(document=document)
    Document.objects.filter(pk=document.pk).update(lease="", heartbeat_at=None)
    services.document_enqueue(document=document)
    return document


def documents_interrupted_requeue(*, worker: str, all_interrupted: bool) -> int:
    """At a worker's start, queue again the documents it was processing when it died.

    The lease names its worker node: a worker starting under that name cannot be the one still
    working on them. `all_interrupted` (the embedded broker: one local worker, and a message once
    delivered is gone) takes every document « en cours ».
    """
    interrupted = Document.objects.filter(status=Document.Status.PROCESSING)
    if not all_interrupted:
        interrupted = interrupted.filter(lease__startswith=f"{worker}:")
    ids = list(interrupted.values_list("pk", flat=True))
    Document.objects.filter(pk__in=ids).update(lease="")
    for document_id in ids:
        logger.info("document %s: interrupted by a stopped worker, queued again", document_id)
        services.document_send(document_id=document_id)
    return len(ids)

"""Ingestion of one document: upload, pages (text layer or OCR), structure, pseudonymisation, passages, embeddings.

Every step can run again: derived rows are replaced in one transaction, pages already
read are kept, so a worker killed mid-document and restarted leaves no duplicate.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import logging
import os
import shutil
import tempfile
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from config.faults import ServiceUnavailable
from council.matieres import matiere_classify, matiere_read, theme_model
from council.models import Body, Deliberation, Document, Intervention, Page
from council.selectors import colleagues_named
from council.services import deliberation_correct, deliberations_replace, seance_deliberations_link, seance_get_or_create
from ingestion.cleaning import pages_clean
from ingestion.extraction import PdfRejected, pdf_check, pdf_pages_extract
from pdf.ocr import OcrUnavailable, pages_ocr
from ingestion.parsing import minutes_parse
from ingestion.parsing.officials import officials_find
from privacy.services import (
    document_masks_placement_check,
    document_page_images_send,
    document_pseudonymiser_build,
    document_text_mask,
)
from search.embeddings import embedder_get
from search.passages import passages_draft, segments_cover
from search.services import (
    passages_acts_detach,
    passages_deliberation_copy,
    passages_document_delete,
    passages_document_sync,
    passages_embed,
    passages_engine_document_sync,
    passages_replace,
    search_engine_separate,
)

logger = logging.getLogger(__name__)

READ_CHUNK = 1024 * 1024


class UploadRejected(Exception):
    """A file refused before anything is stored; the message is meant for the clerk."""


class PublicationRefused(Exception):
    """The document may not be published yet; the message is French, for the clerk."""


class MetadataRefused(Exception):
    """A clerk's correction of a document's metadata that cannot be made; the message is French, for the clerk."""


class OriginalRefused(Exception):
    """The original file may not be given to the public yet; the message is French, for the clerk."""


def _sha256_copy(source: BinaryIO, destination: BinaryIO, *, limit: int) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    while chunk := source.read(READ_CHUNK):
        size += len(chunk)
        if size > limit:
            raise UploadRejected(
                _("Fichier trop volumineux : la limite est de %(limit)d Mo.") % {"limit": limit // (1024 * 1024)}
            )
        digest.update(chunk)
        destination.write(chunk)
    return digest.hexdigest(), size


ARCHIVE_SUFFIX = ".zip"


def archive_members(*, source: BinaryIO) -> Iterator[tuple[str, BinaryIO | None, str]]:
    """The files of a zip archive sent by a clerk, one by one: (name, stream, "") for a PDF, (name, None, French
    reason) for what is skipped. A member is read through `document_upload`, whose size limit holds there too
    (a small archive that inflates to gigabytes stops at the limit); at most `DATA_UPLOAD_MAX_NUMBER_FILES` members."""
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError) as error:
        raise UploadRejected(_("L'archive ZIP est illisible.")) from error
    with archive:
        members = [m for m in archive.infolist() if not m.is_dir() and not Path(m.filename).name.startswith(".")
                   and "__MACOSX" not in m.filename]
        if len(members) > settings.DATA_UPLOAD_MAX_NUMBER_FILES:
            raise UploadRejected(_("Trop de fichiers dans l'archive : %(limit)d au plus.")
                                 % {"limit": settings.DATA_UPLOAD_MAX_NUMBER_FILES})
        for member in members:
            name = Path(member.filename).name
            if not name.lower().endswith(".pdf"):
                yield name, None, _("ce n'est pas un fichier PDF.")
                continue
            if member.flag_bits & 0x1:
                yield name, None, _("le fichier est chiffré dans l'archive.")
                continue
            with archive.open(member) as stream:
                yield name, stream, ""


def document_upload(
    *,
    source: BinaryIO,
    original_name: str,
    body: Body,
    source_path: str = "",
    declared_date=None,
    uploaded_by=None,
) -> tuple[Document, bool]:
    """Store the original byte for byte and create its Document; the same bytes twice give the same Document."""
    originals = Path(settings.MEDIA_ROOT) / "originals"
    originals.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=originals, delete=False, suffix=".part") as temporary:
        try:
            sha256, size = _sha256_copy(source, temporary, limit=settings.UPLOAD_MAX_BYTES)
        except BaseException:
            os.unlink(temporary.name)
            raise
    if size == 0:
        os.unlink(temporary.name)
        raise UploadRejected(_("Le fichier est vide."))
    try:  # refused now, with its reason, rather than accepted and failed later in the worker
        pdf_check(path=Path(temporary.name), max_pages=settings.INGEST_MAX_PAGES)
    except PdfRejected as error:
        os.unlink(temporary.name)
        raise UploadRejected(str(error)) from error
    existing = Document.objects.filter(sha256=sha256).first()
    if existing:
        os.unlink(temporary.name)
        if source_path and not existing.source_path:
            existing.source_path = source_path
            existing.save(update_fields=["source_path", "updated_at"])
        return existing, False
    relative = f"originals/{sha256[:2]}/{sha256}.pdf"
    final = Path(settings.MEDIA_ROOT) / relative
    final.parent.mkdir(parents=True, exist_ok=True)
    os.replace(temporary.name, final)
    document, created = Document.objects.get_or_create(
        sha256=sha256,
        defaults={
            "file": relative,
            "original_name": original_name[:500],
            "source_path": source_path,
            "size_bytes": size,
            "collectivite": body.collectivite,
            "body": body,
            "seance_date_declared": declared_date,
            "uploaded_by": uploaded_by,
            "title": Path(original_name).stem[:500],
        },
    )
    return document, created


def _progress(document: Document, **fields) -> None:
    for name, value in fields.items():
        setattr(document, name, value)
    Document.objects.filter(pk=document.pk).update(**fields)


def document_fail(*, document: Document, reason: str) -> None:
    """Record a failure a clerk can read; the original file is left untouched."""
    logger.warning("document %s failed: %s", document.pk, reason)
    _progress(document, status=Document.Status.FAILED, error=reason)


def document_process(*, document_id: int, ocr: bool = True) -> Document:
    """Every step up to keyword-searchable; on success the document waits for its embeddings.

    With `ocr` False (the structure queue's worker), a document with scanned pages stops after its text layer,
    at the OCR step, for the OCR queue's worker: hours of OCR never hold the documents that need none.
    Failures end as a status with a reason, never as an exception: the worker goes on.
    """
    document = Document.objects.get(pk=document_id)
    _progress(document, status=Document.Status.PROCESSING, error="")
    step = Document.Step.EXTRACTING
    try:
        if not document_pages_read(document=document, ocr=ocr):
            _progress(document, step=Document.Step.OCR)
            document.refresh_from_db()
            return document
        step = Document.Step.STRUCTURING
        document_structure_build(document=document)
        _progress(document, step=Document.Step.EMBEDDING)
    except (PdfRejected, OcrUnavailable) as error:
        document_fail(document=document, reason=str(error))
    except Exception as error:  # the worker must survive any document
        logger.exception("document %s: unexpected error", document.pk)
        document_fail(
            document=document,
            reason=_("Erreur inattendue pendant l'étape « %(step)s » : %(error)s")
            % {"step": Document.Step(step).label, "error": f"{type(error).__name__}: {error}"[:500]},
        )
    document.refresh_from_db()
    return document


def document_pages_read(*, document: Document, ocr: bool = True) -> bool:
    """Text per page from the text layer, OCR where there is none (unless `ocr` is False); whether every page
    has its text now.

    The text layer is read again each time (it is fast, and cleaning may have improved);
    pages already OCR-ed are kept, so a restarted worker resumes where it stopped. The public
    text stays empty until pseudonymisation has run on it.
    """
    _progress(document, step=Document.Step.EXTRACTING)
    path = Path(document.file.path)
    extracted = pdf_pages_extract(path=path, max_pages=settings.INGEST_MAX_PAGES)
    cleaned = pages_clean([page.text for page in extracted])
    total = len(extracted)
    _progress(document, page_count=total, pages_total=total, pages_done=0)
    ocr_done = set(
        Page.objects.filter(document=document, origin=Page.Origin.OCR).values_list("number", flat=True)
    )
    with transaction.atomic():
        Page.objects.filter(document=document).exclude(number__in=ocr_done).delete()
        text_pages = Page.objects.bulk_create(
            [
                Page(document=document, number=page.number, raw_text=text, text="", origin=Page.Origin.TEXT_LAYER)
                for page, text in zip(extracted, cleaned, strict=True)
                if page.has_text_layer and page.number not in ocr_done
            ],
            batch_size=500,
        )
    done = ocr_done | {page.number for page in text_pages}
    _progress(document, pages_done=len(done))
    scanned = [page for page in extracted if page.number not in done]
    if scanned and not ocr:
        return False
    if scanned:
        _progress(document, step=Document.Step.OCR)
    batch_size = os.cpu_count() or 1
    for start in range(0, len(scanned), batch_size):
        # A few pages at a time (one tesseract per core), saved at once.
        numbers = [page.number for page in scanned[start : start + batch_size]]
        for number, text in pages_ocr(path=path, page_numbers=numbers).items():
            Page.objects.update_or_create(
                document=document,
                number=number,
                defaults={"raw_text": pages_clean([text])[0], "text": "", "origin": Page.Origin.OCR},
            )
        done.update(numbers)
        _progress(document, pages_done=len(done))
    return True


def document_structure_build(*, document: Document) -> None:
    """Séance, délibérations, speaker turns and passages, pseudonymised, from the stored raw pages."""
    _progress(document, step=Document.Step.STRUCTURING)
    pages = list(Page.objects.filter(document=document).order_by("number"))
    raw = [page.raw_text for page in pages]
    parsed = minutes_parse(pages=raw, filename=document.original_name)
    drafts = passages_draft(
        pages=raw,
        segments=segments_cover(
            page_lengths=[len(text) for text in raw],
            deliberation_spans=[(item.start, item.end) for item in parsed.deliberations],
        ),
    )
    matieres = _matieres_read([item.objet for item in parsed.deliberations])
    _progress(document, step=Document.Step.PSEUDONYMISING)
    seance_date = document.seance_date_declared or parsed.seance_date
    # One transaction: what was masked (the clerk's list) and the public text it produced change together.
    with transaction.atomic():
        pseudonymise = document_pseudonymiser_build(
            document=document, pages=raw, officials=parsed.officials,
            colleagues=colleagues_named(body=document.body, day=seance_date, exclude=document),
            titles=[item.objet for item in parsed.deliberations],
        )
        _progress(document, step=Document.Step.INDEXING)
        previous_seance = document.seance
        document.seance = seance_get_or_create(body=document.body, date=seance_date) if seance_date else None
        document.kind = parsed.document_kind
        document.presiding = pseudonymise(parsed.presiding)[:200]
        document.officials = parsed.officials
        document.save(update_fields=["seance", "kind", "presiding", "officials", "updated_at"])
        for page in pages:
            page.text = pseudonymise(page.raw_text)
        Page.objects.bulk_update(pages, ["text"], batch_size=500)
        Intervention.objects.filter(document=document).delete()
        passages_acts_detach(document=document)
        deliberations = deliberations_replace(
            document=document,
            drafts=[
                Deliberation(
                    seance=document.seance,
                    document=document,
                    position=position,
                    number=item.number[:100],
                    objet=pseudonymise(item.objet),
                    rapporteur=pseudonymise(item.rapporteur)[:300],
                    votes_for=item.vote.votes_for,
                    votes_against=item.vote.votes_against,
                    votes_abstention=item.vote.votes_abstention,
                    names_for=[pseudonymise(name) for name in item.vote.names_for],
                    names_against=[pseudonymise(name) for name in item.vote.names_against],
                    names_abstention=[pseudonymise(name) for name in item.vote.names_abstention],
                    unanimous=item.vote.unanimous,
                    outcome=item.vote.outcome,
                    matiere=matiere,
                    page_start=item.page_start,
                    page_end=item.page_end,
                )
                for position, (item, matiere) in enumerate(zip(parsed.deliberations, matieres))
            ],
        )
        # The same act printed in another document of the séance is one délibération (the first document's).
        for seance in {previous_seance, document.seance} - {None}:
            seance_deliberations_link(seance=seance)
        Intervention.objects.bulk_create(
            [
                Intervention(
                    document=document,
                    deliberation=_deliberation_at(parsed.deliberations, deliberations, turn.start),
                    position=position,
                    speaker=pseudonymise(turn.speaker)[:300],
                    text=pseudonymise(turn.text),
                    page_start=turn.start.page,
                    page_end=max(turn.start.page, turn.end.page if turn.end.offset else turn.end.page - 1),
                )
                for position, turn in enumerate(parsed.interventions)
            ]
        )
        for draft in drafts:
            draft.text = pseudonymise(draft.text)
        passages_replace(
            document=document,
            drafts=drafts,
            deliberations=deliberations,
            document_heading=document_heading(document=document),
        )
    # Whether each mask can be placed on its page image is known now, not when the public first asks.
    document_masks_placement_check(document=document)


def _deliberation_at(parsed_items, saved: list[Deliberation], position) -> Deliberation | None:
    for item, deliberation in zip(parsed_items, saved, strict=True):
        if item.start <= position < item.end:
            return deliberation
    return None


def document_heading(*, document: Document) -> str:
    """How a document is named where no délibération gives context: « Procès-verbal, séance du 15/05/2024 »."""
    label = Document.Kind(document.kind).label
    label = label[:1].upper() + label[1:]
    if document.seance:
        return f"{label}, {document.body.name}, séance du {document.seance.date:%d/%m/%Y}"
    return f"{label} {document.title}"


def document_embed(*, document_id: int) -> Document:
    """Semantic indexing, the slow step; the document is already keyword-searchable before it."""
    document = Document.objects.get(pk=document_id)
    if document.status == Document.Status.FAILED:
        return document
    try:
        # Progress is read from the passages themselves (how many have an embedding).
        passages_embed(document=document)
    except Exception as error:  # the worker must survive any document
        logger.exception("document %s: embedding failed", document.pk)
        document_fail(
            document=document,
            reason=_("Erreur pendant l'indexation sémantique : %(error)s") % {"error": f"{type(error).__name__}: {error}"[:500]},
        )
        return document
    if search_engine_separate():
        # The document is ready once the separate search engine holds its passages as PostgreSQL does.
        _progress(document, step=Document.Step.ENGINE, passages_synced=0)
        return document
    _progress(document, step=Document.Step.DONE, status=Document.Status.READY)
    return document


def document_engine_sync(*, document_id: int, final: bool = True) -> Document:
    """The last step with a separate search engine (OpenSearch): the document's passages synchronised there in
    batches (published ones sent, the others removed), the count kept for the clerk's progress bar.

    An engine that does not answer fails the document with its reason when `final`; otherwise the reason is
    shown beside the progress and ServiceUnavailable is raised again for the task to retry later.
    """
    document = Document.objects.get(pk=document_id)
    if document.status == Document.Status.FAILED:
        return document
    _progress(document, passages_synced=0)
    try:
        passages_engine_document_sync(
            document=document, progress=lambda done, total: _progress(document, passages_synced=done)
        )
    except ServiceUnavailable as error:
        reason = _(
            "Le moteur de recherche ne répond pas : les passages du document n'ont pas pu y être envoyés (%(error)s)."
        ) % {"error": str(error)[:300]}
        if not final:
            _progress(document, error=" ".join([reason, _("Nouvel essai automatique dans quelques minutes.")]))
            raise
        document_fail(
            document=document,
            reason=f"{reason} "
            + _("Le texte et l'indexation sémantique sont conservés : relancez le traitement quand le moteur répondra."),
        )
        return document
    except Exception as error:  # the worker must survive any document
        logger.exception("document %s: engine synchronisation failed", document.pk)
        document_fail(
            document=document,
            reason=_("Erreur pendant la synchronisation avec le moteur de recherche : %(error)s")
            % {"error": f"{type(error).__name__}: {error}"[:500]},
        )
        return document
    _progress(document, step=Document.Step.DONE, status=Document.Status.READY, error="")
    return document


def document_ingest(*, document_id: int) -> Document:
    """Every stage in this process (the `--eager` path and the tests)."""
    document = document_process(document_id=document_id)
    if document.status == Document.Status.FAILED:
        return document
    document = document_embed(document_id=document_id)
    if document.step != Document.Step.ENGINE or document.status == Document.Status.FAILED:
        return document
    return document_engine_sync(document_id=document_id)


def document_retry(*, document: Document) -> Document:
    """Put a failed document back in the queue; its original was never touched."""
    _progress(
        document, status=Document.Status.PENDING, step=Document.Step.QUEUED, error="", pages_done=0, passages_synced=0
    )
    return document


def document_send(*, document_id: int) -> bool:
    """Hand the document to the broker now; when it cannot be reached the document waits « en attente d'envoi »
    (the beat task of `ingestion.queueing` sends it again) and False is returned: an upload never fails on it."""
    from ingestion.tasks import document_process_task

    try:
        document_process_task.delay(document_id)
        return True
    except Exception:  # broker down or unreachable
        logger.warning("document %s: could not be queued, left unsent", document_id, exc_info=True)
        try:
            Document.objects.filter(pk=document_id, status=Document.Status.PENDING).update(step=Document.Step.UNSENT)
        except Exception:
            logger.exception("document %s: could not record that it is unsent", document_id)
        return False


@transaction.atomic
def document_receive(
    *, source: BinaryIO, original_name: str, body: Body, declared_date=None, uploaded_by=None
) -> tuple[Document, bool]:
    """A clerk's upload: stored (`document_upload`) and, if new, queued once committed; raises UploadRejected."""
    document, created = document_upload(
        source=source, original_name=original_name, body=body, declared_date=declared_date, uploaded_by=uploaded_by
    )
    if created:
        document_enqueue(document=document)
    return document, created


def document_enqueue(*, document: Document) -> None:
    """Queue the document for the workers once the upload is committed."""
    transaction.on_commit(lambda: document_send(document_id=document.pk))


@transaction.atomic
def document_publish(*, document: Document, published: bool) -> Document:
    """Publish or withdraw a document; its passages follow at once, so search never lags behind.

    Every door (clerk page, admin action, `ingest --publish`) comes here. Raises PublicationRefused for a
    document whose processing has not finished, or whose pseudonymisation a clerk must review first.
    """
    if published and document.status != Document.Status.READY:
        raise PublicationRefused(
            _("« %(document)s » ne peut être publié qu'une fois son traitement terminé.") % {"document": document}
        )
    if published and document.privacy_status == Document.PrivacyStatus.NEEDS_REVIEW:
        raise PublicationRefused(
            _("« %(document)s » doit être relu avant publication : %(reasons)s")
            % {"document": document, "reasons": "; ".join(document.privacy_reasons) or _("pseudonymisation incertaine")}
        )
    document.published = published
    update = ["published", "updated_at"]
    if not published and document.personal_data_free:
        # A withdrawn document takes its original with it.
        document.personal_data_free = False
        update.append("personal_data_free")
    document.save(update_fields=update)
    passages_document_sync(document=document)
    if published:
        transaction.on_commit(lambda: document_page_images_send(document_id=document.pk))
    return document


def document_delete(*, document: Document, deleted_by: str) -> Path:
    """Delete a document and all that was read from it (pages, délibérations, speaker turns, passages and their copy in a
    search engine); its original goes to the trash with a note of what it was, for TRASH_RETENTION_DAYS days.

    A bad upload or a wrong file must not stay in the portal; the legal record must not vanish by one click either.
    Returns the original's place in the trash.
    """
    trash = Path(settings.MEDIA_ROOT) / "trash" / timezone.now().strftime("%Y-%m-%d")
    trash.mkdir(parents=True, exist_ok=True)
    note = {
        "original_name": document.original_name,
        "sha256": document.sha256,
        "collectivite": str(document.collectivite),
        "body": document.body.name if document.body_id else "",
        "seance_date": document.seance.date.isoformat() if document.seance else None,
        "published": document.published,
        "deleted_by": deleted_by,
        "deleted_at": timezone.now().isoformat(),
    }
    original = Path(document.file.path)
    with transaction.atomic():
        seance = document.seance
        passages_document_delete(document=document)
        document.delete()
        if seance is not None:
            # Its acts printed in other documents of the séance stand alone again, or with each other.
            seance_deliberations_link(seance=seance)
    # The rows are gone for good now; the file follows (were the move to fail, it stays among the originals).
    target = trash / f"{note['sha256']}.pdf"
    if original.exists():
        os.replace(original, target)
    (trash / f"{note['sha256']}.json").write_text(json.dumps(note, ensure_ascii=False, indent=1), encoding="utf-8")
    logger.info("document %s deleted by %s, original in %s", note["original_name"], deleted_by, target)
    return target


def trash_purge(*, now=None) -> int:
    """Remove the originals deleted more than TRASH_RETENTION_DAYS days ago; how many."""
    limit = (now or timezone.now()) - datetime.timedelta(days=settings.TRASH_RETENTION_DAYS)
    removed = 0
    for day in sorted((Path(settings.MEDIA_ROOT) / "trash").glob("????-??-??")):
        try:
            date = datetime.date.fromisoformat(day.name)
        except ValueError:
            continue
        if date < limit.date():
            removed += len(list(day.glob("*.pdf")))
            shutil.rmtree(day)
    return removed


def document_original_release(*, document: Document, released: bool) -> Document:
    """Give the public the original PDF, byte for byte (acts are published in full, CGCT R2131-1), or stop it.

    The original holds in clear every name the public text masks: it goes out only for a published document whose
    anonymisation a clerk has read and declared reviewed, and the clerk who releases it answers for that.
    Every door (clerk page, admin action) comes here.
    """
    if released and not document.published:
        raise OriginalRefused(
            _("L'original de « %(document)s » ne peut être diffusé qu'une fois le document publié.") % {"document": document}
        )
    if released and document.privacy_reviewed_at is None:
        raise OriginalRefused(
            _("L'original de « %(document)s » ne peut être diffusé qu'après la relecture de son anonymisation : "
              "il contient en clair les noms que le texte public masque.") % {"document": document}
        )
    document.personal_data_free = released
    document.save(update_fields=["personal_data_free", "updated_at"])
    return document


@transaction.atomic
def documents_metadata_sync(*, documents) -> None:
    """After a clerk corrects the metadata of documents (or of their séance or body): passages carry copies of it
    for filtering, and the correction must reach them."""
    for document in documents:
        passages_document_sync(document=document)


SIRET_DIGITS = 14


@transaction.atomic
def document_metadata_correct(
    *, document: Document, siret: str | None = None, seance_date: datetime.date | None = None,
    deliberations: dict[int, dict[str, str]] | None = None,
) -> list[str]:
    """A clerk's corrections of what ingestion read: the collectivité's SIRET, the séance's date, and each
    délibération's number, objet and rapporteur (`deliberations`: id → fields). Returns what changed, in French.

    Everything that carries a copy follows: the passages' séance date and headings, the engine's copies, and the
    embeddings of retitled passages (computed again by the embedding step). The objet is masked as the document's
    pages are. Refused (MetadataRefused) while the document is being processed: the pipeline would overwrite it.
    """
    document = Document.objects.select_for_update(of=("self",)).select_related("collectivite", "body", "seance").get(
        pk=document.pk
    )
    if document.status in (Document.Status.PENDING, Document.Status.PROCESSING):
        raise MetadataRefused(_("Le document est en cours de traitement : corrigez-le une fois son traitement terminé."))
    changed: list[str] = []
    relink: set = set()  # séances whose printings of one act may have changed
    if siret is not None:
        siret = "".join(siret.split()) or None
        if siret and not (siret.isdigit() and len(siret) == SIRET_DIGITS):
            raise MetadataRefused(_("Un numéro SIRET compte 14 chiffres."))
        if siret != document.collectivite.siret:
            document.collectivite.siret = siret
            document.collectivite.save(update_fields=["siret"])
            changed.append(_("SIRET de la collectivité"))
    if seance_date is not None and (document.seance is None or document.seance.date != seance_date):
        previous = document.seance
        seance = seance_get_or_create(body=document.body, date=seance_date)
        document.seance = seance
        # Declared, the date holds when the document is read again (the reading's date gives way to it).
        document.seance_date_declared = seance_date
        document.save(update_fields=["seance", "seance_date_declared", "updated_at"])
        document.deliberations.update(seance=seance)
        if previous is not None and not previous.documents.exists() and not previous.deliberations.exists():
            previous.delete()
        elif previous is not None:
            relink.add(previous)
        relink.add(seance)
        changed.append(_("date de la séance"))
    retitled = False
    for deliberation in document.deliberations.filter(pk__in=(deliberations or {}).keys()):
        values = {name: " ".join(value.split()) for name, value in deliberations[deliberation.pk].items()}
        if "objet" in values:
            values["objet"] = document_text_mask(document=document, text=values["objet"])
            if not values["objet"]:
                raise MetadataRefused(_("L'objet d'une délibération ne peut pas être vide."))
        edited = deliberation_correct(deliberation=deliberation, values=values)
        if not edited:
            continue
        if {"number", "objet", "matiere"} & set(edited):
            heading = bool({"number", "objet"} & set(edited))
            passages_deliberation_copy(deliberation=deliberation, retitled=heading)
            retitled = retitled or heading
        changed.append(_("délibération %(number)s") % {"number": deliberation.number or deliberation.objet[:40]})
    if retitled and document.seance is not None:
        # A corrected number or objet may make two printings one act, or one act two.
        relink.add(document.seance)
    for seance in relink:
        seance_deliberations_link(seance=seance)
    if changed:
        documents_metadata_sync(documents=[document])
    if retitled:
        _progress(document, status=Document.Status.PROCESSING, step=Document.Step.EMBEDDING)
        transaction.on_commit(lambda: document_embed_send(document_id=document.pk))
    return changed


def _matieres_read(objets: list[str]) -> list[str]:
    """The ACTES matière of each objet: the act it names, else the thème model's reading of its embedding (only the
    objets that name no act are embedded, and only by the embedder the model was fitted on)."""
    model = theme_model()
    usable = model is not None and model.embedder == embedder_get().name
    unnamed = [i for i, objet in enumerate(objets) if usable and objet.strip() and not matiere_classify(objet).confident]
    embedded = dict(zip(unnamed, embedder_get().passages_embed([objets[i] for i in unnamed]))) if unnamed else {}
    return [matiere_read(objet, embedded.get(i)) for i, objet in enumerate(objets)]


def deliberations_matieres_reread(*, deliberations: Iterable[Deliberation]) -> int:
    """Read the matière of délibérations again (after the vocabulary or the thème model changed), as ingestion
    would from their objet, save for those a clerk classed; their passages and the engine's copies follow. Returns
    how many changed."""
    unclassed = [deliberation for deliberation in deliberations if "matiere" not in deliberation.corrections]
    changed = 0
    for deliberation, matiere in zip(unclassed, _matieres_read([deliberation.objet for deliberation in unclassed])):
        if matiere == deliberation.matiere:
            continue
        deliberation.matiere = matiere
        deliberation.save(update_fields=["matiere"])
        passages_deliberation_copy(deliberation=deliberation, retitled=False)
        changed += 1
    return changed


def documents_officials_reread(*, documents: Iterable[Document]) -> int:
    """Store again the officials each document's lists name (`Document.officials`), read from its stored raw pages as
    ingestion reads them: for documents ingested before the field existed, so that the next documents of their body
    know its members. Returns how many documents were read."""
    read = 0
    for document in documents:
        pages = list(Page.objects.filter(document=document).order_by("number").values_list("raw_text", flat=True))
        if pages:
            Document.objects.filter(pk=document.pk).update(officials=officials_find(pages))
            read += 1
    return read


def document_embed_send(*, document_id: int) -> None:
    """Queue the embedding step of a document (passages retitled by a clerk); a broker down leaves it « en attente
    d'envoi » for the beat task, as any stage."""
    from ingestion.queueing import document_stage_send
    from ingestion.tasks import document_embed_task

    document_stage_send(document_id=document_id, send=lambda: document_embed_task.delay(document_id))

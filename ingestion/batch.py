"""Ingestion of many files from disk, as the `ingest` command does it: collect, upload, process, summarise."""

from __future__ import annotations

import contextlib
import csv
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from config.workers import no_worker
from council.models import Document
from council.services import body_get_or_create, collectivite_get_or_create, collectivite_label_parse
from ingestion.services import (
    PublicationRefused,
    UploadRejected,
    document_enqueue,
    document_ingest,
    document_publish,
    document_upload,
)
from privacy.services import document_privacy_review_mark


@dataclass(frozen=True)
class SourceFile:
    path: Path
    relative: str  # relative to the folder given on the command line


@dataclass
class BatchReport:
    created: int = 0
    unchanged: int = 0
    ready: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    unpublished: list[str] = field(default_factory=list)  # ready, but a clerk must review them first
    declared_reviewed: int = 0  # documents with doubts that `privacy_reviewed_by` declared reviewed
    pages: int = 0
    seconds: float = 0.0


def source_files_collect(*, paths: list[Path]) -> list[SourceFile]:
    """PDF files under the given files and folders, recursively, in a stable order."""
    found: list[SourceFile] = []
    for root in paths:
        if root.is_dir():
            found += [
                SourceFile(path=p, relative=p.relative_to(root).as_posix())
                for p in sorted(root.rglob("*"))
                if p.is_file() and p.suffix.lower() == ".pdf"
            ]
        elif root.is_file():
            found.append(SourceFile(path=root, relative=root.name))
        else:
            raise FileNotFoundError(f"Aucun fichier ni dossier : {root}")
    return found


def manifest_read(*, path: Path) -> dict[str, str]:
    """`file` → `collectivite` label from a manifest CSV (as ../shared/corpus/manifest.csv has)."""
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        missing = {"file", "collectivite"} - set(reader.fieldnames or [])
        if missing:
            raise ValueError(f"Le manifeste {path} n'a pas les colonnes : {', '.join(sorted(missing))}")
        return {row["file"]: row["collectivite"] for row in reader if row["collectivite"]}


def files_ingest(
    *,
    files: list[SourceFile],
    collectivite: str = "",
    body: str = "",
    manifest: dict[str, str] | None = None,
    publish: bool = False,
    privacy_reviewed_by: str = "",
    eager: bool = False,
    on_progress: Callable[[str], None] = lambda message: None,
    wait_seconds: float = 1.0,
) -> BatchReport:
    """Upload each file (a file already known is left alone) and process it, in-process or through Celery.

    ``privacy_reviewed_by`` is for a corpus whose pseudonymisation was reviewed before loading (evaluation,
    benchmarks, the demo's generated sample): each ready document with doubts is marked reviewed in that
    name, through the service a clerk uses, so that ``publish`` can publish it. Never for new minutes.
    """
    # Processed in this process, no worker expected: the search engine's copy is written here too, not queued, and
    # the page images are drawn on their first request.
    with no_worker() if eager else contextlib.nullcontext():
        report = BatchReport()
        started = time.monotonic()
        documents: list[Document] = []
        for index, source in enumerate(files, 1):
            label = (manifest or {}).get(source.relative) or collectivite
            if not label:
                report.failed.append((source.relative, "aucune collectivité (--collectivite ou --manifest)"))
                continue
            name, body_name = collectivite_label_parse(label)
            target_body = body_get_or_create(collectivite=collectivite_get_or_create(name=name), name=body or body_name)
            try:
                with source.path.open("rb") as handle:
                    document, created = document_upload(
                        source=handle, original_name=source.path.name, body=target_body, source_path=source.relative
                    )
            except UploadRejected as error:
                report.failed.append((source.relative, str(error)))
                continue
            report.created += created
            if not created and document.status == Document.Status.READY:
                report.unchanged += 1
                on_progress(f"[{index}/{len(files)}] {source.relative} : déjà ingéré")
            elif eager:
                document = document_ingest(document_id=document.pk)
                on_progress(f"[{index}/{len(files)}] {source.relative} : {document.get_status_display()} {document.error}")
            else:
                document_enqueue(document=document)
            documents.append(document)
        if not eager:
            documents = _documents_wait(documents, on_progress=on_progress, wait_seconds=wait_seconds)
        for document in documents:
            if document.status == Document.Status.READY:
                report.ready += 1
                report.pages += document.page_count
                if privacy_reviewed_by and document.privacy_status == Document.PrivacyStatus.NEEDS_REVIEW:
                    document_privacy_review_mark(document=document, reviewer=privacy_reviewed_by)
                    report.declared_reviewed += 1
                if publish and not document.published:
                    try:
                        document_publish(document=document, published=True)
                    except PublicationRefused as refusal:
                        report.unpublished.append(str(refusal))
                        on_progress(str(refusal))
            else:
                report.failed.append((document.source_path or document.original_name, document.error or document.status))
        report.seconds = time.monotonic() - started
        return report


def _documents_wait(documents: list[Document], *, on_progress, wait_seconds: float) -> list[Document]:
    pending = {document.pk for document in documents}
    last = None
    while pending:
        states = Document.objects.filter(pk__in=pending).values_list("pk", "status", "step")
        pending = {pk for pk, status, step in states if status not in (Document.Status.READY, Document.Status.FAILED)}
        message = f"{len(documents) - len(pending)}/{len(documents)} documents terminés"
        if message != last:
            on_progress(message)
            last = message
        if pending:
            time.sleep(wait_seconds)
    return list(Document.objects.filter(pk__in=[d.pk for d in documents]))

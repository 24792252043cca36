"""Ingestion speed: pages/s up to keyword-searchable, embedding rate in the pipeline vs alone, privacy cost, a 50-page PV."""

from __future__ import annotations

import csv
import io
import time
from pathlib import Path

from django.db import connection, transaction

from council.models import Document
from council.services import body_get_or_create, collectivite_get_or_create
from ingestion import services as ingestion_services
from search.embeddings import embedder_get
from search.models import Passage
from search.services import passage_embedding_input

BENCH_COLLECTIVITE = "Banc d'essai (benchmark)"


def _text_layer_files(*, corpus: Path, max_pages: int) -> list[Path]:
    """Fully text-layer PDFs of the manifest, several collectivités, about max_pages pages in all."""
    rows = []
    with (corpus / "manifest.csv").open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["file"].endswith(".pdf") and row["pages"].isdigit() and row["scanned_pages"] in ("", "0"):
                rows.append(row)
    # Round-robin over folders so that every style of minutes is in the sample.
    by_folder: dict[str, list[dict]] = {}
    for row in sorted(rows, key=lambda r: r["file"]):
        by_folder.setdefault(row["file"].split("/")[0], []).append(row)
    chosen, pages = [], 0
    while pages < max_pages and any(by_folder.values()):
        for folder in sorted(by_folder):
            if by_folder[folder] and pages < max_pages:
                row = by_folder[folder].pop(0)
                if int(row["pages"]) <= 60:
                    chosen.append(corpus / row["file"])
                    pages += int(row["pages"])
    return chosen


def _bench_upload(path: Path, tag: str) -> Document:
    """Upload a copy made unique by a trailing PDF comment, so the real corpus document is untouched."""
    body = body_get_or_create(collectivite=collectivite_get_or_create(name=BENCH_COLLECTIVITE))
    data = path.read_bytes() + f"\n%bench {tag}\n".encode()
    document, _ = ingestion_services.document_upload(source=io.BytesIO(data), original_name=path.name, body=body)
    return document


def _bench_documents_delete() -> None:
    for document in Document.objects.filter(collectivite__name=BENCH_COLLECTIVITE):
        path = Path(document.file.path)
        document.delete()
        path.unlink(missing_ok=True)
    # The next benchmarks time searches: without this, autovacuum reclaims the deleted passages (and merges the
    # full-text index's pending entries) in the middle of them.
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM (ANALYZE) {Passage._meta.db_table}")


def ingestion_benchmark(*, corpus: Path, max_pages: int = 300) -> dict:
    _bench_documents_delete()
    files = _text_layer_files(corpus=corpus, max_pages=max_pages)
    documents = [_bench_upload(path, "throughput") for path in files]

    privacy_seconds = 0.0
    original = ingestion_services.document_pseudonymiser_build

    def timed_pseudonymiser_build(**kwargs):
        # Detection, the review status and the redaction records, then every masking of a text it returns.
        nonlocal privacy_seconds
        started = time.perf_counter()
        pseudonymise = original(**kwargs)
        privacy_seconds += time.perf_counter() - started

        def timed_pseudonymise(text):
            nonlocal privacy_seconds
            started = time.perf_counter()
            masked = pseudonymise(text)
            privacy_seconds += time.perf_counter() - started
            return masked

        return timed_pseudonymise

    ingestion_services.document_pseudonymiser_build = timed_pseudonymiser_build
    try:
        # Warm the models so that one-off loading is not billed to the first document.
        from privacy.detection import detector_load

        detector_load()
        embedder_get().passages_embed(["échauffement"])
        started = time.perf_counter()
        for document in documents:
            ingestion_services.document_process(document_id=document.pk)
        keyword_seconds = time.perf_counter() - started
    finally:
        ingestion_services.document_pseudonymiser_build = original
    pages = sum(Document.objects.get(pk=d.pk).page_count for d in documents)
    failed = Document.objects.filter(pk__in=[d.pk for d in documents], status=Document.Status.FAILED).count()

    texts = [
        passage_embedding_input(heading=h, text=t)
        for h, t in Passage.objects.filter(document__in=documents).order_by("pk").values_list("heading", "text")
    ]
    started = time.perf_counter()
    embedder_get().passages_embed(texts)
    alone_rate = len(texts) / (time.perf_counter() - started)
    started = time.perf_counter()
    for document in documents:
        ingestion_services.document_embed(document_id=document.pk)
    pipeline_rate = len(texts) / (time.perf_counter() - started)

    result = {
        "documents": len(documents),
        "failed": failed,
        "pages": pages,
        "keyword_searchable_pages_per_s": pages / keyword_seconds,
        "privacy_step_seconds": privacy_seconds,
        "pages_per_s_without_privacy_step": pages / max(keyword_seconds - privacy_seconds, 1e-9),
        "privacy_slowdown": privacy_seconds / keyword_seconds,
        "embedding_passages_per_s_pipeline": pipeline_rate,
        "embedding_passages_per_s_model_alone": alone_rate,
        "embedding_pipeline_ratio": pipeline_rate / alone_rate,
    }
    result.update(_long_pv_benchmark(corpus=corpus))
    _bench_documents_delete()
    return result


def _long_pv_benchmark(*, corpus: Path) -> dict:
    """Upload → keyword-searchable → fully indexed, for the text-layer PV closest to 50 pages."""
    candidates = []
    with (corpus / "manifest.csv").open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["file"].endswith(".pdf") and row["pages"].isdigit() and row["scanned_pages"] in ("", "0"):
                candidates.append((abs(int(row["pages"]) - 50), row["file"]))
    path = corpus / min(candidates)[1]
    started = time.perf_counter()
    with transaction.atomic():
        document = _bench_upload(path, "long-pv")
    document = ingestion_services.document_process(document_id=document.pk)
    searchable = time.perf_counter() - started
    document = ingestion_services.document_embed(document_id=document.pk)
    indexed = time.perf_counter() - started
    return {
        "long_pv_file": str(path.relative_to(corpus)),
        "long_pv_pages": document.page_count,
        "long_pv_status": document.status,
        "long_pv_upload_to_keyword_searchable_s": searchable,
        "long_pv_upload_to_fully_indexed_s": indexed,
    }

"""Writes on the search index: passages replaced per document, publication kept in sync, embeddings filled."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable

from django.conf import settings
from django.db import connection, transaction

from config.workers import worker_expected
from council.models import Deliberation, Document
from french.terms import terms_extract
from search.backends import search_backend_get
from search.backends.base import EngineCopy
from search.embeddings import embedder_get
from search.models import TERM_ALL, Passage, TermFrequency
from search.passages import PassageDraft

logger = logging.getLogger(__name__)


def passages_analyze() -> None:
    """Refresh the planner's statistics of the passage table. The keyword scorer weighs each word by the frequency
    these statistics give it (`pg_stats`); autovacuum refreshes them when it likes, so that after a bulk ingest the
    same question may rank its passages otherwise an hour later (nine-collectivité evaluation, same code and
    passages: correct 0.694 right after the ingest, 0.679 after autovacuum's ANALYZE)."""
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {Passage._meta.db_table}")


def passage_embedding_input(*, heading: str, text: str) -> str:
    """What the embedding model reads: the délibération's objet gives context to the passage's text."""
    return f"{heading}\n{text}" if heading else text


def _passages_held(document: Document) -> tuple[list[int], list[str]]:
    """A document's passages before they go (one query): their ids, and the texts of the published ones, which the
    term counts must lose."""
    existing = list(Passage.objects.filter(document=document).values_list("pk", "published", "text"))
    return [pk for pk, _, _ in existing], [text for _, published, text in existing if published]


def passages_replace(
    *,
    document: Document,
    drafts: list[PassageDraft],
    deliberations: list[Deliberation],
    document_heading: str,
) -> list[Passage]:
    """Replace the document's passages (full-text indexed at once by the generated column).

    Embeddings of passages whose text did not change are kept: a rebuild after a clerk's
    redaction or a parser fix re-embeds only what changed.
    """
    previous = {
        (heading, text): embedding
        for heading, text, embedding in Passage.objects.filter(document=document, embedding__isnull=False).values_list(
            "heading", "text", "embedding"
        )
    }
    replaced, removed = _passages_held(document)
    Passage.objects.filter(document=document).delete()
    passages = []
    for position, draft in enumerate(drafts):
        deliberation = deliberations[draft.segment_key] if draft.segment_key is not None else None
        heading = deliberation_heading(deliberation) if deliberation else document_heading
        passages.append(
            Passage(
                document=document,
                deliberation=deliberation,
                position=position,
                page_start=draft.page_start,
                page_end=draft.page_end,
                heading=heading,
                text=draft.text,
                embedding=previous.get((heading, draft.text)),
                outcome=deliberation.outcome if deliberation else "",
                theme=deliberation.theme if deliberation else "",
                **_document_copies(document),
            )
        )
    created = Passage.objects.bulk_create(passages, batch_size=500)
    term_frequencies_change(
        collectivite_id=document.collectivite_id, added=[p.text for p in created if p.published], removed=removed
    )
    # A redaction or a parser fix replaces the texts: the old ones must leave an engine that holds copies.
    _engine_sync_on_commit(passage_ids=[*replaced, *(passage.pk for passage in created)], document_id=document.pk)
    return created


def passages_acts_detach(*, document: Document) -> int:
    """Before a document's délibérations are parsed anew: its passages leave them, so that a délibération that is
    gone does not take its passages with it unseen; `passages_replace`, in the same transaction, then replaces them
    all and counts the published ones out of the terms' frequencies."""
    return Passage.objects.filter(document=document).update(deliberation=None)


def deliberation_heading(deliberation: Deliberation) -> str:
    """The heading of a délibération's passages: its number and objet."""
    return f"{deliberation.number} {deliberation.objet}".strip()


def passages_deliberation_copy(*, deliberation: Deliberation, retitled: bool) -> int:
    """After a clerk corrects a délibération: its passages take its heading (number and objet) and its thème
    (search filters and counts by it); a new heading drops the embedding computed with the old one (the embedding
    step computes it again); the engine's copies follow."""
    passages = Passage.objects.filter(deliberation=deliberation)
    copied = {"heading": deliberation_heading(deliberation), "theme": deliberation.theme}
    updated = passages.update(**copied, **({"embedding": None} if retitled else {}))
    _engine_sync_on_commit(passage_ids=list(passages.values_list("pk", flat=True)), document_id=deliberation.document_id)
    return updated


def _engine_sync_on_commit(*, passage_ids: list[int], document_id: int) -> None:
    """Once the change is committed (a rolled-back one must not reach the engine), the passages go to the engine
    through the « indexing » queue; nothing at all with the PostgreSQL backend, whose index is the table itself."""
    if passage_ids and isinstance(search_backend_get(), EngineCopy):
        transaction.on_commit(lambda: passages_engine_send(passage_ids=passage_ids, document_id=document_id))


def passages_engine_send(*, passage_ids: list[int], document_id: int) -> None:
    """Queue the bulk write of a document's passages to the engine (search.tasks), or do it here: when no worker is
    expected (`config.workers.no_worker`), or when the broker cannot take the message (an engine down then raises)."""
    from search.tasks import passages_engine_sync_task

    if worker_expected():
        try:
            passages_engine_sync_task.delay(passage_ids, document_id)
            return
        except Exception:  # broker down or unreachable: the change must still reach the engine
            logger.warning("document %s: engine sync could not be queued, done here", document_id, exc_info=True)
    passages_engine_sync(passage_ids=passage_ids, document_id=document_id)


def passages_engine_sync(*, passage_ids: list[int], document_id: int | None = None) -> None:
    """Send the published ones among these passages to the engine, and remove the others from it."""
    search_backend_get().passages_engine_sync(passage_ids=passage_ids)
    logger.info("document %s: %d passage(s) synchronised with the search engine", document_id, len(passage_ids))


def search_engine_separate() -> bool:
    """Whether the configured backend keeps a copy of the passages in a separate engine (OpenSearch): the ingestion
    chain then has a step of its own to synchronise each document there."""
    return isinstance(search_backend_get(), EngineCopy)


def passages_engine_document_sync(*, document: Document, progress: Callable[[int, int], None]) -> int:
    """The document's passages in the engine as in PostgreSQL (the published ones sent, the others and any stray
    copy removed), `progress(done, total)` after each batch; how many passages it has."""
    passage_ids = list(Passage.objects.filter(document=document).order_by("pk").values_list("pk", flat=True))
    search_backend_get().engine_document_sync(document_id=document.pk, passage_ids=passage_ids, progress=progress)
    logger.info("document %s: %d passage(s) synchronised with the search engine", document.pk, len(passage_ids))
    return len(passage_ids)


def _document_copies(document: Document) -> dict:
    """The document's fields that passages copy so that filters run on the passage table alone."""
    return {
        "published": document.published,
        "collectivite_id": document.collectivite_id,
        "body_id": document.body_id,
        "seance_date": document.seance.date if document.seance else None,
        "document_kind": document.kind,
    }


def passages_document_delete(*, document: Document) -> int:
    """A document is deleted: its passages leave PostgreSQL now and an engine's copy once that is committed."""
    passage_ids, removed = _passages_held(document)
    Passage.objects.filter(pk__in=passage_ids).delete()
    term_frequencies_change(collectivite_id=document.collectivite_id, added=[], removed=removed)
    _engine_sync_on_commit(passage_ids=passage_ids, document_id=document.pk)
    return len(passage_ids)


def passages_document_sync(*, document: Document) -> int:
    """After a document changes (publication, a clerk's correction), its passages' copies follow, in the engine too."""
    # The passages whose publication changes now: their terms are counted, or discounted.
    changing = Passage.objects.filter(document=document).exclude(published=document.published)
    texts = list(changing.values_list("text", flat=True))
    updated = Passage.objects.filter(document=document).update(**_document_copies(document))
    term_frequencies_change(
        collectivite_id=document.collectivite_id,
        added=texts if document.published else [],
        removed=[] if document.published else texts,
    )
    _engine_sync_on_commit(
        passage_ids=list(Passage.objects.filter(document=document).values_list("pk", flat=True)), document_id=document.pk
    )
    return updated


def term_frequencies_change(*, collectivite_id: int, added: Iterable[str], removed: Iterable[str]) -> None:
    """Count the terms of a collectivité's passages just published (or whose text replaced a published one) and
    discount those of its passages no longer published, in the transaction that changes them (`TermFrequency`)."""
    delta = Counter()
    for sign, texts in ((1, added), (-1, removed)):
        for text in texts:
            for term in {TERM_ALL, *terms_extract(text)}:
                delta[term] += sign
    changes = sorted((term, count) for term, count in delta.items() if count)
    if not changes:
        return
    table = TermFrequency._meta.db_table
    terms = [term for term, _ in changes]
    # In the terms' order, so that two workers publishing at once wait for each other rather than deadlock.
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (collectivite_id, term, passages) "
            f"SELECT %s, * FROM unnest(%s::text[], %s::integer[]) "
            f"ON CONFLICT (collectivite_id, term) DO UPDATE SET passages = {table}.passages + EXCLUDED.passages",
            [collectivite_id, terms, [count for _, count in changes]],
        )
        cursor.execute(
            f"DELETE FROM {table} WHERE collectivite_id = %s AND passages <= 0 AND term = ANY(%s)", [collectivite_id, terms]
        )


def term_frequencies_rebuild() -> int:
    """Count the terms of every published passage anew (after a bulk change that bypassed the services, or to
    check them); how many terms there are."""
    with transaction.atomic():
        TermFrequency.objects.all().delete()
        published = Passage.objects.filter(published=True)
        for collectivite_id in published.values_list("collectivite_id", flat=True).distinct().order_by():
            texts = published.filter(collectivite_id=collectivite_id).values_list("text", flat=True)
            term_frequencies_change(collectivite_id=collectivite_id, added=texts.iterator(chunk_size=2000), removed=[])
    return TermFrequency.objects.exclude(term=TERM_ALL).values("term").distinct().count()


def passages_embed(*, document: Document) -> int:
    """Embed the document's passages that have no embedding yet; safe to run again after a crash."""
    embedder = embedder_get()
    pending = list(Passage.objects.filter(document=document, embedding__isnull=True).order_by("position"))
    batch_size = settings.EMBEDDINGS_BATCH_SIZE
    for start in range(0, len(pending), batch_size):
        batch = pending[start : start + batch_size]
        vectors = embedder.passages_embed([passage_embedding_input(heading=p.heading, text=p.text) for p in batch])
        for passage, vector in zip(batch, vectors, strict=True):
            passage.embedding = vector
        with transaction.atomic():
            Passage.objects.bulk_update(batch, ["embedding"])
    return len(pending)


def search_reindex(*, progress=lambda done, total: None):
    """Rebuild the engine's copy of the published passages from PostgreSQL without a moment of downtime (the
    backend's `engine_rebuild`); None when the backend keeps no separate copy."""
    backend = search_backend_get()
    if not isinstance(backend, EngineCopy):
        return None
    return backend.engine_rebuild(progress=progress)

"""BEIR folders (corpus.jsonl, queries.jsonl, qrels.tsv) loaded into an isolated index and searched like passages."""

from __future__ import annotations

import csv
import hashlib
import json
import logging
from pathlib import Path

import numpy as np
from django.conf import settings
from django.db import connection, transaction

from search.backends.base import SearchFilters
from search.backends.postgres import PostgresSearchBackend
from search.embeddings import embedder_get
from search.evaluation import RankedItem, Retriever
from search.models import Passage
from search.passages import passages_draft, segments_cover
from search.services import passage_embedding_input

logger = logging.getLogger(__name__)
SCHEMA = "beir"


def beir_load(*, folder: Path) -> tuple[dict[str, dict], list[dict]]:
    """The corpus by id, and the queries as evaluation questions (relevant = judged documents, score > 0)."""
    corpus = {}
    with open(folder / "corpus.jsonl", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                corpus[str(row["_id"])] = {"title": row.get("title") or "", "text": row.get("text") or ""}
    relevant: dict[str, list[dict]] = {}
    with open(folder / "qrels.tsv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if float(row["score"]) > 0:
                relevant.setdefault(row["query-id"], []).append({"document": str(row["corpus-id"]), "pages": []})
    questions = []
    with open(folder / "queries.jsonl", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                qid = str(row["_id"])
                if qid in relevant:
                    questions.append({"id": qid, "question": row["text"], "answerable": True, "relevant": relevant[qid]})
    return corpus, questions


def _chunks(text: str) -> list[str]:
    """The portal's own passage cutter, on the document as a single page."""
    drafts = passages_draft(pages=[text], segments=segments_cover(page_lengths=[len(text)], deliberation_spans=[]))
    return [draft.text for draft in drafts] or [text]


def _embeddings_cached(*, inputs: list[str], cache: Path) -> np.ndarray:
    """Embeddings keyed by a hash of the model and the text, kept on disk so a second run costs nothing."""
    embedder = embedder_get()
    keys = [hashlib.sha256(f"{embedder.name}\n{text}".encode()).hexdigest() for text in inputs]
    known: dict[str, np.ndarray] = {}
    if cache.exists():
        stored = np.load(cache)
        known = dict(zip(stored["keys"].tolist(), stored["vectors"], strict=True))
    missing = [i for i, key in enumerate(keys) if key not in known]
    batch = 64
    for start in range(0, len(missing), batch):
        chunk = missing[start : start + batch]
        vectors = embedder.passages_embed([inputs[i] for i in chunk])
        for i, vector in zip(chunk, vectors, strict=True):
            known[keys[i]] = vector
        cache.parent.mkdir(parents=True, exist_ok=True)
        np.savez(cache, keys=np.array(list(known)), vectors=np.stack(list(known.values())))
        logger.info("embedded %d/%d", min(start + batch, len(missing)), len(missing))
    return np.stack([known[key] for key in keys]) if keys else np.zeros((0, settings.EMBEDDINGS_DIMENSIONS))


def beir_index_build(*, folder: Path, corpus: dict[str, dict]) -> tuple[str, dict[int, str]]:
    """A table with the passage table's columns in schema `beir`, one row per passage; returns it and doc ids."""
    digest = hashlib.sha256(b"".join(f"{k}\t{v['title']}\t{v['text']}\n".encode() for k, v in corpus.items())).hexdigest()
    table = f"{SCHEMA}.c_{digest[:16]}"
    ids = sorted(corpus)
    document_names = {number: cid for number, cid in enumerate(ids, start=1)}
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass(%s) IS NOT NULL", [table])
        if cursor.fetchone()[0]:
            return table, document_names
    rows = []
    for number, cid in document_names.items():
        title = corpus[cid]["title"]
        for position, text in enumerate(_chunks(corpus[cid]["text"])):
            rows.append((number, position, title, text))
    cache = Path(settings.DATA_DIR) / "embeddings_cache" / f"{folder.parent.name}_{digest[:16]}.npz"
    vectors = _embeddings_cached(inputs=[passage_embedding_input(heading=r[2], text=r[3]) for r in rows], cache=cache)
    source = Passage._meta.db_table
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}")
        # Same columns, generated search vector and indexes as the real table; no foreign keys.
        cursor.execute(f"CREATE TABLE {table} (LIKE {source} INCLUDING DEFAULTS INCLUDING GENERATED INCLUDING IDENTITY)")
        cursor.executemany(
            f"INSERT INTO {table} (id, document_id, position, page_start, page_end, heading, text, embedding, published, "
            f"collectivite_id, body_id, document_kind, outcome) "
            f"VALUES (%s, %s, %s, 1, 1, %s, %s, %s::vector, true, 0, 0, 'autre', '')",
            [
                (i, number, position, title, text, "[" + ",".join(f"{x:.7g}" for x in vector) + "]")
                for i, ((number, position, title, text), vector) in enumerate(zip(rows, vectors, strict=True), start=1)
            ],
        )
        cursor.execute(f"CREATE INDEX ON {table} USING gin (search_vector)")
        cursor.execute(f"CREATE INDEX ON {table} USING hnsw (embedding vector_cosine_ops) WITH (m = 16, ef_construction = 64)")
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {table}")
    return table, document_names


def beir_retriever(*, table: str, document_names: dict[int, str]) -> Retriever:
    backend = PostgresSearchBackend(table=table)

    def retrieve(text: str, mode: str, k: int) -> list[RankedItem]:
        # Passages of one document share page 1: the backend keeps the best of them, so the ranking is per document.
        ranked = backend.candidates_rank(text=text, mode=mode, filters=SearchFilters(), depth=k)
        return [RankedItem(document_names[c.document_id], 1, 1, c.passage_id, c.score) for c in ranked[:k]]

    return retrieve

"""A filtered semantic query still returns k results through the HNSW index (pgvector iterative scans)."""

from __future__ import annotations

import datetime

import numpy as np
from django.db import connection

from council.models import Body, Collectivite, Document
from search.backends.base import SearchFilters
from search.backends.postgres import PostgresSearchBackend
from search.models import Passage


def _documents(count_by_town: dict[str, int]) -> dict[str, Collectivite]:
    rng = np.random.default_rng(7)
    towns = {}
    passages = []
    for index, (name, count) in enumerate(count_by_town.items()):
        town = Collectivite.objects.create(name=name, slug=f"t{index}")
        body = Body.objects.create(collectivite=town, name="Conseil municipal")
        document = Document.objects.create(
            collectivite=town, body=body, file=f"o/{index}.pdf", sha256=f"{index:064d}", original_name="x.pdf",
            published=True,
        )
        towns[name] = town
        for position in range(count):
            vector = rng.normal(size=384).astype(np.float32)
            passages.append(
                Passage(
                    document=document, position=position, page_start=position + 1, page_end=position + 1, heading="", text=f"texte {position}",
                    embedding=vector / np.linalg.norm(vector), published=True, collectivite=town, body=body,
                    seance_date=datetime.date(2020, 1, 1), document_kind="autre",
                )
            )
    Passage.objects.bulk_create(passages)
    return towns


def test_filtered_semantic_query_returns_k_through_the_index(db, settings):
    towns = _documents({"Grande ville": 600, "Petit village": 8})
    settings.HNSW_EF_SEARCH = 10
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE search_passage")
        cursor.execute("SET LOCAL enable_seqscan = off")  # as on a large table: the HNSW index is used
        cursor.execute("SET LOCAL enable_bitmapscan = off")
    backend = PostgresSearchBackend()
    ranked = backend.candidates_rank(
        text="budget primitif", mode="semantic", filters=SearchFilters(collectivite_ids=(towns["Petit village"].pk,)), depth=8
    )
    assert len(ranked) == 8
    distances = [-c.score for c in ranked]
    assert distances == sorted(distances)


def test_graph_walk_for_a_large_filter_returns_k_in_order(db):
    with connection.cursor() as cursor:
        # A graph of this test's rows only (rolled back with it): rows that earlier tests rolled back stay in the
        # graph until vacuumed, and their neighbour lists need not lead to this test's random vectors.
        cursor.execute("TRUNCATE search_passage CASCADE")
    towns = _documents({"Grande ville": 600, "Petit village": 8})
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE search_passage")
    backend = PostgresSearchBackend()
    inside = SearchFilters(collectivite_ids=(towns["Grande ville"].pk,))
    # The planner's estimate decides between walking the graph and comparing every row of the filter.
    assert 400 <= backend._stats.rows_inside(inside) <= 800
    ranked = backend._semantic_candidates(text="budget primitif", filters=inside, limit=20, access="graph")
    assert len(ranked) == 20
    assert [c.semantic_rank for c in ranked] == list(range(1, 21))
    distances = [-c.score for c in ranked]
    assert distances == sorted(distances)


def test_exact_access_compares_every_passage_inside_the_filter(db):
    from search.backends.postgres import exact_filtered_rows_max, query_vector_literal

    towns = _documents({"Grande ville": 300, "Petit village": 40})
    backend = PostgresSearchBackend()
    village = SearchFilters(collectivite_ids=(towns["Petit village"].pk,))
    ranked = backend._semantic_candidates(text="budget primitif", filters=village, limit=10, access="exact")
    query = np.array([float(x) for x in query_vector_literal("budget primitif").strip("[]").split(",")])
    inside = Passage.objects.filter(collectivite=towns["Petit village"])
    nearest = sorted(inside, key=lambda p: -float(np.dot(p.embedding, query)))[:10]
    assert [c.passage_id for c in ranked] == [p.pk for p in nearest]
    # Comparing them all pays up to sqrt(3 × limit × rows) passages, past which the graph walk is cheaper.
    assert 7_000 < exact_filtered_rows_max(1_000_000, limit=20) < 8_000
    assert exact_filtered_rows_max(10_000, limit=20) < 1_000

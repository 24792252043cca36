"""Reads on the search index: passages for a question, result pages for the search page and the API."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from django.urls import NoReverseMatch, reverse

from search.backends import search_backend_get
from search.backends.base import EngineCopy, Mode, SearchFilters, SearchHit, SearchQuery, SearchResults
from search.models import Passage

MODES: tuple[Mode, ...] = ("keyword", "semantic", "hybrid")


def passages_retrieve(
    *, text: str, k: int = 30, mode: str = "hybrid", filters: SearchFilters | None = None
) -> list[SearchHit]:
    """The k best published passages for `text`, best first (hit.score: higher is better).

    Hybrid hits also carry `keyword_rank`/`semantic_rank` and the retrievers' raw scores
    (`keyword_score`: IDF-weighted match, `semantic_score`: cosine similarity).
    """
    if mode not in MODES:
        raise ValueError(f"unknown search mode: {mode}")
    return search_backend_get().passages_retrieve(text=text, k=k, mode=mode, filters=filters or SearchFilters())


def passages_following(*, passage_ids: list[int], count: int = 1) -> dict[int, list[SearchHit]]:
    """The published passages that continue each given one within its délibération (see the backend)."""
    return search_backend_get().passages_following(passage_ids=passage_ids, count=count)


def deliberation_passages(*, deliberation_id: int) -> list[SearchHit]:
    """The published passages of one délibération, in order."""
    return search_backend_get().deliberation_passages(deliberation_id=deliberation_id)


def passages_search(*, query: SearchQuery) -> SearchResults:
    """One page of results with facets and highlights, as the search page and the API show them."""
    return search_backend_get().search(query=query)


def _reverse_or_empty(name: str, args: list) -> str:
    # The page viewer and the délibération page live in another app; a missing route must not break search.
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


def hit_page_url(*, hit: SearchHit) -> str:
    """Link to the exact page of the PDF where the passage starts."""
    return _reverse_or_empty("document-page", [hit.document_id, hit.page_start]) or _reverse_or_empty(
        "document-detail", [hit.document_id]
    )


def hit_deliberation_url(*, hit: SearchHit) -> str:
    return _reverse_or_empty("deliberation-detail", [hit.deliberation_id]) if hit.deliberation_id else ""


@dataclass
class ConsistencyReport:
    """PostgreSQL's published passages against the engine's copy: counts, and a sample compared field by field."""

    database_count: int
    engine_count: int
    sampled: int = 0
    # Published in PostgreSQL, absent from the engine.
    missing: list[int] = field(default_factory=list)
    # In the engine, but unpublished or gone in PostgreSQL: findable when it must not be.
    extra: list[int] = field(default_factory=list)
    # In both, with another heading or text (a redaction that did not reach the engine).
    different: list[int] = field(default_factory=list)

    @property
    def consistent(self) -> bool:
        return self.database_count == self.engine_count and not (self.missing or self.extra or self.different)


def search_consistency_check(*, sample: int = 500) -> ConsistencyReport | None:
    """Compare the engine with PostgreSQL: counts, `sample` published passages looked up in the engine, and `sample`
    passages drawn from the engine looked up in PostgreSQL. None when the backend keeps no separate copy."""
    backend = search_backend_get()
    if not isinstance(backend, EngineCopy):
        return None
    published = Passage.objects.filter(published=True)
    ids = list(published.values_list("pk", flat=True))
    report = ConsistencyReport(database_count=len(ids), engine_count=backend.engine_count())
    from_database = random.sample(ids, min(sample, len(ids)))
    from_engine = backend.engine_sample(size=sample)
    copies = {**from_engine, **backend.engine_passages(passage_ids=from_database)}
    rows = {
        pk: (heading, text)
        for pk, heading, text in published.filter(pk__in={*from_database, *copies}).values_list("pk", "heading", "text")
    }
    report.sampled = len({*from_database, *from_engine})
    report.missing = sorted(pk for pk in from_database if pk not in copies)
    report.extra = sorted(pk for pk, copy in copies.items() if pk not in rows or str(copy.get("published")).lower() == "false")
    report.different = sorted(
        pk for pk, copy in copies.items()
        if pk in rows and pk not in report.extra and (copy.get("heading"), copy.get("text")) != rows[pk]
    )
    return report

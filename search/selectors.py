"""Reads on the search index: passages for a question, result pages for the search page and the API."""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse

from search.backends import search_backend_get
from search.backends.base import Mode, SearchFilters, SearchHit, SearchQuery, SearchResults

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

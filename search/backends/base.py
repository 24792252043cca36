"""The search-backend interface: what any engine (PostgreSQL, OpenSearch…) must offer the portal."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal, Protocol, runtime_checkable

Mode = Literal["keyword", "semantic", "hybrid"]
Sort = Literal["relevance", "date"]


@dataclass(frozen=True)
class SearchFilters:
    collectivite_ids: tuple[int, ...] = ()
    body_ids: tuple[int, ...] = ()
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    document_kinds: tuple[str, ...] = ()
    outcomes: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()


@dataclass(frozen=True)
class SearchQuery:
    text: str
    mode: Mode = "hybrid"
    filters: SearchFilters = field(default_factory=SearchFilters)
    sort: Sort = "relevance"
    page: int = 1
    page_size: int = 10
    with_facets: bool = False
    with_highlights: bool = False


@dataclass
class SearchHit:
    passage_id: int
    score: float
    document_id: int
    deliberation_id: int | None
    page_start: int
    page_end: int
    heading: str
    text: str
    # Safe HTML: the passage excerpt with matched terms in <mark>, everything else escaped.
    snippet: str = ""
    # What a reader needs to cite the hit; filled for the hits returned, not for every candidate.
    deliberation_number: str = ""
    deliberation_objet: str = ""
    seance_date: datetime.date | None = None
    document_title: str = ""
    document_source_path: str = ""
    collectivite: str = ""
    body: str = ""
    # Where each retriever placed the passage (1-based; None: not among its candidates) and its raw score,
    # so that callers can judge how sure the fused ranking is.
    keyword_rank: int | None = None
    semantic_rank: int | None = None
    keyword_score: float | None = None
    semantic_score: float | None = None


@dataclass
class FacetValue:
    value: str
    label: str
    count: int


@dataclass
class SearchResults:
    hits: list[SearchHit]
    total: int
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)


class SearchBackend(Protocol):
    """Only published passages are ever returned, whatever the query."""

    def passages_index(self, *, passage_ids: list[int]) -> None: ...

    def passages_remove(self, *, passage_ids: list[int]) -> None: ...

    def passages_engine_sync(self, *, passage_ids: list[int]) -> None:
        """These passages were created, replaced, deleted, published or unpublished in PostgreSQL: an engine that
        holds its own copy takes the published ones and forgets the others (PostgreSQL's own index needs nothing)."""
        ...

    def search(self, *, query: SearchQuery) -> SearchResults: ...

    def passages_retrieve(self, *, text: str, k: int, mode: Mode, filters: SearchFilters) -> list[SearchHit]:
        """The k best passages for a question, ranked, without facets or highlights (question answering, evaluation)."""
        ...

    def passages_following(self, *, passage_ids: list[int], count: int) -> dict[int, list[SearchHit]]:
        """For each passage, the next `count` published passages of its document and délibération, in order.

        A délibération's decision often sits in the passage after the one that matched the question's words.
        """
        ...

    def deliberation_passages(self, *, deliberation_id: int) -> list[SearchHit]:
        """The published passages of one délibération, in order (another printing of an act, read whole)."""
        ...


class ReindexRefused(Exception):
    """Another rebuild of the engine's index is under way; the message is for the operator."""


@runtime_checkable
class EngineCopy(Protocol):
    """A backend that keeps its own copy of the published passages in a separate engine (OpenSearch), which can
    drift from PostgreSQL and be rebuilt from it; PostgreSQL's own index needs none of this."""

    def engine_rebuild(self, *, progress: Callable[[int, int], None]):
        """Rebuild the engine's copy from PostgreSQL while searches go on; `progress(done, total)` after each batch."""
        ...

    def engine_count(self) -> int: ...

    def engine_document_sync(
        self, *, document_id: int, passage_ids: list[int], progress: Callable[[int, int], None]
    ) -> None:
        """The engine's copy of one document made like PostgreSQL's: these passages (all of the document's) sent
        when published and removed otherwise, in batches with `progress(done, total)` after each, then any other
        copy of the document's (passages replaced since) removed."""
        ...

    def engine_passages(self, *, passage_ids: list[int]) -> dict[int, dict]:
        """The engine's copies of these passages (those it holds), by id: heading, text, published."""
        ...

    def engine_sample(self, *, size: int) -> dict[int, dict]:
        """`size` passages drawn at random from the engine, by id, as `engine_passages` gives them."""
        ...

"""Reads on the search index: passages for a question, result pages for the search page and the API."""

from __future__ import annotations

import dataclasses
import datetime
import math
import random
import re
from dataclasses import dataclass, field

from django.db.models import Q, Sum
from django.http import QueryDict
from django.urls import NoReverseMatch, reverse

from council.matieres import THEMES
from council.models import Deliberation, Document, Page
from search.backends import search_backend_get
from search.backends.base import EngineCopy, Mode, SearchFilters, SearchHit, SearchQuery, SearchResults
from search.models import TERM_ALL, Passage, TermFrequency
from search.query import query_clean

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


def terms_rarity(terms: set[str]) -> dict[str, float]:
    """How rare each term (`french.terms`) is among the published passages of every collectivité: log(1 + (N + 1) /
    (n + 0.5)), N the passages, n those that print it (one query on `TermFrequency`)."""
    summed = TermFrequency.objects.filter(term__in=[*terms, TERM_ALL]).values("term").annotate(n=Sum("passages"))
    counts = dict(summed.values_list("term", "n"))
    total = counts.get(TERM_ALL, 0)
    return {term: math.log(1 + (total + 1) / (counts.get(term, 0) + 0.5)) for term in terms}


def terms_printed(terms: set[str], *, collectivites: set[str]) -> set[str]:
    """Which of these terms (`french.terms`) the published passages of these collectivités (by name) print."""
    found = TermFrequency.objects.filter(collectivite__name__in=collectivites, term__in=terms, passages__gt=0)
    return set(found.values_list("term", flat=True).distinct())


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


def page_url(*, document_id: int, number: int) -> str:
    """Link to one page of a document in the page viewer."""
    return _reverse_or_empty("document-page", [document_id, number]) or _reverse_or_empty("document-detail", [document_id])


def hit_page_url(*, hit: SearchHit) -> str:
    """Link to the exact page of the PDF where the passage starts."""
    return page_url(document_id=hit.document_id, number=hit.page_start)


# Enough of a quote's opening to tell the page it is on; a sentence broken by the page break is found on neither.
QUOTE_PAGE_CHARS = 60


def _squashed(text: str) -> str:
    return re.sub(r"\W+", "", text).lower()


def quote_pages(*, quotes: list[tuple[SearchHit, str]]) -> list[int]:
    """The page each quote is printed on, among its passage's pages (a passage may run over two pages; a link
    should open the one that prints what is quoted); the passage's first page when the quote runs over the page
    break or is not found. One read of the published pages' public text for all the quotes."""
    wanted = {(hit.document_id, number) for hit, _ in quotes if hit.page_end > hit.page_start
              for number in range(hit.page_start, hit.page_end + 1)}
    texts = {}
    if wanted:
        condition = Q()
        for document_id, number in wanted:
            condition |= Q(document_id=document_id, number=number)
        texts = {(document_id, number): _squashed(text) for document_id, number, text in
                 Page.objects.filter(condition, document__published=True).values_list("document_id", "number", "text")}
    pages = []
    for hit, quote in quotes:
        opening = _squashed(quote.split(" … ")[0])[:QUOTE_PAGE_CHARS]
        found = [number for number in range(hit.page_start, hit.page_end + 1)
                 if opening and opening in texts.get((hit.document_id, number), "")]
        pages.append(found[0] if len(found) == 1 else hit.page_start)
    return pages


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


PAGE_SIZE = 10
MAX_PAGE_SIZE = 50


def _ints(values: list[str]) -> tuple[int, ...]:
    return tuple(int(v) for v in values if v.strip().isdigit() and len(v.strip()) < 12)


def _date(value: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat((value or "").strip()[:10])
    except ValueError:
        return None


def _int(value: str | None, *, default: int, low: int, high: int) -> int:
    text = (value or "").strip()
    return max(low, min(int(text), high)) if text.isdigit() and len(text) < 6 else default


def search_query_parse(params: QueryDict, *, default_mode: str = "hybrid") -> SearchQuery:
    """The search page's parameters (a request's, a saved search's); every one is optional and anything unexpected
    falls back to its default."""
    kinds, outcomes = set(Document.Kind.values), set(Deliberation.Outcome.values)
    mode = params.get("mode", default_mode)
    return SearchQuery(
        text=query_clean(params.get("q", "")),
        mode=mode if mode in MODES else default_mode,
        filters=SearchFilters(
            collectivite_ids=_ints(params.getlist("collectivite")),
            body_ids=_ints(params.getlist("body")),
            date_from=_date(params.get("date_from")),
            date_to=_date(params.get("date_to")),
            document_kinds=tuple(k for k in params.getlist("kind") if k in kinds),
            outcomes=tuple(o for o in params.getlist("outcome") if o in outcomes),
            themes=tuple(t for t in params.getlist("theme") if t in THEMES),
        ),
        sort="date" if params.get("sort") == "date" else "relevance",
        page=_int(params.get("page"), default=1, low=1, high=100),
        page_size=_int(params.get("page_size"), default=PAGE_SIZE, low=1, high=MAX_PAGE_SIZE),
        with_facets=True,
        with_highlights=True,
    )


# A search followed (a feed, an e-mail digest) is read by machines that come back: exact words, not the nearest
# meaning, which always finds something; the newest séance first.
FOLLOWED_MODE = "keyword"
FOLLOWED_ITEMS = 50
_NOT_FOLLOWED = ("page", "page_size", "sort", "mode")


def search_followed(params: QueryDict) -> tuple[SearchQuery, str]:
    """The query a followed search runs, and its parameters as a query string (without paging, sort or mode)."""
    query = dataclasses.replace(search_query_parse(params), mode=FOLLOWED_MODE, sort="date", page=1,
                                page_size=FOLLOWED_ITEMS, with_facets=False, with_highlights=False)
    kept = params.copy()
    for name in _NOT_FOLLOWED:
        kept.pop(name, None)
    return query, kept.urlencode()

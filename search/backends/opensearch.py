"""Keyword search on OpenSearch 2.x through django-haystack; vectors, fusion and the texts shown stay in PostgreSQL.

The haystack side is django-haystack-opensearch (opensearch-py) with a French analyser in the mapping. Haystack's
elasticsearch7 backend was the other way: its `elasticsearch` client refuses OpenSearch servers from 7.14 on, and
7.13 does not import with NumPy 2 (the embedder needs it). The portal's own queries (web-search syntax, filters,
facets, highlights) are built here and sent with the same client, since `SearchQuerySet` cannot say them.
search.backends.elasticsearch runs all of it on Elasticsearch 7.17 or 8.x with haystack's elasticsearch7 backend and
its client.
"""

from __future__ import annotations

import contextlib
import datetime
import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar

import haystack
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django_haystack_opensearch.haystack import OpenSearchSearchBackend as HaystackOpenSearchBackend
from django_haystack_opensearch.haystack import OpenSearchSearchEngine, OpenSearchSearchQuery
import opensearchpy.exceptions
import opensearchpy.helpers
from haystack.constants import ID
from haystack.exceptions import SkipDocument

from config.faults import ServiceUnavailable
from council.matieres import THEMES
from council.models import Body, Collectivite, Deliberation, Document
from french.stopwords import QUESTION_WORDS
from search.backends.base import FacetValue, ReindexRefused, SearchFilters, SearchHit, SearchQuery, SearchResults
from search.backends.postgres import (
    FACET_FIELDS,
    MARK_START,
    MARK_STOP,
    MAX_PAGE,
    PostgresSearchBackend,
    RankedPassage,
    Tuning,
    overlaps_drop,
    snippet_html,
)
from search.models import Passage
from search.query import ParsedQuery, query_parse

logger = logging.getLogger(__name__)

ANALYZER = "portal_french"
# At query time the question words go too (« quel », « combien »…), as the PostgreSQL backend drops them.
SEARCH_ANALYZER = "portal_french_query"
INDEX_BATCH = 500
# Bulk writes are not a user's wait: they get longer than the searches' timeout.
INDEX_TIMEOUT_SECONDS = 60

# Elision, lowercase, French stop words, ASCII folding, light_french stemmer (all in OpenSearch's analysis-common).
ANALYSIS = {
    "filter": {
        "portal_elision": {
            "type": "elision",
            "articles_case": True,
            "articles": ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"],
        },
        "portal_stop": {"type": "stop", "stopwords": "_french_"},
        "portal_question_words": {"type": "stop", "stopwords": sorted(QUESTION_WORDS)},
        "portal_stemmer": {"type": "stemmer", "language": "light_french"},
    },
    "analyzer": {
        ANALYZER: {
            "tokenizer": "standard",
            "filter": ["portal_elision", "lowercase", "portal_stop", "asciifolding", "portal_stemmer"],
        },
        SEARCH_ANALYZER: {
            "tokenizer": "standard",
            "filter": [
                "portal_elision", "lowercase", "portal_stop", "asciifolding", "portal_question_words", "portal_stemmer",
            ],
        },
    },
}


class PassageIndexMixin:
    """What the portal adds to a haystack engine backend (OpenSearch's, or Elasticsearch 7's in
    search.backends.elasticsearch): the French analysis, settings read when an index is created, and an alias in
    front of numbered concrete indices. `errors` and `bulk` are the client's exceptions module and bulk helper."""

    errors: ClassVar[Any] = opensearchpy.exceptions
    bulk: ClassVar[Callable] = staticmethod(opensearchpy.helpers.bulk)

    DEFAULT_SETTINGS: ClassVar[dict[str, Any]] = {
        "settings": {"index": {"max_result_window": (MAX_PAGE + 1) * 100}, "analysis": ANALYSIS},
    }
    DEFAULT_FIELD_MAPPING: ClassVar[dict[str, Any]] = {
        "type": "text", "analyzer": ANALYZER, "search_analyzer": SEARCH_ANALYZER,
    }

    def build_schema(self, fields: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        content_field_name, mapping = super().build_schema(fields)
        for definition in mapping.values():
            if definition.get("type") == "keyword":
                # The parent drops the analyser of a field it makes a keyword, not our query-time one.
                definition.pop("search_analyzer", None)
        return content_field_name, mapping

    def _add_keyword_and_exact_subfields(self, props: dict[str, Any], unified_index) -> dict[str, Any]:
        # The parent rewrites every text field without its analyser (to add a .keyword copy nobody here reads).
        return props

    def index_body(self) -> dict[str, Any]:
        """Settings and mapping of a concrete index of passages; shards and replicas as configured now."""
        unified_index = haystack.connections[self.connection_alias].get_unified_index()
        self.content_field_name, field_mapping = self.build_schema(unified_index.all_searchfields())
        index = {
            **self.DEFAULT_SETTINGS["settings"]["index"],
            "number_of_shards": settings.OPENSEARCH_SHARDS,
            "number_of_replicas": settings.OPENSEARCH_REPLICAS,
        }
        return {
            "settings": {**self.DEFAULT_SETTINGS["settings"], "index": index},
            "mappings": self._get_current_mapping(field_mapping),
        }

    def setup(self) -> None:
        """The name searched and written (INDEX_NAME) is an alias: the first use creates a concrete index behind it.

        Whatever stands under the name already (an alias, or the concrete index of an older installation that
        `reindex` will turn into an alias) is used as it is: a mapping change goes through `reindex`.
        """
        body = self.index_body()
        if not self.conn.indices.exists(index=self.index_name):
            try:
                self.conn.indices.create(index=self.index_next(), body={**body, "aliases": {self.index_name: {}}})
            except self.errors.RequestError as error:
                # Another process (the web server and a worker at their first request) created it a moment ago.
                if error.error != "resource_already_exists_exception":
                    raise
        self.existing_mapping = body["mappings"]
        self.setup_complete = True

    def indices_numbered(self) -> dict[str, int]:
        """The concrete indices made for the alias (`<alias>_<number>`), in service or not, with their numbers."""
        pattern = re.compile(rf"{re.escape(self.index_name)}_(\d+)")
        names = self.conn.indices.get(index=f"{self.index_name}_*", expand_wildcards="all")
        return {name: int(match.group(1)) for name in names if (match := pattern.fullmatch(name))}

    def index_next(self) -> str:
        """The name of a new concrete index: the alias and a number above those of the indices it has.

        Two processes creating the next one at once ask for the same name, and the second is refused."""
        return f"{self.index_name}_{max(self.indices_numbered().values(), default=0) + 1}"

    def concrete_indices(self) -> list[str]:
        """The concrete indices behind the name (the alias's, or the name itself when it is an older index)."""
        try:
            return sorted(self.conn.indices.get(index=self.index_name))
        except self.errors.NotFoundError:
            return []

    def indices_drop(self) -> None:
        """Every index made for the name, in service or not (the alias's numbered indices, an older concrete one),
        deleted by name: Elasticsearch 8 refuses a wildcard in a delete (`action.destructive_requires_name`)."""
        for name in sorted({*self.indices_numbered(), *self.concrete_indices()}):
            self.conn.indices.delete(index=name, ignore=[404], request_timeout=INDEX_TIMEOUT_SECONDS)
        self.setup_complete = False

    def _clear_all_models(self) -> None:
        # haystack's clear (rebuild_index) deletes the index by its name, which an alias refuses: delete what is behind.
        for name in self.concrete_indices():
            self.conn.indices.delete(index=name, ignore=[404])
        self.setup_complete = False
        self.existing_mapping = {}
        self.content_field_name = None

    def _prepare_documents_for_bulk(self, index, iterable) -> list[dict[str, Any]]:
        """The passages as the engine stores them, each with its index and id, for the client's bulk helper."""
        documents = []
        for passage in iterable:
            try:
                prepared = self._prepare_object(index, passage)
            except SkipDocument:
                continue
            document = {key: self._from_python(value) for key, value in prepared.items()}
            documents.append({**document, "_index": self.index_name, "_id": document[ID]})
        return documents


class PassageHaystackBackend(PassageIndexMixin, HaystackOpenSearchBackend):
    """django-haystack-opensearch with the portal's French analysis instead of snowball and n-grams."""


class PassageEngine(OpenSearchSearchEngine):
    """The haystack engine named in HAYSTACK_CONNECTIONS (update_index, rebuild_index)."""

    backend = PassageHaystackBackend
    query = OpenSearchSearchQuery


# What `search_consistency` compares between PostgreSQL and the engine.
_COMPARED = ("passage_id", "heading", "text", "published")

# What a ranked candidate needs of each match (its text and heading are read from PostgreSQL).
RANKED_FIELDS = ("passage_id", "document_id", "page_start", "page_end", "seance_date", "collectivite_id", "deliberation_id")


@dataclass
class EngineRebuild:
    """What `reindex` did: the new index, those dropped, passages loaded, passages sent again after the switch."""

    index: str
    previous: list[str]
    count: int
    caught_up: int


@dataclass
class _EnginePlan:
    """A keyword query in OpenSearch's query DSL; `highlight` is the query whose terms are marked in snippets.

    `parts`: the same ranking as two cheaper queries whose best matches, merged, are the query's best (see
    `_best_of_parts`); empty where the query cannot be split.
    """

    query: dict = field(default_factory=dict)
    highlight: dict = field(default_factory=dict)
    parts: tuple[dict, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.query


class OpenSearchSearchBackend(PostgresSearchBackend):
    """The PostgreSQL backend whose keyword retriever, keyword facets and highlights are OpenSearch's.

    Semantic retrieval, fusion, the context boost and the rows shown are inherited unchanged: PostgreSQL reads
    the hits' texts again with `p.published`, so an engine a step behind can never show an unpublished text.
    """

    # The haystack backend and the settings of the engine's address and alias.
    haystack_backend: ClassVar[type] = PassageHaystackBackend
    url_setting, index_setting = "OPENSEARCH_URL", "OPENSEARCH_INDEX"

    def __init__(
        self, *, url: str | None = None, index: str | None = None, timeout: float | None = None,
        tuning: Tuning | None = None,
    ) -> None:
        super().__init__(tuning=tuning)
        self.url = url or getattr(settings, self.url_setting)
        self.engine = self.haystack_backend(
            "default",
            URL=self.url,
            INDEX_NAME=index or getattr(settings, self.index_setting),
            TIMEOUT=timeout or settings.OPENSEARCH_TIMEOUT_SECONDS,
            SILENTLY_FAIL=False,
            KWARGS={"max_retries": 0, "retry_on_timeout": False},
        )
        self.index_name = self.engine.index_name

    @property
    def _search_index(self):
        return haystack.connections["default"].get_unified_index().get_index(Passage)

    @contextlib.contextmanager
    def _engine_call(self) -> Iterator[None]:
        """Any fault of the engine becomes ServiceUnavailable (a French 503), never an empty result."""
        try:
            if not self.engine.setup_complete:
                self.engine.setup()
            yield
        except self.engine.errors.TransportError as error:
            # A refused request (a 400: a bug of ours) is not an engine down: it stays a 500 and is logged as one.
            if not _engine_fault(error, self.engine.errors):
                raise
            logger.warning("search engine %s unavailable: %s", self.url, error)
            raise ServiceUnavailable(_("Le moteur de recherche du portail ne répond pas."), str(error)[:300]) from error

    def _search(self, body: dict, **params: Any) -> dict:
        """A search of the alias that fails when a shard cannot answer (a node down with no replica of it left): an
        error the user is told about (a 503), never the hits of the other shards passed off as all of them."""
        return self.engine.conn.search(index=self.index_name, body=body, allow_partial_search_results=False, **params)

    def _bulk(self, actions: list[dict]) -> tuple[int, list[dict]]:
        """The client's bulk helper: how many went, and what the engine refused (each action's error)."""
        return self.engine.bulk(self.engine.conn, actions, raise_on_error=False, request_timeout=INDEX_TIMEOUT_SECONDS)

    # Indexing: embeddings go to pgvector as before, the published passages' texts to the engine.
    def passages_index(self, *, passage_ids: list[int]) -> None:
        super().passages_index(passage_ids=passage_ids)
        self.passages_engine_sync(passage_ids=passage_ids)

    def passages_engine_sync(self, *, passage_ids: list[int]) -> None:
        if not passage_ids:
            return
        index = self._search_index
        for start in range(0, len(passage_ids), INDEX_BATCH):
            batch = passage_ids[start : start + INDEX_BATCH]
            published = list(index.index_queryset().filter(pk__in=batch))
            documents = self.engine._prepare_documents_for_bulk(index, published)
            # A passage unpublished or gone since it was sent must not stay findable.
            gone = set(batch) - {passage.pk for passage in published}
            actions = [*documents, *({"_op_type": "delete", "_index": self.index_name, "_id": _identifier(pk)} for pk in gone)]
            with self._engine_call():
                _, errors = self._bulk(actions)
            _bulk_errors_raise(errors)
        with self._engine_call():
            self.engine.conn.indices.refresh(index=self.index_name, request_timeout=INDEX_TIMEOUT_SECONDS)

    def engine_document_sync(
        self, *, document_id: int, passage_ids: list[int], progress: Callable[[int, int], None],
        batch_size: int = INDEX_BATCH,
    ) -> None:
        total = len(passage_ids)
        for start in range(0, total, batch_size):
            self.passages_engine_sync(passage_ids=passage_ids[start : start + batch_size])
            progress(min(start + batch_size, total), total)
        # Copies PostgreSQL no longer has (a re-processing replaced the passages, and a message was lost). Found by a
        # search then deleted in bulk: _delete_by_query lives in the reindex module, which a node may lack.
        stray = {"bool": {"filter": [{"term": {"document_id": document_id}}],
                          "must_not": [{"terms": {"passage_id": passage_ids}}]}}
        while True:
            with self._engine_call():
                found = self._search({"query": stray, "size": INDEX_BATCH, "_source": False},
                                     request_timeout=INDEX_TIMEOUT_SECONDS)["hits"]["hits"]
            if not found:
                return
            actions = [{"_op_type": "delete", "_index": hit["_index"], "_id": hit["_id"]} for hit in found]
            with self._engine_call():
                _, errors = self._bulk(actions)
                self.engine.conn.indices.refresh(index=self.index_name, request_timeout=INDEX_TIMEOUT_SECONDS)
            _bulk_errors_raise(errors)

    def passages_remove(self, *, passage_ids: list[int]) -> None:
        super().passages_remove(passage_ids=passage_ids)
        actions = [{"_op_type": "delete", "_index": self.index_name, "_id": _identifier(pk)} for pk in passage_ids]
        with self._engine_call():
            _, errors = self._bulk(actions)
            self.engine.conn.indices.refresh(index=self.index_name, request_timeout=INDEX_TIMEOUT_SECONDS)
        _bulk_errors_raise(errors)

    def engine_count(self) -> int:
        with self._engine_call():
            return self.engine.conn.count(index=self.index_name)["count"]

    def engine_rebuild(self, *, progress: Callable[[int, int], None] = lambda done, total: None) -> EngineRebuild:
        """A new concrete index loaded with the published passages, then the alias switched to it at once: searches
        and writes go on through the alias all along, on the old index until the switch, on the new one after.

        A write that reached the old index during the load (publication, redaction, a document corrected) is sent
        again after the switch: passages whose ids came or went meanwhile, and those of documents saved since the
        start. `progress(done, total)` is called after each batch.
        """
        conn, alias = self.engine.conn, self.index_name
        started = timezone.now()
        body = self.engine.index_body()
        # No refresh while loading: the index is searched by nobody yet, and loads faster without.
        body["settings"] = {**body["settings"], "index": {**body["settings"]["index"], "refresh_interval": "-1"}}
        with self._engine_call():
            previous = self.engine.concrete_indices()
            # An index of the alias not in service is another reindex loading, or one that was interrupted.
            stray = sorted(set(self.engine.indices_numbered()) - set(previous))
            if stray:
                raise ReindexRefused(_reindex_refusal(stray))
            new = self.engine.index_next()
            try:
                conn.indices.create(index=new, body=body, request_timeout=INDEX_TIMEOUT_SECONDS)
            except self.engine.errors.RequestError as error:
                # Two reindex started at the same instant: the second is refused the same name.
                if error.error != "resource_already_exists_exception":
                    raise
                raise ReindexRefused(_reindex_refusal([new])) from error
        try:
            sent = self._engine_load(index=new, progress=progress)
            with self._engine_call():
                conn.indices.put_settings(index=new, body={"index": {"refresh_interval": None}})
                conn.indices.refresh(index=new, request_timeout=INDEX_TIMEOUT_SECONDS)
                actions: list[dict] = [{"add": {"index": new, "alias": alias}}]
                for old in previous:
                    # An installation of phase 1 has a concrete index under the alias's name: replaced in the same step.
                    actions.append({"remove_index": {"index": old}} if old == alias else {"remove": {"index": old, "alias": alias}})
                conn.indices.update_aliases(body={"actions": actions}, request_timeout=INDEX_TIMEOUT_SECONDS)
        except BaseException:
            with contextlib.suppress(self.engine.errors.TransportError):
                conn.indices.delete(index=new, ignore=[404])
            raise
        published = set(self._search_index.index_queryset().values_list("pk", flat=True))
        changed = published ^ sent
        changed |= set(Passage.objects.filter(document__updated_at__gte=started).values_list("pk", flat=True))
        self.passages_engine_sync(passage_ids=sorted(changed))
        with self._engine_call():
            for old in previous:
                if old != alias:
                    conn.indices.delete(index=old, ignore=[404], request_timeout=INDEX_TIMEOUT_SECONDS)
        self.engine.setup_complete = True
        return EngineRebuild(index=new, previous=list(previous), count=len(sent), caught_up=len(changed))

    def engine_passages(self, *, passage_ids: list[int]) -> dict[int, dict]:
        if not passage_ids:
            return {}
        with self._engine_call():
            response = self.engine.conn.mget(
                index=self.index_name, body={"ids": [_identifier(pk) for pk in passage_ids]},
                _source=list(_COMPARED), request_timeout=INDEX_TIMEOUT_SECONDS,
            )
        return {doc["_source"]["passage_id"]: doc["_source"] for doc in response["docs"] if doc.get("found")}

    def engine_sample(self, *, size: int) -> dict[int, dict]:
        body = {"size": size, "_source": list(_COMPARED), "query": {"function_score": {"random_score": {}}}}
        with self._engine_call():
            response = self._search(body, request_timeout=INDEX_TIMEOUT_SECONDS)
        return {hit["_source"]["passage_id"]: hit["_source"] for hit in response["hits"]["hits"]}

    def _engine_load(self, *, index: str, progress: Callable[[int, int], None]) -> set[int]:
        """The published passages, in batches of ids, into `index`; the ids sent."""
        search_index = self._search_index
        queryset = search_index.index_queryset().order_by("pk")
        total, done, last, sent = queryset.count(), 0, 0, set()
        while True:
            batch = list(queryset.filter(pk__gt=last)[:INDEX_BATCH])
            if not batch:
                return sent
            documents = self.engine._prepare_documents_for_bulk(search_index, batch)
            for document in documents:
                document["_index"] = index
            with self._engine_call():
                _, errors = self._bulk(documents)
            _bulk_errors_raise(errors)
            last = batch[-1].pk
            sent.update(passage.pk for passage in batch)
            done += len(batch)
            progress(done, max(total, done))

    # Reading.
    def search(self, *, query: SearchQuery) -> SearchResults:
        if query.mode != "keyword":
            # Hybrid and semantic: the inherited fusion, with this class's keyword candidates and highlights.
            return super().search(query=query)
        page = max(1, min(int(query.page), MAX_PAGE))
        size = max(1, min(int(query.page_size), 100))
        parsed = query_parse(query.text)
        plan = self._keyword_plan(parsed=parsed, relaxed=False)
        if plan.empty:
            return SearchResults(hits=[], total=0, facets={})
        by_date = query.sort == "date"
        response = self._engine_search(
            plan=plan, filters=query.filters, limit=page * size + size, by_date=by_date, facets=query.with_facets,
            total=True,
        )
        if not response["hits"]["hits"] and not parsed.has_operators:
            # No passage has every word: rank those with any of them instead.
            plan = self._keyword_plan(parsed=parsed, relaxed=True)
            response = self._engine_search(
                plan=plan, filters=query.filters, limit=page * size + size, by_date=by_date, facets=query.with_facets,
                total=True,
            )
        ordered = overlaps_drop(_ranked_from(response))
        facets = _facets_from(response.get("aggregations", {})) if query.with_facets else {}
        window = ordered[(page - 1) * size : page * size]
        hits = self._hits_build(window, plan=plan if query.with_highlights else None)
        return SearchResults(hits=hits, total=response["hits"]["total"]["value"], facets=facets)

    def _keyword_plan(self, *, parsed: ParsedQuery, relaxed: bool) -> _EnginePlan:
        """Every group of the query must match (strict), or any word does and all of them score more (relaxed)."""
        words = [term for group in parsed.required for term in group]
        if not words and not parsed.prefixes:
            return _EnginePlan()
        groups = [
            {"bool": {"should": [_match(term) for term in group], "minimum_should_match": 1}}
            for group in parsed.required
        ]
        prefixes = [_match(prefix, kind="phrase_prefix") for prefix in parsed.prefixes]
        excluded = [_match(term, kind="phrase") for term in parsed.excluded]
        # Any real word of the query: a query of stop words alone (« le ») matches nothing, as on PostgreSQL.
        any_word = {"bool": {"should": [*(_match(word, zero_terms="none") for word in words), *prefixes],
                             "minimum_should_match": 1}}
        if relaxed and not parsed.has_operators:
            every_word = {"bool": {"must": groups + prefixes, "boost": self.tuning.all_terms_bonus}}
            query = {"bool": {"must": [any_word], "should": [every_word], "must_not": excluded}}
            # A passage with every word scores any_word + every_word, one with some of them any_word alone: the best
            # of the passages with every word (a conjunction, quick) and the best by any_word alone hold the best of
            # the query, which scores every passage that has any word twice over (most of the time at a million).
            parts = (
                {"bool": {"must": [any_word, every_word], "must_not": excluded}},
                {"bool": {"must": [any_word], "must_not": excluded}},
            )
            return _EnginePlan(query=query, highlight=any_word, parts=parts)
        query = {"bool": {"must": [*groups, *prefixes, any_word], "must_not": excluded}}
        return _EnginePlan(query=query, highlight=any_word)

    def _keyword_candidates(
        self, *, plan: _EnginePlan, filters: SearchFilters, limit: int, by_date: bool = False,
        narrowed: SearchFilters | None = None,
    ) -> tuple[list[RankedPassage], list[RankedPassage]]:
        """The best `limit` matches, and (with `narrowed`) the best `limit` inside narrower filters."""
        if plan.empty:
            return [], []
        everywhere = _ranked_from(self._engine_search(plan=plan, filters=filters, limit=limit, by_date=by_date))
        within = (
            _ranked_from(self._engine_search(plan=plan, filters=narrowed, limit=limit, by_date=by_date))
            if narrowed else []
        )
        return everywhere, within

    def _engine_search(
        self, *, plan: _EnginePlan, filters: SearchFilters, limit: int, by_date: bool = False, facets: bool = False,
        total: bool = False,
    ) -> dict:
        """The best `limit` matches; `total`: count every match too (the search page's count), which the ranking
        of candidates does not need and which costs most of the time at a million passages."""
        if plan.parts and not (by_date or facets or total):
            return self._best_of_parts(plan=plan, filters=filters, limit=limit)
        order: list = [{"seance_date": {"order": "desc", "missing": "_last"}}] if by_date else []
        body: dict[str, Any] = {
            "query": {"bool": {"must": [plan.query], "filter": _filters_dsl(filters)}},
            "size": limit,
            "sort": [*order, "_score", {"passage_id": "asc"}],
            "track_total_hits": total,
            "track_scores": True,
            "_source": list(RANKED_FIELDS),
        }
        if facets:
            body["aggs"] = {name: {"terms": {"field": f"{name}_id" if name in ("collectivite", "body") else name,
                                             "size": 200}} for name in FACET_FIELDS}
        with self._engine_call():
            return self._search(body)

    def _best_of_parts(self, *, plan: _EnginePlan, filters: SearchFilters, limit: int) -> dict:
        """The best `limit` matches of a plan asked as its parts in one request, merged: each passage at its best
        score, ties in passage order (sorting by score alone lets the engine skip what cannot enter the best)."""
        bodies = [
            {"query": {"bool": {"must": [part], "filter": _filters_dsl(filters)}}, "size": limit,
             "track_total_hits": False, "_source": list(RANKED_FIELDS)}
            for part in plan.parts
        ]
        with self._engine_call():
            responses = self._msearch(bodies)
        best: dict[int, dict] = {}
        for response in responses:
            for hit in response["hits"]["hits"]:
                known = best.get(hit["_source"]["passage_id"])
                if known is None or hit["_score"] > known["_score"]:
                    best[hit["_source"]["passage_id"]] = hit
        ordered = sorted(best.values(), key=lambda hit: (-hit["_score"], hit["_source"]["passage_id"]))
        return {"hits": {"hits": ordered[:limit]}}

    def _msearch(self, bodies: list[dict]) -> list[dict]:
        """Several searches of the alias in one request, each failing as `_search` does."""
        lines: list[dict] = []
        for body in bodies:
            lines += [{"allow_partial_search_results": False}, body]
        responses = self.engine.conn.msearch(index=self.index_name, body=lines)["responses"]
        for response in responses:
            if "error" in response:
                status = response.get("status", 500)
                raise self.engine.errors.TransportError(status, str(response["error"])[:300], response["error"])
        return responses

    # Results: the rows read from PostgreSQL, the snippets marked by the engine.
    def _hits_build(self, candidates: list[RankedPassage], *, plan: _EnginePlan | None) -> list[SearchHit]:
        hits = super()._hits_build(candidates, plan=None)
        if not hits or plan is None or plan.empty:
            return hits
        body = {
            "query": {"bool": {"filter": [{"terms": {"passage_id": [hit.passage_id for hit in hits]}}],
                               "should": [plan.highlight]}},
            "size": len(hits),
            "_source": ["passage_id"],
            "highlight": {
                "pre_tags": [MARK_START], "post_tags": [MARK_STOP],
                "fields": {"text": {"fragment_size": 200, "number_of_fragments": 2, "no_match_size": 300}},
            },
        }
        with self._engine_call():
            response = self._search(body)
        marked = {
            hit["_source"]["passage_id"]: " … ".join(hit.get("highlight", {}).get("text", []))
            for hit in response["hits"]["hits"]
        }
        for hit in hits:
            if marked.get(hit.passage_id):
                hit.snippet = snippet_html(marked[hit.passage_id])
        return hits


def _reindex_refusal(indices: list[str]) -> str:
    return _(
        "Index hors service présent : %(indices)s. Une autre reconstruction est en cours, ou s'est interrompue "
        "(supprimez alors cet index, qui ne sert à aucune recherche)."
    ) % {"indices": ", ".join(f"« {name} »" for name in indices)}


def _engine_fault(error: Exception, errors: Any) -> bool:
    """Unreachable, too slow, overloaded or failing: the engine's fault, not the request's."""
    status = error.status_code
    return isinstance(error, errors.ConnectionError) or not isinstance(status, int) or status >= 500 or status == 429


def _identifier(passage_id: int) -> str:
    """haystack's document id: app label, model, primary key."""
    return f"search.passage.{passage_id}"


def _bulk_errors_raise(errors: list[dict]) -> None:
    """A passage deleted before it was ever sent answers 404: nothing to remove. Anything else is a fault."""
    faults = [e for e in errors if not ("delete" in e and e["delete"].get("status") == 404)]
    if faults:
        raise RuntimeError(f"OpenSearch refused {len(faults)} passages: {faults[:3]}")


def _match(term: str, *, kind: str | None = None, zero_terms: str = "all") -> dict:
    """A term searched in the heading and the text; a quoted term is a phrase.

    `zero_terms` "all": a word that is only a stop word (« le ») must not make a strict query match nothing.
    """
    kind = kind or ("phrase" if " " in term else "best_fields")
    query: dict[str, Any] = {"query": term, "fields": ["heading^2", "text"], "type": kind}
    if kind != "phrase_prefix":
        query["zero_terms_query"] = zero_terms
    return {"multi_match": query}


def _filters_dsl(filters: SearchFilters) -> list[dict]:
    """The same filters as the PostgreSQL backend's WHERE clause; publication is always required."""
    clauses: list[dict] = [{"term": {"published": True}}]
    for name, values in (
        ("collectivite_id", filters.collectivite_ids),
        ("body_id", filters.body_ids),
        ("document_kind", filters.document_kinds),
        ("outcome", filters.outcomes),
        ("theme", filters.themes),
    ):
        if values:
            clauses.append({"terms": {name: list(values)}})
    dates = {}
    if filters.date_from:
        dates["gte"] = filters.date_from.isoformat()
    if filters.date_to:
        dates["lte"] = filters.date_to.isoformat()
    if dates:
        clauses.append({"range": {"seance_date": dates}})
    return clauses


def _ranked_from(response: dict) -> list[RankedPassage]:
    ranked = []
    for rank, hit in enumerate(response["hits"]["hits"], start=1):
        source, score = hit["_source"], float(hit.get("_score") or 0.0)
        date = source.get("seance_date")
        ranked.append(RankedPassage(
            source["passage_id"], source["document_id"], source["page_start"], source["page_end"],
            datetime.date.fromisoformat(date[:10]) if date else None, source.get("collectivite_id"),
            score=score, keyword_rank=rank, keyword_score=score, deliberation_id=source.get("deliberation_id"),
        ))
    return ranked


def _facets_from(aggregations: dict) -> dict[str, list[FacetValue]]:
    names = {
        "collectivite": {str(pk): name for pk, name in Collectivite.objects.values_list("pk", "name")},
        "body": {str(pk): name for pk, name in Body.objects.values_list("pk", "name")},
        "document_kind": dict(Document.Kind.choices),
        "outcome": dict(Deliberation.Outcome.choices),
        "theme": THEMES,
    }
    facets: dict[str, list[FacetValue]] = {}
    for name in FACET_FIELDS:
        values = []
        for bucket in aggregations.get(name, {}).get("buckets", []):
            value = str(bucket["key"])
            if value == "":
                continue
            values.append(FacetValue(value=value, label=str(names.get(name, {}).get(value, value)), count=bucket["doc_count"]))
        if name == "year":
            values.sort(key=lambda f: f.value, reverse=True)
        else:
            values.sort(key=lambda f: (-f.count, f.label))
        facets[name] = values
    return facets

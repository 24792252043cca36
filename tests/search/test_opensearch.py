"""What only the separate engines' backends have, against a real OpenSearch node then a real Elasticsearch node: their
copy of the published passages, an engine down or silent, haystack's commands. What every keyword backend shares is
asserted on all of them in test_keyword.py."""

from __future__ import annotations

import socket
import time
import uuid

import pytest
from django.urls import reverse

from config.faults import ServiceUnavailable
from search.backends import search_backend_get
from search.backends.base import SearchQuery
from search.backends.elasticsearch import ElasticsearchSearchBackend, PassageElasticsearchEngine
from search.backends.opensearch import OpenSearchSearchBackend, PassageEngine
from search.models import Passage
from tests.search.opensearch_node import elasticsearch_kind


BACKENDS = {"opensearch": OpenSearchSearchBackend, "elasticsearch": ElasticsearchSearchBackend,
            "elasticsearch8": ElasticsearchSearchBackend}


@pytest.fixture
def engine_class(engine_kind):
    return BACKENDS[engine_kind]


@pytest.fixture
def engine(passages, engine_class, engine_url):
    """The fixture's passages sent to a fresh index of the real node (the unpublished one included: it must stay out)."""
    backend = engine_class(url=engine_url, index=f"test_{uuid.uuid4().hex[:12]}")
    backend.passages_index(passage_ids=[p.pk for p in passages])
    yield backend
    backend.engine.clear()


def _keyword(backend, text, **options):
    return backend.search(query=SearchQuery(text=text, mode="keyword", **options))


def _objets(results) -> list[str]:
    return [hit.deliberation_objet for hit in results.hits]


def test_only_published_passages_reach_the_engine(engine, passages):
    assert engine.engine_count() == len(passages) - 1


def test_les_is_a_stop_word_beside_a_real_word(engine):
    # Lucene's French list has « les » (PostgreSQL's has not: tests/search/test_keyword.py).
    assert _objets(_keyword(engine, "les du urbanisme")) == ["Plan local d'urbanisme : modification simplifiée"]


def test_unpublished_text_is_never_found_and_unpublishing_reaches_the_engine(engine, passages):
    assert _keyword(engine, "secret").total == 0
    assert "secrets" not in " ".join(h.heading for h in _keyword(engine, "piscine intercommunale").hits)
    # A clerk unpublishes the Montpellier pool: the passage leaves the engine when it is indexed again.
    pool = passages[2]
    Passage.objects.filter(pk=pool.pk).update(published=False)
    engine.passages_index(passage_ids=[pool.pk])
    assert _keyword(engine, "piscines").total == 0
    # A passage deleted (a redaction rebuilds the document's passages) leaves it too.
    plan = passages[3]
    engine.passages_remove(passage_ids=[plan.pk])
    assert _keyword(engine, "urbanisme").total == 0


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_engine_down_raises_a_clear_error_quickly(passages, engine_class):
    backend = engine_class(url=f"http://127.0.0.1:{_closed_port()}", index="absent", timeout=1)
    started = time.monotonic()
    with pytest.raises(ServiceUnavailable, match="moteur de recherche"):
        _keyword(backend, "piscine")
    assert time.monotonic() - started < 5


def test_engine_silent_times_out(passages, engine_class):
    # A server that accepts connections and never answers: the timeout bounds the wait.
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        backend = engine_class(url=f"http://127.0.0.1:{silent.getsockname()[1]}", index="absent", timeout=1)
        started = time.monotonic()
        with pytest.raises(ServiceUnavailable):
            _keyword(backend, "piscine")
        assert time.monotonic() - started < 5


@pytest.fixture
def engine_down_settings(settings, engine_class):
    settings.SEARCH_BACKEND = f"{engine_class.__module__}.{engine_class.__name__}"
    setattr(settings, engine_class.url_setting, f"http://127.0.0.1:{_closed_port()}")
    settings.OPENSEARCH_TIMEOUT_SECONDS = 1
    search_backend_get.cache_clear()
    yield settings
    search_backend_get.cache_clear()


@pytest.mark.parametrize("mode", ["keyword", "hybrid"])
def test_engine_down_is_a_french_503(client, passages, engine_down_settings, mode):
    started = time.monotonic()
    page = client.get(reverse("search"), {"q": "piscine", "mode": mode})
    assert page.status_code == 503
    assert "moteur de recherche" in page.content.decode()
    api = client.get(reverse("api-search"), {"q": "piscine", "mode": mode})
    assert api.status_code == 503
    assert "moteur de recherche" in api.json()["error"]
    assert time.monotonic() - started < 10


def test_rebuild_index_and_update_index_send_published_passages_only(
    passages, engine_kind, engine_class, engine_url, monkeypatch, transactional_db
):
    import haystack
    from django.core.management import call_command

    index = f"test_{uuid.uuid4().hex[:12]}"
    connection = haystack.connections.connections_info["default"]
    engine = PassageElasticsearchEngine if elasticsearch_kind(engine_kind) else PassageEngine
    monkeypatch.setitem(connection, "ENGINE", f"{engine.__module__}.{engine.__name__}")
    monkeypatch.setitem(connection, "URL", engine_url)
    monkeypatch.setitem(connection, "INDEX_NAME", index)
    haystack.connections.reload("default")
    backend = engine_class(url=engine_url, index=index)
    try:
        call_command("rebuild_index", interactive=False, verbosity=0)
        assert backend.engine_count() == len(passages) - 1
        assert _objets(_keyword(backend, "d'assiettes")) == ["Tarifs de la restauration scolaire"]
        # A passage unpublished behind the engine's back: update_index --remove takes it out.
        Passage.objects.filter(pk=passages[2].pk).update(published=False)
        call_command("update_index", remove=True, verbosity=0)
        assert backend.engine_count() == len(passages) - 2
    finally:
        backend.engine.clear()
        monkeypatch.undo()
        haystack.connections.reload("default")


def test_the_relaxed_ranking_asked_in_two_parts_is_the_ranking_of_the_whole_query(engine):
    # Candidates are ranked by the relaxed query (any word, every word scoring more), asked as two quicker queries
    # at once; merged, they must give the same passages in the same order with the same scores.
    import dataclasses

    from search.backends.base import SearchFilters
    from search.query import query_parse

    for text in ("tarif du repas de la cantine scolaire", "subvention association sportive", "repas cantine xyzzy"):
        plan = engine._keyword_plan(parsed=query_parse(text), relaxed=True)
        assert len(plan.parts) == 2
        split, _ = engine._keyword_candidates(plan=plan, filters=SearchFilters(), limit=20)
        whole, _ = engine._keyword_candidates(plan=dataclasses.replace(plan, parts=()), filters=SearchFilters(), limit=20)
        assert split, text
        assert [(c.passage_id, round(c.score, 4)) for c in split] == [(c.passage_id, round(c.score, 4)) for c in whole]


def test_a_shard_that_cannot_answer_a_part_is_an_error_not_fewer_hits(engine):
    # One of the two parts refused (here an index gone) fails the whole ranking: never the other part's hits alone.
    from search.backends.base import SearchFilters
    from search.query import query_parse

    plan = engine._keyword_plan(parsed=query_parse("tarif du repas"), relaxed=True)
    engine.index_name = f"missing_{uuid.uuid4().hex[:8]}"
    with pytest.raises(engine.engine.errors.TransportError) as raised:
        engine._keyword_candidates(plan=plan, filters=SearchFilters(), limit=20)
    assert raised.value.status_code == 404

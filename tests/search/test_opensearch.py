"""The OpenSearch backend against a real node: French analysis, filters, publication, fusion, an engine down."""

from __future__ import annotations

import datetime
import socket
import time
import uuid

import pytest
from django.urls import reverse

from config.faults import ServiceUnavailable
from council.models import Collectivite
from search.backends import search_backend_get
from search.backends.base import SearchFilters, SearchQuery
from search.backends.opensearch import OpenSearchSearchBackend
from search.models import Passage


@pytest.fixture
def engine(passages, opensearch_url):
    """The fixture's passages sent to a fresh index of the real node (the unpublished one included: it must stay out)."""
    backend = OpenSearchSearchBackend(url=opensearch_url, index=f"test_{uuid.uuid4().hex[:12]}")
    backend.passages_index(passage_ids=[p.pk for p in passages])
    yield backend
    backend.engine.clear()


def _keyword(backend, text, **options):
    return backend.search(query=SearchQuery(text=text, mode="keyword", **options))


def _objets(results) -> list[str]:
    return [hit.deliberation_objet for hit in results.hits]


def test_only_published_passages_reach_the_engine(engine, passages):
    assert engine.engine_count() == len(passages) - 1


def test_elision_plural_and_accents_are_folded(engine):
    # « d'assiettes »: elided article and plural; the passage says « par assiette ».
    assert _objets(_keyword(engine, "d'assiettes")) == ["Tarifs de la restauration scolaire"]
    # « ecole » without its accent finds « l'école »; « l'urbanismes » finds « plan local d'urbanisme ».
    assert _objets(_keyword(engine, "ecole")) == ["Tarifs de la restauration scolaire"]
    assert _objets(_keyword(engine, "l'urbanismes")) == ["Plan local d'urbanisme : modification simplifiée"]


def test_every_word_must_match_then_any(engine):
    # Both words in one passage only.
    assert _objets(_keyword(engine, "tarifs piscines")) == ["Piscine olympique d'Antigone : tarifs d'entrée"]
    # No passage has both: those with either word come instead (the PostgreSQL backend's relaxed query).
    relaxed = _keyword(engine, "potagers rétention")
    assert set(_objets(relaxed)) == {
        "Subvention à l'association des jardins familiaux",
        "Cession de la parcelle du bassin de rétention du lotissement des Genêts",
    }


def test_web_search_syntax(engine):
    assert _objets(_keyword(engine, "tarifs -piscine")) == ["Tarifs de la restauration scolaire"]
    assert set(_objets(_keyword(engine, "potagers OR assiette"))) == {
        "Subvention à l'association des jardins familiaux", "Tarifs de la restauration scolaire",
    }
    assert _objets(_keyword(engine, '"modification simplifiée"')) == ["Plan local d'urbanisme : modification simplifiée"]
    assert _objets(_keyword(engine, '"simplifiée modification"')) == []
    assert _objets(_keyword(engine, "urba*")) == ["Plan local d'urbanisme : modification simplifiée"]
    # Stop words alone find nothing; beside a real word they do not stand in its way.
    assert _keyword(engine, "le").total == 0
    assert _objets(_keyword(engine, "les du urbanisme")) == ["Plan local d'urbanisme : modification simplifiée"]


def test_filters(engine, passages):
    chemere = Collectivite.objects.get(name="Chéméré").pk
    montpellier = passages[2]
    by_place = _keyword(engine, "tarifs", filters=SearchFilters(collectivite_ids=(chemere,)))
    assert _objets(by_place) == ["Tarifs de la restauration scolaire"]
    by_date = _keyword(engine, "tarifs", filters=SearchFilters(date_from=datetime.date(2021, 1, 1)))
    assert _objets(by_date) == ["Piscine olympique d'Antigone : tarifs d'entrée"]
    by_body = _keyword(engine, "subvention association", filters=SearchFilters(body_ids=(montpellier.body_id,)))
    assert by_body.hits == []
    assert by_body.total == 0
    by_kind = _keyword(engine, "urbanisme", filters=SearchFilters(document_kinds=("deliberation",), outcomes=("rejected",)))
    assert _objets(by_kind) == ["Plan local d'urbanisme : modification simplifiée"]
    assert _keyword(engine, "urbanisme", filters=SearchFilters(outcomes=("adopted",))).hits == []


def test_result_shape_facets_highlights_pages(engine):
    results = _keyword(engine, "tarifs", with_facets=True, with_highlights=True, page_size=1)
    assert results.total == 2
    assert len(results.hits) == 1
    hit = results.hits[0]
    assert hit.collectivite and hit.document_title and hit.seance_date and hit.keyword_rank == 1
    # « tarifs » is only in that passage's heading; the other has it in its text, plural and singular marked.
    marked = _keyword(engine, "tarif piscine", with_highlights=True).hits[0].snippet
    assert "<mark>tarifs</mark>" in marked and "<mark>piscine</mark>" in marked and "<mark>piscines</mark>" in marked
    assert {f.label: f.count for f in results.facets["collectivite"]} == {"Chéméré": 1, "Montpellier": 1}
    assert {f.value for f in results.facets["year"]} == {"2014", "2021"}
    second = _keyword(engine, "tarifs", page=2, page_size=1)
    assert second.hits[0].passage_id != hit.passage_id
    by_date = _keyword(engine, "tarifs", sort="date")
    assert [h.seance_date.year for h in by_date.hits] == [2021, 2014]


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


def test_hybrid_fuses_engine_keyword_ranks_with_pgvector(engine):
    results = engine.search(query=SearchQuery(text="tarifs de la piscine", mode="hybrid"))
    top = results.hits[0]
    assert top.deliberation_objet == "Piscine olympique d'Antigone : tarifs d'entrée"
    assert top.keyword_rank == 1 and top.semantic_rank is not None
    retrieved = engine.passages_retrieve(text="tarifs de la piscine", k=3, mode="hybrid", filters=SearchFilters())
    assert retrieved[0].passage_id == top.passage_id


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_engine_down_raises_a_clear_error_quickly(passages):
    backend = OpenSearchSearchBackend(url=f"http://127.0.0.1:{_closed_port()}", index="absent", timeout=1)
    started = time.monotonic()
    with pytest.raises(ServiceUnavailable, match="moteur de recherche"):
        _keyword(backend, "piscine")
    assert time.monotonic() - started < 5


def test_engine_silent_times_out(passages):
    # A server that accepts connections and never answers: the timeout bounds the wait.
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        backend = OpenSearchSearchBackend(url=f"http://127.0.0.1:{silent.getsockname()[1]}", index="absent", timeout=1)
        started = time.monotonic()
        with pytest.raises(ServiceUnavailable):
            _keyword(backend, "piscine")
        assert time.monotonic() - started < 5


@pytest.fixture
def engine_down_settings(settings):
    settings.SEARCH_BACKEND = "search.backends.opensearch.OpenSearchSearchBackend"
    settings.OPENSEARCH_URL = f"http://127.0.0.1:{_closed_port()}"
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


def test_rebuild_index_and_update_index_send_published_passages_only(passages, opensearch_url, monkeypatch, transactional_db):
    import haystack
    from django.core.management import call_command

    index = f"test_{uuid.uuid4().hex[:12]}"
    connection = haystack.connections.connections_info["default"]
    monkeypatch.setitem(connection, "URL", opensearch_url)
    monkeypatch.setitem(connection, "INDEX_NAME", index)
    haystack.connections.reload("default")
    backend = OpenSearchSearchBackend(url=opensearch_url, index=index)
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


def test_hostile_queries_never_fail_the_engine(engine):
    from tests.search.test_api import hostile_queries

    for text in hostile_queries(count=120):
        results = _keyword(engine, text, with_facets=True, with_highlights=True)
        assert results.total >= len(results.hits)
        for hit in results.hits:
            # Highlights are escaped text with <mark> only.
            assert "<script" not in hit.snippet and "\ue000" not in hit.snippet

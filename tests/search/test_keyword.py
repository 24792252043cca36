"""Keyword search as the portal asks it of either backend, with the same assertions: PostgreSQL's full text, then a
real OpenSearch node (French analysis, the web-search syntax, filters, facets, highlights, pages, sort, fusion)."""

from __future__ import annotations

import datetime

from council.models import Collectivite
from search.backends.base import SearchFilters, SearchQuery


def _keyword(backend, text, **options):
    return backend.search(query=SearchQuery(text=text, mode="keyword", **options))


def _objets(results) -> list[str]:
    return [hit.deliberation_objet for hit in results.hits]


def test_unpublished_text_is_never_found(backend):
    assert _keyword(backend, "secret").total == 0
    assert "secrets" not in " ".join(h.heading for h in _keyword(backend, "piscine intercommunale").hits)


def test_elision_plural_and_accents_are_folded(backend):
    # « d'assiettes »: elided article and plural; the passage says « par assiette ».
    assert _objets(_keyword(backend, "d'assiettes")) == ["Tarifs de la restauration scolaire"]
    # « ecole » without its accent finds « l'école »; « l'urbanismes » finds « plan local d'urbanisme ».
    assert _objets(_keyword(backend, "ecole")) == ["Tarifs de la restauration scolaire"]
    assert _objets(_keyword(backend, "l'urbanismes")) == ["Plan local d'urbanisme : modification simplifiée"]


def test_every_word_must_match_then_any(backend):
    # Both words in one passage only.
    assert _objets(_keyword(backend, "tarifs piscines")) == ["Piscine olympique d'Antigone : tarifs d'entrée"]
    # No passage has both: those with either word come instead (the PostgreSQL backend's relaxed query).
    relaxed = _keyword(backend, "potagers rétention")
    assert set(_objets(relaxed)) == {
        "Subvention à l'association des jardins familiaux",
        "Cession de la parcelle du bassin de rétention du lotissement des Genêts",
    }


def test_web_search_syntax(backend):
    assert _objets(_keyword(backend, "tarifs -piscine")) == ["Tarifs de la restauration scolaire"]
    assert set(_objets(_keyword(backend, "potagers OR assiette"))) == {
        "Subvention à l'association des jardins familiaux", "Tarifs de la restauration scolaire",
    }
    assert _objets(_keyword(backend, '"modification simplifiée"')) == ["Plan local d'urbanisme : modification simplifiée"]
    assert _objets(_keyword(backend, '"simplifiée modification"')) == []
    assert _objets(_keyword(backend, "urba*")) == ["Plan local d'urbanisme : modification simplifiée"]
    # Stop words alone find nothing; beside a real word they do not stand in its way.
    assert _keyword(backend, "le").total == 0
    # (PostgreSQL's French stop list lacks « les »: there it is a word, and the passages with it come after.)
    assert _objets(_keyword(backend, "les du urbanisme"))[0] == "Plan local d'urbanisme : modification simplifiée"


def test_filters(backend, passages):
    chemere = Collectivite.objects.get(name="Chéméré").pk
    montpellier = passages[2]
    by_place = _keyword(backend, "tarifs", filters=SearchFilters(collectivite_ids=(chemere,)))
    assert _objets(by_place) == ["Tarifs de la restauration scolaire"]
    by_date = _keyword(backend, "tarifs", filters=SearchFilters(date_from=datetime.date(2021, 1, 1)))
    assert _objets(by_date) == ["Piscine olympique d'Antigone : tarifs d'entrée"]
    by_body = _keyword(backend, "subvention association", filters=SearchFilters(body_ids=(montpellier.body_id,)))
    assert by_body.hits == []
    assert by_body.total == 0
    by_kind = _keyword(backend, "urbanisme", filters=SearchFilters(document_kinds=("deliberation",), outcomes=("rejected",)))
    assert _objets(by_kind) == ["Plan local d'urbanisme : modification simplifiée"]
    assert _keyword(backend, "urbanisme", filters=SearchFilters(outcomes=("adopted",))).hits == []


def test_result_shape_facets_highlights_pages(backend):
    results = _keyword(backend, "tarifs", with_facets=True, with_highlights=True, page_size=1)
    assert results.total == 2
    assert len(results.hits) == 1
    hit = results.hits[0]
    assert hit.collectivite and hit.document_title and hit.seance_date and hit.keyword_rank == 1
    # « tarifs » is only in that passage's heading; the other has it in its text, plural and singular marked.
    marked = _keyword(backend, "tarif piscine", with_highlights=True).hits[0].snippet
    assert "<mark>tarifs</mark>" in marked and "<mark>piscine</mark>" in marked and "<mark>piscines</mark>" in marked
    assert {f.label: f.count for f in results.facets["collectivite"]} == {"Chéméré": 1, "Montpellier": 1}
    assert {f.value for f in results.facets["year"]} == {"2014", "2021"}
    second = _keyword(backend, "tarifs", page=2, page_size=1)
    assert second.hits[0].passage_id != hit.passage_id
    by_date = _keyword(backend, "tarifs", sort="date")
    assert [h.seance_date.year for h in by_date.hits] == [2021, 2014]


def test_hybrid_fuses_keyword_ranks_with_pgvector(backend):
    results = backend.search(query=SearchQuery(text="tarifs de la piscine", mode="hybrid"))
    top = results.hits[0]
    assert top.deliberation_objet == "Piscine olympique d'Antigone : tarifs d'entrée"
    assert top.keyword_rank == 1 and top.semantic_rank is not None
    retrieved = backend.passages_retrieve(text="tarifs de la piscine", k=3, mode="hybrid", filters=SearchFilters())
    assert retrieved[0].passage_id == top.passage_id


def test_hostile_queries_never_fail_the_backend(backend):
    from tests.search.test_api import hostile_queries

    for text in hostile_queries(count=120):
        results = _keyword(backend, text, with_facets=True, with_highlights=True)
        assert results.total >= len(results.hits)
        for hit in results.hits:
            # Highlights are escaped text with <mark> only.
            assert "<script" not in hit.snippet and "\ue000" not in hit.snippet

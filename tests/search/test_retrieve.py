"""passages_retrieve: the contract the question-answering app relies on."""

from __future__ import annotations

import pytest

from search.backends.base import SearchFilters
from search.selectors import passages_retrieve

# Every test twice: PostgreSQL's keyword search, then OpenSearch's (tests/search/conftest.py).
pytestmark = pytest.mark.usefixtures("keyword_backend")


@pytest.mark.parametrize("mode", ["keyword", "semantic", "hybrid"])
def test_question_finds_its_passage(passages, mode):
    hits = passages_retrieve(text="Combien coûte l'entrée à la piscine pour un adulte ?", k=3, mode=mode)
    assert hits[0].deliberation_number == "V2021-301"
    assert hits[0].page_start == 1
    assert all(a.score >= b.score for a, b in zip(hits, hits[1:]))


def test_paraphrase_found_semantically(passages):
    hits = passages_retrieve(text="aide financière pour les potagers ouvriers", k=1, mode="semantic")
    assert hits[0].deliberation_number == "M2022-7"


def test_hybrid_exposes_both_ranks(passages):
    hit = passages_retrieve(text="cession de la parcelle du bassin de rétention", k=1, mode="hybrid")[0]
    assert hit.deliberation_number == "2013-21"
    assert hit.keyword_rank == 1 and hit.semantic_rank is not None
    assert hit.keyword_score > 0 and 0 < hit.semantic_score <= 1


@pytest.mark.parametrize("mode", ["keyword", "semantic", "hybrid"])
def test_unpublished_never_retrieved(passages, mode):
    hits = passages_retrieve(text="piscine tarifs secret non publié intercommunale", k=50, mode=mode)
    assert "2015-01" not in {hit.deliberation_number for hit in hits}
    assert hits  # published piscine passages still come


def test_filters_restrict_retrieval(passages):
    montpellier = passages[2].collectivite_id
    hits = passages_retrieve(text="tarifs", k=10, mode="hybrid", filters=SearchFilters(collectivite_ids=(montpellier,)))
    assert hits and all(hit.collectivite == "Montpellier" for hit in hits)


def test_hybrid_favours_the_collectivite_and_year_named(passages):
    # Both towns have a « tarifs » délibération; naming one (and its year) must bring its passage first.
    hits = passages_retrieve(text="Quels tarifs la commune de Chéméré a-t-elle votés en 2014 ?", k=3, mode="hybrid")
    assert hits[0].deliberation_number == "2014-40"
    hits = passages_retrieve(text="Quels tarifs Montpellier a-t-elle votés en 2021 ?", k=3, mode="hybrid")
    assert hits[0].deliberation_number == "V2021-301"


def test_hybrid_favours_the_month_named(passages):
    # Two Montpellier « conseil » passages; the month the question names decides between them.
    hits = passages_retrieve(text="Qu'a décidé le conseil de Montpellier en mai 2022 ?", k=5, mode="hybrid")
    assert hits[0].deliberation_number == "M2022-7"
    hits = passages_retrieve(text="Qu'a décidé le conseil de Montpellier en mars 2022 ?", k=5, mode="hybrid")
    assert hits[0].deliberation_number == "V2022-12"


def test_passages_following_stays_in_the_deliberation_and_published(passages):
    from search.models import Passage
    from search.selectors import passages_following

    first = passages[0]
    fields = dict(
        document=first.document, deliberation=first.deliberation, page_start=4, page_end=4, heading=first.heading,
        collectivite=first.collectivite, body=first.body, seance_date=first.seance_date,
        document_kind=first.document_kind, outcome=first.outcome,
    )
    decision = Passage.objects.create(position=1, text="- décide de céder la parcelle pour 46 000 €.", published=True, **fields)
    Passage.objects.create(position=2, text="Texte non publié.", published=False, **fields)
    other = passages[1]
    following = passages_following(passage_ids=[first.pk, other.pk], count=2)
    assert [hit.passage_id for hit in following[first.pk]] == [decision.pk]
    assert following[first.pk][0].deliberation_number == first.deliberation.number
    assert other.pk not in following


def test_keyword_candidates_need_two_rare_words_when_one_exceeds_the_budget(passages):
    from search.backends.postgres import PostgresSearchBackend, Tuning

    question = "Tarifs d'entrée de la piscine pour les adultes"
    # « tarifs » alone also matches the school-meals passage (its objet); it is a candidate while the budget allows.
    ample = PostgresSearchBackend().candidates_rank(text=question, mode="keyword", filters=SearchFilters(), depth=10)
    assert {c.passage_id for c in ample} >= {passages[1].pk, passages[2].pk}
    # A budget that even the rarest word exceeds, as on a very large index: two of the rarest words are required.
    tight = PostgresSearchBackend(tuning=Tuning(candidate_rows_budget=0))
    ranked = tight.candidates_rank(text=question, mode="keyword", filters=SearchFilters(), depth=10)
    assert [c.passage_id for c in ranked] == [passages[2].pk]


def test_overlapping_passages_dropped_only_within_one_deliberation():
    """A page of short items (Couthenans, « 1/ ONF … 2/ Déneigement … ») holds several délibérations: each keeps its
    passage; a passage that only repeats the pages of a better one of its délibération goes."""
    from search.backends.postgres import RankedPassage, overlaps_drop

    preamble = RankedPassage(1, 81, 1, 1, None, deliberation_id=None)
    onf = RankedPassage(2, 81, 1, 1, None, deliberation_id=1094)
    snow = RankedPassage(3, 81, 1, 1, None, deliberation_id=1095)
    snow_again = RankedPassage(4, 81, 1, 1, None, deliberation_id=1095)
    long_item = RankedPassage(5, 81, 1, 2, None, deliberation_id=1098)
    kept = overlaps_drop([preamble, onf, snow, snow_again, long_item])
    assert [p.passage_id for p in kept] == [1, 2, 3, 5]

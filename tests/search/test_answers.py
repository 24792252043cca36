"""Answers with their citations are the same whichever keyword backend retrieval runs on (PostgreSQL, OpenSearch,
Elasticsearch): vectors stay in pgvector and the fusion is unchanged; unpublished text is never cited."""

from __future__ import annotations

import pytest

from qa.services import question_answer

pytestmark = pytest.mark.usefixtures("keyword_backend")


def test_the_answer_and_its_citation_on_every_keyword_backend(passages):
    answer = question_answer(question="Combien coûte l'entrée à la piscine pour les adultes à Montpellier ?")
    assert not answer.abstained, answer
    assert "3,50" in answer.text
    piscine = next(p for p in passages if p.heading.startswith("V2021-301"))
    assert [(c.passage_id, c.page_start, c.url) for c in answer.citations][:1] == [
        (piscine.pk, piscine.page_start, f"/documents/{piscine.document_id}/pages/{piscine.page_start}/")
    ]



def test_unpublished_text_is_never_cited(passages):
    answer = question_answer(question="Quels sont les tarifs secrets de la piscine intercommunale de Chéméré ?")
    unpublished = {p.document_id for p in passages if not p.published}
    assert unpublished
    assert not {citation.document_id for citation in [*answer.citations, *answer.closest]} & unpublished
    assert "secret" not in answer.text.lower()

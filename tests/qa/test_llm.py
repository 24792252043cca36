"""LLM mode against a real OpenAI-compatible server on 127.0.0.1 (xllamacpp + a GGUF from PyPI), and the reading
of its structured answer as it streams."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from django.urls import reverse

from qa import citations, llm, services
from qa.evaluation import answers_evaluate
from qa.services import LLM, question_answer, question_answer_stream
from search.selectors import passages_retrieve
from tests.qa.llm_server import llm_server, llm_settings  # noqa: F401 (fixtures)

QUESTION = "Combien coûte le repas des accueils de loisirs à Pierrefonds ?"
# No passage of tests/qa/conftest.py speaks of a swimming pool, nor of Lyon.
UNANSWERABLE = "Combien coûte l'entrée de la piscine municipale de Lyon ?"

# What the test model streamed, piece by piece, asked « À quel prix la commune de Chéméré a-t-elle proposé de céder la
# parcelle du bassin de rétention ? » with the first three passages of tests/qa/conftest.py.
STREAMED = ['{"', 'answer', '":', ' [{"', 'text', '":', ' "', 'La', ' commune', ' de', ' Ch', 'ém', 'éré', ' a', ' proposé',
            ' de', ' cé', 'der', ' la', ' parcel', 'le', ' du', ' bass', 'in', ' de', ' ré', 't', 'ention', ' à', ' ',
            '4', '6', ' ', '0', '0', '0', ',', '0', '0', ' €', '.",', ' "', 'sources', '":', ' [', '1', ']}', '],', ' "',
            'decl', 'ined', '":', ' false', '}']


def test_structured_answer_read_as_it_streams():
    read = llm.answer_read(iter(STREAMED))
    assert next(read) == "La commune de Chéméré a proposé de céder la parcelle du bassin de rétention à 46 000,00 €. [1]"
    assert list(read) == []


def test_each_sentence_leaves_as_soon_as_its_object_closes():
    text = json.dumps({"answer": [{"text": "Il a dit « oui » puis {non} [3].", "sources": [2, 1]},
                                  {"text": "Vote : 16 « Pour », 3 « Abstention ».", "sources": [2]}],
                       "declined": False},
                      ensure_ascii=False)
    sent: list[str] = []
    read = llm.answer_read(_pieces(text, size=3, sent=sent))
    first = next(read)
    assert first == "Il a dit « oui » puis {non}. [2][1]"
    # Held to nothing after the first object's closing brace: the second was not yet streamed.
    assert "Vote" not in "".join(sent)
    assert list(read) == ["Vote : 16 « Pour », 3 « Abstention ». [2]"]


def test_explicit_refusal_and_uncited_sentences():
    assert list(llm.answer_read(iter(['{"answer": [', '], "decl', 'ined": true}']))) == [llm.DECLINED]
    # Sentences already shown stand: a late "declined" does not take them back.
    assert list(llm.answer_read(iter(['{"answer": [{"text": "Oui.", "sources": [1]}], "declined": true}']))) == [
        "Oui. [1]"
    ]
    # A server that ignores the schema: its JSON without sources gives sentences that the checker will drop.
    assert list(llm.answer_read(iter(['{"answer": [{"text": "46 000 €"}]}']))) == ["46 000 €"]
    assert list(llm.answer_read(iter(['{"source": 1, "price": 46000}']))) == []


def test_prose_from_a_server_without_structured_output():
    pieces = ["La parcelle est vendue 46 000,00 €. ", "[1] Le repas coûte ", "1,12 €. [2]"]
    assert list(llm.answer_read(iter(pieces))) == ["La parcelle est vendue 46 000,00 € [1].", "Le repas coûte 1,12 € [2]."]


def test_schema_names_only_the_given_sources():
    schema = llm.answer_schema(source_count=3)
    assert schema["required"] == ["answer", "declined"]
    sentence = schema["properties"]["answer"]["items"]
    assert sentence["properties"]["sources"]["items"]["enum"] == [1, 2, 3]
    assert sentence["properties"]["sources"]["minItems"] == 1


def _pieces(text: str, *, size: int, sent: list[str]):
    for start in range(0, len(text), size):
        sent.append(text[start : start + size])
        yield text[start : start + size]


@pytest.mark.django_db
def test_server_streams_schema_bound_json(qa_passages, llm_settings):
    pieces = list(llm.answer_stream(question=QUESTION, hits=passages_retrieve(text=QUESTION, k=3)))
    assert len(pieces) > 1
    body = json.loads("".join(pieces))
    assert set(body) == {"answer", "declined"} and body["declined"] is False
    for sentence in body.get("answer", []):
        assert sentence["text"].strip() and set(sentence["sources"]) <= {1, 2, 3}


@pytest.mark.django_db
def test_llm_answer_is_cited_sentence_by_sentence(qa_passages, llm_settings, monkeypatch):
    finished = []

    def watched(**kwargs):
        yield from real_stream(**kwargs)
        finished.append(True)

    real_stream = llm.answer_stream
    monkeypatch.setattr(llm, "answer_stream", watched)
    events = question_answer_stream(question=QUESTION)
    first = next(events)
    # The first checked sentence arrives while the model is still writing (at least the JSON's closing brackets).
    assert isinstance(first, citations.CheckedSentence) and not finished
    rest = list(events)
    answer = rest[-1]
    assert answer.mode == LLM and not answer.abstained
    assert [s.text for s in [first, *rest[:-1]]] == [s.text for s in answer.sentences]
    assert "4,80 €" in answer.text
    assert answer.uncited == answer.unprinted == 0  # every sentence the model wrote cited a source, and its figures
    numbers = {int(n) for n in re.findall(r"\[(\d+)\]", answer.text)}
    assert numbers == {c.n for c in answer.citations}
    tarif = next(p for p in qa_passages if p.deliberation.number == "2024-31")
    assert tarif.pk in {c.passage_id for c in answer.citations}


@pytest.mark.django_db
def test_model_declines_when_the_sources_do_not_answer(qa_passages, llm_settings):
    hits = passages_retrieve(text=QUESTION, k=3)
    assert list(llm.answer_sentences_stream(question=UNANSWERABLE, hits=hits)) == [llm.DECLINED]


@pytest.mark.django_db
def test_model_refusal_abstains_with_contact_and_closest(qa_passages, llm_settings, monkeypatch):
    # The retrieval gate lets this question through (the tariff passage answers it); the model is handed only the
    # passages that name no price at all, so the refusal has to be the model's own.
    monkeypatch.setattr(services, "_llm_sources", lambda reasoning: [
        hit for hit in reasoning.evidence.hits if "€" not in hit.text
    ][:services.LLM_SOURCES])
    events = list(question_answer_stream(question="Combien coûte le repas des accueils de loisirs ?"))
    answer = events[-1]
    assert answer.reason == llm.DECLINED_REASON
    assert events == [answer] and answer.abstained and answer.text == "" and not answer.citations
    assert answer.closest and answer.as_json()["contact"]["phone"]


@pytest.mark.django_db
def test_evaluation_of_the_models_answers(qa_passages, llm_settings):
    tarif = next(p for p in qa_passages if p.deliberation.number == "2024-31")
    questions = [
        {"id": "a", "question": QUESTION, "answerable": True, "answer_contains": ["4,80"],
         "relevant": [{"document": tarif.document.source_path, "pages": [tarif.page_start]}]},
        {"id": "b", "question": UNANSWERABLE, "answerable": False},
    ]
    report = answers_evaluate(questions=questions, corpus_root=Path("/"), mode=LLM)
    answered, declined = report["per_question"]
    assert answered["correct"] and answered["citations_relevant"] == [True] and declined["abstained"]
    assert answered["sentences_shown"] >= 1 and answered["sentences_uncited"] == answered["sentences_unprinted"] == 0
    assert 0 < answered["first_sentence_ms"] <= answered["latency_ms"] and declined["first_sentence_ms"] is None
    summary = report["summary"]
    assert summary["mode"] == LLM and summary["abstention"] == 1.0
    assert summary["sentences_cited"] == 1.0 and summary["sentences_unprinted"] == 0
    assert summary["first_sentence_ms_p50"] == answered["first_sentence_ms"]


@pytest.mark.django_db
def test_question_page_streams_in_llm_mode(client, qa_passages, llm_settings):
    response = client.get(reverse("qa-question"), {"q": QUESTION})
    assert response.streaming
    html = b"".join(response.streaming_content).decode()
    assert "<script" not in html and "Parler à un agent" in html
    assert "Sources citées" in html and 'class="answer-sentence"' in html


@pytest.mark.django_db
def test_api_in_llm_mode(client, qa_passages, llm_settings):
    body = client.post(reverse("api-ask"), data={"question": QUESTION}, content_type="application/json").json()
    assert body["mode"] == LLM and not body["abstained"]
    assert {int(n) for n in re.findall(r"\[(\d+)\]", body["answer"])} == {c["n"] for c in body["citations"]}
    assert question_answer(question=QUESTION).mode == LLM

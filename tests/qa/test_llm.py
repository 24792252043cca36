"""LLM mode against a real OpenAI-compatible server on 127.0.0.1 (llama-cpp-python + a GGUF from PyPI)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from qa.llm import answer_stream
from qa.services import LLM, question_answer, question_answer_stream
from tests.qa.llm_server import llm_server, llm_settings  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db
QUESTION = "À quel prix la commune de Chéméré a-t-elle proposé de céder la parcelle du bassin de rétention ?"


def test_server_streams_through_llama_index(qa_passages, llm_settings):
    from search.selectors import passages_retrieve

    pieces = list(answer_stream(question=QUESTION, hits=passages_retrieve(text=QUESTION, k=3)))
    assert len(pieces) > 1 and "".join(pieces).strip()


def test_llm_answer_keeps_only_checked_sentences(qa_passages, llm_settings):
    events = list(question_answer_stream(question=QUESTION))
    answer = events[-1]
    assert answer.mode == LLM
    sentences = events[:-1]
    assert [s.text for s in sentences] == [s.text for s in answer.sentences]
    numbers = {int(n) for n in re.findall(r"\[(\d+)\]", answer.text)}
    assert numbers == {c.n for c in answer.citations}
    given = {p.pk for p in qa_passages}
    assert all(c.passage_id in given for c in answer.citations)
    if answer.abstained:
        assert answer.text == "" and answer.closest


def test_question_page_streams_in_llm_mode(client, qa_passages, llm_settings):
    response = client.get(reverse("qa-question"), {"q": QUESTION})
    assert response.streaming
    html = b"".join(response.streaming_content).decode()
    assert "<script" not in html and "Parler à un agent" in html
    assert ("Sources citées" in html) != ("ne permettent pas de répondre" in html)


def test_api_in_llm_mode(client, qa_passages, llm_settings):
    body = client.post(reverse("api-ask"), data={"question": QUESTION}, content_type="application/json").json()
    assert body["mode"] == LLM
    assert {int(n) for n in re.findall(r"\[(\d+)\]", body["answer"])} == {c["n"] for c in body["citations"]}
    assert question_answer(question=QUESTION).mode == LLM

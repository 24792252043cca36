"""Every dev question, in both modes: 100 % of the citations valid on real minutes.

The documents the dev questions point to (those of at most MAX_PAGES pages, to keep the run short) are
ingested keyword-searchable — the slow embedding step is left out; retrieval is then keyword only.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from council.models import Body, Collectivite, Seance
from council.services import body_get_or_create, collectivite_get_or_create, collectivite_label_parse
from ingestion.services import document_process, document_publish, document_upload
from privacy.services import document_privacy_review_mark
from qa.services import EXTRACTIVE, LLM, question_answer
from search.models import Passage
from tests.corpus import corpus_root
from tests.qa.llm_server import llm_server, llm_settings  # noqa: F401 (fixtures)

pytestmark = pytest.mark.corpus
MAX_PAGES = 20
QUESTIONS = Path(__file__).resolve().parents[3] / "shared" / "eval" / "dev_questions.jsonl"


def _questions() -> list[dict]:
    path = Path(corpus_root()).parent / "eval" / "dev_questions.jsonl"
    if not path.is_file():
        path = QUESTIONS
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def dev_corpus(django_db_setup, django_db_blocker):
    root = corpus_root()
    with open(root / "manifest.csv", newline="", encoding="utf-8") as handle:
        manifest = {row["file"]: row for row in csv.DictReader(handle)}
    wanted = sorted({r["document"] for q in _questions() for r in q["relevant"]})
    with django_db_blocker.unblock():
        existing = set(Collectivite.objects.values_list("pk", flat=True))
        loaded = []
        for relative in wanted:
            row = manifest[relative]
            if int(row["pages"] or 0) > MAX_PAGES:
                continue
            name, body_name = collectivite_label_parse(row["collectivite"])
            body = body_get_or_create(collectivite=collectivite_get_or_create(name=name), name=body_name)
            with open(root / relative, "rb") as handle:
                document, _ = document_upload(source=handle, original_name=Path(relative).name, body=body, source_path=relative)
            document = document_process(document_id=document.pk)
            if not document.error:
                # Keyword search answers these questions: the slow embedding step is skipped and the document
                # taken as processed, since only a processed document is published.
                document.status, document.step = document.Status.READY, document.Step.DONE
                document.save(update_fields=["status", "step"])
                # The public corpus of the question set: its review is declared, as `ingest --privacy-reviewed` does.
                if document.privacy_status == document.PrivacyStatus.NEEDS_REVIEW:
                    document_privacy_review_mark(document=document, reviewer="tests : corpus des questions de dev")
                loaded.append(document_publish(document=document, published=True))
        yield loaded
        for document in loaded:
            document.delete()
        # What the corpus created goes too: the tests after these find the database as they would alone.
        created = Collectivite.objects.exclude(pk__in=existing)
        Seance.objects.filter(body__collectivite__in=created).delete()
        Body.objects.filter(collectivite__in=created).delete()
        created.delete()


def _assert_valid(answer) -> None:
    numbers = {int(n) for n in re.findall(r"\[(\d+)\]", answer.text)}
    assert numbers == {c.n for c in answer.citations}, answer.text
    if answer.abstained:
        assert answer.text == "" and not answer.citations
        return
    assert answer.sentences and all(s.numbers for s in answer.sentences)
    for citation in answer.citations:
        passage = Passage.objects.get(pk=citation.passage_id)
        assert passage.published and passage.document_id == citation.document_id
        assert (citation.page_start, citation.page_end) == (passage.page_start, passage.page_end)
        text = " ".join(passage.text.split())
        assert all(part in text for part in citation.quote.rstrip("…").split(" … ")), citation.quote


@pytest.mark.django_db
def test_every_dev_question_extractive(dev_corpus):
    assert dev_corpus
    answered = 0
    for item in _questions():
        answer = question_answer(question=item["question"], mode=EXTRACTIVE)
        _assert_valid(answer)
        answered += not answer.abstained
    assert answered >= 10


@pytest.mark.django_db
def test_every_sixth_dev_question_llm(dev_corpus, llm_settings):
    # Ten questions: the CPU test model takes 10 to 60 s an answer, and the checks are the same for each.
    for item in _questions()[::6]:
        answer = question_answer(question=item["question"], mode=LLM)
        if answer.mode == EXTRACTIVE:
            # The stored fields answered (a vote, a date…): the model was not asked, the answer is the reader's.
            assert answer.text == question_answer(question=item["question"], mode=EXTRACTIVE).text
        else:
            assert answer.mode == LLM
        _assert_valid(answer)

"""A private name in an ingested PDF cannot be found through any public door, and stays in the original."""

from __future__ import annotations

import io
import json
import subprocess
from pathlib import Path

import pypdfium2
import pytest
from django.core.management import call_command
from django.urls import reverse

from council.services import body_get_or_create, collectivite_get_or_create
from ingestion.services import document_ingest, document_publish, document_upload
from tests.ingestion.test_pipeline import minutes_pdf

PRIVATE = ("DUCROCQ", "Ducrocq", "Jean-Baptiste", "Lilas")
# What the private person's deliberation is about, to reach it through every door.
TOPIC = "cession de la parcelle AB 123"


@pytest.fixture
def published(db):
    body = body_get_or_create(collectivite=collectivite_get_or_create(name="Commune de Val-sur-Loire"))
    document, _ = document_upload(source=io.BytesIO(minutes_pdf()), original_name="pv.pdf", body=body)
    document = document_ingest(document_id=document.pk)
    assert document.status == "ready", document.error
    return document_publish(document=document, published=True)


@pytest.fixture(params=["postgres", "opensearch"])
def published_searchable(request, settings, django_capture_on_commit_callbacks):
    """The published document with each keyword backend in turn: OpenSearch's is the real node, the document's engine
    step and its publication done in this process."""
    from search.backends import search_backend_get
    from config.workers import no_worker
    from tests.search.opensearch_node import opensearch_backend_configure

    if request.param == "postgres":
        yield request.getfixturevalue("published")
        return
    backend = opensearch_backend_configure(settings, url=request.getfixturevalue("opensearch_url"))
    with no_worker(), django_capture_on_commit_callbacks(execute=True):
        document = request.getfixturevalue("published")
    assert backend.engine_count() == document.passages.count() > 0
    yield document
    backend.engine.indices_drop()
    search_backend_get.cache_clear()


def assert_no_private_name(text: str, where: str) -> None:
    for name in PRIVATE:
        assert name not in text, f"{name!r} visible in {where}"


def test_private_name_hidden_from_every_public_door(client, published_searchable):
    published = published_searchable
    deliberation = published.deliberations.get(number="D2025-015")
    seance = published.seance
    # A query typed with the name echoes it back: what counts is that no result carries it.
    echoed = client.get(reverse("search"), {"q": "Ducrocq"}).content.decode()
    unknown = client.get(reverse("search"), {"q": "Zzyzxq"}).content.decode()
    assert echoed.count("Ducrocq") == unknown.count("Zzyzxq")
    for mode in ("keyword", "semantic", "hybrid"):
        results = client.get(reverse("api-search"), {"q": "Ducrocq", "mode": mode}).json()["results"]
        assert_no_private_name(json.dumps(results, ensure_ascii=False), f"api search {mode} by name")
    responses = {
        "search page topic": client.get(reverse("search"), {"q": TOPIC}),
        "deliberation page": client.get(reverse("deliberation-detail", args=[deliberation.pk])),
        "seance page": client.get(reverse("seance-detail", args=[seance.pk])),
        "document page": client.get(reverse("document-detail", args=[published.pk])),
        "page viewer": client.get(reverse("document-page", args=[published.pk, 2])),
        "api deliberations": client.get(reverse("api-deliberation-list")),
        "api deliberation": client.get(reverse("api-deliberation-detail", args=[deliberation.pk])),
        "api seance": client.get(reverse("api-seance-detail", args=[seance.pk])),
        "api document": client.get(reverse("api-document-detail", args=[published.pk])),
        "rss": client.get(reverse("feed-deliberations-rss")),
        "atom": client.get(reverse("feed-deliberations-atom")),
        "csv": client.get(reverse("export-deliberations-csv")),
        "jsonl": client.get(reverse("export-deliberations-jsonl")),
        "scdl": client.get(reverse("export-deliberations-scdl")),
        "question page": client.get(reverse("qa-question"), {"q": "Qui achète la parcelle AB 123 ?"}),
    }
    for mode in ("keyword", "semantic", "hybrid"):
        responses[f"api search {mode}"] = client.get(reverse("api-search"), {"q": TOPIC, "mode": mode})
    for question in ("Qui achète la parcelle AB 123 ?", "Où habite l'acheteur de la parcelle AB 123 ?"):
        responses[f"api ask {question}"] = client.post(
            reverse("api-ask"), data=json.dumps({"question": question}), content_type="application/json"
        )
    for where, response in responses.items():
        assert response.status_code == 200, where
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert_no_private_name(body.decode(), where)
    # The topic is really reachable: the doors above were not empty.
    assert "AB 123" in responses["api search keyword"].content.decode()
    # Officials stay named.
    assert "Paul BERNARD" in responses["deliberation page"].content.decode() or "BERNARD" in responses["seance page"].content.decode()


def test_private_name_hidden_from_command_export(published, capsys):
    call_command("export_deliberations", "--format", "csv")
    assert_no_private_name(capsys.readouterr().out, "export command")


def test_page_image_has_the_name_masked(client, published, tmp_path):
    response = client.get(reverse("document-page-image", args=[published.pk, 2]))
    assert response.status_code == 200
    image = tmp_path / "page.png"
    image.write_bytes(b"".join(response.streaming_content) if response.streaming else response.content)
    seen = subprocess.run(["tesseract", str(image), "-", "-l", "fra"], capture_output=True, text=True, check=True).stdout
    assert "parcelle" in seen  # the page was read
    assert_no_private_name(seen, "page image")


def test_original_keeps_the_name_and_is_not_public(client, published):
    assert client.get(reverse("document-original", args=[published.pk])).status_code in (403, 404)
    pdf = pypdfium2.PdfDocument(Path(published.file.path))
    original_text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    assert "DUCROCQ" in original_text


def test_question_log_keeps_no_name_typed_by_a_citizen(client, published):
    from qa.models import QuestionLog

    response = client.post(
        reverse("api-ask"),
        data=json.dumps({"question": "Est-ce que M. Jean-Baptiste Ducrocq a acheté la parcelle AB 123 ?"}),
        content_type="application/json",
        HTTP_USER_AGENT="Mozilla/5.0 (test-agent)",
        REMOTE_ADDR="203.0.113.7",
    )
    assert response.status_code == 200
    logged = json.dumps(list(QuestionLog.objects.values()), default=str)
    assert QuestionLog.objects.exists()
    for private in ("Ducrocq", "Jean-Baptiste", "203.0.113.7", "test-agent"):
        assert private not in logged

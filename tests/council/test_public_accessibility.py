"""Accessibility basics of every public page: language, one h1, labelled fields, landmarks, skip link, alt texts."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.urls import reverse


class _PageAudit(HTMLParser):
    def __init__(self):
        super().__init__()
        self.lang = None
        self.h1 = 0
        self.ids: set[str] = set()
        self.label_targets: set[str] = set()
        self.fields: list[dict] = []
        self.landmarks: list[str] = []
        self.navs: list[dict] = []
        self.images: list[dict] = []
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag == "html":
            self.lang = attributes.get("lang")
        elif tag == "h1":
            self.h1 += 1
        elif tag == "label" and attributes.get("for"):
            self.label_targets.add(attributes["for"])
        elif tag in {"input", "select", "textarea"} and attributes.get("type") not in {"hidden", "submit", "button"}:
            self.fields.append(attributes)
        elif tag in {"main", "header", "footer"}:
            self.landmarks.append(tag)
        elif tag == "nav":
            self.navs.append(attributes)
        elif tag == "img":
            self.images.append(attributes)
        elif tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])


def _audit(html: str) -> _PageAudit:
    audit = _PageAudit()
    audit.feed(html)
    return audit


@pytest.fixture
def public_urls(council_rows):
    document, (deliberation,) = council_rows(published=True)
    return [
        reverse("home"),
        reverse("seance-list"),
        reverse("seance-list") + "?year=abc",
        reverse("seance-detail", args=[document.seance.pk]),
        reverse("deliberation-list"),
        reverse("deliberation-detail", args=[deliberation.pk]),
        reverse("document-detail", args=[document.pk]),
        reverse("document-page", args=[document.pk, 1]),
        reverse("transparency"),
    ]


def test_every_public_page_meets_the_basics(client, public_urls):
    for url in public_urls:
        response = client.get(url)
        assert response.status_code == 200, url
        audit = _audit(response.content.decode())
        assert audit.lang == "fr", url
        assert audit.h1 == 1, f"{url}: {audit.h1} h1"
        assert {"main", "header", "footer"} <= set(audit.landmarks), url
        assert audit.links[0] == "#contenu" and "contenu" in audit.ids, f"{url}: skip link first"
        for field in audit.fields:
            labelled = field.get("id") in audit.label_targets or field.get("aria-label") or field.get("aria-labelledby")
            assert labelled, f"{url}: unlabelled field {field}"
        if len(audit.navs) > 1:
            assert all(nav.get("aria-label") for nav in audit.navs), f"{url}: navigation regions need names"
        assert all(image.get("alt") for image in audit.images), url


def test_page_viewer_shows_image_and_public_text(client, council_rows):
    document, _ = council_rows(published=True)
    response = client.get(reverse("document-page", args=[document.pk, 1]))
    audit = _audit(response.content.decode())
    assert [image["src"] for image in audit.images] == [reverse("document-page-image", args=[document.pk, 1])]
    assert "[personne 1] habite ici." in response.content.decode()
    assert reverse("document-page", args=[document.pk, 2]) in audit.links
    assert client.get(reverse("document-page", args=[document.pk, 3])).status_code == 404


def test_transparency_names_the_answering_model_and_retention(client, settings):
    settings.LLM_BASE_URL = ""
    settings.QUESTION_LOG_RETENTION_DAYS = 30
    body = client.get(reverse("transparency")).content.decode()
    assert "Aucun modèle génératif : réponses extractives" in body
    assert "30 jours" in body
    assert settings.EMBEDDINGS_MODEL in body
    assert settings.CONTACT_EMAIL in body
    settings.LLM_BASE_URL = "http://127.0.0.1:8080/v1"
    settings.LLM_MODEL = "mistral-small-3.1"
    body = client.get(reverse("transparency")).content.decode()
    assert "mistral-small-3.1" in body and "Aucun modèle génératif" not in body


def test_transparency_shows_the_accuracy_measured_leave_one_out(client, settings, tmp_path):
    # The report `evaluate --loco --accuracy` writes, as committed in qa/data.
    report = json.loads((Path(settings.BASE_DIR) / "qa" / "data" / "accuracy.json").read_text(encoding="utf-8"))
    body = client.get(reverse("transparency")).content.decode()
    assert "Exactitude mesurée" in body
    assert f"{round(100 * report['correctness'])} %" in body and f"{round(100 * report['declined'])} %" in body
    # Another report, then none: the section follows it, and disappears rather than show a stale or broken figure.
    written = tmp_path / "accuracy.json"
    written.write_text(json.dumps({**report, "correctness": 0.5, "measured_on": "2027-01-15"}), encoding="utf-8")
    settings.ACCURACY_REPORT = written
    body = client.get(reverse("transparency")).content.decode()
    assert "50 %" in body and "15 janvier 2027" in body
    settings.ACCURACY_REPORT = tmp_path / "absent.json"
    assert "Exactitude mesurée" not in client.get(reverse("transparency")).content.decode()

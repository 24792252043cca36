"""Only published documents are visible: pages, API, feeds and HTTP exports never show the others."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

SECRET_OBJET = "Acquisition confidentielle du terrain Zéphyrin"
PUBLIC_OBJET = "Subvention au club de football"


@pytest.fixture
def mixed(council_rows):
    """One published and one unpublished document, in the same séance and in a séance of their own."""
    public, public_items = council_rows(published=True, objets=(PUBLIC_OBJET,))
    hidden_same_seance, hidden_items = council_rows(published=False, objets=(SECRET_OBJET,))
    hidden_alone, alone_items = council_rows(
        published=False, objets=(SECRET_OBJET,), date=datetime.date(2023, 1, 10)
    )
    return {
        "public": (public, public_items[0]),
        "hidden_same_seance": (hidden_same_seance, hidden_items[0]),
        "hidden_alone": (hidden_alone, alone_items[0]),
    }


def test_public_pages_show_published_and_never_unpublished(client, mixed):
    public, public_item = mixed["public"]
    pages = [
        reverse("home"),
        reverse("seance-list"),
        reverse("deliberation-list"),
        reverse("seance-detail", args=[public.seance.pk]),
        reverse("deliberation-detail", args=[public_item.pk]),
        reverse("document-detail", args=[public.pk]),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert SECRET_OBJET not in response.content.decode(), url
    assert PUBLIC_OBJET in client.get(reverse("seance-detail", args=[public.seance.pk])).content.decode()


def test_unpublished_objects_are_404(client, mixed):
    hidden, hidden_item = mixed["hidden_alone"]
    for url in [
        reverse("seance-detail", args=[hidden.seance.pk]),
        reverse("deliberation-detail", args=[hidden_item.pk]),
        reverse("document-detail", args=[hidden.pk]),
        reverse("document-page", args=[hidden.pk, 1]),
        reverse("document-page-image", args=[hidden.pk, 1]),
        reverse("document-original", args=[hidden.pk]),
        reverse("api-seance-detail", args=[hidden.seance.pk]),
        reverse("api-deliberation-detail", args=[hidden_item.pk]),
        reverse("api-document-detail", args=[hidden.pk]),
    ]:
        assert client.get(url).status_code == 404, url
    hidden_in_shared, shared_item = mixed["hidden_same_seance"]
    assert client.get(reverse("deliberation-detail", args=[shared_item.pk])).status_code == 404
    assert client.get(reverse("document-detail", args=[hidden_in_shared.pk])).status_code == 404


def test_seance_list_counts_only_seances_with_a_published_document(client, mixed):
    response = client.get(reverse("seance-list"))
    seances = list(response.context["page_obj"].object_list)
    assert [seance.pk for seance in seances] == [mixed["public"][0].seance.pk]


def test_api_lists_hide_unpublished(client, mixed):
    deliberations = client.get("/api/v1/deliberations").json()
    assert deliberations["count"] == 1
    assert deliberations["results"][0]["objet"] == PUBLIC_OBJET
    seances = client.get("/api/v1/seances").json()
    assert [item["id"] for item in seances["results"]] == [mixed["public"][0].seance.pk]
    detail = client.get(f"/api/v1/seances/{mixed['public'][0].seance.pk}").json()
    assert [item["objet"] for item in detail["deliberations"]] == [PUBLIC_OBJET]
    assert [item["id"] for item in detail["documents"]] == [mixed["public"][0].pk]


def test_feeds_hide_unpublished(client, mixed):
    for name in ["feed-deliberations-rss", "feed-deliberations-atom"]:
        body = client.get(reverse(name)).content.decode()
        assert PUBLIC_OBJET in body
        assert SECRET_OBJET not in body
    for name in ["feed-seances-rss", "feed-seances-atom"]:
        body = client.get(reverse(name)).content.decode()
        assert "15/05/2024" in body
        assert "10/01/2023" not in body


def test_http_exports_hide_unpublished(client, mixed):
    for name in ["export-deliberations-csv", "export-deliberations-jsonl", "export-deliberations-scdl"]:
        response = client.get(reverse(name))
        body = b"".join(response.streaming_content).decode()
        assert response.status_code == 200
        assert PUBLIC_OBJET in body, name
        assert SECRET_OBJET not in body, name


def test_public_text_never_shows_raw_text(client, mixed):
    public, _ = mixed["public"]
    for url in [reverse("document-detail", args=[public.pk]), reverse("document-page", args=[public.pk, 1])]:
        body = client.get(url).content.decode()
        assert "[personne 1] habite ici." in body
        assert "Jean SECRET" not in body
    assert "Jean SECRET" not in client.get(f"/api/v1/documents/{public.pk}").content.decode()


def test_original_pdf_only_when_checked_free_of_personal_data(client, council_rows, admin_client, settings):
    checked, _ = council_rows(published=True, personal_data_free=True)
    unchecked, _ = council_rows(published=True, personal_data_free=False)
    hidden, _ = council_rows(published=False, personal_data_free=True)
    for document in (checked, unchecked, hidden):
        path = settings.MEDIA_ROOT / document.file.name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"%PDF-1.4 fake")
    assert client.get(reverse("document-original", args=[checked.pk])).status_code == 200
    assert client.get(reverse("document-original", args=[unchecked.pk])).status_code == 404
    assert client.get(reverse("document-original", args=[hidden.pk])).status_code == 404
    staff = admin_client.get(reverse("document-original", args=[unchecked.pk]))
    assert staff.status_code == 200
    assert b"".join(staff.streaming_content) == b"%PDF-1.4 fake"
    assert staff["Content-Type"] == "application/pdf"

"""A document whose pseudonymisation needs a clerk's review cannot be published by any door."""

from __future__ import annotations

import io

import pytest
from django.contrib.admin.sites import site
from django.test import RequestFactory

from council.models import Document
from council.services import body_get_or_create, collectivite_get_or_create
from ingestion.services import PublicationRefused, document_ingest, document_publish, document_upload
from privacy.services import document_privacy_flag, document_privacy_review_mark
from tests.pdf_factory import minutes_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def doubtful():
    body = body_get_or_create(collectivite=collectivite_get_or_create(name="Commune de Saint-Exemple"))
    uploaded, _ = document_upload(source=io.BytesIO(minutes_pdf()), original_name="pv.pdf", body=body)
    document = document_ingest(document_id=uploaded.pk)
    assert document.status == Document.Status.READY, document.error
    document_privacy_flag(document=document, reason="masques non localisés sur l'image de la page 1")
    return document


def test_service_refuses_then_accepts_after_review(doubtful):
    try:
        document_publish(document=doubtful, published=True)
    except PublicationRefused as refusal:
        assert "masques non localisés" in str(refusal)
    else:
        raise AssertionError("a document to review was published")
    doubtful.refresh_from_db()
    assert not doubtful.published
    document_privacy_review_mark(document=doubtful, reviewer="greffier")
    assert document_publish(document=doubtful, published=True).published


def test_admin_action_skips_a_document_to_review(doubtful, django_user_model):
    from django.contrib.messages.storage.fallback import FallbackStorage

    request = RequestFactory().post("/")
    request.user = django_user_model.objects.create_superuser("admin", password="x" * 12)
    request.session = {}
    request._messages = FallbackStorage(request)
    site._registry[Document].publish(request, Document.objects.filter(pk=doubtful.pk))
    doubtful.refresh_from_db()
    assert not doubtful.published


def test_clerk_view_refuses(doubtful, client, django_user_model):
    from django.urls import reverse

    client.force_login(django_user_model.objects.create_user("greffier", password="x" * 12, is_staff=True))
    response = client.post(reverse("clerk-document-publish", args=[doubtful.pk]), {"published": "1"}, follow=True)
    doubtful.refresh_from_db()
    assert not doubtful.published
    assert "doit être relu avant publication" in response.content.decode()

"""`ingest --publish` leaves a document to review unpublished; `--privacy-reviewed WHO` declares it reviewed in WHO's name."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from council.models import Document
from tests.pdf_factory import unicode_text_pdf

pytestmark = pytest.mark.django_db

# A row of a table of planning applications, as chemere_regardscitoyens/pdf/CM 10 septembre 2013.pdf prints it
# (page 9): a dated row naming its applicant is a doubt the clerk must read.
PAGES = [
    "COMMUNE DE CHEMERE\n"
    "PROCÈS-VERBAL DE LA SÉANCE DU CONSEIL MUNICIPAL DU 10 SEPTEMBRE 2013\n"
    "Présents : M. Paul PIPAUD, Maire.\n"
    "URBANISME\n"
    "A 2033 17/06/2013 BRIANCEAU Guy 45 rue du Brandais G 1530 Garage\n",
]


@pytest.fixture
def minutes_file(tmp_path):
    path = tmp_path / "pv-2013-09-10.pdf"
    path.write_bytes(unicode_text_pdf(PAGES))
    return path


def _ingest(path, *extra) -> str:
    out = StringIO()
    call_command("ingest", str(path), "--collectivite", "Commune de Chéméré", "--publish", "--eager", *extra, stdout=out)
    return out.getvalue()


def test_publish_alone_leaves_a_document_to_review_unpublished(minutes_file):
    output = _ingest(minutes_file)
    document = Document.objects.get()
    assert document.status == Document.Status.READY, document.error
    assert document.privacy_status == Document.PrivacyStatus.NEEDS_REVIEW
    assert not document.published
    assert "Non publié" in output and "doit être relu" in output


def test_privacy_reviewed_declares_the_review_in_a_name_then_publishes(minutes_file):
    _ingest(minutes_file)
    output = _ingest(minutes_file, "--privacy-reviewed", "Jeanne Greffe, corpus relu le 2 décembre")
    document = Document.objects.get()
    assert document.published
    assert document.privacy_status == Document.PrivacyStatus.REVIEWED
    assert document.privacy_reviewed_by == "Jeanne Greffe, corpus relu le 2 décembre"
    assert document.privacy_reviewed_at is not None
    assert "ATTENTION : 1 document(s) à relire déclarés relus" in output
    # The review changes what may be published, never what is masked.
    assert "BRIANCEAU" not in "".join(document.pages.values_list("text", flat=True))


def test_clerk_review_records_the_clerk(minutes_file, client, django_user_model):
    from django.urls import reverse

    _ingest(minutes_file)
    document = Document.objects.get()
    client.force_login(django_user_model.objects.create_user("greffier", password="x" * 12, is_staff=True))
    client.post(reverse("clerk-redactions-reviewed", args=[document.pk]))
    document.refresh_from_db()
    assert document.privacy_status == Document.PrivacyStatus.REVIEWED
    assert document.privacy_reviewed_by == "greffier"
    page = client.get(reverse("clerk-redactions", args=[document.pk])).content.decode()
    assert "Déclaré relu par greffier" in page

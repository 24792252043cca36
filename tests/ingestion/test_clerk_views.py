"""Clerk pages through the Django test client: permissions, upload, list and progress, retry, publish, original."""

from __future__ import annotations

import datetime
import hashlib
import io
from pathlib import Path

import numpy as np
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from council.models import Collectivite, Document
from council.services import body_get_or_create, collectivite_get_or_create, seance_get_or_create
from ingestion.services import document_upload, trash_purge
from search.models import Passage
from tests.pdf_factory import minutes_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def body():
    return body_get_or_create(collectivite=collectivite_get_or_create(name="Ville de Saint-Exemple"))


@pytest.fixture
def clerk(django_user_model):
    return django_user_model.objects.create_user("greffier", password="mot-de-passe-long", is_staff=True)


@pytest.fixture
def clerk_client(client, clerk):
    client.force_login(clerk)
    return client


def _document(body, *, content: bytes | None = None, **fields) -> Document:
    document, _ = document_upload(source=io.BytesIO(content or minutes_pdf()), original_name="pv.pdf", body=body)
    Document.objects.filter(pk=document.pk).update(**fields)
    document.refresh_from_db()
    return document


def _pdf_upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def _messages(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


@pytest.mark.parametrize("name", ["clerk-documents", "clerk-upload"])
def test_anonymous_visitor_is_sent_to_login(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login") + "?next=")


def test_signed_in_visitor_who_is_not_staff_is_refused(client, django_user_model, body):
    user = django_user_model.objects.create_user("habitant", password="mot-de-passe-long")
    client.force_login(user)
    document = _document(body, status=Document.Status.FAILED)
    assert client.get(reverse("clerk-documents")).status_code == 403
    assert client.get(reverse("clerk-upload")).status_code == 403
    assert client.post(reverse("clerk-document-retry", args=[document.pk])).status_code == 403
    assert client.get(reverse("clerk-redactions", args=[document.pk])).status_code == 403
    document.refresh_from_db()
    assert document.status == Document.Status.FAILED


def test_login_page_is_french_and_signs_in(client, clerk):
    page = client.get(reverse("login"))
    assert "Connexion à l'espace greffe" in page.content.decode()
    response = client.post(reverse("login"), {"username": "greffier", "password": "mot-de-passe-long"})
    assert response["Location"] == reverse("clerk-documents")


def test_upload_accepts_good_files_refuses_bad_ones_and_queues(clerk_client, django_capture_on_commit_callbacks, settings):
    good = minutes_pdf()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = clerk_client.post(
            reverse("clerk-upload"),
            {
                "files": [_pdf_upload("pv-mars.pdf", good), _pdf_upload("vide.pdf", b"")],
                "collectivite_new": "Commune de Nouvelle-Ville",
                "body": "Conseil municipal",
                "seance_date": "2024-03-12",
            },
            follow=True,
        )
    assert response.status_code == 200
    document = Document.objects.get()
    assert document.original_name == "pv-mars.pdf"
    assert document.collectivite.name == "Commune de Nouvelle-Ville"
    assert document.seance_date_declared == datetime.date(2024, 3, 12)
    assert document.status == Document.Status.PENDING
    assert Path(document.file.path).read_bytes() == good
    assert len(callbacks) == 1  # one task queued, for the accepted file only
    texts = _messages(response)
    assert any("vide.pdf" in text and "refusé" in text and "vide" in text for text in texts)
    assert any("1 fichier(s) reçu(s)" in text for text in texts)


def test_same_file_twice_is_one_document_with_a_link(clerk_client, body, django_capture_on_commit_callbacks):
    content = minutes_pdf()
    data = {"collectivite": body.collectivite.pk, "body": body.name}
    clerk_client.post(reverse("clerk-upload"), {**data, "files": [_pdf_upload("a.pdf", content)]})
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = clerk_client.post(reverse("clerk-upload"), {**data, "files": [_pdf_upload("b.pdf", content)]}, follow=True)
    document = Document.objects.get()
    assert callbacks == []
    page = response.content.decode()
    assert "déjà présent" in page
    assert f'href="{reverse("clerk-document", args=[document.pk])}"' in page


def test_oversized_file_is_dropped_while_reading_and_the_others_kept(clerk_client, body, settings):
    settings.UPLOAD_MAX_BYTES = 20_000
    small = minutes_pdf()
    assert len(small) < settings.UPLOAD_MAX_BYTES
    response = clerk_client.post(
        reverse("clerk-upload"),
        {
            "collectivite": body.collectivite.pk,
            "body": body.name,
            "files": [_pdf_upload("enorme.pdf", b"%PDF-1.7\n" + b"0" * 50_000), _pdf_upload("petit.pdf", small)],
        },
        follow=True,
    )
    assert [d.original_name for d in Document.objects.all()] == ["petit.pdf"]
    assert any("enorme.pdf" in text and "trop volumineux" in text for text in _messages(response))
    stored = [p for p in (Path(settings.MEDIA_ROOT) / "originals").rglob("*") if p.is_file()]
    assert [p.read_bytes() for p in stored] == [small]


def test_upload_without_collectivite_or_file_says_what_is_missing(clerk_client):
    response = clerk_client.post(reverse("clerk-upload"), {"body": "Conseil municipal"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Indiquez la collectivité" in page
    assert Document.objects.count() == 0


def test_list_shows_progress_reason_and_filters(clerk_client, body):
    reading = _document(body, status=Document.Status.PROCESSING, step=Document.Step.OCR, pages_done=3, pages_total=10)
    failed = _document(body, content=minutes_pdf(["Autre document"]), status=Document.Status.FAILED,
                       error="Le fichier n'est pas un PDF.")
    page = clerk_client.get(reverse("clerk-documents")).content.decode()
    assert f'<progress id="progress-{reading.pk}" max="10" value="3"' in page
    assert "3 pages sur 10 lues" in page
    assert "reconnaissance de caractères" in page
    assert "Le fichier n&#x27;est pas un PDF." in page
    ready = _document(body, content=minutes_pdf(["Troisième document"]), status=Document.Status.READY)
    page = clerk_client.get(reverse("clerk-documents")).content.decode()
    # Retry is offered in every state but ready (a document stuck « en cours » included).
    assert reverse("clerk-document-retry", args=[failed.pk]) in page
    assert reverse("clerk-document-retry", args=[reading.pk]) in page
    assert reverse("clerk-document-retry", args=[ready.pk]) not in page

    filtered = clerk_client.get(reverse("clerk-documents"), {"status": "failed"}).content.decode()
    assert f'id="document-{failed.pk}"' in filtered
    assert f'id="document-{reading.pk}"' not in filtered


def test_progress_during_embedding_counts_embedded_passages(clerk_client, body):
    document = _document(body, status=Document.Status.PROCESSING, step=Document.Step.EMBEDDING, pages_done=2, pages_total=2)
    for position in range(4):
        Passage.objects.create(
            document=document, position=position, page_start=1, page_end=1, text=f"passage {position}",
            collectivite=body.collectivite, body=body, document_kind=document.kind,
            embedding=np.ones(384, dtype=np.float32) if position == 0 else None,
        )
    page = clerk_client.get(reverse("clerk-documents")).content.decode()
    assert f'<progress id="progress-{document.pk}" max="4" value="1"' in page
    assert "1 passages sur 4 indexés" in page
    state = clerk_client.get(reverse("clerk-progress"), {"ids": str(document.pk)}).json()["documents"][0]
    assert (state["value"], state["max"], state["finished"]) == (1, 4, False)


def test_retry_puts_a_failed_document_back_in_the_queue(clerk_client, body, django_capture_on_commit_callbacks):
    document = _document(body, status=Document.Status.FAILED, error="Le PDF est endommagé.", pages_done=2)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = clerk_client.post(reverse("clerk-document-retry", args=[document.pk]))
    assert response.status_code == 302
    document.refresh_from_db()
    assert (document.status, document.error, document.pages_done) == (Document.Status.PENDING, "", 0)
    assert len(callbacks) == 1


def test_retry_is_post_only(clerk_client, body):
    document = _document(body, status=Document.Status.FAILED)
    assert clerk_client.get(reverse("clerk-document-retry", args=[document.pk])).status_code == 405


def test_publish_and_unpublish_move_the_passages_too(clerk_client, body):
    document = _document(body, status=Document.Status.READY, step=Document.Step.DONE)
    Passage.objects.create(document=document, position=0, page_start=1, page_end=1, text="texte",
                           collectivite=body.collectivite, body=body, document_kind=document.kind)
    clerk_client.post(reverse("clerk-document-publish", args=[document.pk]), {"published": "1"})
    document.refresh_from_db()
    assert document.published and Passage.objects.get().published
    clerk_client.post(reverse("clerk-document-publish", args=[document.pk]), {"published": "0"})
    document.refresh_from_db()
    assert not document.published and not Passage.objects.get().published


def test_a_document_still_processing_cannot_be_published(clerk_client, body):
    document = _document(body, status=Document.Status.PROCESSING)
    response = clerk_client.post(reverse("clerk-document-publish", args=[document.pk]), {"published": "1"}, follow=True)
    document.refresh_from_db()
    assert not document.published
    assert any("une fois son traitement terminé" in text for text in _messages(response))


def test_original_is_served_byte_for_byte(clerk_client, body):
    content = minutes_pdf()
    document = _document(body, content=content)
    response = clerk_client.get(reverse("clerk-document-original", args=[document.pk]))
    served = b"".join(response.streaming_content)
    assert served == content
    assert hashlib.sha256(served).hexdigest() == document.sha256
    assert response["Content-Type"] == "application/pdf"


def test_detail_page_links_to_review_and_admin(clerk_client, body):
    document = _document(body)
    page = clerk_client.get(reverse("clerk-document", args=[document.pk])).content.decode()
    assert reverse("clerk-redactions", args=[document.pk]) in page
    assert reverse("admin:council_document_change", args=[document.pk]) in page
    assert document.sha256 in page


def test_existing_collectivite_can_be_chosen(clerk_client, body, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        clerk_client.post(
            reverse("clerk-upload"),
            {"collectivite": body.collectivite.pk, "body": "Conseil communautaire", "files": [_pdf_upload("x.pdf", minutes_pdf())]},
        )
    document = Document.objects.get()
    assert document.collectivite == body.collectivite
    assert document.body.name == "Conseil communautaire"
    assert Collectivite.objects.count() == 1


@pytest.mark.parametrize(
    "model", ["council_collectivite", "council_body", "council_seance", "council_document", "council_deliberation",
              "privacy_redaction", "search_passage"]
)
def test_admin_lists_open(admin_client, body, model):
    _document(body)
    assert admin_client.get(reverse(f"admin:{model}_changelist")).status_code == 200


def test_admin_actions_go_through_the_services(admin_client, body, django_capture_on_commit_callbacks):
    failed = _document(body, status=Document.Status.FAILED, error="Le PDF est endommagé.")
    ready = _document(body, content=minutes_pdf(["Autre"]), status=Document.Status.READY)
    url = reverse("admin:council_document_changelist")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        admin_client.post(url, {"action": "retry", "_selected_action": [failed.pk, ready.pk]})
    failed.refresh_from_db()
    ready.refresh_from_db()
    assert (failed.status, ready.status, len(callbacks)) == (Document.Status.PENDING, Document.Status.READY, 1)
    admin_client.post(url, {"action": "publish", "_selected_action": [failed.pk, ready.pk]})
    assert list(Document.objects.filter(published=True)) == [ready]
    page = admin_client.get(reverse("admin:council_document_change", args=[ready.pk])).content.decode()
    assert reverse("clerk-redactions", args=[ready.pk]) in page


def test_admin_correction_of_a_seance_date_reaches_the_passages(admin_client, body):
    seance = seance_get_or_create(body=body, date=datetime.date(2024, 5, 15))
    document = _document(body, status=Document.Status.READY, seance=seance)
    Passage.objects.create(document=document, position=0, page_start=1, page_end=1, text="texte", collectivite=body.collectivite,
                           body=body, seance_date=seance.date, document_kind=document.kind)
    response = admin_client.post(
        reverse("admin:council_seance_change", args=[seance.pk]), {"body": body.pk, "date": "2024-05-16", "kind": seance.kind}
    )
    assert response.status_code == 302
    assert Passage.objects.get().seance_date == datetime.date(2024, 5, 16)


def test_more_than_a_hundred_files_in_one_post_get_a_french_message(clerk_client, body, settings):
    files = [_pdf_upload(f"pv-{n}.pdf", minutes_pdf([f"Document {n}"])) for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FILES + 1)]
    response = clerk_client.post(reverse("clerk-upload"), {"files": files, "collectivite": body.collectivite.pk, "body": "x"})
    assert response.status_code == 400
    assert "Trop de fichiers en un envoi : 100 au plus" in response.content.decode()
    assert Document.objects.count() == 0


def test_a_non_pdf_upload_is_refused_at_once_in_french(clerk_client, body):
    response = clerk_client.post(
        reverse("clerk-upload"),
        {"files": [_pdf_upload("pv.pdf", b"<html>pas un PDF</html>")], "collectivite": body.collectivite.pk, "body": "x"},
        follow=True,
    )
    assert any("« pv.pdf » refusé : Le fichier n'est pas un PDF." in m for m in _messages(response))
    assert Document.objects.count() == 0


def test_the_original_is_released_only_once_published_and_reviewed_and_withdrawn_with_the_document(clerk_client, body):
    client = Client()  # the public, not signed in
    content = minutes_pdf()
    document = _document(body, content=content, status=Document.Status.READY, step=Document.Step.DONE)
    release = reverse("clerk-document-original-release", args=[document.pk])
    public = reverse("document-original", args=[document.pk])
    response = clerk_client.post(release, {"released": "1"}, follow=True)
    assert any("une fois le document publié" in text for text in _messages(response))
    clerk_client.post(reverse("clerk-document-publish", args=[document.pk]), {"published": "1"})
    response = clerk_client.post(release, {"released": "1"}, follow=True)
    assert any("après la relecture de son anonymisation" in text for text in _messages(response))
    assert client.get(public).status_code == 404
    clerk_client.post(reverse("clerk-redactions-reviewed", args=[document.pk]))
    response = clerk_client.post(release, {"released": "1"}, follow=True)
    assert any("est diffusé" in text for text in _messages(response))
    served = client.get(public)
    assert b"".join(served.streaming_content) == content
    page = client.get(reverse("document-detail", args=[document.pk])).content.decode()
    assert document.sha256 in page
    api = client.get(reverse("api-document-detail", args=[document.pk])).json()
    assert api["original_sha256"] == document.sha256 and api["original_url"].endswith(public)
    # Withdrawing the document withdraws its original.
    clerk_client.post(reverse("clerk-document-publish", args=[document.pk]), {"published": "0"})
    assert client.get(public).status_code == 404
    document.refresh_from_db()
    assert not document.personal_data_free


def test_the_admin_cannot_release_an_original_past_the_review(admin_client, body):
    document = _document(body, status=Document.Status.READY, step=Document.Step.DONE, published=True)
    url = reverse("admin:council_document_changelist")
    response = admin_client.post(url, {"action": "original_release", "_selected_action": [document.pk]}, follow=True)
    document.refresh_from_db()
    assert not document.personal_data_free
    assert any("après la relecture" in str(message) for message in response.context["messages"])


def test_a_document_is_deleted_with_all_it_gave_and_its_original_kept_in_the_trash(clerk_client, body, settings):
    content = minutes_pdf()
    document = _document(body, content=content, status=Document.Status.READY, step=Document.Step.DONE, published=True)
    Passage.objects.create(document=document, position=0, page_start=1, page_end=1, text="texte", published=True,
                           collectivite=body.collectivite, body=body, document_kind=document.kind)
    original = Path(document.file.path)
    url = reverse("clerk-document-delete", args=[document.pk])
    page = clerk_client.get(url).content.decode()
    assert "publié" in page and "30 jours" in page
    response = clerk_client.post(url, follow=True)
    assert any("est supprimé" in text for text in _messages(response))
    assert not Document.objects.filter(pk=document.pk).exists() and not Passage.objects.exists()
    assert not original.exists()
    trashed = list((Path(settings.MEDIA_ROOT) / "trash").glob(f"*/{document.sha256}.pdf"))
    assert len(trashed) == 1 and trashed[0].read_bytes() == content
    assert Client().get(reverse("document-detail", args=[document.pk])).status_code == 404
    # Purged once the retention is over, not before.
    assert trash_purge() == 0 and trashed[0].exists()
    assert trash_purge(now=timezone.now() + datetime.timedelta(days=settings.TRASH_RETENTION_DAYS + 1)) == 1
    assert not trashed[0].exists()


@pytest.mark.parametrize("door", ["delete_view", "delete_selected"])
def test_the_admin_deletes_a_document_as_the_clerk_does(admin_client, body, settings, door):
    content = minutes_pdf()
    document = _document(body, content=content, status=Document.Status.READY, step=Document.Step.DONE)
    Passage.objects.create(document=document, position=0, page_start=1, page_end=1, text="texte",
                           collectivite=body.collectivite, body=body, document_kind=document.kind)
    if door == "delete_view":
        url = reverse("admin:council_document_delete", args=[document.pk])
        assert admin_client.get(url).status_code == 200  # the passages it gave do not forbid it
        response = admin_client.post(url, {"post": "yes"})
    else:
        response = admin_client.post(reverse("admin:council_document_changelist"),
                                     {"action": "delete_selected", "_selected_action": [document.pk], "post": "yes"})
    assert response.status_code == 302
    assert not Document.objects.filter(pk=document.pk).exists() and not Passage.objects.exists()
    trashed = list((Path(settings.MEDIA_ROOT) / "trash").glob(f"*/{document.sha256}.pdf"))
    assert len(trashed) == 1 and trashed[0].read_bytes() == content
    assert (trashed[0].with_suffix(".json")).exists()


def test_a_replacement_is_checked_before_anything_is_deleted(clerk_client, body, django_capture_on_commit_callbacks):
    document = _document(body, status=Document.Status.READY, step=Document.Step.DONE)
    url = reverse("clerk-document-delete", args=[document.pk])
    response = clerk_client.post(url, {"file": _pdf_upload("notes.pdf", b"pas un PDF")})
    assert response.status_code == 400 and Document.objects.filter(pk=document.pk).exists()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = clerk_client.post(url, {"file": _pdf_upload("pv-corrige.pdf", minutes_pdf(["Corrigé"]))})
    replacement = Document.objects.get()
    assert replacement.pk != document.pk and replacement.original_name == "pv-corrige.pdf" and replacement.body == body
    assert response.url == reverse("clerk-document", args=[replacement.pk]) and len(callbacks) == 1


def _zip(members: dict[str, bytes]) -> bytes:
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_a_zip_archive_is_received_file_by_file_with_a_status_each(clerk_client, body, django_capture_on_commit_callbacks):
    first, second = minutes_pdf(["Séance du 3 mars"]), minutes_pdf(["Séance du 7 avril"])
    archive = _zip({"2024/pv-mars.pdf": first, "2024/pv-avril.pdf": second, "2024/notes.txt": b"brouillon",
                    "2024/vide.pdf": b"", "__MACOSX/._pv-mars.pdf": b"x", "2024/copie.pdf": first})
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = clerk_client.post(
            reverse("clerk-upload"),
            {"files": [SimpleUploadedFile("seances-2024.zip", archive, content_type="application/zip")],
             "collectivite": body.collectivite.pk, "body": body.name},
            follow=True,
        )
    assert sorted(Document.objects.values_list("original_name", flat=True)) == ["pv-avril.pdf", "pv-mars.pdf"]
    assert len(callbacks) == 2
    texts = _messages(response)
    assert any("seances-2024.zip › notes.txt" in text and "pas un fichier PDF" in text for text in texts)
    assert any("seances-2024.zip › vide.pdf" in text and "vide" in text for text in texts)
    assert any("seances-2024.zip › copie.pdf" in text and "déjà présent" in text for text in texts)
    assert any("2 fichier(s) reçu(s)" in text for text in texts)
    response = clerk_client.post(
        reverse("clerk-upload"),
        {"files": [SimpleUploadedFile("abime.zip", b"PK pas une archive", content_type="application/zip")],
         "collectivite": body.collectivite.pk, "body": body.name},
        follow=True,
    )
    assert any("abime.zip" in text and "L'archive ZIP est illisible" in text for text in _messages(response))

"""`manage.py public_text_rebuild`: after an upgrade of the pseudonymisation, the documents already processed are read
again, their public text, passages and embeddings with them."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from council.models import Document, Page
from council.services import body_get_or_create, collectivite_get_or_create
from ingestion.services import document_ingest, document_upload
from privacy.models import Redaction
from search.models import Passage
from tests.pdf_factory import MINUTES_PAGES, minutes_pdf

pytestmark = pytest.mark.django_db


def _ingested(collectivite: str) -> Document:
    body = body_get_or_create(collectivite=collectivite_get_or_create(name=collectivite))
    # The same minutes under another collectivité's name (the same file twice would be one document).
    pages = [MINUTES_PAGES[0].replace("COMMUNE DE SAINT-EXEMPLE", collectivite.upper()), *MINUTES_PAGES[1:]]
    uploaded, _ = document_upload(source=io.BytesIO(minutes_pdf(pages)), original_name="pv.pdf", body=body)
    ingested = document_ingest(document_id=uploaded.pk)
    assert ingested.status == Document.Status.READY, ingested.error
    return ingested


def _as_an_older_release_left_it(document: Document) -> None:
    """The public text as a release that masked nothing would have published it, its passages unembedded."""
    for page in Page.objects.filter(document=document):
        page.text = page.raw_text
        page.save(update_fields=["text"])
    Passage.objects.filter(document=document).update(embedding=None)


def test_the_documents_of_a_collectivite_are_read_again_with_the_current_pseudonymisation(
    eager_tasks, django_capture_on_commit_callbacks
):
    chosen, other = _ingested("Commune de Saint-Exemple"), _ingested("Commune d'Ailleurs")
    assert chosen.pk != other.pk
    masked = Redaction.objects.filter(document=chosen, decision=Redaction.Decision.REDACT).values_list("surface", flat=True)
    name = max(masked, key=len)
    for document in (chosen, other):
        _as_an_older_release_left_it(document)
    assert name in "\n".join(Page.objects.filter(document=chosen).values_list("text", flat=True))

    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("public_text_rebuild", "--collectivite", "Commune de Saint-Exemple", stdout=out)

    assert "1 document(s) reconstruit(s) sur 1." in out.getvalue()
    assert name not in "\n".join(Page.objects.filter(document=chosen).values_list("text", flat=True))
    assert name not in "\n".join(Passage.objects.filter(document=chosen).values_list("text", flat=True))
    chosen.refresh_from_db()
    assert chosen.status == Document.Status.READY
    assert not Passage.objects.filter(document=chosen, embedding__isnull=True).exists()
    # The other collectivité's document is left as it was.
    assert name in "\n".join(Page.objects.filter(document=other).values_list("text", flat=True))


def test_a_misspelt_collectivite_is_refused_in_french_and_nothing_is_read_again(eager_tasks):
    document = _ingested("Commune de Saint-Exemple")
    _as_an_older_release_left_it(document)
    before = list(Page.objects.filter(document=document).order_by("number").values_list("text", flat=True))

    with pytest.raises(CommandError) as refused:
        call_command("public_text_rebuild", "--collectivite", "Commune de Saint-Exempel", stdout=io.StringIO())

    assert str(refused.value) == (
        "Aucune collectivité ne s'appelle « Commune de Saint-Exempel ». Collectivités : « Commune de Saint-Exemple »."
    )
    assert list(Page.objects.filter(document=document).order_by("number").values_list("text", flat=True)) == before

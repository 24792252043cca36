"""Page images drawn for the public: every masked name under a black box, on text-layer and scanned pages."""

from __future__ import annotations

import io
import shutil

import numpy as np
import pypdfium2 as pdfium
import pytest
from django.urls import reverse
from fpdf import FPDF
from PIL import Image

from council.models import Page
from council.services import body_get_or_create, collectivite_get_or_create
from ingestion.services import document_upload
from privacy.models import Redaction
from privacy.rendering import RENDER_DPI, page_image_render

NAME = "Jean DUPONT"
# Where the name is printed, in points from the top-left corner of the page.
NAME_LEFT, NAME_TOP, FONT_SIZE = 100.0, 200.0, 20
SECOND_PREFIX, SECOND_TOP = "La demande de ", 300.0


def _text_pdf() -> tuple[bytes, tuple[float, float, float, float]]:
    """A page naming NAME twice; returns the PDF and the box of the first mention (points, top-left)."""
    pdf = FPDF(unit="pt", format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", size=FONT_SIZE)
    pdf.set_xy(72, 120)
    pdf.cell(text="Conseil municipal du 15 mai 2024")
    pdf.set_xy(NAME_LEFT, NAME_TOP)
    width = pdf.get_string_width(NAME)
    pdf.cell(text=NAME)
    pdf.set_xy(72, SECOND_TOP)
    pdf.cell(text=f"{SECOND_PREFIX}{NAME} est rejetée.")
    left = NAME_LEFT + pdf.c_margin
    return bytes(pdf.output()), (left, NAME_TOP, left + width, NAME_TOP + FONT_SIZE)


def _second_mention_box() -> tuple[float, float, float, float]:
    pdf = FPDF(unit="pt", format="A4")
    pdf.set_font("Helvetica", size=FONT_SIZE)
    left = 72 + pdf.c_margin + pdf.get_string_width(SECOND_PREFIX)
    return (left, SECOND_TOP, left + pdf.get_string_width(NAME), SECOND_TOP + FONT_SIZE)


def _scanned_pdf(text_pdf: bytes) -> bytes:
    """The same page as an image only, as a scanner would make it."""
    page = pdfium.PdfDocument(text_pdf)[0]
    image = page.render(scale=300 / 72).to_pil().convert("L")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    pdf = FPDF(unit="pt", format="A4")
    pdf.add_page()
    pdf.image(io.BytesIO(buffer.getvalue()), x=0, y=0, w=pdf.w, h=pdf.h)
    return bytes(pdf.output())


def _document(pdf: bytes, *, origin: str, raw_text: str):
    body = body_get_or_create(collectivite=collectivite_get_or_create(name="Commune d'Essai"))
    document, _ = document_upload(source=io.BytesIO(pdf), original_name="pv.pdf", body=body)
    document.page_count = 1
    document.published = True
    document.save()
    Page.objects.create(document=document, number=1, raw_text=raw_text, text=raw_text, origin=origin)
    return document


def _region(image: Image.Image, box: tuple[float, float, float, float]) -> np.ndarray:
    scale = RENDER_DPI / 72
    left, top, right, bottom = (round(value * scale) for value in box)
    return np.asarray(image.convert("L"))[top:bottom, left:right]


def _ink_box(image: Image.Image, box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """The smallest box (points) holding every dark pixel printed inside `box`: where the glyphs really are."""
    scale = RENDER_DPI / 72
    region = _region(image, box)
    rows, columns = np.nonzero(region < 128)
    assert rows.size, "the region holds printed text"
    return (
        box[0] + columns.min() / scale,
        box[1] + rows.min() / scale,
        box[0] + (columns.max() + 1) / scale,
        box[1] + (rows.max() + 1) / scale,
    )


def _redact(document, surface: str) -> None:
    Redaction.objects.create(document=document, surface=surface, decision=Redaction.Decision.REDACT, pages=[1])


@pytest.mark.django_db
def test_text_layer_page_has_a_black_box_over_the_redacted_name():
    pdf, name_box = _text_pdf()
    document = _document(pdf, origin=Page.Origin.TEXT_LAYER, raw_text=f"Conseil municipal\n{NAME}\n")
    plain = Image.open(page_image_render(document=document, page_number=1))
    assert _region(plain, name_box).mean() > 150, "the name is dark glyphs on white before redaction"
    ink = _ink_box(plain, name_box)
    second_ink = _ink_box(plain, _second_mention_box())

    _redact(document, "jean dupont")  # case differs from the page: search ignores case
    Redaction.objects.create(document=document, surface="Conseil", decision=Redaction.Decision.KEEP)
    redacted_path = page_image_render(document=document, page_number=1)
    redacted = Image.open(redacted_path)
    assert _region(redacted, ink).max() < 30, "every pixel where the name was printed is black"
    # The second mention, further down the page, is masked too.
    assert _region(redacted, second_ink).max() < 30
    # A kept word stays readable, and the image changed only where names were.
    assert _region(redacted, (72, 120, 140, 140)).mean() > 150
    assert np.asarray(plain).tobytes() != np.asarray(redacted).tobytes()
    assert "rendered" in redacted_path.parts


@pytest.mark.django_db
def test_rendered_image_is_cached_and_follows_the_redaction_set():
    pdf, _ = _text_pdf()
    document = _document(pdf, origin=Page.Origin.TEXT_LAYER, raw_text=NAME)
    first = page_image_render(document=document, page_number=1)
    assert page_image_render(document=document, page_number=1) == first
    _redact(document, NAME)
    assert page_image_render(document=document, page_number=1) != first


@pytest.mark.django_db
def test_page_image_view_serves_the_redacted_png(client):
    pdf, name_box = _text_pdf()
    document = _document(pdf, origin=Page.Origin.TEXT_LAYER, raw_text=NAME)
    _redact(document, NAME)
    response = client.get(reverse("document-page-image", args=[document.pk, 1]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(b"".join(response.streaming_content)))
    assert _region(image, name_box).mean() < 60


@pytest.mark.django_db
def test_scanned_page_is_masked_from_ocr_word_boxes():
    if not shutil.which("tesseract"):
        from tests.conftest import service_missing

        service_missing("tesseract")
    text_pdf, name_box = _text_pdf()
    document = _document(
        _scanned_pdf(text_pdf), origin=Page.Origin.OCR, raw_text=f"Conseil municipal du 15 mai 2024\n{NAME}\n"
    )
    ink = _ink_box(Image.open(page_image_render(document=document, page_number=1)), name_box)
    _redact(document, NAME)
    image = Image.open(page_image_render(document=document, page_number=1))
    assert _region(image, ink).max() < 30
    assert _region(image, (72, 120, 140, 140)).mean() > 150


def test_masked_text_is_found_after_an_elided_article_and_across_lines():
    from privacy.rendering import Box, _Word, surfaces_in_text, words_boxes_find

    # From the OCR of Aiglun's minutes (aiglun_regardscitoyens): « Conseil d’Administration du SDIS (95 avenue… ».
    text = "09.12 14h30 : Conseil d’Administration du SDIS (95 avenue Henri Jaubert"
    assert surfaces_in_text(surfaces=["Administration du SDIS", "Jaubert Henri"], text=text) == ["Administration du SDIS"]
    words = [
        _Word("Conseil", ((0, Box(0, 0, 40, 10)),)),
        _Word("d’Administration", ((0, Box(45, 0, 120, 10)),)),
        _Word("du", ((0, Box(125, 0, 135, 10)),)),
        _Word("SDIS", ((1, Box(0, 12, 30, 22)),)),
    ]
    boxes, found = words_boxes_find(words=words, surfaces=["Administration du SDIS"])
    assert found == {"Administration du SDIS"}
    # One bar per printed line, never one box spanning both lines.
    assert sorted(boxes, key=lambda box: box.top) == [Box(45, 0, 135, 10), Box(0, 12, 30, 22)]


@pytest.mark.django_db
def test_masked_text_that_cannot_be_located_serves_the_masked_text_and_flags_the_document(client):
    from privacy.rendering import page_masked_text

    pdf, _ = _text_pdf()
    # The stored text names someone the PDF does not print: the PDF page cannot be trusted.
    document = _document(pdf, origin=Page.Origin.TEXT_LAYER, raw_text="Mme Odette LAMBRECHT")
    _redact(document, "Odette LAMBRECHT")
    response = client.get(reverse("document-page-image", args=[document.pk, 1]))
    # Never a blank image nor an error: the page's text, masked, drawn as an image.
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(response.content))
    assert image.width == 900 and np.asarray(image.convert("L")).min() < 100
    assert "LAMBRECHT" not in page_masked_text(document=document, text="Mme Odette LAMBRECHT")
    document.refresh_from_db()
    assert document.privacy_status == "needs_review"
    assert "masques non localisés sur l'image de la page 1" in document.privacy_reasons
    assert client.get(reverse("document-page", args=[document.pk, 1])).status_code == 200


@pytest.mark.corpus
def test_masked_names_are_located_on_real_text_layer_pages():
    """Every masked mention the stored text holds must be found on the page image, or the image is refused.

    Run with: pytest -m corpus tests/privacy/test_rendering.py -s
    """
    import collections
    import random

    from ingestion.cleaning import pages_clean
    from ingestion.extraction import pdf_pages_extract
    from ingestion.parsing import minutes_parse
    from privacy.detection import persons_detect, replacements_build
    from privacy.rendering import surfaces_in_text, text_layer_boxes_find
    from tests.corpus import corpus_root, manifest_rows

    by_collectivite = collections.defaultdict(list)
    for row in manifest_rows():
        if row["file"].endswith(".pdf") and row["text_layer"] == "yes":
            by_collectivite[row["collectivite"]].append(row["file"])
    sample = [files[0] for files in (random.Random(0).sample(f, len(f)) for f in by_collectivite.values())]
    expected = located = refused = pages_seen = 0
    for relative in sample:
        path = corpus_root() / relative
        extracted = pdf_pages_extract(path=path)
        raw = pages_clean([page.text for page in extracted])
        mentions = persons_detect(pages=raw, officials=minutes_parse(pages=raw, filename=path.name).officials)
        surfaces = sorted(replacements_build(mentions), key=lambda surface: (-len(surface), surface))
        pdf = pdfium.PdfDocument(path)
        for number, text in enumerate(raw, start=1):
            wanted = surfaces_in_text(surfaces=surfaces, text=text)
            if not wanted or not extracted[number - 1].has_text_layer:
                continue
            page = pdf[number - 1]
            _, found = text_layer_boxes_find(page=page, surfaces=wanted)
            page.close()
            pages_seen += 1
            expected += len(wanted)
            located += len(found)
            refused += len(found) < len(wanted)
        pdf.close()
    print(f"{len(sample)} documents, {pages_seen} pages: {located}/{expected} masked mentions located, {refused} pages refused")
    assert expected > 50
    assert located / expected >= 0.99


@pytest.mark.django_db
def test_ingestion_check_flags_a_page_whose_masks_cannot_be_placed():
    from privacy.services import document_masks_placement_check

    pdf, _ = _text_pdf()
    placed = _document(pdf, origin=Page.Origin.TEXT_LAYER, raw_text=f"Conseil municipal du 15 mai 2024\n{NAME}")
    _redact(placed, NAME)
    assert document_masks_placement_check(document=placed) == {}
    placed.refresh_from_db()
    assert placed.privacy_status == "clear" and placed.privacy_reasons == []

    # The stored text names someone the PDF does not print: no box can hide them on the image.
    unplaced = _document(pdf + b"\n", origin=Page.Origin.TEXT_LAYER, raw_text="Mme Odette LAMBRECHT")
    _redact(unplaced, "Odette LAMBRECHT")
    assert document_masks_placement_check(document=unplaced) == {1: ["Odette LAMBRECHT"]}
    unplaced.refresh_from_db()
    assert unplaced.privacy_status == "needs_review"
    assert unplaced.privacy_reasons == ["masques non localisés sur l'image de la page 1"]


@pytest.mark.django_db
def test_a_review_that_knew_the_unplaced_page_is_not_undone_by_the_page_image(client):
    from privacy.services import document_masks_placement_check, document_privacy_review_mark

    pdf, _ = _text_pdf()
    document = _document(pdf, origin=Page.Origin.TEXT_LAYER, raw_text="Mme Odette LAMBRECHT")
    _redact(document, "Odette LAMBRECHT")
    document_masks_placement_check(document=document)
    document.refresh_from_db()
    document_privacy_review_mark(document=document, reviewer="greffier")
    assert client.get(reverse("document-page-image", args=[document.pk, 1])).status_code == 200
    document.refresh_from_db()
    assert document.privacy_status == "reviewed"


@pytest.mark.django_db
def test_ingestion_runs_the_placement_check(monkeypatch):
    """The pipeline asks, at structuring, whether each mask can be placed (the check itself is tested above)."""
    from ingestion.services import document_ingest
    from tests.ingestion.test_pipeline import minutes_pdf

    body = body_get_or_create(collectivite=collectivite_get_or_create(name="Commune de Val-sur-Loire"))
    document, _ = document_upload(source=io.BytesIO(minutes_pdf()), original_name="pv.pdf", body=body)
    document = document_ingest(document_id=document.pk)
    # The real check on a real ingestion: the private name is printed in the text layer, so it is placed.
    assert Redaction.objects.filter(document=document, decision="redact", surface__contains="DUCROCQ").exists()
    assert not any("non localisés" in reason for reason in document.privacy_reasons)

    monkeypatch.setattr("privacy.rendering.document_masks_unplaced", lambda *, document: {2: ["Jean-Baptiste DUCROCQ"]})
    other, _ = document_upload(source=io.BytesIO(minutes_pdf() + b"\n"), original_name="pv2.pdf", body=body)
    other = document_ingest(document_id=other.pk)
    assert other.privacy_status == "needs_review"
    assert "masques non localisés sur l'image de la page 2" in other.privacy_reasons


@pytest.mark.django_db
def test_publication_draws_every_page_image_before_anyone_asks(django_capture_on_commit_callbacks):
    from config.celery import app
    from council.models import Document
    from ingestion.services import document_publish
    from privacy.rendering import redaction_surfaces, render_cache_path
    from privacy.services import document_page_images_render

    pdf, _ = _text_pdf()
    document = _document(pdf, origin=Page.Origin.TEXT_LAYER, raw_text=NAME)
    _redact(document, NAME)
    Document.objects.filter(pk=document.pk).update(published=False, status=Document.Status.READY)
    document.refresh_from_db()
    cached = render_cache_path(document=document, page_number=1, surfaces=redaction_surfaces(document=document),
                               dpi=RENDER_DPI)
    assert document_page_images_render(document_id=document.pk) == 0, "nothing is drawn for an unpublished document"
    assert not cached.exists()
    app.conf.task_always_eager = True
    try:
        with django_capture_on_commit_callbacks(execute=True):
            document_publish(document=document, published=True)
    finally:
        app.conf.task_always_eager = False
    assert cached.is_file()
    assert page_image_render(document=document, page_number=1) == cached


@pytest.mark.django_db
def test_the_page_images_of_documents_already_published_are_drawn_by_a_command():
    from django.core.management import call_command

    from privacy.rendering import redaction_surfaces, render_cache_path

    pdf, _ = _text_pdf()
    document = _document(pdf, origin=Page.Origin.TEXT_LAYER, raw_text=NAME)
    _redact(document, NAME)
    cached = render_cache_path(document=document, page_number=1, surfaces=redaction_surfaces(document=document),
                               dpi=RENDER_DPI)
    out = io.StringIO()
    call_command("page_images", stdout=out)
    assert cached.is_file()
    assert f"document {document.pk} : 1 image(s) prête(s) sur 1 page(s)" in out.getvalue()

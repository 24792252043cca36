"""Headless Chromium (Debian's, /usr/bin/chromium) driven by Playwright against the portal served by pytest-django's
live server. No browser is downloaded: under CI=true a missing one fails the tests, elsewhere they skip."""

from __future__ import annotations

import datetime
import os
import shutil

import pytest

from council.models import Body, Collectivite, Deliberation, Document, Page, Seance
from search.models import Passage
from tests.conftest import service_missing

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Chromium's calls home are refused on a closed network, many at a time: none are made.
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        service_missing("playwright (pip install -e '.[dev]')")
    if not shutil.which(CHROMIUM):
        service_missing("chromium (apt-get install chromium)")
    # Playwright's synchronous API runs an event loop of its own; Django refuses database calls from such a
    # thread unless told that it is a test's doing.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            yield launched
            launched.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="fr-FR")
    opened = context.new_page()
    opened.set_default_timeout(15_000)
    yield opened
    context.close()


@pytest.fixture
def published():
    # pierrefonds_mymairie/20241015-PV.pdf, page 3 (a collectivité no question set of ../shared/eval covers).
    place = Collectivite.objects.create(name="Commune de Pierrefonds", slug="commune-de-pierrefonds")
    body = Body.objects.create(collectivite=place, name="Conseil municipal")
    seance = Seance.objects.create(body=body, date=datetime.date(2024, 10, 15))
    # Its page 1: « sous la présidence de Madame Florence DEMOUY, maire ».
    document = Document.objects.create(
        collectivite=place, body=body, seance=seance, file="originals/pv.pdf", sha256="0" * 64, original_name="pv.pdf",
        kind=Document.Kind.PROCES_VERBAL, title="Procès-verbal du 15 octobre 2024", page_count=3, published=True,
        status=Document.Status.READY, presiding="Madame Florence DEMOUY",
    )
    text = "- FIXE le tarif du repas à 4,80 € dans le cadre des accueils de loisirs"
    for number in (1, 2, 3):
        Page.objects.create(document=document, number=number, raw_text=text if number == 3 else "", text=text if number == 3 else "")
    deliberation = Deliberation.objects.create(
        seance=seance, document=document, number="D2024-058", objet="Tarif du repas de l'accueil de loisirs",
        page_start=3, page_end=3, outcome=Deliberation.Outcome.ADOPTED, unanimous=True, votes_for=19,
        rapporteur="Madame le Maire",
    )
    Passage.objects.create(
        document=document, deliberation=deliberation, position=0, page_start=3, page_end=3,
        heading="D2024-058 Tarif du repas de l'accueil de loisirs", text=text, published=True, collectivite=place,
        body=body, seance_date=seance.date, document_kind=document.kind, outcome=deliberation.outcome,
    )
    return deliberation

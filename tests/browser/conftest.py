"""Headless Chromium (Debian's, /usr/bin/chromium) driven by Playwright against the portal served by pytest-django's
live server. No browser is downloaded: under CI=true a missing one fails the tests, elsewhere they skip."""

from __future__ import annotations

import os
import shutil

import pytest

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

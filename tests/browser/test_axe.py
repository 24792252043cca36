"""WCAG 2.1 A and AA, as axe-core 4.12 checks them in a real browser, on every kind of page a citizen or a clerk opens:
no violation. The static checks of tests/council/test_public_accessibility.py cannot see contrast, focus order or
what the browser computes of names and roles; axe can."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from django.urls import reverse

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _violations(page, url: str, *, status: int = 200) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    assert page.goto(url).status == status, url
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]})
    return [
        f"{violation['id']} ({violation['impact']}): {node['target']} {node.get('failureSummary', '')[:200]}"
        for violation in results.response["violations"]
        for node in violation["nodes"]
    ]


def _public_urls(deliberation) -> list[str]:
    document, collectivite = deliberation.document, deliberation.document.collectivite
    return [
        reverse("home"),
        reverse("search") + "?q=" + quote("tarif repas"),
        reverse("search") + "?q=xyzzyqwerty",
        reverse("seance-list"),
        reverse("seance-detail", args=[document.seance_id]),
        reverse("deliberation-list"),
        reverse("deliberation-list") + "?theme=7",
        reverse("theme-list"),
        reverse("deliberation-detail", args=[deliberation.pk]),
        reverse("document-detail", args=[document.pk]),
        reverse("document-page", args=[document.pk, 3]),
        reverse("collectivite-detail", args=[collectivite.slug]),
        reverse("official-list", args=[collectivite.slug]),
        reverse("official-detail", args=[collectivite.slug, "florence-demouy"]),
        reverse("qa-question"),
        reverse("qa-question") + "?q=" + quote("Quel est le tarif du repas de l'accueil de loisirs ?"),
        reverse("transparency"),
        reverse("login"),
    ]


def test_public_pages_have_no_wcag_violation(page, live_server, published):
    found = {url: _violations(page, live_server.url + url) for url in _public_urls(published)}
    found["/nulle-part/"] = _violations(page, live_server.url + "/nulle-part/", status=404)
    assert {url: problems for url, problems in found.items() if problems} == {}


def test_clerk_pages_have_no_wcag_violation(page, live_server, published, django_user_model):
    django_user_model.objects.create_user("greffier", password="mot-de-passe-long", is_staff=True)
    page.goto(live_server.url + reverse("login"))
    page.get_by_label("Identifiant").fill("greffier")
    page.get_by_label("Mot de passe").fill("mot-de-passe-long")
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url("**/greffe/**")
    document = published.document
    urls = [
        reverse("clerk-documents"),
        reverse("clerk-upload"),
        reverse("clerk-document", args=[document.pk]),
        reverse("clerk-document-metadata", args=[document.pk]),
        reverse("clerk-redactions", args=[document.pk]),
    ]
    found = {url: _violations(page, live_server.url + url) for url in urls}
    assert {url: problems for url, problems in found.items() if problems} == {}

"""Following a search by e-mail: double opt-in, digests of what is new only, leaving in one click."""

from __future__ import annotations

import datetime
import html
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from search.alerts import saved_searches_digest_send
from search.models import SavedSearch
from search.services import passage_embedding_input
from tests.search.conftest import _create


def _subscribe(client, email: str, params: str):
    return client.post(reverse("alert-subscribe"), {"email": email, "params": params})


def _link(message, name: str) -> str:
    return re.search(rf"https?://\S+/recherche/alertes/\S+/{name}/", message.body).group(0).split("127.0.0.1:8000", 1)[-1]


def test_nothing_is_sent_before_the_address_confirms(client, passages, mailoutbox):
    response = _subscribe(client, "lectrice@example.org", "q=subvention&mode=hybrid&page=2")
    assert response.status_code == 200
    assert "Un courriel vient d'être envoyé à lectrice@example.org" in html.unescape(response.content.decode())
    (message,) = mailoutbox
    assert message.to == ["lectrice@example.org"]
    assert "« subvention »" in message.subject
    saved = SavedSearch.objects.get()
    # Paging and mode are the page's, not the search's: a followed search is its words and filters.
    assert saved.params == "q=subvention"
    assert saved.confirmed_at is None
    assert saved_searches_digest_send() == 0 and len(mailoutbox) == 1
    # Opening the link (a mail scanner does) confirms nothing; the button does.
    confirm = _link(message, "confirmer")
    assert "Confirmer" in client.get(confirm).content.decode()
    saved.refresh_from_db()
    assert saved.confirmed_at is None
    client.post(confirm)
    saved.refresh_from_db()
    assert saved.confirmed_at is not None


def test_a_digest_sends_what_was_published_since_and_only_once(client, passages, mailoutbox):
    from search.embeddings import embedder_get

    _subscribe(client, "journaliste@example.org", "q=subvention")
    client.post(_link(mailoutbox[0], "confirmer"))
    # What was already published when the search was confirmed is not news.
    assert saved_searches_digest_send() == 0
    row = ("Montpellier", "Conseil municipal", "2024-02-12", "deliberation", "adopted", "V2024-5",
           "Subvention au comité des fêtes", (2, 2), "Une subvention de 1 200 euros est attribuée au comité des fêtes.")
    new = _create(row, published=True, index=200)
    new.embedding = embedder_get().passages_embed([passage_embedding_input(heading=new.heading, text=new.text)])[0]
    new.save(update_fields=["embedding"])
    assert saved_searches_digest_send() == 1
    digest = mailoutbox[-1]
    assert digest.to == ["journaliste@example.org"]
    assert "V2024-5 — Subvention au comité des fêtes" in digest.body
    assert f"/deliberations/{new.deliberation_id}/" in digest.body
    unsubscribe = _link(digest, "arreter")
    assert digest.extra_headers["List-Unsubscribe"].endswith(f"{unsubscribe}>")
    assert saved_searches_digest_send() == 0
    # One click from a mail client (RFC 8058): a POST without any CSRF token ends it and deletes the address.
    strict = Client(enforce_csrf_checks=True)
    assert "Arrêter les courriels" in strict.get(unsubscribe).content.decode()
    assert strict.post(unsubscribe, {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert not SavedSearch.objects.exists()
    assert strict.get(unsubscribe).status_code == 404


def test_refusals_are_french_and_unconfirmed_addresses_expire(client, passages, mailoutbox, settings):
    bad = _subscribe(client, "pas-une-adresse", "q=subvention")
    assert bad.status_code == 400 and "Cette adresse électronique n'est pas valide." in html.unescape(bad.content.decode())
    empty = _subscribe(client, "lecteur@example.org", "collectivite=1")
    assert empty.status_code == 400 and "une recherche vide ne peut pas être suivie" in html.unescape(empty.content.decode())
    assert not mailoutbox
    _subscribe(client, "lecteur@example.org", "q=piscine")
    SavedSearch.objects.update(created_at=timezone.now() - datetime.timedelta(days=settings.ALERTS_UNCONFIRMED_DAYS + 1))
    saved_searches_digest_send()
    assert not SavedSearch.objects.exists()


@pytest.mark.parametrize("name", ["alert-confirm", "alert-unsubscribe"])
def test_an_unknown_token_is_a_plain_french_404(client, db, name):
    response = client.get(reverse(name, args=["inconnu"]))
    assert response.status_code == 404
    assert "Ce lien n'est pas ou plus valable" in html.unescape(response.content.decode())

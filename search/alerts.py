"""Searches followed by e-mail: subscribing (double opt-in), the digests of new results, leaving.

A reader gives an address on the search page; nothing is sent but one message with a link to confirm. Once
confirmed, the search (exact words, as its feed) is run now and then by Celery beat, and the passages published
since the last digest are sent, each digest with the link that ends the subscription (and a List-Unsubscribe
header). Confirming and leaving take a click on a page, not the opening of a link, which mail scanners do.
"""

from __future__ import annotations

import datetime
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.http import QueryDict
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from search.backends.base import SearchHit
from search.models import SavedSearch
from search.selectors import hit_deliberation_url, hit_page_url, passages_search, search_followed

PARAMS_MAX_CHARS = 2000


class AlertRefused(ValueError):
    """A subscription that cannot be taken; the message is French and shown to the reader."""


def _link(name: str, token: str) -> str:
    return settings.PORTAL_URL + reverse(name, args=[token])


def _send(*, saved: SavedSearch, subject: str, template: str, context: dict) -> None:
    unsubscribe = _link("alert-unsubscribe", saved.token)
    with translation.override(settings.LANGUAGE_CODE):
        body = render_to_string(template, {**context, "saved": saved, "unsubscribe_url": unsubscribe,
                                            "portal_name": settings.PORTAL_NAME})
    message = EmailMessage(subject=subject, body=body, to=[saved.email],
                           headers={"List-Unsubscribe": f"<{unsubscribe}>"})
    message.send()


def _followed(saved: SavedSearch) -> tuple[str, list[SearchHit]]:
    """The words of a saved search and its results now, the newest séance first (as its feed lists them)."""
    query, _kept = search_followed(QueryDict(saved.params))
    return query.text, passages_search(query=query).hits


def saved_search_subscribe(*, email: str, params: QueryDict) -> SavedSearch:
    """Keep the address for this search, unconfirmed, and send it the link that confirms. Asked again for the same
    address and search, the link is sent again; the address is never told whether it was already subscribed."""
    email = email.strip()[:254]
    try:
        validate_email(email)
    except ValidationError as error:
        raise AlertRefused(_("Cette adresse électronique n'est pas valide.")) from error
    query, kept = search_followed(params)
    if not query.text:
        raise AlertRefused(_("Saisissez d'abord des mots à rechercher : une recherche vide ne peut pas être suivie."))
    if len(kept) > PARAMS_MAX_CHARS:
        raise AlertRefused(_("Cette recherche est trop longue pour être suivie."))
    try:
        with transaction.atomic():
            saved, _created = SavedSearch.objects.get_or_create(
                email=email, params=kept, defaults={"token": secrets.token_urlsafe(32)}
            )
    except IntegrityError:
        saved = SavedSearch.objects.get(email=email, params=kept)
    if saved.confirmed_at is None:
        _send(saved=saved, subject=_("Confirmez le suivi de votre recherche « %(text)s »") % {"text": query.text},
              template="search/email/confirm.txt",
              context={"confirm_url": _link("alert-confirm", saved.token), "text": query.text,
                       "days": settings.ALERTS_UNCONFIRMED_DAYS})
    return saved


def saved_search_get(*, token: str) -> SavedSearch | None:
    return SavedSearch.objects.filter(token=token).first()


def saved_search_confirm(*, saved: SavedSearch) -> None:
    """Confirmed: the digests start from what is published now (the results already there are not sent)."""
    if saved.confirmed_at is not None:
        return
    _text, hits = _followed(saved)
    saved.last_passage_id = max((hit.passage_id for hit in hits), default=0)
    saved.confirmed_at = timezone.now()
    saved.save(update_fields=["confirmed_at", "last_passage_id"])


def saved_search_unsubscribe(*, saved: SavedSearch) -> None:
    """Ended: the address is deleted with it."""
    saved.delete()


def saved_searches_digest_send() -> int:
    """One e-mail per confirmed search that has new results; returns how many were sent. Unconfirmed addresses
    older than ALERTS_UNCONFIRMED_DAYS are deleted first."""
    limit = timezone.now() - datetime.timedelta(days=settings.ALERTS_UNCONFIRMED_DAYS)
    SavedSearch.objects.filter(confirmed_at__isnull=True, created_at__lt=limit).delete()
    sent = 0
    for saved in SavedSearch.objects.filter(confirmed_at__isnull=False).order_by("pk"):
        text, hits = _followed(saved)
        # Published since its last digest.
        news = [hit for hit in hits if hit.passage_id > saved.last_passage_id]
        if not news:
            continue
        items = [{"hit": hit, "url": settings.PORTAL_URL + (hit_deliberation_url(hit=hit) or hit_page_url(hit=hit) or "")}
                 for hit in news]
        _send(saved=saved, subject=_("Nouveaux résultats pour « %(text)s »") % {"text": text},
              template="search/email/digest.txt",
              context={"items": items, "text": text,
                       "search_url": f"{settings.PORTAL_URL}{reverse('search')}?{saved.params}"})
        saved.last_passage_id = max(hit.passage_id for hit in news)
        saved.save(update_fields=["last_passage_id"])
        sent += 1
    return sent

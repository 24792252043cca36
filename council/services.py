"""Writes on the council domain: collectivités, bodies, séances, publication."""

from __future__ import annotations

import datetime
import re

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext

from council.models import Body, Collectivite, Document, Seance

DEFAULT_BODY = "Conseil municipal"


def collectivite_label_parse(label: str) -> tuple[str, str]:
    """« Ville de Montpellier (Hérault, 34) – conseil municipal » → (« Ville de Montpellier », « Conseil municipal »)."""
    name, _, body = label.partition(" – ")
    name = re.sub(r"\s*\([^)]*\)\s*", " ", name).strip()
    body = body.strip()
    if not body:
        body = "Conseil communautaire" if re.search(r"communaut|agglom|métropole", name, re.I) else DEFAULT_BODY
    return name, body[:1].upper() + body[1:]


def collectivite_get_or_create(*, name: str) -> Collectivite:
    slug = slugify(name)[:200] or "collectivite"
    collectivite, _ = Collectivite.objects.get_or_create(slug=slug, defaults={"name": name})
    return collectivite


def body_get_or_create(*, collectivite: Collectivite, name: str = DEFAULT_BODY) -> Body:
    body, _ = Body.objects.get_or_create(collectivite=collectivite, name=name)
    return body


def seance_get_or_create(*, body: Body, date: datetime.date) -> Seance:
    seance, _ = Seance.objects.get_or_create(body=body, date=date)
    return seance


class PublicationRefused(Exception):
    """The document may not be published yet; the message is French, for the clerk."""


@transaction.atomic
def document_publish(*, document: Document, published: bool) -> Document:
    """Publish or withdraw a document; its passages follow at once, so search never lags behind.

    Raises PublicationRefused for a document whose pseudonymisation a clerk must review first.
    """
    from search.services import passages_document_sync

    if published and document.privacy_status == Document.PrivacyStatus.NEEDS_REVIEW:
        raise PublicationRefused(
            gettext("« %(document)s » doit être relu avant publication : %(reasons)s")
            % {"document": document, "reasons": "; ".join(document.privacy_reasons) or gettext("pseudonymisation incertaine")}
        )
    document.published = published
    document.save(update_fields=["published", "updated_at"])
    passages_document_sync(document=document)
    return document

"""Writes on the council domain: collectivités, bodies, séances (publication is the pipeline's: `ingestion.services`)."""

from __future__ import annotations

import datetime
import re

from django.utils.text import slugify

from council.models import Body, Collectivite, Seance

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

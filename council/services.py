"""Writes on the council domain: collectivités, bodies, séances, délibérations (publication is the pipeline's:
`ingestion.services`)."""

from __future__ import annotations

import datetime
import re

from django.db import transaction
from django.utils.text import slugify

from council.models import Body, Collectivite, Deliberation, Document, Seance
from council.selectors import number_key, objet_terms

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


# What a rebuild of a document writes on each délibération; the rest (its identity, its URL) stays.
DELIBERATION_FIELDS = (
    "seance", "position", "number", "objet", "rapporteur", "votes_for", "votes_against", "votes_abstention",
    "names_for", "names_against", "names_abstention", "unanimous", "outcome", "matiere", "page_start", "page_end",
)


CORRECTABLE_FIELDS = ("number", "objet", "rapporteur", "matiere")


def deliberation_read(deliberation: Deliberation, field: str):
    """What the reading of the document gave for a field, whatever a clerk corrected since."""
    correction = deliberation.corrections.get(field)
    return correction[0] if correction else getattr(deliberation, field)


def deliberation_correct(*, deliberation: Deliberation, values: dict[str, str]) -> list[str]:
    """Set a clerk's values (number, objet, rapporteur, matière) on a délibération, recorded as corrections so that a new
    reading keeps them; a value set back to what the reading gave is no correction any more. Returns the fields
    changed."""
    changed = []
    for field in CORRECTABLE_FIELDS:
        if field not in values or values[field] == getattr(deliberation, field):
            continue
        read = deliberation_read(deliberation, field)
        setattr(deliberation, field, values[field])
        if values[field] == read:
            deliberation.corrections.pop(field, None)
        else:
            deliberation.corrections[field] = [read, values[field]]
        changed.append(field)
    if changed:
        deliberation.save(update_fields=[*changed, "corrections"])
    return changed


def deliberations_replace(*, document: Document, drafts: list[Deliberation]) -> list[Deliberation]:
    """Write a document's délibérations as parsed anew, keeping the identity (and public URL) of each one it
    already had: matched by its number, else by its position among the unnumbered. A re-processing (retry,
    redelivery, redaction decision, parser upgrade) must not turn links people shared into 404s.

    Returns the saved délibérations in the order of `drafts`.
    """
    existing = list(Deliberation.objects.filter(document=document).order_by("position", "pk"))
    by_number: dict[str, Deliberation] = {}
    for deliberation in existing:
        if number := deliberation_read(deliberation, "number"):
            by_number.setdefault(number, deliberation)
    unnumbered = [d for d in existing if not deliberation_read(d, "number")]
    used: set[int] = set()
    saved, created = [], []
    for draft in drafts:
        match = by_number.get(draft.number) if draft.number else next((d for d in unnumbered if d.pk not in used), None)
        if match is None or match.pk in used:
            created.append(draft)
            saved.append(draft)
            continue
        used.add(match.pk)
        for field in DELIBERATION_FIELDS:
            setattr(match, field, getattr(draft, field))
        # A clerk's correction wins over the new reading, which is kept as what the reading gave.
        for field, (_read, corrected) in match.corrections.items():
            match.corrections[field] = [getattr(draft, field), corrected]
            setattr(match, field, corrected)
        saved.append(match)
    Deliberation.objects.filter(document=document).exclude(pk__in=used).delete()
    Deliberation.objects.bulk_update([d for d in saved if d.pk in used], [*DELIBERATION_FIELDS, "corrections"], batch_size=500)
    Deliberation.objects.bulk_create(created)
    return saved


# Two printings of one act in a séance (the procès-verbal, the compte rendu, the délibération's own PDF): the same
# number and objets of which the shorter shares half its terms with the longer (a procès-verbal may keep only the
# objet's first line), or, one of them unnumbered, objets that share four fifths of all their terms.
SAME_OBJET_NUMBERED = 0.5
SAME_OBJET_UNNUMBERED = 0.8


def _same_act(one: tuple[str, frozenset[str]], other: tuple[str, frozenset[str]]) -> bool:
    """Two (number key, objet terms) of a séance's délibérations are two printings of one act."""
    (number, terms), (other_number, other_terms) = one, other
    if not terms or not other_terms:
        return False
    if number and other_number:
        shorter = min(len(terms), len(other_terms))
        return number == other_number and len(terms & other_terms) / shorter >= SAME_OBJET_NUMBERED
    shared = len(terms & other_terms) / len(terms | other_terms)
    return min(len(terms), len(other_terms)) >= 3 and shared >= SAME_OBJET_UNNUMBERED


def _act_key(deliberation: Deliberation) -> tuple[str, frozenset[str]]:
    return number_key(deliberation.number) if deliberation.number else "", objet_terms(deliberation.objet)


def deliberations_same_act(one: Deliberation, other: Deliberation) -> bool:
    """Whether two délibérations of a séance are two printings of the same act."""
    return _same_act(_act_key(one), _act_key(other))


@transaction.atomic
def seance_deliberations_link(*, seance: Seance) -> int:
    """One délibération per act of the séance: each délibération that an earlier document of the séance already
    holds points to it (`same_as`), the others to none. Idempotent; run again whenever a document of the séance
    is read, deleted or moved. Returns how many printings point to another."""
    canonical: list[Deliberation] = []
    linked = 0
    deliberations = list(Deliberation.objects.filter(seance=seance).order_by("document_id", "position", "pk"))
    by_document: dict[int, list[Deliberation]] = {}
    for deliberation in deliberations:
        by_document.setdefault(deliberation.document_id, []).append(deliberation)
    # Each objet read once: a long procès-verbal is compared with every act of the séance's other documents.
    keys = {deliberation.pk: _act_key(deliberation) for deliberation in deliberations}
    for document_id, own in by_document.items():
        taken: set[int] = set()
        found = []
        for deliberation in own:
            match = next((c for c in canonical if c.document_id != document_id and c.pk not in taken
                          and _same_act(keys[deliberation.pk], keys[c.pk])), None)
            if match is not None:
                taken.add(match.pk)
                linked += 1
            else:
                found.append(deliberation)
            if deliberation.same_as_id != (match.pk if match else None):
                deliberation.same_as = match
                deliberation.save(update_fields=["same_as"])
        canonical += found
    return linked

"""Rows of the council domain made directly, for the public-side tests."""

from __future__ import annotations

import datetime
import hashlib
import itertools

import pytest

from council.models import Body, Collectivite, Deliberation, Document, Intervention, Page, Seance

_counter = itertools.count(1)


@pytest.fixture
def council_rows(db):
    """A factory: `council_rows(published=True, ...)` → (document, [deliberations])."""

    def make(
        *,
        published: bool,
        collectivite: str = "Ville de Lunel",
        body: str = "Conseil municipal",
        date: datetime.date = datetime.date(2024, 5, 15),
        objets: tuple[str, ...] = ("Subvention au club de football",),
        outcome: str = Deliberation.Outcome.ADOPTED,
        personal_data_free: bool = False,
        siret: str | None = None,
    ) -> tuple[Document, list[Deliberation]]:
        serial = next(_counter)
        place, _ = Collectivite.objects.get_or_create(
            name=collectivite, defaults={"slug": collectivite.lower().replace(" ", "-"), "siret": siret}
        )
        assembly, _ = Body.objects.get_or_create(collectivite=place, name=body)
        seance, _ = Seance.objects.get_or_create(body=assembly, date=date)
        document = Document.objects.create(
            collectivite=place,
            body=assembly,
            seance=seance,
            file=f"originals/{serial}.pdf",
            sha256=hashlib.sha256(f"document {serial}".encode()).hexdigest(),
            original_name=f"pv-{serial}.pdf",
            source_path=f"{place.slug}/pv-{serial}.pdf",
            kind=Document.Kind.PROCES_VERBAL,
            title=f"Procès-verbal {serial}",
            page_count=2,
            status=Document.Status.READY,
            published=published,
            personal_data_free=personal_data_free,
        )
        Page.objects.create(
            document=document, number=1, raw_text="M. Jean SECRET habite ici.", text="[personne 1] habite ici."
        )
        Page.objects.create(document=document, number=2, raw_text="Fin.", text="Fin.")
        deliberations = [
            Deliberation.objects.create(
                seance=seance,
                document=document,
                position=position,
                number=f"{date.year}-{serial:03d}-{position + 1}",
                objet=objet,
                rapporteur="M. le Maire",
                votes_for=25,
                votes_against=2,
                votes_abstention=1,
                names_against=["M. DURAND", "Mme MARTIN"],
                outcome=outcome,
                page_start=1,
                page_end=2,
            )
            for position, objet in enumerate(objets)
        ]
        Intervention.objects.create(
            document=document,
            deliberation=deliberations[0],
            position=0,
            speaker="M. DURAND",
            text="Nous voterons contre ce projet.",
            page_start=1,
            page_end=1,
        )
        return document, deliberations

    return make

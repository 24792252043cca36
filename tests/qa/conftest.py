"""Published passages in the shape of real minutes, embedded with the project's model, for the answer tests."""

from __future__ import annotations

import datetime
import itertools

import pytest

from council.models import Body, Collectivite, Deliberation, Document, Seance
from search.models import Passage
from search.services import passage_embedding_input

_serial = itertools.count(1)

# (collectivité, date, number, objet, pages, text) — lines taken from the corpus, as cited in each comment.
PASSAGES = [
    # chemere_regardscitoyens/pdf/CM 17 avril 2013.pdf, pages 3-4
    ("Commune de Chéméré", "2013-04-17", "2013-21", "Cession du bassin de rétention du lotissement des Genêts", (3, 4),
     "Le bassin de rétention existant, cadastré G 2376 d’une contenance de 1 156 m 2, appartient à la commune.\n"
     "Le conseil municipal, après en avoir délibéré, décide :\n"
     "- de proposer à l’AFUL du Brandais la cession de la parcelle cadastrée G 2376 d’une contenance de 1 156 m2\n"
     "pour un montant de 46 000,00 €,\n"
     "- d’autoriser le Maire à signer l’acte à intervenir."),
    # chemere_regardscitoyens/pdf/CM 17 juin 2014.pdf, page 3
    ("Commune de Chéméré", "2014-06-17", "2014-40", "Restauration scolaire du mercredi", (3, 3),
     "Le Conseil municipal, après avoir entendu son rapporteur en son exposé et délibéré, décide à la majorité des\n"
     "membres présents (16 votes « Pour » et 3 « Abstention »), de prendre en charge le repas du mercredi à\n"
     "hauteur de 1,12 €/repas servi."),
    # preuilly_sur_claise/PV.pdf, page 7
    ("Commune de Preuilly-sur-Claise", "2020-07-10", "2020-35", "Acquisition d'un garage route du Grand Pressigny", (7, 7),
     "Le propriétaire du garage situé route du Grand Pressigny propose de le céder à la commune.\n"
     "Les membres du conseil municipal ACCEPTENT cette proposition financière pour un montant de 5000 euros."),
    # roannais_agglomeration/example.pdf, page 46
    ("Roannais Agglomération", "2021-10-07", "DC-2021-180", "Désignation au Syndicat d'Etudes et d'Elimination des Déchets du Roannais", (46, 46),
     "Le conseil communautaire, après en avoir délibéré :\n"
     "- élit Nicolas Chargueros en tant que membre suppléant au sein du Comité syndical du Syndicat d'Etudes et\n"
     "d'Elimination des Déchets du Roannais."),
]


def passage_create(*, collectivite: str, date: str, number: str, objet: str, pages: tuple[int, int], text: str,
                   published: bool = True) -> Passage:
    serial = next(_serial)
    place, _ = Collectivite.objects.get_or_create(name=collectivite, defaults={"slug": f"qa-{serial}"})
    body, _ = Body.objects.get_or_create(collectivite=place, name="Conseil municipal")
    seance, _ = Seance.objects.get_or_create(body=body, date=datetime.date.fromisoformat(date))
    document = Document.objects.create(
        collectivite=place, body=body, seance=seance, file=f"originals/qa-{serial}.pdf", sha256=f"{serial:064x}",
        original_name=f"pv-{serial}.pdf", source_path=f"{place.slug}/pv-{serial}.pdf", kind=Document.Kind.PROCES_VERBAL,
        title=f"Procès-verbal du {date}", page_count=60, published=published, status=Document.Status.READY,
    )
    deliberation = Deliberation.objects.create(
        seance=seance, document=document, number=number, objet=objet, outcome=Deliberation.Outcome.ADOPTED,
        page_start=pages[0], page_end=pages[1],
    )
    return Passage.objects.create(
        document=document, deliberation=deliberation, position=0, page_start=pages[0], page_end=pages[1],
        heading=f"{number} {objet}", text=text, published=published, collectivite=place, body=body,
        seance_date=seance.date, document_kind=document.kind, outcome=deliberation.outcome,
    )


def passages_embed(passages: list[Passage]) -> None:
    from search.embeddings import embedder_get

    vectors = embedder_get().passages_embed([passage_embedding_input(heading=p.heading, text=p.text) for p in passages])
    for passage, vector in zip(passages, vectors, strict=True):
        passage.embedding = vector
    Passage.objects.bulk_update(passages, ["embedding"])


@pytest.fixture
def qa_passages(db):
    created = [
        passage_create(collectivite=c, date=d, number=n, objet=o, pages=p, text=t) for c, d, n, o, p, t in PASSAGES
    ]
    passages_embed(created)
    return created

"""Published passages in the shape of real minutes, embedded with the project's model, for the answer tests."""

from __future__ import annotations

import datetime
import itertools

import pytest

from council.models import Body, Collectivite, Deliberation, Document, Seance
from search.models import Passage
from search.services import passage_embedding_input, term_frequencies_rebuild

_serial = itertools.count(1)

# (collectivité, date, number, objet, pages, text) — lines taken from the corpus, as cited in each comment, from
# collectivités that no question set of ../shared/eval covers (the tests must not copy the evaluation).
PASSAGES = [
    # pierrefonds_mymairie/20241015-PV.pdf, page 3
    ("Commune de Pierrefonds", "2024-10-15", "2024-31", "Tarif du repas des accueils de loisirs", (3, 3),
     "Pour la restauration dans le cadre de l’accueil de loisirs, il est proposé de maintenir le coût du repas à 4,80 €.\n"
     "Le Conseil Municipal, après en avoir délibéré, à l’unanimité :\n"
     "- FIXE le tarif du repas à 4,80 € dans le cadre des accueils de loisirs"),
    # pierrefonds_mymairie/20241015-PV.pdf, page 4
    ("Commune de Pierrefonds", "2024-10-15", "2024-32", "Admission en non-valeur de créances irrécouvrables", (4, 4),
     "La liste des créances proposées en admission en non-valeur représente un montant de 144,60 € correspondant à :\n"
     "Considérant le caractère irrécouvrable des créances pour un montant de 144,60 €,\n"
     "Le Conseil Municipal, après en avoir délibéré, à l’unanimité :\n"
     "- DÉCIDE d’admettre en non-valeur les créances pour un montant de 144,60 €"),
    # pierrefonds_mymairie/cc_lisieres_de_l_oise/2025.09.25-Compte-rendu-du-CC-du-25-septembre-2025-approuve.pdf, page 7
    ("Communauté de communes des Lisières de l'Oise", "2025-09-25", "2025-41",
     "Aide aux entreprises recevant du public : rénovation de l'installation électrique", (7, 7),
     "- Approuvé l’attribution d’une aide de 1 800 € à la société LA COTE A L'OS, sous réserve des factures\n"
     "réellement acquittées ainsi que de l'attestatin de versement de la subvention REHA de la Région"),
    # pierrefonds_mymairie/CM-22-SEPTEMBRE-2021.pdf, page 6
    ("Commune de Pierrefonds", "2021-09-22", "2021-52", "Syndicat Mixte Oise Aronde : désignation d'un délégué suppléant",
     (6, 6),
     "Mme le maire demande quels sont les conseillers souhaitant se présenter en tant que délégué suppléant.\n"
     "Est candidat : M. Gilles PAPIN\n"
     "Le conseil municipal, après en avoir délibéré, à 18 voix pour, désigne, pour représenter la commune au Syndicat\n"
     "Mixte Oise Aronde, M. Gilles PAPIN en tant que délégué suppléant."),
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
    term_frequencies_rebuild()  # as publishing through the services counts them
    return created

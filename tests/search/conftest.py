"""A small published/unpublished fixture of real-looking passages, embedded with the project's model."""

from __future__ import annotations

import datetime

import pytest
from celery.signals import task_prerun

from council.matieres import matiere_read
from council.models import Body, Collectivite, Deliberation, Document, Seance
from search.models import Passage
from search.services import passage_embedding_input
from tests.search.opensearch_node import ENGINE_KINDS, elasticsearch_kind, opensearch_backend_configure

# Lines adapted from the corpus (chemere_regardscitoyens, montpellier_opendata), shortened.
PASSAGES = [
    # (collectivité, body, date, kind, outcome, number, objet, pages, text)
    ("Chéméré", "Conseil municipal", "2013-04-17", "proces_verbal", "adopted", "2013-21",
     "Cession de la parcelle du bassin de rétention du lotissement des Genêts", (3, 4),
     "Le bassin de rétention existant, cadastré G 2376 d'une contenance de 1 156 m2, appartient à la commune. "
     "Le conseil décide de proposer à l'AFUL du Brandais la cession de la parcelle pour un montant de 46 000,00 €."),
    ("Chéméré", "Conseil municipal", "2014-06-12", "proces_verbal", "adopted", "2014-40",
     "Tarifs de la restauration scolaire", (2, 2),
     "La commune participe au prix du repas servi aux enfants de l'école le mercredi à hauteur de 1,20 euro par assiette."),
    ("Montpellier", "Conseil municipal", "2021-10-05", "deliberation", "adopted", "V2021-301",
     "Piscine olympique d'Antigone : tarifs d'entrée", (1, 1),
     "Les tarifs des piscines municipales sont revalorisés. L'entrée à la piscine coûte 3,50 euros pour les adultes."),
    ("Montpellier", "Conseil municipal", "2022-03-15", "deliberation", "rejected", "V2022-12",
     "Plan local d'urbanisme : modification simplifiée", (5, 6),
     "Le plan local d'urbanisme (PLU) fait l'objet d'une modification simplifiée concernant la zone UA du centre ancien."),
    ("Montpellier", "Conseil de métropole", "2022-05-20", "compte_rendu", "adopted", "M2022-7",
     "Subvention à l'association des jardins familiaux", (8, 8),
     "Une subvention de 5 000 euros est attribuée à l'association des jardins familiaux pour l'entretien des potagers."),
]
# The same kind of text, unpublished: it must never come out of any search.
UNPUBLISHED = (
    "Chéméré", "Conseil municipal", "2015-01-10", "proces_verbal", "adopted", "2015-01",
    "Piscine intercommunale : tarifs secrets", (1, 1),
    "Piscine tarifs secret non publié : la piscine intercommunale et ses tarifs d'entrée pour les adultes.",
)


def _create(row, *, published: bool, index: int) -> Passage:
    coll_name, body_name, date, kind, outcome, number, objet, (page_start, page_end), text = row
    collectivite, _ = Collectivite.objects.get_or_create(name=coll_name, defaults={"slug": f"c{abs(hash(coll_name))}"})
    body, _ = Body.objects.get_or_create(collectivite=collectivite, name=body_name)
    seance, _ = Seance.objects.get_or_create(body=body, date=datetime.date.fromisoformat(date))
    document = Document.objects.create(
        collectivite=collectivite, body=body, seance=seance, file=f"originals/{index}.pdf", sha256=f"{index:064d}",
        original_name=f"doc{index}.pdf", source_path=f"{coll_name}/doc{index}.pdf", kind=kind, title=f"Document {index}",
        page_count=10, published=published, status=Document.Status.READY,
    )
    deliberation = Deliberation.objects.create(
        seance=seance, document=document, number=number, objet=objet, outcome=outcome, matiere=matiere_read(objet),
        page_start=page_start, page_end=page_end,
    )
    return Passage.objects.create(
        document=document, deliberation=deliberation, position=0, page_start=page_start, page_end=page_end,
        heading=f"{number} {objet}", text=text, published=published, collectivite=collectivite, body=body,
        seance_date=seance.date, document_kind=kind, outcome=outcome, theme=deliberation.theme,
    )


@pytest.fixture
def passages(db):
    from search.embeddings import embedder_get

    created = [_create(row, published=True, index=i) for i, row in enumerate(PASSAGES, start=1)]
    created.append(_create(UNPUBLISHED, published=False, index=99))
    vectors = embedder_get().passages_embed([passage_embedding_input(heading=p.heading, text=p.text) for p in created])
    for passage, vector in zip(created, vectors, strict=True):
        passage.embedding = vector
    Passage.objects.bulk_update(created, ["embedding"])
    return created


KEYWORD_BACKENDS = ["postgres", *ENGINE_KINDS]


@pytest.fixture(params=KEYWORD_BACKENDS)
def backend(request, passages):
    """Each backend in turn, asked directly: PostgreSQL, then OpenSearch and Elasticsearch with the fixture's passages
    sent to a fresh index of a real node (the unpublished one included: it must stay out)."""
    import uuid

    from search.backends.postgres import PostgresSearchBackend

    if request.param == "postgres":
        yield PostgresSearchBackend()
        return
    if elasticsearch_kind(request.param):
        from search.backends.elasticsearch import ElasticsearchSearchBackend as Engine
    else:
        from search.backends.opensearch import OpenSearchSearchBackend as Engine
    engine = Engine(url=request.getfixturevalue(f"{request.param}_url"), index=f"test_{uuid.uuid4().hex[:12]}")
    engine.passages_index(passage_ids=[p.pk for p in passages])
    yield engine
    engine.engine.indices_drop()


@pytest.fixture(params=KEYWORD_BACKENDS)
def keyword_backend(request, passages, settings):
    """The module's tests once per keyword backend, with the same assertions: the fixture's passages are sent to a
    fresh index of the real OpenSearch node, then of the real Elasticsearch 7.17 and 8.15 nodes, for the other runs."""
    from search.backends import search_backend_get

    if request.param == "postgres":
        yield request.param
        return
    backend = opensearch_backend_configure(
        settings, url=request.getfixturevalue(f"{request.param}_url"), elasticsearch=elasticsearch_kind(request.param)
    )
    backend.passages_index(passage_ids=[p.pk for p in passages])
    yield request.param
    backend.engine.clear()
    search_backend_get.cache_clear()


@pytest.fixture(params=ENGINE_KINDS)
def engine_kind(request) -> str:
    """Each separate engine in turn: a real OpenSearch 2.19 node, then real Elasticsearch 7.17 and 8.15 nodes."""
    return request.param


@pytest.fixture
def engine_url(request, engine_kind) -> str:
    return request.getfixturevalue(f"{engine_kind}_url")


@pytest.fixture
def configured(passages, engine_kind, engine_url, settings):
    """The engine's backend as configured in settings (an alias of its own), the fixture's passages sent through it."""
    from search.backends import search_backend_get

    backend = opensearch_backend_configure(settings, url=engine_url, elasticsearch=elasticsearch_kind(engine_kind))
    backend.passages_index(passage_ids=[p.pk for p in passages])
    yield backend
    backend.engine.indices_drop()
    search_backend_get.cache_clear()


@pytest.fixture
def tasks_run():
    """Names of the Celery tasks run in this process."""
    names: list[str] = []

    def record(sender=None, **kwargs):
        names.append(sender.name)

    task_prerun.connect(record, weak=False)
    yield names
    task_prerun.disconnect(record)

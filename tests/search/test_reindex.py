"""`reindex` against a real OpenSearch node: a new index loaded, the alias switched without downtime, the old dropped."""

from __future__ import annotations

import io
import threading
import uuid

import pytest

from django.core.management import call_command
from django.db.models import Sum

from french.terms import terms_extract
from search.backends import opensearch, search_backend_get
from search.backends.base import SearchQuery
from search.models import TERM_ALL, Passage, TermFrequency
from tests.search.opensearch_node import opensearch_backend_configure


def _aliased(backend) -> list[str]:
    """The concrete indices the alias points to (an error if the name is not an alias)."""
    return sorted(backend.engine.conn.indices.get_alias(name=backend.index_name))


def _objets(backend, text: str) -> list[str]:
    return [hit.deliberation_objet for hit in backend.search(query=SearchQuery(text=text, mode="keyword")).hits]


def _run(command: str, *args) -> tuple[int, str]:
    out = io.StringIO()
    try:
        call_command(command, *args, stdout=out)
    except SystemExit as exit_:
        return exit_.code, out.getvalue()
    return 0, out.getvalue()


def test_the_backend_searches_and_writes_through_an_alias(configured):
    behind = _aliased(configured)
    assert len(behind) == 1 and behind[0].startswith(f"{configured.index_name}_")
    assert _objets(configured, "d'assiettes") == ["Tarifs de la restauration scolaire"]


def test_reindex_switches_the_alias_without_downtime(configured, passages, monkeypatch):
    before = _aliased(configured)
    conn, alias = configured.engine.conn, configured.index_name
    monkeypatch.setattr(opensearch, "INDEX_BATCH", 2)
    # Unpublished behind the engine's back (no sync): the rebuilt index must not have it.
    pool = passages[2]
    Passage.objects.filter(pk=pool.pk).update(published=False)
    assert set(configured.engine_passages(passage_ids=[pool.pk])) == {pool.pk}
    # While the index is rebuilt, the alias answers all along: an engine query in a loop from another thread…
    answers, faults, stop = [], [], threading.Event()

    def search_loop():
        while not stop.is_set():
            try:
                answers.append(conn.count(index=alias, body={"query": {"match": {"text": "assiette"}}})["count"])
            except Exception as error:  # noqa: BLE001 - any failure is what the test looks for
                faults.append(error)

    # …and the portal's own search after each batch loaded, with a passage unpublished in the middle of the load.
    during = []

    def progress(done, total):
        during.append((done, total, _aliased(configured), _objets(configured, "d'assiettes")))
        if done == 2:
            Passage.objects.filter(pk=passages[0].pk).update(published=False)

    loop = threading.Thread(target=search_loop)
    loop.start()
    try:
        rebuilt = configured.engine_rebuild(progress=progress)
    finally:
        stop.set()
        loop.join()
    assert not faults
    assert answers and set(answers) == {1}
    assert [(done, total) for done, total, _, _ in during] == [(2, 4), (4, 4)]
    assert all(behind == before for _, _, behind, _ in during)
    assert all(found == ["Tarifs de la restauration scolaire"] for *_, found in during)
    after = _aliased(configured)
    assert after == [rebuilt.index] != before
    assert rebuilt.previous == before and not conn.indices.exists(index=before[0])
    assert rebuilt.count == 4 and rebuilt.caught_up == 1
    # Only what PostgreSQL publishes now, the passage unpublished during the load included.
    assert configured.engine_count() == Passage.objects.filter(published=True).count() == 3
    assert configured.engine_passages(passage_ids=[p.pk for p in passages]).keys() == {p.pk for p in passages[1:2] + passages[3:5]}
    assert _objets(configured, "d'assiettes") == ["Tarifs de la restauration scolaire"]


def test_reindex_command_replaces_an_index_of_phase_one(passages, opensearch_url, settings):
    """An installation whose engine index was created under OPENSEARCH_INDEX itself (no alias) moves to an alias."""
    backend = opensearch_backend_configure(settings, url=opensearch_url)
    conn = backend.engine.conn
    try:
        conn.indices.create(index=backend.index_name, body=backend.engine.index_body())
        code, out = _run("reindex")
        assert code == 0
        assert "5/5 passages publiés envoyés" in out and f"Ancien index supprimé : {backend.index_name}." in out
        assert len(_aliased(backend)) == 1
        assert backend.engine_count() == 5
        assert _objets(backend, "potagers") == ["Subvention à l'association des jardins familiaux"]
    finally:
        backend.engine.indices_drop()
        search_backend_get.cache_clear()


def test_reindex_with_postgres_recounts_the_terms_only(passages):
    def counted(term: str) -> int:
        return TermFrequency.objects.filter(term=term).aggregate(n=Sum("passages"))["n"] or 0

    # The fixture's rows were written straight into the table, past the services that count their terms.
    potagers = terms_extract("potagers")[0]
    before = counted(potagers)
    code, out = _run("reindex")
    terms = TermFrequency.objects.exclude(term=TERM_ALL).values("term").distinct().count()
    assert counted(TERM_ALL) == Passage.objects.filter(published=True).count()
    assert counted(potagers) >= before + 1
    assert (code, out) == (
        0,
        f"Termes des passages publiés recomptés : {terms}.\n"
        "Le moteur configuré est PostgreSQL : son index suit les passages, rien à reconstruire.\n",
    )


def test_processes_using_a_fresh_alias_at_once_make_one_index(opensearch_url, passages):
    """The web server and a worker at their first request: one concrete index behind the alias, never two."""
    from search.backends.opensearch import OpenSearchSearchBackend

    for _ in range(5):
        alias = f"test_{uuid.uuid4().hex[:12]}"
        backends = [OpenSearchSearchBackend(url=opensearch_url, index=alias) for _ in range(3)]
        start, faults = threading.Barrier(len(backends)), []

        def first_use(backend):
            start.wait()
            try:
                backend.engine.setup()
            except Exception as error:  # noqa: BLE001 - any failure is what the test looks for
                faults.append(error)

        threads = [threading.Thread(target=first_use, args=(backend,)) for backend in backends]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        try:
            assert not faults
            assert _aliased(backends[0]) == [f"{alias}_1"]
            backends[1].passages_index(passage_ids=[passages[0].pk])
            assert backends[2].engine_count() == 1
        finally:
            backends[0].engine.indices_drop()


def test_a_second_reindex_at_once_is_refused(configured):
    from django.core.management.base import CommandError

    conn, alias = configured.engine.conn, configured.index_name
    before = _aliased(configured)
    # The index a reindex running elsewhere is loading.
    conn.indices.create(index=configured.engine.index_next())
    with pytest.raises(CommandError, match=f"Index hors service présent : « {alias}_2 »"):
        call_command("reindex", stdout=io.StringIO())
    assert _aliased(configured) == before == [f"{alias}_1"]
    assert conn.indices.exists(index=f"{alias}_2")
    # Once it is gone (deleted after an interruption), the next reindex goes ahead.
    conn.indices.delete(index=f"{alias}_2")
    call_command("reindex", stdout=io.StringIO())
    assert _aliased(configured) == [f"{alias}_2"]


def test_shards_and_replicas_come_from_the_settings_at_each_new_index(configured, settings):
    def shape() -> tuple[str, str]:
        index = _aliased(configured)[0]
        values = configured.engine.conn.indices.get_settings(index=index)[index]["settings"]["index"]
        return values["number_of_shards"], values["number_of_replicas"]

    # The defaults, for one node: one shard, no replica (the index is green there).
    assert shape() == ("1", "0")
    assert configured.engine.conn.cluster.health(index=configured.index_name)["status"] == "green"
    settings.OPENSEARCH_SHARDS = 3
    configured.engine_rebuild()
    assert shape() == ("3", "0")
    # Spread over three shards, the same answers.
    assert _objets(configured, "d'assiettes") == ["Tarifs de la restauration scolaire"]
    assert configured.engine_count() == 5

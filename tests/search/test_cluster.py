"""Three OpenSearch processes forming one cluster (tools/opensearch, a small heap each): with a replica, the portal's
keyword searches give the same hits while a node is stopped; without one, they fail loudly instead of answering
with the passages of the shards that are left."""

from __future__ import annotations

from collections import Counter

import pytest

from config.faults import ServiceUnavailable
from search.backends import search_backend_get
from search.backends.base import SearchQuery
from tests.search.opensearch_node import opensearch_backend_configure, opensearch_cluster_start, opensearch_stop

pytestmark = pytest.mark.cluster

# Words, a phrase, OR, an exclusion, a filtered query: each finds some of the fixture's passages.
QUERIES = ["piscine", "tarifs", '"plan local d\'urbanisme"', "subvention OR parcelle", "tarifs -piscine", "d'assiettes"]


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """Three nodes on 127.0.0.1, all eligible as cluster manager; their names, in order, and their processes and URLs."""
    nodes = opensearch_cluster_start(home=tmp_path_factory.mktemp("cluster"), nodes=3)
    yield {f"portal-cluster-{i + 1}": node for i, node in enumerate(nodes)}
    for process, _ in nodes:
        opensearch_stop(process)


def _health(conn, *, index: str | None = None, wait: dict) -> dict:
    """The cluster's health once it reaches `wait` (wait_for_status, wait_for_nodes), or after 60 s."""
    path = f"/_cluster/health/{index}" if index else "/_cluster/health"
    return conn.transport.perform_request("GET", path, params={**wait, "timeout": "60s", "request_timeout": 70})


def _answers(backend) -> dict[str, tuple[list[int], int]]:
    answers = {}
    for text in QUERIES:
        results = backend.search(query=SearchQuery(text=text, mode="keyword", with_facets=True))
        facets = {name: [(f.value, f.count) for f in values] for name, values in results.facets.items()}
        answers[text] = ([hit.passage_id for hit in results.hits], results.total, facets)
    return answers


def _primaries(backend) -> Counter:
    shards = backend.engine.conn.cat.shards(index=backend.index_name, format="json")
    return Counter(shard["node"] for shard in shards if shard["prirep"] == "p" and shard["state"] == "STARTED")


def test_with_a_replica_search_answers_the_same_while_a_node_is_stopped(cluster, passages, settings):
    coordinator = cluster["portal-cluster-1"][1]
    settings.OPENSEARCH_SHARDS = 3
    settings.OPENSEARCH_REPLICAS = 1
    replicated = opensearch_backend_configure(settings, url=coordinator)
    replicated.passages_index(passage_ids=[p.pk for p in passages])
    settings.OPENSEARCH_REPLICAS = 0
    single = opensearch_backend_configure(settings, url=coordinator)
    single.passages_index(passage_ids=[p.pk for p in passages])
    conn = replicated.engine.conn
    for backend in (replicated, single):
        health = _health(conn, index=backend.index_name, wait={"wait_for_status": "green"})
        assert health["status"] == "green" and health["number_of_nodes"] == 3
    before = _answers(replicated)
    assert all(ids for ids, _, _ in before.values()), before
    assert _answers(single) == before

    # Stopped: a node the portal does not talk to, holding primaries of the index without a replica.
    victim = max(("portal-cluster-2", "portal-cluster-3"), key=lambda name: _primaries(single)[name])
    assert _primaries(single)[victim] >= 1 and sum(_primaries(replicated).values()) == 3
    opensearch_stop(cluster[victim][0])
    health = _health(conn, wait={"wait_for_nodes": "2"})
    assert health["number_of_nodes"] == 2

    assert _answers(replicated) == before
    # Without a replica, part of the passages is unreachable: an error (a French 503), not fewer hits.
    with pytest.raises(ServiceUnavailable):
        single.search(query=SearchQuery(text="tarifs", mode="keyword"))
    search_backend_get.cache_clear()

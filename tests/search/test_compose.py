"""The opensearch service of docker-compose.yml, as Debian's docker-compose resolves the file (tests/compose.py)."""

from __future__ import annotations

import re

import pytest
from django.utils.module_loading import import_string

from tests.compose import compose_config
from tests.conftest import REPO


@pytest.fixture(scope="module")
def compose() -> dict:
    return compose_config()


def _portal(compose: dict) -> list[str]:
    return [name for name, service in compose["services"].items() if "build" in service]


def test_one_opensearch_node_of_the_tested_version_with_a_healthcheck(compose):
    engine = compose["services"]["opensearch"]
    tested = re.search(r"<opensearch.version>([\d.]+)<", (REPO / "tools/opensearch/pom.xml").read_text()).group(1)
    assert engine["image"] == f"opensearchproject/opensearch:{tested}"
    assert engine["environment"]["discovery.type"] == "single-node"
    assert "_cluster/health" in " ".join(engine["healthcheck"]["test"])
    assert engine["restart"] == "unless-stopped"
    volume = engine["volumes"][0].split(":")
    assert volume[1] == "/usr/share/opensearch/data" and volume[0] in compose["volumes"]
    assert re.findall(r"-Xm[sx](\S+)", engine["environment"]["OPENSEARCH_JAVA_OPTS"]) == ["1g", "1g"]
    heap = compose_config(OPENSEARCH_HEAP="2g")["services"]["opensearch"]["environment"]["OPENSEARCH_JAVA_OPTS"]
    assert heap == "-Xms2g -Xmx2g"


def test_security_is_off_only_on_an_internal_network(compose):
    services = compose["services"]
    engine = services["opensearch"]
    assert engine["environment"]["DISABLE_SECURITY_PLUGIN"] == "true"
    assert "ports" not in engine and "expose" not in engine
    assert engine["networks"] and all(compose["networks"][name]["internal"] is True for name in engine["networks"])
    # Nothing but the portal's own containers joins it.
    members = {name for name, service in services.items() if set(service.get("networks") or ()) & set(engine["networks"])}
    assert members == {"opensearch", *_portal(compose)}


def test_the_portal_switches_engine_by_one_variable_and_reaches_the_node(compose):
    chosen = "search.backends.opensearch.OpenSearchSearchBackend"
    switched = compose_config(SEARCH_BACKEND=chosen)
    for name in _portal(compose):
        # Unset, the embedded default: PostgreSQL.
        assert compose["services"][name]["environment"]["SEARCH_BACKEND"] == "search.backends.postgres.PostgresSearchBackend"
        assert switched["services"][name]["environment"]["SEARCH_BACKEND"] == chosen
        assert compose["services"][name]["environment"]["OPENSEARCH_URL"] == "http://opensearch:9200"
    import_string(chosen)
    # The node runs only when asked for; the indexing worker is there for it.
    assert compose["services"]["opensearch"]["profiles"] == ["opensearch"]
    assert "-Q indexing" in compose["services"]["worker-indexing"]["command"]
    readme = (REPO / "README.md").read_text()
    assert "COMPOSE_PROFILES=opensearch" in readme and f"SEARCH_BACKEND={chosen}" in readme

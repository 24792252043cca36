"""The opensearch service of docker-compose.yml, read as compose would (no Docker engine runs here)."""

from __future__ import annotations

import re

import yaml
from django.utils.module_loading import import_string

from tests.conftest import REPO

COMPOSE = yaml.safe_load((REPO / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]
PORTAL = [name for name, service in SERVICES.items() if "build" in service]


def _default(value: str) -> str:
    """What compose puts for `${NAME:-default}` when NAME is not set."""
    return re.sub(r"\$\{[A-Z_]+:-([^}]*)\}", r"\1", value)


def test_one_opensearch_node_of_the_tested_version_with_a_healthcheck():
    engine = SERVICES["opensearch"]
    tested = re.search(r"<opensearch.version>([\d.]+)<", (REPO / "tools/opensearch/pom.xml").read_text()).group(1)
    assert engine["image"] == f"opensearchproject/opensearch:{tested}"
    assert engine["environment"]["discovery.type"] == "single-node"
    assert "_cluster/health" in " ".join(engine["healthcheck"]["test"])
    assert engine["restart"] == "unless-stopped"
    volume = engine["volumes"][0].split(":")
    assert volume[1] == "/usr/share/opensearch/data" and volume[0] in COMPOSE["volumes"]
    heap = re.findall(r"-Xm[sx](\S+)", _default(engine["environment"]["OPENSEARCH_JAVA_OPTS"]))
    assert heap == ["1g", "1g"]


def test_security_is_off_only_on_an_internal_network():
    engine = SERVICES["opensearch"]
    assert engine["environment"]["DISABLE_SECURITY_PLUGIN"] == "true"
    assert "ports" not in engine and "expose" not in engine
    assert engine["networks"] and all(COMPOSE["networks"][name]["internal"] is True for name in engine["networks"])
    # Nothing but the portal's own containers joins it.
    members = {name for name, service in SERVICES.items() if set(service.get("networks") or ()) & set(engine["networks"])}
    assert members == {"opensearch", *PORTAL}


def test_the_portal_switches_engine_by_one_variable_and_reaches_the_node():
    for name in PORTAL:
        environment = SERVICES[name]["environment"]
        backend = environment["SEARCH_BACKEND"]
        assert re.fullmatch(r"\$\{SEARCH_BACKEND:-[\w.]+\}", backend), name
        # Unset, the embedded default: PostgreSQL.
        assert _default(backend) == "search.backends.postgres.PostgresSearchBackend"
        assert environment["OPENSEARCH_URL"] == "http://opensearch:9200"
    import_string("search.backends.opensearch.OpenSearchSearchBackend")
    # The node runs only when asked for; the indexing worker is there for it.
    assert SERVICES["opensearch"]["profiles"] == ["opensearch"]
    assert "-Q indexing" in SERVICES["worker-indexing"]["command"]
    readme = (REPO / "README.md").read_text()
    assert "COMPOSE_PROFILES=opensearch" in readme and "SEARCH_BACKEND=search.backends.opensearch.OpenSearchSearchBackend" in readme

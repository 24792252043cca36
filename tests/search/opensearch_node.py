"""A real OpenSearch 2.19 node for the tests: built from Maven Central jars (tools/opensearch), started on a free port."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

from tests.conftest import REPO, _free_port, service_missing

TOOLS = REPO / "tools"
PROJECT = TOOLS / "opensearch"
# Elasticsearch 7.17 and 8.15 nodes, launched the same way (tools/elasticsearch, tools/elasticsearch8).
ELASTICSEARCH_PROJECT = TOOLS / "elasticsearch"
ELASTICSEARCH8_PROJECT = TOOLS / "elasticsearch8"
# The separate engines the tests run on, each the name of its session fixture's prefix (`{kind}_url`).
ENGINE_KINDS = ["opensearch", "elasticsearch", "elasticsearch8"]
# The machine has two cores and little memory to spare: a small fixed heap, as the issue asks.
JAVA_OPTIONS = ["-Xms256m", "-Xmx512m", "-XX:+UseSerialGC"]
START_SECONDS = 180


def elasticsearch_kind(kind: str) -> bool:
    """The engine kind is served by the Elasticsearch backend (7.17 or 8.x), not the OpenSearch one."""
    return kind.startswith("elasticsearch")


def opensearch_build(project: Path = PROJECT) -> list[str]:
    """The launcher's classpath, building it with Maven when missing or older than its sources (jars cached in ~/.m2)."""
    target = project / "target"
    classpath_file, jar = target / "classpath.txt", target / f"{project.name}-node-1.jar"
    # Its own sources and those the launchers share (tools/launcher, the French filters of tools/elasticsearch).
    sources = [project / "pom.xml", *(path for path in TOOLS.glob("**/*.java") if "target" not in path.parts)]
    built = classpath_file.exists() and jar.exists() and all(
        jar.stat().st_mtime >= source.stat().st_mtime for source in sources
    )
    if not built:
        if not shutil.which("mvn") or not shutil.which("java"):
            service_missing("java 17 et maven (apt-get install maven)")
        result = subprocess.run(
            ["mvn", "-q", "-B", "package"], cwd=project, capture_output=True, text=True,
            env={**os.environ, "MAVEN_OPTS": " ".join(JAVA_OPTIONS[:2])}, timeout=1200,
        )
        if result.returncode != 0:
            service_missing(f"{project.name} (mvn package a échoué : {(result.stdout + result.stderr)[-2000:]})")
    return [str(jar), *classpath_file.read_text().strip().split(os.pathsep)]


def opensearch_health(url: str, *, timeout: float = 1.0) -> dict | None:
    try:
        with urllib.request.urlopen(f"{url}/_cluster/health", timeout=timeout) as response:
            return json.load(response)
    except OSError:
        return None


def _spawn(
    *, home: Path, port: int, options: tuple[str, ...] = (), java: list[str] = JAVA_OPTIONS, project: Path = PROJECT
) -> subprocess.Popen:
    classpath = opensearch_build(project)
    main = f"portal.{project.name}.NodeMain"
    log = open(home / "node.log", "wb")
    return subprocess.Popen(
        ["java", *java, "-cp", os.pathsep.join(classpath), main, str(port), str(home), *options],
        stdout=log, stderr=subprocess.STDOUT,
    )


def _wait(nodes: list[tuple[subprocess.Popen, str, Path]]) -> None:
    """Until the first node's cluster is green or yellow with every node in it; a node that cannot start fails."""
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if any(process.poll() is not None for process, _, _ in nodes):
            break
        health = opensearch_health(nodes[0][1])
        if health and health.get("status") in ("green", "yellow") and health.get("number_of_nodes") == len(nodes):
            return
        time.sleep(0.5)
    for process, _, _ in nodes:
        opensearch_stop(process)
    logs = "\n".join((home / "node.log").read_text(errors="replace")[-1500:] for _, _, home in nodes)
    service_missing(f"le moteur de recherche n'a pas démarré : {logs}")


def opensearch_start(*, home: Path, port: int | None = None, project: Path = PROJECT) -> tuple[subprocess.Popen, str]:
    """Start a node (data and log under `home`); returns once its cluster is green or yellow. `project`
    ELASTICSEARCH_PROJECT (ELASTICSEARCH8_PROJECT) starts an Elasticsearch 7.17 (8.15) node instead."""
    port = port or _free_port()
    url = f"http://127.0.0.1:{port}"
    process = _spawn(home=home, port=port, project=project)
    _wait([(process, url, home)])
    return process, url


def opensearch_cluster_start(*, home: Path, nodes: int = 3, heap: str = "320m") -> list[tuple[subprocess.Popen, str]]:
    """`nodes` processes forming one cluster (a name of its own, each node a seed, all eligible as cluster
    manager), each with its ports, data folder and a small fixed heap; returns once they have all joined."""
    http, transport = [_free_port() for _ in range(nodes)], [_free_port() for _ in range(nodes)]
    names = [f"portal-cluster-{i + 1}" for i in range(nodes)]
    common = (
        f"cluster.name=portal-cluster-{http[0]}",
        "discovery.seed_hosts=" + ",".join(f"127.0.0.1:{port}" for port in transport),
        "cluster.initial_cluster_manager_nodes=" + ",".join(names),
    )
    started = []
    for i in range(nodes):
        folder = home / names[i]
        folder.mkdir()
        process = _spawn(
            home=folder, port=http[i], options=(*common, f"node.name={names[i]}", f"transport.port={transport[i]}"),
            java=[f"-Xms{heap}", f"-Xmx{heap}", "-XX:+UseSerialGC"],
        )
        started.append((process, f"http://127.0.0.1:{http[i]}", folder))
    _wait(started)
    return [(process, url) for process, url, _ in started]


def opensearch_stop(process: subprocess.Popen) -> None:
    """SIGTERM lets the node close its shards (the launcher's shutdown hook); killed if it lingers."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)


def opensearch_backend_configure(settings, *, url: str, elasticsearch: bool = False):
    """The OpenSearch backend (or the Elasticsearch one) chosen in `settings` (pytest-django's), under an alias of
    its own; the backend."""
    import uuid

    from search.backends import search_backend_get

    engine = "ELASTICSEARCH" if elasticsearch else "OPENSEARCH"
    settings.SEARCH_BACKEND = (
        "search.backends.elasticsearch.ElasticsearchSearchBackend" if elasticsearch
        else "search.backends.opensearch.OpenSearchSearchBackend"
    )
    setattr(settings, f"{engine}_URL", url)
    setattr(settings, f"{engine}_INDEX", f"test_{uuid.uuid4().hex[:12]}")
    search_backend_get.cache_clear()
    return search_backend_get()

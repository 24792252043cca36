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

PROJECT = REPO / "tools" / "opensearch"
TARGET = PROJECT / "target"
# The machine has two cores and little memory to spare: a small fixed heap, as the issue asks.
JAVA_OPTIONS = ["-Xms256m", "-Xmx512m", "-XX:+UseSerialGC"]
START_SECONDS = 180


def opensearch_build() -> list[str]:
    """The launcher's classpath, building it with Maven when missing or older than its sources (jars cached in ~/.m2)."""
    classpath_file, jar = TARGET / "classpath.txt", TARGET / "opensearch-node-1.jar"
    sources = [PROJECT / "pom.xml", *PROJECT.glob("src/**/*.java")]
    built = classpath_file.exists() and jar.exists() and all(
        jar.stat().st_mtime >= source.stat().st_mtime for source in sources
    )
    if not built:
        if not shutil.which("mvn") or not shutil.which("java"):
            service_missing("java 17 et maven (apt-get install maven)")
        result = subprocess.run(
            ["mvn", "-q", "-B", "package"], cwd=PROJECT, capture_output=True, text=True,
            env={**os.environ, "MAVEN_OPTS": " ".join(JAVA_OPTIONS[:2])}, timeout=1200,
        )
        if result.returncode != 0:
            service_missing(f"OpenSearch (mvn package a échoué : {(result.stdout + result.stderr)[-2000:]})")
    return [str(jar), *classpath_file.read_text().strip().split(os.pathsep)]


def opensearch_health(url: str, *, timeout: float = 1.0) -> dict | None:
    try:
        with urllib.request.urlopen(f"{url}/_cluster/health", timeout=timeout) as response:
            return json.load(response)
    except OSError:
        return None


def opensearch_start(*, home: Path, port: int | None = None) -> tuple[subprocess.Popen, str]:
    """Start a node (data and log under `home`); returns once its cluster is green or yellow."""
    classpath = opensearch_build()
    port = port or _free_port()
    url = f"http://127.0.0.1:{port}"
    log = open(home / "node.log", "wb")
    process = subprocess.Popen(
        ["java", *JAVA_OPTIONS, "-cp", os.pathsep.join(classpath), "portal.opensearch.NodeMain", str(port), str(home)],
        stdout=log, stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        health = opensearch_health(url)
        if health and health.get("status") in ("green", "yellow"):
            return process, url
        time.sleep(0.5)
    opensearch_stop(process)
    service_missing(f"OpenSearch n'a pas démarré : {(home / 'node.log').read_text(errors='replace')[-2000:]}")
    raise AssertionError("unreachable")


def opensearch_stop(process: subprocess.Popen) -> None:
    """SIGTERM lets the node close its shards (the launcher's shutdown hook); killed if it lingers."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)


def opensearch_backend_configure(settings, *, url: str):
    """The OpenSearch backend chosen in `settings` (pytest-django's), under an alias of its own; the backend."""
    import uuid

    from search.backends import search_backend_get

    settings.SEARCH_BACKEND = "search.backends.opensearch.OpenSearchSearchBackend"
    settings.OPENSEARCH_URL = url
    settings.OPENSEARCH_INDEX = f"test_{uuid.uuid4().hex[:12]}"
    search_backend_get.cache_clear()
    return search_backend_get()

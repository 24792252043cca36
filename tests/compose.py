"""docker-compose.yml as Debian's `docker-compose` (1.29) resolves it: the real file checker, no Docker engine needed."""

from __future__ import annotations

import os
import shutil
import subprocess

import yaml

from tests.conftest import REPO, service_missing

# What an operator must set (docker-compose refuses the file without them), with throwaway values.
REQUIRED = {"DJANGO_SECRET_KEY": "test-secret-key-not-for-production", "POSTGRES_PASSWORD": "test-password"}


def compose_run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    """`docker-compose -f docker-compose.yml ARGS` with only `env` (and PATH) in its environment; under CI=true a
    missing binary fails (apt-get install docker-compose)."""
    binary = shutil.which("docker-compose")
    if not binary:
        service_missing("docker-compose (apt-get install docker-compose)")
    return subprocess.run(
        [binary, "--project-directory", str(REPO), "-f", str(REPO / "docker-compose.yml"), *args],
        env={"PATH": os.environ.get("PATH", ""), "HOME": os.environ.get("HOME", "/tmp"), **env},
        capture_output=True, text=True, timeout=60, cwd=REPO,
    )


def compose_config(**env: str) -> dict:
    """The configuration docker-compose would run: validated, variables filled, anchors and merges resolved, the
    `opensearch` profile included unless COMPOSE_PROFILES says otherwise."""
    result = compose_run("config", env={**REQUIRED, "COMPOSE_PROFILES": "opensearch", **env})
    assert result.returncode == 0, result.stderr
    return yaml.safe_load(result.stdout)

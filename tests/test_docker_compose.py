"""docker-compose.yml checked by Debian's docker-compose (`config`), and every command of the portal's containers
found in the project: a management command that exists with its options, the Celery app and its queues, the
gunicorn configuration and application. The database, Redis and OpenSearch images run their own commands."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys

import pytest
from django.core.management import get_commands, load_command_class

from tests.compose import REQUIRED, compose_config, compose_run
from tests.conftest import REPO


@pytest.fixture(scope="module")
def services() -> dict:
    return compose_config()["services"]


def _portal(services: dict) -> dict:
    """The containers built from this repository (web, workers, beat)."""
    return {name: service for name, service in services.items() if "build" in service}


def _commands(command: str | list[str]) -> list[list[str]]:
    """The programs a container's command runs: `sh -c "a && b"` is a and b."""
    argv = shlex.split(command) if isinstance(command, str) else list(command)
    if argv[:2] == ["sh", "-c"]:
        return [shlex.split(part) for part in re.split(r"&&|;", argv[2])]
    return [argv]


def test_the_file_is_valid_and_lists_every_service(services):
    assert set(services) == {
        "db", "redis", "web", "worker", "worker-ocr", "worker-embeddings", "worker-indexing", "beat", "opensearch",
    }
    # Started only when asked for (docker-compose 1.29's `config` lists every profile's services).
    assert services["opensearch"]["profiles"] == ["opensearch"]
    assert all("profiles" not in service for name, service in services.items() if name != "opensearch")


@pytest.mark.parametrize("secret", sorted(REQUIRED))
def test_no_default_secret(secret):
    env = {name: value for name, value in REQUIRED.items() if name != secret}
    refused = compose_run("config", env=env)
    assert refused.returncode != 0 and secret in refused.stderr


def test_every_service_restarts_and_the_stateful_ones_have_a_healthcheck(services):
    for name, service in services.items():
        assert service.get("restart") == "unless-stopped", name
    for name in ("db", "redis", "opensearch"):
        assert services[name]["healthcheck"]["test"], name


def _check_manage(argv: list[str]) -> None:
    assert argv[:2] == ["python", "manage.py"], argv
    name = argv[2]
    app = get_commands().get(name)
    assert app is not None, f"manage.py {name}: no such command"
    parser = load_command_class(app, name).create_parser("manage.py", name)
    parser.parse_args(argv[3:])  # an unknown option exits


def _celery_help(subcommand: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "celery", "-A", "config", subcommand, "--help"],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def _check_celery(argv: list[str], help_of: dict[str, str]) -> None:
    from config.celery import app

    assert argv[:3] == ["celery", "-A", "config"], argv
    subcommand = argv[3]
    if subcommand not in help_of:
        help_of[subcommand] = _celery_help(subcommand)
    options = [arg.split("=")[0] for arg in argv[4:] if arg.startswith("-")]
    for option in options:
        assert re.search(rf"(^|[\s,]){re.escape(option)}\b", help_of[subcommand], re.M), f"celery {subcommand} {option}"
    if "-Q" in argv:
        queues = set(argv[argv.index("-Q") + 1].split(","))
        assert queues <= {queue.name for queue in app.conf.task_queues}, queues


def _check_gunicorn(argv: list[str]) -> None:
    import importlib.util

    assert argv[:2] == ["gunicorn", "-c"]
    assert (REPO / argv[2]).is_file(), argv[2]
    module, attribute = argv[3].split(":")
    spec = importlib.util.find_spec(module)
    assert spec and re.search(rf"^{attribute} = ", open(spec.origin).read(), re.M), argv[3]
    # The image installs it (Dockerfile).
    assert re.search(r"pip install .*gunicorn==", (REPO / "Dockerfile").read_text())


def test_every_command_of_the_portal_containers_exists_in_the_project(services):
    help_of: dict[str, str] = {}
    dockerfile_cmd = re.search(r"^CMD (\[.*\])$", (REPO / "Dockerfile").read_text(), re.M)
    seen = {"Dockerfile CMD": eval(dockerfile_cmd.group(1))}  # noqa: S307 - a JSON list of strings
    seen.update({name: service["command"] for name, service in _portal(services).items()})
    assert set(seen) >= {"web", "worker", "worker-ocr", "worker-embeddings", "worker-indexing", "beat"}
    checked = 0
    for where, command in seen.items():
        for argv in _commands(command):
            program = argv[0]
            if program == "python":
                _check_manage(argv)
            elif program == "celery":
                _check_celery(argv, help_of)
            elif program == "gunicorn":
                _check_gunicorn(argv)
            else:
                pytest.fail(f"{where}: {program} is not a program of the project")
            checked += 1
    assert checked >= 9
    # Each Celery queue has its worker.
    from config.celery import app

    served = {queue for name, service in _portal(services).items() for argv in _commands(service["command"])
              if "-Q" in argv for queue in argv[argv.index("-Q") + 1].split(",")}
    assert served == {queue.name for queue in app.conf.task_queues}

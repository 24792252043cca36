"""Fixtures shared by the whole suite: originals in a temporary folder, a real Redis and a real Celery worker."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """One test database per pytest process, so that concurrent runs on one server never collide."""
    from django.conf import settings

    settings.DATABASES["default"].setdefault("TEST", {})["NAME"] = f"test_council_{os.getpid()}"


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _rate_limits_reset():
    """Each test starts with fresh per-client budgets (rate limits, login throttling)."""
    from django.core.cache import cache

    cache.clear()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def service_missing(what: str) -> None:
    """A needed service that cannot start: fail under CI, skip on a developer's machine."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} manquant : CI doit l'installer")
    pytest.skip(f"{what} manquant")


def redis_start(*, port: int, folder: Path) -> subprocess.Popen:
    """A real redis-server on 127.0.0.1:port (no persistence); returns once it accepts connections."""
    binary = shutil.which("redis-server")
    if not binary:
        service_missing("redis-server")
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", str(folder)],
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return process
        except OSError:
            time.sleep(0.05)
    process.kill()
    pytest.fail("redis-server n'a pas démarré")


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory):
    port = _free_port()
    process = redis_start(port=port, folder=tmp_path_factory.mktemp("redis"))
    yield f"redis://127.0.0.1:{port}/0"
    process.terminate()
    process.wait(5)


@pytest.fixture(scope="session")
def opensearch_url(tmp_path_factory):
    """A real OpenSearch 2.19 node for the session (tools/opensearch), for the search tests and those of the public doors
    that run on both keyword backends; under CI=true a node that cannot start fails."""
    from tests.search.opensearch_node import opensearch_start, opensearch_stop

    process, url = opensearch_start(home=tmp_path_factory.mktemp("opensearch"))
    yield url
    opensearch_stop(process)


@pytest.fixture(scope="session")
def elasticsearch_url(tmp_path_factory):
    """A real Elasticsearch 7.17 node for the session (tools/elasticsearch: its jars from Maven Central, the French
    filters of its analysis-common module, which Maven Central lacks, supplied by the launcher)."""
    from tests.search.opensearch_node import ELASTICSEARCH_PROJECT, opensearch_start, opensearch_stop

    process, url = opensearch_start(home=tmp_path_factory.mktemp("elasticsearch"), project=ELASTICSEARCH_PROJECT)
    yield url
    opensearch_stop(process)


@pytest.fixture(scope="session")
def elasticsearch8_url(tmp_path_factory):
    """A real Elasticsearch 8.15 node for the session (tools/elasticsearch8: the same French filters, and the `GET /`
    answer of its rest-root module, which Maven Central lacks too)."""
    from tests.search.opensearch_node import ELASTICSEARCH8_PROJECT, opensearch_start, opensearch_stop

    process, url = opensearch_start(home=tmp_path_factory.mktemp("elasticsearch8"), project=ELASTICSEARCH8_PROJECT)
    yield url
    opensearch_stop(process)


def database_url_for_subprocess() -> str:
    from django.db import connection

    params = connection.settings_dict
    return f"postgresql://{params['USER']}@/{params['NAME']}?host={params['HOST']}&port={params['PORT']}"


def celery_app_broker_set(*, url: str | None, transport_options: dict) -> None:
    """Point this process's Celery app at another broker, dropping the connections and producers it holds."""
    from config.celery import app

    app.conf.broker_url = url
    app.conf.broker_transport_options = transport_options
    # Both pools are keyed by the broker they were opened on and would keep sending there. Not `app.close()`: it also
    # takes the app off Celery's active apps, and a task module imported afterwards (`shared_task`: `qa.tasks` in a
    # later test) would not register on it.
    app._pool = None
    app.amqp._producer_pool = None


def celery_worker_start(
    *, redis_url: str, media_root: Path, log_path: Path, beat: bool = False, env_extra: dict | None = None
) -> subprocess.Popen:
    """Start a real worker process on ``redis_url``, working on the test database; returns once it is ready.

    ``beat`` runs the periodic tasks in it too (``-B``, schedule file beside the log)."""
    env = dict(
        os.environ,
        CELERY_BROKER_URL=redis_url,
        DATABASE_URL=database_url_for_subprocess(),
        MEDIA_ROOT=str(media_root),
        **(env_extra or {}),
    )
    beat_args = ["-B", "-s", str(log_path.with_suffix(".beat"))] if beat else []
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo", "--concurrency=1",
         "--without-gossip", "--without-mingle", "--without-heartbeat", "--loglevel=INFO", *beat_args],
        cwd=REPO, env=env, stdout=open(log_path, "wb"), stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if b"ready." in log_path.read_bytes():
            return process
        if process.poll() is not None:
            pytest.fail("le worker Celery s'est arrêté : " + log_path.read_text()[-2000:])
        time.sleep(0.1)
    process.kill()
    pytest.fail("le worker Celery n'a pas démarré")


@pytest.fixture
def celery_worker(redis_url, transactional_db, settings, tmp_path):
    """A real worker process on real Redis, working on the test database (data must be committed)."""
    settings.CELERY_BROKER_URL = redis_url
    celery_app_broker_set(url=redis_url, transport_options={})
    process = celery_worker_start(redis_url=redis_url, media_root=settings.MEDIA_ROOT, log_path=tmp_path / "worker.log")
    yield process
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
    celery_app_broker_set(url=None, transport_options={})


@pytest.fixture
def eager_tasks():
    """The Celery tasks a step queues run here, as a worker would run them (an embedding after a rebuild)."""
    from config.celery import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous


@pytest.fixture(autouse=True)
def _language_reset():
    """A request in English leaves English active in the thread (LocaleMiddleware does not undo it): every test
    starts in the default language."""
    yield
    from django.utils import translation

    translation.deactivate()

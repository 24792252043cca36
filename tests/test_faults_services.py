"""Faults with the real services: Redis stopped during an upload then restarted, the embedded PostgreSQL stopped
under a running web process then started again."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from council.models import Document
from council.services import body_get_or_create, collectivite_get_or_create
from tests.conftest import _free_port, celery_app_broker_set, celery_worker_start, redis_start
from tests.pdf_factory import minutes_pdf

pytestmark = pytest.mark.services

REPO = Path(__file__).resolve().parent.parent


def test_redis_stopped_during_an_upload_then_restarted_the_document_completes(
    transactional_db, client, django_user_model, settings, tmp_path
):
    port = _free_port()
    url = f"redis://127.0.0.1:{port}/0"
    redis = redis_start(port=port, folder=tmp_path)
    settings.CELERY_BROKER_URL = url
    celery_app_broker_set(url=url, transport_options={"socket_connect_timeout": 1})
    log = tmp_path / "worker.log"
    worker = celery_worker_start(redis_url=url, media_root=settings.MEDIA_ROOT, log_path=log, beat=True,
                                 env_extra={"DOCUMENT_SWEEP_SECONDS": "1"})
    try:
        redis.terminate()
        redis.wait(5)
        body = body_get_or_create(collectivite=collectivite_get_or_create(name="Commune de Saint-Exemple"))
        client.force_login(django_user_model.objects.create_user("greffier", password="x" * 12, is_staff=True))
        response = client.post(
            reverse("clerk-upload"),
            {"files": [SimpleUploadedFile("pv.pdf", minutes_pdf(), content_type="application/pdf")],
             "collectivite": body.collectivite.pk, "body": body.name},
        )
        assert response.status_code == 302
        document = Document.objects.get()
        assert (document.status, document.step) == (Document.Status.PENDING, Document.Step.UNSENT)

        redis = redis_start(port=port, folder=tmp_path)
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            document.refresh_from_db()
            if document.status in (Document.Status.READY, Document.Status.FAILED):
                break
            time.sleep(0.5)
        assert document.status == Document.Status.READY, f"{document.status}/{document.step} {document.error}\n" + log.read_text()[-3000:]
    finally:
        worker.terminate()
        try:
            worker.wait(15)
        except subprocess.TimeoutExpired:
            worker.kill()
        redis.terminate()
        redis.wait(5)
        celery_app_broker_set(url=None, transport_options={})


def _get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_embedded_postgresql_stopped_under_the_web_process_503_then_recovers_without_restart(tmp_path):
    """A real web process on its own embedded cluster: `embedded_db stop` gives 503s, `embedded_db start` brings
    the same process back."""
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env.update(COUNCIL_DATA_DIR=str(tmp_path / "var"), DJANGO_DEBUG="0", DJANGO_SECRET_KEY="k" + os.urandom(24).hex(),
               EMBEDDINGS_THREADS="1", XDG_RUNTIME_DIR=str(tmp_path))
    (tmp_path / "var").mkdir()

    def manage(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "manage.py", *args], cwd=REPO, env=env, capture_output=True,
                              text=True, timeout=300)

    migrated = manage("migrate", "--noinput")
    assert migrated.returncode == 0, migrated.stderr[-3000:]
    port = _free_port()
    log = open(tmp_path / "web.log", "wb")
    web = subprocess.Popen([sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
                           cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if _get(base + "/recherche/?q=budget&mode=keyword") == 200:
                    break
            except OSError:
                time.sleep(0.3)
        else:
            pytest.fail((tmp_path / "web.log").read_text()[-3000:])

        assert manage("embedded_db", "stop").returncode == 0
        for _ in range(3):
            started = time.monotonic()
            assert _get(base + "/recherche/?q=budget&mode=keyword") == 503
            assert _get(base + "/api/v1/search?q=budget&mode=keyword") == 503
            assert time.monotonic() - started < 12

        started = manage("embedded_db", "start")
        assert started.returncode == 0, started.stderr[-2000:]
        codes = []
        for _ in range(20):
            codes.append(_get(base + "/recherche/?q=budget&mode=keyword"))
            if codes[-1] == 200:
                break
            time.sleep(0.5)
        assert codes[-1] == 200, codes
        assert web.poll() is None  # the same web process, never restarted
        # And it holds the server again: the next command's exit does not stop it under the web process.
        status = manage("embedded_db", "status")
        assert str(web.pid) in status.stdout, status.stdout
        assert _get(base + "/recherche/?q=budget&mode=keyword") == 200
    finally:
        web.terminate()
        web.wait(15)
        manage("embedded_db", "stop")

"""Secure by default: CSP without inline code, no-store clerk pages, the default key refused in production,
`check --deploy` clean, login throttling, published filter options only, single-use expiring feedback tokens."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone

REPO = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "t4Kq9-ZmV2pL8sWcR1yN6bHx3JdF0gEoA7uQiT5nYkM2vB-test-only-9f3e",
    "DJANGO_ALLOWED_HOSTS": "deliberations.example.fr",
    "DJANGO_HTTPS": "1",
    "DJANGO_BEHIND_PROXY": "1",
    # Nothing connects to it: no database check is asked for.
    "DATABASE_URL": "postgresql://council@127.0.0.1:1/council",
}


def _run(args: list[str], env: dict) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    return subprocess.run([sys.executable, *args], cwd=REPO, env={**clean, **env}, capture_output=True, text=True, timeout=120)


def test_check_deploy_is_clean_under_the_production_settings():
    result = _run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_web_server_refuses_the_default_secret_key_with_debug_off():
    code = "import config.wsgi"
    refused = _run(["-c", code], {k: v for k, v in PRODUCTION_ENV.items() if k != "DJANGO_SECRET_KEY"})
    assert refused.returncode != 0 and "DJANGO_SECRET_KEY n'est pas défini" in refused.stderr
    assert _run(["-c", code], PRODUCTION_ENV).returncode == 0
    assert _run(["-c", code], {"DJANGO_DEBUG": "1", "DATABASE_URL": PRODUCTION_ENV["DATABASE_URL"]}).returncode == 0


def test_the_compose_web_container_refuses_the_default_secret_key():
    """Compose will not start without a key, and its web container, given the public default, refuses it."""
    import yaml

    compose = yaml.safe_load((REPO / "docker-compose.yml").read_text())
    for name in [name for name, service in compose["services"].items() if "build" in service]:
        environment = compose["services"][name]["environment"]
        assert re.fullmatch(r"\$\{DJANGO_SECRET_KEY:\?[^}]+\}", environment["DJANGO_SECRET_KEY"]), name
        assert environment.get("DJANGO_DEBUG", "0") in ("0", "false", "False"), name
    web = compose["services"]["web"]
    assert "config.wsgi:application" in web["command"]
    # The container's environment as compose passes it, the key set to the public default, every ${…} filled.
    environment = {k: re.sub(r"\$\{[^}]*\}", "x", str(v)) for k, v in web["environment"].items()}
    environment.update(DJANGO_SECRET_KEY="dev-only-insecure-key-change-me", DATABASE_URL=PRODUCTION_ENV["DATABASE_URL"])
    refused = _run(["-c", "import config.wsgi"], environment)
    assert refused.returncode != 0 and "DJANGO_SECRET_KEY n'est pas défini" in refused.stderr


def test_templates_hold_no_inline_script_style_or_handler():
    inline = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|\sstyle=|\son[a-z]+=|<style\b|javascript:", re.IGNORECASE)
    offenders = [
        f"{path.relative_to(REPO)}: {match.group()}"
        for path in (REPO / "templates").rglob("*.html")
        for match in inline.finditer(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


@pytest.mark.django_db
def test_every_page_has_a_csp_and_clerk_pages_are_never_cached(client, django_user_model):
    home = client.get("/")
    assert "script-src 'self'" in home["Content-Security-Policy"] and "unsafe-inline" not in home["Content-Security-Policy"]
    client.force_login(django_user_model.objects.create_user("greffier", password="x" * 12, is_staff=True))
    clerk = client.get(reverse("clerk-documents"))
    assert clerk.status_code == 200 and clerk["Cache-Control"] == "private, no-store"


@pytest.mark.django_db
def test_login_is_throttled_after_repeated_failures(client, django_user_model, settings):
    settings.LOGIN_FAILURE_LIMIT = 5
    django_user_model.objects.create_user("greffier", password="le-bon-mot-de-passe", is_staff=True)
    for _ in range(5):
        response = client.post(reverse("login"), {"username": "greffier", "password": "faux"})
        assert response.status_code == 200
    response = client.post(reverse("login"), {"username": "greffier", "password": "le-bon-mot-de-passe"})
    assert response.status_code == 200 and "Trop de tentatives de connexion" in response.content.decode()
    # Another account from another client is not affected.
    django_user_model.objects.create_user("autre", password="un-autre-mot-de-passe", is_staff=True)
    ok = client.post(reverse("login"), {"username": "autre", "password": "un-autre-mot-de-passe"}, REMOTE_ADDR="10.1.1.1")
    assert ok.status_code == 302


@pytest.mark.django_db
def test_search_filters_list_published_collectivites_and_bodies_only(client):
    import io

    from council.models import Document
    from council.services import body_get_or_create, collectivite_get_or_create
    from ingestion.services import document_upload
    from tests.pdf_factory import minutes_pdf

    public = body_get_or_create(collectivite=collectivite_get_or_create(name="Ville Publiée"), name="Conseil public")
    hidden = body_get_or_create(collectivite=collectivite_get_or_create(name="Ville Secrète"), name="Conseil caché")
    for body, text in ((public, "un"), (hidden, "deux")):
        document, _ = document_upload(source=io.BytesIO(minutes_pdf([text])), original_name="pv.pdf", body=body)
        Document.objects.filter(pk=document.pk).update(published=body is public)
    page = client.get("/recherche/").content.decode()
    assert "Ville Publiée" in page and "Conseil public" in page
    assert "Ville Secrète" not in page and "Conseil caché" not in page


@pytest.mark.django_db
def test_feedback_tokens_are_single_use_and_expire(client, monkeypatch):
    from qa import views
    from qa.models import Feedback, QuestionLog

    log = QuestionLog.objects.create(question="Quel budget ?", expires_at=timezone.now(), mode="extractive")
    token = signing.dumps(log.pk, salt="qa.feedback")
    first = client.post("/api/v1/ask/feedback", {"feedback_token": token, "useful": True}, content_type="application/json")
    assert first.status_code == 200
    for _ in range(4):
        replay = client.post("/api/v1/ask/feedback", {"feedback_token": token, "useful": False}, content_type="application/json")
        assert replay.status_code == 400
    assert Feedback.objects.filter(question_log=log).count() == 1

    other = QuestionLog.objects.create(question="Quelle date ?", expires_at=timezone.now(), mode="extractive")
    monkeypatch.setattr(views, "FEEDBACK_TOKEN_MAX_AGE", -1)
    expired = client.post("/api/v1/ask/feedback", {"feedback_token": signing.dumps(other.pk, salt="qa.feedback"),
                                                   "useful": True}, content_type="application/json")
    assert expired.status_code == 400


def test_static_files_are_served_with_debug_off_after_collectstatic(settings):
    """docker-compose runs collectstatic then gunicorn; nothing else serves /static/ (WhiteNoise does)."""
    from django.core.management import call_command
    from django.test import Client

    assert not settings.DEBUG
    call_command("collectstatic", interactive=False, verbosity=0)
    response = Client().get("/static/css/portal.css")
    assert response.status_code == 200
    assert b"{" in b"".join(response.streaming_content)


def test_behind_the_proxy_rate_limits_count_each_client_not_the_proxy(settings):
    """With DJANGO_BEHIND_PROXY=1 every request comes from the proxy's address; the client is the last
    X-Forwarded-For entry, the one the proxy appended (the entries before it are the client's to forge)."""
    from django.test import RequestFactory

    from config.ratelimit import client_key

    factory = RequestFactory()

    def key(forwarded: str) -> str:
        return client_key(factory.get("/", REMOTE_ADDR="172.18.0.2", HTTP_X_FORWARDED_FOR=forwarded), "search")

    settings.BEHIND_PROXY = False
    assert key("203.0.113.7") == key("198.51.100.4")  # not trusted: the peer's address
    settings.BEHIND_PROXY = True
    assert key("203.0.113.7") != key("198.51.100.4")
    assert key("10.9.9.9, 203.0.113.7") == key("203.0.113.7")  # a forged first entry changes nothing

"""Services that fail under the web process: a French 503 (page or JSON) instead of a 500, limiters that fail open,
every 500 logged with its traceback."""

from __future__ import annotations

import logging

import pytest
from django.db import OperationalError
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_down(monkeypatch):
    """Every query fails as with a stopped PostgreSQL (psycopg's connection error, as Django wraps it)."""
    from django.db.backends.postgresql.base import DatabaseWrapper

    def refuse(self, *args, **kwargs):
        raise OperationalError('connection failed: connection to server on socket "/x/.s.PGSQL.5432" failed')

    monkeypatch.setattr(DatabaseWrapper, "ensure_connection", refuse)
    monkeypatch.setattr(DatabaseWrapper, "_cursor", refuse)


@pytest.mark.parametrize("path", ["/recherche/?q=budget", "/seances/", "/questions/?q=budget"])
def test_a_database_down_gives_a_french_503_page(client, database_down, path):
    response = client.get(path)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    page = response.content.decode()
    assert "Service momentanément indisponible" in page and "base de données" in page


def test_a_database_down_gives_a_json_503_on_the_api(client, database_down):
    response = client.get("/api/v1/search", {"q": "budget"})
    assert response.status_code == 503
    assert "base de données" in response.json()["error"]
    response = client.post("/api/v1/ask", {"question": "Quel budget ?"}, content_type="application/json")
    assert response.status_code == 503


@pytest.fixture
def cache_down(settings):
    from django.core.cache import caches

    from tests.conftest import _free_port

    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{_free_port()}/1",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    yield
    caches["default"].close()


def test_the_rate_limiter_fails_open_with_a_log_line_when_its_cache_is_down(client, cache_down, caplog):
    with caplog.at_level(logging.WARNING, logger="config.ratelimit"):
        response = client.post("/api/v1/ask", {"question": "Quel budget ?"}, content_type="application/json")
    assert response.status_code == 200
    assert "rate limit not applied: cache unavailable" in caplog.text


def test_an_unexpected_error_is_logged_with_its_traceback_and_answered_in_french(monkeypatch, caplog):
    import search.views

    def broken(query):
        raise ZeroDivisionError("sonde")

    monkeypatch.setattr(search.views, "_results", broken)
    # With DEBUG off nothing else shows a 500: the logger must have a handler of its own (LOGGING).
    assert logging.getLogger("django.request").handlers
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = Client(raise_request_exception=False).get("/recherche/", {"q": "budget"})
    assert response.status_code == 500
    assert "Erreur du serveur" in response.content.decode()
    [record] = [r for r in caplog.records if r.name == "django.request"]
    assert record.getMessage() == "Internal Server Error: /recherche/"
    assert record.exc_info and record.exc_info[0] is ZeroDivisionError


@pytest.mark.django_db(transaction=True)
def test_a_statement_past_its_timeout_answers_503_and_leaves_the_database_attached(monkeypatch):
    """A real statement cancelled by PostgreSQL's statement_timeout (gunicorn sets DATABASE_STATEMENT_TIMEOUT)."""
    import config.embedded
    import search.views
    from django.db import connection

    def slow(query):
        with connection.cursor() as cursor:
            cursor.execute("SET statement_timeout = 50")
            try:
                cursor.execute("SELECT pg_sleep(2)")
            finally:
                cursor.execute("SET statement_timeout = 0")

    lost = []
    monkeypatch.setattr(search.views, "_results", slow)
    monkeypatch.setattr(config.embedded, "embedded_database_lost", lambda: lost.append(True))
    response = Client(raise_request_exception=False).get("/recherche/", {"q": "budget"})
    assert response.status_code == 503
    assert "trop de temps" in response.content.decode()
    assert not lost  # the server is up: nothing to take up again

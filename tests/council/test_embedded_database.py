"""The embedded PostgreSQL runs with settings sized to the machine, not initdb's defaults."""

from __future__ import annotations

import os

import pytest
from django.db import connection

from config.embedded import server_settings_default

pytestmark = pytest.mark.skipif(bool(os.environ.get("DATABASE_URL")), reason="an external server keeps its own settings")


def test_embedded_server_uses_the_memory_and_planner_settings(db):
    wanted = server_settings_default()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_size_bytes(current_setting('shared_buffers')) = pg_size_bytes(%s), "
            "pg_size_bytes(current_setting('effective_cache_size')) = pg_size_bytes(%s), "
            "current_setting('random_page_cost')::float8",
            [wanted["shared_buffers"], wanted["effective_cache_size"]],
        )
        shared_buffers_applied, cache_size_applied, random_page_cost = cursor.fetchone()
    assert shared_buffers_applied and cache_size_applied
    assert random_page_cost == float(wanted["random_page_cost"])


def test_settings_follow_the_machine_memory():
    wanted = server_settings_default()
    assert wanted["shared_buffers"].endswith("MB") and 128 <= int(wanted["shared_buffers"][:-2]) <= 8192
    assert int(wanted["effective_cache_size"][:-2]) >= 1024

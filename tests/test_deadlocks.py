"""Four worker processes ingesting forty distinct articles never deadlock.

Article processing, the recompute of the claims it touched and the periodic
claims sweep run side by side in a real prefork worker with four processes,
as in production. Before the corpus write lock (``articles.models``) this
deadlocked in most runs: a recompute held claims and, at commit, checked
their entities ``FOR KEY SHARE`` while an article's write phase held those
entities and waited for the claims. PostgreSQL counts every deadlock it
breaks in ``pg_stat_database.deadlocks``: the count must not move, no article
may fail, and every claim must end recomputed.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from articles.models import Article
from articles.services import article_ingest
from claimtrack.celery import app as celery_app
from claims.models import Claim
from tests.conftest import SESSION_KEY_PREFIX, wait_until
from tests.test_tasks import _connect, _database_url

ROOT = Path(__file__).resolve().parent.parent


def _texts() -> list[Path]:
    """The sample articles and the tuning stories: 41 distinct texts naming overlapping actors."""
    return sorted((ROOT / "fixtures").glob("*.txt")) + sorted((ROOT / "devset" / "tune").glob("*/*.txt"))


def _deadlocks() -> int:
    """Deadlocks PostgreSQL has broken in the test database so far (a fresh connection: no cached stats)."""
    with _connect(autocommit=True) as conn:
        row = conn.execute(
            "SELECT deadlocks FROM pg_stat_database WHERE datname = %s", [connection.settings_dict["NAME"]]
        ).fetchone()
    return row[0]


def _prefork_worker(concurrency: int, folder: Path) -> subprocess.Popen:
    """``celery worker -P prefork -c N`` in its own process, on the test database and this session's queues.

    Its embedded beat runs the claims sweep every second, so a sweep's large
    recompute competes with the articles being processed, as in production.
    """
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
        "SECRET_KEY": "tests-only-not-secret",
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "CLAIMTRACK_TEST_KEY_PREFIX": SESSION_KEY_PREFIX,
        "CLAIMTRACK_SWEEP_SECONDS": "1",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "tests.celery_worker_app", "worker", "-P", "prefork",
         "-c", str(concurrency), "--beat", "--schedule", str(folder / "beat-schedule"),
         "--loglevel=WARNING", "--without-heartbeat", "--without-mingle", "--without-gossip"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=(folder / "worker.log").open("w"),
    )


def _stop(worker: subprocess.Popen) -> None:
    """Stop the worker (its database sessions end, which flushes their statistics) and drop
    the sweeps its beat queued meanwhile, which no later test expects."""
    if worker.poll() is None:
        worker.send_signal(signal.SIGTERM)
    try:
        worker.wait(timeout=60)
    except subprocess.TimeoutExpired:
        worker.kill()
        worker.wait()
    celery_app.control.purge()


def _settled() -> bool:
    return not Article.objects.pending().exists() and not Claim.objects.dirty().exists()


@pytest.mark.e2e
@pytest.mark.django_db(transaction=True)
def test_four_worker_processes_ingest_forty_articles_without_a_deadlock(tmp_path):
    texts = _texts()
    assert len(texts) >= 40
    deadlocks_before = _deadlocks()
    worker = _prefork_worker(concurrency=4, folder=tmp_path)
    try:
        for path in texts:
            article_ingest(raw=path.read_bytes(), name=str(path))
        wait_until(_settled, timeout=150, interval=0.5)
    finally:
        _stop(worker)

    failed = list(Article.objects.filter(state=Article.State.FAILED).values_list("original_name", "error"))
    assert failed == []
    assert Article.objects.processed().count() == len(texts)
    assert Claim.objects.exists()
    assert not Claim.objects.dirty().exists()
    assert _deadlocks() == deadlocks_before, (tmp_path / "worker.log").read_text()

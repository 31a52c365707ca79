"""Four worker processes ingesting forty distinct articles, twice, never deadlock nor duplicate.

Article processing, the recompute of the claims it touched and the periodic
claims sweep run side by side in a real prefork worker with four processes,
as in production. Before the corpus write lock (``articles.models``) this
deadlocked in most runs: a recompute held claims and, at commit, checked
their entities ``FOR KEY SHARE`` while an article's write phase held those
entities and waited for the claims. PostgreSQL counts every deadlock it
breaks in ``pg_stat_database.deadlocks``: the count must not move, no article
may fail, and every claim must end recomputed. Reading every article a second
time, all at once, races four writers on rows that all exist already: the
claims and entities must come out as after the first pass, with no actor
created twice.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.db.models import Count

from articles.models import Article
from articles.services import article_ingest
from claimtrack.celery import app as celery_app
from claims.models import Claim
from claims.tasks import claims_sweep
from entities.models import Entity
from nlp.normalise import normalise_name
from pipeline.dispatch import articles_reprocess
from pipeline.tasks import articles_settle
from tests.claim_tables import claim_table, entity_table
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
    """``celery worker -P prefork -c N`` in its own process, on the test database and this session's queues."""
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
        "SECRET_KEY": "tests-only-not-secret",
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "CLAIMTRACK_TEST_KEY_PREFIX": SESSION_KEY_PREFIX,
    }
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "tests.celery_worker_app", "worker", "-P", "prefork",
         "-c", str(concurrency), "--loglevel=WARNING", "--without-heartbeat", "--without-mingle", "--without-gossip"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=(folder / "worker.log").open("w"),
    )


def _stop(worker: subprocess.Popen) -> None:
    """Stop the worker (its database sessions end, which flushes their statistics) and drop
    the sweeps still queued, which no later test expects."""
    if worker.poll() is None:
        worker.send_signal(signal.SIGTERM)
    try:
        worker.wait(timeout=60)
    except subprocess.TimeoutExpired:
        worker.kill()
        worker.wait()
    celery_app.control.purge()


def _duplicate_entities() -> list[str]:
    """Names held by two canonical entities: what two writers creating one new actor at once would leave."""
    names = Counter(normalise_name(name) for name in Entity.objects.canonical().values_list("name", flat=True))
    return sorted(name for name, count in names.items() if count > 1)


def _settled_for_good() -> bool:
    """Nothing pending or dirty, and a settle finds nothing more to read again."""
    return _settled() and articles_settle() == 0 and _settled()


def _settled() -> bool:
    return not Article.objects.pending().exists() and not Claim.objects.dirty().exists()


def _swept_and_settled() -> bool:
    """Queue a claims sweep beside the articles in progress, as beat does, and say whether all is done.

    A sweep recomputes hundreds of claims in one transaction while articles are
    being written: the widest window for a deadlock.
    """
    claims_sweep.delay()
    return _settled()


@pytest.mark.e2e
@pytest.mark.django_db(transaction=True)
def test_four_worker_processes_ingest_forty_articles_twice_without_a_deadlock_or_a_duplicate(tmp_path, celery_worker):
    # ``celery_worker``: the suite's in-process worker listens on the same queue, so it
    # takes part as a fifth consumer; the fixture waits for it to be idle before the
    # tables are flushed.
    texts = _texts()
    assert len(texts) >= 40
    deadlocks_before = _deadlocks()
    worker = _prefork_worker(concurrency=4, folder=tmp_path)
    try:
        for path in texts:
            article_ingest(raw=path.read_bytes(), name=str(path))
        wait_until(_swept_and_settled, timeout=150, interval=0.25)
        wait_until(_settled_for_good, timeout=150, interval=1)
        first_pass = claim_table(), entity_table()
        # The same articles a second time, all at once: every entity and claim they name
        # already exists, so four writers race on the same rows.
        articles_reprocess(article_ids=Article.objects.values_list("pk", flat=True))
        wait_until(_swept_and_settled, timeout=150, interval=0.25)
        wait_until(_settled_for_good, timeout=150, interval=1)
    finally:
        _stop(worker)

    # Reading a settled corpus again changes nothing, and no actor was created twice.
    assert (claim_table(), entity_table()) == first_pass
    assert _duplicate_entities() == []

    failed = list(Article.objects.filter(state=Article.State.FAILED).values_list("original_name", "error"))
    assert failed == []
    states = dict(Article.objects.values_list("state").annotate(n=Count("pk")).order_by())
    assert states == {Article.State.DONE: len(texts)}, (tmp_path / "worker.log").read_text()
    assert Claim.objects.exists()
    assert not Claim.objects.dirty().exists()
    assert _deadlocks() == deadlocks_before, (tmp_path / "worker.log").read_text()

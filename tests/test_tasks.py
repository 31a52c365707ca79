"""Tasks are hints: a duplicate does nothing harmful, a dead worker loses nothing."""
import os
import signal
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from django.conf import settings
from django.db import connection

from claims.models import Claim
from claims.tasks import claims_recompute_task, claims_sweep
from tests.conftest import SESSION_KEY_PREFIX, wait_until
from tests.factories import ArticleFactory, ClaimFactory, EvidenceFactory, SourceFactory

ROOT = Path(__file__).resolve().parent.parent


def _claim_with_evidence(articles: int) -> Claim:
    claim = ClaimFactory(dirty=True, article_count=0, origin_count=0, asserted_count=0)
    for n in range(articles):
        EvidenceFactory(claim=claim, extraction__article=ArticleFactory(source=SourceFactory(name=f"Outlet {n}")))
    return claim


def _figures(claim_id: int) -> dict:
    return Claim.objects.values(
        "article_count", "outlet_count", "origin_count", "asserted_count", "status", "dirty"
    ).get(pk=claim_id)


@pytest.mark.django_db(transaction=True)
def test_a_recompute_delivered_twice_leaves_the_counts_unchanged(celery_worker):
    claim = _claim_with_evidence(3)

    claims_recompute_task.delay([claim.pk])
    claims_recompute_task.delay([claim.pk])

    wait_until(lambda: not Claim.objects.get(pk=claim.pk).dirty)
    _wait_for_queue_drained()
    assert _figures(claim.pk) == {
        "article_count": 3, "outlet_count": 3, "origin_count": 3, "asserted_count": 3,
        "status": Claim.Status.CORROBORATED, "dirty": False,
    }


def _wait_for_queue_drained():
    from celery.worker import state as worker_state

    wait_until(lambda: not worker_state.active_requests and not worker_state.reserved_requests)


def _connect(**kwargs) -> psycopg.Connection:
    """A connection of our own to the test database, wherever it runs (a socket for the embedded one)."""
    db = connection.settings_dict
    return psycopg.connect(dbname=db["NAME"], host=db["HOST"] or None, port=db["PORT"] or None,
                           user=db["USER"] or None, **kwargs)


def _database_url() -> str:
    db = connection.settings_dict
    host = quote(db["HOST"] or "", safe="")
    port = f":{db['PORT']}" if db["PORT"] else ""
    return f"postgres://{db['USER']}@{host}{port}/{db['NAME']}"


# Only the subprocess worker listens here: the session's in-process worker (tests/conftest.py),
# alive from earlier tests, must not take the message the test means the subprocess to die on.
_OWN_QUEUE = "killed-worker"


def _worker_process() -> subprocess.Popen:
    """A real Celery worker in its own process, on the test database and a queue of its own."""
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
        "SECRET_KEY": "tests-only-not-secret",
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "CLAIMTRACK_TEST_KEY_PREFIX": SESSION_KEY_PREFIX,
    }
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "tests.celery_worker_app", "worker", "--pool=solo",
         "--concurrency=1", f"--queues={_OWN_QUEUE}", "--loglevel=WARNING", "--without-heartbeat", "--without-mingle", "--without-gossip"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_task_leaves_the_claim_dirty_and_the_sweep_finishes_it():
    claim = _claim_with_evidence(2)
    # Hold the claim's row lock so the worker's recompute blocks half-way through.
    blocker = _connect(autocommit=False)
    blocker.execute("SELECT id FROM claims_claim WHERE id = %s FOR UPDATE", [claim.pk])
    worker = _worker_process()
    try:
        claims_recompute_task.apply_async([[claim.pk]], queue=_OWN_QUEUE)
        wait_until(_waiting_on_lock, timeout=60)
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=10)
    finally:
        if worker.poll() is None:
            worker.kill()
        blocker.rollback()
        blocker.close()

    assert _figures(claim.pk)["dirty"] is True
    assert _figures(claim.pk)["article_count"] == 0

    assert claims_sweep() == 1

    assert _figures(claim.pk) == {
        "article_count": 2, "outlet_count": 2, "origin_count": 2, "asserted_count": 2,
        "status": Claim.Status.CORROBORATED, "dirty": False,
    }


def _waiting_on_lock() -> bool:
    with _connect(autocommit=True) as conn:
        row = conn.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND wait_event_type = 'Lock'",
            [connection.settings_dict["NAME"]],
        ).fetchone()
    return row[0] > 0


@pytest.mark.django_db
def test_the_sweep_recomputes_only_dirty_claims():
    stale = _claim_with_evidence(1)
    fresh = _claim_with_evidence(1)
    Claim.objects.filter(pk=fresh.pk).update(dirty=False)

    assert claims_sweep() == 1

    assert _figures(stale.pk)["article_count"] == 1
    assert _figures(fresh.pk)["article_count"] == 0


@pytest.mark.django_db
def test_the_article_sweep_requeues_only_articles_whose_message_was_lost(settings):
    import datetime as dt

    from django.utils import timezone

    from articles.models import Article
    from pipeline.tasks import articles_sweep

    long_ago = timezone.now() - dt.timedelta(seconds=settings.CLAIMTRACK_REQUEUE_SECONDS + 60)
    lost = ArticleFactory(state=Article.State.PENDING)
    waiting = ArticleFactory(state=Article.State.PENDING)
    Article.objects.filter(pk=lost.pk).update(ingested_at=long_ago)
    Article.objects.filter(pk=waiting.pk).update(ingested_at=long_ago, queued_at=timezone.now())

    assert articles_sweep() == 1
    assert articles_sweep() == 0  # just re-queued: its new message gets its turn

    lost.refresh_from_db()
    assert lost.queued_at is not None

"""Faults cost time, never work: a broker outage, a database hiccup or a failing article.

An article's state says how its extraction went and nothing else. A message
the broker would not take leaves the work pending or dirty in PostgreSQL for
the sweeps; a transient error is retried within seconds; an article that
fails for a reason of its own is retried a few times by the sweep, its
reason kept.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.db import connection
from django.urls import reverse

from articles.models import Article
from articles.services import article_ingest
from claimtrack.celery import app as celery_app
from claims.corroboration import claims_recompute_dirty
from claims.models import Claim, Extraction
from claims.tasks import claims_sweep
from pipeline.dispatch import articles_reprocess
from pipeline.tasks import article_process_task, articles_sweep
from tests.conftest import wait_until
from tests.factories import ArticleFactory
from tests.test_tasks import _connect

TEXT = (
    "date 2025-03-02\n"
    "The Freedonian ministry demanded that Sylvania hand over the former governor Carlos Mendez. "
    "Sylvania's foreign office said it would study the request."
)
# Nothing listens here: connecting is refused at once, as with the broker down.
CLOSED_PORT_BROKER = "redis://127.0.0.1:1/0"


@contextmanager
def broker_unreachable() -> Iterator[None]:
    """Every message sent inside the block goes to a closed port, as with the broker down.

    Only the sending side moves (``broker_write_url``): a worker keeps
    consuming from the real broker. Celery caches its producers, so they are
    dropped on the way in and out.
    """
    conf = celery_app.conf
    saved = conf.get("broker_write_url")
    _producers_drop()
    conf["broker_write_url"] = CLOSED_PORT_BROKER
    try:
        yield
    finally:
        conf["broker_write_url"] = saved
        _producers_drop()


def _producers_drop() -> None:
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


def _ingested(text: str = TEXT) -> Article:
    """An article stored but not queued, as if its message were already taken by a worker."""
    return article_ingest(raw=text.encode(), name="outage.txt", enqueue=False).article


def _claims_of(article: Article):
    return Claim.objects.filter(evidence__extraction__article=article).distinct()


# --- A broker outage --------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_an_article_processed_while_the_broker_is_down_is_done_and_its_claims_stay_dirty(caplog):
    article = _ingested()

    with broker_unreachable(), caplog.at_level(logging.WARNING, logger="claims.tasks"):
        article_process_task.apply(args=[article.pk]).get()

    article.refresh_from_db()
    assert (article.state, article.error, article.attempts) == (Article.State.DONE, "", 0)
    assert _claims_of(article).exists()
    assert not _claims_of(article).filter(dirty=False).exists()
    assert "the claims sweep will recompute them" in caplog.text


@pytest.mark.django_db(transaction=True)
def test_the_claims_sweep_recomputes_what_the_outage_left_dirty():
    article = _ingested()
    with broker_unreachable():
        article_process_task.apply(args=[article.pk]).get()

    assert claims_sweep() >= 1

    assert not _claims_of(article).filter(dirty=True).exists()
    assert _claims_of(article).filter(article_count=1).exists()


@pytest.mark.django_db(transaction=True)
def test_articles_queued_while_the_broker_is_down_are_left_for_the_sweep(celery_worker):
    article = _ingested()

    with broker_unreachable():
        enqueued = articles_reprocess(article_ids=[article.pk])

    assert (enqueued.queued, enqueued.left_for_sweep) == (0, 1)
    article.refresh_from_db()
    assert (article.state, article.queued_at) == (Article.State.PENDING, None)

    assert articles_sweep() == 1  # the broker is back: the next sweep queues it at once

    wait_until(lambda: Article.objects.filter(pk=article.pk, state=Article.State.DONE).exists(), timeout=60)
    wait_until(lambda: not _claims_of(article).filter(dirty=True).exists(), timeout=30)


@pytest.mark.django_db(transaction=True)
def test_articles_queued_with_the_broker_up_are_counted_as_queued(celery_worker):
    article = _ingested()

    enqueued = articles_reprocess(article_ids=[article.pk])

    assert (enqueued.queued, enqueued.left_for_sweep) == (1, 0)
    wait_until(lambda: Article.objects.filter(pk=article.pk, state=Article.State.DONE).exists(), timeout=60)


# --- Transient errors ---------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_a_database_error_mid_article_is_retried_and_never_marks_it_failed(celery_worker):
    article = _ingested()
    # Hold the corpus write lock, so the worker's write phase waits; then cut its
    # connection, as a database restart or a broken deadlock would.
    blocker = _connect(autocommit=False)
    blocker.execute("SELECT pg_advisory_xact_lock(%s)", [_corpus_lock_id()])
    try:
        article_process_task.delay(article.pk)
        pid = wait_until(_backend_waiting_on_advisory_lock, timeout=60)
        with _connect(autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", [pid])
    finally:
        blocker.rollback()
        blocker.close()

    wait_until(lambda: Article.objects.filter(pk=article.pk, state=Article.State.DONE).exists(), timeout=60)
    article.refresh_from_db()
    assert (article.error, article.attempts) == ("", 0)


def _corpus_lock_id() -> int:
    from articles.models import CORPUS_WRITE_LOCK_ID

    return CORPUS_WRITE_LOCK_ID


def _backend_waiting_on_advisory_lock() -> int | None:
    with _connect(autocommit=True) as conn:
        row = conn.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s AND wait_event = 'advisory'",
            [connection.settings_dict["NAME"]],
        ).fetchone()
    return row[0] if row else None


def test_every_task_retries_transient_errors_within_seconds():
    from celery import current_app
    from django.db import OperationalError

    import kombu.exceptions

    for name in ("article_process", "articles_sweep", "claims_recompute", "claims_sweep"):
        task = current_app.tasks[f"claimtrack.{name}"]
        assert {OperationalError, kombu.exceptions.OperationalError} <= set(task.autoretry_for), name
        assert task.retry_backoff and task.retry_jitter and task.retry_backoff_max <= 10, name


# --- An article that fails for a reason of its own -----------------------------------------


@pytest.fixture
def broken_article() -> Iterator[Article]:
    """An article whose write phase the database refuses: a trigger that raises on its mentions.
    An error of this article, not of the database's availability or of the broker."""
    article = ArticleFactory(state=Article.State.PENDING, body="Maria Okafor said on Monday that the talks had failed.")
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE FUNCTION refuse_article_mentions() RETURNS trigger AS $$ BEGIN "
            f"IF NEW.article_id = {int(article.pk)} THEN RAISE EXCEPTION 'mentions of this article refused'; END IF; "
            "RETURN NEW; END $$ LANGUAGE plpgsql"
        )
        cursor.execute(
            "CREATE TRIGGER refuse_article_mentions BEFORE INSERT ON entities_mention "
            "FOR EACH ROW EXECUTE FUNCTION refuse_article_mentions()"
        )
    try:
        yield article
    finally:
        with connection.cursor() as cursor:  # a flush between tests keeps triggers: drop it
            cursor.execute("DROP TRIGGER IF EXISTS refuse_article_mentions ON entities_mention")
            cursor.execute("DROP FUNCTION IF EXISTS refuse_article_mentions()")


def _failed_after(article: Article, attempts: int) -> bool:
    return Article.objects.filter(pk=article.pk, state=Article.State.FAILED, attempts=attempts).exists()


@pytest.mark.django_db(transaction=True)
def test_the_sweep_retries_a_failed_article_until_its_attempts_are_spent(celery_worker, settings, broken_article):
    settings.CLAIMTRACK_ARTICLE_ATTEMPTS = 3
    article = broken_article

    article_process_task.delay(article.pk)
    wait_until(lambda: _failed_after(article, 1))
    for attempt in (2, 3):
        assert articles_sweep() == 1
        wait_until(lambda attempt=attempt: _failed_after(article, attempt))

    assert articles_sweep() == 0
    article.refresh_from_db()
    assert article.state == Article.State.FAILED
    assert "mentions of this article refused" in article.error


@pytest.mark.django_db
def test_a_failed_article_waiting_for_its_retry_keeps_its_reason(settings):
    settings.CLAIMTRACK_ARTICLE_ATTEMPTS = 3
    article = ArticleFactory(state=Article.State.FAILED, error="TypeError: bad span", attempts=1)

    assert articles_sweep() == 1

    article.refresh_from_db()
    assert (article.state, article.error, article.attempts) == (Article.State.PENDING, "TypeError: bad span", 1)


@pytest.mark.django_db
def test_only_a_pending_article_can_be_marked_failed():
    done = ArticleFactory(state=Article.State.DONE)
    pending = ArticleFactory(state=Article.State.PENDING)

    Article.objects.filter(pk__in=[done.pk, pending.pk]).mark_failed(error="OSError: gone")

    assert Article.objects.get(pk=done.pk).state == Article.State.DONE
    assert Article.objects.values_list("state", "attempts").get(pk=pending.pk) == (Article.State.FAILED, 1)


@pytest.mark.django_db
def test_re_extraction_asked_by_a_person_starts_a_fresh_count_of_attempts():
    article = ArticleFactory(state=Article.State.FAILED, error="TypeError: bad span", attempts=3)

    articles_reprocess(article_ids=[article.pk])

    assert Article.objects.values_list("state", "attempts").get(pk=article.pk) == (Article.State.PENDING, 0)


@pytest.mark.django_db
def test_the_admin_shows_why_an_article_failed_and_how_often(admin_client):
    article = ArticleFactory(state=Article.State.FAILED, error="TypeError: bad span", attempts=2)

    page = admin_client.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()

    assert "TypeError: bad span" in page
    assert "Failed extractions since it was last queued" in page


# --- Duplicate and stale messages ----------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_a_message_for_an_article_already_read_reads_nothing_and_dirties_nothing():
    # A broker that lost its connection delivers unacknowledged messages again, after the
    # article was read and its claims recomputed.
    article = _ingested()
    article_process_task.apply(args=[article.pk]).get()
    claims_recompute_dirty()
    extractions = set(Extraction.objects.filter(article=article).values_list("pk", flat=True))

    article_process_task.apply(args=[article.pk]).get()

    assert set(Extraction.objects.filter(article=article).values_list("pk", flat=True)) == extractions
    assert not _claims_of(article).filter(dirty=True).exists()

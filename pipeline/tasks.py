"""Celery tasks of the pipeline: processing articles, and re-queuing lost ones.

Thin, idempotent, keyed by primary keys.

Task names are a contract with messages already queued: rename with care.
Every task reads its state from PostgreSQL and can run twice; a lost message
only delays work, because the periodic sweeps pick up what is still pending
or dirty.
"""
from __future__ import annotations

import datetime as dt
import logging

from celery import shared_task
from django.conf import settings
from django.db import OperationalError
from django.db.models import Q
from django.utils import timezone

from articles.models import Article
from articles.services import article_mark_failed

from . import services

log = logging.getLogger(__name__)


@shared_task(
    name="claimtrack.article_process",
    acks_late=True,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=5,
)
def article_process_task(article_id: int) -> None:
    """Extract, resolve and link one article (then its claims are recomputed)."""
    if not Article.objects.filter(pk=article_id).exists():
        return  # deleted since it was queued
    try:
        services.article_process(article_id=article_id)
    except OperationalError:
        raise  # the database hiccupped: retry
    except Exception as error:  # noqa: BLE001 — a bad article must not block the queue
        log.exception("article %s failed", article_id)
        article_mark_failed(article_id=article_id, error=f"{type(error).__name__}: {error}")


@shared_task(name="claimtrack.articles_sweep", acks_late=True)
def articles_sweep() -> int:
    """Re-queue articles still pending long after they were queued (their message was lost).

    The wait is long enough for a backlog to drain: re-queuing articles that
    are merely waiting their turn would only duplicate work.
    """
    now = timezone.now()
    cutoff = now - dt.timedelta(seconds=settings.CLAIMTRACK_REQUEUE_SECONDS)
    stale = Article.objects.pending().filter(
        Q(queued_at__lt=cutoff) | Q(queued_at__isnull=True, ingested_at__lt=cutoff)
    )
    ids = list(stale.order_by("pk").values_list("pk", flat=True)[: settings.CLAIMTRACK_SWEEP_BATCH])
    Article.objects.filter(pk__in=ids).update(queued_at=now)
    for article_id in ids:
        article_process_task.delay(article_id)
    return len(ids)

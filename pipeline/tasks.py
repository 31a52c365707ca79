"""Celery tasks of the pipeline: processing articles, and re-queuing lost or failed ones.

Thin, idempotent, keyed by primary keys.

Task names are a contract with messages already queued: rename with care.
Every task reads its state from PostgreSQL and can run twice; a lost message
only delays work, because the periodic sweeps pick up what is still pending
or dirty. An article's state says how its extraction went, and nothing else:
a transient error (the database, the broker, a deadlock PostgreSQL broke) is
retried within seconds and never marks an article failed.
"""
from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from celery import shared_task
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from articles.models import Article
from claims.tasks import BROKER_ERRORS, RETRY_TRANSIENT, TRANSIENT_ERRORS

from . import services

log = logging.getLogger(__name__)


@shared_task(name="claimtrack.article_process", acks_late=True, **RETRY_TRANSIENT)
def article_process_task(article_id: int) -> None:
    """Extract, resolve and link one article (then its claims are recomputed).

    Any error but a transient one is the article's own: it is marked failed
    with the reason, and the articles sweep tries it again a few times.
    """
    if not Article.objects.pending().filter(pk=article_id).exists():
        # Deleted, withdrawn, done or failed since it was queued: every request to read an
        # article marks it pending first, so this message is stale or a duplicate (a broker
        # that lost its connection delivers unacknowledged messages again). Reading a done
        # article again would only dirty its claims for a recompute nobody queued.
        return
    try:
        services.article_process(article_id=article_id)
    except TRANSIENT_ERRORS:
        raise  # not the article's fault: retried soon
    except Article.DoesNotExist:
        return  # deleted while it was being extracted
    except Exception as error:  # noqa: BLE001 — a bad article must not block the queue
        log.exception("article %s failed", article_id)
        Article.objects.filter(pk=article_id).mark_failed(error=f"{type(error).__name__}: {error}")


@shared_task(name="claimtrack.articles_sweep", acks_late=True, **RETRY_TRANSIENT)
def articles_sweep() -> int:
    """Queue articles whose message was lost or never sent, and failed ones with attempts left.

    An article never queued (the broker was down) goes at once. One queued
    long ago lost its message; the wait is long enough for a backlog to drain,
    since re-queuing articles merely waiting their turn would only duplicate
    work. A failed article is tried again until it has failed
    ``CLAIMTRACK_ARTICLE_ATTEMPTS`` times; its last error stays on it meanwhile.
    """
    now = timezone.now()
    cutoff = now - dt.timedelta(seconds=settings.CLAIMTRACK_REQUEUE_SECONDS)
    lost = Article.objects.pending().filter(Q(queued_at__isnull=True) | Q(queued_at__lt=cutoff))
    failed = Article.objects.retryable(attempts=settings.CLAIMTRACK_ARTICLE_ATTEMPTS)
    ids = list((lost | failed).order_by("pk").values_list("pk", flat=True)[: settings.CLAIMTRACK_SWEEP_BATCH])
    Article.objects.filter(pk__in=ids).update(state=Article.State.PENDING, queued_at=now)
    return articles_process_enqueue(article_ids=ids).queued


@shared_task(name="claimtrack.articles_settle", acks_late=True, **RETRY_TRANSIENT)
def articles_settle() -> int:
    """Once no article waits, let the ruler learn the corpus's names; queue what it now reads differently.

    Waiting for the queue to drain keeps every article between two settles read
    by the same ruler, which is what makes the result independent of how many
    workers read the articles and in what order (``services.articles_settle_round``).
    """
    if Article.objects.pending().exists():
        return 0
    stale = _settle_and_mark_stale()
    return articles_process_enqueue(article_ids=stale).queued


@transaction.atomic
def _settle_and_mark_stale() -> list[int]:
    """The ruler's new snapshot and the articles it now reads differently, pending, in one commit.

    A worker that dies in between must not leave the ruler changed and its
    re-readings unknown: the next settle would find nothing new, and those
    articles would keep what the old ruler read in them. Committed together,
    the articles are pending and the sweep sends any message lost after this.
    The snapshot's corpus write lock is held until then, so nobody sees the
    corpus settled in between.
    """
    stale = services.articles_settle_round()
    Article.objects.filter(pk__in=stale).queue_for_rereading()
    return stale


# --- Sending the messages ------------------------------------------------------------------


@dataclass
class Enqueued:
    """What became of a batch of article messages."""

    queued: int = 0  # the broker took them
    left_for_sweep: int = 0  # the broker was unreachable: the next articles sweep queues them

    def add(self, other: Enqueued) -> None:
        self.queued += other.queued
        self.left_for_sweep += other.left_for_sweep


def articles_process_enqueue(*, article_ids: Iterable[int]) -> Enqueued:
    """Send one processing message per article; stop at the first the broker refuses.

    The articles not sent are marked never queued, so the next sweep queues
    them rather than waiting for a lost message. Call it with the articles
    committed: a worker may start on them at once.
    """
    ids = list(article_ids)
    for sent, article_id in enumerate(ids):
        try:
            article_process_task.delay(article_id)
        except BROKER_ERRORS as error:
            unsent = ids[sent:]
            log.warning("%d article(s) not queued (%s); the articles sweep will queue them", len(unsent), error)
            Article.objects.pending().filter(pk__in=unsent).update(queued_at=None)
            return Enqueued(queued=sent, left_for_sweep=len(unsent))
    return Enqueued(queued=len(ids))

"""Celery tasks of the feeds app: beat's sweep for due feeds, and polling one feed.

Task names are a contract with messages already queued. Both tasks are
idempotent: the sweep only sends hints, and a poll claims its feed with a
guarded UPDATE before it does anything (``services.feed_poll``), so a
duplicated message polls nothing twice. A lost message costs a delay: the
feed stays due and the next sweep sends it again.
"""
from __future__ import annotations

import logging

from celery import shared_task
from django.conf import settings
from django.utils import timezone

from claims.tasks import BROKER_ERRORS, RETRY_TRANSIENT

from . import selectors, services

log = logging.getLogger(__name__)


@shared_task(name="claimtrack.feeds_poll_due", acks_late=True, **RETRY_TRANSIENT)
def feeds_poll_due() -> int:
    """Queue one poll per due feed (at most a sweep batch); returns how many were queued."""
    ids = selectors.feeds_due(now=timezone.now(), limit=settings.CLAIMTRACK_SWEEP_BATCH)
    for sent, feed_id in enumerate(ids):
        try:
            feed_poll_task.delay(feed_id)
        except BROKER_ERRORS as error:
            log.warning("%d feed poll(s) not queued (%s); the next sweep queues them", len(ids) - sent, error)
            return sent
    return len(ids)


@shared_task(name="claimtrack.feed_poll", acks_late=True, **RETRY_TRANSIENT)
def feed_poll_task(feed_id: int) -> dict | None:
    """Poll one feed; a summary of what it did (None: it was not due)."""
    result = services.feed_poll(feed_id=feed_id)
    if result is None:
        return None
    return {"new_links": result.new_links, "stored": len(result.stored), "present": result.present,
            "rejected": result.rejected, "retry_later": result.retry_later, "error": result.error}

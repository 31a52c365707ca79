"""Celery tasks of the claims domain: recomputing corroboration figures.

Task names are a contract with messages already queued: they keep the
``claimtrack.`` prefix they were first published under. Both tasks read the
dirty flags from PostgreSQL and can run twice.

Also the retry policy every task of the project shares: an error that says
"not now" rather than "never" is retried within seconds.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable

import kombu.exceptions
import redis.exceptions
from celery import shared_task
from django.conf import settings
from django.db import InterfaceError, OperationalError

from . import corroboration

log = logging.getLogger(__name__)

# Sending a message failed: the broker is down or unreachable. Celery raises kombu's
# OperationalError once its own publish retries are spent; the others can escape it.
BROKER_ERRORS = (
    kombu.exceptions.OperationalError,
    redis.exceptions.ConnectionError,
    redis.exceptions.TimeoutError,
    ConnectionError,
)
# "Not now", not "never": the database or the broker went away, or PostgreSQL broke a
# deadlock or a serialization conflict (Django raises both as OperationalError).
TRANSIENT_ERRORS = (OperationalError, InterfaceError, *BROKER_ERRORS)
# Retried soon, after 1, 2, 4, 8, 10 s at most, each drawn at random below that
# (full jitter) so that the transactions that collided do not collide again; after
# that the work is still pending or dirty in PostgreSQL, and the sweeps finish it.
RETRY_TRANSIENT = {
    "autoretry_for": TRANSIENT_ERRORS,
    "retry_backoff": True,
    "retry_backoff_max": 10,
    "retry_jitter": True,
    "max_retries": 5,
}


@shared_task(name="claimtrack.claims_recompute", acks_late=True, **RETRY_TRANSIENT)
def claims_recompute_task(claim_ids: list[int]) -> int:
    """Recompute the corroboration figures of these claims."""
    return corroboration.claims_recompute(claim_ids=claim_ids)


@shared_task(name="claimtrack.claims_sweep", acks_late=True, **RETRY_TRANSIENT)
def claims_sweep() -> int:
    """Recompute claims still dirty (a lost message, a dead worker), one capped batch per run."""
    return corroboration.claims_recompute_dirty(limit=settings.CLAIMTRACK_SWEEP_BATCH)


def claims_recompute_enqueue(claim_ids: Iterable[int]) -> bool:
    """Ask a worker to recompute these claims; False if the broker could not take the message.

    Called once the transaction that marked them dirty has committed, so a
    failure here loses nothing: the claims stay dirty in PostgreSQL and the
    periodic sweep recomputes them. It must not raise into the caller, whose
    work is done and committed (an article's extraction, an editor's decision).
    """
    ids = list(claim_ids)
    try:
        claims_recompute_task.delay(ids)
    except BROKER_ERRORS as error:
        log.warning("recompute of %d claim(s) not queued (%s); the claims sweep will recompute them", len(ids), error)
        return False
    return True

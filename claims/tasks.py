"""Celery tasks of the claims domain: recomputing corroboration figures.

Task names are a contract with messages already queued: they keep the
``claimtrack.`` prefix they were first published under. Both tasks read the
dirty flags from PostgreSQL and can run twice.
"""
from __future__ import annotations

from celery import shared_task
from django.conf import settings
from django.db import OperationalError

from . import corroboration


@shared_task(name="claimtrack.claims_recompute", acks_late=True, autoretry_for=(OperationalError,), max_retries=5)
def claims_recompute_task(claim_ids: list[int]) -> int:
    """Recompute the corroboration figures of these claims."""
    return corroboration.claims_recompute(claim_ids=claim_ids)


@shared_task(name="claimtrack.claims_sweep", acks_late=True)
def claims_sweep() -> int:
    """Recompute claims still dirty (a lost message, a dead worker), one capped batch per run."""
    return corroboration.claims_recompute_dirty(limit=settings.CLAIMTRACK_SWEEP_BATCH)

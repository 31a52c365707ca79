"""The test harness's Celery worker: real Redis, real PostgreSQL, another thread.

These tests pin what every worker-backed test relies on: a task sent to the
broker runs in the in-process worker against the test database, work queued
with ``delay_on_commit`` runs once the transaction commits, and this session's
messages live under a key prefix of their own.
"""
from __future__ import annotations

import pytest
from django.db import transaction

from articles.models import Source
from claimtrack.celery import app as celery_app
from tests.conftest import SESSION_KEY_PREFIX


@celery_app.task(name="tests.source_rename")
def source_rename(source_id: int, name: str) -> None:
    """A stand-in for a real task: fetch by primary key, write, commit."""
    Source.objects.filter(id=source_id).update(name=name)


@pytest.mark.django_db(transaction=True)
def test_the_worker_runs_a_task_against_the_test_database(celery_worker, wait_until):
    source = Source.objects.create(name="Before")

    source_rename.delay(source.id, "After")

    wait_until(lambda: Source.objects.filter(id=source.id, name="After").exists())


@pytest.mark.django_db(transaction=True)
def test_work_queued_on_commit_runs_once_the_transaction_commits(celery_worker, wait_until):
    with transaction.atomic():
        source = Source.objects.create(name="Queued")
        source_rename.delay_on_commit(source.id, "Committed")

    wait_until(lambda: Source.objects.filter(id=source.id, name="Committed").exists())


def test_the_session_publishes_under_its_own_key_prefix():
    options = celery_app.conf.broker_transport_options
    assert options["global_keyprefix"] == SESSION_KEY_PREFIX
    assert SESSION_KEY_PREFIX.startswith("claimtrack-test-")


def test_wait_until_returns_the_first_truthy_value(wait_until):
    values = iter([0, None, "", "ready"])

    assert wait_until(lambda: next(values), timeout=5, interval=0) == "ready"


def test_wait_until_fails_with_the_last_value_seen(wait_until):
    with pytest.raises(AssertionError, match="last result: 0"):
        wait_until(lambda: 0, timeout=0, interval=0)

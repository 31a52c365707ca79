"""Shared test harness: a real Celery worker in-process and a polling helper.

Tests that need tasks to run use the ``celery_worker`` fixture together with
``@pytest.mark.django_db(transaction=True)``: the worker runs in another
thread, so it only sees data that the test has committed. Poll for the outcome
with ``wait_until(lambda: ..., timeout=30)``, never with a fixed sleep.

The worker talks to the real Redis named by ``CELERY_BROKER_URL`` (db 15 by
default, see tests/settings.py). Every test session gets its own key prefix
on that Redis, so two sessions on one machine (or a crashed earlier session's
leftover messages) never consume each other's tasks.
"""
from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import pytest
import redis
from celery.contrib.testing.worker import TestWorkController, start_worker
from celery.signals import task_postrun
from celery.worker import state as worker_state

from claimtrack.celery import app as celery_app

T = TypeVar("T")

# One prefix per session: isolates this run's queues from any other run on
# the same Redis database. Set before anything opens a broker connection.
SESSION_KEY_PREFIX = f"claimtrack-test-{uuid.uuid4().hex[:12]}:"
celery_app.conf.broker_transport_options = {
    **(celery_app.conf.broker_transport_options or {}),
    "global_keyprefix": SESSION_KEY_PREFIX,
}


def wait_until(predicate: Callable[[], T], timeout: float = 30, interval: float = 0.1) -> T:
    """Poll ``predicate`` until it returns something truthy, and return that.

    Fails the test with the last value seen (or the last exception raised) if
    ``timeout`` seconds pass first; an exception inside the predicate counts
    as "not yet" because the worker may be half-way through a transaction.
    """
    deadline = time.monotonic() + timeout
    last: Any = None
    while True:
        try:
            last = predicate()
        except Exception as exc:  # noqa: BLE001 - reported below if it persists
            last = exc
        else:
            if last:
                return last
        if time.monotonic() >= deadline:
            raise AssertionError(f"condition not met within {timeout}s; last result: {last!r}")
        time.sleep(interval)


@pytest.fixture(name="wait_until")
def wait_until_fixture() -> Callable[..., Any]:
    """``wait_until`` as a fixture, for tests that prefer not to import from conftest."""
    return wait_until


def _close_worker_thread_connections(**_: object) -> None:
    """Close the DB connections a task opened in the worker thread.

    Django keeps connections for CONN_MAX_AGE; an idle one left open by the
    worker thread would stop pytest-django from flushing tables between tests
    and from dropping the test database at the end. Tasks run eagerly in the
    main thread are left alone: closing there would break the test's own
    transaction.
    """
    if threading.current_thread() is threading.main_thread():
        return
    from django.db import connections

    connections.close_all()


def _wait_for_idle_worker(timeout: float = 30) -> None:
    """Drop messages still queued and wait for the task in flight, if any."""
    celery_app.control.purge()
    wait_until(
        lambda: not worker_state.active_requests and not worker_state.reserved_requests,
        timeout=timeout,
    )


# Whether the session's worker is running: once a test has started it, it consumes every task any
# later test enqueues, whether or not that test asked for a worker.
_session_worker_running = threading.Event()


@pytest.fixture(scope="session")
def celery_session_worker(
    django_db_setup: None, django_db_blocker: Any
) -> Iterator[TestWorkController]:
    """One real Celery worker (solo pool, in a thread) for the whole session.

    Depends on ``django_db_setup`` so that the worker's connections go to the
    test database, which exists by the time the first task arrives.
    """
    task_postrun.connect(_close_worker_thread_connections, weak=False)
    with start_worker(
        celery_app,
        pool="solo",
        concurrency=1,
        perform_ping_check=False,
        shutdown_timeout=30,
        loglevel="WARNING",
    ) as worker:
        _session_worker_running.set()
        yield worker
        _session_worker_running.clear()
    task_postrun.disconnect(_close_worker_thread_connections)
    _delete_session_keys()


@pytest.fixture(autouse=True)
def _no_task_outlives_a_transactional_test(request: pytest.FixtureRequest) -> Iterator[None]:
    """Before a transactional test's tables are flushed, let the session's worker go idle.

    A test that commits and runs a task eagerly (``task.apply()``) enqueues the recomputes its
    commit asks for; if an earlier test started the session's worker, that worker runs them
    while pytest-django truncates every table, and the two deadlock (seen in CI on
    ``test_a_message_for_an_article_already_read_reads_nothing_and_dirties_nothing``).
    The database helper is set up first, so this teardown runs before its flush.
    """
    marker = request.node.get_closest_marker("django_db")
    transactional = marker is not None and marker.kwargs.get("transaction", False)
    if not transactional:
        yield
        return
    request.getfixturevalue("_django_db_helper")
    yield
    if _session_worker_running.is_set():
        _wait_for_idle_worker()


@pytest.fixture
def celery_worker(celery_session_worker: TestWorkController) -> Iterator[TestWorkController]:
    """The session's worker, left idle after each test.

    A task still queued or running when a test ends would otherwise run
    against the next test's (flushed) tables.
    """
    _wait_for_idle_worker()
    yield celery_session_worker
    _wait_for_idle_worker()


def _delete_session_keys() -> None:
    """Remove this session's queues and bindings from the shared Redis."""
    # A plain client: kombu's own would prefix the keys a second time. Kombu
    # spells a Unix socket redis+socket://, redis-py unix://.
    url = celery_app.conf.broker_url.replace("redis+socket://", "unix://", 1)
    client = redis.Redis.from_url(url)
    keys = list(client.scan_iter(match=f"{SESSION_KEY_PREFIX}*"))
    if keys:
        client.delete(*keys)
    client.close()

"""Schemathesis against the whole API, in-process: no request it makes is a 500, and every
answer is one the OpenAPI schema documents, with the status, content type and body it gives.

The schema is the one the app serves at /api/schema/; the requests go to the WSGI
application in this process, inside the test's transaction (nothing is committed, so
nothing is queued). The client signs in with a token of a user who may ingest, so
the POST is exercised past its permission check. Examples are bounded and derived
from a fixed seed, so CI runs the same cases every time in well under two minutes.

Two of schemathesis's checks are left out on purpose, because they judge a
strictness the schema cannot state: ``positive_data_acceptance`` (a body that
fits the schema may still not be an article: only whitespace, only page
furniture, a NUL character) and ``negative_data_rejection`` (the list filters
ignore an empty or unreadable value, as django-filter does, rather than refuse it).
"""
from __future__ import annotations

import uuid

import pytest
import schemathesis
from django.contrib.auth.models import Permission
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from rest_framework.authtoken.models import Token
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    ignored_auth,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from claimtrack.wsgi import application
from tests.factories import ClaimFactory, EntityFactory, EvidenceFactory

pytestmark = pytest.mark.django_db

EXAMPLES_PER_OPERATION = 50

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    ignored_auth,  # an operation that lists no anonymous access refuses a request without credentials
]


@pytest.fixture
def in_process_wsgi():
    """Let the WSGI handler run inside the test's transaction.

    After every request Django closes a connection that is not in autocommit,
    which inside the test's transaction is always; Django's own test client
    turns that off for its requests in the same way.
    """
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def api_data():
    """A few rows of every kind, so that detail pages and filters find something."""
    claim = ClaimFactory(target=EntityFactory())
    EvidenceFactory(claim=claim, extraction__origins=[EntityFactory()])
    EvidenceFactory(claim=claim)


@pytest.fixture
def ingest_token(django_user_model) -> str:
    user = django_user_model.objects.create_user("fuzz-script", password=uuid.uuid4().hex)
    user.user_permissions.add(Permission.objects.get(codename="add_article"))
    return Token.objects.create(user=user).key


@pytest.fixture
def api_schema(settings, in_process_wsgi, api_data):
    settings.ALLOWED_HOSTS = ["localhost"]  # the host schemathesis's WSGI client sends
    # Counters of this run only: another test's throttling is not this one's.
    settings.CACHES = {**settings.CACHES, "default": {
        **settings.CACHES["default"], "KEY_PREFIX": f"claimtrack-fuzz-{uuid.uuid4().hex[:12]}"}}
    return schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_every_generated_request_gets_a_documented_answer(api_schema, ingest_token, mode):
    failures = []
    for result in api_schema.get_all_operations():
        operation = result.ok()
        try:
            answer_within_schema(operation, mode=mode, token=ingest_token)
        except (Exception, BaseExceptionGroup) as failure:  # noqa: BLE001 - all operations are tried
            failures.append(f"{operation.label}: {failure}")

    assert not failures, "\n\n".join(failures)


def answer_within_schema(operation, *, mode: GenerationMode, token: str) -> None:
    """Hypothesis over one operation: each generated request's answer passes every check."""

    @given(case=operation.as_strategy(generation_mode=mode))
    @hypothesis_settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,  # no timing in tests: a slow machine is not a failure
        derandomize=True,  # the same cases on every run: CI is reproducible
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def check(case):
        case.call_and_validate(headers={"Authorization": f"Token {token}"}, checks=CHECKS)

    check()

"""The API refuses what it cannot store with a JSON reason, lets only permitted users
ingest, and slows down anonymous readers and password guessers.

Throttle counters are in Redis; every test here counts under its own cache key
prefix, so no test sees another's requests, and on a stopped clock, so no test
straddles the end of a throttle window.
"""
from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from rest_framework.authtoken.models import Token

from articles.models import Article
from claimtrack.api_policy import AnonymousReadThrottle, AuthFailureThrottle

pytestmark = pytest.mark.django_db

BASE_DIR = Path(__file__).resolve().parent.parent
PASSWORD = "correct horse battery staple"
# 30 minutes 30 seconds into an hour (and into a day): mid-window for every rate used here.
NOW = 1_800_000_000.0 + 1_830
ARTICLE = {
    "title": "Union demands pay rise",
    "body": "The dockworkers' union has demanded that the port authority raise wages by ten percent.",
    "published": "2025-03-04",
    "source": "Example News",
}


@pytest.fixture(autouse=True)
def own_throttle_counters(settings):
    """This test's throttle counters only, in the same Redis."""
    settings.CACHES = {**settings.CACHES, "default": {
        **settings.CACHES["default"], "KEY_PREFIX": f"claimtrack-test-{uuid.uuid4().hex}"}}


@pytest.fixture(autouse=True)
def stopped_clock(monkeypatch):
    for throttle in (AnonymousReadThrottle, AuthFailureThrottle):
        monkeypatch.setattr(throttle, "timer", staticmethod(lambda: NOW))


def rates(settings, **scopes: str) -> None:
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {**settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], **scopes},
    }


@pytest.fixture
def editor(django_user_model):
    """A user in the editors group, which holds the ingest permission."""
    editors, _ = Group.objects.get_or_create(name="editors")
    editors.permissions.add(Permission.objects.get(codename="add_article", content_type__app_label="articles"))
    user = django_user_model.objects.create_user("editor", password=PASSWORD)
    user.groups.add(editors)
    return user


def basic(username: str, password: str) -> dict[str, str]:
    credentials = base64.b64encode(f"{username}:{password}".encode()).decode()
    return {"HTTP_AUTHORIZATION": f"Basic {credentials}"}


def post_raw(client, body: bytes | str, content_type: str = "application/json", **extra):
    return client.generic("POST", "/api/articles/", body, content_type=content_type, **extra)


# --- Bad bodies ---------------------------------------------------------------------------


BAD_BODIES = {
    "a list": (b"[]", "array"),
    "a string": (b'"The union demands a pay rise."', "string"),
    "null": (b"null", "null"),
    "a number": (b"42", "number"),
    "malformed JSON": (b'{"body": "unfinished', "JSON parse error"),
    "a NUL byte": (b'{"body": "a\x00b"}', "JSON parse error"),
    "an escaped NUL": (b'{"body": "The union\\u0000 demands"}', "NUL"),
    "a lone surrogate": (b'{"body": "The union demands \\ud800 a rise"}', "surrogate"),
    "a lone surrogate in another field": (b'{"body": "The union demands.", "note": ["\\udfff"]}', "surrogate"),
    "deep nesting": (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    "deep nesting in a field": (b'{"body": "x", "extra": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
                                "nested too deeply"),
    "not UTF-8": (b'{"body": "caf\xe9"}', "JSON parse error"),
    "an impossible date": (json.dumps({**ARTICLE, "published": "2025-13-45"}).encode(), "published"),
    "no body": (json.dumps({"title": "Only a title"}).encode(), "body"),
    "a body of the wrong type": (json.dumps({"body": ["a", "list"]}).encode(), "body"),
    "nothing": (b"", "empty"),
}


@pytest.mark.parametrize("body, reason", BAD_BODIES.values(), ids=BAD_BODIES.keys())
def test_a_bad_body_is_a_json_400_with_the_reason_and_nothing_is_stored(client, editor, body, reason):
    client.force_login(editor)

    response = post_raw(client, body)

    assert response.status_code == 400, response.content[:200]
    assert response["Content-Type"] == "application/json"
    assert reason in response.json()["detail"]
    assert not Article.objects.exists()


def test_a_body_over_the_limit_is_a_json_413_and_is_not_read(client, editor, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1_000
    client.force_login(editor)

    response = post_raw(client, json.dumps({**ARTICLE, "body": "x" * 2_000}))

    assert response.status_code == 413
    assert response["Content-Type"] == "application/json"
    assert "1000 bytes" in response.json()["detail"]
    assert not Article.objects.exists()


def test_the_size_limit_is_the_article_size_limit(settings):
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE == settings.CLAIMTRACK_MAX_ARTICLE_BYTES


def test_a_body_that_is_not_json_is_a_json_415(client, editor):
    client.force_login(editor)

    response = post_raw(client, "body=The+union+demands", content_type="application/x-www-form-urlencoded")

    assert response.status_code == 415
    assert "detail" in response.json()


def test_an_unknown_api_url_is_a_json_404(client):
    response = client.get("/api/claims/1.5/")

    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_an_unknown_page_url_is_still_the_html_404(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


def test_a_nul_in_a_search_is_a_400_naming_the_parameter(client):
    response = client.get("/api/claims/", {"search": "port\x00"})

    assert response.status_code == 400
    assert "search" in response.json()


# --- Who may ingest -------------------------------------------------------------------------


@pytest.mark.parametrize("is_staff", [False, True], ids=["a plain user", "a staff user"])
def test_a_signed_in_user_without_the_permission_cannot_ingest(client, django_user_model, is_staff):
    user = django_user_model.objects.create_user("reader", password=PASSWORD, is_staff=is_staff)
    client.force_login(user)

    response = post_raw(client, json.dumps(ARTICLE))

    assert response.status_code == 403
    assert not Article.objects.exists()


def test_an_editor_ingests_through_the_editors_group(client, editor):
    client.force_login(editor)

    assert post_raw(client, json.dumps(ARTICLE)).status_code == 201


def test_a_script_ingests_with_basic_auth(client, editor):
    response = post_raw(client, json.dumps(ARTICLE), **basic("editor", PASSWORD))

    assert response.status_code == 201
    assert Article.objects.get().title == ARTICLE["title"]


def test_a_script_ingests_with_a_token_made_by_drf_create_token(client, editor):
    call_command("drf_create_token", "editor", stdout=open(os.devnull, "w"))
    token = Token.objects.get(user=editor).key

    response = post_raw(client, json.dumps(ARTICLE), HTTP_AUTHORIZATION=f"Token {token}")

    assert response.status_code == 201


def test_a_wrong_token_is_a_401(client, editor):
    response = post_raw(client, json.dumps(ARTICLE), HTTP_AUTHORIZATION="Token not-a-token")

    assert response.status_code == 401
    assert not Article.objects.exists()


def test_anyone_reads_articles(client):
    assert client.get("/api/articles/").status_code == 200


# --- Throttles --------------------------------------------------------------------------------


def test_failed_passwords_from_one_address_are_answered_429_after_the_limit(client, editor, settings):
    rates(settings, auth_failure="5/hour")
    wrong = basic("editor", "guess")

    answers = [client.get("/api/claims/", **wrong).status_code for _ in range(5)]
    locked = client.get("/api/claims/", **wrong)

    assert answers == [401] * 5
    assert locked.status_code == 429
    assert "failed sign-ins" in locked.json()["detail"]
    assert locked["Retry-After"] == str(3_600 - 1_830)  # until the hour's window ends


def test_a_locked_out_address_is_refused_even_the_right_password(client, editor, settings):
    rates(settings, auth_failure="3/hour")
    for _ in range(3):
        client.get("/api/claims/", **basic("editor", "guess"))

    response = post_raw(client, json.dumps(ARTICLE), **basic("editor", PASSWORD))

    assert response.status_code == 429
    assert not Article.objects.exists()


def test_another_address_is_not_locked_out(client, editor, settings):
    rates(settings, auth_failure="3/hour")
    for _ in range(3):
        client.get("/api/claims/", REMOTE_ADDR="203.0.113.7", **basic("editor", "guess"))

    response = client.get("/api/claims/", REMOTE_ADDR="203.0.113.8", **basic("editor", PASSWORD))

    assert response.status_code == 200


def test_failed_tokens_count_as_failed_sign_ins(client, settings):
    rates(settings, auth_failure="3/hour")

    answers = [client.get("/api/claims/", HTTP_AUTHORIZATION=f"Token wrong{n}").status_code for n in range(4)]

    assert answers == [401, 401, 401, 429]


def test_a_forged_forwarded_for_header_does_not_dodge_the_limit(client, editor, settings):
    # With no proxy in front (NUM_PROXIES=0) the address is the connection's own.
    rates(settings, auth_failure="3/hour")

    answers = [
        client.get("/api/claims/", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}", **basic("editor", "guess")).status_code
        for n in range(4)
    ]

    assert answers == [401, 401, 401, 429]


def test_requests_without_credentials_are_not_counted_as_failures(client, settings):
    rates(settings, auth_failure="1/hour")

    assert [client.get("/api/claims/").status_code for _ in range(3)] == [200] * 3


def test_anonymous_reads_are_answered_429_past_their_rate(client, editor, settings):
    rates(settings, anon="3/minute")

    answers = [client.get("/api/claims/").status_code for _ in range(4)]
    signed_in = client.get("/api/claims/", **basic("editor", PASSWORD))

    assert answers == [200, 200, 200, 429]
    assert signed_in.status_code == 200  # the rate is for anonymous clients only


def test_a_lockout_recorded_by_one_process_holds_in_another(client, editor, settings):
    # The web runs several processes: the count must live in Redis, not in one process's memory.
    settings.CACHES = {**settings.CACHES, "default": {**settings.CACHES["default"], "KEY_PREFIX": "claimtrack"}}
    rates(settings, auth_failure="3/hour")
    address = f"192.0.2.{uuid.uuid4().int % 250 + 1}"
    for _ in range(3):
        client.get("/api/claims/", REMOTE_ADDR=address, **basic("editor", "guess"))

    other_process = subprocess.run(
        [sys.executable, "-c", LOCKOUT_PROBE, address, str(NOW)],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "claimtrack.settings",
             "CLAIMTRACK_AUTH_FAILURE_RATE": "3/hour"},
        cwd=BASE_DIR, capture_output=True, text=True, timeout=120, check=False,
    )

    assert other_process.returncode == 0, other_process.stderr
    assert other_process.stdout.strip() == "locked out"


LOCKOUT_PROBE = """
import sys
import django
django.setup()
from django.test import RequestFactory
from claimtrack.api_policy import AuthFailureThrottle
AuthFailureThrottle.timer = staticmethod(lambda: float(sys.argv[2]))  # the test's stopped clock
request = RequestFactory().get("/api/claims/", REMOTE_ADDR=sys.argv[1])
print("locked out" if AuthFailureThrottle().locked_out_for(request) else "free")
"""

"""Production settings pass Django's deployment checks; plain http stays possible on purpose;
every page carries a Content-Security-Policy that its own markup obeys.

The settings cases run ``manage.py`` in a fresh interpreter with a controlled
environment, since settings are read once per process.
"""
from __future__ import annotations

import json
import re
import secrets
import subprocess
import sys

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, ClaimFactory, EntityFactory, EvidenceFactory
from tests.test_settings import BASE_DIR, REAL_SERVICES, clean_environment, settings_with

PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "claims.example",
    "CSRF_TRUSTED_ORIGINS": "https://claims.example",
}


def manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        check=False,  # the tests read the exit code and output
        env={**clean_environment(), **REAL_SERVICES, "DJANGO_SETTINGS_MODULE": "claimtrack.settings", **env},
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deployment_checks_without_a_warning():
    result = manage(PRODUCTION, "check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_sends_https_only_with_hsts_and_secure_cookies():
    result = settings_with(PRODUCTION, "[s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, "
                                       "s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS]")

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [True, True, True, 31_536_000]


def test_https_only_false_serves_plain_http_and_the_checks_say_so():
    plain = {**PRODUCTION, "HTTPS_ONLY": "false"}

    settings = settings_with(plain, "[s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.SECURE_HSTS_SECONDS]")
    check = manage(plain, "check", "--deploy", "--fail-level", "WARNING")

    assert json.loads(settings.stdout) == [False, False, 0]
    assert check.returncode != 0
    assert "security.W008" in check.stderr + check.stdout


def test_debug_serves_plain_http_as_make_run_does():
    result = settings_with({"DEBUG": "true"}, "[s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE]")

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [False, False]


def test_behind_a_proxy_its_forwarded_protocol_and_address_are_trusted():
    result = settings_with({**PRODUCTION, "NUM_PROXIES": "1"},
                           "[s.SECURE_PROXY_SSL_HEADER, s.REST_FRAMEWORK['NUM_PROXIES']]")

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [["HTTP_X_FORWARDED_PROTO", "https"], 1]


def test_without_a_proxy_no_forwarded_header_is_trusted():
    result = settings_with(PRODUCTION, "[hasattr(s, 'SECURE_PROXY_SSL_HEADER'), s.REST_FRAMEWORK['NUM_PROXIES']]")

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [False, 0]


# --- Content-Security-Policy -------------------------------------------------------------

INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<style\b|\sstyle=", re.IGNORECASE)


@pytest.fixture
def pages(db):
    """The analyst pages, each with something on it."""
    claim = ClaimFactory(target=EntityFactory())
    evidence = EvidenceFactory(claim=claim)
    return [
        reverse("claim-list"),
        reverse("claim-detail", args=[claim.pk]),
        reverse("entity-detail", args=[claim.actor_id]),
        reverse("article-detail", args=[evidence.extraction.article_id]),
        reverse("article-detail", args=[ArticleFactory().pk]),
    ]


def test_every_page_allows_only_this_sites_own_resources(client, pages):
    for url in pages:
        response = client.get(url)

        assert response.status_code == 200, url
        policy = response["Content-Security-Policy"]
        assert "default-src 'self'" in policy, url
        assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy, url
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy, url


def test_no_page_has_inline_script_or_style_the_policy_would_block(client, pages):
    for url in pages:
        html = client.get(url).content.decode()

        assert not INLINE_SCRIPT.search(html), url
        assert not INLINE_STYLE.search(html), url


def test_the_admin_login_page_carries_the_policy(client):
    response = client.get(reverse("admin:login"))

    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert not INLINE_SCRIPT.search(response.content.decode())


def test_the_api_docs_page_allows_what_redoc_needs_and_nothing_from_elsewhere(client):
    response = client.get(reverse("api-docs"))

    policy = response["Content-Security-Policy"]
    assert "style-src 'self' 'unsafe-inline'" in policy
    assert "worker-src 'self' blob:" in policy
    assert "script-src" not in policy  # scripts fall back to default-src 'self'
    assert not INLINE_SCRIPT.search(response.content.decode())

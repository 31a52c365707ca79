"""Settings read the environment strictly: a wrong value stops the app at start-up.

Each case imports ``claimtrack.settings`` in a fresh interpreter with a
controlled environment, since settings are read once per process.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent


def _variables_read_by_the_settings() -> set[str]:
    source = (BASE_DIR / "claimtrack" / "settings.py").read_text()
    return set(re.findall(r'\benv_[a-z]+\(\s*"([A-Z][A-Z0-9_]*)"', source))


# Every variable the settings read, and the two Django reads itself; each test starts
# from none of them, so a variable set in the developer's shell (or by another test:
# the browser tests allow sync ORM calls in their event loop) cannot leak in.
SETTINGS_VARIABLES = _variables_read_by_the_settings() | {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}

REAL_SERVICES = {
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/claimtrack",
    "CELERY_BROKER_URL": "redis://127.0.0.1:6379/15",
}


def clean_environment() -> dict[str, str]:
    """This process's environment without any variable the settings read."""
    return {key: value for key, value in os.environ.items() if key not in SETTINGS_VARIABLES}


def settings_with(env: dict[str, str], expression: str = "None") -> subprocess.CompletedProcess:
    """Import the settings under ``env`` and print ``expression`` evaluated on them as JSON."""
    code = f"import json, claimtrack.settings as s; print(json.dumps({expression}))"
    return subprocess.run(
        [sys.executable, "-c", code],
        check=False,  # the tests read the exit code and stderr
        env={**clean_environment(), **REAL_SERVICES, **env},
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_wrong_boolean_is_an_error():
    result = settings_with({"DEBUG": "ture", "SECRET_KEY": "x"})

    assert result.returncode != 0
    assert "DEBUG='ture' is not a boolean" in result.stderr


def test_debug_off_without_a_secret_key_is_an_error():
    result = settings_with({"DEBUG": "false"})

    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_debug_off_with_a_secret_key_starts_with_that_key():
    result = settings_with({"DEBUG": "off", "SECRET_KEY": "from-the-env"}, "[s.DEBUG, s.SECRET_KEY]")

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [False, "from-the-env"]


def test_debug_on_without_a_secret_key_uses_the_development_key():
    result = settings_with({"DEBUG": "yes"}, "[s.DEBUG, s.SECRET_KEY.startswith('insecure-')]")

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [True, True]


def test_a_wrong_integer_is_an_error():
    result = settings_with({"SECRET_KEY": "x", "CONN_MAX_AGE": "a minute"})

    assert result.returncode != 0
    assert "CONN_MAX_AGE='a minute' is not an integer" in result.stderr


def test_a_database_other_than_postgres_is_an_error():
    result = settings_with({"SECRET_KEY": "x", "DATABASE_URL": "sqlite:///claims.db"})

    assert result.returncode != 0
    assert "ClaimTrack needs PostgreSQL" in result.stderr


def test_allowed_hosts_are_a_comma_separated_list():
    result = settings_with(
        {"SECRET_KEY": "x", "ALLOWED_HOSTS": "claims.example, api.claims.example"}, "s.ALLOWED_HOSTS"
    )

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == ["claims.example", "api.claims.example"]


def test_production_allows_no_host_unless_told():
    result = settings_with({"SECRET_KEY": "x"}, "s.ALLOWED_HOSTS")

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_a_wrong_throttle_rate_is_an_error():
    result = settings_with({"SECRET_KEY": "x", "CLAIMTRACK_ANON_RATE": "lots"})

    assert result.returncode != 0
    assert "CLAIMTRACK_ANON_RATE='lots' is not a rate" in result.stderr


def test_throttle_rates_come_from_the_environment():
    result = settings_with(
        {"SECRET_KEY": "x", "CLAIMTRACK_ANON_RATE": "10/second", "CLAIMTRACK_AUTH_FAILURE_RATE": "5/day"},
        "s.REST_FRAMEWORK['DEFAULT_THROTTLE_RATES']",
    )

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"anon": "10/second", "auth_failure": "5/day"}


def test_the_cache_is_the_brokers_redis_so_every_process_shares_it():
    result = settings_with({"SECRET_KEY": "x"}, "s.CACHES['default']")

    assert result.returncode == 0, result.stderr
    cache = json.loads(result.stdout)
    assert cache["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert cache["LOCATION"] == REAL_SERVICES["CELERY_BROKER_URL"]


def test_the_cache_reaches_an_embedded_redis_through_its_socket():
    result = settings_with(
        {"SECRET_KEY": "x", "CELERY_BROKER_URL": "redis+socket:///tmp/claimtrack/redis.sock"},
        "s.CACHES['default']['LOCATION']",
    )

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == "unix:///tmp/claimtrack/redis.sock"


def test_every_variable_the_settings_read_is_documented_in_the_readme():
    readme = (BASE_DIR / "README.md").read_text()
    assert _variables_read_by_the_settings() - set(re.findall(r"`([A-Z][A-Z0-9_]+)`", readme)) == set()

"""Settings for the test suite: the real PostgreSQL and Redis of this machine.

Tests talk to real services, never to mocks; these defaults point at the
ones CI and developer machines run on 127.0.0.1, and the environment can
override them.
"""
import os
import uuid

os.environ.setdefault("SECRET_KEY", "tests-only-not-secret")
os.environ.setdefault("HTTPS_ONLY", "false")  # the test client speaks plain http
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/claimtrack")
os.environ.setdefault("CELERY_BROKER_URL", "redis://127.0.0.1:6379/15")

from claimtrack.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast test users
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
# Tests serve static files through the finders; there is no collectstatic output.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
# The API throttles count per session: another run on the same Redis is not this one's traffic.
CACHES["default"]["KEY_PREFIX"] = f"claimtrack-test-{uuid.uuid4().hex[:12]}"  # noqa: F405
# Fetching: the tests' HTTP server is on 127.0.0.1; short timeouts and host turns keep them quick.
CLAIMTRACK_FETCH_PRIVATE_ADDRESSES = True
CLAIMTRACK_FETCH_TIMEOUT_SECONDS = 2
CLAIMTRACK_FETCH_DEADLINE_SECONDS = 10
CLAIMTRACK_FETCH_HOST_DELAY_MS = 20
# Nothing in the tests fetches from anywhere but the test's own server.
CLAIMTRACK_FETCH_HOSTS = ["127.0.0.1"]

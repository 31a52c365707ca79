"""The project's Celery app for a worker started as a subprocess by a test.

It listens on the test session's key prefix (see tests/conftest.py), so it
only ever sees that session's messages.
"""
import os

from claimtrack.celery import app

app.conf.broker_transport_options = {
    **(app.conf.broker_transport_options or {}),
    "global_keyprefix": os.environ["CLAIMTRACK_TEST_KEY_PREFIX"],
}

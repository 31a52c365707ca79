"""Domain events of the articles app.

``processing_requested`` says "these articles need (re)extraction". The
articles app (ingest, the admin's re-extract action) and the entities app (an
editor's alias or mention decision) send it; the pipeline, the layer above
every app, receives it and queues the work on commit. Lower layers thereby ask
for processing without importing the layer that does it.
"""
from django.dispatch import Signal

# Sent with ``article_ids`` (an iterable of primary keys) inside the caller's transaction.
processing_requested = Signal()

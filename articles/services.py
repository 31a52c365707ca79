"""Writes of the articles app: ingesting an article, its outlet, and processing in-process.

``article_ingest`` validates everything (through ``articles.readers``) before
it writes anything, stores each text once (the content hash is of the body
as stored), records the page furniture spans, and queues extraction only
once the transaction has committed, so a worker never looks for an article
that is not there yet.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.db import IntegrityError, transaction

from . import selectors
from .models import Article, Source
from .readers import SOURCE_MAX_CHARS, RejectedInput, read_article, valid_url

log = logging.getLogger(__name__)

ORIGINAL_NAME_MAX_CHARS = 500


@dataclass(frozen=True)
class IngestResult:
    article: Article
    created: bool  # False: the same text was already stored, and nothing changed


@transaction.atomic
def article_ingest(
    *,
    raw: bytes,
    name: str,
    source_name: str | None = None,
    fmt: str | None = None,
    url: str = "",
    enqueue: bool = True,
) -> IngestResult:
    """Store ``raw`` as one article (or find it already stored) and queue its processing.

    Raises ``RejectedInput`` with a one-line reason, before any write, when the
    input cannot be an article. ``source_name`` wins over the outlet named in
    the input (HTML site name, JSON "source"); ``url`` over the input's URL.
    """
    parsed = read_article(raw, name=name, fmt=fmt, max_bytes=settings.CLAIMTRACK_MAX_ARTICLE_BYTES)
    url = valid_url(url.strip()) if url.strip() else parsed.url
    outlet = _outlet_name(source_name) or parsed.source_name
    content_hash = body_hash(parsed.body)

    existing = selectors.article_by_hash(content_hash=content_hash)
    if existing is not None:
        return IngestResult(article=existing, created=False)

    source = source_get_or_create(name=outlet, domain=domain_of(url)) if outlet else None
    article, created = Article.objects.get_or_create(
        content_hash=content_hash,
        defaults={
            "source": source,
            "title": parsed.title,
            "url": url,
            "original_name": name[:ORIGINAL_NAME_MAX_CHARS],
            "format": parsed.format,
            "published": parsed.published,
            "body": parsed.body,
            "furniture": [[span.start, span.end] for span in parsed.furniture],
        },
    )
    if created and enqueue:
        transaction.on_commit(lambda: _process_enqueue(article.pk))
    return IngestResult(article=article, created=created)


def body_hash(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def domain_of(url: str) -> str:
    host = urlsplit(url).hostname if url else None
    return (host or "").removeprefix("www.")


def _outlet_name(name: str | None) -> str:
    name = (name or "").strip()
    if len(name) > SOURCE_MAX_CHARS:
        raise RejectedInput(f"source name longer than {SOURCE_MAX_CHARS} characters")
    return name


def _process_enqueue(article_id: int) -> None:
    # Imported here: the claims app imports the articles app, not the other way round.
    from claimtrack.tasks import article_process_task

    article_process_task.delay(article_id)


@transaction.atomic
def source_get_or_create(*, name: str, domain: str = "") -> Source:
    """The outlet called ``name`` in any capitalisation, created (with its domain) if new."""
    name = name.strip()
    source = selectors.source_by_name(name=name)
    if source is not None:
        if domain and not source.domain:
            Source.objects.filter(pk=source.pk).update(domain=domain)
            source.domain = domain
        return source
    try:
        # A savepoint: a concurrent ingest may create the same outlet first.
        with transaction.atomic():
            return Source.objects.create(name=name, domain=domain)
    except IntegrityError:
        return selectors.source_by_name(name=name)


def articles_process_inline(*, article_ids: Iterable[int]) -> dict[int, str]:
    """Extract these articles and recompute every dirty claim here, with no broker or worker.

    Returns the articles that failed, with the error (they are marked failed,
    as the worker would). Each article is processed in its own transaction.
    """
    from claimtrack import services as claims

    failed: dict[int, str] = {}
    with _tasks_in_process():
        for article_id in article_ids:
            try:
                claims.article_process(article_id=article_id)
            except Exception as error:  # noqa: BLE001 — one bad article must not stop the batch
                log.exception("article %s failed", article_id)
                failed[article_id] = f"{type(error).__name__}: {error}"
                claims.article_mark_failed(article_id=article_id, error=failed[article_id])
        claims.claims_recompute_dirty()
    return failed


@contextmanager
def _tasks_in_process() -> Iterator[None]:
    """Run any task queued meanwhile (article_process queues a recompute) eagerly, in this process."""
    from claimtrack.celery import app

    eager = app.conf.task_always_eager
    # Celery logs every eager task at INFO; here they are steps of one command, not news.
    trace_log = logging.getLogger("celery.app.trace")
    trace_level = trace_log.level
    app.conf.task_always_eager = True
    trace_log.setLevel(logging.WARNING)
    try:
        yield
    finally:
        app.conf.task_always_eager = eager
        trace_log.setLevel(trace_level)

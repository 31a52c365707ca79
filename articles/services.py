"""Writes of the articles app: ingesting an article, its outlet, and its processing state.

``article_ingest`` validates everything (through ``articles.readers``) before
it writes anything, stores each text once (the content hash is of the body
as stored), records the page furniture spans, and asks for its extraction
(``signals.processing_requested``); the pipeline queues it once the
transaction has committed, so a worker never looks for an article that is
not there yet.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.db import IntegrityError, transaction

from . import selectors, signals
from .datelines import read_dateline
from .models import Article, Source
from .syndication import article_syndicate
from .readers import (
    SOURCE_MAX_CHARS,
    RejectedInput,
    check_text_storable,
    read_article,
    valid_url,
)

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
    input cannot be an article (``articles.readers`` lists the reasons: not
    text, not storable, too large or too long, no story). ``source_name`` wins
    over the outlet named in the input (HTML site name, JSON "source"); ``url``
    over the input's URL. Atomic: a write that fails half-way leaves nothing.
    """
    parsed = read_article(
        raw,
        name=name,
        fmt=fmt,
        max_bytes=settings.CLAIMTRACK_MAX_ARTICLE_BYTES,
        max_chars=settings.CLAIMTRACK_MAX_ARTICLE_CHARS,
    )
    url = valid_url(url.strip()) if url.strip() else parsed.url
    # What the input says wins; a dateline "(Reuters) -", then the URL's domain, say what it does not.
    dateline = read_dateline(parsed.body)
    outlet = _outlet_name(source_name) or parsed.source_name or dateline.outlet or domain_of(url)
    published = parsed.published or dateline.published
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
            "published": published,
            "published_inferred": parsed.published is None and published is not None,
            "body": parsed.body,
            "furniture": [[span.start, span.end] for span in parsed.furniture],
        },
    )
    if created:
        # Before its extraction is queued: a wire copy counts with its group from the first count.
        article_syndicate(article=article)
    if created and enqueue:
        signals.processing_requested.send(sender=Article, article_ids=[article.pk])
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
    check_text_storable(name, what="source name")
    return name


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


def article_mark_failed(*, article_id: int, error: str) -> None:
    """The inline path's twin of the worker's: same rule (only a pending article fails), attempt counted."""
    Article.objects.filter(pk=article_id).mark_failed(error=error)

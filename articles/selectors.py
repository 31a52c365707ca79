"""Reads of the articles app: finding articles and outlets, and which still wait for processing."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import QuerySet

from .models import Article, Source


def article_by_hash(*, content_hash: str) -> Article | None:
    return Article.objects.select_related("source").filter(content_hash=content_hash).first()


def source_by_name(*, name: str) -> Source | None:
    """The outlet of that name whatever its capitalisation (the unique constraint is on Upper(name))."""
    return Source.objects.filter(name__iexact=name.strip()).first()


def articles_unprocessed(*, article_ids: Iterable[int]) -> QuerySet[Article]:
    """Those of the articles still waiting for extraction."""
    return Article.objects.pending().filter(pk__in=list(article_ids))


def articles_failed(*, article_ids: Iterable[int]) -> QuerySet[Article]:
    """Those of the articles whose extraction failed, with the error."""
    return Article.objects.filter(pk__in=list(article_ids), state=Article.State.FAILED).order_by(
        "pk"
    )

"""Reads that span the pipeline: whether a set of articles has gone all the way through."""
from __future__ import annotations

from collections.abc import Iterable

from articles import selectors as article_selectors
from claims.selectors import claims_dirty_for_articles


def articles_settled(*, article_ids: Iterable[int]) -> bool:
    """Every article extracted (or failed) and every claim it feeds recomputed."""
    ids = list(article_ids)
    return (
        not article_selectors.articles_unprocessed(article_ids=ids).exists()
        and not claims_dirty_for_articles(article_ids=ids).exists()
    )

"""Pages whose total, once it is large, is counted once a minute rather than on every request.

Here, in the lowest of the apps, because every list pages through it: articles,
entities and claims in the API, and the analyst's claim list.

Counting every claim a list matches is the one part of a page that grows with
the corpus: at 100k articles (400k claims) the claim list's count took 150 ms,
a hundred times its page of 50 rows (README, issue 11). A count of at least
``CLAIMTRACK_COUNT_CACHE_FROM`` is kept in the cache for
``CLAIMTRACK_COUNT_CACHE_SECONDS``, keyed by the exact query, so a large total
may lag the table by that long while the rows shown are always current. Small
counts, which cost little, are always exact. Without the cache the count is
simply made.
"""
from __future__ import annotations

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.utils.functional import cached_property
from rest_framework.pagination import PageNumberPagination

log = logging.getLogger(__name__)


class CountCachingPaginator(Paginator):
    counted_from_cache = False

    @cached_property
    def count(self) -> int:
        if getattr(self.object_list, "count_is_known", False):
            # Its count costs no query (a ranked search's candidates): no key to build either.
            return self.object_list.count()
        key = _count_key(self.object_list)
        cached = cache_get(key) if key else None
        if cached is not None:
            self.counted_from_cache = True
            return cached
        count = self.object_list.count() if hasattr(self.object_list, "query") else len(self.object_list)
        if key and count >= settings.CLAIMTRACK_COUNT_CACHE_FROM:
            cache_set(key, count)
        return count

    def page(self, number):
        """Django's page, but a kept total never cuts the last page short: its rows are the
        table's own, however many the total said there were a minute ago."""
        number = self.validate_number(number)  # counts, or reads the kept total
        if not self.counted_from_cache:
            return super().page(number)
        bottom = (number - 1) * self.per_page
        return self._get_page(self.object_list[bottom:bottom + self.per_page + self.orphans], number, self)


class CountCachingPagination(PageNumberPagination):
    """The API's page-number pagination, with the large totals kept a minute."""

    django_paginator_class = CountCachingPaginator


def _count_key(object_list) -> str | None:
    return query_key("page-count", object_list) if hasattr(object_list, "query") else None


def query_key(prefix: str, queryset) -> str:
    """A cache key for what ``queryset`` reads: its SQL and parameters."""
    sql, params = queryset.query.sql_with_params()
    return f"{prefix}:" + hashlib.sha256(repr((sql, params)).encode()).hexdigest()


def cache_get(key: str):
    """What the cache keeps under ``key``, or None, also when the cache is away."""
    try:
        return cache.get(key)
    except Exception as error:  # noqa: BLE001 — a page must not fail because the cache is away
        log.warning("%s not read from the cache (%s); counting", key.split(":")[0], error)
        return None


def cache_set(key: str, value) -> None:
    """Keep ``value`` for ``CLAIMTRACK_COUNT_CACHE_SECONDS``, unless the cache is away."""
    try:
        cache.set(key, value, timeout=settings.CLAIMTRACK_COUNT_CACHE_SECONDS)
    except Exception as error:  # noqa: BLE001
        log.warning("%s not kept in the cache (%s)", key.split(":")[0], error)

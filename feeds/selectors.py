"""Reads of the feeds app."""
from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet

from .models import Feed, FetchedPage


def feeds_due(*, now: dt.datetime, limit: int) -> list[int]:
    """Ids of the enabled feeds due for a poll, longest overdue first, at most ``limit``."""
    return list(Feed.objects.due(now=now).order_by("next_poll", "pk").values_list("pk", flat=True)[:limit])


def pages_rejected(*, feed: Feed) -> QuerySet[FetchedPage]:
    return feed.pages.filter(state=FetchedPage.State.REJECTED)

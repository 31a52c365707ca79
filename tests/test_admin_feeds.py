"""The feeds admin: each feed's health at a glance, every page's fate with its reason."""
from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from feeds.models import Feed, FetchedPage
from tests.factories import SourceFactory

pytestmark = pytest.mark.django_db


def _feeds(count: int, first: int = 0) -> list[Feed]:
    feeds = []
    for n in range(first, first + count):
        feed = Feed.objects.create(source=SourceFactory(), url=f"https://news{n}.example/rss.xml",
                                   consecutive_failures=n % 2, last_error="HTTP 503 from the server" if n % 2 else "")
        FetchedPage.objects.create(feed=feed, url=f"https://news{n}.example/a.html", state="rejected",
                                   reason="not a web page: content type application/pdf")
        feeds.append(feed)
    return feeds


def test_the_feed_list_shows_each_feeds_state_and_last_error(admin_client):
    _feeds(2)

    page = admin_client.get(reverse("admin:feeds_feed_changelist")).content.decode()

    assert "failing (1 in a row)" in page
    assert "HTTP 503 from the server" in page
    assert "0 stored, 1 rejected, 0 waiting" in page


def test_the_feed_list_costs_the_same_queries_for_one_feed_or_many(admin_client):
    url = reverse("admin:feeds_feed_changelist")
    _feeds(1)
    admin_client.get(url)  # session and content types warmed up
    with CaptureQueriesContext(connection) as one:
        admin_client.get(url)
    _feeds(6, first=1)
    with CaptureQueriesContext(connection) as many:
        admin_client.get(url)

    assert len(many) == len(one)


def test_the_page_list_shows_why_a_page_was_rejected(admin_client):
    feed = _feeds(1)[0]

    page = admin_client.get(reverse("admin:feeds_fetchedpage_changelist"), {"feed__id__exact": feed.pk})

    assert "not a web page: content type application/pdf" in page.content.decode()


def test_poll_now_makes_the_feed_due(admin_client, django_capture_on_commit_callbacks):
    feed = _feeds(1)[0]
    Feed.objects.filter(pk=feed.pk).update(next_poll=timezone.now() + timezone.timedelta(days=1))

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        admin_client.post(reverse("admin:feeds_feed_changelist"),
                          {"action": "poll_now", "_selected_action": [feed.pk]})

    feed.refresh_from_db()
    assert feed.next_poll <= timezone.now()
    assert len(callbacks) == 1  # the poll is queued once the new time is committed

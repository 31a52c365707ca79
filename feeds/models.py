"""Live sources: feeds and list pages polled on a schedule, and what became of each page they listed.

A ``Feed`` belongs to an outlet (``articles.Source``) and carries its own
schedule and health: when it is next due, its conditional-request validators
(ETag, Last-Modified), its last success and last error, and how many polls in
a row failed (which spaces its next poll out). A ``FetchedPage`` is one URL a
feed listed, kept whatever happened to it, so a page is fetched once and a
rejected page shows its reason in the admin. ``HostTurn`` spaces requests to
one host across every worker process.
"""
from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils import timezone

from articles.models import Article, Source


class FeedQuerySet(models.QuerySet):
    def due(self, *, now: dt.datetime):
        """Enabled feeds whose next poll time has come."""
        return self.filter(enabled=True, next_poll__lte=now)


class Feed(models.Model):
    class Kind(models.TextChoices):
        RSS = "rss", "RSS feed"
        ATOM = "atom", "Atom feed"
        PAGE = "page", "List page (links to articles)"

    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="feeds",
                               help_text="The outlet whose articles the feed lists.")
    url = models.URLField(max_length=2000, unique=True)
    kind = models.CharField(max_length=4, choices=Kind.choices, default=Kind.RSS)
    enabled = models.BooleanField(default=True)
    poll_seconds = models.PositiveIntegerField(
        default=900, help_text="Seconds between polls while it works; failures space polls out, doubling each time."
    )
    etag = models.CharField(max_length=500, blank=True, editable=False)
    last_modified = models.CharField(max_length=100, blank=True, editable=False)
    next_poll = models.DateTimeField(default=timezone.now, help_text="When beat polls it next.")
    last_polled = models.DateTimeField(null=True, blank=True, editable=False)
    last_success = models.DateTimeField(null=True, blank=True, editable=False)
    last_error = models.TextField(blank=True, editable=False)
    consecutive_failures = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = FeedQuerySet.as_manager()

    class Meta:
        ordering = ["source__name", "url"]
        indexes = [
            # Beat's sweep: enabled feeds by next poll time.
            models.Index(fields=["next_poll"], condition=models.Q(enabled=True), name="feed_due_idx"),
        ]

    def __str__(self) -> str:
        return self.url

    @property
    def state(self) -> str:
        if not self.enabled:
            return "disabled"
        if self.consecutive_failures:
            return f"failing ({self.consecutive_failures} in a row)"
        return "ok" if self.last_success else "not polled yet"


class FetchedPage(models.Model):
    """One URL a feed listed, and what became of it."""

    class State(models.TextChoices):
        PENDING = "pending", "Waiting to be fetched"
        STORED = "stored", "Stored as a new article"
        PRESENT = "present", "Already stored"
        REJECTED = "rejected", "Rejected"

    feed = models.ForeignKey(Feed, on_delete=models.CASCADE, related_name="pages")
    url = models.URLField(max_length=2000, unique=True, help_text="As the feed listed it: fetched once.")
    state = models.CharField(max_length=8, choices=State.choices, default=State.PENDING)
    reason = models.TextField(blank=True, help_text="Why it was rejected, or why the last try failed.")
    article = models.ForeignKey(Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    attempts = models.PositiveSmallIntegerField(default=0)
    first_seen = models.DateTimeField(auto_now_add=True)
    last_tried = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-first_seen", "-pk"]
        indexes = [
            # A poll fetches its feed's pending pages, oldest first.
            models.Index(fields=["feed", "state", "first_seen"], name="fetchedpage_feed_state_idx"),
        ]

    def __str__(self) -> str:
        return self.url


class HostTurn(models.Model):
    """The earliest time the next request to ``host`` may go, shared by every worker."""

    host = models.CharField(max_length=253, primary_key=True)
    next_at = models.DateTimeField()

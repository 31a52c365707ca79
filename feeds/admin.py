"""Admin for feeds: add one for an outlet and beat polls it; see each feed's health and every page's fate.

The feed list shows whether each feed works, when it last did, why it last
failed and when it is polled next; a feed's page lists every URL it gave,
with the reason any was rejected.
"""
from __future__ import annotations

from django.contrib import admin, messages
from django.db import transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.http import urlencode

from .models import Feed, FetchedPage
from .tasks import feed_poll_task


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    list_display = [
        "url", "source", "kind", "enabled", "state", "last_success", "consecutive_failures",
        "short_error", "next_poll", "page_counts",
    ]
    list_filter = ["enabled", "kind", "source"]
    list_select_related = ["source"]
    search_fields = ["url", "source__name"]
    autocomplete_fields = ["source"]
    readonly_fields = [
        "state", "last_polled", "last_success", "last_error", "consecutive_failures", "etag", "last_modified",
        "page_counts",
    ]
    fieldsets = [
        (None, {"fields": ["source", "url", "kind", "enabled", "poll_seconds", "next_poll"]}),
        ("Health", {"fields": ["state", "last_polled", "last_success", "consecutive_failures", "last_error",
                               "page_counts", "etag", "last_modified"]}),
    ]
    actions = ["poll_now"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(
            stored_total=Count("pages", filter=Q(pages__state=FetchedPage.State.STORED)),
            rejected_total=Count("pages", filter=Q(pages__state=FetchedPage.State.REJECTED)),
            pending_total=Count("pages", filter=Q(pages__state=FetchedPage.State.PENDING)),
        )

    @admin.display(description="last error")
    def short_error(self, feed: Feed) -> str:
        return feed.last_error[:120]

    @admin.display(description="pages")
    def page_counts(self, feed: Feed) -> str:
        if feed.pk is None:
            return "-"
        pages = reverse("admin:feeds_fetchedpage_changelist")
        return format_html(
            '<a href="{}?{}">{} stored, {} rejected, {} waiting</a>',
            pages, urlencode({"feed__id__exact": feed.pk}),
            getattr(feed, "stored_total", 0), getattr(feed, "rejected_total", 0), getattr(feed, "pending_total", 0),
        )

    @admin.action(description="Poll the selected feeds now")
    def poll_now(self, request, queryset) -> None:
        ids = list(queryset.filter(enabled=True).values_list("pk", flat=True))
        queryset.filter(pk__in=ids).update(next_poll=timezone.now())
        # Sent once the new poll time is committed, or the poll would find the feed not due.
        transaction.on_commit(lambda: [feed_poll_task.delay(pk) for pk in ids])
        self.message_user(request, f"{len(ids)} feed(s) queued for polling.", messages.SUCCESS)


@admin.register(FetchedPage)
class FetchedPageAdmin(admin.ModelAdmin):
    """Every page a feed listed: stored, already there, waiting, or rejected with its reason."""

    list_display = ["url", "feed", "state", "reason", "attempts", "article_link", "first_seen", "last_tried"]
    list_filter = ["state", "feed"]
    list_select_related = ["feed", "article"]
    search_fields = ["url", "reason"]
    readonly_fields = ["feed", "url", "state", "reason", "article", "attempts", "first_seen", "last_tried"]

    def has_add_permission(self, request) -> bool:
        return False  # pages come from feeds

    @admin.display(description="article")
    def article_link(self, page: FetchedPage) -> str:
        if page.article_id is None:
            return "-"
        return format_html(
            '<a href="{}">{}</a>', reverse("admin:articles_article_change", args=[page.article_id]), page.article
        )

"""Admin for outlets and articles. Articles are read as ingested; an editor can
fix their metadata, queue them for re-extraction or withdraw them, not rewrite
their text.

Withdrawing is how an article leaves the counts: it keeps its extractions and
every editor decision about them, and re-extracting it brings it back. Deleting
is for taking a text down for good; the claims it backed are recounted either
way (``claims.receivers``).
"""
from __future__ import annotations

from django.contrib import admin, messages
from django.db import transaction
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from .models import Article, Source, corpus_write_lock
from .signals import processing_requested


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "domain", "kind", "country", "article_count"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "domain", "country"]
    # What analysts see of an outlet on a claim page: editors keep it right.
    fields = ["name", "domain", "kind", "country", "note"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_total=Count("articles"))

    @admin.display(description="articles", ordering="article_total")
    def article_count(self, source: Source) -> int:
        return source.article_total


@admin.register(Article)
class ArticleAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "source", "published", "state", "attempts", "original_name", "ingested_at"]
    list_filter = ["state", "format", "source"]
    list_select_related = ["source"]
    search_fields = ["title", "original_name", "url", "content_hash"]
    date_hierarchy = "published"
    autocomplete_fields = ["source"]
    readonly_fields = [
        "site_link", "format", "body", "furniture", "content_hash", "state", "error", "attempts",
        "extractor_version", "ingested_at", "queued_at", "processed_at",
    ]
    fieldsets = [
        (None, {"fields": ["title", "source", "published", "url", "original_name", "site_link"]}),
        (
            "Processing",
            {"fields": ["state", "error", "attempts", "extractor_version", "ingested_at", "queued_at", "processed_at"]},
        ),
        ("Text as ingested", {"classes": ["collapse"], "fields": ["format", "content_hash", "furniture", "body"]}),
    ]
    actions = ["withdraw", "restore", "reprocess"]

    @admin.display(description="analyst page")
    def site_link(self, article: Article) -> str:
        if not article.pk:
            return "—"
        return format_html('<a href="{}">{}</a>', reverse("article-detail", args=[article.pk]), "View the article page")

    def save_model(self, request, obj: Article, form, change: bool) -> None:
        # A changed outlet or date changes the figures of the claims the article
        # backs, which are marked dirty on save: the corpus write lock comes first.
        corpus_write_lock()
        super().save_model(request, obj, form, change)

    @admin.action(description="Withdraw selected articles (they stop counting; decisions are kept)")
    def withdraw(self, request, queryset) -> None:
        withdrawn = queryset.withdraw()
        self.message_user(
            request,
            f"Withdrew {len(withdrawn)} article(s); the claims they backed are being recounted.",
            messages.SUCCESS,
        )

    @admin.action(description="Restore selected withdrawn articles")
    @transaction.atomic
    def restore(self, request, queryset) -> None:
        restored = queryset.restore()
        processing_requested.send(sender=Article, article_ids=restored)
        self.message_user(request, f"Restored {len(restored)} article(s), queued for re-extraction.", messages.SUCCESS)

    @admin.action(description="Re-extract selected articles")
    def reprocess(self, request, queryset) -> None:
        ids = list(queryset.values_list("pk", flat=True))
        processing_requested.send(sender=Article, article_ids=ids)
        self.message_user(request, f"{len(ids)} article(s) queued for re-extraction.", messages.SUCCESS)

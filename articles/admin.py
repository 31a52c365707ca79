"""Admin for outlets and articles. Articles are read as ingested; an editor can
fix their metadata or queue them for re-extraction, not rewrite their text."""
from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html

from .models import Article, Source
from .signals import processing_requested


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "domain", "kind", "article_count"]
    list_filter = ["kind"]
    search_fields = ["name", "domain"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_total=Count("articles"))

    @admin.display(description="articles", ordering="article_total")
    def article_count(self, source: Source) -> int:
        return source.article_total


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["__str__", "source", "published", "state", "original_name", "ingested_at"]
    list_filter = ["state", "format", "source"]
    list_select_related = ["source"]
    search_fields = ["title", "original_name", "url", "content_hash"]
    date_hierarchy = "published"
    autocomplete_fields = ["source"]
    readonly_fields = [
        "site_link", "format", "body", "furniture", "content_hash", "state", "error",
        "extractor_version", "ingested_at", "processed_at",
    ]
    fieldsets = [
        (None, {"fields": ["title", "source", "published", "url", "original_name", "site_link"]}),
        ("Processing", {"fields": ["state", "error", "extractor_version", "ingested_at", "processed_at"]}),
        ("Text as ingested", {"classes": ["collapse"], "fields": ["format", "content_hash", "furniture", "body"]}),
    ]
    actions = ["reprocess"]

    @admin.display(description="analyst page")
    def site_link(self, article: Article) -> str:
        if not article.pk:
            return "—"
        return format_html('<a href="{}">{}</a>', reverse("article-detail", args=[article.pk]), "View the article page")

    @admin.action(description="Re-extract selected articles")
    def reprocess(self, request, queryset) -> None:
        ids = list(queryset.values_list("pk", flat=True))
        processing_requested.send(sender=Article, article_ids=ids)
        self.message_user(request, f"{len(ids)} article(s) queued for re-extraction.", messages.SUCCESS)

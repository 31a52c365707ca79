"""REST API for articles: /api/articles/ (metadata) and /api/articles/{id}/ (with body)."""
from __future__ import annotations

from rest_framework import serializers, viewsets

from .models import Article, Source


class SourceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Source
        fields = ["id", "name", "domain", "kind"]


class ArticleSerializer(serializers.ModelSerializer):
    source = SourceSerializer(allow_null=True, read_only=True)

    class Meta:
        model = Article
        fields = [
            "id", "source", "title", "url", "original_name", "format", "published",
            "state", "error", "content_hash", "ingested_at", "processed_at",
        ]


class ArticleDetailSerializer(ArticleSerializer):
    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "body", "furniture", "extractor_version"]


class ArticleViewSet(viewsets.ReadOnlyModelViewSet):
    """Ingested articles; the list leaves out the body, the detail has it."""

    filterset_fields = ["state", "source", "format", "published"]
    search_fields = ["title", "original_name", "url"]
    ordering_fields = ["published", "ingested_at", "id"]

    def get_queryset(self):
        articles = Article.objects.select_related("source")
        if self.action == "list":
            # The body can be megabytes; the list never shows it.
            articles = articles.defer("body", "furniture")
        return articles

    def get_serializer_class(self):
        return ArticleDetailSerializer if self.action == "retrieve" else ArticleSerializer

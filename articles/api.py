"""REST API for articles: /api/articles/ (metadata) and /api/articles/{id}/ (with body)."""
from __future__ import annotations

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from .models import Article, Source
from .readers import RejectedInput
from .services import article_ingest


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


class ArticleIngestSerializer(serializers.Serializer):
    """What a script posts: the JSON article format of ``manage.py ingest``."""

    body = serializers.CharField(help_text="The article text (or use `text`).")
    title = serializers.CharField(required=False)
    published = serializers.CharField(required=False, help_text="YYYY-MM-DD or an ISO timestamp.")
    url = serializers.URLField(required=False)
    source = serializers.CharField(required=False, help_text="The outlet's name.")


class ArticleViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Ingested articles; the list leaves out the body, the detail has it.

    POST ingests one article as JSON (signed-in users only): 201 when it is
    new, 200 when the same text was already there, 400 with the reason when
    it cannot be an article. Extraction is queued once it is stored.
    """

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

    @extend_schema(
        request=ArticleIngestSerializer,
        responses={201: ArticleDetailSerializer, 200: ArticleDetailSerializer},
        examples=[OpenApiExample("article", value={"title": "…", "body": "…", "published": "2025-01-31",
                                                   "url": "https://news.example/story", "source": "Example News"})],
    )
    def create(self, request, *args, **kwargs):
        try:
            result = article_ingest(raw=request.body, name=request.data.get("url", "") or "api", fmt="json")
        except RejectedInput as error:
            raise ValidationError({"detail": str(error)}) from None
        code = status.HTTP_201_CREATED if result.created else status.HTTP_200_OK
        return Response(ArticleDetailSerializer(result.article).data, status=code)

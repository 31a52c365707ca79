"""REST API for articles: /api/articles/ (metadata) and /api/articles/{id}/ (with body).

POST ingests an article, for users with the ``articles.add_article``
permission. Whatever the body, the answer is JSON: a 400 with the reason for
anything that is not a JSON object an article can be stored from (checked
here, before ``article_ingest`` writes anything), a 413 for a body over the
size limit (``claimtrack.api_policy``).
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.exceptions import ParseError, ValidationError
from rest_framework.parsers import JSONParser
from rest_framework.permissions import DjangoModelPermissionsOrAnonReadOnly
from rest_framework.response import Response

from .fetching import fetch, format_of
from .models import Article, Source
from .readers import RejectedInput
from .services import article_ingest


class SourceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Source
        fields = ["id", "name", "domain", "kind", "country", "note"]


class ArticleSerializer(serializers.ModelSerializer):
    source = SourceSerializer(allow_null=True, read_only=True)

    class Meta:
        model = Article
        fields = [
            "id", "source", "title", "url", "original_name", "format", "published", "published_inferred",
            "state", "error", "attempts", "content_hash", "reprint_of", "ingested_at", "processed_at",
        ]


class ArticleDetailSerializer(ArticleSerializer):
    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "body", "furniture", "extractor_version"]


class ArticleIngestSerializer(serializers.Serializer):
    """What a script posts: the JSON article format of ``manage.py ingest``."""

    body = serializers.CharField(
        required=False, help_text="The article text (or use `text`). Without it, the page at `url` is fetched."
    )
    title = serializers.CharField(required=False)
    published = serializers.CharField(required=False, help_text="YYYY-MM-DD or an ISO timestamp.")
    url = serializers.URLField(required=False)
    source = serializers.CharField(required=False, help_text="The outlet's name.")


# A UTF-16 surrogate on its own: JSON's "\ud800" escape decodes to one, and
# no UTF-8 text (so no PostgreSQL text column) can hold it.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
JSON_TYPE_NAMES = {list: "an array", str: "a string", int: "a number", float: "a number",
                   bool: "a boolean", type(None): "null"}


class ArticleJSONParser(JSONParser):
    """DRF's JSON parser, with nesting too deep for Python's parser a 400 instead of a 500."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError("JSON parse error - nested too deeply") from None


def check_ingest_document(data: object) -> None:
    """Raise ``RejectedInput`` unless ``data`` is a JSON object whose text PostgreSQL can store.

    ``article_ingest`` reads the fields it knows; this refuses, before it runs,
    what would fail only in the database: NUL characters and lone surrogates.
    """
    if not isinstance(data, dict):
        raise RejectedInput(f"JSON must be an object, not {JSON_TYPE_NAMES.get(type(data), 'that')}")
    for text in strings_in(data):
        if "\x00" in text:
            raise RejectedInput("JSON text holds a NUL character (\\u0000), which cannot be stored")
        if LONE_SURROGATE.search(text):
            raise RejectedInput("JSON text holds a lone surrogate (\\ud800-\\udfff): not valid Unicode")


def strings_in(data: object) -> Iterator[str]:
    """Every key and string value in a parsed JSON document, at any depth.

    A loop with a stack, not recursion: the parser accepts documents nested
    nearly as deep as Python's recursion limit, and this runs deeper in the stack.
    """
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def _has_text(data: dict) -> bool:
    return any(data.get(key) not in (None, "") for key in ("body", "text"))


def _page_ingest(*, url: str, source: object):
    """Fetch the page at ``url`` as the feeds do (``articles.fetching``) and ingest it."""
    fetched = fetch(url)
    return article_ingest(
        raw=fetched.body, name=url, source_name=source if isinstance(source, str) else None,
        fmt=format_of(fetched.content_type), url=fetched.url,
    )


class ArticleViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Ingested articles; the list leaves out the body, the detail has it.

    POST ingests one article as JSON (users with the ``articles.add_article``
    permission only): 201 when it is new, 200 when the same text was already
    there, 400 with the reason when it cannot be an article. Extraction is
    queued once it is stored.
    """

    # Anyone reads; ingesting is the model permission "Can add article",
    # which an admin grants to a user or a group (editors, a script's user).
    permission_classes = [DjangoModelPermissionsOrAnonReadOnly]
    parser_classes = [ArticleJSONParser]
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
                                                   "url": "https://news.example/story", "source": "Example News"},
                                   request_only=True)],
    )
    def create(self, request, *args, **kwargs):
        # The raw body first: it is what is stored, and once DRF has parsed
        # the stream Django no longer gives it. Over the size limit this
        # raises RequestDataTooBig, answered 413.
        raw = request.body
        try:
            check_ingest_document(request.data)
            url = request.data.get("url")
            name = url if isinstance(url, str) and url.strip() else "api"
            if name != "api" and not _has_text(request.data):
                result = _page_ingest(url=name.strip(), source=request.data.get("source"))
            else:
                result = article_ingest(raw=raw, name=name, fmt="json")
        except RejectedInput as error:
            raise ValidationError({"detail": str(error)}) from None
        code = status.HTTP_201_CREATED if result.created else status.HTTP_200_OK
        return Response(ArticleDetailSerializer(result.article).data, status=code)

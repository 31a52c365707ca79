"""REST API for claims and extractions, and the router that gathers every
read-only endpoint under /api/ (claims, extractions, entities, articles)."""
from __future__ import annotations

import django_filters
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import routers, viewsets
from rest_framework.filters import OrderingFilter
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.settings import api_settings

from articles.api import ArticleViewSet
from entities.api import EntityViewSet

from . import selectors
from .filters import ClaimApiFilter, names_a_filter
from .models import NEWEST_ORDER, Claim, Extraction
from .serializers import (
    ClaimCSVRenderer, ClaimDetailSerializer, ClaimSerializer, ExtractionSerializer, claim_list_data,
)


class StableOrderingFilter(OrderingFilter):
    """``?ordering=`` with the id as the last key, so that rows tied on the asked key keep
    one order and no row is on two pages (or none).

    ``?ordering=-last_seen`` alone is the claim list's "newest" sort (undated claims
    last, ties by corroboration), which an index holds: the page reads 50 index
    entries instead of sorting every claim.
    """

    def get_ordering(self, request, queryset, view):
        ordering = super().get_ordering(request, queryset, view)
        if ordering == ["-last_seen"]:
            return list(NEWEST_ORDER)
        if ordering and not any(key.lstrip("-") in ("id", "pk") for key in ordering):
            ordering = [*ordering, "id"]
        return ordering


class ClaimFilterBackend(DjangoFilterBackend):
    """django-filter's backend, which builds no filterset when the query string names none
    of its filters: the filterset would leave the list as it is (``filters.names_a_filter``)."""

    def filter_queryset(self, request, queryset, view):
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is not None and not names_a_filter(filterset_class, request.query_params):
            return queryset
        return super().filter_queryset(request, queryset, view)


class ClaimViewSet(viewsets.ReadOnlyModelViewSet):
    """Claims with their corroboration figures; the detail adds every piece of evidence."""

    filterset_class = ClaimApiFilter
    # ``?search=`` is the full-text search of ``ClaimApiFilter`` (ranked), not DRF's icontains.
    filter_backends = [ClaimFilterBackend, StableOrderingFilter]
    renderer_classes = [*api_settings.DEFAULT_RENDERER_CLASSES, ClaimCSVRenderer]
    ordering_fields = [
        "origin_count", "article_count", "outlet_count", "first_seen", "last_seen", "id",
    ]

    def get_queryset(self):
        if self.action == "retrieve":
            # A withdrawn claim is left out of lists, but its address still answers.
            return selectors.claim_for_api()
        return selectors.claim_list()

    def list(self, request, *args, **kwargs):
        # ``ClaimSerializer``'s shape (and the schema's), from dictionaries: see ``claim_list_data``.
        rows = selectors.claim_rows(self.filter_queryset(self.get_queryset()))
        page = self.paginate_queryset(rows)
        if page is None:
            return Response(claim_list_data(rows))
        return self.get_paginated_response(claim_list_data(page))

    def finalize_response(self, request, response, *args, **kwargs):
        # An error is JSON whatever format was asked for: a CSV of a 400 would say nothing.
        if response.status_code >= 400 and isinstance(getattr(request, "accepted_renderer", None), ClaimCSVRenderer):
            request.accepted_renderer, request.accepted_media_type = JSONRenderer(), JSONRenderer.media_type
        return super().finalize_response(request, response, *args, **kwargs)

    def get_renderers(self):
        # CSV is for the list (``?format=csv``); a claim's evidence does not flatten into one row.
        renderers = super().get_renderers()
        if self.action == "retrieve":
            return [r for r in renderers if not isinstance(r, ClaimCSVRenderer)]
        return renderers

    def get_serializer_class(self):
        return ClaimDetailSerializer if self.action == "retrieve" else ClaimSerializer


class ExtractionFilter(django_filters.FilterSet):
    class Meta:
        model = Extraction
        fields = ["article", "kind", "stance", "actor", "target", "rejected", "made_by"]


class ExtractionViewSet(viewsets.ReadOnlyModelViewSet):
    """What the machine found in each article, with character offsets into its body."""

    serializer_class = ExtractionSerializer
    filterset_class = ExtractionFilter
    search_fields = ["content", "sentence", "actor_text"]
    ordering_fields = ["article", "sentence_start", "id"]

    def get_queryset(self):
        return selectors.extraction_list().order_by("article", "sentence_start", "pk")


router = routers.DefaultRouter()
router.register("claims", ClaimViewSet, basename="claim")
router.register("extractions", ExtractionViewSet, basename="extraction")
router.register("entities", EntityViewSet, basename="entity")
router.register("articles", ArticleViewSet, basename="article")

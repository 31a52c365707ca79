"""REST API for claims and extractions, and the router that gathers every
read-only endpoint under /api/ (claims, extractions, entities, articles)."""
from __future__ import annotations

import django_filters
from rest_framework import routers, viewsets

from articles.api import ArticleViewSet
from entities.api import EntityViewSet

from . import selectors
from .models import Claim, Extraction
from .serializers import ClaimDetailSerializer, ClaimSerializer, ExtractionSerializer


class ClaimFilter(django_filters.FilterSet):
    min_origins = django_filters.NumberFilter(
        field_name="origin_count", lookup_expr="gte", label="At least this many independent origins"
    )
    dirty = django_filters.BooleanFilter(label="Figures being recomputed")

    class Meta:
        model = Claim
        fields = ["kind", "status", "actor", "target", "about"]


class ClaimViewSet(viewsets.ReadOnlyModelViewSet):
    """Claims with their corroboration figures; the detail adds every piece of evidence."""

    filterset_class = ClaimFilter
    search_fields = ["summary"]
    ordering_fields = [
        "origin_count", "article_count", "outlet_count", "first_seen", "last_seen", "id",
    ]

    def get_queryset(self):
        claims = selectors.claim_list()
        if self.action == "retrieve":
            claims = claims.prefetch_related("contradicts")
        return claims

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

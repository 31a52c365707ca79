"""REST API for actors: /api/entities/ with their aliases and where merged ones went."""
from __future__ import annotations

import django_filters
from rest_framework import serializers, viewsets

from .models import Alias, Entity
from .selectors import entity_list


class AliasSerializer(serializers.ModelSerializer):
    class Meta:
        model = Alias
        fields = ["surface", "normalised", "made_by", "blocked"]


class EntitySerializer(serializers.ModelSerializer):
    aliases = AliasSerializer(many=True, read_only=True)

    class Meta:
        model = Entity
        fields = ["id", "name", "kind", "merged_into", "represents", "locked", "aliases"]


class EntityFilter(django_filters.FilterSet):
    canonical = django_filters.BooleanFilter(
        field_name="merged_into", lookup_expr="isnull", label="Only entities not merged into another"
    )

    class Meta:
        model = Entity
        fields = ["kind", "merged_into", "represents", "locked"]


class EntityViewSet(viewsets.ReadOnlyModelViewSet):
    """Actors (people, organisations, states, places) with their aliases."""

    serializer_class = EntitySerializer
    filterset_class = EntityFilter
    search_fields = ["name", "aliases__surface"]
    ordering_fields = ["name", "id", "kind"]

    def get_queryset(self):
        return entity_list()

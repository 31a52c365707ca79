"""Reads for actors: entity lists and pages with their aliases, in a fixed number of queries."""
from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet

from .models import Alias, Entity


def _aliases_in_order() -> Prefetch:
    return Prefetch("aliases", queryset=Alias.objects.order_by("blocked", "surface"))


def entity_list() -> QuerySet[Entity]:
    """Every entity (merged ones too, with where they went) and its aliases."""
    return (
        Entity.objects.select_related("merged_into", "represents")
        .prefetch_related(_aliases_in_order())
        .order_by("name", "pk")
    )


def entity_detail(*, entity_id: int) -> Entity:
    """One entity with its aliases and mention count; raises DoesNotExist."""
    return (
        entity_list()
        .annotate(mention_count=Count("mentions", filter=Q(mentions__rejected=False), distinct=True))
        .get(pk=entity_id)
    )

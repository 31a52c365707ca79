"""What the claim list can be narrowed and sorted by: the analyst's list, its export and the API.

One FilterSet (django-filter) reads the query string, so a filtered list is
a URL that can be shared, exported and bookmarked. Every filter is a
condition on the claim row or an ``EXISTS`` over its live evidence: the
list costs the same queries whatever it is filtered by.

Full-text search reads ``Claim.search_document`` (summary, the actors' names
and aliases, the evidence sentences; built by ``claims.corroboration``),
through its GIN index, and ranks the best-corroborated of what it finds
(``SEARCH_RANKED``).
"""
from __future__ import annotations

import django_filters
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from rest_framework.settings import api_settings

from articles.pagination import cache_get, cache_set, query_key
from entities.models import Entity

from .corroboration import SUPPORT, live_evidence
from .models import CORROBORATION_ORDER, NEWEST_ORDER, SEARCH_CONFIG, Claim, Kind, Stance

# Statuses an analyst can list: a withdrawn claim is kept for editors, not shown.
LISTED_STATUSES = [(value, label) for value, label in Claim.Status.choices if value != Claim.Status.WITHDRAWN]

# The list's sort orders; each ends with the primary key so pages never overlap.
SORTS = {
    "corroboration": ("Best corroborated", list(CORROBORATION_ORDER)),
    "articles": ("Most articles", ["-article_count", "-origin_count", "pk"]),
    "outlets": ("Most outlets", ["-outlet_count", "-origin_count", "pk"]),
    "newest": ("Last seen, newest first", list(NEWEST_ORDER)),
    "oldest": ("First seen, oldest first", [F("first_seen").asc(nulls_last=True), "-origin_count", "pk"]),
}
RELEVANCE = ["-rank", "-origin_count", "-article_count", "pk"]
# A search ranks this many of its matches at most, the best corroborated (the list's own
# order): ranking reads every ranked claim's search document, and a common word matched
# 20,000 claims at 100k articles, 1.2-2.6 s a request (issue 11). A search that matches
# more lists these, most relevant first; narrowing it or sorting it reaches the others.
SEARCH_RANKED = 500


def full_text(claims: QuerySet[Claim], _name: str, value: str) -> QuerySet[Claim]:
    """Claims whose search document matches ``value`` (web-search syntax), unranked."""
    return claims.filter(search_document=_search_query(value))


def ranked_full_text(claims: QuerySet[Claim], value: str, *, listed: QuerySet[Claim]) -> QuerySet[Claim]:
    """The ``SEARCH_RANKED`` best-corroborated claims matching ``value``, most relevant first.

    ``claims`` carries every other filter, so the candidates are the best of
    what the whole query asks for; the rows are read from ``listed`` (the
    list before any filter) by their ids, and their total is how many there are.
    """
    candidates = full_text(claims, "", value).order_by(*CORROBORATION_ORDER).values_list("pk", flat=True)
    ids = _kept_candidates(candidates[:SEARCH_RANKED])
    return (
        listed.filter(pk__in=ids)
        .annotate(rank=SearchRank(F("search_document"), _search_query(value)))
        .order_by(*RELEVANCE)
        .counted_as(len(ids))
    )


def _kept_candidates(candidates: QuerySet) -> list[int]:
    """The candidates' ids; a full set of them (a common word) kept for a while, like a large total.

    Finding the best-corroborated of 20,000 matches reads every one of them (50-230
    ms at 100k articles, ``EXPLAIN ANALYZE``): the next pages of the search, and
    the next analyst asking the same, take the ids kept for
    ``CLAIMTRACK_COUNT_CACHE_SECONDS`` (``articles.pagination``). The rows, their
    figures and their ranking are read afresh every time. Fewer matches cost
    little and are always found afresh.
    """
    key = query_key("search-candidates", candidates)
    kept = cache_get(key)
    if kept is not None:
        return kept
    ids = list(candidates)
    if len(ids) >= SEARCH_RANKED:
        cache_set(key, ids)
    return ids


def _search_query(value: str) -> SearchQuery:
    return SearchQuery(value, search_type="websearch", config=SEARCH_CONFIG)


def _entities_named(value: str):
    """Ids of entities called ``value``: an id, or a name or alias in any case."""
    if value.isdecimal():
        return Entity.objects.filter(pk=int(value)).values("pk")
    named = Q(name__iexact=value) | Q(aliases__surface__iexact=value, aliases__blocked=False)
    return Entity.objects.filter(named).values("pk")


def names_a_filter(filterset_class: type[django_filters.FilterSet], data) -> bool:
    """Whether the query string ``data`` names any of the filterset's filters.

    When it names none, the filterset leaves the queryset as it is, valid and
    unchanged; building it to find that out (django-filter deep-copies every
    filter and every form field) cost more than the list's own query (issue 11).
    Each of these filters reads one parameter, its own name (a test checks it).
    """
    return any(name in data for name in filterset_class.base_filters)


def claims_filtered(data, *, queryset: QuerySet[Claim]) -> tuple[QuerySet[Claim], dict]:
    """The analyst's list (``ClaimListFilter``) narrowed and sorted by ``data``, with the
    parameters it ignored and why; no filterset is built when ``data`` names no filter."""
    if not names_a_filter(ClaimListFilter, data):
        return queryset, {}
    filterset = ClaimListFilter(data, queryset=queryset)
    return filterset.qs, filterset.errors


class ClaimListFilter(django_filters.FilterSet):
    """The analyst's claim list (and its CSV/JSON export)."""

    q = django_filters.CharFilter(method=full_text, label="Search")
    kind = django_filters.ChoiceFilter(choices=Kind.choices)
    status = django_filters.ChoiceFilter(choices=LISTED_STATUSES)
    actor = django_filters.CharFilter(method="by_party", label="Actor (name, alias or id)")
    outlet = django_filters.CharFilter(method="by_outlet", label="Outlet (name or id)")
    stance = django_filters.ChoiceFilter(choices=Stance.choices, method="by_stance", label="Has a stance")
    since = django_filters.DateFilter(method="seen_since", label="Seen on or after")
    until = django_filters.DateFilter(method="seen_until", label="Seen on or before")
    min_origins = django_filters.NumberFilter(
        field_name="origin_count", lookup_expr="gte", min_value=0, label="At least this many independent origins"
    )
    # Last, so an explicit sort wins over the search's ranking.
    sort = django_filters.ChoiceFilter(
        choices=[(key, label) for key, (label, _order) in SORTS.items()], method="sorted_by", label="Sort"
    )

    class Meta:
        model = Claim
        fields: list[str] = []

    # The filters that search: applied after every other, so a ranked search takes its
    # candidates from everything else the query asks for; then the sort.
    SEARCHES = ("q",)

    def filter_queryset(self, queryset):
        values = self.form.cleaned_data
        for name, value in values.items():
            if name not in (*self.SEARCHES, "sort"):
                queryset = self.filters[name].filter(queryset, value)
        for name in self.SEARCHES:
            if values.get(name):
                queryset = (
                    full_text(queryset, name, values[name]) if self.sorted_otherwise()
                    else ranked_full_text(queryset, values[name], listed=self.queryset)
                )
        if values.get("sort"):
            queryset = self.filters["sort"].filter(queryset, values["sort"])
        return queryset

    def sorted_otherwise(self) -> bool:
        """An explicit sort wins over relevance: then every match is listed, in that order."""
        return bool(self.form.cleaned_data.get("sort"))

    def by_party(self, claims, _name, value: str):
        """Claims the entity makes, is targeted by or is about."""
        ids = _entities_named(value.strip())
        return claims.filter(Q(actor__in=ids) | Q(target__in=ids) | Q(about__in=ids))

    def by_outlet(self, claims, _name, value: str):
        """Claims that an article of this outlet backs."""
        value = value.strip()
        outlet = Q(extraction__article__source=int(value)) if value.isdecimal() else Q(
            extraction__article__source__name__iexact=value
        )
        backed = live_evidence().filter(SUPPORT, outlet, claim=OuterRef("pk"))
        return claims.filter(Exists(backed))

    def by_stance(self, claims, _name, value: str):
        return claims.filter(**{f"{value}_count__gt": 0})

    def seen_since(self, claims, _name, value):
        """Claims seen on or after the day: their last dated article is no earlier."""
        return claims.filter(last_seen__gte=value)

    def seen_until(self, claims, _name, value):
        return claims.filter(first_seen__lte=value)

    def sorted_by(self, claims, _name, value: str):
        return claims.order_by(*SORTS[value][1])


class ClaimApiFilter(ClaimListFilter):
    """The API's claim filters: the list's, with ``search`` for ``q`` and exact actor, target and about."""

    search = django_filters.CharFilter(
        method=full_text,
        label=f"Full-text search: the {SEARCH_RANKED} best-corroborated matches, most relevant first "
              "(with ?ordering=, every match in that order)",
    )
    dirty = django_filters.BooleanFilter(label="Figures being recomputed")
    status = django_filters.ChoiceFilter(choices=Claim.Status.choices)
    party = django_filters.CharFilter(method="by_party", label="Actor, target or about (name, alias or id)")
    # Exactly the claim's actor, as the API always had it (``party`` is the list's "actor").
    actor = django_filters.ModelChoiceFilter(queryset=Entity.objects.all())
    target = django_filters.ModelChoiceFilter(queryset=Entity.objects.all())
    about = django_filters.ModelChoiceFilter(queryset=Entity.objects.all())

    SEARCHES = ("q", "search")

    class Meta:
        model = Claim
        fields: list[str] = []

    def sorted_otherwise(self) -> bool:
        return super().sorted_otherwise() or bool(self.data.get(api_settings.ORDERING_PARAM))

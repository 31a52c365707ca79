"""Reads for the claims domain: the querysets and figures behind the analyst
pages, the API and the admin.

Every function returns a queryset (or a small value computed by the database)
with the joins its callers need, so a page costs a fixed number of queries
however many claims or evidence rows it shows.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Case, Count, F, Prefetch, QuerySet, When
from django.db.models.functions import Coalesce

from articles.models import Article
from entities.models import Entity

from .corroboration import OUTLET_KEY, SUPPORT, leading_support
from .models import Claim, Evidence, Extraction, Stance

# Stances that answer a claim rather than back it ("declined to comment", "denied").
RESPONSE_STANCES = (Stance.NO_COMMENT, Stance.DENIED)
_ENTITY_FIELDS = ("actor", "target", "about")


@dataclass(frozen=True)
class ClaimFilters:
    """What the claim list can be narrowed by (GET parameters or API query)."""

    kind: str = ""
    status: str = ""
    actor_id: int | None = None
    search: str = ""


@dataclass(frozen=True)
class OriginShare:
    """Independent origins going under one name and how many articles rest on them.

    ``origins`` is 1 for a named origin ("Reuters", however many articles credit
    it) and can be more for an outlet whose articles credit no one: each of
    those is its own report.
    """

    name: str
    articles: int
    origins: int = 1

    def __str__(self) -> str:
        if self.origins > 1:
            return f"{self.name} ({self.origins} own reports)"
        return f"{self.name} ×{self.articles}" if self.articles > 1 else self.name


@dataclass(frozen=True)
class Explanation:
    """Why a claim has the figures it has, counted live from its supporting evidence."""

    articles: int
    outlets: int
    origins: list[OriginShare] = field(default_factory=list)

    @property
    def origin_count(self) -> int:
        return sum(share.origins for share in self.origins)

    def __str__(self) -> str:
        head = f"{_plural(self.articles, 'article')} from {_plural(self.outlets, 'outlet')}"
        if not self.origins:
            return head
        shares = ", ".join(str(share) for share in self.origins)
        return f"{head}; {_plural(self.origin_count, 'independent origin')}: {shares}"


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


# --- Claims ------------------------------------------------------------------------


def claim_list(*, filters: ClaimFilters = ClaimFilters()) -> QuerySet[Claim]:
    """Claims with evidence, best corroborated first (independent origins, then articles)."""
    claims = Claim.objects.select_related(*_ENTITY_FIELDS).by_corroboration()
    if filters.kind:
        claims = claims.filter(kind=filters.kind)
    if filters.status:
        claims = claims.filter(status=filters.status)
    if filters.actor_id is not None:
        claims = claims.for_actor(filters.actor_id)
    if filters.search:
        claims = claims.filter(summary__icontains=filters.search)
    return claims


def claim_actor_choices() -> QuerySet[Entity]:
    """Entities that make at least one claim, for the claim list's actor filter."""
    return Entity.objects.filter(claims_made__isnull=False).distinct().order_by("name").only("id", "name")


def claim_detail(*, claim_id: int) -> Claim:
    """One claim with its actors, the claims it contradicts and its later renewals; raises DoesNotExist."""
    contradicting = Claim.objects.select_related(*_ENTITY_FIELDS).order_by("-origin_count", "pk")
    renewals = Claim.objects.order_by("first_seen", "pk").only("pk", "first_seen", "renews_id")
    return (
        Claim.objects.select_related(*_ENTITY_FIELDS)
        .prefetch_related(Prefetch("contradicts", queryset=contradicting), Prefetch("renewals", queryset=renewals))
        .get(pk=claim_id)
    )


def claim_evidence(*, claim: Claim) -> QuerySet[Evidence]:
    """The live evidence of a claim with everything the evidence table shows."""
    return (
        Evidence.objects.filter(claim=claim, extraction__rejected=False)
        .select_related(
            "extraction__article__source", "extraction__actor", "extraction__target", "extraction__origin",
            "echo_of",
        )
        .prefetch_related(Prefetch("extraction__origins", queryset=Entity.objects.order_by("name")))
        .order_by(F("extraction__article__published").asc(nulls_last=True), "extraction__article_id", "pk")
    )


def claim_explanation(*, claim: Claim) -> Explanation:
    """Articles, outlets and independent origins of a claim's support, counted by the database.

    Same rules as the stored figures (``claims.corroboration``): each
    article counts by its first supporting sentence; its origin is whoever it
    relies on ("according to Reuters"); an
    article that credits no one is its own origin, and wire copy (``echo_of``)
    goes back to the article it echoes. Denials and "no comment" back nothing.
    """
    support = leading_support(claim)
    totals = support.aggregate(
        articles=Count("extraction__article_id", distinct=True),
        outlets=Count(OUTLET_KEY, distinct=True),
    )
    shares = _credited_origins(support) + _uncredited_origins(support)
    return Explanation(
        articles=totals["articles"],
        outlets=totals["outlets"],
        origins=sorted(shares, key=lambda s: (-s.articles, -s.origins, s.name)),
    )


def _credited_origins(support: QuerySet[Evidence]) -> list[OriginShare]:
    rows = (
        support.exclude(extraction__origin=None)
        .values(name=F("extraction__origin__name"), origin_id=F("extraction__origin_id"))
        .annotate(articles=Count("extraction__article_id", distinct=True))
    )
    return [OriginShare(row["name"], row["articles"]) for row in rows]


def _uncredited_origins(support: QuerySet[Evidence]) -> list[OriginShare]:
    """Articles that credit no one, each its own origin, named after the outlet that first ran it."""
    rows = (
        support.filter(extraction__origin=None)
        .annotate(
            origin=Coalesce("echo_of__extraction__article_id", "extraction__article_id"),
            outlet=Case(
                When(echo_of__isnull=False, then=F("echo_of__extraction__article__source__name")),
                default=F("extraction__article__source__name"),
            ),
        )
        .values("origin", "outlet")
        .annotate(articles=Count("extraction__article_id", distinct=True))
    )
    by_outlet: dict[str, list[int]] = {}
    for row in rows:
        by_outlet.setdefault(row["outlet"] or "unknown outlet", []).append(row["articles"])
    return [OriginShare(name, sum(counts), len(counts)) for name, counts in by_outlet.items()]


def claims_for_entity(*, entity: Entity) -> QuerySet[Claim]:
    """Claims an entity makes, is targeted by or is about, best corroborated first."""
    return Claim.objects.for_actor(entity).select_related(*_ENTITY_FIELDS).by_corroboration()


# --- Extractions and articles ----------------------------------------------------------


def extraction_list() -> QuerySet[Extraction]:
    """Extractions with their actors, origins and article, for the API and the admin."""
    return Extraction.objects.select_related("actor", "target", "about", "origin", "article").prefetch_related(
        Prefetch("origins", queryset=Entity.objects.order_by("name"))
    )


def article_detail(*, article_id: int) -> Article:
    """One article with its outlet; raises DoesNotExist."""
    return Article.objects.select_related("source").get(pk=article_id)


def article_extractions(*, article: Article) -> QuerySet[Extraction]:
    """An article's extractions in reading order, with the claims they back."""
    return (
        extraction_list()
        .filter(article=article)
        .prefetch_related(Prefetch("evidence", queryset=Evidence.objects.select_related("claim")))
        .order_by("sentence_start", "pk")
    )


def claim_named_origins(*, claim: Claim) -> list[dict]:
    """Every named origin the claim's support credits, with how many articles credit it.

    Wider than the counted origins: "Sana said …; Bloomberg also reported
    this" counts Sana and names both.
    """
    return list(
        Evidence.objects.filter(claim=claim, extraction__rejected=False)
        .filter(SUPPORT)
        .exclude(extraction__origins=None)
        .values(name=F("extraction__origins__name"), entity_id=F("extraction__origins__id"))
        .annotate(articles=Count("extraction__article_id", distinct=True))
        .order_by("-articles", "name")
    )


def claims_dirty_for_articles(*, article_ids: Iterable[int]) -> QuerySet[Claim]:
    """Claims with evidence from these articles whose figures are stale."""
    return (
        Claim.objects.dirty().filter(evidence__extraction__article__in=list(article_ids)).distinct()
    )

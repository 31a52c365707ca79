"""Reads for the claims domain: the querysets and figures behind the analyst
pages, the API and the admin.

Every function returns a queryset (or a small value computed by the database)
with the joins its callers need, so a page costs a fixed number of queries
however many claims or evidence rows it shows.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Case, CharField, Count, F, Prefetch, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce, Concat

from articles.models import Article, Source
from entities.models import Entity, Mention

from .corroboration import ORIGIN_ARTICLE, OUTLET_KEY, SUPPORT, leading_support, live_evidence
from .models import Claim, Evidence, Extraction, Stance

# Stances that answer a claim rather than back it ("declined to comment", "denied").
RESPONSE_STANCES = (Stance.NO_COMMENT, Stance.DENIED)
_ENTITY_FIELDS = ("actor", "target", "about", "voice")


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
    reprinted: int = 0  # outlets whose article is a syndicated copy of another's (one origin with it)

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


def claim_list() -> QuerySet[Claim]:
    """Claims an analyst sees, best corroborated first: every one but those withdrawn.

    Narrowed and sorted by ``claims.filters``; a withdrawn claim (all its
    articles withdrawn or its extractions rejected) stays for editors only.
    """
    return (
        Claim.objects.exclude(status=Claim.Status.WITHDRAWN)
        .select_related(*_ENTITY_FIELDS)
        # Searched in SQL, never shown: reading every row's search document back
        # cost more than the rest of the row.
        .defer("search_document")
        .by_corroboration()
    )


def entity_suggestions(*, prefix: str, limit: int = 10) -> QuerySet[Entity]:
    """Entities that make or are subject of a claim, whose name or an alias starts with ``prefix``.

    For the claim list's actor autocomplete: a few names, never the whole table.
    """
    named = Q(name__istartswith=prefix) | Q(aliases__surface__istartswith=prefix, aliases__blocked=False)
    in_claims = Q(claims_made__isnull=False) | Q(claims_targeting__isnull=False) | Q(claims_about__isnull=False)
    matching = Entity.objects.filter(named, merged_into=None).filter(in_claims).values("pk")
    return Entity.objects.filter(pk__in=matching).order_by("name").only("id", "name")[:limit]


def source_suggestions(*, prefix: str, limit: int = 10) -> QuerySet[Source]:
    """Outlets whose name starts with ``prefix``, for the claim list's outlet autocomplete."""
    return Source.objects.filter(name__istartswith=prefix).order_by("name").only("id", "name")[:limit]


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
    """The live evidence of a claim with everything the evidence table shows.

    Live: neither rejected by an editor nor from a withdrawn article.
    """
    return (
        live_evidence()
        .filter(claim=claim)
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
        reprinted=Count(OUTLET_KEY, distinct=True, filter=Q(extraction__article__reprint_of__isnull=False)),
    )
    shares = _credited_origins(support) + _uncredited_origins(support)
    return Explanation(
        articles=totals["articles"],
        outlets=totals["outlets"],
        reprinted=totals["reprinted"],
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
            origin=ORIGIN_ARTICLE,
            outlet=Case(
                When(echo_of__isnull=False, then=Coalesce(
                    F("echo_of__extraction__article__reprint_of__source__name"),
                    F("echo_of__extraction__article__source__name"),
                )),
                When(
                    extraction__article__reprint_of__isnull=False,
                    then=F("extraction__article__reprint_of__source__name"),
                ),
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


# --- The claim page's charts -------------------------------------------------------------

UNKNOWN_OUTLET = "unknown outlet"
_OUTLET_NAME = Coalesce(F("extraction__article__source__name"), Value(UNKNOWN_OUTLET))
# The name an article's support rests on: its credited origin, the outlet it is wire copy
# of, or its own outlet's reporting.
_ORIGIN_NAME = Case(
    When(extraction__origin__isnull=False, then=F("extraction__origin__name")),
    When(
        echo_of__isnull=False,
        then=Concat(
            Coalesce(F("echo_of__extraction__article__source__name"), Value(UNKNOWN_OUTLET)), Value(" (wire copy)")
        ),
    ),
    default=Concat(_OUTLET_NAME, Value(" (own reporting)")),
    output_field=CharField(),
)


def claim_day_counts(*, claim: Claim) -> QuerySet:
    """Supporting articles per publication day and stance (each article by its first supporting sentence)."""
    return (
        leading_support(claim)
        .exclude(extraction__article__published=None)
        .values(published=F("extraction__article__published"), stance=F("extraction__stance"))
        .annotate(articles=Count("extraction__article_id", distinct=True))
        .order_by("published", "stance")
    )


def claim_support_articles(*, claim: Claim) -> QuerySet:
    """One row per supporting article: its date, outlet and the origin it relies on, earliest first."""
    return (
        leading_support(claim)
        .values(
            article_id=F("extraction__article_id"), published=F("extraction__article__published"),
            outlet=_OUTLET_NAME, origin=_ORIGIN_NAME,
        )
        .order_by(F("extraction__article__published").asc(nulls_last=True), "extraction__article_id")
    )


def claim_origin_links(*, claim: Claim) -> QuerySet:
    """Outlet → the origin it relies on, with how many of its articles do."""
    return (
        leading_support(claim)
        .values(origin=_ORIGIN_NAME, outlet=_OUTLET_NAME)
        .annotate(articles=Count("extraction__article_id", distinct=True))
        .order_by("origin", "outlet")
    )


def claim_source_mix(*, claim: Claim) -> QuerySet:
    """Supporting articles by the kind and country of their outlet ("" when unknown)."""
    return (
        leading_support(claim)
        .values(
            kind=Coalesce(F("extraction__article__source__kind"), Value("")),
            country=Coalesce(F("extraction__article__source__country"), Value("")),
        )
        .annotate(articles=Count("extraction__article_id", distinct=True))
        .order_by("kind", "country")
    )


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


def article_mentions(*, article: Article) -> QuerySet[Mention]:
    """The article's actor mentions (not rejected), in reading order, with their entities."""
    return (
        Mention.objects.filter(article=article, rejected=False)
        .select_related("entity")
        .only("start", "end", "entity__id", "entity__name", "entity__kind")
        .order_by("start")
    )


def claim_named_origins(*, claim: Claim) -> list[dict]:
    """Every named origin the claim's support credits, with how many articles credit it.

    Wider than the counted origins: "Sana said …; Bloomberg also reported
    this" counts Sana and names both.
    """
    return list(
        live_evidence()
        .filter(claim=claim)
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


def article_sentence_meanings(*, article_id: int) -> QuerySet:
    """(sentence, vector) of the article's statements as its last reading stored them; not the
    rows an editor locked, which an earlier reading (maybe by another model) made."""
    return (
        Extraction.objects.machine_made()
        .filter(article_id=article_id, meaning__isnull=False)
        .values_list("sentence", "meaning")
    )

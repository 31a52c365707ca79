"""Reads for the claims domain: the querysets and figures behind the analyst
pages, the API and the admin.

Every function returns a queryset (or a small value computed by the database)
with the joins its callers need, so a page costs a fixed number of queries
however many claims or evidence rows it shows.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, F, Func, JSONField, Prefetch, Q, QuerySet

from articles.models import Article, Source
from entities.models import Entity, Mention

from .corroboration import SUPPORT, SUPPORTING, live_evidence
from .models import Claim, Evidence, Extraction, Stance

# Stances that answer a claim rather than back it ("declined to comment", "denied").
RESPONSE_STANCES = (Stance.NO_COMMENT, Stance.DENIED)
_ENTITY_FIELDS = ("actor", "target", "about", "voice")
# Searched in SQL, never shown: a claim's search document is larger than the rest of its row;
# and of its parties, their parsed names and the votes on their kind.
_UNSHOWN_CLAIM_FIELDS = (
    "search_document", "summary_vector",
    *(f"{role}__{column}" for role in _ENTITY_FIELDS for column in ("name_vector", "kind_votes")),
)


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
        .defer(*_UNSHOWN_CLAIM_FIELDS)
        .by_corroboration()
    )


# What a list row of the API and the exports shows (``ClaimSerializer``'s fields), as columns;
# each party is ``{role}_ref`` (``PartyRef``).
CLAIM_ROW_COLUMNS = (
    "id", "kind", "summary", "predicate", "topic", "article_count", "outlet_count", "origin_count",
    "asserted_count", "attributed_count", "hedged_count", "no_comment_count", "denied_count", "undated_count",
    "first_seen", "last_seen", "status", "dirty", "recomputed_at", "renews_id", "only_article_id",
)


def claim_rows(claims: QuerySet[Claim]) -> QuerySet:
    """``claims`` (filtered and sorted) as rows of ``CLAIM_ROW_COLUMNS`` and their parties,
    for the API's list and the exports.

    Dictionaries rather than models: a page of 50 claims with their parties was
    250 model instances, most of the list's time with the serialiser's (issue 11).
    """
    return claims.values(*CLAIM_ROW_COLUMNS, **_party_refs())


class PartyRef(Func):
    """A claim's party as ``{"id", "name", "kind"}`` (or None), read by its key in a scalar subquery.

    Not a join: PostgreSQL took about five times as long to plan the list's page
    with four joins to the entities (1.35 ms) as to run it (0.25 ms); with a
    subquery per party it plans in 0.15 ms and runs in 0.37 ms (bench corpus,
    10k articles, a loaded machine). Spelled in SQL, because the ORM's
    ``Subquery(... JSONObject(...))`` took Django longer to compile (3.4 ms a
    page) than the joins took to plan.
    """

    template = (
        "(SELECT jsonb_build_object('id', party.id, 'name', party.name, 'kind', party.kind) "
        f"FROM {Entity._meta.db_table} party WHERE party.id = %(expressions)s)"
    )
    output_field = JSONField()


def with_party_refs(claims: QuerySet[Claim]) -> QuerySet[Claim]:
    """``claims`` (filtered and sorted) reading their parties by ``PartyRef`` instead of joins,
    for a page of model instances; ``parties_attached`` then puts the parties in place."""
    return claims.select_related(None).annotate(**_party_refs())


def _party_refs() -> dict[str, PartyRef]:
    """Each party of a claim as ``{role}_ref``."""
    return {f"{role}_ref": PartyRef(F(f"{role}_id")) for role in _ENTITY_FIELDS}


def parties_attached(claims: Iterable[Claim]) -> list[Claim]:
    """Claims of ``with_party_refs`` with each party an ``Entity`` of its id, name and kind
    (its other columns deferred), as ``select_related`` would have left them."""
    claims = list(claims)
    for claim in claims:
        for role in _ENTITY_FIELDS:
            ref = claim.__dict__.pop(f"{role}_ref")
            party = None if ref is None else Entity.from_db(
                claim._state.db, ["id", "name", "kind"], [ref["id"], ref["name"], ref["kind"]]
            )
            setattr(claim, role, party)
    return claims


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
    # The page shows a contradicting claim's summary and origins, and a renewal's date.
    contradicting = Claim.objects.order_by("-origin_count", "pk").only("pk", "summary", "origin_count")
    renewals = Claim.objects.order_by("first_seen", "pk").only("pk", "first_seen", "renews_id")
    return (
        Claim.objects.select_related(*_ENTITY_FIELDS)
        .defer(*_UNSHOWN_CLAIM_FIELDS)
        .prefetch_related(Prefetch("contradicts", queryset=contradicting), Prefetch("renewals", queryset=renewals))
        .get(pk=claim_id)
    )


def claim_for_api() -> QuerySet[Claim]:
    """Every claim, withdrawn ones too, with its parties and the ids of the claims it contradicts."""
    return (
        Claim.objects.select_related(*_ENTITY_FIELDS)
        .defer(*_UNSHOWN_CLAIM_FIELDS)
        .prefetch_related(Prefetch("contradicts", queryset=Claim.objects.only("pk")))
    )


def claim_figures(*, claim_id: int) -> Claim:
    """One claim's row alone, for its figures; raises DoesNotExist."""
    return Claim.objects.defer("search_document", "summary_vector").get(pk=claim_id)


def _live_evidence_of(claim: Claim) -> QuerySet[Evidence]:
    """A claim's live evidence with what its table, its figures and its charts read, in one query.

    Besides the article and its outlet, each row carries the outlets and articles its
    origin is counted by (``Support``): the article it is wire copy of, and the
    original of a syndicated article, with their outlets' names.
    """
    return (
        live_evidence()
        .filter(claim=claim)
        .select_related("extraction__article__source", "extraction__origin")
        # Neither shown nor counted: an article's body is most of its row.
        .defer(
            "extraction__meaning", "extraction__terms", "extraction__sentence_vector",
            "extraction__article__body", "extraction__article__furniture", "extraction__article__error",
        )
        .annotate(
            echo_article_id=F("echo_of__extraction__article_id"),
            echo_reprint_of_id=F("echo_of__extraction__article__reprint_of_id"),
            echo_outlet=F("echo_of__extraction__article__source__name"),
            echo_reprint_outlet=F("echo_of__extraction__article__reprint_of__source__name"),
            reprint_outlet=F("extraction__article__reprint_of__source__name"),
        )
        .order_by(F("extraction__article__published").asc(nulls_last=True), "extraction__article_id", "pk")
    )


def claim_evidence(*, claim: Claim) -> QuerySet[Evidence]:
    """The live evidence of a claim with everything the evidence table shows.

    Live: neither rejected by an editor nor from a withdrawn article. Its rows
    also give the claim's explanation and charts (``claim_support``).
    """
    return _live_evidence_of(claim).prefetch_related(
        Prefetch("extraction__origins", queryset=Entity.objects.order_by("name"))
    )


def claim_support(*, claim: Claim, evidence: Iterable[Evidence] | None = None) -> Support:
    """What a claim's figures count, from its live evidence (``claim_evidence``'s rows when
    the caller has them, else one query).

    Same rules as the stored figures (``claims.corroboration``): each article
    counts by its first supporting sentence (by position, then evidence id);
    denials and "no comment" back nothing.
    """
    if evidence is None:
        evidence = _live_evidence_of(claim).filter(SUPPORT)
    first: dict[int, Evidence] = {}
    for item in evidence:
        x = item.extraction
        if x.stance not in SUPPORTING:
            continue
        held = first.get(x.article_id)
        if held is None or (x.sentence_start, item.pk) < (held.extraction.sentence_start, held.pk):
            first[x.article_id] = item
    return Support(list(first.values()))


def claim_explanation(*, claim: Claim) -> Explanation:
    """Articles, outlets and independent origins of a claim's support (``Support.explanation``)."""
    return claim_support(claim=claim).explanation()


def _first(*values):
    """The first value that is not None (SQL's COALESCE)."""
    return next((value for value in values if value is not None), None)


UNKNOWN_OUTLET = "unknown outlet"


@dataclass(frozen=True)
class Support:
    """Each article's first supporting evidence of a claim: what the figures count and the page charts.

    Counted in Python from rows already read, rather than by one aggregate query
    per figure and chart: a claim page cost twelve queries, most of its time
    spent building them (issue 11). The rules are the SQL's of
    ``claims.corroboration``: an article's origin is whoever it relies on
    ("according to Reuters"); an article that credits no one is its own origin,
    and wire copy (``echo_of``) or a syndicated copy (``reprint_of``) goes back
    to the article it copies.
    """

    leading: list[Evidence]

    def explanation(self) -> Explanation:
        outlets = {_outlet_key(item) for item in self.leading}
        reprinted = {_outlet_key(item) for item in self.leading if item.extraction.article.reprint_of_id is not None}
        credited: dict[tuple[str, int], set[int]] = {}
        uncredited: dict[tuple[int, str | None], set[int]] = {}
        for item in self.leading:
            x = item.extraction
            if x.origin_id is not None:
                credited.setdefault((x.origin.name, x.origin_id), set()).add(x.article_id)
            else:
                origin = _first(item.echo_reprint_of_id, item.echo_article_id, x.article.reprint_of_id, x.article_id)
                uncredited.setdefault((origin, _first_outlet(item)), set()).add(x.article_id)
        shares = [OriginShare(name, len(articles)) for (name, _pk), articles in credited.items()]
        by_outlet: dict[str, list[int]] = {}
        for (_origin, outlet), articles in uncredited.items():
            by_outlet.setdefault(outlet or UNKNOWN_OUTLET, []).append(len(articles))
        shares += [OriginShare(name, sum(counts), len(counts)) for name, counts in by_outlet.items()]
        return Explanation(
            articles=len(self.leading),
            outlets=len(outlets),
            reprinted=len(reprinted),
            origins=sorted(shares, key=lambda s: (-s.articles, -s.origins, s.name)),
        )

    def day_counts(self) -> list[dict]:
        """Supporting articles per publication day and stance."""
        counts = Counter(
            (item.extraction.article.published, item.extraction.stance)
            for item in self.leading if item.extraction.article.published is not None
        )
        return [
            {"published": published, "stance": stance, "articles": n}
            for (published, stance), n in sorted(counts.items())
        ]

    def articles(self) -> list[dict]:
        """One row per supporting article: its date, outlet and the origin it relies on, earliest first."""
        rows = [
            {
                "article_id": item.extraction.article_id, "published": item.extraction.article.published,
                "outlet": _outlet_name(item), "origin": _origin_name(item),
            }
            for item in self.leading
        ]
        return sorted(rows, key=lambda row: (row["published"] is None, row["published"] or 0, row["article_id"]))

    def origin_links(self) -> list[dict]:
        """Outlet → the origin it relies on, with how many of its articles do."""
        counts = Counter((_origin_name(item), _outlet_name(item)) for item in self.leading)
        # Sorted by code point, as the database's C collation sorted them.
        return [{"origin": origin, "outlet": outlet, "articles": n} for (origin, outlet), n in sorted(counts.items())]

    def source_mix(self) -> list[dict]:
        """Supporting articles by the kind and country of their outlet ("" when unknown)."""
        counts = Counter(_kind_and_country(item.extraction.article.source) for item in self.leading)
        return [{"kind": kind, "country": country, "articles": n} for (kind, country), n in sorted(counts.items())]


def _kind_and_country(source: Source | None) -> tuple[str, str]:
    return (source.kind or "", source.country or "") if source is not None else ("", "")


def _outlet_key(item: Evidence) -> str:
    """An outlet per article source; every article of unknown outlet falls under one "unknown"."""
    source_id = item.extraction.article.source_id
    return "unknown" if source_id is None else f"s{source_id}"


def _outlet_name(item: Evidence) -> str:
    article = item.extraction.article
    return article.source.name if article.source_id is not None else UNKNOWN_OUTLET


def _first_outlet(item: Evidence) -> str | None:
    """The outlet that first ran an uncredited article: the one it echoes, or the original of a syndicated copy."""
    if item.echo_of_id is not None:
        return _first(item.echo_reprint_outlet, item.echo_outlet)
    article = item.extraction.article
    if article.reprint_of_id is not None:
        return item.reprint_outlet
    return article.source.name if article.source_id is not None else None


def _origin_name(item: Evidence) -> str:
    """The name an article's support rests on: its credited origin, the outlet it is wire copy
    of, or its own outlet's reporting."""
    x = item.extraction
    if x.origin_id is not None:
        return x.origin.name
    if item.echo_of_id is not None:
        return f"{_first(item.echo_outlet, UNKNOWN_OUTLET)} (wire copy)"
    return f"{_outlet_name(item)} (own reporting)"


def claims_for_entity(*, entity: Entity) -> QuerySet[Claim]:
    """Claims an entity makes, is targeted by or is about, best corroborated first."""
    return (
        Claim.objects.for_actor(entity).select_related(*_ENTITY_FIELDS).defer(*_UNSHOWN_CLAIM_FIELDS)
        .by_corroboration()
    )


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

"""Corroboration figures of claims, counted by PostgreSQL.

One UPDATE per batch sets every figure from correlated aggregate subqueries,
so the numbers are whatever the evidence rows say at that moment, however
often it runs. Support is evidence whose stance backs the claim (asserted,
attributed, hedged); responses (no comment, denied) are counted by stance but
corroborate nothing.

Independent origins: evidence crediting a named origin counts once per
origin, the one the article relies on (two outlets citing Reuters are one
origin; "X said, according to TASS" is TASS); evidence without a named
origin counts as its own article's origin, unless it is wire copy of an
earlier article (``Evidence.echo_of``), which then stands for both; an
article syndicated whole by several outlets (``Article.reprint_of``) is one
origin for all its copies.

Outlets: articles whose outlet is unknown are one outlet, "unknown", however
many there are: five unattributed files are not five outlets. Dates: first and
last seen come from dated articles only; undated supporting articles are
counted as such (``undated_count``), never dated by the day they were ingested.

Live evidence is what counts: neither rejected by an editor nor from an
article an editor withdrew. A claim whose evidence is all gone is deleted; one
whose evidence is all rejected or withdrawn is kept, with its editors'
decisions, under the status "withdrawn".

Locks: a recompute takes the corpus write lock shared (see
``articles.models.corpus_write_lock``), so it never runs beside an article's
write phase, a withdrawal or a delete, then its claims ``FOR NO KEY UPDATE`` in
id order, which orders it against other recomputes and leaves the foreign-key
checks of evidence being written (``FOR KEY SHARE``) free to proceed.
"""
from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db import connection, transaction
from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    F,
    Max,
    Min,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.search import SearchVector
from django.db.models.functions import Cast, Coalesce, Concat
from django.utils import timezone

from articles.models import CORPUS_WRITE_LOCK_ID, Article
from entities.models import Alias, Entity

from .models import Claim, Evidence, Stance

SUPPORTING = (Stance.ASSERTED, Stance.ATTRIBUTED, Stance.HEDGED)
SUPPORT = Q(extraction__stance__in=SUPPORTING)


def live_evidence():
    """Evidence that counts: its extraction not rejected, its article not withdrawn."""
    return Evidence.objects.filter(extraction__rejected=False).exclude(
        extraction__article__state=Article.State.WITHDRAWN
    )


def _text(expression) -> Cast:
    return Cast(expression, output_field=CharField())


# Django's Concat turns NULL into "", so each key says explicitly which part it uses.
# An outlet per article source; every article of unknown outlet falls under one "unknown".
OUTLET_KEY = Case(
    When(extraction__article__source__isnull=False, then=Concat(Value("s"), _text("extraction__article__source_id"))),
    default=Value("unknown"),
)
# A named origin, else the article (or the earlier article it echoes) is the origin.
# A syndicated copy of a whole article (``Article.reprint_of``) stands for its group's canonical article.
ORIGIN_ARTICLE = Coalesce(
    "echo_of__extraction__article__reprint_of_id", "echo_of__extraction__article_id",
    "extraction__article__reprint_of_id", "extraction__article_id",
)
ORIGIN_KEY = Case(
    When(extraction__origin__isnull=False, then=Concat(Value("e"), _text("extraction__origin_id"))),
    default=Concat(Value("a"), _text(ORIGIN_ARTICLE)),
)
# Claims are dated by publication only: the day an article was ingested says nothing of the claim.
PUBLISHED = F("extraction__article__published")
UNDATED = Q(extraction__article__published__isnull=True)


def _leads_its_article():
    """True for an article's first supporting evidence of the claim.

    Reporters attribute or hedge a claim where they first report it and drop
    the "reportedly" in later repetitions, so an article's stance towards a
    claim is the stance of its first supporting sentence: each article then
    counts once, under one stance.
    """
    earlier = Evidence.objects.filter(
        Q(extraction__sentence_start__lt=OuterRef("extraction__sentence_start"))
        | Q(extraction__sentence_start=OuterRef("extraction__sentence_start"), pk__lt=OuterRef("pk")),
        claim=OuterRef("claim"),
        extraction__article=OuterRef("extraction__article"),
        extraction__rejected=False,
        extraction__stance__in=SUPPORTING,
    )
    return ~Exists(earlier)


def _aggregate(aggregate, output_field=None):
    """``aggregate`` over the live evidence of the claim in the outer query."""
    evidence = (
        live_evidence()
        .filter(claim=OuterRef("pk"))
        .alias(leads=_leads_its_article())
        .order_by()
        .values("claim")
        .annotate(value=aggregate)
        .values("value")
    )
    return Subquery(evidence, output_field=output_field)


def _count(expression, filter: Q | None = SUPPORT):
    return Coalesce(_aggregate(Count(expression, filter=filter, distinct=True)), 0)


def _stance_count(stance: str):
    """Articles per stance: supporting stances by each article's first sentence, responses by any."""
    if stance in SUPPORTING:
        return _count("extraction__article_id", filter=Q(extraction__stance=stance, leads=True))
    return _count("extraction__article_id", filter=Q(extraction__stance=stance))


FIGURES = {
    "article_count": _count("extraction__article_id"),
    "outlet_count": _count(OUTLET_KEY),
    # Each article contributes the origin its first supporting sentence relies on,
    # so an article that states a claim and later quotes an agency on it is one origin.
    "origin_count": _count(ORIGIN_KEY, filter=SUPPORT & Q(leads=True)),
    "asserted_count": _stance_count(Stance.ASSERTED),
    "attributed_count": _stance_count(Stance.ATTRIBUTED),
    "hedged_count": _stance_count(Stance.HEDGED),
    "no_comment_count": _stance_count(Stance.NO_COMMENT),
    "denied_count": _stance_count(Stance.DENIED),
    "undated_count": _count("extraction__article_id", filter=SUPPORT & UNDATED),
    "first_seen": _aggregate(Min(PUBLISHED)),
    "last_seen": _aggregate(Max(PUBLISHED)),
}


def _claim_entities(field: str):
    """Rows of ``field`` (name or alias surface) for the actor, target and about of the outer claim."""
    return Q(**{f"{field}": OuterRef("actor")}) | Q(**{f"{field}": OuterRef("target")}) | Q(
        **{f"{field}": OuterRef("about")}
    )


def _joined(queryset, column: str):
    """One text of every ``column`` in ``queryset``, space-separated (NULL when there is none)."""
    rows = queryset.order_by().annotate(group=Value(1)).values("group")
    return Subquery(rows.annotate(text=StringAgg(column, " ")).values("text")[:1], output_field=CharField())


SEARCH_CONFIG = "english"
# What the claim list's search reads: the summary and its actors' names and aliases
# weigh most, then every live evidence sentence.
SEARCH_DOCUMENT = (
    SearchVector("summary", weight="A", config=SEARCH_CONFIG)
    + SearchVector(_joined(Entity.objects.filter(_claim_entities("pk")), "name"), weight="A", config=SEARCH_CONFIG)
    + SearchVector(
        _joined(Alias.objects.filter(_claim_entities("entity"), blocked=False), "surface"),
        weight="A", config=SEARCH_CONFIG,
    )
    + SearchVector(
        _joined(live_evidence().filter(claim=OuterRef("pk")), "extraction__sentence"),
        weight="B", config=SEARCH_CONFIG,
    )
)

STATUS = Case(
    # Nothing live is left: every article withdrawn, or every extraction rejected.
    When(
        article_count=0, no_comment_count=0, denied_count=0,
        then=Value(Claim.Status.WITHDRAWN),
    ),
    When(
        Q(denied_count__gt=0)
        | Exists(Claim.contradicts.through.objects.filter(from_claim=OuterRef("pk"))),
        then=Value(Claim.Status.CONTESTED),
    ),
    When(origin_count__gte=2, then=Value(Claim.Status.CORROBORATED)),
    default=Value(Claim.Status.SINGLE_SOURCE),
)


@transaction.atomic
def claims_recompute(*, claim_ids: Iterable[int]) -> int:
    """Recompute the figures of these claims; returns how many were recomputed.

    Under the corpus write lock (shared), so every writer that adds evidence
    and marks a claim dirty has either committed before this count (and is
    counted) or waits and marks it dirty again after it (and is counted next
    time). Claims left without any evidence are deleted.
    """
    with connection.cursor() as cursor:
        # The corpus write lock, shared (``articles.models.corpus_write_lock``), and JIT
        # off in one round trip: the UPDATE's many small subplans look costly to the
        # planner, which then spends seconds JIT-compiling a statement that runs in
        # milliseconds.
        cursor.execute(
            "SELECT pg_advisory_xact_lock_shared(%s), set_config('jit', 'off', true)", [CORPUS_WRITE_LOCK_ID]
        )
    ids = _claims_lock(list(claim_ids))
    if not ids:
        return 0
    claims = Claim.objects.filter(pk__in=ids)
    claims.update(**FIGURES, search_document=SEARCH_DOCUMENT, dirty=False, recomputed_at=timezone.now())
    # Only where it changes: a row updated twice in one transaction has its
    # foreign keys checked again at commit, for nothing.
    claims.exclude(status=STATUS).update(status=STATUS)
    claims.filter(~Exists(Evidence.objects.filter(claim=OuterRef("pk")))).delete()
    return len(ids)


def _claims_lock(claim_ids: list[int]) -> list[int]:
    """Lock these claims, and the later claims that renew them, in id order; returns the first that exist.

    Deleting a claim left without evidence clears ``renews`` on its renewals,
    so they are locked here too, in the same order as everything else: two
    recomputes never wait for each other in a circle.
    """
    locked = (
        Claim.objects.filter(Q(pk__in=claim_ids) | Q(renews__in=claim_ids))
        .order_by("pk")
        .select_for_update(no_key=True)
        .values_list("pk", flat=True)
    )
    wanted = set(claim_ids)
    return [pk for pk in locked if pk in wanted]


def claims_recompute_dirty(*, limit: int | None = None) -> int:
    """Recompute stale claims in batches; returns how many were recomputed."""
    batch = limit or settings.CLAIMTRACK_SWEEP_BATCH
    done = 0
    while True:
        ids = list(Claim.objects.dirty().order_by("pk").values_list("pk", flat=True)[:batch])
        if not ids:
            return done
        done += claims_recompute(claim_ids=ids)
        if limit is not None:
            return done


def leading_support(claim: Claim):
    """Each article's first supporting evidence of ``claim``: what the figures count."""
    return (
        live_evidence()
        .filter(claim=claim)
        .filter(SUPPORT)
        .alias(leads=_leads_its_article())
        .filter(leads=True)
    )

"""Corroboration figures of claims, counted by PostgreSQL.

One UPDATE sets every figure of every claim being recomputed from one pass
over their evidence (``RECOMPUTE_SQL``), so the numbers are whatever the
evidence rows say at that moment, however often it runs, and a full recompute
costs a few scans rather than a dozen subqueries per claim. Support is
evidence whose stance backs the claim (asserted, attributed, hedged);
responses (no comment, denied) are counted by stance but corroborate nothing.

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

A full recompute (``claims_recompute_all``) first checks: one read-only statement
counts every claim's figures as the recompute would (``FIGURES_CHECK_SQL``), and
only the claims found stale, wrong or without evidence are recomputed.

Locks: a recompute takes the corpus write lock shared (see
``articles.models.corpus_write_lock``), so it never runs beside an article's
write phase, a withdrawal or a delete, then its claims ``FOR NO KEY UPDATE`` in
id order, which orders it against other recomputes and leaves the foreign-key
checks of evidence being written (``FOR KEY SHARE``) free to proceed.
"""
from __future__ import annotations

from collections.abc import Iterable

from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.db.models import Case, CharField, Exists, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Cast, Coalesce, Concat
from django.utils import timezone

from articles.models import CORPUS_WRITE_LOCK_ID, Article, corpus_write_lock
from entities.models import Alias, Entity

from .models import SEARCH_CONFIG, Claim, Evidence, Stance

SUPPORTING = (Stance.ASSERTED, Stance.ATTRIBUTED, Stance.HEDGED)
SUPPORT = Q(extraction__stance__in=SUPPORTING)
# Claims per statement of a full recompute: one pass over their evidence each, in
# transactions short enough that new articles are not held up for long.
FULL_RECOMPUTE_BATCH = 50_000
# Claims per statement of ``claims_recompute_all``, an operator's command: each statement
# reads every evidence row of the corpus once, so fewer and larger ones are faster, at the
# price of holding new articles' writes for longer (100k articles, 400k claims, on a
# shared two-core machine: the figures' check took 5.5-6.9 s in ranges of 200,000, one
# statement of all 5.1-6.0 s; every claim recomputed, search documents included, 18.5-24.0 s
# in batches of 200,000).
RECOMPUTE_ALL_BATCH = 200_000
# Above this many claims a recompute gets the memory to sort their evidence in one go.
LARGE_RECOMPUTE = 1_000
LARGE_RECOMPUTE_WORK_MEM = "256MB"


def live_evidence():
    """Evidence that counts: its extraction not rejected, its article not withdrawn."""
    return Evidence.objects.filter(extraction__rejected=False).exclude(
        extraction__article__state=Article.State.WITHDRAWN
    )


def _text(expression) -> Cast:
    return Cast(expression, output_field=CharField())


# The per-claim forms of the keys, for the oracles of the tests (the claim pages count the
# same keys in Python, ``claims.selectors.Support``); ``RECOMPUTE_SQL`` spells them in SQL.
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


def _claim_entities(field: str):
    """Rows of ``field`` (name or alias surface) for the actor, target and about of the outer claim."""
    return Q(**{f"{field}": OuterRef("actor")}) | Q(**{f"{field}": OuterRef("target")}) | Q(
        **{f"{field}": OuterRef("about")}
    )


def _joined(queryset, column: str):
    """One text of every ``column`` in ``queryset``, space-separated (NULL when there is none)."""
    rows = queryset.order_by().annotate(group=Value(1)).values("group")
    return Subquery(rows.annotate(text=StringAgg(column, " ")).values("text")[:1], output_field=CharField())


# What the claim list's search reads: the summary and its actors' names and aliases
# weigh most, then every live evidence sentence. The per-row form, for a few rows;
# ``RECOMPUTE_SQL`` builds the same document for many claims at once.
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

# What every figure is counted from, shared by the recompute (``RECOMPUTE_SQL``) and the
# full recompute's check (``FIGURES_CHECK_SQL``) so the two can never count differently.
# ``{claims}`` selects the evidence of the claims counted; ``{vector}`` and ``{sentences}``
# carry each live sentence's stored vector into the search document, or nothing.
#
# - evidence: each evidence row of these claims with what the figures read of it.
#   ``live``: neither rejected nor from a withdrawn article. ``source_id``: the article's
#   outlet, NULL for the one outlet "unknown". The origin is the named origin the
#   sentence relies on (``origin_id``), else ``origin_article``: its article, or the
#   earlier article it echoes (``echo_of``), or the canonical article of a syndicated
#   copy (``reprint_of``). The echoed article is looked up only for evidence that echoes
#   something: joining every evidence row to the echo's extraction read the whole
#   extraction table a second time for the few rows that have one.
# - ranked: ``leads`` marks each article's first live supporting sentence of the claim
#   (by position, then evidence id). Reporters attribute or hedge a claim where they
#   first report it, so an article counts once, under that sentence's stance and origin.
# - figures, per claim: articles, outlets and origins of the leading sentences; the
#   supporting stances by leading sentence, responses (no comment, denied) by any live
#   sentence; undated supporting articles; first and last seen from dated live
#   evidence. Outlets and origins are counted on their ids rather than on text keys:
#   the unknown outlet adds one when any leading article has no source, and named
#   origins and origin articles are counted apart (a text key per row cost more than
#   the count itself, and the two kinds never compared equal anyway).
_FIGURES_CTES = """
evidence AS (
    SELECT ev.id, ev.claim_id, x.article_id, x.stance,{vector} x.sentence_start, a.published,
           NOT x.rejected AND a.state <> %(withdrawn_article)s AS live,
           x.stance = ANY(%(supporting)s::text[]) AS supports,
           a.source_id,
           x.origin_id,
           CASE WHEN x.origin_id IS NULL THEN COALESCE(
               CASE WHEN ev.echo_of_id IS NOT NULL THEN (
                   SELECT COALESCE(echo_article.reprint_of_id, echo_extraction.article_id)
                   FROM claims_evidence echo
                   JOIN claims_extraction echo_extraction ON echo_extraction.id = echo.extraction_id
                   JOIN articles_article echo_article ON echo_article.id = echo_extraction.article_id
                   WHERE echo.id = ev.echo_of_id
               ) END,
               a.reprint_of_id, x.article_id)
           END AS origin_article
    FROM claims_evidence ev
    JOIN claims_extraction x ON x.id = ev.extraction_id
    JOIN articles_article a ON a.id = x.article_id
    WHERE ev.claim_id {claims}
),
ranked AS (
    SELECT evidence.*,
           live AND supports AND row_number() OVER (
               PARTITION BY claim_id, article_id, live AND supports ORDER BY sentence_start, id
           ) = 1 AS leads
    FROM evidence
),
figures AS (
    SELECT claim_id,
           count(*) FILTER (WHERE leads) AS article_count,
           count(DISTINCT source_id) FILTER (WHERE leads)
               + (count(*) FILTER (WHERE leads AND source_id IS NULL) > 0)::int AS outlet_count,
           count(DISTINCT origin_id) FILTER (WHERE leads)
               + count(DISTINCT origin_article) FILTER (WHERE leads) AS origin_count,
           count(*) FILTER (WHERE leads AND stance = %(asserted)s) AS asserted_count,
           count(*) FILTER (WHERE leads AND stance = %(attributed)s) AS attributed_count,
           count(*) FILTER (WHERE leads AND stance = %(hedged)s) AS hedged_count,
           count(DISTINCT article_id) FILTER (WHERE live AND stance = %(no_comment)s) AS no_comment_count,
           count(DISTINCT article_id) FILTER (WHERE live AND stance = %(denied)s) AS denied_count,
           count(*) FILTER (WHERE leads AND published IS NULL) AS undated_count,
           min(published) FILTER (WHERE live) AS first_seen,
           max(published) FILTER (WHERE live) AS last_seen{sentences}
    FROM ranked
    GROUP BY claim_id
)"""

# A claim's figures where nothing counts are zeros, not NULLs; ``figures`` is LEFT JOINed.
_COUNTED_COLUMNS = """
           coalesce(figures.article_count, 0) AS article_count,
           coalesce(figures.outlet_count, 0) AS outlet_count,
           coalesce(figures.origin_count, 0) AS origin_count,
           coalesce(figures.asserted_count, 0) AS asserted_count,
           coalesce(figures.attributed_count, 0) AS attributed_count,
           coalesce(figures.hedged_count, 0) AS hedged_count,
           coalesce(figures.no_comment_count, 0) AS no_comment_count,
           coalesce(figures.denied_count, 0) AS denied_count,
           coalesce(figures.undated_count, 0) AS undated_count,
           figures.first_seen,
           figures.last_seen,"""

# The status follows: withdrawn when nothing live is left (every article withdrawn or
# every extraction rejected); contested by a denial or a contradicting claim;
# corroborated by two independent origins; otherwise single-source.
_STATUS = """CASE
               WHEN article_count = 0 AND no_comment_count = 0 AND denied_count = 0 THEN %(withdrawn)s
               WHEN denied_count > 0 OR contradicted THEN %(contested)s
               WHEN origin_count >= 2 THEN %(corroborated)s
               ELSE %(single_source)s
           END"""

# Every figure of the claims %(ids)s, from one pass over their evidence, and their search
# documents; returns the ids of those left without any evidence at all (to be deleted).
#
# - evidence, ranked, figures: ``_FIGURES_CTES``, with the live sentences' stored
#   vectors for the search document.
# - actors, names, aliases: the claim's actor, target and about (each once), the
#   stored vectors of their names and unblocked aliases, for the search document
#   (nothing is parsed here: summaries, names, aliases and sentences are parsed
#   once, when they are written).
# - counted: the figures of every claim, zero where nothing is live; ``emptied``
#   where it has no evidence at all. computed: the same with the status.
# - updated: the claims that were stale or whose figures changed (the others are
#   left as they are, ``recomputed_at`` included: it says when the figures were
#   last written).
RECOMPUTE_SQL = (
    """
WITH
recomputed AS (
    SELECT id, summary_vector, actor_id, target_id, about_id
    FROM claims_claim
    WHERE id = ANY(%(ids)s::bigint[])
),"""
    + _FIGURES_CTES.format(
        claims="= ANY(%(ids)s::bigint[])",
        vector=" x.sentence_vector,",
        sentences=",\n           claims_tsvector_agg(sentence_vector ORDER BY id) FILTER (WHERE live) AS sentences",
    )
    + """,
-- One row per role filled, then UNION drops a claim's repeated entity. (A DISTINCT over
-- a VALUES list gave the planner no estimate: it expected 600 rows of 345,000 at 100k
-- articles and fetched each name by a separate index lookup.)
actors AS (
    SELECT id AS claim_id, actor_id AS entity_id FROM recomputed WHERE actor_id IS NOT NULL
    UNION SELECT id, target_id FROM recomputed WHERE target_id IS NOT NULL
    UNION SELECT id, about_id FROM recomputed WHERE about_id IS NOT NULL
),
names AS (
    SELECT actors.claim_id, claims_tsvector_agg(entity.name_vector ORDER BY entity.id) AS names
    FROM actors
    JOIN entities_entity entity ON entity.id = actors.entity_id
    GROUP BY actors.claim_id
),
aliases AS (
    SELECT actors.claim_id, claims_tsvector_agg(alias.surface_vector ORDER BY alias.id) AS surfaces
    FROM actors
    JOIN entities_alias alias ON alias.entity_id = actors.entity_id AND NOT alias.blocked
    GROUP BY actors.claim_id
),
counted AS (
    SELECT recomputed.id,"""
    + _COUNTED_COLUMNS
    + """
           summary_vector || coalesce(names, ''::tsvector) || coalesce(surfaces, ''::tsvector)
               || setweight(coalesce(sentences, ''::tsvector), 'B')
               AS search_document,
           EXISTS (
               SELECT 1 FROM claims_claim_contradicts contradiction
               WHERE contradiction.from_claim_id = recomputed.id
           ) AS contradicted,
           figures.claim_id IS NULL AS emptied
    FROM recomputed
    LEFT JOIN figures ON figures.claim_id = recomputed.id
    LEFT JOIN names ON names.claim_id = recomputed.id
    LEFT JOIN aliases ON aliases.claim_id = recomputed.id
),
computed AS (
    SELECT counted.*,
           """
    + _STATUS
    + """ AS status
    FROM counted
),
updated AS (
    UPDATE claims_claim claim
    SET article_count = computed.article_count,
        outlet_count = computed.outlet_count,
        origin_count = computed.origin_count,
        asserted_count = computed.asserted_count,
        attributed_count = computed.attributed_count,
        hedged_count = computed.hedged_count,
        no_comment_count = computed.no_comment_count,
        denied_count = computed.denied_count,
        undated_count = computed.undated_count,
        first_seen = computed.first_seen,
        last_seen = computed.last_seen,
        search_document = computed.search_document,
        status = computed.status,
        dirty = false,
        recomputed_at = %(now)s
    FROM computed
    WHERE claim.id = computed.id
      -- A row is written only when it was stale or a figure changed: a full recompute
      -- that finds what is stored rewrites nothing (no row versions, no index entries).
      AND (claim.dirty OR (
              claim.article_count, claim.outlet_count, claim.origin_count, claim.asserted_count,
              claim.attributed_count, claim.hedged_count, claim.no_comment_count, claim.denied_count,
              claim.undated_count, claim.first_seen, claim.last_seen, claim.status, claim.search_document
          ) IS DISTINCT FROM (
              computed.article_count, computed.outlet_count, computed.origin_count, computed.asserted_count,
              computed.attributed_count, computed.hedged_count, computed.no_comment_count, computed.denied_count,
              computed.undated_count, computed.first_seen, computed.last_seen, computed.status,
              computed.search_document
          ))
    RETURNING claim.id
)
-- Read from ``computed``, not ``updated``: a claim without evidence goes even when its
-- row was already up to date. (The UPDATE above runs to completion all the same.)
SELECT id FROM computed WHERE emptied
"""
)


# The full recompute's check of claims in %(first)s..%(last)s: their figures and status
# counted exactly as ``RECOMPUTE_SQL`` counts them, from the same CTEs, and compared with
# what is stored; returns how many claims it counted and the ids of those stale, wrong or
# left without evidence, for ``claims_recompute`` to write. It reads no search document
# and locks no row, so PostgreSQL may run it in parallel workers, and a full recompute
# that finds every figure right costs one read of the evidence and nothing more.
FIGURES_CHECK_SQL = (
    "WITH"
    + _FIGURES_CTES.format(claims="BETWEEN %(first)s AND %(last)s", vector="", sentences="")
    + """,
counted AS (
    SELECT claim.id, claim.dirty,
           claim.article_count AS stored_article_count, claim.outlet_count AS stored_outlet_count,
           claim.origin_count AS stored_origin_count, claim.asserted_count AS stored_asserted_count,
           claim.attributed_count AS stored_attributed_count, claim.hedged_count AS stored_hedged_count,
           claim.no_comment_count AS stored_no_comment_count, claim.denied_count AS stored_denied_count,
           claim.undated_count AS stored_undated_count, claim.first_seen AS stored_first_seen,
           claim.last_seen AS stored_last_seen, claim.status AS stored_status,"""
    + _COUNTED_COLUMNS
    + """
           EXISTS (
               SELECT 1 FROM claims_claim_contradicts contradiction
               WHERE contradiction.from_claim_id = claim.id
           ) AS contradicted,
           figures.claim_id IS NULL AS emptied
    FROM claims_claim claim
    LEFT JOIN figures ON figures.claim_id = claim.id
    WHERE claim.id BETWEEN %(first)s AND %(last)s
),
checked AS (
    SELECT id, dirty OR emptied OR (
               stored_article_count, stored_outlet_count, stored_origin_count, stored_asserted_count,
               stored_attributed_count, stored_hedged_count, stored_no_comment_count, stored_denied_count,
               stored_undated_count, stored_first_seen, stored_last_seen, stored_status
           ) IS DISTINCT FROM (
               article_count, outlet_count, origin_count, asserted_count,
               attributed_count, hedged_count, no_comment_count, denied_count,
               undated_count, first_seen, last_seen, """
    + _STATUS
    + """
           ) AS wrong
    FROM counted
)
SELECT count(*), coalesce(array_agg(id ORDER BY id) FILTER (WHERE wrong), '{}') FROM checked
"""
)


def _recompute_parameters(ids: list[int]) -> dict:
    return {
        "ids": ids,
        "now": timezone.now(),
        "withdrawn_article": Article.State.WITHDRAWN.value,
        "supporting": [stance.value for stance in SUPPORTING],
        "asserted": Stance.ASSERTED.value,
        "attributed": Stance.ATTRIBUTED.value,
        "hedged": Stance.HEDGED.value,
        "no_comment": Stance.NO_COMMENT.value,
        "denied": Stance.DENIED.value,
        "withdrawn": Claim.Status.WITHDRAWN.value,
        "contested": Claim.Status.CONTESTED.value,
        "corroborated": Claim.Status.CORROBORATED.value,
        "single_source": Claim.Status.SINGLE_SOURCE.value,
    }


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
        # off in one round trip: over a few claims the planner overestimates the
        # statement and would spend longer JIT-compiling it than running it.
        cursor.execute(
            "SELECT pg_advisory_xact_lock_shared(%s), set_config('jit', 'off', true)", [CORPUS_WRITE_LOCK_ID]
        )
    ids = _claims_lock(list(claim_ids))
    if len(ids) > LARGE_RECOMPUTE:
        with connection.cursor() as cursor:
            # The evidence of tens of thousands of claims is sorted once by claim and
            # article; with the default work_mem that sort spills to disk.
            cursor.execute("SELECT set_config('work_mem', %s, true)", [LARGE_RECOMPUTE_WORK_MEM])
    if not ids:
        return 0
    with connection.cursor() as cursor:
        cursor.execute(RECOMPUTE_SQL, _recompute_parameters(ids))
        emptied = [pk for (pk,) in cursor.fetchall()]
    if emptied:
        # Through the ORM: deleting a claim cascades and is recorded in its history.
        Claim.objects.filter(pk__in=emptied).delete()
    return len(ids)


def _claims_lock(claim_ids: list[int]) -> list[int]:
    """Lock these claims, and the later claims that renew them, in id order; returns the first that exist.

    Deleting a claim left without evidence clears ``renews`` on its renewals,
    so they are locked here too, in the same order as everything else: two
    recomputes never wait for each other in a circle.
    """
    if not claim_ids:
        return []
    with connection.cursor() as cursor:
        # One array parameter rather than an IN list: a full recompute locks tens of thousands.
        cursor.execute(
            "SELECT id FROM claims_claim"
            " WHERE id = ANY(%(ids)s::bigint[]) OR renews_id = ANY(%(ids)s::bigint[])"
            " ORDER BY id FOR NO KEY UPDATE",
            {"ids": claim_ids},
        )
        locked = [pk for (pk,) in cursor.fetchall()]
    wanted = set(claim_ids)
    return [pk for pk in locked if pk in wanted]


def claims_recompute_all(*, search_documents: bool = False) -> int:
    """Count every claim's figures again, stale or not; returns how many claims were counted.

    For when the figures may be wrong without anything having marked them
    stale: counting rules changed by an upgrade, rows edited by hand. Each id
    range of ``RECOMPUTE_ALL_BATCH`` claims is checked by one read-only
    statement (``FIGURES_CHECK_SQL``) in its own transaction, under the corpus
    write lock (shared); the claims it finds stale, wrong or without evidence
    are recomputed by ``claims_recompute`` in the same transaction, search
    document included. Claims found right are not written.

    Search documents are not checked: they follow a claim's evidence and actors
    whenever it is recomputed, and joining every claim's sentence vectors again
    cost about three times as long as counting its figures. An upgrade that
    changes how they are built, or aliases learned since a claim was last
    recomputed, need ``search_documents=True`` (``manage.py recompute --all
    --search-documents``): every claim recomputed, search document and all.
    """
    if search_documents:
        return _claims_recompute_every_one()
    done = 0
    after = 0
    while True:
        with transaction.atomic():
            # Taken before the claims are read: no writer can change what they count meanwhile.
            corpus_write_lock(shared=True)
            last = _range_end(after)
            if last is None:
                return done
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT set_config('jit', 'off', true), set_config('work_mem', %s, true)",
                    [LARGE_RECOMPUTE_WORK_MEM],
                )
                cursor.execute(FIGURES_CHECK_SQL, {**_recompute_parameters([]), "first": after + 1, "last": last})
                counted, wrong = cursor.fetchone()
            if wrong:
                claims_recompute(claim_ids=wrong)
        done += counted
        after = last


def _range_end(after: int) -> int | None:
    """The id that ends the range of ``RECOMPUTE_ALL_BATCH`` claims after ``after``, or None past the last."""
    ids = Claim.objects.filter(pk__gt=after).order_by("pk").values_list("pk", flat=True)
    last = ids[RECOMPUTE_ALL_BATCH - 1 : RECOMPUTE_ALL_BATCH].first()
    return last if last is not None else ids.last()


def _claims_recompute_every_one() -> int:
    """Recompute every claim, search document and all, in id ranges of ``RECOMPUTE_ALL_BATCH``."""
    done = 0
    after = 0
    while True:
        ids = list(
            Claim.objects.filter(pk__gt=after).order_by("pk").values_list("pk", flat=True)[:RECOMPUTE_ALL_BATCH]
        )
        if not ids:
            return done
        done += claims_recompute(claim_ids=ids)
        after = ids[-1]


def claims_recompute_dirty(*, limit: int | None = None) -> int:
    """Recompute stale claims, ``limit`` of them or all; returns how many were recomputed.

    All of them in batches of ``FULL_RECOMPUTE_BATCH``, each one statement.
    """
    batch = limit or FULL_RECOMPUTE_BATCH
    done = 0
    while True:
        ids = list(Claim.objects.dirty().order_by("pk").values_list("pk", flat=True)[:batch])
        if not ids:
            return done
        done += claims_recompute(claim_ids=ids)
        if limit is not None:
            return done

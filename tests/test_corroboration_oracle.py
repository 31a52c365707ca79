"""The set-based recompute counts exactly what the per-claim subqueries counted.

``claims_recompute`` sets every figure from one pass over the evidence (one
SQL statement). Until 2026-12 it ran a dozen correlated subqueries per claim,
written with the ORM expressions the claim pages used until 2026-12-07 (``OUTLET_KEY``,
``ORIGIN_ARTICLE``, the leading sentence of an article). That form is kept
here as the oracle: on a varied corpus both must give every claim the same
figures, status and search document.
"""
import datetime as dt
import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.db.models import Case, Count, Exists, F, Max, Min, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, Concat

from articles.models import Article
from claims.corroboration import (
    ORIGIN_ARTICLE,
    OUTLET_KEY,
    SEARCH_DOCUMENT,
    SUPPORT,
    SUPPORTING,
    _leads_its_article,
    _text,
    claims_recompute,
    claims_recompute_all,
    live_evidence,
)
from claims.models import Claim, Evidence, Stance
from tests.factories import (
    AliasFactory,
    ArticleFactory,
    ClaimFactory,
    EntityFactory,
    EvidenceFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db

# --- The oracle: the per-claim subqueries of the recompute before it was set-based ---

ORIGIN_KEY = Case(
    When(extraction__origin__isnull=False, then=Concat(Value("e"), _text("extraction__origin_id"))),
    default=Concat(Value("a"), _text(ORIGIN_ARTICLE)),
)
UNDATED = Q(extraction__article__published__isnull=True)


def _aggregate(aggregate, output_field=None):
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


def _count(expression, filter=SUPPORT):
    return Coalesce(_aggregate(Count(expression, filter=filter, distinct=True)), 0)


def _stance_count(stance):
    if stance in SUPPORTING:
        return _count("extraction__article_id", filter=Q(extraction__stance=stance, leads=True))
    return _count("extraction__article_id", filter=Q(extraction__stance=stance))


ORACLE_FIGURES = {
    "article_count": _count("extraction__article_id"),
    "outlet_count": _count(OUTLET_KEY),
    "origin_count": _count(ORIGIN_KEY, filter=SUPPORT & Q(leads=True)),
    "asserted_count": _stance_count(Stance.ASSERTED),
    "attributed_count": _stance_count(Stance.ATTRIBUTED),
    "hedged_count": _stance_count(Stance.HEDGED),
    "no_comment_count": _stance_count(Stance.NO_COMMENT),
    "denied_count": _stance_count(Stance.DENIED),
    "undated_count": _count("extraction__article_id", filter=SUPPORT & UNDATED),
    "first_seen": _aggregate(Min(F("extraction__article__published"))),
    "last_seen": _aggregate(Max(F("extraction__article__published"))),
}
ORACLE_STATUS = Case(
    When(article_count=0, no_comment_count=0, denied_count=0, then=Value(Claim.Status.WITHDRAWN)),
    When(
        Q(denied_count__gt=0) | Exists(Claim.contradicts.through.objects.filter(from_claim=OuterRef("pk"))),
        then=Value(Claim.Status.CONTESTED),
    ),
    When(origin_count__gte=2, then=Value(Claim.Status.CORROBORATED)),
    default=Value(Claim.Status.SINGLE_SOURCE),
)
FIELDS = [*ORACLE_FIGURES, "status"]


def _oracle_recompute(ids):
    claims = Claim.objects.filter(pk__in=ids)
    claims.update(**ORACLE_FIGURES, search_document=SEARCH_DOCUMENT)
    claims.update(status=ORACLE_STATUS)


def _scramble(ids):
    """Figures that no recompute would leave, so each test sees what the recompute wrote."""
    Claim.objects.filter(pk__in=ids).update(
        **{name: 97 for name in ORACLE_FIGURES if name.endswith("_count")},
        first_seen=dt.date(1999, 1, 1), last_seen=None, search_document=None, status=Claim.Status.CONTESTED,
        dirty=True,
    )


def _figures(ids):
    """Each claim's figures and status, and its search document as lexeme -> weights.

    Positions in a tsvector follow the order the texts were joined in, which the
    subqueries never fixed; which words a claim is found by, and at what weight
    and how often, is what search reads.
    """
    rows = {row["pk"]: row for row in Claim.objects.filter(pk__in=ids).values("pk", *FIELDS)}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, lexeme, weights FROM claims_claim, unnest(search_document) WHERE id = ANY(%s)",
            [list(ids)],
        )
        for pk, lexeme, weights in cursor.fetchall():
            rows[pk].setdefault("search", {})[lexeme] = sorted(weights)
    return rows


# --- A varied corpus ---

WORDS = "harbour ledger ceasefire pipeline ministry convoy grain tariff border archive inquiry quota".split()


def _corpus(seed: int) -> list[int]:
    """Claims over articles of known and unknown outlets, dated and undated, withdrawn,
    reprinted; evidence of every stance, some rejected, some crediting named origins,
    some echoing earlier evidence, several per article with tied sentence positions."""
    rng = random.Random(seed)
    entities = [EntityFactory() for _ in range(6)]
    for entity in entities[:4]:
        AliasFactory(entity=entity)
    AliasFactory(entity=entities[0], blocked=True)
    origins = [EntityFactory(kind="ORG") for _ in range(3)]
    sources = [SourceFactory() for _ in range(4)]
    articles = []
    for _ in range(30):
        articles.append(ArticleFactory(
            source=rng.choice([*sources, None]),
            published=rng.choice([None, dt.date(2025, 3, 1) + dt.timedelta(days=rng.randrange(60))]),
            state=Article.State.WITHDRAWN if rng.random() < 0.1 else Article.State.DONE,
            reprint_of=rng.choice(articles) if articles and rng.random() < 0.15 else None,
        ))
    claims = []
    for _ in range(25):
        claim = ClaimFactory(
            actor=rng.choice([*entities, None]), target=rng.choice([*entities, None]),
            about=rng.choice([*entities, None]), summary=" ".join(rng.sample(WORDS, 3)),
        )
        evidence = []
        for _ in range(rng.randrange(7)):
            credited = [rng.choice(origins)] if rng.random() < 0.35 else []
            evidence.append(EvidenceFactory(
                claim=claim,
                echo_of=rng.choice(evidence) if evidence and rng.random() < 0.2 else None,
                extraction__article=rng.choice(articles[: rng.choice([4, 30])]),
                extraction__stance=rng.choice([*SUPPORTING, *SUPPORTING, Stance.NO_COMMENT, Stance.DENIED]),
                extraction__sentence_start=rng.choice([0, 40, 80]),
                extraction__sentence=" ".join(rng.sample(WORDS, 5)) + ".",
                extraction__rejected=rng.random() < 0.15,
                extraction__origins=credited,
            ))
        claims.append(claim)
    # Cases chance may miss: nothing live left (one rejected, one withdrawn); two
    # sentences of one article at the same position, where the earlier evidence leads;
    # an article and its syndicated copy, one origin.
    rejected, withdrawn, tied, reprinted = ClaimFactory(), ClaimFactory(), ClaimFactory(), ClaimFactory()
    original = ArticleFactory()
    for article in (original, ArticleFactory(reprint_of=original), ArticleFactory(reprint_of=original)):
        EvidenceFactory(claim=reprinted, extraction__article=article)
    EvidenceFactory(claim=rejected, extraction__rejected=True)
    EvidenceFactory(claim=withdrawn, extraction__article=ArticleFactory(state=Article.State.WITHDRAWN))
    shared = ArticleFactory()
    for stance in (Stance.HEDGED, Stance.ASSERTED):
        EvidenceFactory(claim=tied, extraction__article=shared, extraction__stance=stance,
                        extraction__origins=[origins[0]] if stance == Stance.ASSERTED else [])
    claims += [rejected, withdrawn, tied, reprinted]
    for first, second in zip(claims[:4], claims[4:8]):
        first.contradicts.add(second)
    return [claim.pk for claim in claims]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_set_based_recompute_counts_what_the_per_claim_subqueries_counted(seed):
    ids = _corpus(seed)
    emptied = set(Claim.objects.filter(pk__in=ids, evidence__isnull=True).values_list("pk", flat=True))
    _oracle_recompute(ids)
    expected = _figures(ids)
    _scramble(ids)

    assert claims_recompute(claim_ids=ids) == len(ids)

    assert set(Claim.objects.filter(pk__in=ids).values_list("pk", flat=True)) == set(ids) - emptied
    actual = _figures(ids)
    for pk in set(ids) - emptied:
        assert actual[pk] == expected[pk], f"claim {pk}"
    assert not Claim.objects.filter(pk__in=ids, dirty=True).exists()


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_full_recompute_finds_and_mends_every_wrong_figure(seed):
    """``claims_recompute_all`` checks figures with a statement of its own: it must count as the recompute does."""
    ids = _corpus(seed)
    emptied = set(Claim.objects.filter(pk__in=ids, evidence__isnull=True).values_list("pk", flat=True))
    _oracle_recompute(ids)
    expected = _figures(ids)
    claims_recompute(claim_ids=ids)
    kept = sorted(set(ids) - emptied)
    # Half the claims with every figure and the status wrong, none of them marked stale;
    # their search documents are right and stay so.
    Claim.objects.filter(pk__in=kept[::2]).update(
        **{name: 97 for name in ORACLE_FIGURES if name.endswith("_count")},
        first_seen=dt.date(1999, 1, 1), last_seen=None, status=Claim.Status.CONTESTED,
    )
    # One figure wrong at a time, each on its own claim, so no comparison hides behind another.
    fields = [*ORACLE_FIGURES, "status"]
    assert len(kept[1::2]) >= len(fields)
    for pk, field in zip(kept[1::2], fields):
        if field == "status":
            wrong = next(status for status in Claim.Status if status != expected[pk]["status"])
        else:
            wrong = dt.date(1999, 1, 1) if field.endswith("_seen") else 97
        Claim.objects.filter(pk=pk).update(**{field: wrong})

    assert claims_recompute_all() == len(kept)

    actual = _figures(ids)
    for pk in kept:
        assert actual[pk] == expected[pk], f"claim {pk}"


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_full_recompute_finds_nothing_to_recompute_after_the_recompute(seed):
    """Its check counts exactly as the recompute does: after one, it finds no claim to recompute."""
    ids = _corpus(seed)
    claims_recompute(claim_ids=ids)
    versions = lambda: dict(Claim.objects.extra(select={"version": "xmin::text"}).values_list("pk", "version"))  # noqa: E731
    before = versions()

    with CaptureQueriesContext(connection) as queries:
        claims_recompute_all()

    assert not [query for query in queries if "UPDATE claims_claim" in query["sql"]]
    assert versions() == before


def test_the_corpus_is_varied_enough_to_tell():
    """Each case the recompute distinguishes occurs in the corpus, so the comparison above can fail."""
    ids = _corpus(1)
    claims_recompute(claim_ids=ids)
    claims = Claim.objects.filter(pk__in=ids)
    evidence = Evidence.objects.filter(claim__in=claims)

    assert claims.count() < len(ids)  # some claims had no evidence and are gone

    assert {c.status for c in claims} == set(Claim.Status)
    assert claims.filter(undated_count__gt=0).exists() and claims.filter(no_comment_count__gt=0).exists()
    assert evidence.filter(echo_of__isnull=False).exists()
    assert evidence.filter(extraction__article__reprint_of__isnull=False).exists()
    assert evidence.filter(extraction__article__source__isnull=True).exists()
    assert evidence.filter(extraction__rejected=True).exists()
    assert evidence.filter(extraction__article__state=Article.State.WITHDRAWN).exists()
    # Two supporting sentences of one claim in one article, so which one leads matters.
    assert (
        live_evidence().filter(SUPPORT, claim__in=claims).values("claim", "extraction__article")
        .annotate(n=Count("pk")).filter(n__gt=1).exists()
    )

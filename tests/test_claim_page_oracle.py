"""The claim page's explanation and charts, counted in Python, agree with the SQL they replaced.

Until 2026-12-07 each figure and chart of a claim page was an aggregate query
over the claim's leading support (issue 11: twelve queries a page). They are
now counted from the evidence rows the page reads (``claims.selectors.Support``).
The old queries are kept here as the oracle, on the varied corpus of the
recompute's oracle (echoes, syndicated copies, unknown outlets, rejected and
withdrawn evidence, tied sentence positions).
"""
import pytest
from django.db.models import Case, CharField, Count, F, Q, Value, When
from django.db.models.functions import Coalesce, Concat

from claims import selectors
from claims.corroboration import ORIGIN_ARTICLE, OUTLET_KEY, SUPPORT, _leads_its_article, claims_recompute, live_evidence
from claims.models import Claim
from tests.test_corroboration_oracle import _corpus

pytestmark = pytest.mark.django_db

UNKNOWN = "unknown outlet"
OUTLET_NAME = Coalesce(F("extraction__article__source__name"), Value(UNKNOWN))
ORIGIN_NAME = Case(
    When(extraction__origin__isnull=False, then=F("extraction__origin__name")),
    When(echo_of__isnull=False, then=Concat(
        Coalesce(F("echo_of__extraction__article__source__name"), Value(UNKNOWN)), Value(" (wire copy)"),
    )),
    default=Concat(OUTLET_NAME, Value(" (own reporting)")),
    output_field=CharField(),
)


def _leading(claim):
    return live_evidence().filter(claim=claim).filter(SUPPORT).alias(leads=_leads_its_article()).filter(leads=True)


def _explanation(claim) -> tuple:
    support = _leading(claim)
    totals = support.aggregate(
        articles=Count("extraction__article_id", distinct=True),
        outlets=Count(OUTLET_KEY, distinct=True),
        reprinted=Count(OUTLET_KEY, distinct=True, filter=Q(extraction__article__reprint_of__isnull=False)),
    )
    credited = sorted(
        (row["name"], row["articles"], 1) for row in support.exclude(extraction__origin=None)
        .values(name=F("extraction__origin__name"), origin_id=F("extraction__origin_id"))
        .annotate(articles=Count("extraction__article_id", distinct=True))
    )
    rows = (
        support.filter(extraction__origin=None)
        .annotate(origin=ORIGIN_ARTICLE, outlet=Case(
            When(echo_of__isnull=False, then=Coalesce(
                F("echo_of__extraction__article__reprint_of__source__name"),
                F("echo_of__extraction__article__source__name"),
            )),
            When(extraction__article__reprint_of__isnull=False, then=F("extraction__article__reprint_of__source__name")),
            default=F("extraction__article__source__name"),
        ))
        .values("origin", "outlet")
        .annotate(articles=Count("extraction__article_id", distinct=True))
    )
    by_outlet: dict[str, list[int]] = {}
    for row in rows:
        by_outlet.setdefault(row["outlet"] or UNKNOWN, []).append(row["articles"])
    uncredited = sorted((name, sum(counts), len(counts)) for name, counts in by_outlet.items())
    return totals["articles"], totals["outlets"], totals["reprinted"], sorted(credited + uncredited)


def _charts(claim) -> tuple:
    support = _leading(claim)
    day_counts = list(
        support.exclude(extraction__article__published=None)
        .values(published=F("extraction__article__published"), stance=F("extraction__stance"))
        .annotate(articles=Count("extraction__article_id", distinct=True)).order_by("published", "stance")
    )
    articles = list(
        support.values(
            article_id=F("extraction__article_id"), published=F("extraction__article__published"),
            outlet=OUTLET_NAME, origin=ORIGIN_NAME,
        ).order_by(F("extraction__article__published").asc(nulls_last=True), "extraction__article_id")
    )
    links = list(
        support.values(origin=ORIGIN_NAME, outlet=OUTLET_NAME)
        .annotate(articles=Count("extraction__article_id", distinct=True)).order_by("origin", "outlet")
    )
    mix = list(
        support.values(
            kind=Coalesce(F("extraction__article__source__kind"), Value("")),
            country=Coalesce(F("extraction__article__source__country"), Value("")),
        ).annotate(articles=Count("extraction__article_id", distinct=True)).order_by("kind", "country")
    )
    return day_counts, articles, links, mix


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_claim_pages_counts_are_the_aggregate_queries_they_replaced(seed):
    ids = _corpus(seed)
    claims_recompute(claim_ids=ids)

    for claim in Claim.objects.filter(pk__in=ids):
        support = selectors.claim_support(claim=claim, evidence=list(selectors.claim_evidence(claim=claim)))
        explanation = support.explanation()
        shares = sorted((share.name, share.articles, share.origins) for share in explanation.origins)
        assert (explanation.articles, explanation.outlets, explanation.reprinted, shares) == _explanation(claim), claim.pk
        assert (explanation.articles, explanation.outlets, explanation.origin_count) == (
            claim.article_count, claim.outlet_count, claim.origin_count,
        ), claim.pk
        assert (support.day_counts(), support.articles(), support.origin_links(), support.source_mix()) == (
            _charts(claim)
        ), claim.pk
        # The figures fragment reads the supporting evidence alone: the same counts.
        assert str(selectors.claim_explanation(claim=claim)) == str(explanation)

"""Extraction, resolution and grouping measured against the hand-made gold annotation.

The floors asserted here are the scores measured on the five samples (see the
README's "Extraction quality"); a change that lowers one fails.
"""
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from claims.selectors import claim_named_origins
from claims.evaluation import evaluate
from claims.models import Claim, Kind

ROOT = Path(__file__).resolve().parent.parent
GOLD = json.loads((ROOT.parent / "shared" / "gold" / "seed_annotations.json").read_text(encoding="utf-8"))

pytestmark = [pytest.mark.e2e, pytest.mark.django_db]


@pytest.fixture
def samples():
    call_command("ingest", str(ROOT / "fixtures"), inline=True)


def test_the_samples_score_at_least_the_measured_floors(samples):
    report = evaluate(GOLD)

    assert report.actors_kept_apart.ratio == 1.0, report.actors_kept_apart.misses
    assert report.actors_resolved.found >= 38, report.actors_resolved.misses
    assert report.speakers.ratio == 1.0, report.speakers.misses
    assert report.quote_f1 >= 0.85
    assert report.demand_recall.ratio == 1.0, report.demand_recall.misses
    assert report.stance.ratio >= 0.9, report.stance.misses
    assert report.furniture_clean.ratio == 1.0, report.furniture_clean.misses


def _claim(**filters) -> Claim:
    return Claim.objects.filter(**filters).order_by("-article_count").first()


def test_the_hand_over_demand_has_five_articles_and_their_stances(samples):
    claim = _claim(kind=Kind.DEMAND, predicate="hand over", about__name="Bashar al-Assad")

    assert (claim.actor.name, claim.target.name) == ("Syria", "Russia")
    assert claim.article_count == 5
    assert (claim.asserted_count, claim.attributed_count, claim.hedged_count) == (1, 2, 2)
    assert claim.origin_count <= 4
    assert [o["name"] for o in claim_named_origins(claim=claim)] == ["Reuters"]


def test_the_compensation_demand_has_four_articles_crediting_sana_and_bloomberg(samples):
    claim = next(
        c for c in Claim.objects.filter(kind=Kind.DEMAND, actor__name="Syria").order_by("-article_count")
        if "compensation" in c.summary.casefold()
    )

    assert claim.article_count == 4
    assert {o["name"].casefold() for o in claim_named_origins(claim=claim)} >= {"sana", "bloomberg"}


def test_the_bases_unresolved_status_has_at_least_four_articles(samples):
    claim = _claim(kind=Kind.STATUS)

    assert claim.article_count >= 4

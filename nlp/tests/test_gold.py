"""The measured scores on the five sample articles against the seed gold annotation.

The floors asserted are the scores reached when this was written; a rule change
that lowers one fails here. The gold is used only by tests.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from nlp import Extractor
from nlp.scoring import article_text, load_gold, score

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT.parent / "shared" / "gold" / "seed_annotations.json"

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not GOLD.exists(), reason="the seed gold annotation is not checked out here"),
]


@pytest.fixture(scope="module")
def measured():
    gold = load_gold(GOLD)
    extractor = Extractor()
    texts, analyses = {}, {}
    for article, meta in gold["articles"].items():
        texts[article] = article_text((ROOT / "fixtures" / meta["file"]).read_text(encoding="utf-8"))
        published = dt.date.fromisoformat(meta["published"]) if meta["published"] else None
        analyses[article] = extractor.analyse(texts[article], published=published)
    return score(gold, texts, analyses)


def test_every_gold_statement_speaker_is_right(measured):
    assert measured.speaker.ratio == 1.0, measured.misses


def test_quote_spans_overlap_the_gold_quotes(measured):
    assert measured.quote_f1.ratio >= 0.9


def test_demand_recall_reaches_its_floor(measured):
    # 9/10: "Al-Julani pressed Moscow" names a person whose tie to Syria is only in other articles.
    assert measured.demand_recall.ratio >= 0.9, measured.misses


def test_demand_precision_reaches_its_floor(measured):
    # 9/12: "Al-Julani reportedly pressed Moscow for financial compensation, reconstruction aid,
    # and an acknowledgment of past mistakes" is three demands now (coordinated objects are
    # separate demands), all by the person; that he acts for the state is learned from other
    # articles, in the database (the stored evaluation finds the gold demand there: 10/10).
    assert measured.demand_precision.ratio >= 0.75


def test_the_stance_of_gold_evidence_is_right(measured):
    assert measured.stance.ratio >= 0.95, measured.misses


def test_nothing_is_extracted_from_page_furniture(measured):
    assert measured.furniture_extractions == 0

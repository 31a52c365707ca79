"""The development set's gold annotations are consistent with their articles (devset/README.md).

A quote that is not in its article, a name that is not one of the story's
actors or a miscounted claim would make every score measured on the set
wrong, silently; this catches them when a story is added or edited.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLDS = sorted((ROOT / "devset").rglob("gold.json"))
# Fields of claims, evidence and responses that name an actor of the story.
_NAME_FIELDS = ("actor", "target", "speaker", "origin", "by", "via")


def _texts(gold_path: Path, gold: dict) -> dict[str, str]:
    return {
        article: (gold_path.parent / meta["file"]).read_text(encoding="utf-8")
        for article, meta in gold["articles"].items()
    }


def _named(item: dict):
    for field in _NAME_FIELDS:
        value = item.get(field)
        for name in value if isinstance(value, list) else [value]:
            if name:
                yield field, name


@pytest.mark.parametrize("gold_path", GOLDS, ids=lambda p: str(p.parent.relative_to(ROOT / "devset")))
def test_a_gold_story_agrees_with_its_articles(gold_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    texts = _texts(gold_path, gold)
    canonical = {actor["canonical"] for actor in gold["actors"]}
    problems = []

    for actor in gold["actors"]:
        problems += [f"surface form {form!r} of {actor['canonical']} is in no article"
                     for form in actor["surface_forms"] if not any(form in text for text in texts.values())]
    quoted = [*gold.get("statements", []), *gold.get("boilerplate", [])]
    for claim in gold["claims"]:
        problems += [f"claim {claim['id']}: {field} {name!r} is not an actor of the story"
                     for field, name in _named(claim) if name not in canonical]
        for item in [*claim.get("evidence", []), *claim.get("responses", [])]:
            problems += [f"claim {claim['id']}: {field} {name!r} is not an actor of the story"
                         for field, name in _named(item) if name not in canonical]
            quoted.append(item)
        articles = {item["article"] for item in claim.get("evidence", [])}
        expected = claim.get("expected", {}).get("articles")
        if expected is not None and expected != len(articles):
            problems.append(f"claim {claim['id']}: expects {expected} articles, its evidence has {len(articles)}")
    for statement in gold.get("statements", []):
        problems += [f"statement {statement['quote'][:40]!r}: {field} {name!r} is not an actor of the story"
                     for field, name in _named(statement) if name not in canonical]
    for item in quoted:
        if item.get("quote") and item["quote"] not in texts.get(item["article"], ""):
            problems.append(f"{item['article']}: {item['quote'][:60]!r} is not in the article")

    assert not problems, "\n".join(problems)

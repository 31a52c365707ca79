"""Score extraction against a gold file in the seed annotation's format.

Pure: takes the gold JSON (as a dict), the article texts and their
``Analysis``, and returns the measured figures. Used by tests (test_gold.py),
``bench/`` and any evaluate command; it reads nothing from disk itself except
through ``load_gold``.

Figures:
- statement speaker accuracy: each gold statement is found by overlap of its
  quote with an extraction's content; the speaker is right when its key is the
  gold speaker by ``same_name``, by an alias the article declares, or (for a
  state) through the speaker's affiliation to that state;
- quote span F1: token overlap between that content and the gold quote;
- demand recall / precision: a gold demand evidence is found when a demand
  extraction in its sentence has the gold actor (or the actor's state) and
  the gold target, and every found evidence of one claim shares a predicate;
  precision is over the demand extractions in sentences holding gold demand
  evidence;
- stance accuracy over every gold evidence and response, with the named
  origin checked when the gold gives one;
- furniture: extractions overlapping gold boilerplate (must be none).
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .normalise import same_name
from .types import DEMAND, Analysis, Extraction

_DATE_PREFIX = re.compile(r"\A\s*date:?[ \t]+(\d{4}-\d{1,2}-\d{1,2})(?=\s|\Z)", re.IGNORECASE)
_WORD = re.compile(r"\w+")


@dataclass
class Figure:
    hits: float = 0
    total: int = 0

    @property
    def ratio(self) -> float:
        return self.hits / self.total if self.total else 1.0

    def add(self, hit: float) -> None:
        self.hits += hit
        self.total += 1


@dataclass
class GoldScore:
    speaker: Figure = field(default_factory=Figure)
    quote_f1: Figure = field(default_factory=Figure)
    demand_recall: Figure = field(default_factory=Figure)
    demand_precision: Figure = field(default_factory=Figure)
    stance: Figure = field(default_factory=Figure)
    furniture_extractions: int = 0
    misses: list[str] = field(default_factory=list)

    def table(self) -> str:
        rows = [
            ("statement speaker accuracy", self.speaker),
            ("quote span F1 (mean)", self.quote_f1),
            ("demand recall", self.demand_recall),
            ("demand precision", self.demand_precision),
            ("stance accuracy", self.stance),
        ]
        lines = [f"{name:<28} {fig.ratio:6.1%}  ({fig.hits:g}/{fig.total})" for name, fig in rows]
        lines.append(f"{'extractions from furniture':<28} {self.furniture_extractions}")
        return "\n".join(lines)


def load_gold(path: str | Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def article_text(raw: str) -> str:
    """The article body as ingest stores it: the sample's leading "date YYYY-MM-DD" removed."""
    return _DATE_PREFIX.sub("", raw, count=1).strip()


def score(gold: dict, texts: dict[str, str], analyses: dict[str, Analysis]) -> GoldScore:
    """Score ``analyses`` (by gold article id) of ``texts`` against ``gold``."""
    result = GoldScore()
    _score_statements(gold, texts, analyses, result)
    _score_demands(gold, texts, analyses, result)
    _score_stances(gold, texts, analyses, result)
    _score_furniture(gold, texts, analyses, result)
    return result


# -- matching ----------------------------------------------------------


def names_match(key: str | None, gold_name: str, analysis: Analysis) -> bool:
    """Whether an article key denotes the gold actor: same name, declared alias, or its state."""
    if not key:
        return False
    if same_name(key, gold_name):
        return True
    for alias in analysis.aliases:
        names = (alias.name, alias.alias)
        if any(same_name(key, n) for n in names) and any(same_name(gold_name, n) for n in names):
            return True
    return any(
        same_name(a.member, key) and same_name(a.state, gold_name) for a in analysis.affiliations
    )


def _locate(text: str, quote: str) -> tuple[int, int] | None:
    at = text.find(quote)
    return (at, at + len(quote)) if at >= 0 else None


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _tokens(text: str) -> Counter:
    return Counter(w.lower() for w in _WORD.findall(text))


def token_f1(found: str, gold: str) -> float:
    f, g = _tokens(found), _tokens(gold)
    common = sum((f & g).values())
    if not common:
        return 0.0
    precision, recall = common / sum(f.values()), common / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def _best(extractions: list[Extraction], span: tuple[int, int], *, kind: str | None, use_content: bool) -> Extraction | None:
    best, best_overlap = None, 0
    for extraction in extractions:
        if kind is not None and extraction.kind != kind:
            continue
        where = extraction.content if use_content and extraction.content is not None else extraction.sentence
        overlap = _overlap((where.start, where.end), span)
        if overlap > best_overlap:
            best, best_overlap = extraction, overlap
    return best


# -- the figures ---------------------------------------------------------


def _score_statements(gold: dict, texts: dict[str, str], analyses: dict[str, Analysis], result: GoldScore) -> None:
    for statement in gold.get("statements", []):
        article, quote = statement["article"], statement["quote"]
        span = _locate(texts[article], quote)
        analysis = analyses[article]
        found = _best(analysis.extractions, span, kind="statement", use_content=True) if span else None
        right = found is not None and found.actor is not None and names_match(found.actor.key, statement["speaker"], analysis)
        result.speaker.add(1 if right else 0)
        result.quote_f1.add(token_f1(found.content.text, quote) if found is not None and found.content else 0.0)
        if not right:
            who = found.actor.key if found is not None and found.actor is not None else None
            result.misses.append(f"speaker {article}: {quote[:50]!r} gold={statement['speaker']} got={who}")


def _score_demands(gold: dict, texts: dict[str, str], analyses: dict[str, Analysis], result: GoldScore) -> None:
    demand_sentences: dict[str, list[tuple[int, int]]] = {}
    right_ids: set[int] = set()
    for claim in gold.get("claims", []):
        if claim["kind"] != DEMAND:
            continue
        found_here: list[tuple[dict, Extraction | None]] = []
        for evidence in claim["evidence"]:
            article = evidence["article"]
            span = _locate(texts[article], evidence["quote"])
            demand_sentences.setdefault(article, []).append(span or (0, 0))
            found_here.append((evidence, _right_demand(claim, analyses[article], span)))
        predicates = Counter(e.predicate for _, e in found_here if e is not None)
        common = predicates.most_common(1)[0][0] if predicates else None
        for evidence, extraction in found_here:
            right = extraction is not None and extraction.predicate == common
            result.demand_recall.add(1 if right else 0)
            if right:
                right_ids.add(id(extraction))
            else:
                got = (extraction.predicate if extraction else None)
                result.misses.append(f"demand {claim['id']} {evidence['article']}: {evidence['quote'][:50]!r} got={got}")
    for article, spans in demand_sentences.items():
        demands = [x for x in analyses[article].extractions if x.kind == DEMAND]
        # "pressed X for compensation, aid and an apology" is three demands, of which the gold
        # names one: its coordinated siblings (same sentence, actor and target) are right too.
        right_keys = {_demand_key(x) for x in demands if id(x) in right_ids}
        for extraction in demands:
            sentence = (extraction.sentence.start, extraction.sentence.end)
            if any(_overlap(sentence, s) for s in spans):
                right = id(extraction) in right_ids or _demand_key(extraction) in right_keys
                result.demand_precision.add(1 if right else 0)


def _demand_key(extraction: Extraction) -> tuple:
    return (
        extraction.sentence.start,
        extraction.actor.key if extraction.actor else None,
        extraction.target.key if extraction.target else None,
    )


def _right_demand(claim: dict, analysis: Analysis, span: tuple[int, int] | None) -> Extraction | None:
    if span is None:
        return None
    for extraction in analysis.extractions:
        if extraction.kind != DEMAND or not _overlap((extraction.sentence.start, extraction.sentence.end), span):
            continue
        actor_ok = extraction.actor is not None and names_match(extraction.actor.key, claim["actor"], analysis)
        target_ok = "target" not in claim or (
            extraction.target is not None and names_match(extraction.target.key, claim["target"], analysis)
        )
        if actor_ok and target_ok:
            return extraction
    return None


def _score_stances(gold: dict, texts: dict[str, str], analyses: dict[str, Analysis], result: GoldScore) -> None:
    for claim in gold.get("claims", []):
        for evidence, kind in [(e, claim["kind"]) for e in claim["evidence"]] + [
            (r, "statement") for r in claim.get("responses", [])
        ]:
            article = evidence["article"]
            analysis = analyses[article]
            span = _locate(texts[article], evidence["quote"])
            found = None
            if span is not None:
                found = _best(analysis.extractions, span, kind=kind, use_content=False) or _best(
                    analysis.extractions, span, kind=None, use_content=False
                )
            right = found is not None and found.stance == evidence["stance"]
            if right and evidence.get("origin"):
                right = any(names_match(o.key, evidence["origin"], analysis) for o in found.origins)
            result.stance.add(1 if right else 0)
            if not right:
                got = (found.kind, found.stance, [o.key for o in found.origins]) if found else None
                result.misses.append(
                    f"stance {claim['id']} {article}: {evidence['quote'][:50]!r} gold={evidence['stance']}"
                    f"/{evidence.get('origin')} got={got}"
                )


def _score_furniture(gold: dict, texts: dict[str, str], analyses: dict[str, Analysis], result: GoldScore) -> None:
    for line in gold.get("boilerplate", []):
        article = line["article"]
        span = _locate(texts[article], line["quote"])
        if span is None:
            continue
        for extraction in analyses[article].extractions:
            if _overlap((extraction.sentence.start, extraction.sentence.end), span):
                result.furniture_extractions += 1

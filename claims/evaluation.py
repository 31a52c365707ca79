"""Scores what the pipeline stored against a gold annotation file.

The gold format is that of ``shared/gold/seed_annotations.json``: articles by
id with their file names, actors with every surface form, claims with the
evidence quote and stance in each article, statements with their speakers,
and page furniture. The articles must already be ingested and processed
(``ingest --inline`` or with a worker); they are matched by file name.

Every figure is "found / expected", so a reader sees what was missed.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count

from articles.models import Article
from entities.models import Entity, Mention
from entities.services import entity_canonical

from .models import Claim, Evidence, Extraction, Kind

_WORD = re.compile(r"\w+")


@dataclass
class Score:
    found: int = 0
    expected: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    def add(self, ok: bool, miss: str) -> None:
        self.expected += 1
        if ok:
            self.found += 1
        else:
            self.misses.append(miss)


@dataclass
class Report:
    actors_resolved: Score
    actors_kept_apart: Score
    speakers: Score
    anonymous_speakers: Score
    quote_f1: float
    demand_recall: Score
    demand_precision: Score
    stance: Score
    claims_found: Score
    claims_pure: Score
    renewals_apart: Score
    unattributed_apart: Score
    claim_articles: Score
    furniture_clean: Score

    def rows(self) -> list[tuple[str, str, float]]:
        """One row a measure, grouped by the failure classes they watch."""

        def row(name, score):
            return (name, f"{score.found}/{score.expected}", score.ratio)

        return [
            row("claims: gold claim found with its actor and target (recall)", self.claims_found),
            row("claims: stored claims holding one gold proposition only (precision)", self.claims_pure),
            row("claims: renewed requests kept apart from the earlier one", self.renewals_apart),
            row("claims: statements without a speaker grouped with nothing across articles", self.unattributed_apart),
            row("claims: article count as expected", self.claim_articles),
            row("demands: gold evidence found (recall)", self.demand_recall),
            row("demands: extractions matching a gold demand (precision; gold lists one per article)", self.demand_precision),
            row("stance of gold evidence right", self.stance),
            row("statements: speaker right", self.speakers),
            row("statements: anonymous (role-noun) speaker filed under its organisation", self.anonymous_speakers),
            ("statements: quote span F1 (token overlap)", "", self.quote_f1),
            row("actors: every surface form resolves to one entity", self.actors_resolved),
            row("actors: no two gold actors merged", self.actors_kept_apart),
            row("furniture lines yielding nothing", self.furniture_clean),
        ]


def gold_merge(golds: list[dict]) -> dict:
    """Several gold files (one a story) as one: article ids must differ; actors of one name are one."""
    merged: dict = {"articles": {}, "actors": [], "claims": [], "statements": [], "boilerplate": []}
    actors: dict[str, dict] = {}
    for gold in golds:
        clash = set(merged["articles"]) & set(gold["articles"])
        if clash:
            raise ValueError(f"article ids used by two gold files: {sorted(clash)}")
        merged["articles"].update(gold["articles"])
        for actor in gold["actors"]:
            known = actors.setdefault(actor["canonical"], {**actor, "surface_forms": []})
            known["surface_forms"] = list(dict.fromkeys([*known["surface_forms"], *actor["surface_forms"]]))
        for key in ("claims", "statements", "boilerplate"):
            merged[key].extend(gold.get(key, []))
    merged["actors"] = list(actors.values())
    return merged


def evaluate(gold: dict) -> Report:
    articles = _articles_by_gold_id(gold)
    actors = _actor_entities(gold, articles)
    speakers, anonymous, quote_f1 = _score_statements(gold, articles, actors)
    recall, precision = _score_demands(gold, articles, actors)
    holding = _claims_holding(gold, articles)
    best = _best_claims(holding, {claim["id"]: claim["kind"] for claim in gold["claims"]})
    return Report(
        actors_resolved=_score_actor_forms(gold, articles, actors),
        actors_kept_apart=_score_actors_apart(gold, actors),
        speakers=speakers,
        anonymous_speakers=anonymous,
        quote_f1=quote_f1,
        demand_recall=recall,
        demand_precision=precision,
        stance=_score_stances(gold, articles),
        claims_found=_score_claims_found(gold, actors, best),
        claims_pure=_score_claims_pure(holding),
        renewals_apart=_score_renewals(gold, best),
        unattributed_apart=_score_unattributed(articles),
        claim_articles=_score_claim_counts(gold, best),
        furniture_clean=_score_furniture(gold, articles),
    )


def _articles_by_gold_id(gold: dict) -> dict[str, Article]:
    wanted = {meta["file"]: gold_id for gold_id, meta in gold["articles"].items()}
    found = {}
    for article in Article.objects.all():
        name = article.original_name.rsplit("/", 1)[-1]
        if name in wanted:
            found[wanted[name]] = article
    missing = set(gold["articles"]) - set(found)
    if missing:
        raise ValueError(f"articles not ingested: {sorted(gold['articles'][m]['file'] for m in missing)}")
    return found


# --- Actors -----------------------------------------------------------------------


def _bare(text: str) -> str:
    return re.sub(r"^the\s+", "", text.strip(), flags=re.IGNORECASE).casefold()


def _mention_entities(form: str, articles: dict[str, Article], *, inside: bool = False) -> Counter:
    """Canonical entities of the mentions spelled ``form`` in the gold articles.

    A leading "the" is not part of a name ("the Kremlin" is the mention "Kremlin").
    With ``inside``, mentions that contain the form count too ("al-Tamimi" is
    named only inside "Abu Khalid al-Tamimi").
    """
    wanted = _bare(form)
    mentions = Mention.objects.filter(article__in=articles.values(), rejected=False).select_related(
        "entity__merged_into"
    )
    return Counter(
        entity_canonical(m.entity).pk
        for m in mentions
        if _bare(m.text) == wanted or (inside and re.search(rf"\b{re.escape(wanted)}\b", m.text.casefold()))
    )


def _actor_entities(gold: dict, articles: dict[str, Article]) -> dict[str, int | None]:
    """Each gold actor's entity: the one most of its surface forms' mentions resolve to."""
    result = {}
    for actor in gold["actors"]:
        votes = Counter()
        for form in actor["surface_forms"]:
            votes.update(_mention_entities(form, articles))
        result[actor["canonical"]] = votes.most_common(1)[0][0] if votes else None
    return result


def _score_actor_forms(gold, articles, actors) -> Score:
    score = Score()
    for actor in gold["actors"]:
        entity_id = actors[actor["canonical"]]
        for form in actor["surface_forms"]:
            entities = _mention_entities(form, articles) or _mention_entities(form, articles, inside=True)
            if not entities:
                score.add(False, f"{actor['canonical']}: {form!r} never found as a mention")
                continue
            # A capital is both the city and, when it acts, the state: any acting mention counts.
            score.add(entity_id in entities, f"{actor['canonical']}: {form!r} resolved to {_names(entities)}")
    return score


def _score_actors_apart(gold, actors) -> Score:
    score = Score()
    owners = defaultdict(list)
    for name, entity_id in actors.items():
        if entity_id is not None:
            owners[entity_id].append(name)
    for name, entity_id in actors.items():
        shared = [other for other in owners.get(entity_id, []) if other != name]
        score.add(entity_id is not None and not shared, f"{name} shares an entity with {shared}")
    return score


def _names(counter: Counter) -> list[str]:
    names = dict(Entity.objects.filter(pk__in=counter).values_list("pk", "name"))
    return [names[pk] for pk in counter]


# --- Statements and demands ------------------------------------------------------------


def _tokens(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def _f1(found: str, gold: str) -> float:
    a, b = Counter(_tokens(found)), Counter(_tokens(gold))
    common = sum((a & b).values())
    if not common:
        return 0.0
    precision, recall = common / sum(a.values()), common / sum(b.values())
    return 2 * precision * recall / (precision + recall)


def _as_filed(text: str, entity: Entity | None) -> str:
    """ "We=Isgaria": the words of the article, and the entity they were filed under when it is
    named otherwise (a miss by a pronoun resolved right is a miss of the target, not the actor)."""
    name = entity.name if entity is not None else ""
    return text if not name or name == text else f"{text}={name}"


def _extractions_covering(article: Article, quote: str, kinds=None):
    """Extractions of ``article`` whose sentence or content overlaps the gold quote."""
    start = article.body.find(quote)
    rows = Extraction.objects.live().filter(article=article).select_related("actor__represents", "target", "about")
    if kinds:
        rows = rows.filter(kind__in=kinds)
    if start < 0:
        return []
    end = start + len(quote)
    return [x for x in rows if x.sentence_start < end and start < x.sentence_end]


def _extractions_carrying(article: Article, quote: str, kinds=None):
    """Of the extractions covering the quote, those whose content overlaps it; if none does, all.

    Two demands in one sentence share the sentence but not their content: this
    tells which of them carries the gold quote.
    """
    covering = _extractions_covering(article, quote, kinds)
    start = article.body.find(quote)
    end = start + len(quote)
    by_content = [
        x for x in covering
        if x.content_start is not None and x.content_start < end and start < x.content_end
    ]
    return by_content or covering


def _right_target(entity: Entity | None, claim: dict, actors: dict) -> bool:
    """No gold target, or one of them (a call on both parties lists two)."""
    if "target" not in claim:
        return True
    wanted = claim["target"] if isinstance(claim["target"], list) else [claim["target"]]
    return any(_same_actor(entity, actors.get(name)) for name in wanted)


def _same_actor(entity: Entity | None, wanted_id: int | None) -> bool:
    if entity is None or wanted_id is None:
        return False
    entity = entity_canonical(entity)
    return wanted_id in (entity.pk, entity.represents_id)


def _score_statements(gold, articles, actors) -> tuple[Score, Score, float]:
    score, anonymous, f1s = Score(), Score(), []
    for statement in gold["statements"]:
        article = articles[statement["article"]]
        candidates = _extractions_covering(article, statement["quote"])
        best = max(candidates, key=lambda x: _f1(x.content or x.sentence, statement["quote"]), default=None)
        f1s.append(_f1(best.content, statement["quote"]) if best else 0.0)
        wanted = actors.get(statement["speaker"])
        if wanted is None:  # a speaker who is not among the gold actors: compare names
            ok = any(x.actor and _bare(x.actor.name) == _bare(statement["speaker"]) for x in candidates)
        else:
            ok = any(_same_actor(x.actor, wanted) for x in candidates)
        miss = f"{statement['article']}: {statement['quote'][:50]!r} by {statement['speaker']}: " \
               f"got {[x.actor_text for x in candidates]}"
        score.add(ok, miss)
        if statement.get("anonymous"):
            anonymous.add(ok, miss)
    return score, anonymous, sum(f1s) / len(f1s) if f1s else 1.0


def _score_demands(gold, articles, actors) -> tuple[Score, Score]:
    recall = Score()
    gold_spans = defaultdict(list)
    for claim in gold["claims"]:
        if claim["kind"] != Kind.DEMAND:
            continue
        for item in claim["evidence"]:
            article = articles[item["article"]]
            gold_spans[article.pk].append(item["quote"])
            candidates = _extractions_covering(article, item["quote"], kinds=[Kind.DEMAND])
            ok = any(
                _same_actor(x.actor, actors.get(claim["actor"]))
                and _right_target(x.target, claim, actors)
                for x in candidates
            )
            recall.add(ok, f"{claim['id']} in {item['article']}: got "
                           f"{[(_as_filed(x.actor_text, x.actor), _as_filed(x.target_text, x.target), x.predicate) for x in candidates]}")
    precision = Score()
    demands = Extraction.objects.live().filter(kind=Kind.DEMAND, article__in=articles.values())
    for x in demands:
        quotes = gold_spans.get(x.article_id, [])
        ok = any(_overlaps(x, q) for q in quotes)
        precision.add(ok, f"{x.article.original_name}: {x.sentence[:80]!r}")
    return recall, precision


def _overlaps(extraction: Extraction, quote: str) -> bool:
    start = extraction.article.body.find(quote)
    return start >= 0 and extraction.sentence_start < start + len(quote) and start < extraction.sentence_end


def _score_stances(gold, articles) -> Score:
    score = Score()
    for claim in gold["claims"]:
        for item in [*claim["evidence"], *claim.get("responses", [])]:
            article = articles[item["article"]]
            candidates = _extractions_covering(article, item["quote"])
            stances = {x.stance for x in candidates}
            score.add(item["stance"] in stances, f"{claim['id']} in {item['article']}: "
                                                 f"{item['stance']} expected, got {sorted(stances)}")
    return score


def _claims_holding(gold, articles) -> dict[str, list[set[int]]]:
    """For each gold claim, per evidence item, the stored claims whose evidence carries its quote."""
    holding: dict[str, list[set[int]]] = {}
    for claim in gold["claims"]:
        holding[claim["id"]] = [
            set(
                Evidence.objects.filter(
                    extraction_id__in=[x.pk for x in _extractions_carrying(articles[item["article"]], item["quote"])]
                ).values_list("claim_id", flat=True)
            )
            for item in claim["evidence"]
        ]
    return holding


def _best_claims(holding, kinds: dict[str, str]) -> dict[str, Claim | None]:
    """Each gold claim's stored claim: the one holding most of its evidence.

    A tie (one sentence carrying a statement and a status) goes to the claim of the gold
    claim's kind, then to the one holding the earliest evidence item.
    """
    best = {}
    for gold_id, per_item in holding.items():
        votes = Counter(claim_id for claim_ids in per_item for claim_id in claim_ids)
        if not votes:
            best[gold_id] = None
            continue
        stored_kinds = dict(Claim.objects.filter(pk__in=votes).values_list("pk", "kind"))
        # ``max`` keeps the first of equals, and the counter lists claims in evidence order.
        chosen = max(votes, key=lambda pk: (votes[pk], stored_kinds.get(pk) == kinds[gold_id]))
        best[gold_id] = Claim.objects.filter(pk=chosen).first()
    return best


def _score_claims_found(gold, actors, best) -> Score:
    """The claim holding a gold claim's evidence is filed under its actor and (if any) target."""
    score = Score()
    for claim in gold["claims"]:
        stored = best[claim["id"]]
        # A president's own demand is filed under the state with him as its voice: either is its actor.
        wanted = actors.get(claim["actor"])
        ok = stored is not None and (_same_actor(stored.actor, wanted) or _same_actor(stored.voice, wanted)) and (
            _right_target(stored.target, claim, actors)
        )
        got = f"{stored.voice or stored.actor}, {stored.target}: {stored.summary[:70]!r}" if stored else "no claim"
        score.add(ok, f"{claim['id']} ({claim['actor']} → {claim.get('target', '-')}): got {got}")
    return score


def _score_claims_pure(holding) -> Score:
    """Stored claims that hold gold evidence hold one gold proposition, not several.

    A claim keyed by its speaker (all of one person's statements) or two
    coordinated demands merged into one shows up here.
    """
    holders: dict[int, set[str]] = defaultdict(set)
    for gold_id, per_item in holding.items():
        for claim_ids in per_item:
            for claim_id in claim_ids:
                holders[claim_id].add(gold_id)
    score = Score()
    summaries = dict(Claim.objects.filter(pk__in=holders).values_list("pk", "summary"))
    for claim_id, gold_ids in sorted(holders.items()):
        score.add(len(gold_ids) == 1, f"claim {claim_id} {summaries.get(claim_id, '')[:60]!r} holds {sorted(gold_ids)}")
    return score


def _score_renewals(gold, best) -> Score:
    """A request renewed months later is its own claim, not evidence of the first."""
    score = Score()
    for claim in gold["claims"]:
        if "renews" not in claim:
            continue
        renewed, earlier = best.get(claim["id"]), best.get(claim["renews"])
        ok = renewed is not None and (earlier is None or renewed.pk != earlier.pk)
        score.add(ok, f"{claim['id']} shares claim {renewed and renewed.pk} with {claim['renews']}")
    return score


def _score_unattributed(articles) -> Score:
    """A statement with no resolved speaker never forms a claim across articles."""
    score = Score()
    claims = (
        Claim.objects.filter(kind=Kind.STATEMENT, actor__isnull=True, evidence__extraction__article__in=articles.values())
        .distinct()
        .annotate(n=Count("evidence__extraction__article", distinct=True))
    )
    for claim in claims:
        score.add(claim.n <= 1, f"claim {claim.pk} {claim.summary[:60]!r} spans {claim.n} articles")
    return score


def _score_claim_counts(gold, best) -> Score:
    """Each gold claim: the stored claim holding most of its evidence has the expected article count."""
    score = Score()
    for claim in gold["claims"]:
        expected = claim.get("expected", {})
        stored = best[claim["id"]]
        if stored is None:
            score.add(False, f"{claim['id']}: no claim found")
            continue
        if "articles" in expected:
            ok = stored.article_count == expected["articles"]
        else:
            ok = stored.article_count >= expected.get("articles_at_least", 1)
        score.add(ok, f"{claim['id']}: {stored.article_count} articles, expected {expected} ({stored.summary!r})")
    return score


def _score_furniture(gold, articles) -> Score:
    score = Score()
    for item in gold.get("boilerplate", []):
        article = articles[item["article"]]
        start = article.body.find(item["quote"])
        end = start + len(item["quote"])
        yielded = Mention.objects.filter(article=article, start__lt=end, end__gt=start).exists() or any(
            True for _ in _extractions_covering(article, item["quote"])
        )
        score.add(start >= 0 and not yielded, f"{item['article']}: {item['quote'][:50]!r} yielded something")
    return score


"""Which claim an extraction backs: the same proposition across articles is one Claim.

Two extractions say the same thing when they have the same kind, the same
actor (a leader or ministry counts for the state or organisation it acts
for), the same target and the same normalised predicate and object. Wording
is already normalised by the extractor (``predicate``: "hand over" for
extradite / return of / surrender; ``terms``: content lemmas); this module
decides on resolved entities, so it also follows editor merges.

A claim is a proposition, not a speaker: statements are matched by what they
say (stems and figures, ``PropositionTerms``), never by the verb "say"; a
statement or demand with no resolved actor stays in its article
(``Claim.only_article``); and the same proposition made again months later
is a new claim that renews the first (``Claim.renews``).
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field

import numpy as np
import snowballstemmer
from django.db.models import Q

from entities.models import Alias, Entity
from entities.services import entity_canonical

from nlp.meaning import compared_by_meaning, vector_from
from nlp.normalise import normalise_name
from nlp.states import state_of_capital
from .models import Claim, Extraction, Kind, Stance

# Nouns too light to say what a claim is about on their own.
LIGHT_TERMS = frozenset(
    {
        "issue", "matter", "thing", "way", "part", "kind", "side", "status", "question", "case",
        "fact", "point", "lot", "number", "time", "year", "day", "week", "people", "country",
        "state", "measure", "step", "term", "report", "statement", "source", "official",
    }
)
RESPONSE_STANCES = (Stance.NO_COMMENT, Stance.DENIED)
NEGATION_PREFIX = "not "


# Demands and positions are made on behalf of a state or organisation; a quote stays its speaker's.
STATE_LEVEL_KINDS = (Kind.DEMAND, Kind.STATUS)

# A statement or demand is someone's: without a resolved actor it stays in its article.
SPEAKER_BOUND_KINDS = (Kind.STATEMENT, Kind.DEMAND)

# Verbs that say only that something was said: two statements sharing one are
# not the same proposition; their content decides.
SPEECH_PREDICATES = frozenset({"say", "deny", "not say", "not deny"})

# The same proposition made again after this long is a new claim that renews the
# first ("renewed its demand"), not more evidence of it. News repeats a claim for
# days or weeks; a request made again is usually months apart.
RENEWAL_GAP = dt.timedelta(days=90)
# A demand the article says is made again ("renewed its demand", "repeated its call", "again
# urged") is a renewal once this long has passed since the first: the outlet says so.
RENEWED_AFTER = dt.timedelta(days=14)
_SAYS_RENEWED = re.compile(r"\b(?:renew(?:s|ed|ing)?|repeat(?:s|ed|ing)?|reiterat(?:e|es|ed|ing)|again)\b", re.I)

# Two statements whose sentence vectors (nlp/meaning.py) are at least this close say the same
# thing in other words. Chosen on the development set's tuning stories: from 0.65 down to 0.5
# each step only joined claims of one gold proposition; below 0.5 unrelated ones began to join
# (README, "Claims by meaning"). Only findings of one kind, actor and target are compared, and
# only those ``compared_by_meaning`` lets through, the rule the extractor encodes by.
MEANING_SIMILARITY = 0.5


def claim_actor(entity: Entity | None, kind: str) -> Entity | None:
    """The actor a claim is filed under: for demands and statuses, the state a
    leader, official or ministry acts for, or the organisation a leader, negotiator
    or spokesperson acts for; for statements and events, the actor.

    A person who speaks for an organisation that itself acts for a state (a
    ministry's spokesman) files under the state, as the ministry would.
    """
    if entity is None:
        return None
    if kind in STATE_LEVEL_KINDS and entity.represents_id:
        represented = entity.represents
        if represented.represents_id and represented.represents_id != entity.pk:
            return represented.represents
        return represented
    return entity


def _state_of_capital(entity: Entity | None) -> Entity | None:
    """For grouping events, a capital stands for its state: "fled to <capital>" and
    "was granted asylum by <state>" are one event. The extraction keeps the city."""
    if entity is None or entity.kind != Entity.Kind.GPE:
        return entity
    state_name = state_of_capital(entity.name)
    if not state_name:
        return entity
    alias = Alias.objects.filter(normalised=normalise_name(state_name), blocked=False).select_related("entity").first()
    return entity_canonical(alias.entity) if alias else entity


def salient_terms(terms) -> set[str]:
    return {t for t in terms or () if t and t not in LIGHT_TERMS}


# --- What one extraction claims, and when two claim the same ------------------------------


@dataclass(frozen=True, eq=False)
class Proposition:
    """One extraction as clustering compares it: resolved parties, predicate, content, date.

    ``order`` is canonical (publication date, the article's content hash, the
    position in it): every choice clustering makes between equals follows it,
    so the claims of a corpus do not depend on the order articles arrive in.
    """

    extraction: Extraction
    order: tuple
    actor_id: int | None  # the actor the claim is filed under (a leader's demand: the state)
    target_id: int | None
    predicate: str
    topic: str
    date: dt.date | None
    terms: PropositionTerms
    meaning: np.ndarray | None = None  # its sentence's unit vector, if the extractor made one
    voice_id: int | None = None  # the person who made it, when it is filed under whom they act for

    @property
    def kind(self) -> str:
        return self.extraction.kind

    @property
    def says_renewed(self) -> bool:
        """A demand its sentence says is made again."""
        return self.kind == Kind.DEMAND and bool(_SAYS_RENEWED.search(self.extraction.sentence))

    @property
    def about_id(self) -> int | None:
        return self.extraction.about_id

    @property
    def only_article_id(self) -> int | None:
        """A statement or demand nobody known made stays in its article."""
        if self.kind in SPEAKER_BOUND_KINDS and self.actor_id is None:
            return self.extraction.article_id
        return None

    @property
    def response(self) -> bool:
        """"Declined to comment on the request to hand over X": an answer to the demand about X."""
        e = self.extraction
        return e.stance in RESPONSE_STANCES and bool(e.predicate) and e.about_id is not None

    @property
    def anchored(self) -> bool:
        e = self.extraction
        return e.actor_id is not None or self.target_id is not None or e.about_id is not None

    @property
    def target_inferred(self) -> bool:
        """The target was inferred from the article (nlp/counterparts.py), not named with the finding."""
        return self.target_id is not None and self.extraction.target_inferred

    @property
    def wildcard(self) -> bool:
        """Missing a party the claim key has (a target, or one only inferred; a status's actor)
        or a date: it may join any claim that has one, but must not bridge two claims that
        differ in it (two targets; a request and its renewal a year later)."""
        return (
            self.response
            or self.date is None
            or self.target_id is None
            or self.target_inferred
            or (self.kind == Kind.STATUS and self.actor_id is None)
        )


def proposition_of(extraction: Extraction, *, capitals: dict | None = None) -> Proposition:
    """``extraction`` with its article, actor (and whom it represents) and target loaded."""
    actor = claim_actor(extraction.actor, extraction.kind)
    target = extraction.target
    if extraction.kind == Kind.EVENT and target is not None:
        capitals = {} if capitals is None else capitals
        if target.pk not in capitals:
            capitals[target.pk] = _state_of_capital(target)
        target = capitals[target.pk]
    predicate = _claim_predicate(extraction)
    article = extraction.article
    return Proposition(
        extraction=extraction,
        # The fingerprint leaves out the negation: "deny" and "not deny" of one content in one
        # sentence are told apart by it, so that no tie is left to the order rows come back in.
        order=(article.published or dt.date.max, article.content_hash, extraction.sentence_start,
               extraction.kind, extraction.fingerprint, extraction.negated),
        actor_id=actor.pk if actor else None,
        target_id=target.pk if target else None,
        predicate=predicate,
        topic=_topic(extraction, predicate),
        date=_extraction_date(extraction),
        terms=proposition_terms(extraction.terms, predicate, extraction.content),
        meaning=vector_from(extraction.meaning),
        voice_id=_voice_id(extraction, actor),
    )


def _voice_id(extraction: Extraction, filed_under: Entity | None) -> int | None:
    """The person who made a demand filed under the state or organisation they act for."""
    speaker = extraction.actor
    if speaker is None or filed_under is None or speaker.pk == filed_under.pk:
        return None
    return speaker.pk if speaker.kind == Entity.Kind.PERSON else None


def propositions_match(a: Proposition, b: Proposition, *, across_dates: bool = False) -> bool:
    """Do ``a`` and ``b`` state the same proposition? Symmetric, and a function of the two alone.

    ``across_dates`` ignores the renewal gap: used to find the earlier claim a renewal renews.
    """
    if a.response != b.response and _answers(a, b):
        return True
    if a.kind != b.kind or a.about_id != b.about_id:
        return False
    if a.only_article_id or b.only_article_id:
        # Nobody known said it: only the same finding twice in one article is one claim.
        return a.only_article_id == b.only_article_id and _same_key(a, b)
    if not _parties_compatible(a, b):
        return False
    if not across_dates and a.date and b.date and _one_renews_the_other(a, b):
        return False
    anchored = a.anchored and b.anchored
    # "X said …" twice is not one claim: a statement is matched by what it says. Nor is
    # "no agreement was reached" in two stories: an actorless status is joined on what
    # it is about, never on its predicate alone.
    by_predicate = (
        anchored
        and not (a.kind == Kind.STATEMENT and a.predicate in SPEECH_PREDICATES)
        and not (a.kind == Kind.STATUS and (a.actor_id is None or b.actor_id is None))
    )
    if by_predicate and a.predicate == b.predicate:
        return True
    if a.about_id is not None or a.extraction.negated != b.extraction.negated:
        return False
    # Demands and statuses are already narrowed to one actor and target; a statement
    # or event needs more in common, and one with no actor more still.
    needed = 1 if a.kind in (Kind.DEMAND, Kind.STATUS) and anchored else 2
    if a.terms.words and a.terms.same_proposition(b.terms, needed=needed):
        return True
    return (
        anchored
        and compared_by_meaning(a.extraction)
        and compared_by_meaning(b.extraction)
        and same_meaning(a.meaning, b.meaning)
    )


def _one_renews_the_other(a: Proposition, b: Proposition) -> bool:
    """Months apart, or the later one said to be made again weeks after the first."""
    gap = abs(a.date - b.date)
    later = a if a.date > b.date else b
    return gap > RENEWAL_GAP or (gap >= RENEWED_AFTER and later.says_renewed)


def renewal_gap(members: list[Proposition]) -> dt.timedelta:
    """How long before its first evidence the claim a cluster renews must be."""
    return RENEWED_AFTER if any(m.says_renewed for m in members) else RENEWAL_GAP


def same_meaning(a: np.ndarray | None, b: np.ndarray | None) -> bool:
    """Do two statements say the same in other words? Unit vectors: the dot product is the cosine."""
    return a is not None and b is not None and float(a @ b) >= MEANING_SIMILARITY


def _answers(a: Proposition, b: Proposition) -> bool:
    response, demand = (a, b) if a.response else (b, a)
    return (
        demand.kind == Kind.DEMAND
        and demand.about_id == response.about_id
        and demand.predicate == response.extraction.predicate
    )


def _parties_compatible(a: Proposition, b: Proposition) -> bool:
    same_actor = a.actor_id == b.actor_id or (
        a.kind == Kind.STATUS and (a.actor_id is None or b.actor_id is None)
    )
    # A target inferred from one article is no reason to part from another article's report.
    open_target = a.target_id is None or b.target_id is None or a.target_inferred or b.target_inferred
    return same_actor and (a.target_id == b.target_id or open_target)


def _same_key(a: Proposition, b: Proposition) -> bool:
    return (a.predicate, a.target_id, a.topic) == (b.predicate, b.target_id, b.topic)


def clusters_of(propositions: list[Proposition]) -> list[list[Proposition]]:
    """Group propositions into claims; the result depends on the set, not its order.

    Propositions with every party link to each other (connected components of
    ``propositions_match``). One missing a party (a target; a status's actor;
    a response) joins the claim of the earliest full proposition it matches, so
    it can never bridge two claims that name different targets; those matching
    none group among themselves.
    """
    ordered = sorted(propositions, key=lambda p: p.order)
    full = [p for p in ordered if not p.wildcard]
    groups = _UnionFind(len(ordered))
    index = {id(p): i for i, p in enumerate(ordered)}
    for i, a in enumerate(full):
        for b in full[i + 1:]:
            if propositions_match(a, b):
                groups.union(index[id(a)], index[id(b)])
    loose = []
    for p in ordered:
        if not p.wildcard:
            continue
        joined = _closest_full_match(p, full)
        if joined is not None:
            groups.union(index[id(p)], index[id(joined)])
        else:
            loose.append(p)
    for i, a in enumerate(loose):
        for b in loose[i + 1:]:
            if propositions_match(a, b):
                groups.union(index[id(a)], index[id(b)])
    clusters: dict[int, list[Proposition]] = {}
    for i, p in enumerate(ordered):
        clusters.setdefault(groups.find(i), []).append(p)
    return sorted(clusters.values(), key=lambda members: members[0].order)


def _closest_full_match(loose: Proposition, full: list[Proposition]) -> Proposition | None:
    """The earliest full proposition ``loose`` matches, one with its very predicate first.

    "called for price caps and compensation", with no target, splits into two demands;
    each belongs with the demand of its own predicate, not with whichever demand of
    the same actor came first and shares a word of the sentence.
    """
    matches = [f for f in full if propositions_match(loose, f)]
    return next((f for f in matches if f.predicate == loose.predicate), matches[0] if matches else None)


class _UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def representative(members: list[Proposition]) -> Proposition:
    """The proposition a claim is keyed and summarised by: its earliest, a response only if alone."""
    return next((p for p in members if not p.response), members[0])


def cluster_target_id(members: list[Proposition]) -> int | None:
    """The target of a claim: its representative's, else the earliest member's that names one;
    one inferred from an article (nlp/counterparts.py) only when no member names one."""
    lead = representative(members)
    for inferred in (False, True):
        if lead.target_id is not None and lead.target_inferred == inferred:
            return lead.target_id
        found = next((p.target_id for p in members if _has_target(p, inferred=inferred)), None)
        if found is not None:
            return found
    return None


def _has_target(p: Proposition, *, inferred: bool) -> bool:
    return p.target_id is not None and not p.response and p.target_inferred == inferred


def cluster_voice_id(members: list[Proposition]) -> int | None:
    """The one person who made every non-response member of a claim filed under the state or
    organisation they act for; none when anyone else (the state itself) made it too: "President
    Firefly is calling for the lifting of sanctions", said by him alone, is his claim; his demand
    for compensation, also made by "Freedonia's government", is Freedonia's."""
    voices = {p.voice_id for p in members if not p.response}
    return voices.pop() if len(voices) == 1 else None


def _extraction_date(extraction: Extraction) -> dt.date | None:
    return extraction.event_date or extraction.article.published


def _claim_predicate(extraction: Extraction) -> str:
    predicate = extraction.predicate or extraction.cue
    return f"{NEGATION_PREFIX}{predicate}" if extraction.negated else predicate


def _topic(extraction: Extraction, predicate: str) -> str:
    if extraction.about_id or (extraction.kind == Kind.DEMAND and predicate):
        return ""
    # Statements and statuses without an object: their key terms tell them apart.
    return " ".join(sorted(salient_terms(extraction.terms)))[:200]


@dataclass
class PropositionTerms:
    """What a claim is about, in a form that survives rewording across outlets.

    ``words`` are stems of the content's salient lemmas and of a concrete
    predicate ("reinstatement" and "reinstate" are one); ``figures`` are the
    amounts it names ("8%" and "8 percent", "$612 million" and "612m"), which
    outlets copy exactly even when every word around them changes.
    """

    words: set[str] = field(default_factory=set)
    figures: set[str] = field(default_factory=set)

    def update(self, other: PropositionTerms) -> None:
        self.words |= other.words
        self.figures |= other.figures

    def same_proposition(self, other: PropositionTerms, *, needed: int) -> bool:
        if self.figures & other.figures and needed == 1:
            return True
        shared = self.words & other.words
        smaller = min(len(self.words), len(other.words)) or 1
        return len(shared) >= needed and len(shared) / smaller >= 0.5


_STEMMER = snowballstemmer.stemmer("english")
# An amount with its unit: a bare number (a year, a count of days) says too little.
_FIGURE = re.compile(
    r"(\d+(?:[.,]\d+)?)\s*(%|per ?cent\b|percent\b|million\b|billion\b|bn\b|m\b)", re.IGNORECASE
)
_UNITS = {"per cent": "%", "percent": "%", "million": "m", "billion": "bn"}


def proposition_terms(terms, predicate: str, content: str) -> PropositionTerms:
    words = set(salient_terms(terms))
    if predicate and predicate.removeprefix(NEGATION_PREFIX) not in SPEECH_PREDICATES:
        words.update(predicate.removeprefix(NEGATION_PREFIX).split())
    return PropositionTerms(
        words={_stem(word.casefold()) for word in words},
        figures={_figure(number, unit) for number, unit in _FIGURE.findall(content or "")},
    )


@functools.lru_cache(maxsize=50_000)
def _stem(word: str) -> str:
    # A corpus reuses a small vocabulary, and every reading turns the propositions of all
    # the claims it reaches into terms again: most words were stemmed before.
    return _STEMMER.stemWord(word)


def _figure(number: str, unit: str) -> str:
    unit = " ".join(unit.casefold().split())
    return number.replace(",", "") + _UNITS.get(unit, unit)


def claims_contradictions_link(claims: list[Claim]) -> None:
    """Link each claim to the claims that say the opposite ("will not hand over" vs "hand over").

    One query finds the opposites of all of them and one insert links the pairs not yet
    linked, both ways (the relation is symmetrical), as ``contradicts.add`` would.
    """
    wanted = {claim.pk: _opposite_key(claim) for claim in claims if claim.about_id or claim.topic}
    if not wanted:
        return
    any_key = Q(pk__in=[])
    for about_id, topic, predicate in set(wanted.values()):
        any_key |= Q(about_id=about_id, topic=topic, predicate=predicate)
    by_key: dict[tuple, list[int]] = {}
    for pk, *key in Claim.objects.filter(any_key).values_list("pk", "about_id", "topic", "predicate"):
        by_key.setdefault(tuple(key), []).append(pk)
    pairs = {
        pair for claim_id, key in wanted.items() for other in by_key.get(key, ()) if other != claim_id
        for pair in ((claim_id, other), (other, claim_id))
    }
    Through = Claim.contradicts.through
    Through.objects.bulk_create(
        [Through(from_claim_id=a, to_claim_id=b) for a, b in sorted(pairs)], ignore_conflicts=True
    )


def _opposite_key(claim: Claim) -> tuple[int | None, str, str]:
    """What a claim saying the opposite of ``claim`` is keyed by: its object, topic and negated predicate."""
    if claim.predicate.startswith(NEGATION_PREFIX):
        opposite = claim.predicate.removeprefix(NEGATION_PREFIX)
    else:
        opposite = f"{NEGATION_PREFIX}{claim.predicate}"
    return claim.about_id, claim.topic, opposite


def claim_summary(extraction: Extraction, actor: Entity | None) -> str:
    """A readable one-line summary: "Syria demands that Russia hand over X"."""
    return " ".join(_summary(extraction, actor).split()).rstrip(":;,")


def _summary(extraction: Extraction, actor: Entity | None) -> str:
    who = actor.name if actor else (extraction.actor_text or "Someone")
    target = extraction.target.name if extraction.target_id else extraction.target_text
    about = extraction.about.name if extraction.about_id else ""
    predicate = extraction.predicate
    negation = "not " if extraction.negated else ""
    content = extraction.content.strip()
    if extraction.kind == Kind.DEMAND:
        if about and target:
            return f"{who} demands that {target} {negation}{predicate} {about}"
        if about:
            return f"{who} demands: {negation}{predicate} {about}"
        if target and content.startswith("to "):
            return f"{who} wants {target} {content}"  # "wants Russia to rebuild trust through …"
        thing = content or predicate
        return f"{who} demands {thing}" + (f" from {target}" if target else "")
    if extraction.kind in (Kind.STATUS, Kind.EVENT):
        # Statuses and events read best in the reporter's own words.
        return _shortened(extraction.sentence)
    content = content or extraction.sentence
    return f"{who} says: {content}" if extraction.cue else f"{who}: {content}"


def _shortened(sentence: str, limit: int = 200) -> str:
    sentence = " ".join(sentence.split())
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rsplit(" ", 1)[0] + "…"

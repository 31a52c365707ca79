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
import re
from dataclasses import dataclass, field

import snowballstemmer
from django.db.models import Count, Max, Min, Q
from django.db.models.functions import Coalesce

from entities.models import Alias, Entity
from entities.services import entity_canonical

from nlp.normalise import normalise_name
from nlp.states import state_of_capital
from .models import Claim, Evidence, Extraction, Kind, Stance

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


def claim_for_extraction(extraction: Extraction) -> Claim:
    """Find or create the claim this extraction backs (or responds to)."""
    if extraction.stance in RESPONSE_STANCES and extraction.predicate and extraction.about_id:
        response_to = _claim_responded_to(extraction)
        if response_to is not None:
            return response_to
    actor = claim_actor(extraction.actor, extraction.kind)
    target = _state_of_capital(extraction.target) if extraction.kind == Kind.EVENT else extraction.target
    predicate = _claim_predicate(extraction)
    key = {"kind": extraction.kind, "actor": actor, "target": target, "about": extraction.about,
           "predicate": predicate, "topic": _topic(extraction, predicate)}
    if extraction.kind in SPEAKER_BOUND_KINDS and actor is None:
        # Nobody known said or demanded it: it cannot corroborate (or be corroborated by) another article.
        return _claim_get_or_create(extraction, key | {"only_article_id": extraction.article_id})
    candidates = Claim.objects.filter(kind=extraction.kind, about=extraction.about, only_article__isnull=True)
    if extraction.kind == Kind.STATUS:
        candidates = candidates.filter(Q(actor=actor) | Q(actor__isnull=True))
    else:
        candidates = candidates.filter(actor=actor)
    near, far = _split_by_date(candidates, _extraction_date(extraction))
    match = _best_candidate(extraction, predicate, target, near)
    if match is not None:
        return _fill_missing_target(match, target)
    earlier = _best_candidate(extraction, predicate, target, far)
    return _claim_get_or_create(extraction, key | {"renews": earlier})


def _claim_get_or_create(extraction: Extraction, key: dict) -> Claim:
    claim, _ = Claim.objects.get_or_create(**key, defaults={"summary": claim_summary(extraction, key["actor"])})
    _link_contradictions(claim)
    return claim


def _extraction_date(extraction: Extraction) -> dt.date | None:
    return extraction.event_date or extraction.article.published


def _split_by_date(candidates, date: dt.date | None):
    """Candidates within ``RENEWAL_GAP`` of ``date`` (or undated, on either side), and the others."""
    dated = candidates.annotate(
        first=Min(Coalesce("evidence__extraction__event_date", "evidence__extraction__article__published")),
        last=Max(Coalesce("evidence__extraction__event_date", "evidence__extraction__article__published")),
    )
    if date is None:
        return dated, Claim.objects.none()
    near = Q(first__isnull=True) | Q(first__lte=date + RENEWAL_GAP, last__gte=date - RENEWAL_GAP)
    return dated.filter(near), dated.exclude(near).filter(first__isnull=False)


def _claim_predicate(extraction: Extraction) -> str:
    predicate = extraction.predicate or extraction.cue
    return f"{NEGATION_PREFIX}{predicate}" if extraction.negated else predicate


def _topic(extraction: Extraction, predicate: str) -> str:
    if extraction.about_id or (extraction.kind == Kind.DEMAND and predicate):
        return ""
    # Statements and statuses without an object: their key terms tell them apart.
    return " ".join(sorted(salient_terms(extraction.terms)))[:200]


def _best_candidate(extraction: Extraction, predicate: str, target: Entity | None, candidates) -> Claim | None:
    """Same predicate and target first; then a missing target on either side;
    then, for claims without an object entity, shared content terms."""
    candidates = list(candidates.annotate(n=Count("evidence", distinct=True)).order_by("-n", "pk")[:50])
    target_id = target.pk if target else None
    # "X said …" twice is not one claim: a statement is matched by what it says. Nor
    # is "no agreement was reached" in two stories: with no actor, no target and
    # nothing it is about, a predicate alone does not name a proposition.
    anchored = extraction.actor_id is not None or target_id is not None or extraction.about_id is not None
    by_predicate = anchored and not (extraction.kind == Kind.STATEMENT and predicate in SPEECH_PREDICATES)
    # An actorless status ("talks remain deadlocked") is joined on what it is about, never on
    # its predicate alone: "unresolved" is said of everything.
    same_predicate = [
        c for c in candidates
        if by_predicate and c.predicate == predicate and not (c.kind == Kind.STATUS and c.actor_id is None)
    ]
    for claim in same_predicate:
        if claim.target_id == target_id:
            return claim
    for claim in same_predicate:
        if claim.target_id is None or target_id is None:
            return claim
    if extraction.about_id is not None:
        return None
    terms = proposition_terms(extraction.terms, predicate, extraction.content)
    if not terms.words:
        return None
    compatible = [
        c for c in candidates
        if (c.target_id in (None, target_id) or target_id is None)
        and c.predicate.startswith(NEGATION_PREFIX) == extraction.negated
    ]
    claim_terms = _claim_terms([c.pk for c in compatible])
    # Demands and statuses are already narrowed to one actor and target; a statement
    # or event needs more in common, and one with no actor more still.
    needed = 1 if extraction.kind in (Kind.DEMAND, Kind.STATUS) and anchored else 2
    for claim in compatible:
        if terms.same_proposition(claim_terms.get(claim.pk, PropositionTerms()), needed=needed):
            return claim
    return None


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
        words={_STEMMER.stemWord(word.casefold()) for word in words},
        figures={_figure(number, unit) for number, unit in _FIGURE.findall(content or "")},
    )


def _figure(number: str, unit: str) -> str:
    unit = " ".join(unit.casefold().split())
    return number.replace(",", "") + _UNITS.get(unit, unit)


def _claim_terms(claim_ids: list[int]) -> dict[int, PropositionTerms]:
    terms: dict[int, PropositionTerms] = {}
    rows = Evidence.objects.filter(claim_id__in=claim_ids).values_list(
        "claim_id", "extraction__terms", "extraction__predicate", "extraction__content"
    )
    for claim_id, extraction_terms, predicate, content in rows:
        terms.setdefault(claim_id, PropositionTerms()).update(proposition_terms(extraction_terms, predicate, content))
    return terms


def _fill_missing_target(claim: Claim, target: Entity | None) -> Claim:
    """A claim first seen without its target learns it from a later article."""
    if claim.target_id is None and target is not None:
        clash = Claim.objects.filter(
            kind=claim.kind, actor=claim.actor, target=target, about=claim.about,
            predicate=claim.predicate, topic=claim.topic,
        ).exists()
        if not clash:
            claim.target = target
            claim.save(update_fields=["target"])
    return claim


def _claim_responded_to(extraction: Extraction) -> Claim | None:
    """A "declined to comment on the request to hand over X" answers the demand about X."""
    return (
        Claim.objects.filter(kind=Kind.DEMAND, about=extraction.about, predicate=extraction.predicate)
        .annotate(n=Count("evidence"))
        .order_by("-n", "pk")
        .first()
    )


def _link_contradictions(claim: Claim) -> None:
    """Link a claim to the claim that says the opposite ("will not hand over" vs "hand over")."""
    if claim.predicate.startswith(NEGATION_PREFIX):
        opposite = claim.predicate.removeprefix(NEGATION_PREFIX)
    else:
        opposite = f"{NEGATION_PREFIX}{claim.predicate}"
    if not claim.about_id and not claim.topic:
        return
    opposites = Claim.objects.filter(about=claim.about, topic=claim.topic, predicate=opposite).exclude(pk=claim.pk)
    if opposites:
        claim.contradicts.add(*opposites)


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

"""The party a finding leaves unnamed: the maker's counterpart in the article.

"The union demands a 12% wage increase" names no one it is asked of, yet the
article says whom: the union is at odds with one party, the company whose
offer it rejects and which calls the workers back. A reader fills the gap with
that party; so does this pass, for demands and statements alike ("the company
says it cannot afford the allowance" answers the union), after every other rule
has named the targets it can (``_borrow_targets``, ``_statement_targets`` in
pipeline.py). Events keep the parties their sentence names.

A target found so is marked ``target_inferred``: it depends on the rest of the
article, so the same paragraph in a wire story and in an outlet's rewrite of it
may get different ones. Claims are not split on an inferred target
(``claims/clustering.py``); it is shown where no report names one.

The counterpart is looked for in three places, the first that has one:

1. the parties the maker's other demands and statements in the article are
   addressed to, and those whose demands and statements are addressed to it;
2. the same links through any finding, events and reported facts included
   ("the company offered the union 4%");
3. the body or state the article names most, other than the maker's side, an
   outlet it only credits, or one a speaker talks to.

Links are counted once per finding, on the side each party acts for (a minister
for the state, an official for the body); the most linked wins, the first
linked of equals. Of the names the winning side goes by, the one used most is
the target, a body or state before a person at equal counts. Links are counted
before any gap is filled, so a filled target never counts again. A finding whose
article links its maker to no one and names no other body keeps no target.
"""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Token

from .actor_words import PLACE_PREPOSITIONS
from .discourse import Discourse
from .states import is_state
from .types import DEMAND, PARTY_LABELS, STATEMENT, ActorRef, Extraction

# What links two parties first, and what is given a target.
_ADDRESSED_KINDS = (DEMAND, STATEMENT)
_NAMED_BODIES = ("ORG", "GPE")


def fill_counterpart_targets(disc: Discourse) -> None:
    tiers = [_links(disc, _ADDRESSED_KINDS), _links(disc, None)]
    named: tuple[Counter, dict[str, ActorRef]] | None = None  # counted once, when first needed
    for extraction in disc.extractions:
        if extraction.kind not in _ADDRESSED_KINDS or extraction.target is not None or extraction.actor is None:
            continue
        side = disc.state_or_key(extraction.actor)
        # "Jonas Kalns must be freed": the person the demand is about is not who is asked (a body it
        # is about may be: "called off the union's strike" asks the union).
        about = extraction.about.key if extraction.about is not None and extraction.about.label == "PERSON" else None
        # A body's or state's unnamed addressee is a body or state: a person it is linked to is
        # more often a speaker quoted beside it than the one it asks.
        bodies_only = extraction.actor.label != "PERSON"
        target = next(
            (_most_linked(side, links, refs, besides=about, bodies_only=bodies_only)
             for links, refs in tiers if links.get(side)),
            None,
        )
        if target is None:
            named = named or _bodies_named(disc)
            target = _most_named_other(side, *named, besides=about)
        extraction.target = target
        extraction.target_inferred = target is not None


def _most_linked(
    side: str, links: dict[str, Counter], refs: dict[tuple[str, str], list[ActorRef]], *,
    besides: str | None, bodies_only: bool,
) -> ActorRef | None:
    counts = [
        key for key in links[side]
        if key != besides and not (bodies_only and all(ref.label == "PERSON" for ref in refs[side, key]))
    ]
    if not counts:
        return None
    # Counter keeps first-seen order among equals, and ``max`` keeps the first of equals.
    best = max(counts, key=links[side].__getitem__)
    return _most_named(refs[side, best])


def _most_named(refs: list[ActorRef]) -> ActorRef:
    """Of the names a side goes by in its links, the one used most; a body or state before a
    person at equal counts (the ministry rather than its minister), then the first."""
    counts = Counter(ref.key for ref in refs)
    return max(refs, key=lambda ref: (counts[ref.key], ref.label != "PERSON"))


def _links(disc: Discourse, kinds) -> tuple[dict[str, Counter], dict[tuple[str, str], list[ActorRef]]]:
    links: dict[str, Counter] = {}
    refs: dict[tuple[str, str], list[ActorRef]] = {}
    for extraction in sorted(disc.extractions, key=lambda e: e.sentence.start):
        pair = _linked_pair(extraction, disc, kinds)
        if pair is None:
            continue
        maker, addressee = pair
        for side, other, ref in ((maker, addressee, extraction.target), (addressee, maker, extraction.actor)):
            links.setdefault(side, Counter())[other] += 1
            refs.setdefault((side, other), []).append(ref)
    return links, refs


def _linked_pair(extraction: Extraction, disc: Discourse, kinds) -> tuple[str, str] | None:
    if kinds is not None and extraction.kind not in kinds:
        return None
    if extraction.actor is None or extraction.target is None:
        return None
    if extraction.actor.label not in PARTY_LABELS or extraction.target.label not in PARTY_LABELS:
        return None
    maker, addressee = disc.state_or_key(extraction.actor), disc.state_or_key(extraction.target)
    if maker is None or addressee is None or maker == addressee:
        return None
    return maker, addressee


def _bodies_named(disc: Discourse) -> tuple[Counter, dict[str, ActorRef]]:
    """How often the article's text names each body or state (on the side it acts for), and the
    first naming of each."""
    credited_only = _credited_only(disc)
    counts: Counter = Counter()
    first: dict[str, ActorRef] = {}
    for mention in disc.actors.mentions:
        if mention.label not in _NAMED_BODIES or mention.key in credited_only or _aside(mention, disc):
            continue
        ref = disc.party(ActorRef(mention.text, mention.key, mention.label, mention.start, mention.end))
        key = disc.state_or_key(ref)
        counts[key] += 1
        first.setdefault(key, ref)
    return counts, first


def _most_named_other(
    side: str, counts: Counter, first: dict[str, ActorRef], *, besides: str | None = None
) -> ActorRef | None:
    """The body or state named most often, not on the maker's side nor the one the finding is
    about (the first named of equals)."""
    others = [key for key in counts if key not in (side, besides)]
    return first[max(others, key=counts.__getitem__)] if others else None


def _credited_only(disc: Discourse) -> set[str]:
    """An outlet credited for the story is no party to it: a key only ever credited, never acting."""
    acting = {ref.key for e in disc.extractions for ref in (e.actor, e.target) if ref is not None}
    return {origin.key for e in disc.extractions for origin in e.origins} - acting


def _aside(mention, disc: Discourse) -> bool:
    """Page furniture, a dateline's credit, an outlet a speaker talks to, or a town named as a place."""
    return (
        disc.in_furniture(mention.start, mention.end) or disc.in_dateline(mention.start) or disc.is_told(mention)
        or named_as_a_place(mention, disc)
    )


def named_as_a_place(mention, disc: Discourse) -> bool:
    """ "sediment levels at Vale da Mira", "the Lyon-based company": a town or city named as where
    something is, not as a party a finding is about or addressed to. A state stays a party
    wherever it is named ("investments in Chile")."""
    span = disc.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or is_state(mention.key):
        return False
    after = span[-1]
    if after.i + 2 < len(disc.doc) and after.nbor(1).text == "-" and after.nbor(2).lower_ == "based":
        return True
    return place_named_as_such(span.root, ActorRef(mention.text, mention.key, mention.label, mention.start, mention.end))


def place_named_as_such(token: Token, found: ActorRef) -> bool:
    """ "dead clams had washed up in Aveiro": a town named where something happened is no party."""
    return (
        found.label == "GPE" and not is_state(found.key)
        and token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPOSITIONS
    )

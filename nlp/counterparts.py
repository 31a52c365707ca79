"""The party a finding leaves unnamed: the maker's counterpart in the article.

"The union demands a 12% wage increase" names no one it is asked of, yet the
article says whom: the union is at odds with one party, the company whose
offer it rejects and which calls the workers back. A reader fills the gap with
that party; so does this pass, for demands and statements alike ("the company
says it cannot afford the allowance" answers the union), after every other rule
has named the targets it can (``_borrow_targets``, ``_statement_targets`` in
pipeline.py). Events keep the parties their sentence names.

A party's counterparts are the parties its other findings in the article are
addressed to, and those whose findings are addressed to it, each counted once
per finding, on the side each acts for (a minister for the state, an
official for the body). A finding with no target takes its maker's most linked
counterpart, the first linked of equals; an article that links the maker to no
one leaves it without, as does an article linking it to none but its own side.
The links are counted before any gap is filled, so a filled target never
counts again.
"""
from __future__ import annotations

from collections import Counter

from .discourse import Discourse
from .types import DEMAND, PARTY_LABELS, STATEMENT, ActorRef, Extraction

# What links two parties, and what may be given a target: demands and statements, not events
# (an event's parties are who did what to whom, not whom it is addressed to).
_KINDS = (DEMAND, STATEMENT)


def fill_counterpart_targets(disc: Discourse) -> None:
    links, refs = _counterparts(disc)
    for extraction in disc.extractions:
        if extraction.kind not in _KINDS or extraction.target is not None or extraction.actor is None:
            continue
        side = disc.state_or_key(extraction.actor)
        counts = links.get(side)
        if counts:
            # Counter keeps first-seen order among equals, and ``max`` keeps the first of equals.
            best = max(counts, key=counts.__getitem__)
            extraction.target = _most_named(refs[side, best])


def _most_named(refs: list[ActorRef]) -> ActorRef:
    """Of the names a side goes by in its links, the one used most; a body or state before a
    person at equal counts (the ministry rather than its minister), then the first."""
    counts = Counter(ref.key for ref in refs)
    return max(refs, key=lambda ref: (counts[ref.key], ref.label != "PERSON"))


def _counterparts(disc: Discourse) -> tuple[dict[str, Counter], dict[tuple[str, str], list[ActorRef]]]:
    links: dict[str, Counter] = {}
    refs: dict[tuple[str, str], list[ActorRef]] = {}
    for extraction in sorted(disc.extractions, key=lambda e: e.sentence.start):
        pair = _linked_pair(extraction, disc)
        if pair is None:
            continue
        maker, addressee = pair
        for side, other, ref in ((maker, addressee, extraction.target), (addressee, maker, extraction.actor)):
            links.setdefault(side, Counter())[other] += 1
            refs.setdefault((side, other), []).append(ref)
    return links, refs


def _linked_pair(extraction: Extraction, disc: Discourse) -> tuple[str, str] | None:
    if extraction.kind not in _KINDS or extraction.actor is None or extraction.target is None:
        return None
    if extraction.actor.label not in PARTY_LABELS or extraction.target.label not in PARTY_LABELS:
        return None
    maker, addressee = disc.state_or_key(extraction.actor), disc.state_or_key(extraction.target)
    if maker is None or addressee is None or maker == addressee:
        return None
    return maker, addressee

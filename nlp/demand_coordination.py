"""Coordinated objects: one trigger asking for several things is several demands.

"called for price caps and compensation" gives two demands, each with its own
content, terms and predicate; a thing's "by"-phrase names who must undo it.
"""
from __future__ import annotations

from spacy.tokens import Token

from . import predicates
from .demand_parties import _BODY_LABELS, party_ref
from .demand_readers import _child, _prep
from .discourse import Discourse
from .types import ActorRef


def coordinated_demands(noun: Token, disc: Discourse) -> list[Token]:
    """The demanded things one trigger takes: "price caps and compensation" -> caps, compensation.

    The small model sometimes hangs the second thing on the first one's "from"-phrase
    ("an 8% rise from X and the reinstatement of Y"), or, after a relative clause, on the
    trigger verb itself ("wants a rise from X, which runs Y, and the reinstatement of Z");
    a common noun there is a demand too.
    """
    nouns = [noun] + [c for c in noun.conjuncts if _may_be_demanded(c, disc)]
    # "an explanation, an apology and the flight logs": the parser hangs the list's second thing
    # on the first as an apposition, and the rest on the second.
    for listed in (c for c in noun.children if c.dep_ == "appos" and _is_list_item(noun, c)):
        nouns += [t for t in [listed, *listed.conjuncts] if _may_be_demanded(t, disc)]
    source = _prep(noun, "from")
    pobj = _child(source, "pobj") if source is not None else None
    if pobj is not None:
        nouns += [c for c in pobj.conjuncts if c.pos_ == "NOUN" and _may_be_demanded(c, disc)]
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ != "from"):
        # "price caps on all formulations and compensation for patients": a known demand hung on
        # the first thing's modifier is asked for in its own right.
        inner = _child(prep, "pobj")
        if inner is not None:
            nouns += [
                c for c in inner.conjuncts
                if c.pos_ == "NOUN" and predicates.is_known_noun(c) and _may_be_demanded(c, disc)
            ]
    if noun.dep_ == "dobj":
        nouns += [c for c in _verbless_conjuncts(noun.head, after=noun) if _may_be_demanded(c, disc)]
    return sorted({n.i: n for n in nouns}.values(), key=lambda n: n.i)


def _is_list_item(first: Token, appos: Token) -> bool:
    """An apposition that is a list's next item, not a description of the first ("compensation,
    the main demand"): a comma before it and a conjunct after it, or a known demand itself."""
    comma = appos.left_edge.i > 0 and appos.doc[appos.left_edge.i - 1].text == ","
    return comma and (bool(appos.conjuncts) or predicates.is_known_noun(appos))


def _verbless_conjuncts(trigger: Token, *, after: Token) -> list[Token]:
    """Common nouns conjoined to the trigger verb after its object, with no verb or subject of
    their own: the parser's reading of a second object it could not join to the first."""
    return [
        c for c in trigger.children
        if c.dep_ == "conj" and c.pos_ == "NOUN" and c.i > after.i
        and not any(g.dep_ in ("nsubj", "nsubjpass", "aux") for g in c.children)
    ]


def _may_be_demanded(token: Token, disc: Discourse) -> bool:
    if token.pos_ not in ("NOUN", "PROPN") or token.ent_type_ in ("DATE", "TIME"):
        return False
    if token.pos_ == "PROPN" and not predicates.is_known_noun(token):
        return False
    return disc.ref(token) is None  # "from Sylvania and Freedonia": parties, not things


def _agent_in(noun: Token, disc: Discourse) -> ActorRef | None:
    """"the reinstatement of workers dismissed by the authority": who did it must undo it."""
    for token in noun.subtree:
        if token.dep_ == "agent":
            pobj = _child(token, "pobj")
            ref = party_ref(pobj, disc)
            if ref is not None and ref.label in ("GPE", *_BODY_LABELS):
                return ref
    return None

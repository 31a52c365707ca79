"""The state a titled office holder acts for when the article never names it.

"Foreign Minister Vesna Koledic told reporters ..." in a story between two states names
her post but not her state, and a story filed without a dateline gives no home state
either (affiliations.py reads both when they are there). What she asks and of whom
settles it: a minister who demands something of Tarvonia is not Tarvonia's; of the other
states acting in the story, the one named most is hers.

Read after every finding has its named target and before the passes that read the
parties' sides (denials by the party asked, inferred addressees). Nothing is guessed for
a holder who addresses no state, nor when two other states are named as often.
"""
from __future__ import annotations

from collections import Counter

from .affiliations import state_office_title
from .discourse import Discourse
from .states import is_state
from .types import DEMAND, ActorRef, Affiliation
from .types import Span as TextSpan


def office_holders_states(disc: Discourse) -> None:
    """Give each untied holder of a state's office the state their findings say is theirs."""
    holders = _untied_office_holders(disc)
    if not holders:
        return
    acting = _states_acting(disc)
    named = _states_named(disc, acting)
    for key, evidence in holders.items():
        addressed = _states_addressed(key, disc) & acting
        if not addressed:
            continue
        others = Counter({state: count for state, count in named.items() if state not in addressed})
        ranked = others.most_common(2)
        if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
            continue  # no other state, or two named as often: the article does not say
        disc.actors.affiliations.append(Affiliation(member=key, state=ranked[0][0], evidence=evidence, label="GPE"))


def _untied_office_holders(disc: Discourse) -> dict[str, TextSpan]:
    """People named after a post of a state's government, tied to no state or body in the article;
    with the words of their first such title."""
    tied = {a.member for a in disc.actors.affiliations}
    found: dict[str, TextSpan] = {}
    for mention in disc.actors.mentions:
        if mention.label != "PERSON" or mention.key in tied or mention.key in found:
            continue
        span = disc.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        title = state_office_title(span) if span is not None else None
        if title is None:
            continue
        words = disc.doc[title[0] : title[1]]
        found[mention.key] = TextSpan(words.start_char, words.end_char, words.text)
    return found


def _states_acting(disc: Discourse) -> set[str]:
    """The states (or capitals for them) that act in a finding, as its maker or its addressee. Only
    states the country tables know: a town the tables do not know as a capital is not its state,
    and a minister who addresses a state and speaks in its capital is not the capital's."""
    sides = set()
    for extraction in disc.extractions:
        for ref in (extraction.actor, extraction.target):
            party = disc.party(ref)
            if party is not None and party.label == "GPE" and is_state(disc.state_or_key(party)):
                sides.add(disc.state_or_key(party))
    return sides


def _states_named(disc: Discourse, acting: set[str]) -> Counter:
    """How often the article names each acting state, in any of its names."""
    counts: Counter = Counter()
    for mention in disc.actors.mentions:
        if mention.label not in ("GPE", "NORP"):
            continue
        ref = disc.party(ActorRef(mention.text, mention.key, mention.label, mention.start, mention.end))
        state = disc.state_or_key(ref)
        if state in acting:
            counts[state] += 1
    return counts


def _states_addressed(key: str, disc: Discourse) -> set[str]:
    """The sides the holder's demands are addressed to by name. Not what their statements name: a
    minister speaks of her own state as often as of the other ("Chile has exported its lithium
    ..., she said"), but asks things of the other."""
    return {
        disc.state_or_key(disc.party(e.target)) for e in disc.extractions
        if e.kind == DEMAND and e.actor is not None and e.actor.key == key
        and e.target is not None and not e.target_inferred
    }

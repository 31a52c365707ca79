"""Deadlines: giving a party a time limit to act is demanding that it act.

"X has given Y until June 30 to hand over the data", "X gave Y 30 days to pay
the fine", "X set Y a deadline of Friday to release ...", "X gave Y an
ultimatum to withdraw": X demands of Y the act the infinitive names. Without a
time limit ("gave Y permission to ...", "gave Y a chance to ...") nothing is
demanded.
"""
from __future__ import annotations

from spacy.tokens import Token

from .demand_assembly import _fill_from_verb, _finished, _new
from .demand_guards import _is_made
from .demand_parties import _subjects, party_ref, party_ref_any
from .discourse import Discourse
from .types import Extraction

# Verbs that hand a party a time limit.
DEADLINE_VERBS = frozenset({"give", "set", "grant", "issue"})
# Nouns that are a time limit themselves: "a deadline of Friday", "an ultimatum".
DEADLINE_NOUNS = frozenset({"deadline", "ultimatum", "timeline", "timetable"})
# Prepositions that end a time limit: "until June 30", "by Friday".
_UNTIL = frozenset({"until", "till", "by"})
_TIME_LABELS = frozenset({"DATE", "TIME"})


def deadline_demand(trigger: Token, disc: Discourse) -> list[Extraction]:
    """The demand a verb of giving a time limit makes, if it gives one."""
    if trigger.lemma_.lower() not in DEADLINE_VERBS or not _is_made(trigger):
        return []
    action = _act_required(trigger)
    party = _party_given(trigger)
    if action is None or party is None or not _gives_a_time_limit(trigger):
        return []
    actor = party_ref_any(_subjects(trigger), disc)
    extraction = _new(trigger, actor, party_ref(party, disc))
    _fill_from_verb(extraction, action, disc)
    extraction.cue = "deadline"
    return _finished([extraction], trigger, disc)


def _party_given(trigger: Token) -> Token | None:
    """Whom the time limit is given: the indirect object, else an object that is no time or deadline."""
    for dep in ("dative", "dobj"):
        for child in trigger.children:
            if child.dep_ == dep and child.ent_type_ not in _TIME_LABELS and child.lemma_.lower() not in DEADLINE_NOUNS:
                return child
    return None


def _gives_a_time_limit(trigger: Token) -> bool:
    for child in trigger.children:
        if child.ent_type_ in _TIME_LABELS and child.dep_ in ("npadvmod", "dobj"):
            return True  # "gave Y 30 days"
        if child.lemma_.lower() in DEADLINE_NOUNS and child.dep_ == "dobj":
            return True  # "set Y a deadline", "gave Y an ultimatum"
        if child.dep_ == "prep" and child.lower_ in _UNTIL and any(
            g.dep_ == "pobj" and g.ent_type_ in _TIME_LABELS for g in child.children
        ):
            return True  # "gave Y until June 30"
    return False


def _act_required(trigger: Token) -> Token | None:
    """The to-infinitive after the trigger, on the verb or on its deadline noun."""
    # "gave Orbillo 30 days to comply": the parser may hang the infinitive on the time given.
    heads = [trigger, *(
        c for c in trigger.children
        if c.lemma_.lower() in DEADLINE_NOUNS or (c.ent_type_ in _TIME_LABELS and c.dep_ in ("dobj", "npadvmod"))
    )]
    for head in heads:
        for child in head.children:
            if (
                child.i > trigger.i
                and child.pos_ == "VERB"
                and child.dep_ in ("advcl", "xcomp", "acl", "relcl")
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in child.children)
            ):
                return child
    return None

"""Ultimatums: a threat on condition that a party does not act demands that it act.

"Nurses would strike unless the ministry halts the closure", "The union will walk out if the
company does not raise pay", "X threatened to sue unless Y withdrew the licence": whoever threatens demands
of the party in the unless-clause the act that clause names. The one threatening is the subject of
the threat when it names a party, else whoever reports the threat ("HNF's leader said nurses would
strike unless ..."). A condition on what is only foreseen ("prices will rise unless the bank acts")
names no party that threatens, and makes no demand.
"""
from __future__ import annotations

from spacy.tokens import Token

from .demand_assembly import _fill_from_verb, _finished, _new
from .demand_parties import _subjects, party_ref, party_ref_any
from .discourse import Discourse, is_negated, subject_of
from .speech_words import CUE_VERBS
from .types import Extraction

_FUTURE_AUXILIARIES = frozenset({"will", "would", "'ll", "shall"})
_THREATENING_VERBS = frozenset({"threaten", "vow", "warn", "promise", "pledge"})


def ultimatum_demand(condition: Token, disc: Discourse) -> list[Extraction]:
    """The demand an unless-clause on a threat makes, if ``condition`` is such a clause's verb."""
    if condition.dep_ != "advcl" or condition.pos_ not in ("VERB", "AUX") or not _on_condition_of_not_acting(condition):
        return []
    threat = condition.head
    if not _is_a_threat(threat) or is_negated(threat):
        return []
    target = party_ref(subject_of(condition), disc)
    if target is None:
        return []
    actor, voice = party_ref_any(_subjects(threat), disc), threat
    report = _reporting_verb(threat)
    if actor is None and report is not None:
        actor, voice = party_ref_any(_subjects(report), disc), report
    if actor is None:
        return []
    extraction = _new(threat, actor, target)
    _fill_from_verb(extraction, condition, disc)
    extraction.cue = "ultimatum"
    return _finished([extraction], threat, disc, voice=voice)


def _on_condition_of_not_acting(condition: Token) -> bool:
    """ "unless Y acts", and the same said otherwise: "if Y does not act"."""
    marks = {c.lower_ for c in condition.children if c.dep_ == "mark"}
    return ("unless" in marks and not is_negated(condition)) or ("if" in marks and is_negated(condition))


def _is_a_threat(verb: Token) -> bool:
    """ "would strike", "will walk out", "threatened to sue": an act announced for the future."""
    if any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUXILIARIES for c in verb.children):
        return True
    if verb.lemma_.lower() in _THREATENING_VERBS:
        return True  # "threatened to expel the ambassador unless ...", the clause hung on "threatened"
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _THREATENING_VERBS


def _reporting_verb(threat: Token) -> Token | None:
    """The speech verb whose clause the threat is: "X said nurses would strike unless ..."."""
    node = threat
    while node.dep_ in ("xcomp", "conj") and node.head.i != node.i:
        node = node.head
    if node.dep_ == "ccomp" and node.head.lemma_.lower() in CUE_VERBS | _THREATENING_VERBS:
        return node.head
    return None

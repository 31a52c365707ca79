"""Reported obligations: an obligation or hope put on another party in reported speech.

"X says Acme Mining must pay ...", "X hoped Freedonia would protect ..." are demands of
Acme Mining and Freedonia; "we must ..." or a direct quotation is not.
"""
from __future__ import annotations

from spacy.tokens import Token

from .demand_assembly import _fill_from_verb, _new
from .demand_guards import _is_unrealised
from .demand_parties import _subjects, party_ref, party_ref_any
from .demand_readers import _own_subject
from .demand_words import HOPE_CUES, HOPE_MODALS, OBLIGATION_MODALS
from .discourse import Discourse, is_negated
from .stance import stance_of
from .types import Extraction


def _opens_quotation(clause: Token) -> bool:
    first = clause.left_edge
    return first.i > 0 and first.nbor(-1).text in ('"', "\u201c", "'", "\u2018")


def obligation_from(cue: Token, disc: Discourse) -> Extraction | None:
    """"X says Acme Mining must pay ...", "X hoped Freedonia would protect ...": a demand on another party."""
    modals = HOPE_MODALS if cue.lower_ in HOPE_CUES else OBLIGATION_MODALS
    if is_negated(cue) or _is_unrealised(cue):
        return None
    for clause in cue.children:
        if clause.dep_ != "ccomp" or clause.pos_ not in ("VERB", "AUX"):
            continue
        if not any(c.dep_ == "aux" and c.lower_ in modals for c in clause.children):
            continue
        if _opens_quotation(clause) or (modals is OBLIGATION_MODALS and clause.i < cue.i):
            return None  # '"Shell must pay," said X': a direct quotation is X's statement
        actor = party_ref_any(_subjects(cue), disc)
        target = party_ref(_own_subject(clause), disc)
        if actor is None or target is None or target.label not in ("GPE", "ORG", "PERSON"):
            return None
        actor, target = disc.party(actor), disc.party(target)
        if disc.state_or_key(actor) == disc.state_or_key(target):
            return None  # "we must ...", "the ministry said Freedonia should ...": one's own side
        extraction = _new(cue, actor, target)
        extraction.cue = "hope" if cue.lower_ in HOPE_CUES else cue.lemma_.lower()
        _fill_from_verb(extraction, clause, disc)
        stance = stance_of(cue, disc)
        extraction.stance, extraction.origins = stance.stance, list(stance.origins)
        return extraction
    return None

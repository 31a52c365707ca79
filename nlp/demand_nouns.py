"""The demand as a noun: "Sylvania's demand that the EU stop ...", "the call by X on Y
to ...", "renewed its demand that ...", "renewed its call for a ceasefire".

The maker is the noun's owner, its "by"-phrase, or the subject of a verb of making it.
"""
from __future__ import annotations

from spacy.tokens import Token

from .demand_assembly import (
    _fill_from_noun, _fill_from_verb, _finished, _from_phrase, _new, _same_party, coordinated_actions,
)
from .demand_coordination import coordinated_demands
from .demand_linear import _linear_reading
from .demand_parties import _subjects, party_ref, party_ref_any
from .demand_readers import _child, _own_subject, _prep
from .demand_verbs import is_for_infinitive
from .demand_words import ANSWERING_VERBS, MAKING_VERBS, RECEIVING_VERBS, RENEWING_VERBS
from .discourse import Discourse, subject_of
from .states import state_of_demonym
from .types import DEMAND, ActorRef, Extraction


def nominal_demands(noun: Token, disc: Discourse) -> list[Extraction]:
    """"Sylvania's demand that the EU stop ...", "the call by X on Y to keep ...", "renewed its demand that ..."."""
    actor = _maker_of(noun, disc)
    complement = _noun_complement(noun)
    if noun.lemma_.lower() == "order" and not _is_an_order_to_act(noun, complement):
        return []
    renewing = _renewing_verb(noun)
    if complement is None and renewing is not None:
        return _renewal_of_earlier(noun, actor or party_ref_any(_subjects(renewing), disc), disc)
    if complement is None:
        return []
    kind, action = complement
    if actor is None and kind in ("clause", "infinitive"):
        actor = _maker_from(noun, disc)  # "calls from X to ...": the thing asked is not "from X"
    if actor is None:
        return []
    by = _child(_prep(noun, "by"), "pobj")
    # "the call by X on Y to ...": the parser may hang "on Y" on X.
    on = _prep(noun, "on") or (_prep(by, "on") if by is not None else None)
    on_target = party_ref(_child(on, "pobj"), disc) if on is not None else None
    recipient = _recipient(noun, disc)
    if kind == "linear":
        extraction = _linear_reading(noun, action, actor, disc)
        return [] if extraction is None else _finished([extraction], noun, disc)
    answerer = _answering_party(noun, disc)
    if kind in ("clause", "infinitive"):
        addressee = subject_of(action) if kind == "clause" else _own_subject(action)
        if answerer is not None and (addressee is None or addressee.pos_ == "PRON"):
            # "rejected Norway's demand that it stop ...": "it" is the party answering.
            target = on_target or answerer
        else:
            target = (
                on_target or party_ref(addressee, disc) or _for_party(noun, action, disc) or recipient
                or _receiving_party(noun, disc)
            )
        # "its request that Y return the wreckage and grant experts access": two things asked.
        actions = coordinated_actions(action)
        found = []
        for verb in actions:
            extraction = _new(noun, actor, target)
            _fill_from_verb(extraction, verb, disc, others=actions)
            extraction.cue = noun.lemma_.lower()
            found.append(extraction)
        return _finished(found, noun, disc)
    nouns = coordinated_demands(action, disc)
    found = []
    for thing in nouns:
        extraction = _new(
            noun, actor,
            _from_phrase(thing, disc) or on_target or _from_phrase(noun, disc) or answerer or recipient,
        )
        _fill_from_noun(extraction, thing, disc, others=nouns)
        extraction.cue = noun.lemma_.lower()
        found.append(extraction)
    return _finished(found, noun, disc)


def _is_an_order_to_act(noun: Token, complement: tuple[str, Token] | None) -> bool:
    """ "its order that the company delete ...", "the court's order to pay": an order is a demand
    only with the act ordered; "an order for 20 aircraft" is a purchase, "in order to" a purpose."""
    if noun.i > 0 and noun.nbor(-1).lower_ == "in":
        return False
    return complement is None or complement[0] in ("clause", "linear", "infinitive")


def _for_party(noun: Token, action: Token, disc: Discourse) -> ActorRef | None:
    """ "its call for the Port Authority to pay compensation": the parser may hang the infinitive on
    the noun, leaving the party asked alone in the for-phrase before it."""
    for_ = _prep(noun, "for")
    if for_ is None or not noun.i < for_.i < action.i:
        return None
    return party_ref(_child(for_, "pobj"), disc)


def _recipient(noun: Token, disc: Discourse) -> ActorRef | None:
    """Whom a demand was sent or delivered to: "an ultimatum to France", "sent France a request",
    "submitted a request to the ministry"."""
    addressing = _addressed_with(noun)
    if addressing is not None:
        addressee = _child(addressing, "dobj") or _child(_prep(addressing, "to"), "pobj")
        return party_ref(addressee, disc)
    to = _prep(noun, "to")
    if to is None and noun.dep_ == "dobj" and noun.head.lemma_.lower() in MAKING_VERBS:
        dative = next((c for c in noun.head.children if c.dep_ == "dative" and c.pos_ != "ADP"), None)
        if dative is not None:
            return party_ref(dative, disc)
        to = _prep(noun.head, "to")
    return party_ref(_child(to, "pobj"), disc) if to is not None else None


# Verbs that turn to a party "with" a demand: "addressed the Government with a request to ...".
_ADDRESSING_VERBS = frozenset({"address", "approach", "turn", "write", "appeal", "petition", "contact", "go"})


def _addressed_with(noun: Token) -> Token | None:
    """The verb of "X addressed Y with a request to ...", whose subject makes the demand of Y."""
    with_ = noun.head
    if noun.dep_ != "pobj" or with_.lower_ != "with" or with_.head.pos_ != "VERB":
        return None
    return with_.head if with_.head.lemma_.lower() in _ADDRESSING_VERBS else None


def _maker_from(noun: Token, disc: Discourse) -> ActorRef | None:
    """ "calls from Kestria to hand him over", "a request from the ministry that ...": the maker."""
    from_ = _prep(noun, "from")
    return party_ref(_child(from_, "pobj"), disc) if from_ is not None else None


def _receiving_party(noun: Token, disc: Discourse) -> ActorRef | None:
    """Who is asked, when the sentence says who receives the demand: the subject of "faces calls
    ...", "received a request ...", "came (or is) under pressure ..."."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "under":
        head = head.head
    elif noun.dep_ != "dobj" or head.lemma_.lower() not in RECEIVING_VERBS:
        return None
    return party_ref_any(_subjects(head), disc) if head.pos_ in ("VERB", "AUX") else None


def _answering_party(noun: Token, disc: Discourse) -> ActorRef | None:
    """Who answers the demand a noun names: the subject of "rejected/accepted the demand"."""
    if noun.dep_ != "dobj" or noun.head.lemma_.lower() not in ANSWERING_VERBS:
        return None
    return party_ref_any(_subjects(noun.head), disc)


def _renewing_verb(noun: Token) -> Token | None:
    """The verb renewing the demand noun: its head, or, when the parser hung "renewed the demand
    after ..." elsewhere, the verb just before the noun's determiner."""
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in RENEWING_VERBS:
        return noun.head
    before = noun.doc[noun.i - 2] if noun.i >= 2 else None
    if (
        before is not None
        and noun.doc[noun.i - 1].dep_ in ("det", "poss")
        and before.pos_ == "VERB"
        and before.lemma_.lower() in RENEWING_VERBS
    ):
        return before
    return None


def _renewal_of_earlier(noun: Token, actor: ActorRef | None, disc: Discourse) -> list[Extraction]:
    """"In March, Zenda's minister renewed the demand": the same demand as the maker's last one
    before it in the article (same target and action), made again in this sentence."""
    if actor is None:
        return []
    for earlier in reversed(disc.extractions):
        if earlier.kind != DEMAND or earlier.sentence.start >= noun.idx or earlier.target is None:
            continue
        if not _same_party(earlier.actor, actor, disc) or _same_party(earlier.target, actor, disc):
            continue
        extraction = _new(noun, actor, earlier.target)
        extraction.about, extraction.predicate = earlier.about, earlier.predicate
        extraction.content, extraction.terms = earlier.content, list(earlier.terms)
        extraction.cue = noun.lemma_.lower()
        return _finished([extraction], noun, disc)
    return []


# Nouns that make what they are predicated of a demand: "made the hostages' release a condition for talks".
CONDITION_NOUNS = frozenset({"condition", "precondition", "prerequisite"})


def condition_demands(noun: Token, disc: Discourse) -> list[Extraction]:
    """"Freedonia has made the hostages' release a condition for any agreement": the thing made a
    condition is demanded by whoever made it one. Read in word order, as the parser joins the
    two objects of "make" in more than one way."""
    det = noun.doc[noun.i - 1] if noun.i > 0 else None
    if det is None or det.lower_ not in ("a", "the", "its", "their"):
        return []
    verb = next((t for t in (noun.head, noun.head.head) if t.pos_ == "VERB" and t.lemma_.lower() == "make"), None)
    if verb is None or not verb.i < det.i - 1:
        return []
    between = range(verb.i + 1, det.i)
    heads = [t for t in noun.doc[verb.i + 1 : det.i] if t.pos_ == "NOUN" and t.head.i not in between]
    if len(heads) != 1:
        return []
    thing = heads[0]
    actor = party_ref_any(_subjects(verb), disc)
    if actor is None:
        return []
    extraction = _new(verb, actor, _from_phrase(thing, disc))
    _fill_from_noun(extraction, thing, disc, others=[thing])
    extraction.cue = f"make {noun.lemma_.lower()}"
    return _finished([extraction], verb, disc)


def _maker_of(noun: Token, disc: Discourse) -> ActorRef | None:
    """Who makes a nominal demand: its owner ("Sylvania's demand"), its "by"-phrase, or the
    subject of a verb of making ("renewed the demand")."""
    addressing = _addressed_with(noun)
    if addressing is not None:
        found = party_ref_any(_subjects(addressing), disc)
        if found is not None:
            return found
    made = noun.dep_ == "dobj" and noun.head.lemma_.lower() in MAKING_VERBS
    owner = next((c for c in noun.children if c.dep_ == "poss" and c.ent_type_ not in ("DATE", "TIME")), None)
    if made and (owner is None or owner.pos_ == "PRON"):
        # "UN agencies renewed their demand": the subject owns it; a pronoun only points back to it.
        found = party_ref_any(_subjects(noun.head), disc)
        if found is not None:
            return found
    if owner is not None:
        return party_ref(owner, disc)
    by = _prep(noun, "by")
    if by is not None:
        return party_ref(_child(by, "pobj"), disc)
    return _state_by_its_adjective(noun)


def _state_by_its_adjective(noun: Token) -> ActorRef | None:
    """"the French demand that Velland reduce its quota": a state's adjective on the demand is its maker."""
    for child in noun.children:
        state = state_of_demonym(child.text) if child.dep_ == "amod" else None
        if state is not None:
            return ActorRef(child.text, state, "GPE", child.idx, child.idx + len(child.text))
    return None


def _noun_complement(noun: Token) -> tuple[str, Token] | None:
    """What a demand noun asks for: a that-clause, a to-infinitive or a "for"-phrase."""
    for child in noun.children:
        if child.i > noun.i and is_for_infinitive(child):
            return "infinitive", child  # "renewed calls for X to release Y"
        if child.i > noun.i and child.dep_ == "advcl" and child.pos_ == "VERB" and _to_infinitive(child):
            return "infinitive", child  # "faces calls from X to hand him over", as the parser hangs it
        # A clause opened by "that" as a conjunction is the demand's content even when the parser
        # calls it a relative clause ("the French demand that Velland reduce its quota").
        is_that_clause = child.dep_ == "relcl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children)
        if (child.dep_ in ("acl", "ccomp") or is_that_clause) and child.pos_ in ("VERB", "AUX"):
            that = next((c for c in child.children if c.dep_ == "mark" and c.lower_ == "that"), None)
            that = that or _that_taken_for_a_pronoun(child)
            if that is not None and _past_verb_beyond_a_comma(that, child):
                return "linear", that
            if that is not None:
                return "clause", child
            if any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                return "infinitive", child
        if child.dep_ in ("acl", "ccomp") and child.pos_ in ("NOUN", "ADJ"):
            that = next((c for c in child.children if c.dep_ == "mark" and c.lower_ == "that"), None)
            if that is not None:
                return "linear", that  # "demand that X release Y" with "release" tagged a noun
    follower = noun.doc[noun.right_edge.i + 1] if noun.right_edge.i + 1 < noun.sent.end else None
    if follower is not None and follower.lower_ == "that":
        head = follower.head
        if follower.dep_ == "mark" and head.pos_ in ("VERB", "AUX") and head.i > follower.i \
                and not _past_verb_beyond_a_comma(follower, head):
            return "clause", head
        return "linear", follower  # the parser broke the clause: read it in word order
    if follower is not None and follower.lower_ == "to" and follower.dep_ == "aux" and follower.head.pos_ == "VERB":
        return "infinitive", follower.head
    if follower is not None and follower.lower_ == "for" and follower.dep_ == "mark" \
            and follower.head.i > follower.i and follower.head.pos_ == "VERB" and _to_infinitive(follower.head):
        return "infinitive", follower.head  # "renewed its call for the app to be suspended", hung on "renewed"
    # "renewed its call for a ceasefire"; and a named party's own demand for a thing, whatever
    # becomes of it ("Freedonia's request for his extradition is pending", "the union's demand for
    # an allowance was referred to a task team"): the outlet reports that the demand stands. Not
    # "its demand for ..." alone, which only points back to one the article read already.
    for_ = _prep(noun, "for")
    pobj = _child(for_, "pobj") if for_ is not None else None
    # A demand answered here counts as a made one does: "rejected Germany's demand for
    # compensation" reports that Germany demanded it.
    made_or_answered = noun.dep_ == "dobj" and noun.head.lemma_.lower() in MAKING_VERBS | ANSWERING_VERBS
    owned = any(c.dep_ == "poss" and c.pos_ != "PRON" for c in noun.children)
    a_thing = pobj is not None and pobj.pos_ == "NOUN" and pobj.ent_type_ not in ("DATE", "TIME")
    if (made_or_answered or owned) and a_thing:
        return "noun", pobj
    return None


def _to_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _that_taken_for_a_pronoun(clause: Token) -> Token | None:
    """ "refused Kestria's demand that it hand over ...": the parser took "that" for the clause's
    object. A clause in the base form, or with a modal, is what is demanded, not a relative
    clause ("the demand that it made last week")."""
    first = clause.left_edge
    if first.lower_ != "that" or first.head.i != clause.i or first.dep_ == "mark":
        return None
    base_form = clause.tag_ == "VB" and not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
    modal = any(c.dep_ == "aux" and c.tag_ == "MD" for c in clause.children)
    return first if base_form or modal else None


def _past_verb_beyond_a_comma(that: Token, verb: Token) -> bool:
    """ "its demand that X free Y, the captain ..., after a court sentenced him": the parser
    hung "that" on a past-tense verb after the clause's first comma; what is demanded is in the
    base form, before that comma, and is read in word order."""
    between = that.doc[that.i + 1 : verb.i]
    return verb.tag_ == "VBD" and any(t.text == "," for t in between)

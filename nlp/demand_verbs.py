"""A demand verb and its four shapes.

1. a that-clause: "demanded that Sylvania hand over X";
2. an object and an infinitive: "requested Sylvania to hand over X", "called on Shell to pay";
3. a for-phrase: "pressed Zenda for compensation", "calling for the lifting of sanctions";
4. a nominal object: "demanded the return of X", "demanding compensation from Zenda".

The actor is the trigger's subject, the target whoever must act (the subject of the
that-clause, the object, an "on"- or "from"-phrase).
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from . import predicates
from .demand_assembly import _fill_from_noun, _fill_from_verb, _finished, _from_phrase, _new, coordinated_actions
from .demand_coordination import _agent_in, coordinated_demands
from .demand_linear import _linear_that_clause
from .demand_obligations import is_act_owed_to_a_party
from .demand_parties import _subjects, party_ref, party_ref_any, reporter_going_on
from .demand_readers import _child, _is_quoted, _prep
from .demand_words import (
    FOR_PREPOSITIONS,
    EXPECTING_VERBS,
    GIVEN_THING_TRIGGERS,
    INFINITIVE_ONLY,
    STRONG_TRIGGERS,
)
from .discourse import Discourse, agent_of, is_negated, speech_verb_of_conjoined_urging, subject_of
from .stance import trailing_attribution
from .types import PARTY_LABELS, ActorRef, Extraction


def demands_from(trigger: Token, disc: Discourse) -> list[Extraction]:
    """The demands a trigger verb expresses: none, one, or one per coordinated object, and the
    same again for each further party in a joint subject."""
    found = _demands_of_first_maker(trigger, disc)
    return found + _joint_makers_demands(found, trigger, disc)


def _joint_makers_demands(found: list[Extraction], trigger: Token, disc: Discourse) -> list[Extraction]:
    """ "The nurses' union and the town's mayor have demanded that ...", "Germany, France and the
    Commission urged ...": each party listed makes the demand."""
    if not found or _is_passive(trigger):
        return []
    joint = []
    for subject in _subjects(trigger):
        first = party_ref(subject, disc)
        if first is None:
            continue
        for other in subject.conjuncts:
            maker = party_ref(other, disc)
            if maker is None or maker.key == first.key or maker.label not in PARTY_LABELS:
                continue
            joint += [
                replace(e, actor=maker, origins=list(e.origins), terms=list(e.terms))
                for e in found if e.actor is not None and e.actor.key == first.key
                and (e.target is None or e.target.key != maker.key)
            ]
    return joint


def _demands_of_first_maker(trigger: Token, disc: Discourse) -> list[Extraction]:
    lemma = trigger.lemma_.lower()
    passive = _is_passive(trigger)
    subjects = [agent_of(trigger)] if passive else _subjects(trigger)
    obj = _child(trigger, "dobj")
    if passive:
        obj = _child(trigger, "nsubjpass")
    shape = (
        _that_clause(trigger, lemma)
        or _object_infinitive(trigger, obj, lemma)
        or _infinitive_hung_on_party(trigger, obj, disc)
        or _for_infinitive(trigger)
        or _for_phrase(trigger, lemma)
        or _nominal_object(trigger, obj, lemma)
    )
    if shape is None:
        if lemma in EXPECTING_VERBS:
            return []
        linear = _linear_that_clause(trigger, subjects, disc) if lemma not in INFINITIVE_ONLY else None
        return [linear] if linear is not None else []
    kind, action = shape
    if lemma in INFINITIVE_ONLY and kind != "infinitive" and not (lemma == "order" and _an_ordered_act(kind, action)):
        return []
    if lemma in EXPECTING_VERBS and (is_negated(trigger) or not (kind == "noun" or _act_expected_of(action, obj, disc))):
        return []
    actor = party_ref_any([s for s in subjects if s is not None], disc)
    # The verb whose report of the demand sets its stance: "X said the statements were unacceptable
    # and urged Y to ..." is X's urging, reported as X's saying is, not something X said.
    voice = speech_verb_of_conjoined_urging(trigger) or trigger
    if actor is None and not passive and (report := reporter_going_on(trigger)) is not None:
        actor = party_ref_any(_subjects(report), disc)
        voice = report if actor is not None else trigger
    if kind == "clause":
        # "demanded that Jonas Kalns be released": who is released is what the demand is about; it
        # is asked of whoever holds him (a "by"-phrase, else the party the article makes the maker's
        # counterpart), not of him.
        target = party_ref(agent_of(action) if _is_passive(action) else subject_of(action), disc)
        return _finished(_one_per_action(trigger, action, actor, target, disc), trigger, disc, voice=voice)
    if kind == "infinitive":
        own_subject = next((c for c in action.children if c.dep_ == "nsubj"), None)
        on = _on_phrase(trigger) or _addressee_phrase(trigger, lemma)
        target = (
            party_ref(_apposed_name(obj), disc)  # "the mining company Acme Mining": the name, not "company"
            or party_ref(obj, disc)
            or party_ref(_stray_object(trigger, action), disc)
            or party_ref(own_subject, disc)
            or (party_ref(_child(on, "pobj"), disc) if on is not None else None)  # "called on Shell to pay"
            or party_ref(agent_of(action), disc)  # "asked for the data to be handed over by Shell"
        )
        return _finished(_one_per_action(trigger, action, actor, target, disc), trigger, disc, voice=voice)
    nouns = coordinated_demands(action, disc)
    shared = (
        (party_ref(obj, disc) if obj is not None and obj.i != action.i else None)
        or _from_phrase(trigger, disc)
        or _written_to(trigger, disc)
    )
    found = []
    for noun in nouns:
        # The first thing's "from"-phrase is its own: "an 8% rise from X and the reinstatement of Y".
        target = (
            _from_phrase(noun, disc)
            or shared
            or (None if noun.i == action.i else _agent_in(noun, disc))  # "the release of X held by Y"
        )
        extraction = _new(trigger, actor, target)
        _fill_from_noun(extraction, noun, disc, others=nouns)
        found.append(extraction)
    for clause in _for_clauses_joined(trigger, after=action):
        extraction = _new(trigger, actor, shared)
        _fill_from_verb(extraction, clause, disc)
        found.append(extraction)
    return _finished(found, trigger, disc, voice=voice)


def _act_expected_of(action: Token, obj: Token | None, disc: Discourse) -> bool:
    """"We expect Velland to release the crew": what a party is expected to do is asked of it when it
    is an act a demand names (not "expects prices to rise", "expects Velland to win") and the
    party is named. "We expect the crew to be released" asks it of whoever holds them
    (``is_act_owed_to_a_party``: the maker's counterpart, filled in later)."""
    if is_act_owed_to_a_party(action, disc):
        return True
    passive = _is_passive(action)
    party = obj if obj is not None else next((c for c in action.children if c.dep_ == "nsubj"), None)
    return (
        action.pos_ == "VERB" and not passive and predicates.is_known_verb(action)
        and party_ref(party, disc) is not None
    )


def _for_clauses_joined(trigger: Token, *, after: Token) -> list[Token]:
    """ "pressed X for the return of the wreckage and for its experts to be allowed to inspect the
    site": the parser joins the second "for"-clause to the trigger as a verb of its own; it is a
    second thing asked of the same party."""
    return [
        c for c in trigger.children
        if c.dep_ in ("conj", "ccomp", "advcl") and c.i > after.i and c.pos_ in ("VERB", "AUX")
        and _opens_with_for(c) and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
    ]


def _after_a_for_phrase(trigger: Token, clause: Token) -> bool:
    """ "pressed X for the return of Y and for Z to be allowed ...": a "for"-clause after the
    trigger's own "for"-phrase."""
    return _opens_with_for(clause) and any(
        p.dep_ == "prep" and p.lower_ == "for" and p.i < clause.i and _child(p, "pobj") is not None
        for p in trigger.children
    )


def _opens_with_for(clause: Token) -> bool:
    """Its own "for" (a mark), or the "for" the parser left just before it."""
    if any(g.dep_ == "mark" and g.lower_ == "for" for g in clause.children):
        return True
    start = clause.left_edge.i
    return start > 0 and clause.doc[start - 1].lower_ == "for"


def _on_phrase(trigger: Token) -> Token | None:
    """"called on X", and the formal "called upon X"."""
    return _prep(trigger, "on") or _prep(trigger, "upon")


def _written_to(trigger: Token, disc: Discourse) -> ActorRef | None:
    """ "X has written to Y demanding compensation", "X appealed to Y, asking for ...": the party
    the letter or appeal went to is the one asked."""
    if trigger.dep_ != "advcl" or trigger.tag_ != "VBG":
        return None
    # "sent a note to the Kyrgyz side demanding ...": the parser may take "to" for a dative.
    to = _prep(trigger.head, "to") or next(
        (c for c in trigger.head.children if c.dep_ == "dative" and c.lower_ == "to"), None
    )
    return party_ref(_child(to, "pobj"), disc) if to is not None else None


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _that_clause(trigger: Token, lemma: str) -> tuple[str, Token] | None:
    if lemma in ("want", "seek", "call", "press", "push", "plead", "beg"):
        return None
    infinitive = _own_infinitive(trigger)
    for child in _clauses(trigger):
        # "ordered X to recall the batches after an impurity was found": a clause the parser hung
        # on the trigger after its own infinitive is not what was asked; the infinitive is.
        if child.dep_ in ("ccomp", "acl") and (infinitive is None or child.i < infinitive.i):
            return "clause", child
    return None


def _own_infinitive(trigger: Token) -> Token | None:
    """The "to"-infinitive the trigger governs ("ordered X to recall ...")."""
    return next(
        (c for c in trigger.children
         if c.dep_ == "xcomp" and c.i > trigger.i and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)),
        None,
    )


def _clauses(trigger: Token) -> list[Token]:
    """The trigger's clausal complements, without a reporting tail the parser hung on it
    ("demanding that A extradite B, Bloomberg reported")."""
    wrapper = trailing_attribution(trigger.sent)
    return [
        c for c in trigger.children
        if (c.dep_ in ("xcomp", "ccomp") or _that_clause_on_a_noun(trigger, c))
        and (c.pos_ in ("VERB", "AUX") or _verb_taken_for_a_noun(c)) and (wrapper is None or c.i != wrapper.i)
        and c.i > trigger.i  # "X did something: it demanded that ...": what comes before is not asked for
    ]


def _verb_taken_for_a_noun(clause: Token) -> bool:
    """ "demanded that the ministry scrap the closure": the tagger took "scrap" for a noun, but it
    heads a that-clause with a subject of its own."""
    return clause.pos_ == "NOUN" and clause.dep_ == "ccomp" and any(
        c.dep_ == "nsubj" for c in clause.children
    ) and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _that_clause_on_a_noun(trigger: Token, child: Token) -> bool:
    """ "Sindiprof-RS demands that the city open talks", the verb taken for a noun: the parser hangs
    the that-clause on it as a noun's clause."""
    return trigger.pos_ == "NOUN" and child.dep_ == "acl" and any(
        m.dep_ == "mark" and m.lower_ == "that" for m in child.children
    )


# Nouns that measure or hold an amount of something: "ordered a batch of the vaccine" buys it.
_PARTITIVE_NOUNS = frozenset({
    "batch", "shipment", "consignment", "fleet", "supply", "set", "pair", "lot", "number", "range",
    "series", "quantity", "dose", "cargo", "load", "stock", "package", "pack", "box", "unit", "order",
    "tranche", "round", "share", "portion", "part", "amount", "volume", "total", "bulk", "copy",
})


def _an_ordered_act(kind: str, noun: Token) -> bool:
    """ "ordered the recall of all batches", "ordered a review of the case": an act named by a noun
    with its "of"-object is ordered as the infinitive would be. Not a thing bought or counted
    ("ordered 50 jets", "ordered millions of doses", "ordered a batch of the vaccine")."""
    return (
        kind == "noun" and noun.pos_ == "NOUN" and not noun.like_num
        and noun.lemma_.lower() not in _PARTITIVE_NOUNS
        and any(c.dep_ == "det" and c.lower_ in ("the", "a", "an") for c in noun.children)
        and not any(c.dep_ == "nummod" for c in noun.children)
        and any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
    )


def _object_infinitive(trigger: Token, obj: Token | None, lemma: str) -> tuple[str, Token] | None:
    taken_for_nouns = _infinitives_taken_for_nouns(trigger)
    clauses = _clauses(trigger) + _purpose_clauses_after_addressee(trigger, lemma) + taken_for_nouns
    infinitives = [
        c for c in clauses
        if c in taken_for_nouns or any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)
    ]
    # "wants Sylvania, which ..., to restore trust": the to-infinitive is the demanded act even when
    # the parser hung the object on a clause of its own.
    for child in infinitives + [c for c in clauses if c not in infinitives]:
        if lemma in INFINITIVE_ONLY and child not in infinitives:
            continue  # "told reporters he would ...": no command without "to"
        if _after_a_for_phrase(trigger, child):
            continue  # the second of two things asked for (``_for_clauses_joined``)
        has_own_subject = any(c.dep_ == "nsubj" for c in child.children)
        stray_subject = any(
            any(g.dep_ == "nsubj" and g.pos_ == "PROPN" for g in c.children) for c in clauses if c.i != child.i
        )
        if obj is not None or has_own_subject or (child in infinitives and stray_subject):
            return "infinitive", child
        # "called on X to ...", "appealed to X to ...": the target sits in a prepositional phrase.
        if (lemma == "call" and _on_phrase(trigger) is not None) or _addressee_phrase(trigger, lemma) is not None:
            return "infinitive", child
    return None


def _infinitives_taken_for_nouns(trigger: Token) -> list[Token]:
    """ "called on its neighbour to apologise": the small model may tag a bare verb after "to" a noun
    and hang it on "to" as a preposition; a word with no determiner that is a verb the rules know,
    right after the trigger's "to", is the infinitive asked for."""
    found = []
    for prep in trigger.children:
        if prep.dep_ != "prep" or prep.lower_ != "to":
            continue
        for word in prep.children:
            if (
                word.dep_ == "pobj" and word.i == prep.i + 1 and word.tag_ in ("NN", "VB")
                and not any(c.dep_ in ("det", "poss", "amod", "compound") for c in word.children)
                and predicates.is_known_verb(word)
            ):
                found.append(word)
    return found


def _purpose_clauses_after_addressee(trigger: Token, lemma: str) -> list[Token]:
    """"appealed to Sylvania to release ...": after a named addressee the parser may take the
    infinitive for a clause of purpose; with the addressee there, it is what is asked of it."""
    addressee = _on_phrase(trigger) if lemma == "call" else _addressee_phrase(trigger, lemma)
    if addressee is None:
        return []
    return [
        c for c in trigger.children
        if c.dep_ == "advcl" and c.pos_ == "VERB" and c.i > addressee.i
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        and not any(a.dep_ in ("nsubj", "nsubjpass") for a in c.children)
    ]


def _apposed_name(noun: Token | None) -> Token | None:
    """The proper name set beside a common noun: "the mining company *Acme Mining* (AM)"."""
    if noun is None or noun.pos_ != "NOUN":
        return None
    return next((c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > noun.i), None)


def _infinitive_hung_on_party(trigger: Token, obj: Token | None, disc: Discourse) -> tuple[str, Token] | None:
    """"enjoined the company Acme Mining (AM) to pay ...": the parser took the infinitive for a
    clause qualifying the object, or for an adverbial clause of purpose; when the object names a
    party, the infinitive is what that party must do."""
    if obj is None:
        return None
    hung = [c for c in obj.children if c.dep_ in ("relcl", "acl")]
    hung += [c for c in trigger.children if c.dep_ == "advcl"]
    for child in hung:
        if (
            child.i > obj.i
            and child.pos_ == "VERB"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
            and party_ref(obj, disc) is not None
        ):
            return "infinitive", child
    return None


# Triggers that name whom they address with a preposition other than "on": "appealed to X to ...",
# "pleaded with X to ...".
_ADDRESSEE_PREPOSITIONS = {"appeal": "to", "plead": "with"}


def _addressee_phrase(trigger: Token, lemma: str) -> Token | None:
    preposition = _ADDRESSEE_PREPOSITIONS.get(lemma)
    return _prep(trigger, preposition) if preposition is not None else None


def _for_infinitive(trigger: Token) -> tuple[str, Token] | None:
    """"calling for X to reinstate Y", "pushing for X to release Y": a for-clause whose subject must act."""
    for child in trigger.children:
        if child.i > trigger.i and is_for_infinitive(child):
            return "infinitive", child
    return None


def is_for_infinitive(clause: Token) -> bool:
    """A clause "for X to do Y": marked by "for", with "to" and a subject of its own."""
    children = list(clause.children)
    return (
        clause.pos_ in ("VERB", "AUX")
        and clause.dep_ in ("advcl", "ccomp", "xcomp", "acl")
        and any(c.dep_ == "mark" and c.lower_ == "for" for c in children)
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in children)
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in children)
    )


def _stray_object(trigger: Token, action: Token) -> Token | None:
    """The object the parser made the subject of a spurious clause beside the infinitive."""
    for clause in trigger.children:
        if clause.i == action.i or clause.dep_ not in ("xcomp", "ccomp"):
            continue
        for child in clause.children:
            if child.dep_ == "nsubj" and child.pos_ == "PROPN":
                return child
    return None


def _for_phrase(trigger: Token, lemma: str) -> tuple[str, Token] | None:
    if lemma in ("want",):
        return None
    # "called on Wednesday for a ceasefire": "for" names the demand before "on" does, and a date never does.
    preps = sorted(
        (p for p in trigger.children if p.dep_ == "prep" and p.lower_ in FOR_PREPOSITIONS),
        key=lambda p: p.lower_ != "for",
    )
    # "pressing Acme for data": the parser may hang the "for"-phrase on the named party pressed.
    obj = _child(trigger, "dobj")
    if obj is not None and obj.pos_ == "NOUN" and predicates.is_known_noun(obj):
        return None  # "demanding compensation from X for the losses": the losses are what it is for
    if obj is not None and obj.pos_ == "PROPN":
        preps += [p for p in obj.children if p.dep_ == "prep" and p.lower_ == "for"]
    for prep in preps:
        for pobj in [*prep.children, *_pcomp_subjects(prep)]:
            if pobj.dep_ not in ("pobj", "nsubj") or pobj.pos_ not in ("NOUN", "PROPN"):
                continue
            if pobj.ent_type_ in ("DATE", "TIME"):
                continue
            if pobj.lower_ == "part" and any(c.dep_ == "poss" for c in pobj.children):
                continue  # "Zenda, for its part, ...": an aside, not the thing asked for
            if prep.lower_ in ("on", "upon"):
                # "called on the militia, the group fighting the army, to open ...": a party, and the
                # demanded act is the infinitive the parser hung elsewhere.
                infinitive = _infinitive_after(pobj)
                if infinitive is not None:
                    return "infinitive", infinitive
                if pobj.pos_ == "PROPN":
                    return None
            return "noun", pobj
    return None


def _pcomp_subjects(prep: Token) -> list[Token]:
    """"for pricing data going back to 2022": the parser made the thing asked for the subject of a clause."""
    return [s for c in prep.children if c.dep_ == "pcomp" for s in c.children if s.dep_ == "nsubj"]


def _infinitive_after(phrase: Token) -> Token | None:
    """The verb of the first "to"-infinitive after a noun phrase, in the same sentence."""
    for token in phrase.doc[phrase.right_edge.i + 1 : phrase.sent.end]:
        if token.lower_ == "to" and token.dep_ == "aux" and token.head.pos_ == "VERB":
            return token.head
        if token.text in (";", ".") or token.tag_ in ("VBD", "VBZ", "VBP"):
            return None  # another clause has begun
    return None


def _nominal_object(trigger: Token, obj: Token | None, lemma: str) -> tuple[str, Token] | None:
    if obj is None or lemma == "call" or not (obj.pos_ in ("NOUN", "PROPN") or _is_amount(obj)):
        return None
    if lemma == "appeal":
        return None  # "will appeal the fine": a decision challenged, not a thing asked for ("appeal for")
    obj = _what_the_amount_is_for(obj) or obj
    if obj.pos_ == "PROPN" and not predicates.is_known_noun(obj):
        return None  # "pressed the capital" alone names a target, not a demand
    if obj.pos_ == "NOUN" and lemma != "demand" and _names_party(obj):
        return None  # "presses Freedonia's army": the army is to act, it is not the thing asked for
    if lemma in EXPECTING_VERBS:
        return ("noun", obj) if _expected_of_someone(trigger, obj) else None
    if lemma in STRONG_TRIGGERS or _known_among(obj) or _is_quoted(obj):
        return "noun", obj
    if lemma == "order" and _an_ordered_act("noun", obj):
        return "noun", obj
    if lemma in GIVEN_THING_TRIGGERS and (
        _prep(trigger, "from") is not None or _prep(obj, "from") is not None or _is_amount(obj)
    ):
        return "noun", obj
    return None


def _known_among(obj: Token) -> bool:
    """ "wants an explanation, an apology and the flight logs": a known demand among the things
    listed (the parser hangs the second on the first as an apposition, the rest as conjuncts)."""
    listed = [obj, *obj.conjuncts, *(c for c in obj.children if c.dep_ == "appos")]
    listed += [c for t in listed[1:] for c in t.conjuncts]
    return any(predicates.is_known_noun(t) for t in listed)


def _expected_of_someone(trigger: Token, obj: Token) -> bool:
    """ "expects a full explanation from X", "we expect an apology": something owed, asked of a party
    named after "from", or a known demand the speaker expects in the first person (not "analysts
    expect a rate cut")."""
    if _prep(trigger, "from") is not None or _prep(obj, "from") is not None:
        return True
    first_person = any(c.dep_ == "nsubj" and c.lower_ in ("we", "i") for c in trigger.children)
    return first_person and predicates.is_known_noun(obj)


def _names_party(noun: Token) -> bool:
    """A common noun heading a party: "Freedonia's army", "the government", "UN agencies"."""
    owned = any(c.dep_ in ("poss", "compound") and c.ent_type_ in ("GPE", "ORG", "NORP") for c in noun.children)
    return owned and not predicates.is_known_noun(noun)


# Currencies named in words after a number.
CURRENCY_NOUNS = frozenset({
    "euro", "dollar", "pound", "yen", "yuan", "renminbi", "franc", "rupee", "peso", "real", "reais", "won",
    "rouble", "ruble", "lira", "krona", "krone", "kroner", "kronor", "zloty", "rand", "shekel", "dinar",
    "dirham", "riyal", "naira", "shilling", "baht", "ringgit", "rupiah", "dong", "tenge", "som", "hryvnia",
    "forint", "leu", "lei", "lev", "sterling",
})


def _what_the_amount_is_for(obj: Token) -> Token | None:
    """ "seeking 9 million euros in compensation from X": the sum is asked as compensation, of X."""
    if not _is_amount(obj):
        return None
    for prep in obj.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "as"):
            kind = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None)
            if kind is not None and predicates.is_known_noun(kind):
                return kind
    return None


def _is_amount(token: Token) -> bool:
    """"$612 million", "an 8% pay rise": a sum or a rate is a thing one party asks of another."""
    if token.ent_type_ in ("MONEY", "PERCENT"):
        return True
    if token.lemma_.lower() in CURRENCY_NOUNS and any(t.like_num for t in token.lefts for t in t.subtree):
        return True  # "9 million euros": the model may tag the number alone as a cardinal
    return any(t.ent_type_ in ("MONEY", "PERCENT") for t in token.lefts for t in t.subtree)


def _one_per_action(
    trigger: Token, action: Token, actor: ActorRef | None, target: ActorRef | None, disc: Discourse
) -> list[Extraction]:
    """A demand for each action asked of the same party ("to call off X and come back to Y")."""
    actions = coordinated_actions(action)
    found = []
    for each in actions:
        extraction = _new(trigger, actor, target)
        _fill_from_verb(extraction, each, disc, others=actions)
        found.append(extraction)
    return found

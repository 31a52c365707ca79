"""Demands: who demands, requests, calls for, presses for, wants or urges what of whom.

Four shapes of English cover nearly every demand in news copy:

1. a that-clause: "demanded that Sylvania hand over X", "is demanding that Zenda extradite X";
2. an object and an infinitive: "requested Sylvania to hand over X", "wants Sylvania to rebuild trust";
3. a for-phrase: "pressed Zenda for compensation", "calling for the lifting of sanctions";
4. a nominal object: "demanded the return of X", "demanding compensation from Zenda".

Four more are read beside them:

5. the demand as a noun: "Sylvania's demand that the EU stop ...", "the call by X on Y to ...",
   "renewed its demand that ...", "a call for a ceasefire by X";
6. an obligation or hope put on another party in reported speech: "X says Y must pay ...",
   "X hoped Y would protect ...";
7. coordinated objects of one trigger are separate demands: "called for price caps and
   compensation" gives two, each with its own content, terms and predicate;
8. a time limit given to a party to act: "gave X until June 30 to hand over the data".

The actor is the trigger's subject, the target whoever must act (the subject of
the that-clause, the object, an "on"- or "from"-phrase), ``about`` the entity the
demand concerns, and the predicate the demanded action through predicates.py.
When the article names an actor by a description ("the union", "UN agencies",
"the government") the description is resolved here if the discourse layer
could not (``party_ref``).

Not demands: a question ("asked whether ..."), a demand only planned, possible
or wished ("will demand", "should ask", "plans to call for"), or one inside a
condition ("if X demands ...").

Refusals of such an action ("Sylvania will not hand over X") come out as denied
statements so they can contradict the demand. When the small model breaks a
that-clause (tagging the bare infinitive in "demanding that Zenda extradite X"
as an adjective), the clause is read in word order instead.

The module is the entry point (``find_demands``); the work is done in:

- demand_verbs.py: a demand verb's four shapes (1-4);
- demand_nouns.py: the demand as a noun (5);
- demand_obligations.py: obligations and hopes in reported speech (6);
- demand_coordination.py: coordinated objects (7);
- demand_deadlines.py: a time limit given to a party to act ("gave X until Friday to pay");
- demand_linear.py: a that-clause the parser broke, read in word order;
- demand_guards.py: questions, plans and conditions, which are not demands;
- demand_assembly.py: building, filling in and finishing an extraction;
- demand_parties.py: the trigger's subjects and ``party_ref`` for descriptions;
- demand_words.py and demand_readers.py: word lists and small token readers.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from . import predicates
from .demand_coordination import coordinated_demands
from .demand_deadlines import DEADLINE_VERBS, deadline_demand
from .demand_guards import _is_made
from .demand_nouns import CONDITION_NOUNS, condition_demands, nominal_demands
from .demand_linear import _linear_that_clause
from .demand_obligations import obligation_from
from .demand_parties import _subjects, name_before, party_ref, party_ref_any
from .demand_readers import _child, _sentence_span, _subtree_span, content_terms
from .demand_ultimatums import ultimatum_demand
from .demand_verbs import demands_from
from .demand_words import (
    DEMAND_NOUNS,
    DEMAND_VERBS,
    EXPECTING_VERBS,
    FOR_PREPOSITIONS,
    GIVEN_THING_TRIGGERS,
    HOPE_CUES,
    HOPE_MODALS,
    INFINITIVE_ONLY,
    MAKING_VERBS,
    OBLIGATION_CUES,
    OBLIGATION_MODALS,
    STRONG_TRIGGERS,
)
from .discourse import Discourse, is_negated, subject_of
from .stance import stance_of
from .types import DENIED, STATEMENT, Extraction

__all__ = [
    "DEMAND_NOUNS",
    "DEMAND_VERBS",
    "FOR_PREPOSITIONS",
    "GIVEN_THING_TRIGGERS",
    "HOPE_CUES",
    "HOPE_MODALS",
    "INFINITIVE_ONLY",
    "MAKING_VERBS",
    "OBLIGATION_CUES",
    "OBLIGATION_MODALS",
    "STRONG_TRIGGERS",
    "content_terms",
    "coordinated_demands",
    "demands_from",
    "find_demands",
    "find_refusals",
    "nominal_demands",
    "obligation_from",
    "party_ref",
    "party_ref_any",
]


def find_demands(sent: Span, disc: Discourse) -> list[Extraction]:
    found = []
    for token in sent:
        lemma = token.lemma_.lower()
        if token.pos_ in ("VERB", "AUX") and (lemma in DEMAND_VERBS or lemma in EXPECTING_VERBS):
            if _is_made(token):
                found.extend(demands_from(token, disc))
        elif _verb_taken_for_a_noun(token):
            extraction = _linear_that_clause(token, _subjects(_governing_verb(token)), disc)
            found.extend([extraction] if extraction is not None else [])
        elif _verb_taken_for_a_noun_with_its_subject(token, disc):
            name = _name_qualifying(token, disc)
            read = [x for x in demands_from(token, disc) or [_linear_that_clause(token, [name], disc)] if x]
            for extraction in read:
                # The parse has no subject for a noun: the name qualifying it is the one demanding.
                extraction.actor = extraction.actor or disc.ref(name)
            found.extend(read)
        elif token.pos_ == "NOUN" and lemma in DEMAND_NOUNS:
            found.extend(nominal_demands(token, disc))
        elif token.pos_ == "NOUN" and lemma in CONDITION_NOUNS:
            found.extend(condition_demands(token, disc))
        elif token.pos_ == "VERB" and lemma in DEADLINE_VERBS:
            found.extend(deadline_demand(token, disc))
        found.extend(ultimatum_demand(token, disc))
        if token.pos_ == "VERB" and (lemma in OBLIGATION_CUES or token.lower_ in HOPE_CUES):
            extraction = obligation_from(token, disc)
            if extraction is not None:
                found.append(extraction)
    found.extend(find_refusals(sent, disc))
    return found


def _verb_taken_for_a_noun(token: Token) -> bool:
    """"The ministry expresses its firm protest and demands that the other side release ...": the
    tagger took "demands" for a plural noun joined to "protest". A demand word in -s, joined to
    a verb's object and followed by "that", is the verb."""
    return (
        token.pos_ == "NOUN" and token.tag_ == "NNS" and token.lemma_.lower() in DEMAND_VERBS
        and token.dep_ == "conj" and token.i + 1 < len(token.doc) and token.nbor(1).lower_ == "that"
        and _governing_verb(token) is not None
    )


def _verb_taken_for_a_noun_with_its_subject(token: Token, disc: Discourse) -> bool:
    """"Uniprof-POA demands that the Prefeitura open talks": after a name, the tagger took
    "demands" for a plural noun the name qualifies ("Uniprof-POA demands" as "union demands").
    A demand word in -s heading the sentence, followed by "that" and with a named actor as its
    modifier, is the verb and the name its subject."""
    return (
        token.pos_ == "NOUN" and token.tag_ == "NNS" and token.lemma_.lower() in DEMAND_VERBS
        and (token.dep_ == "ROOT" or _hung_on_the_name_before(token))
        and token.i + 1 < len(token.doc) and token.nbor(1).lower_ == "that"
        and _name_qualifying(token, disc) is not None
    )


def _hung_on_the_name_before(token: Token) -> bool:
    """"HADWU demands that ..." parsed as an adjective heading the sentence with "demands" its
    object: the name right before, opening the sentence, is the subject all the same."""
    name = token.doc[token.i - 1] if token.i > token.sent.start else None
    return name is not None and token.head.i == name.i and name.dep_ == "ROOT" and name.i == token.sent.start


def _name_qualifying(token: Token, disc: Discourse) -> Token | None:
    """The name right before a noun that qualifies it: a proper-name compound, or an acronym the
    tagger took for an adjective or a common noun ("KDWU demands" read as "union demands"), as
    long as it is a name the article's actors hold."""
    name = name_before(token)
    if name is None:
        before = [t for t in token.lefts if t.dep_ in ("amod", "compound") and t.i == token.i - 1]
        name = before[0] if before else None
    if name is None and _hung_on_the_name_before(token):
        name = token.head
    return name if name is not None and disc.actors.mention_at(name) is not None else None


def _governing_verb(token: Token) -> Token | None:
    """The verb whose object the misread word is joined to."""
    head = token.head
    while head.dep_ in ("conj", "dobj") and head.head.i != head.i:
        head = head.head
    return head if head.pos_ in ("VERB", "AUX") else None


def _is_a_condition(verb: Token) -> bool:
    """ "if Ukraine did not hand him over": a condition put, not a refusal told."""
    return any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in verb.children)


def find_refusals(sent: Span, disc: Discourse) -> list[Extraction]:
    """"Sylvania will not hand over X", "refused to extradite X": denied statements of a known action."""
    found = []
    for token in sent:
        if token.pos_ != "VERB" or not predicates.is_known_verb(token):
            continue
        predicate = predicates.normalise_verb(token)
        if predicate not in predicates.CONCRETE_DEMANDS:
            continue
        refusing = token.head if token.dep_ == "xcomp" and token.head.lemma_.lower() in ("refuse", "decline") else None
        if not (is_negated(token) or refusing is not None) or _is_a_condition(token):
            continue
        subject = subject_of(token)
        actor = disc.ref(subject) if subject is not None else None
        if actor is None:
            continue
        obj = _child(token, "dobj")
        extraction = Extraction(
            kind=STATEMENT,
            sentence=_sentence_span(token),
            actor=actor,
            about=disc.ref(obj) if obj is not None else None,
            predicate=predicate,
            content=_subtree_span(token),
            cue=(refusing.lemma_.lower() if refusing is not None else "refuse"),
            negated=True,
            stance=DENIED,
            terms=content_terms(token),
        )
        extraction.origins = stance_of(token, disc).origins
        found.append(extraction)
    return found

"""Building a demand extraction once its shape is read.

``_new`` starts one; ``_fill_from_verb`` and ``_fill_from_noun`` fill in the predicate,
content, terms and ``about`` of the demanded act or thing; ``_finished`` fills in a
missing target, checks that no one demands of themselves (carrying a pronoun demander
on from the demand before), sets the parties' acting roles and the stance, and drops
demands of no one by no one.
"""
from __future__ import annotations

from spacy.tokens import Token

from . import predicates
from .datelines import dateline_state
from .demand_parties import party_ref
from .demand_readers import (
    _child,
    _prep,
    _sentence_span,
    _terms,
    _tokens_span,
)
from .demand_words import FOR_PREPOSITIONS, MAKING_VERBS
from .discourse import (
    FIRST_PERSON_PRONOUNS,
    GROUP_PRONOUNS,
    PERSON_PRONOUNS,
    THING_PRONOUNS,
    Discourse,
    is_negated,
)
from .stance import decide, read_signals, stance_of
from .states import state_named, state_of_demonym
from .types import ASSERTED, DEMAND, DENIED, NO_COMMENT, ActorRef, Extraction


# Demanded acts that the one they concern must perform: "the resignation of X", "an apology by X".
_DONE_BY_ITS_OBJECT = frozenset({"resign", "apologise"})


def _new(trigger: Token, actor: ActorRef | None, target: ActorRef | None) -> Extraction:
    return Extraction(kind=DEMAND, sentence=_sentence_span(trigger), cue=_cue(trigger), actor=actor, target=target)


def _cue(trigger: Token) -> str:
    particles = sorted(
        (c.lower_ for c in trigger.children if c.dep_ == "prep" and c.lower_ in FOR_PREPOSITIONS),
        key=lambda word: word != "for",
    )
    lemma = trigger.lemma_.lower()
    particles = ["on" if particle == "upon" else particle for particle in particles]
    return f"{lemma} {particles[0]}" if particles and lemma in ("call", "press", "push", "ask", "appeal", "insist", "lobby") else lemma


def _stance_of_a_topic_not_commented_on(noun: Token, disc: Discourse):
    """ "X declined to comment on the request from Y to ...": the refusal is X's answer to Y's
    demand, which the sentence reports as made; the demand's stance is the report's."""
    signals = read_signals(noun, disc)
    signals.refused = False
    return decide(signals)


def _finished(
    extractions: list[Extraction], trigger: Token, disc: Discourse, *, voice: Token | None = None
) -> list[Extraction]:
    """Fill in the missing target, the parties' acting roles and the stance; drop demands of no one by no one.

    ``voice`` is the verb whose report of the demand sets its stance, when not the trigger: "X demanded
    that Y explain ... and called on Y to apologise" is reported as "demanded" is."""
    kept = []
    stance = stance_of(voice if voice is not None else trigger, disc)
    if stance.stance == NO_COMMENT and trigger.pos_ == "NOUN":
        stance = _stance_of_a_topic_not_commented_on(trigger, disc)
    for extraction in extractions:
        if _goes_on(trigger, extraction.actor):
            # "The union is pressing X for Y. It also wants Z to ...": "also" carries on the last
            # demander, whatever noun the pronoun would otherwise land on.
            previous = _previous_demander(trigger, extraction.target, disc, within=600)
            if previous is not None:
                extraction.actor = previous
        if _same_party(extraction.actor, extraction.target, disc):
            # No one demands of themselves: one of the two was guessed wrong.
            previous = _previous_demander(trigger, extraction.target, disc)
            if extraction.actor.text.lower() in _PRONOUNS and previous is not None:
                # "X demanded that Acme Mining pay ... It also wants the company to ...": the pronoun
                # goes on from the last demander, not from the party it asks.
                extraction.actor = previous
            else:
                # "asked the company", "ordered it": the description went to the nearest
                # organisation, which is the demander; the other party named before is meant.
                extraction.target = _other_party_before(trigger, extraction.actor, disc)
        if extraction.target is not None and any(_same_party(extraction.target, o, disc) for o in stance.origins):
            # "... from the company, Bloomberg reported": whoever reports the demand is not asked.
            extraction.target = _other_party_before(trigger, extraction.actor, disc, also_not=stance.origins)
        if extraction.target is None and extraction.predicate in _DONE_BY_ITS_OBJECT and extraction.about is not None:
            extraction.target = extraction.about  # "demanding the resignation of X": X is to act
        if extraction.target is None:
            extraction.target = _party_in_clause(trigger, disc, exclude=(extraction.actor, extraction.about))
        if extraction.actor is None and extraction.target is None and not _unnamed_group_demands(trigger):
            continue  # "to seek agreements": no one asks anything of anyone we can name
        extraction.actor, extraction.target = disc.party(extraction.actor), disc.party(extraction.target)
        extraction.target = _own_government(extraction, disc) or extraction.target
        extraction.stance, extraction.origins = stance.stance, list(stance.origins)
        if _renewed_by_its_maker(trigger, extraction, stance.origins, disc):
            # "Sylvania reiterated its demand that ...": the outlet reports the demand being made
            # again; its maker repeating it does not make it hearsay.
            extraction.stance, extraction.origins = ASSERTED, []
        if is_negated(trigger):
            extraction.negated = True
            extraction.stance = DENIED
        kept.append(extraction)
    return kept


def _unnamed_group_demands(trigger: Token) -> bool:
    """"Patients' groups have called for price caps", "Residents demanded a new bridge": people the
    article does not name make a demand all the same; it is kept with no actor rather than lost."""
    if trigger.pos_ != "VERB" or trigger.lemma_.lower() not in _PLAIN_DEMAND_VERBS:
        return False
    subjects = [c for c in trigger.children if c.dep_ == "nsubj"]
    return any(s.pos_ == "NOUN" and s.tag_ == "NNS" for s in subjects)


# Verbs that make a demand whoever their subject is ("call for", "demand"); not "want" or "ask",
# which a plural subject uses just as often for a wish or a question.
_PLAIN_DEMAND_VERBS = frozenset({"demand", "call", "urge", "press", "push", "petition", "lobby"})


def _renewed_by_its_maker(trigger: Token, extraction: Extraction, origins: list[ActorRef], disc: Discourse) -> bool:
    """A demand noun that is the object of a verb of making it ("renewed its call", "reiterated
    its demand"), credited to no one but its own maker."""
    return (
        trigger.dep_ == "dobj"
        and trigger.head.lemma_.lower() in MAKING_VERBS
        and bool(origins)
        and all(_same_party(origin, extraction.actor, disc) for origin in origins)
    )


def _own_government(extraction: Extraction, disc: Discourse) -> ActorRef | None:
    """ "The Korea Cathode Materials Association urged the government to help ...": a body whose
    name is its country's asks its own government, not the state the story names most (which
    ``_government_of`` takes when it knows nothing of the maker); so does a body of no other state
    in a story filed from a capital. Not a state's own ministry or
    embassy: "the Chilean Foreign Ministry urged the government" is rarely its own."""
    target, actor = extraction.target, extraction.actor
    if target is None or actor is None or actor.label != "ORG" or not _bare_government(target, disc):
        return None
    words = actor.key.split()
    if any(word.lower() in _STATE_BODY_WORDS for word in words):
        return None
    home = next((state for state in map(_state_in_word, words) if state is not None), None)
    if home is None and disc.actors.state_of(actor.key) is None:
        # "ASTANA (Kazinform) - The Shu Valley Farmers' Union addressed the Government ...": a body
        # of no other state, in a story filed from a capital, asks that state's government.
        home = dateline_state(disc.doc)
    if home is None or home == disc.state_or_key(target):
        return None
    return ActorRef(target.text, home, "GPE", target.start, target.end)


_STATE_BODY_WORDS = frozenset({"ministry", "department", "embassy", "consulate", "government", "office"})
_EXECUTIVE_NOUNS = frozenset({"government", "authorities", "administration", "cabinet"})


def _bare_government(target: ActorRef, disc: Discourse) -> bool:
    """The target was written "the government" (or "the authorities"), with no owner named."""
    span = disc.doc.char_span(target.start, target.end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    token = span[0]
    return (
        token.lower_ in _EXECUTIVE_NOUNS
        and not any(c.dep_ in ("poss", "compound", "amod", "nmod") for c in token.children)
        and _prep(token, "of") is None
    )


def _state_in_word(word: str) -> str | None:
    return state_named(word) or state_of_demonym(word)


# -- checking the parties -------------------------------------------------


def _same_party(one: ActorRef | None, other: ActorRef | None, disc: Discourse) -> bool:
    if one is None or other is None:
        return False
    return disc.state_or_key(disc.party(one)) == disc.state_or_key(disc.party(other))


_PRONOUNS = PERSON_PRONOUNS | THING_PRONOUNS | GROUP_PRONOUNS | FIRST_PERSON_PRONOUNS


def _goes_on(trigger: Token, actor: ActorRef | None) -> bool:
    """A pronoun demander with "also"/"further": the same one as the demand before."""
    return (
        actor is not None
        and actor.text.lower() in _PRONOUNS
        and any(c.dep_ == "advmod" and c.lower_ in ("also", "further", "additionally") for c in trigger.children)
    )


def _previous_demander(
    trigger: Token, target: ActorRef | None, disc: Discourse, *, within: int | None = None
) -> ActorRef | None:
    """The actor of the latest demand before the trigger (no more than ``within`` characters back)
    that was not made by ``target``."""
    for earlier in reversed(disc.extractions):
        if within is not None and trigger.idx - earlier.sentence.start > within:
            continue
        if earlier.kind == DEMAND and earlier.sentence.start < trigger.idx and earlier.actor is not None:
            if not _same_party(earlier.actor, target, disc):
                actor = earlier.actor
                return ActorRef(trigger.text, actor.key, actor.label, actor.start, actor.end)
    return None


def _other_party_before(
    trigger: Token, actor: ActorRef | None, disc: Discourse, *, also_not: list[ActorRef] = ()
) -> ActorRef | None:
    """The organisation or state named nearest before the trigger that is not the actor (nor ``also_not``)."""
    excluded = [r for r in (actor, *also_not) if r is not None]
    for mention in reversed(disc.actors.mentions):
        if mention.start >= trigger.idx or mention.label not in ("ORG", "GPE") or disc.in_dateline(mention.start):
            continue  # "ZENDA (AFP) -": where the story was filed, and who filed it, are no party
        ref = ActorRef(mention.text, mention.key, mention.label, mention.start, mention.end)
        if not any(_same_party(ref, other, disc) for other in excluded):
            return ref
    return None


# -- filling in --------------------------------------------------------


def coordinated_actions(action: Token) -> list[Token]:
    """ "to call off the ballot and come back to the table": two things demanded, each a verb of
    its own in the base form, sharing the demand's subject (a verb with its own subject is a
    clause of its own, not a second thing asked)."""
    found = [action]
    for verb in [*action.conjuncts, *_bare_verbs_hung_above(action)]:
        if verb.i > action.i and verb.pos_ == "VERB" and verb.tag_ == "VB" \
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            found.append(verb)
    return sorted({v.i: v for v in found}.values(), key=lambda v: v.i)


def _bare_verbs_hung_above(action: Token) -> list[Token]:
    """ "reiterates its request that Y return the wreckage, which remains ..., and grant experts
    access": after a relative clause the parser joins the second base-form verb to the finite
    verb above the demand. A base form with no subject cannot go on from "reiterates" or
    "demanded"; it is the second thing asked."""
    node = action
    for _ in range(3):  # up through "request that ..." to the verb that takes it
        if node.head.i == node.i:
            return []
        node = node.head
        if node.tag_ in ("VBZ", "VBD"):
            return [c for c in node.children if c.dep_ == "conj"]
    return []


def _fill_from_verb(extraction: Extraction, action: Token, disc: Discourse, *, others: list[Token] = ()) -> None:
    """Predicate, content, terms and ``about`` of a demanded action, leaving out the actions
    coordinated with it."""
    extraction.predicate = predicates.normalise_verb(action)
    obj = _child(action, "dobj") or _child(action, "nsubjpass")  # "release X", "that X be released"
    extraction.about = disc.ref(obj) if obj is not None else None
    tokens = _own_tokens(action, others) if len(others) > 1 else list(action.subtree)
    extraction.content = _tokens_span(tokens, action)
    terms = _terms(tokens)
    # "rebuild trust through concrete measures such as compensation": the concrete noun names it.
    if extraction.predicate in predicates.VAGUE_VERBS or not predicates.is_known_verb(action):
        concrete = _concrete_noun(action)
        if concrete:
            extraction.predicate = concrete
    extraction.terms = terms


def _fill_from_noun(extraction: Extraction, noun: Token, disc: Discourse, *, others: list[Token] = ()) -> None:
    """Predicate, content, terms and ``about`` of a demanded thing, leaving out the things coordinated with it."""
    extraction.predicate = predicates.normalise_noun(noun)
    of = _prep(noun, "of")
    about = None
    if of is not None:
        pobj = _child(of, "pobj")
        about = disc.ref(pobj) if pobj is not None else None
    extraction.about = about
    tokens = _own_tokens(noun, others)
    extraction.content = _tokens_span(tokens, noun)
    extraction.terms = _terms(tokens)


def _own_tokens(noun: Token, others: list[Token]) -> list[Token]:
    """The words of the noun's phrase up to the first thing coordinated with it."""
    inside = {t.i for t in noun.subtree}
    cut = {t.i for other in others if other.i != noun.i and other.i in inside for t in other.subtree}
    tokens = []
    for token in noun.subtree:
        if token.i in cut and token.i > noun.i:
            break
        if token.i not in cut:
            tokens.append(token)
    while tokens and tokens[-1].i > noun.i and (tokens[-1].dep_ == "cc" or tokens[-1].is_punct):
        tokens.pop()
    return tokens


def _concrete_noun(action: Token) -> str:
    for token in action.subtree:
        if token.pos_ == "NOUN" and predicates.is_known_noun(token):
            predicate = predicates.normalise_noun(token)
            if predicate in predicates.CONCRETE_DEMANDS:
                return predicate
    return ""


def _from_phrase(token: Token, disc: Discourse) -> ActorRef | None:
    """"compensation from Zenda" -> the capital's actor; "the return of the crew from France": the
    parser hangs the from-phrase on what is to be returned, so it is looked for there too."""
    prep = _prep(token, "from")
    if prep is None:
        of = _prep(token, "of")
        owned = _child(of, "pobj") if of is not None else None
        prep = _prep(owned, "from") if owned is not None else None
    if prep is None:
        return None
    pobj = _child(prep, "pobj")
    return party_ref(pobj, disc) if pobj is not None else None


def _party_in_clause(trigger: Token, disc: Discourse, *, exclude: tuple[ActorRef | None, ...]) -> ActorRef | None:
    """A state or organisation the demand's clause makes act ("as a condition for allowing Sylvania to ...")."""
    excluded = {ref.key for ref in exclude if ref is not None}
    for token in trigger.subtree:
        if token.dep_ not in ("dobj", "nsubj") or token.head.i == trigger.i:
            continue
        if token.head.pos_ not in ("VERB", "AUX"):
            continue
        ref = disc.ref(token)
        if ref is not None and ref.label in ("GPE", "ORG") and ref.key not in excluded:
            return ref
    return None

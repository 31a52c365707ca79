"""Status and events: a matter left unresolved, and a few things that happened.

Status (kind "status", predicate "unresolved"): a sentence saying a matter is
unresolved, uncertain, unclear or at an impasse, that no progress was made or
no agreement reached. The actor is whoever owns the matter: a possessive
("Norway's negotiations", "its future presence", "their fate" resolved through
the sentence or the article), else the state of the person speaking about it.

Events (kind "event"): "X was led by Y", "X fled to Y", "Y granted X asylum"
with a general synonym layer so the same event in other words groups.

General actions (``find_actions``): a few classes of things one party does to
another in any story -- besiege, attack, suspend, inspect, detain, raise or cut
a price, strike, hold talks, agree to do something, move people across a
border, a company's shares moving -- read from the verb ("X has besieged Y",
"Y was attacked by X", "which X has besieged") or from the noun ("under siege
by X", "a strike by X", "talks between X and Y"). Hypothetical actions ("would
board", "urged X to suspend", "whether ...") are not events. A definite event
named again with no parties ("The strike continues") takes the earlier one's.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from .demand_words import DEMAND_VERBS
from .demands import content_terms
from .discourse import DOCUMENT_NOUNS, Discourse, agent_of, is_negated, subject_of
from .stance import stance_of
from .types import DEMAND, EVENT, STATUS, ActorRef, Extraction
from .types import Span as TextSpan

UNRESOLVED_ADJECTIVES = frozenset({
    "unresolved", "uncertain", "unclear", "undecided", "unsettled", "unknown", "pending",
    "open", "murky", "ambiguous", "undetermined", "unanswered",
})
IMPASSE_NOUNS = frozenset({"impasse", "deadlock", "stalemate", "standstill", "limbo", "dead end"})
PROGRESS_NOUNS = frozenset({"progress", "agreement", "deal", "breakthrough", "decision", "resolution", "consensus"})
STALL_VERBS = frozenset({"stall", "deadlock", "stagnate", "falter"})
# Nouns that make a possessive an owner of a matter: "Norway's bases", "its presence".
_LINKING_VERBS = frozenset({"be", "remain", "stay", "seem", "appear", "look"})


def find_status(sent: Span, disc: Discourse) -> list[Extraction]:
    for token in sent:
        topic = _unresolved_topic(token)
        if topic is None:
            continue
        extraction = Extraction(
            kind=STATUS,
            sentence=TextSpan(sent.start_char, sent.end_char, sent.text),
            predicate="unresolved",
            cue=token.lemma_.lower(),
        )
        extraction.terms = sorted(set(content_terms(topic)) | set(_clause_terms(token)))
        extraction.actor = (
            _owner(topic, disc)
            or _owner_in_clause(token, disc)
            or _speaker_state(token, disc)
            or _owner_in_discourse(sent, extraction.terms, disc)
        )
        extraction.content = TextSpan(sent.start_char, sent.end_char, sent.text)
        stance = stance_of(token, disc)
        extraction.stance, extraction.origins = stance.stance, stance.origins
        return [extraction]
    return []


def _asked_for(token: Token) -> bool:
    """Inside what someone asks for ("called on the army to keep the crossing open"): a state
    wanted, not one the article reports."""
    below = token
    for above in token.ancestors:
        if above.lemma_.lower() in DEMAND_VERBS and above.pos_ == "VERB" and below.dep_ in ("xcomp", "ccomp"):
            return True
        below = above
    return False


def _unresolved_topic(token: Token) -> Token | None:
    """The noun phrase said to be unresolved, when ``token`` says so."""
    lower, lemma = token.lower_, token.lemma_.lower()
    # "X remains unresolved", "leaving X uncertain", "their fate is uncertain"
    if token.pos_ == "ADJ" and lower in UNRESOLVED_ADJECTIVES and token.dep_ in ("acomp", "oprd", "ccomp", "xcomp", "advcl"):
        head = token.head
        subject = subject_of(head) if head.lemma_.lower() in _LINKING_VERBS else None
        if subject is None and token.dep_ in ("oprd", "ccomp", "xcomp"):
            subject = next((c for c in head.children if c.dep_ in ("dobj", "nsubj")), None)
            if subject is None:
                subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.lower_ in ("it", "this", "that") or _asked_for(token):
            return None
        return subject
    # "had reached an impasse", "talks are at a standstill"
    if token.pos_ == "NOUN" and lemma in IMPASSE_NOUNS:
        verb = token.head if token.dep_ == "dobj" else (token.head.head if token.dep_ == "pobj" else None)
        if verb is not None and verb.pos_ in ("VERB", "AUX"):
            return subject_of(verb) or token
        return None
    # "no progress has been made", "no formal agreement was reached"
    if token.pos_ == "NOUN" and lemma in PROGRESS_NOUNS and any(c.lower_ == "no" for c in token.children):
        return token
    # "have not reached an agreement", "failed to make progress"
    if token.pos_ == "NOUN" and lemma in PROGRESS_NOUNS and token.dep_ == "dobj":
        verb = token.head
        if is_negated(verb) or (verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "fail"):
            return token
    # "the talks stalled"
    if token.pos_ == "VERB" and lemma in STALL_VERBS:
        return subject_of(token)
    return None


def _owner(topic: Token, disc: Discourse) -> ActorRef | None:
    """The possessor of the matter: "Norway's negotiations", "its future military presence"."""
    for token in topic.subtree:
        if token.dep_ == "poss":
            ref = disc.ref(token)
            if ref is not None and ref.label in ("GPE", "ORG", "NORP", "PERSON"):
                return _as_state(ref, disc)
    return None


def _owner_in_clause(token: Token, disc: Discourse) -> ActorRef | None:
    """The main clause's subject when the matter hangs off it ("Oslo has been trying ... as their fate is uncertain")."""
    root = token.sent.root
    subject = subject_of(root)
    if subject is None or subject.i == token.i:
        return None
    ref = disc.ref(subject)
    if ref is not None and ref.label in ("GPE", "ORG"):
        return _as_state(ref, disc)
    return None


def _owner_in_discourse(sent: Span, terms: list[str], disc: Discourse) -> ActorRef | None:
    """"The status of the naval base remains unresolved" after "... keeping its naval and air bases":
    the owner of the same kind of thing a few sentences back."""
    wanted = set(terms)
    for previous in [sent, *disc.previous_sentences(sent, count=3)]:
        for token in previous:
            if token.dep_ != "poss":
                continue
            owned = token.head
            lemma = "base" if owned.lower_ == "bases" else owned.lemma_.lower()
            if lemma in wanted:
                ref = disc.ref(token)
                if ref is not None and ref.label in ("GPE", "ORG", "NORP"):
                    return _as_state(disc.party(ref), disc)
    return None


def _speaker_state(token: Token, disc: Discourse) -> ActorRef | None:
    """Inside "X said that no progress was made": the speaker's side owns the matter."""
    for statement in reversed(disc.extractions):
        if statement.content is not None and statement.actor is not None and (
            statement.content.start <= token.idx < statement.content.end
        ):
            return _as_state(statement.actor, disc)
    return None


def _as_state(ref: ActorRef, disc: Discourse) -> ActorRef:
    state = disc.actors.state_of(ref.key)
    if state is None or state == ref.key:
        return ref
    return ActorRef(ref.text, state, "GPE", ref.start, ref.end)


def _clause_terms(token: Token) -> list[str]:
    return content_terms(token.head) if token.head.i != token.i else []


# -- events ------------------------------------------------------------

# (verb lemma, particle/preposition) -> predicate
_EVENT_VERBS = {
    ("lead", "by"): "lead",
    ("head", "by"): "lead",
    ("flee", "to"): "take refuge",
    ("escape", "to"): "take refuge",
    ("grant", "asylum"): "take refuge",
    ("give", "asylum"): "take refuge",
    ("offer", "asylum"): "take refuge",
}


def find_events(sent: Span, disc: Discourse) -> list[Extraction]:
    found = []
    for token in sent:
        if token.pos_ != "VERB":
            continue
        extraction = _led_by(token, disc) or _fled_to(token, disc) or _granted_asylum(token, disc)
        if extraction is not None:
            stance = stance_of(token, disc)
            extraction.stance, extraction.origins = stance.stance, stance.origins
            found.append(extraction)
    return found + find_actions(sent, disc)


def _event(token: Token, predicate: str) -> Extraction:
    sent = token.sent
    return Extraction(kind=EVENT, sentence=TextSpan(sent.start_char, sent.end_char, sent.text),
                      predicate=predicate, cue=token.lemma_.lower())


def _led_by(token: Token, disc: Discourse) -> Extraction | None:
    if token.lemma_.lower() not in ("lead", "head"):
        return None
    agent = agent_of(token)
    if agent is None:
        return None
    extraction = _event(token, "lead")
    extraction.actor = disc.ref(agent)
    led = subject_of(token) if token.dep_ != "acl" else token.head
    if led is None:
        return None
    extraction.terms = content_terms(led) if led.pos_ == "NOUN" else []
    extraction.target = _destination(led, disc) or _destination(token.sent.root, disc)
    return extraction if extraction.actor is not None else None


def _fled_to(token: Token, disc: Discourse) -> Extraction | None:
    if token.lemma_.lower() not in ("flee", "escape"):
        return None
    to = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    if to is None:
        return None
    place = next((c for c in to.children if c.dep_ == "pobj"), None)
    subject = subject_of(token)
    extraction = _event(token, "take refuge")
    extraction.actor = disc.ref(subject) if subject is not None else None
    extraction.target = disc.ref(place) if place is not None else None
    return extraction if extraction.target is not None else None


def _granted_asylum(token: Token, disc: Discourse) -> Extraction | None:
    if token.lemma_.lower() not in ("grant", "give", "offer"):
        return None
    refuge = next((t for t in token.subtree if t.lower_ in _REFUGE_NOUNS and t.i > token.i), None)
    if refuge is None:
        return None
    extraction = _event(token, "take refuge")
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)
    place = _preposition_object(refuge, "in") or _preposition_object(token, "in")
    if passive:
        receiver = subject_of(token)
        if receiver is None and token.dep_ in ("pcomp", "advcl"):
            # "X hasn't been heard from since being granted asylum": the main clause's subject.
            receiver = subject_of(token.sent.root)
        ref = disc.ref(receiver) if receiver is not None else None
        extraction.actor = ref if ref is not None and ref.label == "PERSON" else None
        extraction.target = disc.ref(agent_of(token)) or (disc.ref(place) if place is not None else None)
    else:
        receiver = next((c for c in token.children if c.dep_ in ("dative", "dobj") and c.i != refuge.i), None)
        if receiver is None:
            # "granted Evo Morales asylum" is often parsed as one noun phrase: the name as a compound.
            receiver = next((c for c in refuge.children if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
        extraction.actor = disc.ref(receiver) if receiver is not None else None
        extraction.target = disc.ref(subject_of(token))
    return extraction if (extraction.actor or extraction.target) else None


_REFUGE_NOUNS = frozenset({"asylum", "refuge", "sanctuary", "shelter"})


def _preposition_object(token: Token, word: str) -> Token | None:
    prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == word), None)
    return next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None


def _destination(token: Token, disc: Discourse) -> ActorRef | None:
    for word in ("to", "in", "with"):
        place = _preposition_object(token, word)
        if place is not None:
            ref = disc.ref(place)
            if ref is not None and ref.label in ("GPE", "LOC", "PERSON", "ORG"):
                return ref
    return None


# -- general action events ----------------------------------------------
#
# A handful of verb classes that report something one party did to another
# (or that happened to it) in any story: a siege, an attack, a suspension, an
# inspection, a detention, a price rise, a strike, a round of talks, an
# agreement, a move across a border, a fall in a company's shares. Each class
# has one predicate so the same event told in other words ("besieged",
# "under siege") groups. Actor is the doer, target the party it was done to.

# verb lemma -> (predicate, kind)
_ACTION_VERBS = {
    "besiege": ("besiege", STATUS), "encircle": ("besiege", STATUS), "blockade": ("besiege", STATUS),
    "attack": ("attack", EVENT), "ambush": ("attack", EVENT), "shell": ("attack", EVENT),
    "bomb": ("attack", EVENT), "raid": ("attack", EVENT), "loot": ("attack", EVENT),
    "suspend": ("suspend", EVENT), "revoke": ("suspend", EVENT), "freeze": ("suspend", EVENT),
    "board": ("inspect", EVENT), "inspect": ("inspect", EVENT), "search": ("inspect", EVENT),
    "seize": ("detain", EVENT), "detain": ("detain", EVENT), "arrest": ("detain", EVENT),
    "kidnap": ("detain", EVENT), "abduct": ("detain", EVENT),
    # What one state or authority does to another party, in any story: "summoned X's ambassador",
    # "expelled two diplomats", "freed the crew", "granted the airline a waiver", "fined X",
    # "sanctioned three companies", "sentenced him to 18 months", "banned X".
    "summon": ("summon", EVENT), "expel": ("expel", EVENT), "release": ("release", EVENT),
    "free": ("release", EVENT), "grant": ("grant", EVENT), "fine": ("fine", EVENT),
    "sanction": ("sanction", EVENT), "sentence": ("sentence", EVENT), "convict": ("sentence", EVENT),
    "ban": ("suspend", EVENT),
    "fin": ("fine", EVENT),  # the small model's lemma of "fined"
    # Courts and prosecutors, in any story: "sued X", "charged him with fraud", "adjourned the
    # hearing", "extradited X"; and a state calling its envoy home ("recalled its ambassador").
    "sue": ("sue", EVENT), "charge": ("charge", EVENT), "indict": ("charge", EVENT),
    "adjourn": ("adjourn", EVENT), "postpone": ("adjourn", EVENT), "extradite": ("extradite", EVENT),
    "recall": ("recall", EVENT),
}
# Verbs above whose object may be a thing published rather than a party acted on:
# "released a statement" is no release.
_PUBLISHING_VERBS = frozenset({"release"})
# Nouns naming the same events: "under siege by X", "the suspension of X's permits".
_EVENT_NOUNS = {
    "siege": ("besiege", STATUS), "blockade": ("besiege", STATUS),
    "attack": ("attack", EVENT), "ambush": ("attack", EVENT), "raid": ("attack", EVENT),
    "suspension": ("suspend", EVENT), "revocation": ("suspend", EVENT),
    # "Chile's ban on exports of X", "the embargo": the verb "ban" is a suspension too.
    "ban": ("suspend", EVENT), "embargo": ("suspend", EVENT), "moratorium": ("suspend", EVENT),
    "strike": ("strike", EVENT), "walkout": ("strike", EVENT), "stoppage": ("strike", EVENT),
    "talks": ("hold talks", EVENT), "negotiations": ("hold talks", EVENT), "round": ("hold talks", EVENT),
    "cycle": ("hold talks", EVENT), "dialogue": ("hold talks", EVENT),
}
# "round" and "cycle" are talks only when they say so: "a round of talks", "the seventh cycle".
_TALK_WORDS = frozenset({"talks", "negotiations", "dialogue", "negotiation", "peace", "discussions"})
_PRICE_NOUNS = frozenset({"price", "prices", "fee", "fees", "tariff", "tariffs", "rate", "rates", "charge", "charges", "cost"})
_PRICE_UP = frozenset({"raise", "increase", "hike", "double", "lift"})
_PRICE_DOWN = frozenset({"cut", "lower", "reduce", "slash"})
_SHARE_NOUNS = frozenset({"share", "shares", "stock", "stocks"})
_SHARE_MOVES = {"fall": "shares fall", "drop": "shares fall", "slump": "shares fall", "plunge": "shares fall",
                "tumble": "shares fall", "slide": "shares fall", "sink": "shares fall",
                "rise": "shares rise", "jump": "shares rise", "climb": "shares rise", "soar": "shares rise"}
_MOVE_VERBS = frozenset({"move", "transfer", "relocate", "take", "smuggle"})
_PARTY_LABELS = ("GPE", "ORG", "NORP", "PERSON")


def find_actions(sent: Span, disc: Discourse) -> list[Extraction]:
    """Events of the general classes above in one sentence, at most one per predicate."""
    found: dict[str, Extraction] = {}
    for token in sent:
        extraction = None
        if token.pos_ in ("VERB", "AUX") and not _is_unreal(token):
            extraction = (
                _action_verb(token, disc) or _went_to_court(token, disc) or _price_change(token, disc)
                or _share_move(token, disc)
                or _agreement(token, disc) or _moved_across(token, disc) or _walked_off(token, disc)
                or _met(token, disc) or _reached_agreement(token, disc)
            )
        elif token.pos_ in ("NOUN", "PROPN"):
            extraction = _event_noun(token, disc)
        if extraction is None or extraction.predicate in found:
            continue
        stance = stance_of(token, disc)
        extraction.stance, extraction.origins = stance.stance, stance.origins
        found[extraction.predicate] = extraction
    return list(found.values())


def _action(token: Token, predicate: str, kind: str) -> Extraction:
    extraction = _event(token, predicate)
    extraction.kind = kind
    return extraction


def _party(token: Token | None, disc: Discourse) -> ActorRef | None:
    """The actor a noun phrase names, or whose thing it names: "SKM's permits", "permits of SKM",
    "RSF fighters", "a WFP convoy", "the relcl's head" for "which"."""
    if token is None:
        return None
    if token.lower_ in ("which", "that", "who") and token.head.dep_ == "relcl":
        token = token.head.head
    ref = disc.ref(token)
    if ref is not None and ref.label in _PARTY_LABELS:
        return ref
    owner = _owner_modifier(token, disc, places=True)
    if owner is not None:
        return owner
    # "permits of X"; "shares in X" (for other nouns "in" names a place: "talks in Geneva").
    for word in ("of", "in") if token.lower_ in _SHARE_NOUNS else ("of",):
        owner = _preposition_object(token, word)
        if owner is not None:
            ref = _party(owner, disc) if owner.i != token.i else None
            if ref is not None:
                return ref
    return None


def _patient(verb: Token) -> Token | None:
    """The thing acted on: the object, or the subject of a passive, or the head a relative clause
    or a participle hangs on ("the waiver, granted by X")."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is not None and obj.lower_ not in ("which", "that", "who"):
        return obj
    if _is_passive(verb):
        return subject_of(verb) or (verb.head if verb.dep_ in ("acl", "relcl") else None)
    if verb.dep_ == "relcl":
        return verb.head
    return obj


def _is_passive(verb: Token) -> bool:
    """ "was granted by X", and the bare participle "the waiver, granted by X"."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN"
    )


def _doer(verb: Token) -> Token | None:
    if _is_passive(verb):
        return agent_of(verb)
    subject = subject_of(verb)
    if subject is None and verb.dep_ == "acl":
        return None
    return subject


def _action_verb(token: Token, disc: Discourse) -> Extraction | None:
    entry = _ACTION_VERBS.get(token.lemma_.lower())
    # "an area controlled by X", "halting shipments": modifiers, not events told.
    if entry is None or token.dep_ == "amod":
        return None
    patient = _patient(token)
    if token.lemma_.lower() in _PUBLISHING_VERBS and patient is not None and _is_publication(patient):
        return None
    extraction = _action(token, *entry)
    extraction.actor = _party(_doer(token), disc)
    extraction.target = _party(patient, disc)
    if patient is not None and patient.pos_ == "NOUN":
        extraction.terms = content_terms(patient)
    if extraction.actor is None and _is_passive(token) and agent_of(token) is None:
        extraction.actor, extraction.target = _parties_of_the_demand_met(extraction.predicate, disc)
    if extraction.actor is not None and extraction.target is not None and extraction.actor.key == extraction.target.key:
        extraction.target = None
    return extraction if extraction.actor is not None else None


def _parties_of_the_demand_met(predicate: str, disc: Discourse) -> tuple[ActorRef | None, ActorRef | None]:
    """"Norland demanded that Vestria free the crew. ... The crew were released on Tuesday": told in
    the passive with no doer, the act meets the demand the article reported for it, so its doer
    is the party asked (the last such demand before it) and the party it is done for the one asking."""
    asked = [
        e for e in disc.extractions
        if e.kind == DEMAND and e.predicate == predicate and e.target is not None and e.actor is not None
    ]
    if not asked:
        return None, None
    return asked[-1].target, asked[-1].actor


def _is_publication(noun: Token) -> bool:
    """ "a statement", "its quarterly results", "a video": something published, not someone set
    free (a party, or people)."""
    lemma = noun.lemma_.lower()
    return lemma in DOCUMENT_NOUNS or (noun.pos_ == "NOUN" and noun.ent_type_ == "" and lemma not in _PEOPLE_NOUNS)


# Who is set free: a release of people, not of a report.
_PEOPLE_NOUNS = frozenset({
    "crew", "hostage", "prisoner", "detainee", "captive", "sailor", "fisherman", "soldier", "journalist",
    "activist", "citizen", "national", "worker", "member", "people", "person", "captain", "deckhand",
    "man", "woman", "child", "student", "passenger", "tourist", "official", "diplomat", "suspect",
})


# Verbs whose complement is wished for, planned or asked about, not told as done.
_IRREALIS_HEADS = frozenset({
    "urge", "ask", "call", "demand", "want", "consider", "threaten", "plan", "seek", "propose",
    "decline", "refuse", "hope", "try", "intend", "vow", "promise", "warn", "tell", "order",
    # the other ways of asking: "pressing X to freeze the accounts" tells no freeze
    "press", "push", "pressure", "lobby", "plead", "beg", "implore", "petition", "exhort", "request",
    "require", "appeal", "expect",
})
_MODALS = frozenset({"will", "would", "could", "should", "may", "might", "must", "can", "shall", "'ll"})


def _follows_a_demand_word(that: Token) -> bool:
    return that.i > 0 and that.nbor(-1).lemma_.lower() in DEMAND_VERBS | _IRREALIS_HEADS


def _is_unreal(token: Token) -> bool:
    """"would board", "urged X to suspend", "whether it would consider suspending": not an event told."""
    if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in token.children):
        return True
    if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in token.children):
        return True
    if any(c.dep_ == "mark" and c.lower_ == "that" and _follows_a_demand_word(c) for c in token.children):
        return True  # "... and demands that Ukraine release them": asked for, whatever the parse
    head = token.head
    if _bare_verb_beside_finite(token):
        return True
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
    if token.dep_ == "conj" and head.i != token.i and not own_subject:
        return _is_unreal(head)  # "that Y return X and grant Z": the second verb is asked for too
    return token.dep_ in ("xcomp", "pcomp", "ccomp", "advcl") and head.lemma_.lower() in _IRREALIS_HEADS


def _bare_verb_beside_finite(token: Token) -> bool:
    """ "reiterates its request that Y return X, which ..., and grant Z access": a base form with
    no subject or auxiliary cannot go on from "reiterates"; the parser lost the clause it belongs
    to (the thing asked), and nothing was done."""
    return (
        token.tag_ == "VB" and token.dep_ == "conj" and token.head.tag_ in ("VBZ", "VBD")
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in token.children)
    )


def _price_change(token: Token, disc: Discourse) -> Extraction | None:
    """"X raised the price of Y": a price change, X the actor, Y what it is about."""
    lemma = token.lemma_.lower()
    if lemma not in _PRICE_UP | _PRICE_DOWN:
        return None
    obj = next((c for c in token.children if c.dep_ == "dobj"), None)
    if obj is None or obj.lower_ not in _PRICE_NOUNS:
        return None
    extraction = _action(token, "raise price" if lemma in _PRICE_UP else "cut price", EVENT)
    extraction.actor = _party(subject_of(token), disc)
    extraction.terms = content_terms(obj)
    return extraction if extraction.actor is not None else None


def _share_move(token: Token, disc: Discourse) -> Extraction | None:
    """"Shares of X fell 6%": the company whose shares moved is the actor."""
    predicate = _SHARE_MOVES.get(token.lemma_.lower())
    subject = subject_of(token) if predicate else None
    if subject is None or subject.lower_ not in _SHARE_NOUNS:
        return None
    extraction = _action(token, predicate, EVENT)
    extraction.actor = _party(subject, disc)
    extraction.terms = ["share"]
    return extraction if extraction.actor is not None else None


def _agreement(token: Token, disc: Discourse) -> Extraction | None:
    """"X has agreed (in principle) to release Y's members": an agreement, X to Y."""
    if token.lemma_.lower() != "agree":
        return None
    action = next((c for c in token.children if c.dep_ == "xcomp"), None)
    if action is None:
        return None
    extraction = _action(token, "agree to " + action.lemma_.lower(), STATUS)
    extraction.actor = _party(subject_of(token), disc)
    obj = next((c for c in action.children if c.dep_ == "dobj"), None)
    extraction.target = _party(obj, disc)
    if obj is not None:
        extraction.terms = content_terms(obj)
    return extraction if extraction.actor is not None else None


def _moved_across(token: Token, disc: Discourse) -> Extraction | None:
    """"X has moved the hostages into Y": a transfer, X the actor, the destination what it is about."""
    if token.lemma_.lower() not in _MOVE_VERBS:
        return None
    place = _preposition_object(token, "into") or _preposition_object(token, "across")
    if place is None:
        return None
    extraction = _action(token, "move", STATUS)
    extraction.actor = _party(_doer(token), disc)
    extraction.about = disc.ref(place)
    patient = _patient(token)
    if patient is not None:
        extraction.terms = content_terms(patient)
    return extraction if extraction.actor is not None and extraction.about is not None else None


# What one files against another: "filed a lawsuit against X", "lodged a complaint against X".
_SUIT_NOUNS = frozenset({"lawsuit", "suit", "complaint", "case", "claim", "action", "petition", "challenge"})
_FILING_VERBS = frozenset({"file", "lodge", "bring", "launch", "submit"})


def _went_to_court(token: Token, disc: Discourse) -> Extraction | None:
    """"filed a lawsuit against X", "took X to court": X sued by the subject."""
    lemma = token.lemma_.lower()
    if lemma in _FILING_VERBS:
        suit = next((c for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() in _SUIT_NOUNS), None)
        if suit is None:
            return None
        against = _preposition_object(suit, "against") or _preposition_object(token, "against")
    elif lemma == "take" and _to_court(token):
        against = next((c for c in token.children if c.dep_ == "dobj"), None)
    else:
        return None
    extraction = _action(token, "sue", EVENT)
    extraction.actor = _party(_doer(token), disc)
    extraction.target = _party(against, disc)
    extraction.terms = ["lawsuit"]
    return extraction if extraction.actor is not None else None


def _to_court(verb: Token) -> bool:
    """ "took X to court", also with "court" tagged a verb after "to"."""
    place = _preposition_object(verb, "to")
    if place is not None:
        return place.lower_ == "court"
    return any(c.dep_ == "xcomp" and c.lower_ == "court" for c in verb.children)


def _walked_off(token: Token, disc: Discourse) -> Extraction | None:
    """"Workers walked off the job", "went on strike": a strike by the subject."""
    lemma = token.lemma_.lower()
    walked_off = lemma == "walk" and any(
        c.lower_ in ("off", "out") for c in token.children if c.dep_ in ("prep", "prt")
    )
    went_on_strike = lemma == "go" and _preposition_object(token, "on") is not None and (
        _preposition_object(token, "on").lower_ == "strike"
    )
    if not (walked_off or went_on_strike):
        return None
    extraction = _action(token, "strike", EVENT)
    extraction.actor = _party(subject_of(token), disc)
    extraction.terms = ["strike"]
    return extraction if extraction.actor is not None else _borrowed(extraction, disc)


def _met(token: Token, disc: Discourse) -> Extraction | None:
    """"Representatives of X and Y met", "X met Y's envoys", "X met with Y": talks between them."""
    if token.lemma_.lower() != "meet":
        return None
    sides = _distinct([*_subject_sides(token, disc), _with_party(token, disc),
                       _party(next((c for c in token.children if c.dep_ == "dobj"), None), disc)])
    if len(sides) < 2:
        return None
    extraction = _action(token, "hold talks", EVENT)
    extraction.actor, extraction.target = sides[0], sides[1]
    extraction.terms = ["talks"]
    return extraction


_AGREEMENT_NOUNS = frozenset({"agreement", "deal", "accord", "ceasefire", "truce", "pact", "treaty", "settlement"})
_REACH_VERBS = frozenset({"reach", "sign", "strike", "conclude", "seal", "clinch", "secure"})


def _reached_agreement(token: Token, disc: Discourse) -> Extraction | None:
    """"X and Y reached a deal", "X signed a ceasefire with Y": an agreement reached (not reached is a
    status "unresolved", read by ``find_status``)."""
    if token.lemma_.lower() not in _REACH_VERBS or is_negated(token):
        return None
    deal = next((c for c in token.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in _AGREEMENT_NOUNS), None)
    if deal is None or any(c.lower_ == "no" for c in deal.children):
        return None
    doer = agent_of(token) if deal.dep_ == "nsubjpass" else token
    sides = _distinct([
        *(_subject_sides(token, disc) if doer is token else [_party(doer, disc)]),
        _with_party(token, disc), _with_party(deal, disc),
    ])
    if not sides:
        return None
    extraction = _action(token, "reach agreement", STATUS)
    extraction.actor = sides[0]
    extraction.target = sides[1] if len(sides) > 1 else None
    extraction.terms = content_terms(deal)
    return extraction


def _subject_sides(verb: Token, disc: Discourse) -> list[ActorRef]:
    """The parties a verb's subject names: "X and Y", "the delegations of X and Y"."""
    subject = subject_of(verb)
    if subject is None:
        return []
    sides = _distinct(_party(t, disc) for t in _and_list(subject))
    inner = _preposition_object(subject, "of")
    if len(sides) < 2 and inner is not None:
        sides = _distinct([*sides, *(_party(t, disc) for t in [*_and_list(inner), *(c for c in subject.children if c.dep_ == "conj")])])
    return sides


def _with_party(token: Token, disc: Discourse) -> ActorRef | None:
    return _party(_preposition_object(token, "with"), disc)


def _and_list(token: Token) -> list[Token]:
    """A noun and its conjuncts: "X and Y" -> [X, Y]."""
    items = [token]
    for child in token.children:
        if child.dep_ == "conj":
            items.extend(_and_list(child))
    return items


def _event_noun(token: Token, disc: Discourse) -> Extraction | None:
    """"a strike by X", "under siege by X", "talks between X and Y", "the suspension of X's permits"."""
    lower = token.lower_
    entry = _EVENT_NOUNS.get(lower) or _EVENT_NOUNS.get(token.lemma_.lower())
    under = token.dep_ == "pobj" and token.head.lower_ == "under"
    if entry is None and under and lower == "fire":
        entry = ("attack", EVENT)  # "came under fire"
    if entry is None or token.dep_ == "compound":
        return None
    predicate, kind = entry
    if lower in ("round", "cycle") and not _about_talks(token):
        return None
    extraction = _action(token, predicate, kind)
    by = _preposition_object(token, "by") or next(
        (p for c in token.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"), None
    )
    if by is None and under:
        by = _preposition_object(token.head.head, "by")  # "under siege by X": the "by" hangs off the verb
    between = _preposition_object(token, "between") or _nested_between(token)
    if between is not None:
        sides = [s for s in (_party(t, disc) for t in _and_list(between)) if s is not None]
    elif predicate == "hold talks":
        sides = _sides_of_clause(token, disc)  # "The delegations of X and Y concluded the round"
    else:
        sides = []
    if sides:
        extraction.actor = sides[0]
        extraction.target = sides[1] if len(sides) > 1 else None
    else:
        extraction.actor = _party(by, disc) or _owner_modifier(token, disc)
        if predicate == "hold talks":
            extraction.target = _party(_preposition_object(token, "with"), disc)
    if predicate in ("besiege", "attack") and under:
        # "X has been under siege by Y", "X came under fire": X suffered it.
        extraction.target = _party(subject_of(token.head.head), disc)
        if extraction.actor is None and extraction.target is not None:
            return extraction
    elif predicate == "suspend":
        thing = _preposition_object(token, "of") or _preposition_object(token, "on")
        extraction.target = _party(thing, disc) if thing is not None else None
        if thing is not None:
            extraction.terms = content_terms(thing)
    if not extraction.terms:
        extraction.terms = [predicate.split()[-1]]
    if predicate == "strike" and extraction.actor is not None and extraction.target is None:
        extraction.target = _party(_preposition_object(token, "against"), disc) or _demanded_of(extraction.actor, disc)
    if extraction.actor is None:
        # Only an event that is itself the topic ("The strike continues") refers back to an earlier one.
        return _borrowed(extraction, disc) if token.dep_ in ("nsubj", "nsubjpass") else None
    return extraction


# Verbs that say talks take place: "X and Y opened the fourth round", "X held talks with Y".
_HOLDING_VERBS = frozenset({
    "hold", "open", "begin", "start", "resume", "conclude", "launch", "attend", "join", "enter",
    "continue", "end", "wrap", "finish", "close", "meet", "convene", "host",
})


def _sides_of_clause(token: Token, disc: Discourse) -> list[ActorRef]:
    """The parties of the verb a talks noun hangs off: "X and Y concluded the round", "X held talks with Y"."""
    verb = token.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in _HOLDING_VERBS or _is_unreal(verb):
        return []
    if verb.lemma_.lower() == "host":
        return []  # the host is not a side: "Freedonia hosted talks between X and Y"
    return _distinct([*_subject_sides(verb, disc), _with_party(token, disc), _with_party(verb, disc)])


def _distinct(refs) -> list[ActorRef]:
    found: list[ActorRef] = []
    for ref in refs:
        if ref is not None and all(ref.key != other.key for other in found):
            found.append(ref)
    return found


def _demanded_of(actor: ActorRef, disc: Discourse) -> ActorRef | None:
    """A strike is aimed at whoever the strikers make demands of: the target of their last demand so far."""
    for earlier in reversed(disc.extractions):
        if earlier.kind == DEMAND and earlier.actor is not None and earlier.actor.key == actor.key:
            if earlier.target is not None:
                return earlier.target
    return None


def _about_talks(token: Token) -> bool:
    """"a round of talks", "the seventh cycle of the Dialogue Table", "a seventh round" of a meeting."""
    words = {t.lower_ for t in token.subtree}
    if words & _TALK_WORDS or any(t.lower_ in ("table",) for t in token.subtree):
        return True
    head = token.head
    return head.lemma_.lower() in ("meet", "negotiate") or (head.dep_ == "prep" and head.head.lemma_.lower() in ("meet", "negotiate"))


def _nested_between(token: Token) -> Token | None:
    """"a round of talks between X and Y": the "between" hangs off the inner noun."""
    inner = _preposition_object(token, "of")
    return _preposition_object(inner, "between") if inner is not None else None


def _owner_modifier(token: Token, disc: Discourse, *, places: bool = False) -> ActorRef | None:
    """"Sylvania's strike", "the Freedonia Union strike", "a WFP convoy": the possessor, or a name
    compounded with the noun. A place compounded with an event ("the Geneva talks") says where,
    not who, so places count only when asked for ("the Sylvania government")."""
    for child in token.children:
        if child.dep_ == "poss":
            ref = disc.ref(child)
            if ref is not None and ref.label in _PARTY_LABELS:
                return ref
        elif child.dep_ == "compound" and child.pos_ == "PROPN":
            ref = disc.ref(child)
            if ref is not None and ref.label in _PARTY_LABELS and (places or ref.label != "GPE"):
                return ref
    return None


def _borrowed(extraction: Extraction, disc: Discourse) -> Extraction | None:
    """"The strike continues": a definite event named earlier in the article takes that one's parties."""
    for earlier in reversed(disc.extractions):
        if earlier.kind == extraction.kind and earlier.predicate == extraction.predicate and earlier.actor is not None:
            extraction.actor, extraction.target = earlier.actor, earlier.target
            return extraction
    return None

"""Status and events: a matter left unresolved, and a few things that happened.

Status (kind "status", predicate "unresolved"): a sentence saying a matter is
unresolved, uncertain, unclear or at an impasse, that no progress was made or
no agreement reached. The actor is whoever owns the matter: a possessive
("Norway's negotiations", "its future presence", "their fate" resolved through
the sentence or the article), else the state of the person speaking about it.

Events (kind "event"): "X was led by Y", "X fled to Y", "Y granted X asylum"
with a general synonym layer so the same event in other words groups.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from .demands import content_terms
from .discourse import Discourse, agent_of, is_negated, subject_of
from .stance import stance_of
from .types import EVENT, STATUS, ActorRef, Extraction
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
        return subject if subject is not None and subject.lower_ not in ("it", "this", "that") else None
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
    return found


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

"""Demands: who demands, requests, calls for, presses for, wants or urges what of whom.

Four shapes of English cover nearly every demand in news copy:

1. a that-clause: "demanded that Norway hand over X", "is demanding that Oslo extradite X";
2. an object and an infinitive: "requested Norway to hand over X", "wants Norway to rebuild trust";
3. a for-phrase: "pressed Oslo for compensation", "calling for the lifting of sanctions";
4. a nominal object: "demanded the return of X", "demanding compensation from Oslo".

The actor is the trigger's subject, the target whoever must act (the subject of
the that-clause, the object, a "from"-phrase), ``about`` the entity the demand
concerns, and the predicate the demanded action through predicates.py.
Refusals of such an action ("Norway will not hand over X") come out as denied
statements so they can contradict the demand. When the small model breaks a
that-clause (tagging the bare infinitive in "demanding that Oslo extradite X"
as an adjective), the clause is read in word order instead.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from . import predicates
from .discourse import Discourse, agent_of, is_negated, subject_of, subjects_of
from .stance import stance_of, trailing_attribution
from .types import DEMAND, DENIED, STATEMENT, ActorRef, Extraction
from .types import Span as TextSpan

DEMAND_VERBS = frozenset({
    "demand", "request", "call", "press", "want", "ask", "urge", "insist", "seek", "appeal",
    "push", "lobby", "pressure", "plead", "beg", "implore", "petition", "exhort", "require",
})
# Triggers that make a demand of whatever noun they take, not only of known demand nouns.
STRONG_TRIGGERS = frozenset({"demand", "request", "insist", "appeal", "petition", "press", "push", "lobby", "call"})
# Verbs that take "for"/"on" to introduce what is demanded.
FOR_PREPOSITIONS = frozenset({"for", "on"})

# Demanded acts that the one they concern must perform: "the resignation of X", "an apology by X".
_DONE_BY_ITS_OBJECT = frozenset({"resign", "apologise"})

# Words to leave out of a demand's terms: they carry no topic.
_LIGHT_NOUNS = frozenset({"measure", "thing", "way", "part", "kind", "sort", "lot", "number", "step", "such"})


def find_demands(sent: Span, disc: Discourse) -> list[Extraction]:
    found = []
    for token in sent:
        if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in DEMAND_VERBS:
            continue
        extraction = demand_from(token, disc)
        if extraction is not None:
            found.append(extraction)
    found.extend(find_refusals(sent, disc))
    return found


def demand_from(trigger: Token, disc: Discourse) -> Extraction | None:
    """The demand a trigger verb expresses, or None if it is not one."""
    lemma = trigger.lemma_.lower()
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in trigger.children)
    subjects = [agent_of(trigger)] if passive else subjects_of(trigger)
    obj = _child(trigger, "dobj")
    if passive:
        obj = _child(trigger, "nsubjpass")
    shape = (
        _that_clause(trigger, lemma)
        or _object_infinitive(trigger, obj, lemma)
        or _for_phrase(trigger, lemma)
        or _nominal_object(trigger, obj, lemma)
    )
    if shape is None:
        return _linear_that_clause(trigger, subjects, disc)
    kind, action = shape
    extraction = Extraction(kind=DEMAND, sentence=_sentence_span(trigger), cue=_cue(trigger))
    extraction.actor = disc.ref_any([s for s in subjects if s is not None])
    if kind == "clause":
        extraction.target = disc.ref(subject_of(action))
        _fill_from_verb(extraction, action, disc)
    elif kind == "infinitive":
        own_subject = next((c for c in action.children if c.dep_ == "nsubj"), None)
        on = _prep(trigger, "on")
        extraction.target = (
            disc.ref(obj)
            or disc.ref(_stray_object(trigger, action))
            or disc.ref(own_subject)
            or (disc.ref(_child(on, "pobj")) if on is not None else None)  # "called on Shell to pay"
        )
        _fill_from_verb(extraction, action, disc)
    else:
        extraction.target = (
            (disc.ref(obj) if obj is not None and obj.i != action.i else None)
            or _from_phrase(trigger, disc)
            or _from_phrase(action, disc)
        )
        _fill_from_noun(extraction, action, disc)
    if extraction.target is None and extraction.predicate in _DONE_BY_ITS_OBJECT and extraction.about is not None:
        extraction.target = extraction.about  # "demanding the resignation of X": X is to act
    if extraction.target is None:
        extraction.target = _party_in_clause(trigger, disc, exclude=(extraction.actor, extraction.about))
    if extraction.actor is None and extraction.target is None:
        return None  # "to seek agreements": no one asks anything of anyone we can name
    extraction.actor, extraction.target = disc.party(extraction.actor), disc.party(extraction.target)
    stance = stance_of(trigger, disc)
    extraction.stance, extraction.origins = stance.stance, stance.origins
    if is_negated(trigger):
        extraction.negated = True
        extraction.stance = DENIED
    return extraction


# -- the four shapes ----------------------------------------------------


def _that_clause(trigger: Token, lemma: str) -> tuple[str, Token] | None:
    if lemma in ("want", "seek", "call", "press", "push", "plead", "beg"):
        return None
    for child in _clauses(trigger):
        if child.dep_ == "ccomp":
            return "clause", child
    return None


def _clauses(trigger: Token) -> list[Token]:
    """The trigger's clausal complements, without a reporting tail the parser hung on it
    ("demanding that A extradite B, Bloomberg reported")."""
    wrapper = trailing_attribution(trigger.sent)
    return [
        c for c in trigger.children
        if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX") and (wrapper is None or c.i != wrapper.i)
    ]


def _object_infinitive(trigger: Token, obj: Token | None, lemma: str) -> tuple[str, Token] | None:
    clauses = _clauses(trigger)
    infinitives = [c for c in clauses if any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)]
    # "wants Norway, which ..., to restore trust": the to-infinitive is the demanded act even when
    # the parser hung the object on a clause of its own.
    for child in infinitives + [c for c in clauses if c not in infinitives]:
        has_own_subject = any(c.dep_ == "nsubj" for c in child.children)
        stray_subject = any(
            any(g.dep_ == "nsubj" and g.pos_ == "PROPN" for g in c.children) for c in clauses if c.i != child.i
        )
        if obj is not None or has_own_subject or (child in infinitives and stray_subject):
            return "infinitive", child
        # "called on X to ...": the target sits in an "on" phrase.
        if lemma == "call" and _prep(trigger, "on") is not None:
            return "infinitive", child
    return None


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
    for prep in preps:
        for pobj in prep.children:
            if pobj.dep_ == "pobj" and pobj.pos_ in ("NOUN", "PROPN") and pobj.ent_type_ not in ("DATE", "TIME"):
                return "noun", pobj
    return None


def _nominal_object(trigger: Token, obj: Token | None, lemma: str) -> tuple[str, Token] | None:
    if obj is None or obj.pos_ not in ("NOUN", "PROPN") or lemma == "call":
        return None
    if lemma in STRONG_TRIGGERS or predicates.is_known_noun(obj) or _is_quoted(obj):
        if obj.pos_ == "PROPN" and not predicates.is_known_noun(obj):
            return None  # "pressed Oslo" alone names a target, not a demand
        return "noun", obj
    return None


# -- a that-clause the parser broke -------------------------------------

# Triggers that take "that" + a bare infinitive ("demanded that Oslo extradite X").
_MANDATIVE_TRIGGERS = frozenset({"demand", "request", "insist", "ask", "urge", "require", "petition"})
_MODALS = frozenset({"should", "must", "shall", "will", "would", "to"})
_CLAUSE_ENDS = frozenset({",", ";", ".", ":", "!", "?", "—", "–"})


def _linear_that_clause(trigger: Token, subjects: list[Token | None], disc: Discourse) -> Extraction | None:
    """"demanding that Argentina extradite Carlos Mendez" when the parser made "extradite" an adjective:
    read the clause in word order: party, (modal), base-form verb, object."""
    if trigger.lemma_.lower() not in _MANDATIVE_TRIGGERS:
        return None
    clause = _that_clause_tokens(trigger)
    if not clause:
        return None
    for position, token in enumerate(clause[1:], start=1):
        predicate = predicates.base_form_predicate(token)
        if not predicate:
            continue
        before = [t for t in clause[:position] if t.lower_ not in _MODALS]
        target = next((ref for ref in (disc.ref(t) for t in before) if ref is not None), None)
        if target is None:
            return None
        after = clause[position + 1 :]
        extraction = Extraction(kind=DEMAND, sentence=_sentence_span(trigger), cue=_cue(trigger))
        extraction.actor = disc.party(disc.ref_any([s for s in subjects if s is not None]))
        extraction.target = disc.party(target)
        extraction.about = next((ref for ref in (disc.ref(t) for t in after) if ref is not None), None)
        extraction.predicate = predicate
        start, end = clause[0].idx, clause[-1].idx + len(clause[-1].text)
        extraction.content = TextSpan(start, end, trigger.doc.text[start:end])
        extraction.terms = sorted({
            t.lemma_.lower() for t in after
            if t.pos_ == "NOUN" and not t.is_stop and not t.ent_type_ and t.lemma_.isalpha()
            and t.lemma_.lower() not in _LIGHT_NOUNS
        })
        stance = stance_of(trigger, disc)
        extraction.stance, extraction.origins = stance.stance, stance.origins
        if is_negated(trigger):
            extraction.negated, extraction.stance = True, DENIED
        return extraction
    return None


def _that_clause_tokens(trigger: Token) -> list[Token]:
    """The words of "that ..." right after a trigger, up to the clause's end."""
    sent = trigger.sent
    index = trigger.i + 1
    # "demanded on Tuesday that ...": a short adjunct may come between.
    while index < sent.end and index - trigger.i <= 4 and trigger.doc[index].lower_ != "that":
        if trigger.doc[index].text in _CLAUSE_ENDS:
            return []
        index += 1
    if index >= sent.end or trigger.doc[index].lower_ != "that":
        return []
    tokens = []
    for token in trigger.doc[index + 1 : sent.end]:
        if token.text in _CLAUSE_ENDS or token.is_space:
            break
        tokens.append(token)
    return tokens


# -- filling in --------------------------------------------------------


def _fill_from_verb(extraction: Extraction, action: Token, disc: Discourse) -> None:
    extraction.predicate = predicates.normalise_verb(action)
    obj = _child(action, "dobj")
    extraction.about = disc.ref(obj) if obj is not None else None
    content = _subtree_span(action)
    extraction.content = content
    terms = content_terms(action)
    # "rebuild trust through concrete measures such as compensation": the concrete noun names it.
    if extraction.predicate in predicates.VAGUE_VERBS or not predicates.is_known_verb(action):
        concrete = _concrete_noun(action)
        if concrete:
            extraction.predicate = concrete
    extraction.terms = terms


def _fill_from_noun(extraction: Extraction, noun: Token, disc: Discourse) -> None:
    extraction.predicate = predicates.normalise_noun(noun)
    of = _prep(noun, "of")
    about = None
    if of is not None:
        pobj = _child(of, "pobj")
        about = disc.ref(pobj) if pobj is not None else None
    extraction.about = about
    extraction.content = _subtree_span(noun)
    extraction.terms = content_terms(noun)


def _concrete_noun(action: Token) -> str:
    for token in action.subtree:
        if token.pos_ == "NOUN" and predicates.is_known_noun(token):
            predicate = predicates.normalise_noun(token)
            if predicate in predicates.CONCRETE_DEMANDS:
                return predicate
    return ""


def _from_phrase(token: Token, disc: Discourse) -> ActorRef | None:
    """"compensation from Oslo" -> Oslo's actor."""
    prep = _prep(token, "from")
    if prep is None:
        return None
    pobj = _child(prep, "pobj")
    return disc.ref(pobj) if pobj is not None else None


def _party_in_clause(trigger: Token, disc: Discourse, *, exclude: tuple[ActorRef | None, ...]) -> ActorRef | None:
    """A state or organisation the demand's clause makes act ("as a condition for allowing Norway to ...")."""
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


def find_refusals(sent: Span, disc: Discourse) -> list[Extraction]:
    """"Norway will not hand over X", "refused to extradite X": denied statements of a known action."""
    found = []
    for token in sent:
        if token.pos_ != "VERB" or not predicates.is_known_verb(token):
            continue
        predicate = predicates.normalise_verb(token)
        if predicate not in predicates.CONCRETE_DEMANDS:
            continue
        refusing = token.head if token.dep_ == "xcomp" and token.head.lemma_.lower() in ("refuse", "decline") else None
        if not (is_negated(token) or refusing is not None):
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


# -- small readers -----------------------------------------------------


def content_terms(token: Token) -> list[str]:
    """Sorted content-noun lemmas of a phrase: what a nominal demand is about."""
    terms = set()
    for t in token.subtree:
        if t.pos_ != "NOUN" or t.is_stop or t.ent_type_:
            continue
        lemma = t.lemma_.lower()
        if t.lower_ == "bases":  # the small model lemmatises "bases" to "basis"
            lemma = "base"
        if lemma not in _LIGHT_NOUNS and lemma.isalpha():
            terms.add(lemma)
    return sorted(terms)


def _child(token: Token, dep: str) -> Token | None:
    for child in token.children:
        if child.dep_ == dep:
            return child
    return None


def _prep(token: Token, word: str) -> Token | None:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == word:
            return child
    return None


def _is_quoted(token: Token) -> bool:
    doc = token.doc
    before = doc[token.left_edge.i - 1] if token.left_edge.i > 0 else None
    return before is not None and before.text in ('"', "\u201c", "'", "\u2018")


def _cue(trigger: Token) -> str:
    particles = sorted(
        (c.lower_ for c in trigger.children if c.dep_ == "prep" and c.lower_ in FOR_PREPOSITIONS),
        key=lambda word: word != "for",
    )
    lemma = trigger.lemma_.lower()
    return f"{lemma} {particles[0]}" if particles and lemma in ("call", "press", "push", "ask", "appeal", "insist", "lobby") else lemma


def _sentence_span(token: Token) -> TextSpan:
    sent = token.sent
    return TextSpan(sent.start_char, sent.end_char, sent.text)


def _subtree_span(token: Token) -> TextSpan:
    tokens = [t for t in token.subtree if not t.is_space]
    while tokens and tokens[-1].is_punct and tokens[-1].text not in ('"', "\u201d", ")", "]"):
        tokens.pop()
    if not tokens:
        return TextSpan(token.idx, token.idx + len(token.text), token.text)
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return TextSpan(start, end, token.doc.text[start:end])

"""Demands: who demands, requests, calls for, presses for, wants or urges what of whom.

Four shapes of English cover nearly every demand in news copy:

1. a that-clause: "demanded that Sylvania hand over X", "is demanding that Zenda extradite X";
2. an object and an infinitive: "requested Sylvania to hand over X", "wants Sylvania to rebuild trust";
3. a for-phrase: "pressed Zenda for compensation", "calling for the lifting of sanctions";
4. a nominal object: "demanded the return of X", "demanding compensation from Zenda".

Three more are read beside them:

5. the demand as a noun: "Sylvania's demand that the EU stop ...", "the call by X on Y to ...",
   "renewed its demand that ...", "a call for a ceasefire by X";
6. an obligation or hope put on another party in reported speech: "X says Y must pay ...",
   "X hoped Y would protect ...";
7. coordinated objects of one trigger are separate demands: "called for price caps and
   compensation" gives two, each with its own content, terms and predicate.

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
"""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Span, Token

from . import predicates
from .discourse import (
    FIRST_PERSON_PRONOUNS,
    GROUP_PRONOUNS,
    PERSON_PRONOUNS,
    THING_PRONOUNS,
    Discourse,
    agent_of,
    is_negated,
    name_word_holds,
    subject_of,
    subjects_of,
)
from .stance import stance_of, trailing_attribution
from .types import ASSERTED, DEMAND, DENIED, STATEMENT, ActorRef, Extraction, Mention
from .types import Span as TextSpan

DEMAND_VERBS = frozenset({
    "demand", "request", "call", "press", "want", "ask", "urge", "insist", "seek", "appeal",
    "push", "lobby", "pressure", "plead", "beg", "implore", "petition", "exhort", "require",
    "order", "enjoin", "instruct", "tell",
})
# Triggers that make a demand of whatever noun they take, not only of known demand nouns.
STRONG_TRIGGERS = frozenset({"demand", "request", "insist", "appeal", "petition", "press", "push", "lobby", "call"})
# Triggers that ask for a thing only when it is plainly a thing to be given: a known demand,
# one asked "from" someone, or an amount ("wants an 8% rise from X", "seeking $5 million").
GIVEN_THING_TRIGGERS = frozenset({"want", "seek"})
# Verbs that command only with an object and an infinitive ("ordered X to pay"); with a
# that-clause they report ("told reporters that ...").
INFINITIVE_ONLY = frozenset({"order", "enjoin", "instruct", "tell"})
# Verbs that take "for"/"on" to introduce what is demanded.
FOR_PREPOSITIONS = frozenset({"for", "on"})

# Nouns that name a demand: "its demand that ...", "the call by X on Y to ...".
DEMAND_NOUNS = frozenset({"demand", "call", "request", "insistence", "appeal", "plea", "ultimatum"})
# Verbs whose subject makes the demand they take as object: "renewed its demand that ...".
MAKING_VERBS = frozenset({"renew", "repeat", "reiterate", "restate", "make", "issue", "voice", "reaffirm", "press"})

# Reporting verbs that put an obligation on another party ("says Acme Mining must pay"), and
# verbs of hoping that ask it more softly ("hoped Freedonia would protect ...").
# ("insist" is left out: "insisted that Y must ..." is already a demand verb's that-clause.)
OBLIGATION_CUES = frozenset({"say", "state", "add", "stress", "argue", "write", "tell", "warn"})
OBLIGATION_MODALS = frozenset({"must", "should"})
HOPE_CUES = frozenset({"hope", "hopes", "hoped", "hoping"})  # by form: the small model lemmatises "hoped" to "hop"
HOPE_MODALS = frozenset({"will", "would", "'ll"})

# A trigger governed by one of these is only planned, expected or possible, not made.
_MODAL_AUXILIARIES = frozenset({
    "will", "would", "should", "could", "might", "may", "shall", "'ll", "must", "can", "ca",
})
_PLANNING_HEADS = frozenset({
    "plan", "intend", "expect", "threaten", "prepare", "aim", "hope", "decide", "consider",
    "vow", "promise", "pledge", "set", "due", "likely", "go", "able", "ready", "unlikely",
})
_CONDITION_MARKS = frozenset({"if", "unless", "whether"})
# Words opening an indirect question: "asked whether ...", "asks me why ...".
_QUESTION_WORDS = frozenset({"whether", "if", "why", "how", "what", "when", "where", "who", "which"})

# Demanded acts that the one they concern must perform: "the resignation of X", "an apology by X".
_DONE_BY_ITS_OBJECT = frozenset({"resign", "apologise"})

# Words to leave out of a demand's terms: they carry no topic.
_LIGHT_NOUNS = frozenset({"measure", "thing", "way", "part", "kind", "sort", "lot", "number", "step", "such"})


def find_demands(sent: Span, disc: Discourse) -> list[Extraction]:
    found = []
    for token in sent:
        lemma = token.lemma_.lower()
        if token.pos_ in ("VERB", "AUX") and lemma in DEMAND_VERBS:
            if _is_made(token):
                found.extend(demands_from(token, disc))
        elif token.pos_ == "NOUN" and lemma in DEMAND_NOUNS:
            found.extend(nominal_demands(token, disc))
        if token.pos_ == "VERB" and (lemma in OBLIGATION_CUES or token.lower_ in HOPE_CUES):
            extraction = obligation_from(token, disc)
            if extraction is not None:
                found.append(extraction)
    found.extend(find_refusals(sent, disc))
    return found


# -- what is not a demand ----------------------------------------------


def _is_made(trigger: Token) -> bool:
    """Whether the trigger reports a demand made, not a question, a plan or a condition."""
    return not (_is_question(trigger) or _is_unrealised(trigger) or _is_conditional(trigger))


def _is_question(trigger: Token) -> bool:
    """"asked whether the coast guard would board ...", "asks me why ...": a question, not a request."""
    for clause in trigger.children:
        if clause.dep_ not in ("ccomp", "advcl", "xcomp", "dep", "parataxis") or clause.i < trigger.i:
            continue
        opener = clause.left_edge
        if opener.lower_ in _QUESTION_WORDS or any(
            c.lower_ in _QUESTION_WORDS and c.dep_ in ("mark", "advmod") for c in clause.children
        ):
            return True
    return False


def _is_unrealised(trigger: Token) -> bool:
    """"will demand", "should be asking", "plans to call for": a demand not (yet) made."""
    verb = trigger
    # "wanted X to ... and wanted Y to ...": a conjunct shares its first verb's auxiliaries.
    while verb.dep_ == "conj" and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
        if any(c.dep_ in ("aux", "nsubj") for c in verb.children):
            break
        verb = verb.head
    if any(c.dep_ == "aux" and c.lower_ in _MODAL_AUXILIARIES for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _PLANNING_HEADS


def _is_conditional(trigger: Token) -> bool:
    """"if Sylvania demands ...": inside a condition nothing is demanded yet."""
    node = trigger
    for _ in range(4):
        if node.dep_ == "advcl":
            return any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in node.children)
        if node.dep_ not in ("conj", "xcomp") or node.head.i == node.i:
            return False
        node = node.head
    return False


# -- a demand verb -----------------------------------------------------


def demands_from(trigger: Token, disc: Discourse) -> list[Extraction]:
    """The demands a trigger verb expresses: none, one, or one per coordinated object."""
    lemma = trigger.lemma_.lower()
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in trigger.children)
    subjects = [agent_of(trigger)] if passive else _subjects(trigger)
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
        linear = _linear_that_clause(trigger, subjects, disc) if lemma not in INFINITIVE_ONLY else None
        return [linear] if linear is not None else []
    kind, action = shape
    if lemma in INFINITIVE_ONLY and kind != "infinitive":
        return []
    actor = party_ref_any([s for s in subjects if s is not None], disc)
    if kind == "clause":
        extraction = _new(trigger, actor, party_ref(subject_of(action), disc))
        _fill_from_verb(extraction, action, disc)
        return _finished([extraction], trigger, disc)
    if kind == "infinitive":
        own_subject = next((c for c in action.children if c.dep_ == "nsubj"), None)
        on = _prep(trigger, "on")
        target = (
            party_ref(obj, disc)
            or party_ref(_stray_object(trigger, action), disc)
            or party_ref(own_subject, disc)
            or (party_ref(_child(on, "pobj"), disc) if on is not None else None)  # "called on Shell to pay"
        )
        extraction = _new(trigger, actor, target)
        _fill_from_verb(extraction, action, disc)
        return _finished([extraction], trigger, disc)
    nouns = coordinated_demands(action, disc)
    shared = (party_ref(obj, disc) if obj is not None and obj.i != action.i else None) or _from_phrase(trigger, disc)
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
    return _finished(found, trigger, disc)


def _is_bare_complement(verb: Token) -> bool:
    """A bare infinitive in the clause of a demand verb: "demanded that Acme Mining *pay*"."""
    return verb.tag_ in ("VB", "VBP") and verb.dep_ == "ccomp" and verb.head.lemma_.lower() in DEMAND_VERBS


def _subjects(trigger: Token) -> list[Token]:
    """The trigger's subjects; "wrote to X, asking it to ...": a participle takes its governor's subject."""
    found = subjects_of(trigger)
    if trigger.dep_ == "relcl" and found and found[0].lower_ in ("which", "who", "that"):
        found = [trigger.head]  # "The United States, which in May called on ...": the noun it qualifies
    if not found and trigger.dep_ == "advcl" and trigger.tag_ == "VBG" and trigger.head.pos_ in ("VERB", "AUX"):
        found = subjects_of(trigger.head)
    if trigger.dep_ == "conj" and _is_bare_complement(trigger.head) and trigger.tag_ in ("VBZ", "VBD"):
        # "has demanded that Acme Mining pay X, and wants the company to pay Y": "wants" cannot go with the
        # bare "pay" it was hung on; it goes on from the demand verb above.
        found = subjects_of(trigger.head.head)
    if not found and trigger.dep_ == "acl" and trigger.head.pos_ in ("NOUN", "PROPN"):
        # "The X Coalition, a grouping of NGOs, called on ...": a finite verb the parser took
        # for a participle modifying its subject (or the apposition set beside it).
        subject, through_apposition = trigger.head, False
        # Up through "a grouping of NGOs" or "groups, led by X," to the noun the clause is about.
        while subject.dep_ in ("pobj", "prep", "agent", "appos", "acl") and subject.head.i != subject.i:
            through_apposition = through_apposition or subject.dep_ == "appos"
            subject = subject.head
        after_comma = trigger.i > 0 and trigger.nbor(-1).text == ","
        if trigger.tag_ == "VBD" or (trigger.tag_ == "VBN" and through_apposition and after_comma):
            found = [subject]
    return _without_datelines(found)


def _without_datelines(subjects: list[Token]) -> list[Token]:
    """Subjects with a dateline the parser took for one dropped ("Zenda, May 8 (RNA).- The Front
    reiterated") or replaced by the name it set beside it ("Zenda City, 14 March — The X Forum called")."""
    kept = []
    for subject in subjects:
        if not _is_dateline(subject):
            kept.append(subject)
            continue
        kept += [
            c for c in subject.children
            if c.dep_ == "appos" and c.ent_type_ not in ("DATE", "TIME") and not _bracketed(c)
        ]
    return kept or subjects


def _is_dateline(token: Token) -> bool:
    """"Zenda, May 8 (RNA).- The Front reiterated ...": the place a story was filed from, which the
    parser may make a second subject, opens its line and is followed by a date or a credit."""
    line_start = token.left_edge.idx == 0 or token.doc.text[token.left_edge.idx - 1] == "\n"
    following = token.doc[token.i + 1 : token.i + 5]
    return line_start and any(t.ent_type_ == "DATE" or t.text in ("(", "-", "\u2014", "\u2013") for t in following)


def _new(trigger: Token, actor: ActorRef | None, target: ActorRef | None) -> Extraction:
    return Extraction(kind=DEMAND, sentence=_sentence_span(trigger), cue=_cue(trigger), actor=actor, target=target)


def _finished(extractions: list[Extraction], trigger: Token, disc: Discourse) -> list[Extraction]:
    """Fill in the missing target, the parties' acting roles and the stance; drop demands of no one by no one."""
    kept = []
    stance = stance_of(trigger, disc)
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
        if extraction.actor is None and extraction.target is None:
            continue  # "to seek agreements": no one asks anything of anyone we can name
        extraction.actor, extraction.target = disc.party(extraction.actor), disc.party(extraction.target)
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


def _renewed_by_its_maker(trigger: Token, extraction: Extraction, origins: list[ActorRef], disc: Discourse) -> bool:
    """A demand noun that is the object of a verb of making it ("renewed its call", "reiterated
    its demand"), credited to no one but its own maker."""
    return (
        trigger.dep_ == "dobj"
        and trigger.head.lemma_.lower() in MAKING_VERBS
        and bool(origins)
        and all(_same_party(origin, extraction.actor, disc) for origin in origins)
    )


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
        if mention.start >= trigger.idx or mention.label not in ("ORG", "GPE"):
            continue
        ref = ActorRef(mention.text, mention.key, mention.label, mention.start, mention.end)
        if not any(_same_party(ref, other, disc) for other in excluded):
            return ref
    return None



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
        and c.i > trigger.i  # "X did something: it demanded that ...": what comes before is not asked for
    ]


def _object_infinitive(trigger: Token, obj: Token | None, lemma: str) -> tuple[str, Token] | None:
    clauses = _clauses(trigger)
    infinitives = [c for c in clauses if any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)]
    # "wants Sylvania, which ..., to restore trust": the to-infinitive is the demanded act even when
    # the parser hung the object on a clause of its own.
    for child in infinitives + [c for c in clauses if c not in infinitives]:
        if lemma in INFINITIVE_ONLY and child not in infinitives:
            continue  # "told reporters he would ...": no command without "to"
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
    # "pressing Acme for data": the parser may hang the "for"-phrase on the named party pressed.
    obj = _child(trigger, "dobj")
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
            if prep.lower_ == "on":
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
    if obj.pos_ == "PROPN" and not predicates.is_known_noun(obj):
        return None  # "pressed the capital" alone names a target, not a demand
    if obj.pos_ == "NOUN" and lemma != "demand" and _names_party(obj):
        return None  # "presses Freedonia's army": the army is to act, it is not the thing asked for
    if lemma in STRONG_TRIGGERS or predicates.is_known_noun(obj) or _is_quoted(obj):
        return "noun", obj
    if lemma in GIVEN_THING_TRIGGERS and (
        _prep(trigger, "from") is not None or _prep(obj, "from") is not None or _is_amount(obj)
    ):
        return "noun", obj
    return None


def _names_party(noun: Token) -> bool:
    """A common noun heading a party: "Freedonia's army", "the government", "UN agencies"."""
    owned = any(c.dep_ in ("poss", "compound") and c.ent_type_ in ("GPE", "ORG", "NORP") for c in noun.children)
    return owned and not predicates.is_known_noun(noun)


def _is_amount(token: Token) -> bool:
    """"$612 million", "an 8% pay rise": a sum or a rate is a thing one party asks of another."""
    if token.ent_type_ in ("MONEY", "PERCENT"):
        return True
    return any(t.ent_type_ in ("MONEY", "PERCENT") for t in token.lefts for t in t.subtree)


# -- coordinated objects -------------------------------------------------


def coordinated_demands(noun: Token, disc: Discourse) -> list[Token]:
    """The demanded things one trigger takes: "price caps and compensation" -> caps, compensation.

    The small model sometimes hangs the second thing on the first one's "from"-phrase
    ("an 8% rise from X and the reinstatement of Y"); a common noun there is a demand too.
    """
    nouns = [noun] + [c for c in noun.conjuncts if _may_be_demanded(c, disc)]
    source = _prep(noun, "from")
    pobj = _child(source, "pobj") if source is not None else None
    if pobj is not None:
        nouns += [c for c in pobj.conjuncts if c.pos_ == "NOUN" and _may_be_demanded(c, disc)]
    return sorted({n.i: n for n in nouns}.values(), key=lambda n: n.i)


def _may_be_demanded(token: Token, disc: Discourse) -> bool:
    if token.pos_ not in ("NOUN", "PROPN") or token.ent_type_ in ("DATE", "TIME"):
        return False
    if token.pos_ == "PROPN" and not predicates.is_known_noun(token):
        return False
    return disc.ref(token) is None  # "from Sylvania and Freedonia": parties, not things


def _agent_in(noun: Token, disc: Discourse) -> ActorRef | None:
    """"the reinstatement of workers dismissed by the authority": who did it must undo it."""
    for token in noun.subtree:
        if token.dep_ == "agent":
            pobj = _child(token, "pobj")
            ref = party_ref(pobj, disc)
            if ref is not None and ref.label in ("GPE", *_BODY_LABELS):
                return ref
    return None


# -- the demand as a noun -----------------------------------------------


def nominal_demands(noun: Token, disc: Discourse) -> list[Extraction]:
    """"Sylvania's demand that the EU stop ...", "the call by X on Y to keep ...", "renewed its demand that ..."."""
    actor = _maker_of(noun, disc)
    complement = _noun_complement(noun)
    if actor is None or complement is None:
        return []
    kind, action = complement
    by = _child(_prep(noun, "by"), "pobj")
    # "the call by X on Y to ...": the parser may hang "on Y" on X.
    on = _prep(noun, "on") or (_prep(by, "on") if by is not None else None)
    on_target = party_ref(_child(on, "pobj"), disc) if on is not None else None
    if kind == "linear":
        extraction = _linear_reading(noun, action, actor, disc)
        return [] if extraction is None else _finished([extraction], noun, disc)
    if kind in ("clause", "infinitive"):
        target = on_target or party_ref(subject_of(action) if kind == "clause" else _own_subject(action), disc)
        extraction = _new(noun, actor, target)
        _fill_from_verb(extraction, action, disc)
        extraction.cue = noun.lemma_.lower()
        return _finished([extraction], noun, disc)
    nouns = coordinated_demands(action, disc)
    found = []
    for thing in nouns:
        extraction = _new(noun, actor, _from_phrase(thing, disc) or on_target or _from_phrase(noun, disc))
        _fill_from_noun(extraction, thing, disc, others=nouns)
        extraction.cue = noun.lemma_.lower()
        found.append(extraction)
    return _finished(found, noun, disc)


def _maker_of(noun: Token, disc: Discourse) -> ActorRef | None:
    """Who makes a nominal demand: its owner ("Sylvania's demand"), its "by"-phrase, or the
    subject of a verb of making ("renewed the demand")."""
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
    return None


def _noun_complement(noun: Token) -> tuple[str, Token] | None:
    """What a demand noun asks for: a that-clause, a to-infinitive or a "for"-phrase."""
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp") and child.pos_ in ("VERB", "AUX"):
            if any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children):
                return "clause", child
            if any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                return "infinitive", child
    follower = noun.doc[noun.right_edge.i + 1] if noun.right_edge.i + 1 < noun.sent.end else None
    if follower is not None and follower.lower_ == "that":
        head = follower.head
        if follower.dep_ == "mark" and head.pos_ in ("VERB", "AUX") and head.i > follower.i:
            return "clause", head
        return "linear", follower  # the parser broke the clause: read it in word order
    if follower is not None and follower.lower_ == "to" and follower.dep_ == "aux" and follower.head.pos_ == "VERB":
        return "infinitive", follower.head
    # "renewed its call for a ceasefire"; but "the UN's demand for a corridor" alone only refers
    # back to a demand reported elsewhere.
    for_ = _prep(noun, "for")
    pobj = _child(for_, "pobj") if for_ is not None else None
    made = noun.dep_ == "dobj" and noun.head.lemma_.lower() in MAKING_VERBS
    if made and pobj is not None and pobj.pos_ == "NOUN" and pobj.ent_type_ not in ("DATE", "TIME"):
        return "noun", pobj
    return None


def _opens_quotation(clause: Token) -> bool:
    first = clause.left_edge
    return first.i > 0 and first.nbor(-1).text in ('"', "\u201c", "'", "\u2018")


def _own_subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


# -- an obligation in reported speech -------------------------------------


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


# -- a that-clause the parser broke -------------------------------------

# Triggers that take "that" + a bare infinitive ("demanded that Zenda extradite X").
_MANDATIVE_TRIGGERS = frozenset({"demand", "request", "insist", "ask", "urge", "require", "petition"})
_MODALS = frozenset({"should", "must", "shall", "will", "would", "to"})
_CLAUSE_ENDS = frozenset({",", ";", ".", ":", "!", "?", "—", "–"})


def _linear_that_clause(trigger: Token, subjects: list[Token | None], disc: Discourse) -> Extraction | None:
    """"demanding that Argentina extradite Carlos Mendez" when the parser made "extradite" an adjective:
    read the clause in word order: party, (modal), base-form verb, object."""
    if trigger.lemma_.lower() not in _MANDATIVE_TRIGGERS:
        return None
    that = _that_after(trigger)
    if that is None:
        return None
    extraction = _linear_reading(trigger, that, party_ref_any([s for s in subjects if s is not None], disc), disc)
    if extraction is None:
        return None
    found = _finished([extraction], trigger, disc)
    return found[0] if found else None


def _linear_reading(trigger: Token, that: Token, actor: ActorRef | None, disc: Discourse) -> Extraction | None:
    """The demand in "that <party> (modal) <base-form verb> <object>", read word by word."""
    clause = _clause_tokens(that)
    for position, token in enumerate(clause[1:], start=1):
        predicate = predicates.base_form_predicate(token)
        if not predicate:
            continue
        before = [t for t in clause[:position] if t.lower_ not in _MODALS]
        target = next((ref for ref in (party_ref(t, disc) for t in before) if ref is not None), None)
        if target is None:
            return None
        after = clause[position + 1 :]
        extraction = _new(trigger, actor, target)
        extraction.about = next((ref for ref in (disc.ref(t) for t in after) if ref is not None), None)
        extraction.predicate = predicate
        start, end = clause[0].idx, clause[-1].idx + len(clause[-1].text)
        extraction.content = TextSpan(start, end, trigger.doc.text[start:end])
        extraction.terms = _terms(after)
        return extraction
    return None


def _that_after(trigger: Token) -> Token | None:
    """The "that" opening a clause right after a trigger ("demanded on Tuesday that ...")."""
    sent = trigger.sent
    index = trigger.i + 1
    # A short adjunct may come between.
    while index < sent.end and index - trigger.i <= 4 and trigger.doc[index].lower_ != "that":
        if trigger.doc[index].text in _CLAUSE_ENDS:
            return None
        index += 1
    if index >= sent.end or trigger.doc[index].lower_ != "that":
        return None
    return trigger.doc[index]


def _clause_tokens(that: Token) -> list[Token]:
    """The words of "that ..." up to the clause's end, "that" first."""
    tokens = [that]
    for token in that.doc[that.i + 1 : that.sent.end]:
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
    """"compensation from Zenda" -> the capital's actor."""
    prep = _prep(token, "from")
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


# -- who a description names --------------------------------------------

# Nouns for a state's executive: "urged the government to ...", "pressing the authorities".
_GOVERNMENT_NOUNS = frozenset({"government", "authorities", "administration", "regime", "cabinet", "executive"})


def party_ref(token: Token | None, disc: Discourse) -> ActorRef | None:
    """The actor a demand's subject or object denotes, reading descriptions the discourse layer leaves open."""
    if token is None:
        return None
    if token.pos_ == "NOUN":
        # "United Nations agencies": the body named inside the phrase beats any guess from further off.
        named = _named_in_modifier(token, disc) or _armed_forces_named(token, disc)
        if named is not None:
            return ActorRef(token.text, named.key, named.label, token.idx, token.idx + len(token.text))
    return disc.ref(token) or _described_party(token, disc)


def party_ref_any(tokens: list[Token], disc: Discourse) -> ActorRef | None:
    for token in tokens:
        found = party_ref(token, disc)
        if found is not None:
            return found
    return None


def _described_party(token: Token, disc: Discourse) -> ActorRef | None:
    if token.pos_ == "PROPN":
        return _unrecognised_name(token, disc)
    if token.pos_ != "NOUN":
        return None
    found = (
        _named_in_modifier(token, disc)
        or _leader_of_group(token, disc)
        or _government_of(token, disc)
        or _group_of_member(token, disc)
        or _named_elsewhere(token, disc)
    )
    if found is None:
        return None
    return ActorRef(token.text, found.key, found.label, token.idx, token.idx + len(token.text))


# Entity types that never make or receive a demand.
_NOT_PARTIES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "LAW", "EVENT"})


def _unrecognised_name(token: Token, disc: Discourse) -> ActorRef | None:
    """A proper name the entity recogniser missed here ("Dokbond has called on ..."): the one
    who demands, or of whom it is demanded, is a party. The article's own key for the same
    words is used when it has one; otherwise the name stands as an organisation."""
    if token.ent_type_ in _NOT_PARTIES or not token.text[:1].isupper() or len(token.text) < 2:
        return None
    if token.text.isupper() and len(token.text) > 6:
        return None  # a word of an upper-case headline, not an acronym
    words = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [token]
    start, end = words[0].idx, token.idx + len(token.text)
    name = token.doc.text[start:end]
    if name.isupper() and (start == 0 or token.doc.text[start - 1] == "\n"):
        return None  # "PORT SUDAN, May 20 (Reuters) -": a dateline, where the story was filed
    for mention in disc.actors.mentions:
        if mention.text == name or mention.key == name:
            return ActorRef(name, mention.key, mention.label, start, end)
    return ActorRef(name, name, "ORG", start, end)


def _named_in_modifier(token: Token, disc: Discourse) -> ActorRef | None:
    """"UN agencies", "the Dokbond union": a body named in the noun's modifier acts through it."""
    # Nearest modifier first; a bracketed one is a dateline's credit ("(Reuters) - UN agencies").
    for child in sorted(token.lefts, key=lambda c: -c.i):
        if child.dep_ not in ("compound", "nmod") or child.pos_ != "PROPN" or _bracketed(child):
            continue
        found = disc.actors.ref_for(child) or (_unrecognised_name(child, disc) if child.dep_ == "compound" else None)
        if found is not None and found.label in ("ORG", "GPE"):
            return found
    return None


_MILITARY_NOUNS = frozenset({"army", "military"})
_ARMED_FORCES_WORDS = ("armed forces", "army", "military", "defence forces", "defense forces")


def _armed_forces_named(token: Token, disc: Discourse) -> ActorRef | None:
    """"the Freedonian army" when the article names "the Freedonian Armed Forces": the force, not the state."""
    if token.lemma_.lower() not in _MILITARY_NOUNS:
        return None
    qualifiers = {c.lower_ for c in token.children if c.dep_ in ("amod", "compound", "poss")}
    forces = {
        mention.key: mention for mention in disc.actors.mentions
        if mention.label == "ORG" and any(w in mention.key.lower() for w in _ARMED_FORCES_WORDS)
    }
    if qualifiers:
        forces = {key: m for key, m in forces.items() if key.lower().split()[0] in qualifiers}
    # "the army" alone: the one armed force the article names, if it names only one.
    if len(forces) != 1:
        return None
    mention = next(iter(forces.values()))
    return ActorRef(mention.text, mention.key, mention.label, mention.start, mention.end)


def _bracketed(token: Token) -> bool:
    return (token.i > 0 and token.nbor(-1).text == "(") or any(c.text == "(" for c in token.lefts)


def _leader_of_group(token: Token, disc: Discourse) -> ActorRef | None:
    """"patient groups, led by the X Forum": the named leader speaks for the coalition."""
    for child in token.children:
        if child.dep_ != "acl":
            continue
        lemma = child.lemma_.lower()
        if lemma in ("lead", "head", "spearhead", "represent"):
            found = party_ref(agent_of(child), disc)
        elif lemma in ("organize", "organise", "group", "unite", "gather"):
            # "relatives of the soldiers, organised in an association known as X"
            place = _prep(child, "in")
            found = party_ref(_child(place, "pobj"), disc) if place is not None else None
        elif lemma in ("know", "call", "name"):
            # "an association known as X"
            as_ = _prep(child, "as")
            name = _child(as_, "pobj") if as_ is not None else _child(child, "oprd")
            found = party_ref(name, disc)
        else:
            continue
        if found is not None and found.label in ("ORG", "GPE"):
            return found
    return None


_GROUP_NOUNS = frozenset({
    "group", "organisation", "organization", "union", "association", "party", "movement",
    "coalition", "forum", "network", "federation", "campaign", "alliance",
})


def _group_of_member(token: Token, disc: Discourse) -> ActorRef | None:
    """"her group", "his union": the organisation the article names the person as belonging to
    ("X, convenor of the Y Forum", "Y chairman X")."""
    if token.lemma_.lower() not in _GROUP_NOUNS:
        return None
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    person = disc.ref(owner) if owner is not None else None
    if person is None or person.label != "PERSON":
        return None
    for mention in disc.actors.mentions:
        if mention.key != person.key:
            continue
        span = token.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        found = _organisation_beside(span.root, disc)
        if found is not None:
            return found
    return None


def _organisation_beside(name: Token, disc: Discourse) -> ActorRef | None:
    """The organisation in a person's title: "X, convenor of Y", "Y chairman X"."""
    for role in name.children:
        if role.dep_ == "appos":
            for prep in role.children:
                if prep.dep_ == "prep" and prep.lower_ in ("of", "at", "for"):
                    found = party_ref(_child(prep, "pobj"), disc)
                    if found is not None and found.label in _BODY_LABELS:
                        return found
        if role.dep_ == "compound" and role.pos_ == "NOUN":
            for owner in role.children:
                if owner.dep_ == "compound" and owner.pos_ == "PROPN":
                    found = disc.actors.ref_for(owner) or _unrecognised_name(owner, disc)
                    if found is not None and found.label in _BODY_LABELS:
                        return found
    return None


def _government_of(token: Token, disc: Discourse) -> ActorRef | None:
    """"the government" with no owner named: the state the article names most as a party (acting,
    owning or qualifying, not as the place where something happens), whose story it is."""
    if token.lemma_.lower() not in _GOVERNMENT_NOUNS and token.lower_ not in _GOVERNMENT_NOUNS:
        return None
    if any(c.dep_ in ("poss", "compound", "amod", "nmod") for c in token.children) or _prep(token, "of") is not None:
        return None
    states: Counter = Counter()
    for mention in disc.actors.mentions:
        if mention.label not in ("GPE", "NORP"):
            continue
        ref = ActorRef(mention.text, mention.key, mention.label, mention.start, mention.end)
        span = token.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        where = span.root if span is not None else None
        # "talks in Zenda" names a venue; "Zenda said", "Freedonian troops" name a party.
        venue = where is not None and where.dep_ == "pobj" and where.head.lower_ in _PLACE_PREPOSITIONS
        states[disc.state_or_key(disc.party(ref))] += 0.25 if venue else 1
    if not states:
        return None
    key, _ = states.most_common(1)[0]
    return ActorRef(key, key, "GPE", token.idx, token.idx + len(token.text))


# Nouns a story uses for a body instead of its name: "the country's competition watchdog".
_GENERIC_BODY_NOUNS = frozenset({"watchdog", "regulator", "agency", "body", "authority", "commission"})

# Labels the small model gives a named body ("Port of X Authority" comes out ORG, FAC or LOC).
_BODY_LABELS = ("ORG", "FAC", "LOC")

_PLACE_PREPOSITIONS = frozenset({"in", "at", "to", "from", "near", "into", "across", "through", "inside", "outside"})


def _named_elsewhere(token: Token, disc: Discourse) -> ActorRef | None:
    """"the union", "the commission": the organisation the article calls by that noun elsewhere,
    whether its name holds the noun ("the Sylvanian Commission") or stands beside it
    ("the Dokbond union", "Dokbond, the dockworkers' union")."""
    if token.tag_ != "NN" or not any(c.dep_ in ("det", "poss") for c in token.children):
        return None
    if any(c.dep_ == "amod" for c in token.children):
        return None
    noun = token.lower_
    # "the port authority" -> "Port of Zenda Authority": every word of the description is in the name.
    modifiers = {c.lower_ for c in token.children if c.dep_ == "compound"}
    words = modifiers | {noun}
    # "Freedonia's competition watchdog" -> "Competition Commission of Freedonia": a generic noun for
    # a body need not be in its name when the owner and the field are.
    owner = {c.lower_ for c in token.children if c.dep_ == "poss" and c.pos_ == "PROPN"}
    if noun in _GENERIC_BODY_NOUNS and owner and modifiers:
        words = modifiers | owner
    named = [
        m for m in disc.actors.mentions
        if m.label in _BODY_LABELS and any(
            _words_in_name(words, name) and len(name.split()) > 1 for name in (m.key, m.text)
        )
    ]
    if not named and len(words) == 1:
        named = _organisations_called(noun, token, disc)
    if not named:
        return None
    # The nearest naming before the description, else the first after it.
    before = [m for m in named if m.start < token.idx]
    mention = before[-1] if before else min(named, key=lambda m: m.start)
    return ActorRef(mention.text, mention.key, mention.label, mention.start, mention.end)


def _words_in_name(words: set[str], name: str) -> bool:
    """Every word of a description in the name, a long word also as the end of a name word
    ("the athletics federation" -> "Sylvanian Athletics Confederation")."""
    name_words = name.lower().split()
    return all(any(name_word_holds(n, w) for n in name_words) for w in words)


def _organisations_called(noun: str, token: Token, disc: Discourse) -> list[Mention]:
    """Organisations set beside the same noun elsewhere in the article: "the Dokbond union",
    "the dockworkers' union Dokbond", "Dokbond, the union"."""
    found = []
    for other in token.doc:
        if other.i == token.i or other.lower_ != noun:
            continue
        beside = [c for c in other.children if c.dep_ in ("compound", "appos") and c.pos_ == "PROPN"]
        if other.dep_ in ("appos", "compound") and other.head.pos_ == "PROPN":
            beside.append(other.head)
        for word in beside:
            mention = disc.actors.mention_at(word)
            if mention is not None and mention.label in ("ORG", "GPE"):
                found.append(mention)
                continue
            ref = _unrecognised_name(word, disc)
            if ref is not None and ref.label in ("ORG", "GPE"):  # a person is never "the union"
                found.append(Mention(ref.text, ref.key, ref.label, ref.start, ref.end, 0, 0))
    return sorted(found, key=lambda m: m.start)


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
    return _terms(token.subtree)


def _terms(tokens) -> list[str]:
    terms = set()
    for t in tokens:
        if t.pos_ != "NOUN" or t.is_stop or t.ent_type_:
            continue
        lemma = t.lemma_.lower()
        if t.lower_ == "bases":  # the small model lemmatises "bases" to "basis"
            lemma = "base"
        if lemma not in _LIGHT_NOUNS and lemma.isalpha():
            terms.add(lemma)
    return sorted(terms)


def _child(token: Token | None, dep: str) -> Token | None:
    if token is None:
        return None
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
    return _tokens_span(list(token.subtree), token)


def _tokens_span(tokens: list[Token], token: Token) -> TextSpan:
    tokens = [t for t in tokens if not t.is_space]
    while tokens and tokens[-1].is_punct and tokens[-1].text not in ('"', "\u201d", ")", "]"):
        tokens.pop()
    if not tokens:
        return TextSpan(token.idx, token.idx + len(token.text), token.text)
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return TextSpan(start, end, token.doc.text[start:end])

"""Responses: "no comment" statements and the demand a response answers.

"declined to comment", "has not confirmed or denied", "did not respond" make a
statement with the NO_COMMENT stance (``no_comment_from``); a response or denial
is pointed at the demand it answers, with that demand's predicate and object
(``fill_discussed_demand``). A party a demand is made of that answers it
in the negative ("We owe nothing", "X says it owes nothing") denies it
(``denials_by_the_target``); so does anyone who says the act asked for will not be
done ("The bill will not be withdrawn" after a demand that it be withdrawn), or who says
in a reported clause that they reject or contest something ("said it rejects the
penalty") (``denials_in_own_words``).
"""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from . import predicates
from .demand_parties import party_ref_any
from .discourse import Discourse, is_negated, subjects_of
from .quotations import sentence_span, subtree_span
from .speakers import speaker_of
from .stance import DENY_VERBS, stance_of
from .types import ATTRIBUTED, DEMAND, DENIED, NO_COMMENT, STATEMENT, ActorRef, Extraction
from .types import Span as TextSpan


# Verbs whose negation means "no comment": "has not confirmed", "did not respond".
NO_COMMENT_VERBS = frozenset({"comment", "confirm", "respond", "reply", "answer", "elaborate", "discuss", "reach"})
# "declined to comment", "refused to say".
REFUSING_VERBS = frozenset({"decline", "refuse", "fail"})
REFUSED_SPEECH = frozenset({"comment", "confirm", "say", "discuss", "elaborate", "respond", "answer", "speak", "reply"})
# Nouns that name a demand being discussed: "the request from X to hand over Y".
DEMAND_NOUNS = frozenset({"request", "demand", "call", "appeal", "plea", "ultimatum", "requirement", "condition"})


# Objects that negate a whole answer: "we owe nothing", "they did none of it".
NEGATING_OBJECTS = frozenset({"nothing", "none"})


def _asks_for_comment(noun: Token) -> bool:
    """"a request for comment" is a reporter's question, not the demand the story is about."""
    return any(
        child.dep_ == "prep" and child.lower_ == "for"
        and any(g.lemma_.lower() in REFUSED_SPEECH for g in child.children)
        for child in noun.children
    )


def names_a_demand(content: TextSpan, cue: Token) -> bool:
    span = cue.doc.char_span(content.start, content.end, alignment_mode="expand")
    return span is not None and any(t.lemma_.lower() in DEMAND_NOUNS for t in span)


def is_no_comment(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if lemma in REFUSING_VERBS:
        return any(c.dep_ == "xcomp" and c.lemma_.lower() in REFUSED_SPEECH for c in token.children)
    if lemma in NO_COMMENT_VERBS and is_negated(token):
        return lemma != "reach" or any(c.dep_ == "prep" and c.lower_ == "for" for c in token.children)
    if lemma in _SAYING_NOTHING_VERBS:
        # "has said nothing at all", "said nothing publicly": silence, not an answer.
        return _says_nothing(token)
    return False


def _says_nothing(token: Token) -> bool:
    return any(c.dep_ == "dobj" and c.lower_ == "nothing" for c in token.children)


# Verbs that say nothing with "nothing" as their object: "has said nothing", "revealed nothing".
_SAYING_NOTHING_VERBS = frozenset({"say", "comment", "reveal", "disclose"})


def no_comment_from(token: Token, disc: Discourse, quotes: list[tuple[int, int]]) -> Extraction | None:
    # Whoever declines is found as a speaker is: "the minister" as the person last named with the
    # title, "a ministry spokeswoman" as an anonymous source of the ministry, a pronoun by its antecedent.
    actor = _speaker_of_subject(token, disc, quotes)
    extraction = Extraction(
        kind=STATEMENT,
        sentence=sentence_span(token.sent, None),
        actor=actor,
        cue=_no_comment_cue(token),
        content=subtree_span(token),
        stance=NO_COMMENT,
    )
    extraction.origins = stance_of(token, disc).origins
    fill_discussed_demand(extraction, token.sent, disc)
    return extraction


def _speaker_of_subject(verb: Token, disc: Discourse, quotes: list[tuple[int, int]]) -> ActorRef | None:
    subjects = subjects_of(verb)
    return disc.party(speaker_of(subjects[0], subjects, disc, quotes, [])) if subjects else None


def _no_comment_cue(token: Token) -> str:
    xcomp = next((c for c in token.children if c.dep_ == "xcomp"), None)
    if xcomp is not None:
        return f"{token.lemma_.lower()} to {xcomp.lemma_.lower()}"
    if _says_nothing(token):
        return f"{token.lemma_.lower()} nothing"
    return f"not {token.lemma_.lower()}"


def fill_discussed_demand(extraction: Extraction, sent: Span, disc: Discourse) -> None:
    """Point a response at the demand it answers: "declined to comment on the request ... to hand over Z"."""
    for noun in sent:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in DEMAND_NOUNS:
            continue
        for child in noun.children:
            if child.dep_ in ("acl", "relcl") and child.pos_ == "VERB" and predicates.is_known_verb(child):
                extraction.predicate = predicates.normalise_verb(child)
                obj = next((c for c in child.children if c.dep_ == "dobj"), None)
                extraction.about = disc.ref(obj) if obj is not None else None
                break
        if extraction.predicate:
            break
    earlier = [e for e in disc.extractions if e.kind == DEMAND and e.sentence.start < sent.start_char]
    # The response names the demand ("the request was made"): borrow what the article said it was.
    match = next(
        (e for e in reversed(earlier) if extraction.about is not None and e.about is not None
         and e.about.key == extraction.about.key),
        None,
    )
    if match is None and not extraction.predicate and earlier and any(
        t.lemma_.lower() in DEMAND_NOUNS and not _asks_for_comment(t) for t in sent
    ):
        match = earlier[-1]
    if match is not None:
        extraction.predicate = match.predicate
        extraction.about = extraction.about or match.about
        extraction.target = match.actor
        extraction.terms = list(match.terms)


# Verbs that turn a demand down with no words of their own: "X has refused", "which the minister
# has ruled out" (with "out"), "X flatly denies it".
_TURNING_DOWN_VERBS = frozenset({"refuse", "reject", "deny", "dismiss", "rebuff", "rule"})
# Objects that only point back at what was asked: "rejected it", "which ... has ruled out".
_POINTING_BACK = frozenset({"it", "this", "that", "them", "which", "so"})


def bare_refusals(sent: Span, disc: Discourse, earlier: list[Extraction]) -> list[Extraction]:
    """ "The union called on Ellory to commission a review. Ellory has refused.", "... asked for a
    review, which the minister has ruled out": a party a demand was made of turning it down in so
    many words denies that demand. With no demand of that party before it, it says nothing."""
    found = []
    for token in sent:
        if not _turns_down_bare(token):
            continue
        party = _speaker_of_subject(token, disc, [])
        if party is None:
            continue
        asked = next(
            (e for e in reversed(earlier) if e.kind == DEMAND and e.target is not None and e.target.key == party.key),
            None,
        )
        if asked is None:
            continue
        found.append(Extraction(
            kind=STATEMENT, sentence=sentence_span(sent, None), actor=party, target=asked.actor,
            about=asked.about, predicate=asked.predicate, content=subtree_span(token),
            cue=token.lemma_.lower(), negated=True, stance=DENIED, terms=list(asked.terms),
        ))
    return found


def _turns_down_bare(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if token.pos_ != "VERB" or lemma not in _TURNING_DOWN_VERBS or is_negated(token):
        return False
    if lemma == "rule" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children):
        return False
    for child in token.children:
        if child.dep_ in ("xcomp", "ccomp"):
            return False  # "refused to extradite", "denied that ...": read by their own rules
        if child.dep_ == "dobj" and child.lower_ not in _POINTING_BACK:
            return False  # "rejected calls for a review": a statement with content of its own
    return True


def denials_by_the_target(disc: Discourse) -> None:
    """A statement by the party a demand in the article is made of (or by someone acting for it)
    whose words are a flat negative ("We owe nothing.", "X says it owes nothing") denies the
    demand: the outlet reports a rejection, not only a quotation. Only the first clause counts:
    "we have paid every bill, but we will not ..." is an answer with a refusal inside it, not a
    denial of the demand."""
    asked = {e.target.key for e in disc.extractions if e.kind == DEMAND and e.target is not None}
    if not asked:
        return
    for extraction in disc.extractions:
        if extraction.kind != STATEMENT or extraction.stance != ATTRIBUTED or extraction.actor is None:
            continue
        sides = _speaks_for(extraction.actor.key, disc)
        if extraction.content is None or not sides & asked:
            continue
        stance = _negative_stance(extraction, disc, opening_no=False)
        if stance == DENIED and not _turns_down_what_it_was_asked(extraction, disc, sides):
            continue
        extraction.stance = stance or extraction.stance


def _turns_down_what_it_was_asked(extraction: Extraction, disc: Discourse, sides: set[str]) -> bool:
    """Whether a flat negative in the target's words is about the target and what it was asked:
    "We owe nothing", "That is false", "We will not pay", "There will be no exemptions" (asked for
    an exemption); not "there is no evidence of harm" beside a demand to recall a drug, nor "Y has
    still not handed over the data" (another party's failing, not the speaker's refusal)."""
    span = _content_span(extraction, disc)
    clause = _first_clause_verb(span) if span is not None else None
    if clause is None:
        return True
    # A pronoun subject is the speaker's own ("it would not", "we owe"); a named one must be its side.
    named = [t for t in subjects_of(clause) if t.pos_ != "PRON"]
    subject = party_ref_any(named, disc)
    if subject is not None and subject.key not in sides:
        return False
    flat = [c for c in clause.children if c.lower_ in NEGATING_OBJECTS or (
        c.dep_ == "acomp" and c.lower_ in FALSITY_WORDS)]
    objects = [c for c in clause.children if c.dep_ in ("dobj", "attr")]
    if flat or _ruled_out(clause) or (is_negated(clause) and all(o.pos_ == "PRON" for o in objects)):
        return True
    words = {t.lemma_.lower() for t in clause.subtree if t.pos_ in ("NOUN", "VERB", "PROPN") and not t.is_stop}
    demanded = set()
    for demand in disc.extractions:
        if demand.kind == DEMAND and demand.target is not None and demand.target.key in sides:
            demanded |= {term.lower() for term in demand.terms} | set(demand.predicate.lower().split())
    return bool(words & demanded)


def _speaks_for(key: str, disc: Discourse) -> set[str]:
    """The speaker and whatever it acts for, through bodies that act for others: "X, the head of
    Kyrgyzstan's Water Resources Service" speaks for the service and, through it, for Kyrgyzstan."""
    sides, frontier = {key}, [key]
    while frontier:
        member = frontier.pop()
        for affiliation in disc.actors.affiliations:
            if affiliation.member == member and affiliation.state not in sides:
                sides.add(affiliation.state)
                frontier.append(affiliation.state)
    return sides


def _flat_negative(content: TextSpan, disc: Discourse) -> bool:
    span = disc.doc.char_span(content.start, content.end, alignment_mode="expand")
    if span is None:
        return False
    clause = _first_clause_verb(span)
    if clause is None:
        return False
    return is_negated(clause) or any(_negates_the_clause(c) for c in clause.children) or _ruled_out(clause)


# Idioms that rule a thing out: "12% is out of the question", "the ban is off the table".
_RULED_OUT = re.compile(r"\b(?:out of the question|off the table|non-negotiable)\b", re.IGNORECASE)


def _ruled_out(clause: Token) -> bool:
    """"12% is out of the question", "the ban is non-negotiable": the first clause's verb of being
    says the thing is ruled out."""
    if clause.lemma_.lower() not in ("be", "remain", "stay"):
        return False
    complements = [c for c in clause.children if c.i > clause.i and c.dep_ in ("prep", "acomp", "attr", "advmod")]
    if not complements:
        return False
    # "non-negotiable" may come as three complements: read them as one stretch of text.
    stretch = clause.doc[min(c.left_edge.i for c in complements) : max(c.right_edge.i for c in complements) + 1]
    return _RULED_OUT.search(stretch.text) is not None


# Predicates that call what was said untrue: "That is false", "The report is baseless".
FALSITY_WORDS = frozenset({"false", "untrue", "wrong", "baseless", "unfounded", "groundless", "incorrect"})


def _negates_the_clause(child: Token) -> bool:
    """"we owe nothing", "there will be no exemptions", "that is false". Not "no" on the subject:
    "no jobs will be lost" reassures rather than turns anything down."""
    if child.dep_ in ("dobj", "attr"):
        return child.lower_ in NEGATING_OBJECTS or any(d.dep_ == "det" and d.lower_ == "no" for d in child.children)
    return child.dep_ == "acomp" and child.lower_ in FALSITY_WORDS


def denials_in_answers(disc: Discourse) -> None:
    """An interview answer that opens with a flat negative denies what the question put to the
    interviewee: "Q: Seoul's main request is an exemption. Will you grant it? A: No. There will
    be no exemptions.", "A: That is false.", "A: The bill will not be withdrawn." One that opens
    by declining to speak ("I cannot comment on that", "I am not going to talk about that now")
    is no comment."""
    for extraction in disc.extractions:
        if extraction.cue != "answer" or extraction.stance != ATTRIBUTED or extraction.content is None:
            continue
        extraction.stance = _negative_stance(extraction, disc, opening_no=True) or extraction.stance


def _negative_stance(extraction: Extraction, disc: Discourse, *, opening_no: bool) -> str | None:
    """NO_COMMENT for words that decline to speak ("I won't comment on that"), DENIED for a flat
    negative ("We owe nothing", and with ``opening_no`` a bare "No." first), else None."""
    span = _content_span(extraction, disc)
    verb = _first_clause_verb(span) if span is not None else None
    if verb is not None and _declines_to_speak(verb):
        return NO_COMMENT
    if (opening_no and _opens_with_no(span)) or _flat_negative(extraction.content, disc):
        return DENIED
    return None


def _declines_to_speak(verb: Token) -> bool:
    if is_no_comment(verb):
        return True
    return is_negated(verb) and any(
        c.dep_ == "xcomp" and c.lemma_.lower() in REFUSED_SPEECH | {"talk"} for c in verb.children
    )


def _opens_with_no(span: Span | None) -> bool:
    """ "No." or "No, ..." as the answer's first word."""
    return span is not None and len(span) >= 2 and span[0].lower_ == "no" and span[1].is_punct


def _first_clause_verb(span: Span) -> Token | None:
    """The verb of the first clause of what was said: the first token the span's own parse
    hangs everything on, going down through "said (that) ..." and "says it ..."."""
    roots = [t for t in span if t.head.i == t.i or not span.start <= t.head.i < span.end]
    verb = next((t for t in roots if t.pos_ in ("VERB", "AUX")), None)
    return verb


def denials_in_own_words(disc: Discourse) -> None:
    """A statement whose own words turn something down is a denial, whoever the article made the
    demand of:

    - "Zenda Corp said it rejects the penalty", 'said it "firmly contests" the decision': the
      first verb of what was said is a verb of denial, with the speaker (or no one) as subject;
    - "The bill will not be withdrawn", "I am not going to commission another one": the first
      verb of what was said is the very act another party demanded in the article, negated. The
      statement then answers that demand and is filed as its response.
    """
    demands = [e for e in disc.extractions if e.kind == DEMAND and e.actor is not None and e.predicate]
    for extraction in disc.extractions:
        if extraction.kind != STATEMENT or extraction.stance != ATTRIBUTED or extraction.actor is None:
            continue
        span = _content_span(extraction, disc)
        verb = _first_clause_verb(span) if span is not None else None
        if verb is None and span is not None:
            verb = span.root  # a quoted fragment: 'said it "firmly contests" the decision'
        if verb is None:
            continue
        if _turns_down_in_own_voice(verb):
            extraction.stance = DENIED
            continue
        answered = _demand_refused(verb, extraction, demands, disc)
        if answered is not None:
            extraction.stance = DENIED
            extraction.target = extraction.target or answered.actor
            extraction.predicate = answered.predicate
            extraction.about = extraction.about or answered.about
            extraction.terms = list(answered.terms)


def _content_span(extraction: Extraction, disc: Discourse) -> Span | None:
    content = extraction.content
    return disc.doc.char_span(content.start, content.end, alignment_mode="expand") if content else None


# Subjects that leave a verb of denial the speaker's own: "it rejects", "we contest".
_SPEAKER_SUBJECTS = frozenset({"i", "we", "it", "he", "she", "they"})


def _turns_down_in_own_voice(verb: Token) -> bool:
    # The tagger takes a quoted fragment's verb for a plural noun ('it "firmly contests"'); its
    # subject shows it is a verb.
    is_verb = verb.pos_ == "VERB" or any(c.dep_ == "nsubj" for c in verb.children)
    if not is_verb or verb.lemma_.lower() not in DENY_VERBS or is_negated(verb):
        return False
    subjects = subjects_of(verb)
    return not subjects or subjects[0].lower_ in _SPEAKER_SUBJECTS


def _demand_refused(
    verb: Token, statement: Extraction, demands: list[Extraction], disc: Discourse
) -> Extraction | None:
    """The demand of another party whose act the statement's first verb negates: "will not be
    withdrawn", "will not end the strike", "is not going to commission" (the act under "going").
    Not the demanding side's own words ("the union will not withdraw its demand")."""
    if not is_negated(verb):
        return None
    side = _speaks_for(statement.actor.key, disc)
    # The subject read as a demand's party would be ("the union" as the union in focus).
    subject = party_ref_any(subjects_of(verb), disc)
    if subject is not None:
        side |= _speaks_for(subject.key, disc)
    acts = {verb.lemma_.lower(), predicates.normalise_verb(verb)}
    acts |= {
        form for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"
        for form in (c.lemma_.lower(), predicates.normalise_verb(c))
    }
    return next(
        (d for d in demands if d.predicate in acts and d.actor.key not in side),
        None,
    )

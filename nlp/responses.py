"""Responses: "no comment" statements and the demand a response answers.

"declined to comment", "has not confirmed or denied", "did not respond" make a
statement with the NO_COMMENT stance (``no_comment_from``); a response or denial
is pointed at the demand it answers, with that demand's predicate and object
(``fill_discussed_demand``).
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from . import predicates
from .discourse import Discourse, is_negated, subjects_of
from .quotations import sentence_span, subtree_span
from .stance import stance_of
from .types import DEMAND, NO_COMMENT, STATEMENT, Extraction
from .types import Span as TextSpan


# Verbs whose negation means "no comment": "has not confirmed", "did not respond".
NO_COMMENT_VERBS = frozenset({"comment", "confirm", "respond", "reply", "answer", "elaborate", "discuss", "reach"})
# "declined to comment", "refused to say".
REFUSING_VERBS = frozenset({"decline", "refuse", "fail"})
REFUSED_SPEECH = frozenset({"comment", "confirm", "say", "discuss", "elaborate", "respond", "answer", "speak", "reply"})
# Nouns that name a demand being discussed: "the request from X to hand over Y".
DEMAND_NOUNS = frozenset({"request", "demand", "call", "appeal", "plea", "ultimatum", "requirement", "condition"})


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
    return False


def no_comment_from(token: Token, disc: Discourse) -> Extraction | None:
    actor = disc.party(disc.ref_any(subjects_of(token)))
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


def _no_comment_cue(token: Token) -> str:
    xcomp = next((c for c in token.children if c.dep_ == "xcomp"), None)
    if xcomp is not None:
        return f"{token.lemma_.lower()} to {xcomp.lemma_.lower()}"
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

"""Reported facts: something said to have happened that the outlet does not state as its own.

Events (events.py) know a few kinds of action; news also relays facts of any
kind at a distance, and that distance is what the stance records:

- a sourcing adverb on the verb: "X is reportedly considering moving ...",
  "X allegedly told Y ...", "a convoy was allegedly attacked ...";
- a report noun whose clause is the fact: "unconfirmed reports that five athletes
  returned positive tests", "denied reports that they failed tests", "blasted
  claims she failed a drugs test".

Each becomes a status extraction of the clause (its verb the predicate, its
subject the actor when one is named), with the stance read as for any other
extraction (stance.py): hedged, attributed to a named origin, or denied. A fact
the outlet states in its own voice is not read here, nor one another rule has
already taken (a demand, a statement, an event), nor a speech or demand verb.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from .demand_readers import content_terms
from .demand_words import DEMAND_VERBS
from .discourse import Discourse, agent_of, is_negated, subject_of
from .quotations import subtree_span
from .speech_words import CUE_VERBS
from .stance import stance_of
from .types import ASSERTED, STATUS, Extraction
from .types import Span as TextSpan

# Adverbs that put a fact at a distance by sourcing it elsewhere (not "probably": a guess is not a report).
SOURCING_ADVERBS = frozenset({"reportedly", "allegedly", "purportedly", "supposedly", "reputedly"})
# Nouns for an unattributed account whose clause is the fact reported.
REPORT_NOUNS = frozenset({
    "report", "reports", "claim", "claims", "allegation", "allegations", "rumour", "rumours",
    "rumor", "rumors", "suggestion", "suggestions", "speculation", "account", "accounts",
})
# Clause links from a report noun to its fact: "reports that X", "claims she failed".
_CLAUSE_DEPS = frozenset({"acl", "ccomp", "relcl"})


def find_reported_facts(sent: Span, disc: Discourse, found: list[Extraction]) -> list[Extraction]:
    """The facts ``sent`` reports at a distance that ``found`` (this sentence's extractions) does not hold."""
    facts = []
    for verb in _reported_verbs(sent):
        if _already_taken(verb, found + facts):
            continue
        fact = _fact(verb, disc)
        if fact is not None:
            facts.append(fact)
    return facts


def _reported_verbs(sent: Span) -> list[Token]:
    verbs = []
    for token in sent:
        if token.pos_ not in ("VERB", "AUX"):
            continue
        sourced = any(c.dep_ == "advmod" and c.lower_ in SOURCING_ADVERBS for c in token.children)
        reported = token.dep_ in _CLAUSE_DEPS and _is_report_noun(token.head)
        if (sourced or reported) and token.lemma_.lower() not in CUE_VERBS | DEMAND_VERBS:
            verbs.append(token)
    return verbs


def _is_report_noun(token: Token) -> bool:
    """"reports", "claims" used as a noun: tagged so, or in a noun's place ("slammed reports that",
    where the small model may tag "reports" a verb)."""
    return token.lower_ in REPORT_NOUNS and (
        token.pos_ == "NOUN" or token.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass", "attr")
    )


def _already_taken(verb: Token, found: list[Extraction]) -> bool:
    """Another extraction already holds this verb in its content, or an event of this sentence was
    read off a word of its clause ("reports that X boarded Y", "a convoy came under fire")."""
    words = {t.lemma_.lower() for t in verb.subtree}
    for extraction in found:
        span = extraction.content
        if span is not None and span.start <= verb.idx < span.end:
            return True
        if span is None and extraction.sentence.start <= verb.idx < extraction.sentence.end and extraction.cue in words:
            return True
    return False


def _fact(verb: Token, disc: Discourse) -> Extraction | None:
    stance = stance_of(verb, disc)
    if stance.stance == ASSERTED:
        return None  # the outlet's own voice: not a report at a distance
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    actor_token = agent_of(verb) if passive else subject_of(verb)
    content = subtree_span(verb)
    sent = verb.sent
    extraction = Extraction(
        kind=STATUS,
        sentence=TextSpan(sent.start_char, sent.end_char, sent.text),
        actor=disc.ref(actor_token) if actor_token is not None else None,
        predicate=verb.lemma_.lower(),
        content=content,
        cue="report",
        negated=is_negated(verb),
        stance=stance.stance,
        origins=list(stance.origins),
    )
    extraction.terms = content_terms(verb)
    return extraction

"""A that-clause the parser broke, read in word order.

When the small model tags the bare infinitive in "demanding that Zenda extradite X"
as an adjective or a noun, the clause is read word by word: party, (modal), base-form
verb, object. The same holds when "that" is left out ("demanded Zenda hand over X").
"""
from __future__ import annotations

from spacy.tokens import Token

from . import predicates
from .demand_assembly import _finished, _new
from .demand_parties import party_ref, party_ref_any
from .demand_readers import _terms
from .discourse import Discourse
from .model import doc_text
from .types import ActorRef, Extraction
from .types import Span as TextSpan


# Triggers that take "that" + a bare infinitive ("demanded that Zenda extradite X").
_MANDATIVE_TRIGGERS = frozenset({"demand", "request", "insist", "ask", "urge", "require", "petition"})
# Of those, the ones that often drop "that" ("demanded Zenda hand over X").
_THAT_LESS_TRIGGERS = frozenset({"demand", "request", "require", "insist"})
_MODALS = frozenset({"should", "must", "shall", "will", "would", "to"})
_CLAUSE_ENDS = frozenset({",", ";", ".", ":", "!", "?", "—", "–"})


def _linear_that_clause(trigger: Token, subjects: list[Token | None], disc: Discourse) -> Extraction | None:
    """"demanding that Argentina extradite Carlos Mendez" when the parser made "extradite" an adjective:
    read the clause in word order: party, (modal), base-form verb, object."""
    if trigger.lemma_.lower() not in _MANDATIVE_TRIGGERS:
        return None
    that = _that_after(trigger)
    if that is None and trigger.lemma_.lower() in _THAT_LESS_TRIGGERS and trigger.i + 1 < trigger.sent.end:
        # "has demanded Zenda hand over X": the clause may go without "that"; the word after the
        # trigger then opens it, and the reading still needs a party and a base-form verb.
        that = trigger
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
        first = clause[1] if clause[0].i == trigger.i else clause[0]  # a that-less clause opens after the trigger
        start, end = first.idx, clause[-1].idx + len(clause[-1].text)
        extraction.content = TextSpan(start, end, doc_text(trigger.doc)[start:end])
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

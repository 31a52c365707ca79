"""Precision guards: a demand verb that does not report a demand made.

A question ("asked whether ..."), a demand only possible, advised or wished ("could
demand", "should ask", "is expected to call for"), or one inside a condition ("if X demands
...") is not a demand. A demand announced is one: "will ask the court to ...", "would
again demand access", "plans to call for sanctions" tell the reader what the party is
asking for, and analysts count them as its demand (a later article then reports it made).
"""
from __future__ import annotations

from spacy.tokens import Token


# A trigger governed by one of these is only possible or advised, not made nor announced.
_MODAL_AUXILIARIES = frozenset({"should", "could", "might", "may", "must", "can", "ca"})
# ... or only wished, expected by others, or within reach.
_PLANNING_HEADS = frozenset({
    "expect", "threaten", "aim", "hope", "consider", "likely", "able", "ready", "unlikely",
})
_CONDITION_MARKS = frozenset({"if", "unless", "whether"})
# Words opening an indirect question: "asked whether ...", "asks me why ...".
_QUESTION_WORDS = frozenset({"whether", "if", "why", "how", "what", "when", "where", "who", "which"})


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
    """"should be asking", "could demand", "is expected to call for": a demand not made nor announced."""
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

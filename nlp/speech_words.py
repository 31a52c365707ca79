"""The verbs of speech: a leaf of the rules, so any module may use them without importing the rest.

stance.py decides what they make of a statement; name_spans.py (below
stance.py in the imports) needs only to know that a verb is one.
"""
from __future__ import annotations

# Verbs that credit what follows to a source.
CUE_VERBS = frozenset({
    "say", "tell", "state", "add", "note", "announce", "claim", "declare", "stress", "emphasize",
    "emphasise", "insist", "assert", "explain", "confirm", "deny", "warn", "argue", "suggest",
    "report", "write", "describe", "reaffirm", "reiterate", "acknowledge", "admit", "comment",
    "remark", "indicate", "mention", "tweet", "post", "respond", "reply", "allege", "inform",
    "predict", "promise", "vow", "pledge", "express", "underline", "underscore", "highlight",
    "observe", "recall", "caution", "concede", "contend", "complain", "disclose", "suspect",
    "reveal", "affirm", "reckon", "believe", "estimate", "testify", "signal", "hint", "tout",
    "dismiss", "reject", "refute", "rebuff", "welcome", "condemn", "criticise", "criticize",
    "praise", "accuse", "blame", "charge", "specify", "clarify", "insinuate", "speculate", "quip",
    "call", "agree", "assure", "urge", "maintain", "counter", "retort", "dispute", "contest",
    "rule", "find", "conclude",  # what a court or a regulator rules or finds that ...
})

# Verbs that report speech only with their particle: "pointed out that ...", "spelled out ...".
PHRASAL_CUE_VERBS = frozenset({("point", "out"), ("spell", "out")})

"""The words that make a demand: trigger verbs and nouns, verbs of making a demand,
and the reporting and hoping verbs that put an obligation on another party.

Plain word lists, imported by the modules that read each demand shape.
"""
from __future__ import annotations


DEMAND_VERBS = frozenset({
    "demand", "request", "call", "press", "want", "ask", "urge", "insist", "seek", "appeal",
    "push", "lobby", "pressure", "plead", "beg", "implore", "petition", "exhort", "require",
    "order", "enjoin", "instruct", "direct", "tell", "warn",
})
# Triggers that make a demand of whatever noun they take, not only of known demand nouns.
STRONG_TRIGGERS = frozenset({"demand", "request", "insist", "appeal", "petition", "press", "push", "lobby", "call"})
# Triggers that ask for a thing only when it is plainly a thing to be given: a known demand,
# one asked "from" someone, or an amount ("wants an 8% rise from X", "seeking $5 million").
GIVEN_THING_TRIGGERS = frozenset({"want", "seek"})
# Verbs that command only with an object and an infinitive ("ordered X to pay"); with a
# that-clause they report ("told reporters that ...").
INFINITIVE_ONLY = frozenset({"order", "enjoin", "instruct", "direct", "tell", "warn"})
# Verbs that ask for a thing only in so many words: "we expect an apology", "expects a full
# explanation from X"; never with an infinitive or a clause ("expects prices to rise", "expects that ...").
EXPECTING_VERBS = frozenset({"expect"})
# Verbs that take "for"/"on" to introduce what is demanded.
FOR_PREPOSITIONS = frozenset({"for", "on", "upon"})

# Nouns that name a demand: "its demand that ...", "the call by X on Y to ...".
DEMAND_NOUNS = frozenset({"demand", "call", "request", "insistence", "appeal", "plea", "ultimatum", "order", "pressure"})
# Verbs by which a party is on the receiving end of a demand: "faces calls from X to ...",
# "received a request from X to ...", "came under pressure from X to ...".
RECEIVING_VERBS = frozenset({"face", "receive", "get"})
# Verbs whose subject makes the demand they take as object: "renewed its demand that ...".
# Of those, the verbs that make it again ("renewed the demand", "repeated its call"): with no
# content of its own, the noun points back to the demand its maker made before.
RENEWING_VERBS = frozenset({"renew", "repeat", "reiterate", "restate", "reaffirm"})
MAKING_VERBS = RENEWING_VERBS | frozenset({
    "make", "issue", "voice", "press",
    "send", "submit", "deliver", "file", "lodge", "present", "give",  # "sent X a request", "delivered an ultimatum"
    "join", "echo",  # "joined calls for X to ...": the demand is the subject's too
})
# Verbs whose subject answers a demand made of it: "France rejected Germany's demand for
# compensation" says Germany demanded compensation of France.
ANSWERING_VERBS = frozenset({
    "reject", "refuse", "dismiss", "rebuff", "spurn", "ignore", "defy", "resist", "accept", "heed", "meet",
})

# Reporting verbs that put an obligation on another party ("says Acme Mining must pay"), and
# verbs of hoping that ask it more softly ("hoped Freedonia would protect ...").
# ("insist" is left out: "insisted that Y must ..." is already a demand verb's that-clause.)
OBLIGATION_CUES = frozenset({"say", "state", "add", "stress", "argue", "write", "tell", "warn"})
OBLIGATION_MODALS = frozenset({"must", "should"})
# Verbs of what befalls a party or what it comes to know: with "should" or "must" a forecast or
# a judgement ("X should win the vote", "X must know that ..."), not something asked of it.
OUTCOME_VERBS = frozenset({
    "win", "lose", "pass", "fail", "succeed", "arrive", "reach", "happen", "survive", "recover",
    "expect", "know", "understand", "realise", "realize", "feel", "remain", "seem", "look",
    "grow", "rise", "fall", "benefit", "suffer",
})
HOPE_CUES = frozenset({"hope", "hopes", "hoped", "hoping"})  # by form: the small model lemmatises "hoped" to "hop"
HOPE_MODALS = frozenset({"will", "would", "'ll"})

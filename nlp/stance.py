"""How the outlet stands behind an extraction, and whom it credits.

Five stances (types.py): asserted (stated as fact), attributed (credited to a
named origin: "according to Reuters", "Yonhap said", "writes Reuters"), hedged
("reportedly", "unverified reports", "sources say", "it is believed"),
no_comment and denied. The stance of an extraction is read from the path
between its trigger word and the sentence root: a hedge adverb or an
attribution only counts when the trigger is inside its scope ("the general fled to
Oslo, reportedly taking billions" does not hedge the flight).

A sentence-final reporting tail ("..., Bloomberg reported.", "..., writes the
Financial Times.") credits everything before it however the parser attached
it, and a denying cue over the trigger ("dismissed a report that X had
requested ...") makes the trigger denied.

The lexicons here are general English; none names a source.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from .discourse import Discourse, agent_of, subjects_of
from .types import ASSERTED, ATTRIBUTED, DENIED, HEDGED, NO_COMMENT, ActorRef

# Verbs that credit what follows to a source.
CUE_VERBS = frozenset({
    "say", "tell", "state", "add", "note", "announce", "claim", "declare", "stress", "emphasize",
    "emphasise", "insist", "assert", "explain", "confirm", "deny", "warn", "argue", "suggest",
    "report", "write", "describe", "reaffirm", "reiterate", "acknowledge", "admit", "comment",
    "remark", "indicate", "mention", "tweet", "post", "respond", "reply", "allege", "inform",
    "predict", "promise", "vow", "pledge", "express", "underline", "underscore", "highlight",
    "observe", "recall", "caution", "concede", "contend", "complain", "disclose",
    "reveal", "affirm", "reckon", "believe", "estimate", "testify", "signal", "hint", "tout",
    "dismiss", "reject", "refute", "rebuff", "welcome", "condemn", "criticise", "criticize",
    "praise", "accuse", "charge", "specify", "clarify", "insinuate", "speculate", "quip",
    "call", "agree", "assure", "urge",
})

# Cue verbs that only make a statement when they govern a quotation ("called it an 'important trip'").
QUOTE_ONLY_CUES = frozenset({"call", "describe", "agree", "welcome", "praise", "condemn", "urge"})

# Cue verbs whose object can be the content itself ("reaffirmed its support"); others need a clause or a quote.
OBJECT_CUES = frozenset({
    "express", "reaffirm", "reiterate", "emphasize", "emphasise", "stress", "underline", "underscore",
    "highlight", "confirm", "deny", "announce", "reject", "dismiss", "affirm", "signal", "refute", "condemn",
})

# How a trigger sits under a cue verb that credits it: its complement, not its adjunct.
COMPLEMENT_DEPS = frozenset({"ccomp", "dobj", "parataxis", "oprd", "attr", "xcomp"})

# Cue verbs whose subject is a channel more than a speaker (a news outlet relaying).
RELAY_CUES = frozenset({"report", "write", "cite", "quote"})

DENY_VERBS = frozenset({"deny", "reject", "dismiss", "refute", "rebuff", "disavow", "disown", "contradict"})

HEDGE_ADVERBS = frozenset({
    "reportedly", "allegedly", "purportedly", "supposedly", "apparently", "ostensibly",
    "seemingly", "rumoredly", "presumably", "possibly", "perhaps", "likely", "probably",
})
HEDGE_ADJECTIVES = frozenset({
    "unverified", "unconfirmed", "alleged", "unsubstantiated", "purported", "anonymous", "unnamed",
    "uncorroborated", "unspecified",
})
# Nouns that stand for an unnamed origin: "sources say", "reports that ...".
UNNAMED_ORIGINS = frozenset({
    "source", "sources", "report", "reports", "rumor", "rumors", "rumour", "rumours", "speculation",
    "insider", "insiders", "observer", "observers", "media", "claim", "claims", "word", "people",
    "person", "official", "officials", "diplomat", "diplomats", "analyst", "analysts",
})
# "it is believed/said/thought/understood that", "X is said to": passives of belief.
HEDGE_PASSIVES = frozenset({"believe", "say", "think", "understand", "report", "rumor", "rumour", "claim",
                            "allege", "suppose", "expect", "suspect", "fear"})

_PRIORITY = {DENIED: 4, NO_COMMENT: 3, HEDGED: 2, ATTRIBUTED: 1, ASSERTED: 0}


@dataclass
class Stance:
    stance: str = ASSERTED
    origins: list[ActorRef] = field(default_factory=list)

    def raise_to(self, stance: str) -> None:
        if _PRIORITY[stance] > _PRIORITY[self.stance]:
            self.stance = stance

    def credit(self, origin: ActorRef) -> None:
        if all(o.key != origin.key for o in self.origins):
            self.origins.append(origin)


def path_to_root(token: Token) -> list[Token]:
    """The token and its governors up to the sentence root, innermost first."""
    path = [token]
    while path[-1].head.i != path[-1].i and len(path) < 40:
        path.append(path[-1].head)
    return path


def stance_of(trigger: Token, disc: Discourse, *, skip_cue: Token | None = None) -> Stance:
    """The stance and named origins of whatever ``trigger`` expresses.

    ``skip_cue`` is the statement's own cue verb: its speaker is the statement's
    actor, not an origin crediting it.
    """
    found = Stance()
    path = path_to_root(trigger)
    outer: list[ActorRef] = []  # origins, innermost first; reversed at the end
    for position, node in enumerate(path):
        below = path[position - 1] if position else None
        _read_hedges(node, found)
        # The speaker of a cue verb over the trigger is nearer to it than any "according to".
        if not ((skip_cue is not None and node.i == skip_cue.i) or below is None):
            if _is_cue(node) and below.dep_ in COMPLEMENT_DEPS:
                origin = _credited_source(node, disc, found)
                if origin is not None:
                    outer.append(origin)
                if node.lemma_.lower() in DENY_VERBS and not any(c.dep_ == "neg" for c in node.children):
                    # "Kyiv dismissed a report that it had requested a halt": the request is denied.
                    found.raise_to(DENIED)
            if node.pos_ in ("NOUN", "PROPN") and node.lower_ in UNNAMED_ORIGINS and below.dep_ in ("acl", "ccomp", "relcl"):
                origin = _report_noun_origin(node, disc)
                if origin is None:
                    found.raise_to(HEDGED)
                else:
                    outer.append(origin)
                    if any(c.dep_ == "amod" and c.lower_ in HEDGE_ADJECTIVES for c in node.children):
                        found.raise_to(HEDGED)
        outer.extend(_according_to(node, disc, found))
        # "X said A, and that B, according to AFP": a final "according to" covers the whole sentence.
        if node.head.i == node.i:
            for conj in node.children:
                if conj.dep_ == "conj" and conj.i not in {p.i for p in path}:
                    outer.extend(_according_to(conj, disc, found))
    wrapper = trailing_attribution(trigger.sent)
    if wrapper is not None and trigger.i < wrapper.i and (skip_cue is None or skip_cue.i != wrapper.i):
        # "X demanded Y, Bloomberg reported": however the parser hung the tail, it credits X's words.
        origin = _inverted_source(wrapper, disc) or _credited_source(wrapper, disc, found)
        if origin is not None:
            outer.append(origin)
    for origin in reversed(outer):
        found.credit(origin)
        found.raise_to(ATTRIBUTED)
    return found


def trailing_attribution(sent) -> Token | None:
    """The cue verb of a sentence-final reporting tail: "..., Bloomberg reported (on Friday).",
    "..., writes the Financial Times.", "..., the ministry said in a statement."

    The tail follows the sentence's last comma, holds one verb, a cue with its subject, and
    nothing the cue governs as content (no clause, no object), so it only credits what precedes it.
    """
    tokens = [t for t in sent if not t.is_space]
    while tokens and tokens[-1].is_punct and tokens[-1].text not in ",":
        tokens.pop()
    commas = [i for i, t in enumerate(tokens) if t.text == ","]
    if not commas or commas[-1] < 3:
        return None
    tail = tokens[commas[-1] + 1 :]
    verbs = [t for t in tail if t.pos_ in ("VERB", "AUX") and t.dep_ != "aux" and t.dep_ != "auxpass"]
    if len(verbs) != 1 or verbs[0].lemma_.lower() not in CUE_VERBS | {"cite", "quote"}:
        return None
    cue = verbs[0]
    tail_ids = {t.i for t in tail}
    inverted = tail[0].i == cue.i  # "..., writes the Financial Times."
    if inverted:
        return cue if any(c.i in tail_ids and c.i > cue.i for c in cue.children) else None
    if any(c.dep_ in ("ccomp", "dobj", "xcomp") and c.i > cue.i for c in cue.children):
        return None
    if not any(s.i in tail_ids for s in subjects_of(cue) or [agent_of(cue)] if s is not None):
        return None
    return cue


def _inverted_source(cue: Token, disc: Discourse) -> ActorRef | None:
    """"..., writes the Financial Times": the name after the cue is its source."""
    for child in cue.children:
        if child.i > cue.i and child.dep_ in ("nsubj", "dobj", "attr", "npadvmod", "dep"):
            origin = _named(child, disc)
            if origin is not None:
                return origin
    return None


def _is_cue(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in CUE_VERBS | {"cite", "quote"}


def _in_subject(child: Token, verb: Token) -> bool:
    return child.dep_ in ("nsubj", "nsubjpass", "csubj", "agent")


def _read_hedges(node: Token, found: Stance) -> None:
    for child in node.children:
        if child.dep_ == "advmod" and child.lower_ in HEDGE_ADVERBS:
            found.raise_to(HEDGED)
        if child.dep_ in ("nsubj", "nsubjpass") and any(
            c.dep_ == "amod" and c.lower_ in HEDGE_ADJECTIVES for c in child.children
        ):
            found.raise_to(HEDGED)
    # "X is said to have ...", "it is believed that ...": a passive of belief with no agent.
    if node.lemma_.lower() in HEDGE_PASSIVES and any(c.dep_ == "auxpass" for c in node.children):
        if agent_of(node) is None:
            found.raise_to(HEDGED)


def _according_to(node: Token, disc: Discourse, found: Stance) -> list[ActorRef]:
    """Origins named by "according to X" attached to ``node``; unnamed ones hedge."""
    origins: list[ActorRef] = []
    for child in node.children:
        if child.lower_ != "according":
            continue
        for to in child.children:
            for pobj in to.children:
                if pobj.dep_ != "pobj":
                    continue
                origin = _named(pobj, disc)
                if origin is None:
                    found.raise_to(HEDGED)
                else:
                    origins.append(origin)
    return origins


def _named(token: Token, disc: Discourse) -> ActorRef | None:
    """The named actor a source phrase denotes ("a new report by Reuters" -> Reuters)."""
    origin = disc.ref(token)
    if origin is not None:
        return origin
    return _named_by_preposition(token, disc, ("by", "from", "of"))


def _credited_source(cue: Token, disc: Discourse, found: Stance) -> ActorRef | None:
    """The named subject of a cue verb governing the trigger; unnamed subjects hedge."""
    speakers = subjects_of(cue) or [t for t in [agent_of(cue)] if t is not None]
    speaker = speakers[0] if speakers else None
    is_passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in cue.children)
    if speaker is None or (is_passive and agent_of(cue) is None):
        # "It has been reported that ...": no one named.
        if cue.lemma_.lower() in HEDGE_PASSIVES:
            found.raise_to(HEDGED)
        return None
    if speaker.lower_ in ("it", "this", "that"):
        return None
    named = next((found for found in (_named(s, disc) for s in speakers) if found is not None), None)
    if named is None and speaker.lower_ in UNNAMED_ORIGINS | {"sources", "reports"}:
        found.raise_to(HEDGED)
    return named


def _report_noun_origin(noun: Token, disc: Discourse) -> ActorRef | None:
    """"reports by Reuters that ..." -> Reuters; "unverified reports that ..." -> None."""
    for child in noun.children:
        if child.dep_ in ("poss", "compound"):
            origin = disc.ref(child)
            if origin is not None:
                return origin
    return _named_by_preposition(noun, disc, ("by", "from", "in"))


def _named_by_preposition(noun: Token, disc: Discourse, prepositions: tuple[str, ...]) -> ActorRef | None:
    """The first named object of one of ``prepositions`` under ``noun`` ("a report by <Reuters>")."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in prepositions:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    origin = disc.ref(pobj)
                    if origin is not None:
                        return origin
    return None

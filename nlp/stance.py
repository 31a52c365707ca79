"""How the outlet stands behind an extraction, and whom it credits.

Five stances (types.py): asserted (stated as fact), attributed (credited to a
named origin: "according to Reuters", "Yonhap said", "writes Reuters"), hedged
("reportedly", "unverified reports", "sources say", "it is believed"),
no_comment and denied.

The stance is an explicit, ordered decision. ``read_signals`` walks the path
between the trigger word and the sentence root and notes what bears on it (a
hedge adverb or an attribution only counts when the trigger is inside its
scope: "the general fled to Zenda, reportedly taking billions" does not hedge the
flight); ``decide`` then applies ``STANCE_RULES`` in order, first match wins:

1. denied: an explicit denial by the party ("dismissed a report that X had
   requested ...", ""We deny ...," X said", "there is no such agreement").
2. no_comment: a refusal to speak governs it ("declined to comment on the
   request", "would neither confirm nor deny"); a generic statement is not one.
3. attributed to a named origin: "according to X", "X reported", "sources told
   Reuters", a sentence-final tail ("..., Bloomberg reported(, citing ...)"),
   a headline credit line ("...: Reuters", "... - Bloomberg"). It wins over a
   hedge word in the same sentence.
   3b. in an article relaying another outlet (its headline carries a credit
   line), what is otherwise hedged is that outlet's reporting.
4. hedged: a pure hedge with no named origin.
   4b. a statement by a named speaker, or one named by office ("a spokeswoman
   for X said"), is attributed.
5. asserted: the outlet's own voice, including "The union has demanded ...".

A wire dateline ("OSLO (Reuters) -") is not a credit: the wire writes in its own
voice there. The lexicons here are general English; none names a source.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Token

from .discourse import Discourse, agent_of, subjects_of
from .model import doc_text
from .speech_words import CUE_VERBS
from .types import ASSERTED, ATTRIBUTED, DENIED, HEDGED, NO_COMMENT, ActorRef

# Cue verbs that only make a statement when they govern a quotation ("called it an 'important trip'").
QUOTE_ONLY_CUES = frozenset({"call", "describe", "agree", "welcome", "praise", "condemn", "urge"})

# Cue verbs whose object can be the content itself ("reaffirmed its support"); others need a clause or a quote.
OBJECT_CUES = frozenset({
    "express", "reaffirm", "reiterate", "emphasize", "emphasise", "stress", "underline", "underscore",
    "highlight", "confirm", "deny", "announce", "reject", "dismiss", "affirm", "signal", "refute", "condemn",
    "dispute", "contest",
})

# How a trigger sits under a cue verb that credits it: its complement, not its adjunct.
COMPLEMENT_DEPS = frozenset({"ccomp", "dobj", "parataxis", "oprd", "attr", "xcomp"})

# Cue verbs whose subject is a channel more than a speaker (a news outlet relaying).
RELAY_CUES = frozenset({"report", "write", "cite", "quote"})

DENY_VERBS = frozenset({
    "deny", "reject", "dismiss", "refute", "rebuff", "disavow", "disown", "contradict", "dispute", "contest",
})

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

# Role nouns: a speaker named by office rather than by name ("a spokeswoman for the
# ministry", "an RSF adviser"). What such a speaker says is on the record, so it is
# attributed, not hedged. Spokes- nouns are on the record by definition; the others
# only when an organisation qualifies them ("a ministry official", not "an official").
SPOKES_NOUNS = frozenset({
    "spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen", "spokeswomen",
})
ROLE_NOUNS = SPOKES_NOUNS | frozenset({
    "representative", "adviser", "advisor", "aide", "minister", "secretary", "director", "chairman",
    "chairwoman", "chair", "president", "head", "chief", "executive", "lawyer", "attorney", "negotiator",
    "envoy", "ambassador", "commander", "official", "officer", "manager", "leader", "counsel",
})
# "who asked not to be identified": the role-noun speaker chose to stay unnamed.
ANONYMITY_VERBS = frozenset({"identify", "name"})

# "declined to comment on the request", "refused to discuss it": a refusal to speak.
REFUSING_VERBS = frozenset({"decline", "refuse"})
REFUSED_SPEECH = frozenset({
    "comment", "confirm", "say", "discuss", "elaborate", "respond", "answer", "speak", "reply",
})

# Nouns a denial can take as its object: "denied the allegations".
ALLEGATION_NOUNS = frozenset({
    "allegation", "accusation", "charge", "claim", "report", "rumour", "rumor", "suggestion", "assertion",
})

# Verbs of scornful rebuttal that deny an allegation they take as object ("blasted claims that ...").
REBUTTAL_VERBS = DENY_VERBS | frozenset({"blast", "slam", "rubbish", "ridicule", "deride", "scorn", "decry"})

# What a speaker calls a claim to deny it: "These are lies", "The report is baseless".
FALSEHOOD_NOUNS = frozenset({
    "lie", "lies", "fabrication", "falsehood", "smear", "slander", "fiction", "nonsense",
})
FALSEHOOD_ADJECTIVES = frozenset({
    "false", "untrue", "baseless", "unfounded", "groundless", "fabricated", "fake", "inaccurate", "incorrect",
    "unjustified", "misleading", "absurd",
})

# Nouns after "according to" that stand for someone unnamed ("according to people familiar
# with the matter"); a document ("according to a copy of the order") is the outlet's own
# reading and does not hedge.
UNNAMED_ACCORDING = UNNAMED_ORIGINS | frozenset({
    "witness", "witnesses", "resident", "residents", "account", "accounts", "those", "insider",
})

# A headline's credit line: "Freedonia fines miner: Reuters", "Miner fined - Bloomberg".
_CREDIT_LINE = re.compile(r"(?::\s+|\s+[-\u2013\u2014|]\s+)([A-Z][\w.&' ]{1,40}?)\s*$")
# How far into the article a headline may sit (after a date line or a kicker).
_HEADLINE_LINES = 3


@dataclass
class Stance:
    stance: str = ASSERTED
    origins: list[ActorRef] = field(default_factory=list)

    def credit(self, origin: ActorRef) -> None:
        if all(o.key != origin.key for o in self.origins):
            self.origins.append(origin)


@dataclass
class Signals:
    """What the text around a trigger says about how the outlet stands behind it.

    Gathered once (``read_signals``), then weighed by ``decide`` in a fixed order.
    """

    denied: bool = False  # the party denies it ("denied that ...", "there is no such agreement")
    refused: bool = False  # a refusal to speak governs it ("declined to comment on ...")
    origins: list[ActorRef] = field(default_factory=list)  # named origins, innermost first
    hedged: bool = False  # a hedge word or an unnamed source
    relayed_from: ActorRef | None = None  # the credited outlet of a relayed article
    on_record: bool = False  # the statement's speaker is named, or named by office ("a spokeswoman said")
    speaker_body: ActorRef | None = None  # whom an office-named speaker speaks for ("a spokeswoman for X")

    def named(self, *extra: ActorRef | None) -> list[ActorRef]:
        """The named origins outermost first, as a reader meets them, without repeats."""
        found = Stance()
        for origin in [*reversed(self.origins), *extra]:
            if origin is not None:
                found.credit(origin)
        return found.origins


# -- the decision: one rule per stance, first match wins ---------------------


def _denied_by_the_party(s: Signals) -> Stance | None:
    """Rule 1: an explicit denial by the party ("X denied that ...", ""We deny ...," X said",
    "there is no such agreement", "these are lies")."""
    return Stance(DENIED, s.named()) if s.denied else None


def _refused_comment(s: Signals) -> Stance | None:
    """Rule 2: "declined to comment on ...", "would neither confirm nor deny ...". Only a refusal
    to speak counts: "we are cooperating fully" is a statement, not a no comment."""
    return Stance(NO_COMMENT, s.named()) if s.refused else None


def _credited_to_a_named_origin(s: Signals) -> Stance | None:
    """Rule 3: a named origin governs it ("according to Reuters", "X told AFP", "..., Reuters
    reported, citing ...", a headline credit line). It wins over a hedge word beside it: in
    "X allegedly ..., Reuters reported" the reader knows whom to hold to it."""
    return Stance(ATTRIBUTED, s.named()) if s.origins else None


def _relayed_from_a_credited_outlet(s: Signals) -> Stance | None:
    """Rule 3b: in an article that relays another outlet's story (headline "...: Reuters"),
    what "sources said" or "reportedly" happened is that outlet's reporting."""
    return Stance(ATTRIBUTED, [s.relayed_from]) if s.hedged and s.relayed_from is not None else None


def _hedged(s: Signals) -> Stance | None:
    """Rule 4: a pure hedge ("reportedly", "sources say", "it is understood") with no named origin."""
    return Stance(HEDGED, s.named()) if s.hedged else None


def _said_on_the_record(s: Signals) -> Stance | None:
    """Rule 4b: a statement by a named speaker, or one named by office ("a ministry spokesman
    said"), is attributed. It comes after the hedge: in "Sources say X warned ..." the warning
    itself is only hearsay."""
    return Stance(ATTRIBUTED, s.named(s.speaker_body)) if s.on_record else None


def _asserted(s: Signals) -> Stance | None:
    """Rule 5: otherwise the outlet states it in its own voice, including that an actor demanded
    something ("The union has demanded ..."): the demand being made is asserted, not credited
    to the actor making it."""
    return Stance(ASSERTED, s.named())


STANCE_RULES = (
    _denied_by_the_party,
    _refused_comment,
    _credited_to_a_named_origin,
    _relayed_from_a_credited_outlet,
    _hedged,
    _said_on_the_record,
    _asserted,
)


def decide(signals: Signals) -> Stance:
    """Apply ``STANCE_RULES`` in order; the first that matches gives the stance and origins."""
    for rule in STANCE_RULES:
        found = rule(signals)
        if found is not None:
            return found
    raise AssertionError("_asserted always matches")


# -- reading the signals ------------------------------------------------------


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
    return decide(read_signals(trigger, disc, skip_cue=skip_cue))


def read_signals(trigger: Token, disc: Discourse, *, skip_cue: Token | None = None) -> Signals:
    """Walk from ``trigger`` to the sentence root, noting every cue that bears on its stance."""
    found = Signals()
    path = path_to_root(trigger)
    on_path = {p.i for p in path}
    outer = found.origins  # innermost first
    for position, node in enumerate(path):
        below = path[position - 1] if position else None
        _read_hedges(node, found)
        _read_no_such(node, found)
        if below is not None and _is_refusal(node):
            found.refused = True
        if below is not None and _rebuts_an_allegation(node, below):
            found.denied = True
        # The speaker of a cue verb over the trigger is nearer to it than any "according to".
        if not ((skip_cue is not None and node.i == skip_cue.i) or below is None):
            if _is_cue(node) and below.dep_ in COMPLEMENT_DEPS:
                origin = _credited_source(node, disc, found)
                if origin is not None:
                    outer.append(origin)
                if _is_denial(node) and not _is_neither_nor(node):
                    # "Kyiv dismissed a report that it had requested a halt": the request is denied.
                    found.denied = True
            if node.pos_ in ("NOUN", "PROPN") and node.lower_ in UNNAMED_ORIGINS and below.dep_ in ("acl", "ccomp", "relcl"):
                origin = _report_noun_origin(node, disc)
                if origin is None or _has_hedge_adjective(node):
                    found.hedged = True
                else:
                    outer.append(origin)
        outer.extend(_according_to(node, disc, found))
        # "X said A, and that B, according to AFP": a final "according to" covers the whole sentence.
        if node.head.i == node.i:
            for conj in node.children:
                if conj.dep_ == "conj" and conj.i not in on_path:
                    outer.extend(_according_to(conj, disc, found))
    outer.extend(_closing_according_to(trigger, on_path, disc, found))
    if skip_cue is not None:
        _read_own_speaker(skip_cue, disc, found)
    wrapper = trailing_attribution(trigger.sent)
    if wrapper is not None and trigger.i < wrapper.i and (skip_cue is None or skip_cue.i != wrapper.i):
        # "X demanded Y, Bloomberg reported": however the parser hung the tail, it credits X's words.
        origin = _inverted_source(wrapper, disc) or _tail_name(wrapper, disc) or _credited_source(wrapper, disc, found)
        if origin is not None:
            outer.append(origin)
    credit = line_credit(trigger, disc)
    if credit is not None:
        outer.append(credit)  # the headline's credit line is the outermost origin
    found.relayed_from = article_credit(disc)
    return found


def _read_own_speaker(cue: Token, disc: Discourse, found: Signals) -> None:
    """A statement's own cue: its speaker is its actor, but the speaker's standing still counts.

    "We categorically deny ...," X told analysts / "X denied owing money and says ...": the
    statement is the denial. "A spokeswoman for X said ...": on the record even unnamed.
    """
    if _linked_denial(cue) is not None or _calls_it_false(cue):
        found.denied = True
    speakers = subjects_of(cue) or [t for t in [agent_of(cue)] if t is not None]
    if speakers and (_is_on_record_role(speakers[0]) or _is_proper_name(speakers[0])):
        found.on_record = True
        if disc.ref(speakers[0]) is None:
            # "a spokeswoman for <the ministry>": the body she speaks for is the origin.
            found.speaker_body = _named_by_preposition(speakers[0], disc, ("for", "of", "at"))


def _linked_denial(cue: Token) -> Token | None:
    """A denial verb the cue is conjoined with or governs ("denied ... and says", ""We deny ...," X told")."""
    near = [cue.head] if cue.dep_ == "conj" else []
    near += [c for c in cue.children if c.dep_ in ("conj", "ccomp", "parataxis")]
    for verb in near:
        if verb.i != cue.i and _is_denial(verb) and _denies_a_claim(verb):
            return verb
    return None


def _calls_it_false(cue: Token) -> bool:
    """""These are lies spread by ...," X told ...; X said the report was baseless: a denial."""
    if cue.lemma_.lower() in _NAMING_VERBS and any(
        c.dep_ in ("oprd", "acomp", "advcl", "xcomp", "attr") and _is_falsehood_word(c) for c in cue.children
    ):
        return True  # 'calling it "unfounded"', "described the report as baseless"
    for clause in (c for c in cue.children if c.dep_ in ("ccomp", "parataxis")):
        if _has_nothing_to_do_with(clause):
            return True
        if clause.lemma_.lower() != "be" or any(c.dep_ == "neg" for c in clause.children):
            continue
        for child in clause.children:
            if child.dep_ == "attr" and FALSEHOOD_NOUNS & {child.lower_, child.lemma_.lower()}:
                return True
            if child.dep_ == "acomp" and child.lower_ in FALSEHOOD_ADJECTIVES:
                return True
    return False


# Verbs that give a thing a name: calling a claim false is denying it.
_NAMING_VERBS = frozenset({"call", "describe", "label", "brand", "term", "dismiss"})


def _is_falsehood_word(token: Token) -> bool:
    return token.lower_ in FALSEHOOD_ADJECTIVES or bool(FALSEHOOD_NOUNS & {token.lower_, token.lemma_.lower()})


def _has_nothing_to_do_with(clause: Token) -> bool:
    """X said "the fines had nothing to do with the election": the link alleged is denied."""
    if clause.lemma_.lower() != "have":
        return False
    return any(
        child.dep_ == "dobj" and child.lower_ == "nothing"
        and any(word.lower_ == "do" and any(p.lower_ == "with" for p in word.children) for word in child.subtree)
        for child in clause.children
    )


def _is_proper_name(speaker: Token) -> bool:
    """"Maria Okafor, the agency's coordinator, told ...": a named speaker even when unresolved."""
    return (
        speaker.pos_ == "PROPN" and speaker.text[:1].isupper()
        and speaker.ent_type_ not in ("DATE", "TIME", "CARDINAL")
    )


def _is_denial(verb: Token) -> bool:
    return verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in DENY_VERBS and not any(
        c.dep_ == "neg" for c in verb.children
    )


def _denies_a_claim(verb: Token) -> bool:
    """"denied that ...", "denied owing", "rejected the allegations": not "denied them access"."""
    if verb.lemma_.lower() not in ("deny", "refute") and not any(
        c.dep_ == "dobj" and c.lemma_.lower() in ALLEGATION_NOUNS for c in verb.children
    ):
        return False
    return any(
        c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "dobj" and c.lemma_.lower() in ALLEGATION_NOUNS)
        for c in verb.children
    )


def _rebuts_an_allegation(verb: Token, below: Token) -> bool:
    """"blasted claims she failed a test", "slammed reports that ...": whoever rebuts the
    allegation denies what it says (not "slammed the decision": only an allegation noun)."""
    return (
        verb.pos_ == "VERB"
        and verb.lemma_.lower() in REBUTTAL_VERBS
        and below.dep_ == "dobj"
        and below.lemma_.lower() in ALLEGATION_NOUNS
        and not any(c.dep_ == "neg" for c in verb.children)
    )


def _is_neither_nor(verb: Token) -> bool:
    """"would neither confirm nor deny": a refusal, not a denial."""
    if any(c.lower_ == "neither" for c in verb.children):
        return True
    if verb.dep_ == "conj" and any(c.lower_ == "nor" for c in verb.head.children):
        return any(c.lower_ == "neither" for c in verb.head.children)
    return False


def _is_refusal(node: Token) -> bool:
    """"declined to comment (on ...)", "refused to discuss", "would neither confirm nor deny"."""
    lemma = node.lemma_.lower()
    if lemma in REFUSED_SPEECH and node.dep_ == "xcomp" and node.head.lemma_.lower() in REFUSING_VERBS:
        return True
    return lemma in ("confirm", "deny") and _is_neither_nor(node)


def _read_no_such(node: Token, found: Signals) -> None:
    """"There is no such agreement", "no such request was made": the party denies the claim."""
    if node.pos_ != "NOUN":
        return
    children = {c.lower_ for c in node.children if c.dep_ in ("det", "amod", "predet")}
    if "no" in children and "such" in children:
        found.denied = True


def _is_on_record_role(speaker: Token) -> bool:
    """"a spokeswoman for the delegation", "an RSF adviser", "a ministry official"; not
    "officials", "a senior official", nor one "who asked not to be identified"."""
    lemma, lower = speaker.lemma_.lower(), speaker.lower_
    if lemma not in ROLE_NOUNS and lower not in ROLE_NOUNS:
        return False
    if _has_hedge_adjective(speaker) or _asked_for_anonymity(speaker):
        return False
    if lower in SPOKES_NOUNS or lemma in SPOKES_NOUNS:
        return True
    for child in speaker.children:
        if child.dep_ in ("compound", "poss", "nmod") and child.pos_ in ("NOUN", "PROPN"):
            return True
        if child.dep_ == "prep" and child.lower_ in ("for", "of", "at", "with", "from"):
            if any(p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN") for p in child.children):
                return True
    return False


def _asked_for_anonymity(noun: Token) -> bool:
    return any(
        c.dep_ in ("relcl", "acl") and any(t.lemma_.lower() in ANONYMITY_VERBS for t in c.subtree)
        for c in noun.children
    )


def _has_hedge_adjective(noun: Token) -> bool:
    """"unconfirmed reports", "anonymous sources" (the parser may make the adjective a compound)."""
    return any(c.dep_ in ("amod", "compound", "nmod") and c.lower_ in HEDGE_ADJECTIVES for c in noun.children)


# -- headline credits ----------------------------------------------------------


def line_credit(trigger: Token, disc: Discourse) -> ActorRef | None:
    """The credit of the headline the trigger stands in ("Freedonia demands back taxes from miner:
    Reuters"): the headline relays that outlet's story, so its claims are credited to it."""
    credit, start, end = _headline_credit(disc)
    return credit if credit is not None and start <= trigger.idx < end else None


def article_credit(disc: Discourse) -> ActorRef | None:
    """The outlet an article's headline credits, if the article relays another outlet's story.

    A wire dateline ("OSLO (Reuters) -") is not such a credit: there the outlet writes in its
    own voice, and what it states is asserted.
    """
    return _headline_credit(disc)[0]


def _headline_credit(disc: Discourse) -> tuple[ActorRef | None, int, int]:
    """The credit line among the article's first lines, with that line's offsets (cached per doc)."""
    cache = disc.doc.user_data
    if "stance.headline_credit" not in cache:
        cache["stance.headline_credit"] = (None, 0, 0)
        text, position, seen = doc_text(disc.doc), 0, 0
        while position < len(text) and seen < _HEADLINE_LINES:
            end = text.find("\n", position)
            end = len(text) if end < 0 else end
            if text[position:end].strip() and not disc.in_furniture(position, end):
                seen += 1
                credit = _credit_of_line(position, end, disc)
                if credit is not None:
                    cache["stance.headline_credit"] = (credit, position, end)
                    break
            position = end + 1
    return cache["stance.headline_credit"]


def _credit_of_line(start: int, end: int, disc: Discourse) -> ActorRef | None:
    """"<headline>: Reuters" / "<headline> - Bloomberg": the named organisation after the separator."""
    line = doc_text(disc.doc)[start:end].rstrip()
    # A headline is short and has no full stop before its credit.
    if len(line) > 250:
        return None
    match = _CREDIT_LINE.search(line)
    if match is None or match.start() < 10 or line[: match.start()].rstrip().endswith("."):
        return None
    span = disc.doc.char_span(start + match.start(1), start + match.end(1), alignment_mode="expand")
    if span is None:
        return None
    origin = disc.ref(span.root)
    if origin is not None and origin.label == "ORG":
        return origin
    if len(span) <= 4 and all(t.pos_ == "PROPN" for t in span):
        # The model missed or mislabelled the name; by its place in the layout it is the outlet credited.
        return ActorRef(span.text, span.text, "ORG", span.start_char, span.end_char)
    return None


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
    if commas and len(commas) > 1 and _is_citing_tail(tokens[commas[-1] + 1 :]):
        # "..., Bloomberg reported, citing people familiar with the matter.": look past the citing.
        tokens, commas = tokens[: commas[-1]], commas[:-1]
    if not commas or commas[-1] < 3:
        return None
    tail = tokens[commas[-1] + 1 :]
    verbs = [t for t in tail if t.pos_ in ("VERB", "AUX") and t.dep_ != "aux" and t.dep_ != "auxpass"]
    if len(verbs) != 1 or verbs[0].lemma_.lower() not in CUE_VERBS | {"cite", "quote"}:
        return None
    cue = verbs[0]
    tail_ids = {t.i for t in tail}
    if cue.dep_ in ("acl", "relcl", "amod") and not _finite_with_a_named_subject(cue, tail, tail_ids):
        return None  # "..., and the workers dismissed by the authority": a participle, not a credit
    inverted = tail[0].i == cue.i  # "..., writes the Financial Times."
    if inverted:
        return cue if any(c.i in tail_ids and c.i > cue.i for c in cue.children) else None
    listens = cue.lemma_.lower() in ("tell", "inform")
    content_deps = ("ccomp", "xcomp") if listens else ("ccomp", "dobj", "xcomp")
    if any(c.dep_ in content_deps and c.i > cue.i for c in cue.children):
        return None  # the cue governs content of its own; "told Reuters" only names the listener
    if not any(s.i in tail_ids for s in subjects_of(cue) or [agent_of(cue)] if s is not None):
        if _name_before_cue(cue, tail_ids) is None:
            return None
    return cue


def _finite_with_a_named_subject(cue: Token, tail: list[Token], tail_ids: set[int]) -> bool:
    """"... fined the Brennholm Company, the Financial Times reported.": the small model hangs the tail
    on the name before the comma as a relative clause, but a finite cue with a proper-name subject of
    its own, and no relative word, is a credit ("..., which the union says" is not)."""
    if cue.tag_ not in ("VBD", "VBZ", "VBP") or any(t.tag_ in ("WDT", "WP", "WP$", "WRB") for t in tail):
        return False
    return any(s.i in tail_ids and s.pos_ == "PROPN" for s in subjects_of(cue))


def _name_before_cue(cue: Token, tail_ids: set[int]) -> Token | None:
    """"..., Zenda Daily reported": a subjectless cue whose tail opens with a proper name the parser
    hung elsewhere (as a conjunct of the name before the comma). Returns the name's last word."""
    if subjects_of(cue) or agent_of(cue) is not None or cue.i == 0:
        return None
    before = cue.doc[cue.i - 1]
    if before.i not in tail_ids or before.pos_ != "PROPN" or not before.text[:1].isupper():
        return None
    words = [t for t in cue.doc[min(tail_ids) : cue.i] if not t.is_punct]
    return before if words and all(t.pos_ == "PROPN" for t in words) else None


def _is_citing_tail(tail: list[Token]) -> bool:
    """"citing two aid workers", "quoting a ministry letter": a participle naming the tail's sources."""
    return bool(tail) and tail[0].lemma_.lower() in ("cite", "quote") and tail[0].tag_ == "VBG"


def _tail_name(cue: Token, disc: Discourse) -> ActorRef | None:
    """The outlet a subjectless reporting tail names ("..., Zenda Daily reported")."""
    tail_ids = {t.i for t in cue.sent if t.i <= cue.i and t.i > max(
        (c.i for c in cue.sent if c.text == "," and c.i < cue.i), default=cue.sent.start - 1)}
    name = _name_before_cue(cue, tail_ids)
    if name is None:
        return None
    found = disc.ref(name)
    if found is not None:
        return found
    start = min(tail_ids)
    words = cue.doc[start : cue.i]
    return ActorRef(words.text, words.text, "ORG", words.start_char, words.end_char)


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


def _read_hedges(node: Token, found: Signals) -> None:
    for child in node.children:
        if child.dep_ == "advmod" and child.lower_ in HEDGE_ADVERBS:
            found.hedged = True
        if child.dep_ in ("nsubj", "nsubjpass") and _has_hedge_adjective(child):
            found.hedged = True
    # "X is said to have ...", "it is believed that ...": a passive of belief with no agent.
    if node.lemma_.lower() in HEDGE_PASSIVES and any(c.dep_ == "auxpass" for c in node.children):
        if agent_of(node) is None:
            found.hedged = True


def _according_to(node: Token, disc: Discourse, found: Signals) -> list[ActorRef]:
    """Origins named by "according to X" attached to ``node``; unnamed people hedge
    ("according to people familiar with ..."), a document does not ("according to a copy of the order")."""
    origins: list[ActorRef] = []
    for child in node.children:
        if child.lower_ != "according":
            continue
        for to in child.children:
            for pobj in to.children:
                if pobj.dep_ != "pobj":
                    continue
                # "according to two Isgarian officials": unnamed people of a named side hedge; whose
                # side they are on makes them no named origin.
                unnamed = (
                    pobj.pos_ == "NOUN" and pobj.lemma_.lower() in UNNAMED_ACCORDING
                    and _named_by_preposition(pobj, disc, ("by", "from")) is None  # "a report by Reuters"
                )
                origin = None if _has_hedge_adjective(pobj) or unnamed else _named(pobj, disc)
                if origin is not None:
                    origins.append(origin)
                elif pobj.lower_ in UNNAMED_ACCORDING or pobj.lemma_.lower() in UNNAMED_ACCORDING \
                        or _has_hedge_adjective(pobj):
                    found.hedged = True
    return origins


def _closing_according_to(trigger: Token, on_path: set[int], disc: Discourse, found: Signals) -> list[ActorRef]:
    """ "X demanded that Y hand over Z, according to Reuters": an "according to" closing the
    sentence after a comma credits all of it, whichever word the parser hung it on."""
    sent = trigger.sent
    last = next((t for t in reversed(sent) if not t.is_punct), None)
    for token in sent:
        if (
            token.lower_ == "according" and token.i > trigger.i and token.head.i not in on_path
            and token.i > sent.start and token.doc[token.i - 1].text == ","
            and last is not None and token.right_edge.i == last.i
        ):
            return _according_to(token.head, disc, found)
    return []


def _named(token: Token, disc: Discourse) -> ActorRef | None:
    """The named actor a source phrase denotes ("a new report by Reuters" -> Reuters)."""
    origin = disc.ref(token)
    if origin is not None:
        return origin
    return _named_by_preposition(token, disc, ("by", "from", "of"))


def _credited_source(cue: Token, disc: Discourse, found: Signals) -> ActorRef | None:
    """The named subject of a cue verb governing the trigger; a role noun is on the record
    ("a ministry spokesman said"); unnamed subjects hedge ("sources said", "unconfirmed reports from X")."""
    speakers = subjects_of(cue) or [t for t in [agent_of(cue)] if t is not None]
    speaker = speakers[0] if speakers else None
    is_passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in cue.children)
    if speaker is None or (is_passive and agent_of(cue) is None):
        # "It has been reported that ...": no one named.
        if cue.lemma_.lower() in HEDGE_PASSIVES:
            found.hedged = True
        return None
    if speaker.lower_ in ("it", "this", "that"):
        return None
    if _has_hedge_adjective(speaker):
        found.hedged = True  # "unconfirmed reports from <place> said": the place vouches for nothing
        return None
    named = next((found for found in (_named(s, disc) for s in speakers) if found is not None), None)
    if named is None and _is_on_record_role(speaker):
        found.on_record = True
        named = _named_by_preposition(speaker, disc, ("for", "at"))
    elif named is None and speaker.lower_ in UNNAMED_ORIGINS | {"sources", "reports"}:
        named = _outlet_told(cue, disc)
        if named is None:
            found.hedged = True
    return named


def _outlet_told(cue: Token, disc: Discourse) -> ActorRef | None:
    """"two sources told Reuters": unnamed people, but a named outlet stands behind the report."""
    if cue.lemma_.lower() not in ("tell", "inform"):
        return None
    for child in cue.children:
        if child.dep_ in ("dobj", "dative"):
            origin = disc.ref(child)
            if origin is not None and origin.label == "ORG":
                return origin
    return None


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

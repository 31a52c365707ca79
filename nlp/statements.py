"""Statements: who said what, directly or in reported speech.

Covered: a cue verb with a quotation or a that-clause ("X said ...", "“...,” X
told reporters", "X said in a statement"), a document as speaker ("a White House
readout said", "A statement from X emphasized “...”", and later "the
statement also confirmed"), a quotation standing alone after a sentence whose
speaker it continues, "according to X" when nothing else in the sentence was
extracted, embedded social posts ("— Name (@handle) Month D, YYYY"), and
responses: no comment ("declined to comment", "has not confirmed or denied")
and denials, with the predicate and object of the demand they answer.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Span, Token

from . import predicates
from .discourse import DOCUMENT_NOUNS, Discourse, agent_of, is_negated, subject_of, subjects_of
from .stance import (
    CUE_VERBS,
    DENY_VERBS,
    OBJECT_CUES,
    QUOTE_ONLY_CUES,
    Stance,
    stance_of,
)
from .types import ATTRIBUTED, DEMAND, DENIED, NO_COMMENT, STATEMENT, ActorRef, Extraction
from .types import Span as TextSpan

# Verbs whose negation means "no comment": "has not confirmed", "did not respond".
NO_COMMENT_VERBS = frozenset({"comment", "confirm", "respond", "reply", "answer", "elaborate", "discuss", "reach"})
# "declined to comment", "refused to say".
REFUSING_VERBS = frozenset({"decline", "refuse", "fail"})
REFUSED_SPEECH = frozenset({"comment", "confirm", "say", "discuss", "elaborate", "respond", "answer", "speak", "reply"})
# Nouns that name a demand being discussed: "the request from X to hand over Y".
DEMAND_NOUNS = frozenset({"request", "demand", "call", "appeal", "plea", "ultimatum", "requirement", "condition"})

_OPENING = {"\u201c": "\u201d", "\u00ab": "\u00bb", "\u201e": "\u201d"}
_SOCIAL_SIGNATURE = re.compile(
    r"[\u2014\u2013]\s*(?P<name>[^\n()\u2014\u2013]{2,60}?)\s*\(@(?P<handle>\w{1,30})\)\s*"
    r"(?P<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+\d{4})"
)
_URL_TAIL = re.compile(r"\s*(?:(?:https?://|pic\.twitter\.com/)\S+\s*)+$")


# -- quotations --------------------------------------------------------


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Character spans of quoted text (without the marks), paired within a paragraph."""
    quotes: list[tuple[int, int]] = []
    open_at: int | None = None
    closing = ""
    for index, char in enumerate(text):
        if char == "\n" and text[index + 1 : index + 2] == "\n":
            open_at = None  # a quote never crosses a blank line
            continue
        if open_at is None:
            if char == '"' or char in _OPENING:
                open_at, closing = index + 1, '"' if char == '"' else _OPENING[char]
        elif char == closing or (closing == "\u201d" and char == '"'):
            quotes.append(_trim(text, open_at, index))
            open_at = None
    return [q for q in quotes if q[1] > q[0]]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " ,.;:\n":
        end -= 1
    while start < end and text[start] in " \n":
        start += 1
    return start, end


def _quotes_in(tokens: Iterable[Token], quotes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    positions = [t.idx for t in tokens]
    return [q for q in quotes if any(q[0] <= p < q[1] for p in positions)]


def _inside(token: Token, quote: tuple[int, int]) -> bool:
    return quote[0] <= token.idx < quote[1]


# -- statements by cue verbs ------------------------------------------


def find_statements(sent: Span, disc: Discourse, quotes: list[tuple[int, int]]) -> list[Extraction]:
    found: list[Extraction] = []
    for token in sent:
        if token.pos_ not in ("VERB", "AUX"):
            continue
        lemma = token.lemma_.lower()
        if _is_no_comment(token):
            found.append(no_comment_from(token, disc))
        elif lemma in CUE_VERBS:
            found.extend(statements_from(token, disc, quotes))
    return [f for f in found if f is not None]


def statements_from(cue: Token, disc: Discourse, quotes: list[tuple[int, int]]) -> list[Extraction]:
    lemma = cue.lemma_.lower()
    if lemma in ("call", "urge") and any(c.dep_ == "prep" and c.lower_ in ("for", "on") for c in cue.children):
        return []  # "call for", "urge on": demands, not statements
    if is_negated(cue):
        return []  # "did not say", "has not confirmed or denied": no statement made
    if not _is_speech_act(cue, quotes):
        return []
    speakers = subjects_of(cue) or [t for t in [agent_of(cue)] if t is not None]
    if not speakers or speakers[0].lower_ in ("this", "that", "it", "which", "there"):
        return []
    speaker_token = speakers[0]
    speaker = disc.party(
        _leader_of(speaker_token, disc) or disc.ref_any(speakers) or _document_speaker(speaker_token, disc)
    )
    excluded = {t.i for s in speakers for t in s.subtree} | _nested_cue_tokens(cue, quotes)
    governed = [
        q for q in _quotes_in((t for t in cue.subtree if t.i not in excluded), quotes) if not _inside(cue, q)
    ]
    contents: list[tuple[TextSpan, bool]] = [(_text_span(disc, q), True) for q in governed]
    if not contents:
        if lemma in QUOTE_ONLY_CUES:
            return []
        reported = _reported_content(cue)
        if reported is None:
            return []
        contents = [(reported, False)]
    if speaker is None and not contents[0][1]:
        return []  # reported speech by no one we can name tells the reader nothing
    stance = stance_of(cue, disc, skip_cue=cue)
    found = []
    for content, direct in contents:
        extraction = Extraction(
            kind=STATEMENT,
            sentence=_sentence_span(cue.sent, content),
            actor=speaker,
            content=content,
            cue=lemma,
            direct=direct,
        )
        _apply_statement_stance(extraction, stance, speaker, denying=lemma in DENY_VERBS)
        _fill_topic(extraction, cue, disc)
        if extraction.stance == DENIED and extraction.predicate == "deny" and _names_a_demand(content, cue):
            # "rejected the demand", "dismissed calls to step down": the denial answers a demand.
            extraction.predicate = ""
            _fill_discussed_demand(extraction, cue.sent, disc)
            extraction.predicate = extraction.predicate or "deny"
        found.append(extraction)
    return found


def _is_speech_act(cue: Token, quotes: list[tuple[int, int]]) -> bool:
    """A cue verb used as a speech act, not "unwilling to acknowledge", "allow X to maintain"."""
    if cue.dep_ in ("xcomp", "acl", "amod", "pcomp", "csubj"):
        head = cue.head
        if head.lemma_.lower() not in CUE_VERBS | {"continue", "go", "keep", "begin", "start", "be"}:
            return False
    return True


def _nested_cue_tokens(cue: Token, quotes: list[tuple[int, int]]) -> set[int]:
    """Tokens under another speaker's cue inside this one ("..., while Y called it an 'important trip'")."""
    nested: set[int] = set()
    for token in cue.subtree:
        if token.i == cue.i or token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in CUE_VERBS:
            continue
        if any(_inside(token, q) for q in quotes):
            continue  # a cue inside the quotation is part of what was quoted
        if subject_of(token) is not None and token.dep_ != "conj":
            nested |= {t.i for t in token.subtree}
    return nested


def _apply_statement_stance(extraction: Extraction, stance: Stance, speaker: ActorRef | None, *, denying: bool) -> None:
    extraction.origins = list(stance.origins)
    if speaker is not None and all(o.key != speaker.key for o in extraction.origins):
        extraction.origins.append(speaker)
    extraction.stance = stance.stance
    if extraction.origins and extraction.stance == "asserted":
        extraction.stance = ATTRIBUTED
    if denying:
        extraction.stance = DENIED
        extraction.negated = True


def _leader_of(token: Token, disc: Discourse) -> ActorRef | None:
    """"The delegation, led by X, emphasized ...": a body speaking through the person who leads it."""
    if token.pos_ != "NOUN":
        return None
    for child in token.children:
        if child.dep_ == "acl" and child.lemma_.lower() in ("lead", "head", "chair"):
            leader = agent_of(child)
            ref = disc.ref(leader) if leader is not None else None
            if ref is not None and ref.label == "PERSON":
                return ref
    return None


def _document_speaker(token: Token, disc: Discourse) -> ActorRef | None:
    """"the statement also confirmed": the speaker of the last statement before it."""
    if token.lemma_.lower() not in DOCUMENT_NOUNS:
        return None
    for previous in reversed(disc.extractions):
        if previous.kind == STATEMENT and previous.actor is not None and previous.sentence.start < token.idx:
            return previous.actor
    return None


def _reported_content(cue: Token) -> TextSpan | None:
    for child in cue.children:
        if child.dep_ == "ccomp":
            return _subtree(child)
    if cue.lemma_.lower() in OBJECT_CUES:
        for child in cue.children:
            if child.dep_ == "dobj" and child.pos_ != "PRON":
                return _subtree(child)
    return None


def _fill_topic(extraction: Extraction, cue: Token, disc: Discourse) -> None:
    """A statement's predicate and object, when its content is a known action."""
    extraction.predicate = "say" if extraction.stance != DENIED else "deny"
    content = extraction.content
    for token in cue.subtree:
        if token.i == cue.i or token.pos_ != "VERB" or not predicates.is_known_verb(token):
            continue
        if content is not None and not (content.start <= token.idx < content.end):
            continue  # "said in a report released on Tuesday that ...": not what was said
        predicate = predicates.normalise_verb(token)
        if predicate in predicates.CONCRETE_DEMANDS:
            extraction.predicate = predicate
            obj = next((c for c in token.children if c.dep_ == "dobj"), None)
            extraction.about = disc.ref(obj) if obj is not None else None
            if is_negated(token):
                extraction.negated = True
            break
    extraction.terms = _terms(cue, extraction.content)


def _terms(cue: Token, content: TextSpan | None) -> list[str]:
    if content is None:
        return []
    doc = cue.doc
    span = doc.char_span(content.start, content.end, alignment_mode="expand")
    if span is None:
        return []
    return sorted({
        ("base" if t.lower_ == "bases" else t.lemma_.lower())
        for t in span
        if t.pos_ == "NOUN" and not t.is_stop and not t.ent_type_ and t.lemma_.isalpha()
    })


def _asks_for_comment(noun: Token) -> bool:
    """"a request for comment" is a reporter's question, not the demand the story is about."""
    return any(
        child.dep_ == "prep" and child.lower_ == "for"
        and any(g.lemma_.lower() in REFUSED_SPEECH for g in child.children)
        for child in noun.children
    )


def _names_a_demand(content: TextSpan, cue: Token) -> bool:
    span = cue.doc.char_span(content.start, content.end, alignment_mode="expand")
    return span is not None and any(t.lemma_.lower() in DEMAND_NOUNS for t in span)


# -- no comment --------------------------------------------------------


def _is_no_comment(token: Token) -> bool:
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
        sentence=_sentence_span(token.sent, None),
        actor=actor,
        cue=_no_comment_cue(token),
        content=_subtree(token),
        stance=NO_COMMENT,
    )
    extraction.origins = stance_of(token, disc).origins
    _fill_discussed_demand(extraction, token.sent, disc)
    return extraction


def _no_comment_cue(token: Token) -> str:
    xcomp = next((c for c in token.children if c.dep_ == "xcomp"), None)
    if xcomp is not None:
        return f"{token.lemma_.lower()} to {xcomp.lemma_.lower()}"
    return f"not {token.lemma_.lower()}"


def _fill_discussed_demand(extraction: Extraction, sent: Span, disc: Discourse) -> None:
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


# -- quotes with no cue in their sentence -----------------------------


def continued_quotes(sent: Span, disc: Discourse, quotes: list[tuple[int, int]], taken: set[tuple[int, int]]) -> list[Extraction]:
    """A quotation standing alone continues the previous sentence's speaker."""
    found = []
    for quote in quotes:
        if quote in taken or not (sent.start_char <= quote[0] < sent.end_char):
            continue
        outside = [t for t in sent if not t.is_punct and not t.is_space and not (quote[0] <= t.idx < quote[1])]
        if any(t.pos_ in ("NOUN", "PROPN", "PRON", "VERB") for t in outside):
            continue  # the sentence has its own frame ("The two sides 'agreed ...'"); leave the quote alone
        previous = next(
            (e for e in reversed(disc.extractions) if e.kind == STATEMENT and e.actor is not None
             and e.sentence.end <= sent.start_char),
            None,
        )
        if previous is None or sent.start_char - previous.sentence.end > 400:
            continue
        found.append(Extraction(
            kind=STATEMENT, sentence=_sentence_span(sent, None), actor=previous.actor,
            content=_text_span(disc, quote), cue=previous.cue, direct=True,
            stance=previous.stance, origins=list(previous.origins), predicate="say",
        ))
    return found


# -- according to X ----------------------------------------------------


def according_to_statements(sent: Span, disc: Discourse, others: list[Extraction]) -> list[Extraction]:
    """"According to X, ..." with nothing else extracted there: a statement by X."""
    if others:
        return []
    found = []
    for token in sent:
        if token.lower_ != "according" or token.head.i == token.i:
            continue
        stance = stance_of(token.head, disc)
        if not stance.origins:
            continue
        clause = token.head
        skip = {t.i for t in token.subtree}
        tokens = [t for t in clause.subtree if t.i not in skip and not t.is_space]
        while tokens and tokens[-1].is_punct:
            tokens.pop()
        if not tokens:
            continue
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        speaker = stance.origins[-1]
        found.append(Extraction(
            kind=STATEMENT, sentence=_sentence_span(sent, None), actor=speaker,
            content=TextSpan(start, end, disc.doc.text[start:end]), cue="according to",
            stance=stance.stance, origins=stance.origins, predicate="say",
        ))
    return found


# -- social posts ------------------------------------------------------


def social_posts(disc: Discourse) -> list[Extraction]:
    """Embedded posts signed "— Name (@handle) Month D, YYYY": the name said the text before it."""
    text = disc.doc.text
    found = []
    for match in _SOCIAL_SIGNATURE.finditer(text):
        content = _post_text(text, match.start())
        if content is None or disc.in_furniture(content[0], content[1]):
            continue
        name_start, name_end = match.span("name")
        name = match.group("name").strip()
        speaker = _post_speaker(disc, name, name_start, name_end)
        start, end = content
        found.append(Extraction(
            kind=STATEMENT,
            sentence=TextSpan(start, match.end(), text[start:match.end()]),
            actor=speaker,
            content=TextSpan(start, end, text[start:end]),
            cue="post",
            direct=True,
            stance=ATTRIBUTED,
            origins=[speaker],
            predicate="say",
        ))
    return found


def _post_text(text: str, signature_at: int) -> tuple[int, int] | None:
    line_start = text.rfind("\n", 0, signature_at) + 1
    start = line_start
    if not text[line_start:signature_at].strip():
        # The signature has its own line: the post is the line before it.
        previous_end = line_start - 1
        start = text.rfind("\n", 0, previous_end) + 1
    # Posts with several paragraphs are set apart by wide gaps; walk back over them.
    while True:
        gap_end = start
        gap_start = gap_end
        while gap_start > 0 and text[gap_start - 1] in "\n \t":
            gap_start -= 1
        if text[gap_start:gap_end].count("\n") < 3 or gap_start == 0:
            break
        start = text.rfind("\n", 0, gap_start) + 1
    end = signature_at
    body = text[start:end]
    tail = _URL_TAIL.search(body)
    if tail:
        end = start + tail.start()
    while end > start and text[end - 1] in " \n\t":
        end -= 1
    return (start, end) if end > start else None


def _post_speaker(disc: Discourse, name: str, start: int, end: int) -> ActorRef:
    for mention in disc.actors.mentions:
        if mention.start <= start and end <= mention.end + 1:
            return ActorRef(name, mention.key, mention.label, start, end)
    return ActorRef(name, name, "PERSON", start, start + len(name))


# -- spans -------------------------------------------------------------


def _text_span(disc: Discourse, quote: tuple[int, int]) -> TextSpan:
    return TextSpan(quote[0], quote[1], disc.doc.text[quote[0]:quote[1]])


def _subtree(token: Token) -> TextSpan:
    tokens = [t for t in token.subtree if not t.is_space]
    while tokens and tokens[-1].is_punct and tokens[-1].text not in ('"', "\u201d", ")", "]"):
        tokens.pop()
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return TextSpan(start, end, token.doc.text[start:end])


def _sentence_span(sent: Span, content: TextSpan | None) -> TextSpan:
    start, end = sent.start_char, sent.end_char
    if content is not None:
        start, end = min(start, content.start), max(end, content.end)
    doc = sent.doc
    return TextSpan(start, end, doc.text[start:end])

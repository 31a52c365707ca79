"""Who acts for which state: affiliations read off titles in the article.

"Brazil's Deputy Foreign Minister Maria Laura da Rocha", "White House
spokesman X", "the President of France X" (the state before the title) and
"X, France's foreign minister," (a title in apposition) make the person or
organisation act for the state, unless the title is no longer held ("former",
"ousted", "exiled"). ``find_affiliations`` runs once all mentions are known.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spacy.tokens import Doc, Span

from .actor_words import NOT_CURRENT, PERSON_TITLES, POSSESSIVE
from .metonymy import state_at
from .types import Affiliation, Mention
from .types import Span as CharSpan


def find_affiliations(
    doc: Doc, mentions: Sequence[Mention], by_token: Mapping[int, Mention]
) -> list[Affiliation]:
    """The state each named person or organisation acts for, with the words that say so."""
    found: dict[tuple[str, str], Affiliation] = {}
    for mention in mentions:
        if mention.label not in {"PERSON", "ORG"} or mention.metonym:
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        hit = _state_before_title(span, by_token) or _state_in_apposition(span, by_token)
        if hit is None:
            continue
        state, first, last = hit
        if state == mention.key:
            continue
        evidence_span = doc[first : max(last, span.end)]
        found.setdefault(
            (mention.key, state),
            Affiliation(member=mention.key, state=state, evidence=_span_of(evidence_span)),
        )
    return list(found.values())


def _state_before_title(
    span: Span, by_token: Mapping[int, Mention]
) -> tuple[str, int, int] | None:
    """ "Brazil's Deputy Foreign Minister X", "White House spokesman X", "the President of France X"."""
    doc = span.doc
    sent_start = span.sent.start
    saw_title = False
    i = span.start - 1
    while i >= max(sent_start, span.start - 9):
        token = doc[i]
        low = token.lower_
        if low in NOT_CURRENT or low.startswith("ex-"):
            return None
        state = state_at(token, by_token)
        if state:
            first = _mention_start_token(doc, i, by_token)
            if any(t.lower_ in NOT_CURRENT for t in doc[max(sent_start, first - 3) : first]):
                return None  # "former Kenyan President X" no longer acts for the state
            if saw_title:
                return state, first, span.end
            # "the President of France X": the title stands before "of <state>".
            j = _mention_start_token(doc, i, by_token) - 1
            if (
                j >= sent_start + 1
                and doc[j].lower_ == "of"
                and doc[j - 1].lower_ in PERSON_TITLES
                and not any(t.lower_ in NOT_CURRENT for t in doc[max(sent_start, j - 4) : j])
            ):
                return state, j - 1, span.end
            return None
        if low in PERSON_TITLES:
            saw_title = True
        elif not (
            token.text in POSSESSIVE
            or token.is_punct
            and token.text in {",", "-"}
            or token.pos_ in {"ADJ", "NOUN", "PROPN", "DET", "ADP"}
            and not by_token.get(token.i)
            or low in {"de", "facto", "self", "declared", "appointed", "acting"}
        ):
            return None
        i -= 1
    return None


def _state_in_apposition(
    span: Span, by_token: Mapping[int, Mention]
) -> tuple[str, int, int] | None:
    """ "X, France's foreign minister," — a title in apposition after the name."""
    doc = span.doc
    end = span.end
    if end >= len(doc) or doc[end].text != ",":
        return None
    window = doc[end + 1 : min(end + 7, span.sent.end)]
    saw_state = None
    for token in window:
        if token.lower_ in NOT_CURRENT:
            return None
        if token.text == "," or token.lower_ in {"who", "which", "said", "and"}:
            break
        state = state_at(token, by_token)
        if state and saw_state is None:
            saw_state = state
        if token.lower_ in PERSON_TITLES and saw_state:
            return saw_state, span.start, token.i + 1
    return None


def _mention_start_token(doc: Doc, i: int, by_token: Mapping[int, Mention]) -> int:
    mention = by_token.get(i)
    if mention is None:
        return i
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.start if span is not None else i


def _span_of(span: Span) -> CharSpan:
    return CharSpan(span.start_char, span.end_char, span.text)

"""Texts too long to analyse at once: cut into pieces, analysed one by one, joined back.

spaCy refuses a text over ``nlp.max_length`` characters (1,000,000 by default),
and the article-level rules (discourse, targets, dates) compare every
extraction of an article with the others. A news story is rarely over 100 KB,
so a text longer than ``MAX_PIECE_CHARS`` is not one story; rather than refuse
it, ``Extractor.analyse`` reads it in pieces of at most that many characters,
cut after a blank line where there is one, and moves every offset of each
piece's analysis back into the whole text. What is lost is only what crosses
a cut: a short name ("Okafor") in one piece is not known as the full name
given in an earlier one, and a sentence that credits the one before it does
not reach across.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TypeVar

from .types import ActorRef, Analysis, Extraction, Mention, Span

MAX_PIECE_CHARS = 100_000

# Where to cut, best first: after a paragraph, a line, a sentence, a word; failing
# all of them (one 100,000-character word) the piece is cut where it is full.
_CUT_AFTER = ("\n\n", "\n", ". ", " ")

Located = TypeVar("Located", Span, ActorRef, Mention)


def text_pieces(text: str, limit: int) -> list[tuple[int, str]]:
    """``(offset, piece)`` pairs that cover ``text`` exactly, no piece longer than ``limit``."""
    pieces = []
    start = 0
    while len(text) - start > limit:
        end = _cut_point(text, start, start + limit)
        pieces.append((start, text[start:end]))
        start = end
    pieces.append((start, text[start:]))
    return pieces


def _cut_point(text: str, start: int, stop: int) -> int:
    for mark in _CUT_AFTER:
        found = text.rfind(mark, start + 1, stop)
        if found != -1:
            return found + len(mark)
    return stop


def furniture_within(furniture: list[Span], offset: int, piece: str) -> list[Span]:
    """The furniture spans inside ``piece``, cut to it, in the piece's own offsets."""
    end = offset + len(piece)
    within = []
    for span in furniture:
        start, stop = max(span.start, offset) - offset, min(span.end, end) - offset
        if start < stop:
            within.append(Span(start, stop, piece[start:stop]))
    return within


def joined(parts: list[tuple[int, Analysis]], furniture: list[Span]) -> Analysis:
    """One analysis of the whole text from the analyses of its pieces at their offsets."""
    whole = Analysis(
        sentences=[],
        furniture=list(furniture),
        mentions=[],
        aliases=[],
        affiliations=[],
        extractions=[],
    )
    for offset, part in parts:
        whole.sentences += [_moved(span, offset) for span in part.sentences]
        whole.mentions += [_moved(mention, offset) for mention in part.mentions]
        whole.aliases += part.aliases
        whole.affiliations += [
            replace(a, evidence=_moved(a.evidence, offset)) for a in part.affiliations
        ]
        whole.extractions += [_moved_extraction(e, offset) for e in part.extractions]
    # The same alias declared in two pieces ("the National Liberation Front (NLF)") is one.
    whole.aliases = list(dict.fromkeys(whole.aliases))
    return whole


def _moved_extraction(extraction: Extraction, offset: int) -> Extraction:
    return replace(
        extraction,
        sentence=_moved(extraction.sentence, offset),
        actor=_moved(extraction.actor, offset),
        target=_moved(extraction.target, offset),
        about=_moved(extraction.about, offset),
        content=_moved(extraction.content, offset),
        origins=[_moved(origin, offset) for origin in extraction.origins],
    )


def _moved(located: Located | None, offset: int) -> Located | None:
    """``located`` as it sits ``offset`` characters further into the text."""
    if located is None:
        return None
    moved = replace(located, start=located.start + offset, end=located.end + offset)
    if isinstance(moved, Mention):
        moved = replace(
            moved,
            sentence_start=moved.sentence_start + offset,
            sentence_end=moved.sentence_end + offset,
        )
    return moved

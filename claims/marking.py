"""An article's body cut into what the article page marks, the way displaCy marks entities.

Blocks are evidence sentences (linked to the claims they back, each with an
``ev-ID`` anchor that a claim page links to), page furniture (greyed) and
plain text; inside each block, actor mentions are marked and linked to their
actor. Pure functions over offsets: the template only prints the runs.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class MentionSpan:
    start: int
    end: int
    entity_id: int
    label: str  # the entity's kind, as displaCy shows it


@dataclass(frozen=True)
class SentenceSpan:
    start: int
    end: int
    evidence_ids: tuple[int, ...]
    claims: tuple[tuple[int, str], ...]  # (claim id, summary)


@dataclass(frozen=True)
class Run:
    """Text inside a block, an actor mention when ``entity_id`` is set."""

    text: str
    entity_id: int | None = None
    label: str = ""


@dataclass
class Block:
    kind: str  # "text", "furniture" or "evidence"
    runs: list[Run] = field(default_factory=list)
    evidence_ids: tuple[int, ...] = ()
    claims: tuple[tuple[int, str], ...] = ()

    @property
    def anchor(self) -> str:
        return f"ev-{self.evidence_ids[0]}" if self.evidence_ids else ""

    @property
    def extra_anchors(self) -> list[str]:
        return [f"ev-{pk}" for pk in self.evidence_ids[1:]]


def merged_sentences(sentences: Iterable[SentenceSpan]) -> list[SentenceSpan]:
    """Evidence sentences in order, overlapping ones joined (two extractions of one sentence)."""
    merged: list[SentenceSpan] = []
    for span in sorted(sentences, key=lambda s: (s.start, s.end)):
        if merged and span.start < merged[-1].end:
            last = merged.pop()
            claims = last.claims + tuple(c for c in span.claims if c not in last.claims)
            span = SentenceSpan(last.start, max(last.end, span.end), last.evidence_ids + span.evidence_ids, claims)
        merged.append(span)
    return merged


def mark_body(
    body: str,
    *,
    furniture: Iterable[tuple[int, int]],
    sentences: Iterable[SentenceSpan],
    mentions: Iterable[MentionSpan],
) -> list[Block]:
    """The whole body as blocks, in order; every character appears once."""
    # A sentence's trailing line break stays outside its mark, so the claim links end the sentence.
    trimmed = [
        SentenceSpan(s.start, s.start + len(body[s.start:s.end].rstrip()), s.evidence_ids, s.claims)
        for s in sentences
    ]
    regions = _regions(len(body), list(furniture), merged_sentences(trimmed))
    mentions = sorted(mentions, key=lambda m: (m.start, -m.end))
    return [
        Block(kind, _runs(body, start, end, mentions), span.evidence_ids if span else (), span.claims if span else ())
        for kind, start, end, span in regions
    ]


def _regions(length: int, furniture: list[tuple[int, int]], sentences: list[SentenceSpan]):
    """(kind, start, end, sentence) covering ``[0, length)``; an evidence sentence wins over furniture."""
    marks = [("evidence", max(0, s.start), min(length, s.end), s) for s in sentences]
    marks += [("furniture", max(0, a), min(length, b), None) for a, b in furniture]
    marks.sort(key=lambda m: (m[1], m[0] != "evidence"))
    regions, cursor = [], 0
    for kind, start, end, span in marks:
        start = max(start, cursor)
        if start >= end:
            continue
        if start > cursor:
            regions.append(("text", cursor, start, None))
        regions.append((kind, start, end, span))
        cursor = end
    if cursor < length:
        regions.append(("text", cursor, length, None))
    return regions


def _runs(body: str, start: int, end: int, mentions: list[MentionSpan]) -> list[Run]:
    """``body[start:end]`` split around the mentions inside it (a mention crossing the edge is left plain)."""
    runs, cursor = [], start
    for mention in mentions:
        if mention.start >= end:
            break
        if mention.start < cursor or mention.end > end:
            continue
        if mention.start > cursor:
            runs.append(Run(body[cursor:mention.start]))
        runs.append(Run(body[mention.start:mention.end], mention.entity_id, mention.label))
        cursor = mention.end
    if cursor < end:
        runs.append(Run(body[cursor:end]))
    return runs

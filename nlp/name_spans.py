"""Where the names are: spaCy's entity spans turned into candidate name spans.

A ``Candidate`` is a name span (token offsets) before the actor index decides
which actor it belongs to. ``initial_candidates`` takes the model's entities
and cleans what the small model gets wrong: a leading "the", a trailing
possessive, a span running into a bracket, "A/B" written solid, a title
swept into a person's name, a first word or a "da Rocha" the model dropped.
``without_overlaps`` keeps the longest of overlapping spans. Names the model
missed altogether are found by missed_names.py.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from . import states
from .actor_words import (
    GOVERNMENT_NOUNS,
    INNER_PARTICLES,
    MINISTRY_SUBJECTS,
    PERSON_TITLES,
    POSSESSIVE,
    TITLE_WORDS,
)
from .types import ACTOR_LABELS

# Labels the small model gives actors it has mistyped (a base tagged PRODUCT).
_CANDIDATE_LABELS = set(ACTOR_LABELS) | {"PRODUCT"}


def overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether the character range [start, end) overlaps any of ``spans`` (furniture, say)."""
    return any(start < s_end and s_start < end for s_start, s_end in spans)


@dataclass
class Candidate:
    """A name span before keys are decided (token offsets into the doc)."""

    start: int
    end: int
    label: str
    ruler_key: str = ""  # canonical name from the corpus's known aliases
    found_by: str = "ner"  # "ner", "ruler", "declared", "repeat", "cue"

    def span(self, doc: Doc) -> Span:
        return doc[self.start : self.end]


# --- cleaning spans ------------------------------------------------------------


def _is_not_name_part(token: Token) -> bool:
    """Punctuation, links, handles and emoji that the model sweeps into a name."""
    return (
        token.is_punct
        or token.is_space
        or token.like_url
        or token.text.startswith("@")
        or not any(ch.isalnum() for ch in token.text)
    )


def _clean_candidate(doc: Doc, cand: Candidate) -> list[Candidate]:
    """Trim and split one entity span; may return none, one or two candidates."""
    start, end = cand.start, cand.end
    # A span running into a bracket stops at the bracket: "Rapid Support Forces (RSF".
    for i in range(start, end):
        if doc[i].text in '()[]{}"“”':
            if i > start:
                end = i
                break
            start = i + 1
    while start < end and (
        doc[start].lower_ in {"the", "a", "an"} or _is_not_name_part(doc[start])
    ):
        start += 1
    while end > start and (doc[end - 1].text in POSSESSIVE or _is_not_name_part(doc[end - 1])):
        end -= 1
    if start >= end:
        return []
    # "Karimov/Dahlan": two names written solid.
    for i in range(start, end):
        if doc[i].text == "/":
            parts = [
                Candidate(start, i, cand.label, cand.ruler_key, cand.found_by),
                Candidate(i + 1, end, cand.label, cand.ruler_key, cand.found_by),
            ]
            return [p for part in parts for p in _clean_candidate(doc, part)]
    if cand.label == "PERSON":
        # "Executive Tim Cook", "Governor Jane Roe": the title is not the name.
        while end - start > 1 and doc[start].lower_ in PERSON_TITLES | TITLE_WORDS:
            start += 1
    start = _extend_left_over_name_words(doc, start, end)
    if cand.label in {"PERSON", "ORG"}:
        end = _extend_right_over_particles(doc, end)
    return [Candidate(start, end, cand.label, cand.ruler_key, cand.found_by)]


def _extend_right_over_particles(doc: Doc, end: int) -> int:
    """Take back the end of a name the model cut at a particle: "Maria Laura" + "da Rocha"."""
    while end + 1 < len(doc) and doc[end].lower_ in INNER_PARTICLES and doc[end].whitespace_:
        following = doc[end + 1]
        if following.ent_type_ and following.ent_iob_ == "B" or not following.text[:1].isupper():
            break
        if following.pos_ != "PROPN":
            break
        end += 2
        while (
            end < len(doc)
            and doc[end].pos_ == "PROPN"
            and doc[end].text[:1].isupper()
            and not doc[end].ent_type_
            and doc[end - 1].whitespace_
        ):
            end += 1
    return end


def _is_name_word(token: Token) -> bool:
    if token.ent_type_ or token.is_space or token.is_punct:
        return False
    if token.lower_ in PERSON_TITLES | GOVERNMENT_NOUNS | TITLE_WORDS:
        return False
    if states.state_of_demonym(token.text) or states.state_named(token.text):
        return False
    return token.pos_ == "PROPN" and token.text[:1].isupper() and not token.is_sent_start


def _extend_left_over_name_words(doc: Doc, start: int, end: int) -> int:
    """Take back a first name word the model left out ("Jaish" of "Jaish al-Adl")."""
    if end - start < 2:
        return start  # a single word: the word before is more often a title than a name
    while start > 0 and _is_name_word(doc[start - 1]) and doc[start - 1].whitespace_:
        start -= 1
    return start


# --- the model's entities as candidates -------------------------------------------


def _is_title_remnant(ent: Span) -> bool:
    """ "State" of "Secretary of State", "Defence" of "Minister of Defence": part of a title."""
    doc = ent.doc
    return (
        len(ent) == 1
        and ent.start >= 2
        and doc[ent.start - 1].lower_ == "of"
        and doc[ent.start - 2].lower_ in PERSON_TITLES | {"ministry", "department", "office"}
        and ent.text.lower() in GOVERNMENT_NOUNS | MINISTRY_SUBJECTS
    )


def initial_candidates(doc: Doc, skip: Sequence[tuple[int, int]]) -> list[Candidate]:
    found = []
    for ent in doc.ents:
        if ent.label_ not in _CANDIDATE_LABELS or _is_title_remnant(ent):
            continue
        if overlaps(ent.start_char, ent.end_char, skip):
            continue
        found_by = "ruler" if ent.ent_id_ else "ner"
        cand = Candidate(ent.start, ent.end, ent.label_, ent.ent_id_, found_by)
        found += _clean_candidate(doc, cand)
    return without_overlaps(found)


def without_overlaps(cands: Iterable[Candidate]) -> list[Candidate]:
    """Longest first, then keep those that do not overlap one already kept."""
    kept: list[Candidate] = []
    taken: set[int] = set()
    for cand in sorted(cands, key=lambda c: (-(c.end - c.start), c.start)):
        if taken.isdisjoint(range(cand.start, cand.end)):
            kept.append(cand)
            taken.update(range(cand.start, cand.end))
    return sorted(kept, key=lambda c: c.start)

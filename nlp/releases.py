"""The voice of a press release: "we" in its own words is the organisation issuing it.

A statement a body publishes itself ("PRESS RELEASE", "STATEMENT", "PUBLIC NOTE" at its top)
speaks in the first person for that body: "We call on the mayor to receive us" is the union's
demand. The issuer is the first organisation the release names after its label; quotations
inside it keep their own speakers.
"""
from __future__ import annotations

import re

from .discourse import Discourse
from .model import doc_text
from .types import PARTY_LABELS, ActorRef

# How far into the text the label is looked for (lines, blank ones included).
_TOP_LINES = 8
_RELEASE_LABEL = re.compile(
    r"^(((press|news|media|official|joint|public) )?(release|statement|note|communiqu[eé])|open letter|"
    r"for immediate release)\s*[:.]?\s*$",
    re.I,
)


def release_issuer(disc: Discourse) -> ActorRef | None:
    """The organisation a labelled press release speaks for, else None."""
    text = doc_text(disc.doc)
    offset = 0
    for number, line in enumerate(text.split("\n")):
        if number >= _TOP_LINES:
            return None
        if _RELEASE_LABEL.match(line.strip()):
            return _first_organisation_after(disc, offset + len(line))
        offset += len(line) + 1
    return None


def _first_organisation_after(disc: Discourse, start: int) -> ActorRef | None:
    """The first organisation named in the release's heading and opening lines after its label;
    failing one, the first party named there (the small model often takes a foreign body's name
    for a person's)."""
    opening = [
        m for m in disc.actors.mentions
        if start <= m.start < start + _OPENING_CHARS and m.label in PARTY_LABELS
    ]
    found = next((m for m in opening if m.label == "ORG"), opening[0] if opening else None)
    return ActorRef(found.text, found.key, found.label, found.start, found.end) if found else None


# How far after the label the heading and first lines run.
_OPENING_CHARS = 300

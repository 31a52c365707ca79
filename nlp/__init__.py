"""ClaimTrack's extraction package: pure Python and spaCy, no Django.

``Extractor`` turns an article's text into an ``Analysis`` (types.py): sentences,
actor mentions, declared aliases, affiliations and extractions (demands,
statements, status, events) with their stance and origins.
"""
from .normalise import normalise_name, same_name
from .pipeline import Extractor
from .types import (
    ACTOR_LABELS,
    ASSERTED,
    ATTRIBUTED,
    DEMAND,
    DENIED,
    EVENT,
    HEDGED,
    NO_COMMENT,
    STATEMENT,
    STATUS,
    ActorRef,
    Affiliation,
    Analysis,
    DeclaredAlias,
    Extraction,
    KnownAlias,
    Mention,
    Span,
)

__all__ = [
    "ACTOR_LABELS", "ASSERTED", "ATTRIBUTED", "DEMAND", "DENIED", "EVENT", "HEDGED", "NO_COMMENT",
    "STATEMENT", "STATUS", "ActorRef", "Affiliation", "Analysis", "DeclaredAlias", "Extraction",
    "Extractor", "KnownAlias", "Mention", "Span", "normalise_name", "same_name",
]

"""What the extraction package returns: plain dataclasses, no Django.

Offsets are character offsets into the article body as given to
``Extractor.analyse``. Every ``key`` is the name under which the *article*
knows an actor after in-article resolution (short forms and declared aliases
folded into the fullest name used), so the Django side resolves each key once.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# Entity kinds, as spaCy labels them.
ACTOR_LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP")
# Who can make, receive or be about a claim: a state, an organisation or a person. Not a demonym
# ("Russian" in a Russian statement is the speaker's own side), nor a place or a building.
PARTY_LABELS = frozenset({"GPE", "ORG", "PERSON"})

DEMAND, STATEMENT, EVENT, STATUS = "demand", "statement", "event", "status"
ASSERTED, ATTRIBUTED, HEDGED, NO_COMMENT, DENIED = "asserted", "attributed", "hedged", "no_comment", "denied"


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class ActorRef:
    """An actor as it appears in one place, and who it resolves to in the article."""

    text: str  # the surface form at this place ("Ankara", "Kurtulmus")
    key: str  # the article-level name ("Turkey" for an acting "Ankara", "Numan Kurtulmus")
    label: str  # one of ACTOR_LABELS
    start: int
    end: int


@dataclass(frozen=True)
class Mention:
    """One named actor in the text."""

    text: str
    key: str
    label: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    # A capital or seat of government acting for its state ("Moscow demanded"):
    # ``key`` is then the state and ``metonym`` True.
    metonym: bool = False


@dataclass(frozen=True)
class DeclaredAlias:
    """An alias the text itself declares: "National Liberation Front (NLF)"."""

    name: str  # the fuller name (article key)
    alias: str  # the other name
    label: str
    pattern: str  # which construction declared it ("parenthesis", "or", "aka", "acronym", ...)


@dataclass(frozen=True)
class Affiliation:
    """An actor who acts for a state: "Sudan's army chief, Abdel Fattah al-Burhan",
    or a person who acts for an organisation: "X, the union's chief negotiator"."""

    member: str  # article key of the person or organisation
    state: str  # article key of what the member acts for: a state, or an organisation when label is ORG
    evidence: Span
    label: str = "GPE"  # "GPE" for a state, "ORG" for an organisation


@dataclass
class Extraction:
    kind: str  # DEMAND, STATEMENT, EVENT, STATUS
    sentence: Span
    actor: ActorRef | None = None
    target: ActorRef | None = None
    # The target was not named with the finding but inferred from its article (counterparts.py):
    # claims are not split on it, as another outlet's report may infer another.
    target_inferred: bool = False
    about: ActorRef | None = None  # the entity the claim is about ("hand over <the suspect>")
    predicate: str = ""  # normalised: "hand over", "compensation", "say", "unresolved"
    content: Span | None = None  # what is demanded or said
    cue: str = ""  # lemma of the cue verb/phrase: "demand", "request", "say", "according to"
    direct: bool = False  # a direct quotation
    negated: bool = False
    stance: str = ASSERTED
    origins: list[ActorRef] = field(default_factory=list)  # named origins credited
    event_date: dt.date | None = None
    terms: list[str] = field(default_factory=list)  # content lemmas, for grouping claims
    meaning: bytes = b""  # a statement's sentence vector (meaning.py), when the extractor has a sentence model


@dataclass
class Analysis:
    """Everything extraction found in one article."""

    sentences: list[Span]
    furniture: list[Span]
    mentions: list[Mention]
    aliases: list[DeclaredAlias]
    affiliations: list[Affiliation]
    extractions: list[Extraction]


@dataclass(frozen=True)
class KnownAlias:
    """A name the corpus already knows (from the Alias table), fed to the EntityRuler."""

    surface: str
    canonical: str
    label: str

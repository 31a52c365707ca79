"""When a place, a government body or an official phrase stands for a state.

- ``metonymy``: a capital or seat of government that acts ("Ankara demanded",
  "the White House declined") stands for its state, but not where it names
  the place ("protesters in Ankara", "fled to Kinshasa", a dateline); a
  government body ("the Japanese Foreign Ministry", "India's defence
  ministry") stands for its state too.
- ``state_of_government_phrase``: an unnamed official noun phrase ("Turkish
  officials", "the new rulers in Caracas", "the Americans") denotes a state.
- ``state_at``: the state one modifier word names or stands for, which
  affiliations.py also reads ("Brazil's Deputy Foreign Minister X").

``by_token`` maps token indices to the article's mentions found so far.
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Span, Token

from . import states
from .actor_words import (
    ACTING_OBJECT_PREPS,
    GOVERNMENT_NOUNS,
    LOCATIVE_PREPS,
    MOTION_VERBS,
    POSSESSIVE,
    SANCTION_NOUNS,
    URBAN_NOUNS,
)
from .types import Mention


def metonymy(
    span: Span, key: str, label: str, by_token: Mapping[int, Mention]
) -> tuple[str | None, bool]:
    """The state a capital or seat of government stands for here, if it acts."""
    seat_state = states.state_of_seat(span.text) or states.state_of_seat(key)
    capital_state = (
        states.state_of_capital(span.text) if label in {"GPE", "LOC", "FAC", "ORG"} else None
    )
    government_state = _government_body_state(span, label, by_token)
    if government_state:
        return government_state, True
    if seat_state:
        return (None, False) if _is_locative(span.root) else (seat_state, True)
    if capital_state and _acts(span.root) and not _is_dateline(span):
        return capital_state, True
    return None, False


def _government_body_state(
    span: Span, label: str, by_token: Mapping[int, Mention]
) -> str | None:
    """ "The Japanese Foreign Ministry", "the US Treasury Department" tagged ORG -> the state."""
    if label not in {"ORG", "FAC"} or len(span) < 2 and not (
        span.start >= 2 and span.doc[span.start - 1].text in POSSESSIVE
    ):
        return None
    if span[-1].lower_ not in GOVERNMENT_NOUNS:
        return None
    for token in span[:-1]:
        state = _state_of_modifier_word(token)
        if state:
            return state
    # "India's defence ministry": the owner stands before the name.
    doc = span.doc
    if span.start >= 2 and doc[span.start - 1].text in POSSESSIVE:
        owner = state_at(doc[span.start - 2], by_token)
        if owner and not _is_locative(span.root):
            return owner
    return None


def state_at(token: Token, by_token: Mapping[int, Mention]) -> str | None:
    """The state a token names or stands for, as a modifier of a title."""
    mention = by_token.get(token.i)
    if mention is not None:
        if mention.label == "GPE" and (states.state_named(mention.key) or mention.metonym):
            return mention.key
        if mention.metonym:
            return mention.key
        if mention.label == "NORP":
            return states.state_of_demonym(mention.text)
        # "the rulers in Caracas", "White House spokesman": a capital or seat that
        # modifies an official noun stands for its state.
        return states.state_of_seat(mention.text) or (
            states.state_of_capital(mention.text) if mention.label == "GPE" else None
        )
    return _state_of_modifier_word(token)


def state_of_government_phrase(head: Token, by_token: Mapping[int, Mention]) -> str | None:
    """ "Turkish officials", "Japan's foreign ministry", "the new rulers in Caracas"."""
    if (
        head.tag_ in {"NNPS", "NNS"}
        and head.text.endswith("s")
        and states.state_of_demonym(head.text)
    ):
        # "The Americans were not ready to compromise": a nation as a party.
        return states.state_of_demonym(head.text)
    if head.lower_ not in GOVERNMENT_NOUNS and head.lemma_.lower() not in GOVERNMENT_NOUNS:
        return None
    candidates: list[Token] = []
    for child in head.children:
        if child.dep_ in {"amod", "compound", "poss", "nmod"}:
            candidates.append(child)
            candidates += [g for g in child.children if g.dep_ in {"compound", "amod", "poss"}]
        elif child.dep_ == "prep" and child.lower_ in {"of", "in", "from"}:
            candidates += [g for g in child.children if g.dep_ == "pobj"]
    for token in candidates:
        state = state_at(token, by_token)
        if state:
            return state
    return None


def _state_of_modifier_word(token: Token) -> str | None:
    """A demonym, state name, capital or seat read off a single modifier word."""
    text = token.text
    if not text[:1].isupper():
        return None
    return (
        states.state_of_demonym(text)
        or states.state_named(text)
        or states.state_of_seat(text)
        or states.state_of_capital(text)
    )


def _is_dateline(span: Span) -> bool:
    """ "BEIJING (Reuters) -", "KYIV, March 3 -": the place a story was filed from."""
    if not span.text.isupper() or len(span.text) < 3:
        return False
    after = span.doc[span.end : span.end + 1]
    return bool(after) and after[0].text in {"(", ",", "-", "\u2014", "\u2013", ":"}


def _is_locative(token: Token) -> bool:
    """ "in Ankara", "to Nairobi", "at the White House": the word names the place."""
    head = token.head
    if token.dep_ == "pobj" and head.lower_ in LOCATIVE_PREPS:
        return True
    return token.dep_ in {"dobj"} and head.lemma_.lower() in MOTION_VERBS


def _acts(token: Token) -> bool:
    """Whether a capital acts as a party here rather than naming a place."""
    dep = token.dep_
    head = token.head
    if dep in {"conj", "appos"} and head is not token:
        return _acts(head)
    if dep in {"nsubj", "nsubjpass", "csubj"}:
        # "Nairobi is a city" / "Kabul fell": a copula or a place-verb keeps the city.
        return head.lemma_.lower() not in {"be", "fall", "lie", "sit", "host"}
    if dep == "poss":
        return head.lower_ not in URBAN_NOUNS
    if dep in {"dobj", "dative", "iobj"}:
        return head.lemma_.lower() not in MOTION_VERBS
    if dep == "pobj":
        prep = head.lower_
        governor = head.head
        if prep == "by" and head.dep_ == "agent":
            return True
        if prep in ACTING_OBJECT_PREPS:
            return True
        if (
            prep == "from"
            and governor.pos_ in {"NOUN"}
            and governor.lemma_.lower() not in URBAN_NOUNS
        ):
            return True  # "compensation from Tehran"
        if (
            prep == "from"
            and governor.pos_ in {"VERB", "AUX"}
            and governor.lemma_.lower() not in MOTION_VERBS
        ):
            return True  # "demanding compensation from Tehran", "distancing itself from Beijing"
        return prep == "on" and governor.lower_ in SANCTION_NOUNS  # "sanctions on Caracas"
    return False

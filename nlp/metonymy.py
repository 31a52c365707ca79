"""When a place, a government body or an official phrase stands for a state.

- ``metonymy``: a capital or seat of government that acts ("Ankara demanded",
  "the White House declined") stands for its state, but not where it names
  the place ("protesters in Ankara", "fled to Kinshasa", a dateline); a
  government body ("the Japanese Foreign Ministry", "India's defence
  ministry") stands for its state too.
- ``state_of_government_phrase``: an unnamed official noun phrase ("Turkish
  officials", "the new rulers in Caracas", "the Americans") denotes a state.
- ``names_an_event``: a city word inside an event's name ("the Geneva talks") is no
  actor at all.
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
    ARMED_FORCE_NOUNS,
    EVENT_NOUNS,
    GOVERNMENT_NOUNS,
    LOCATIVE_PREPS,
    MINISTRY_SUBJECTS,
    MOTION_VERBS,
    POSSESSIVE,
    SANCTION_NOUNS,
    STATE_ORGAN_NOUNS,
    TITLE_WORDS,
    URBAN_NOUNS,
)
from .datelines import dateline_state
from .types import Mention


def metonymy(
    span: Span, key: str, label: str, by_token: Mapping[int, Mention]
) -> tuple[str | None, bool]:
    """The state a capital or seat of government stands for here, if it acts (or the union of
    states seated there: "Brussels demanded" is the European Union)."""
    seat_state = states.state_of_seat(span.text) or states.state_of_seat(key)
    capital_state = (
        states.state_of_capital(span.text, spelling_variants=label in {"GPE", "LOC"})
        if label in {"GPE", "LOC", "FAC", "ORG"}
        else None
    )
    government_state = _government_body_state(span, label, by_token)
    if government_state:
        return government_state, True
    if seat_state:
        return (None, False) if _is_locative(span.root) else (seat_state, True)
    if capital_state and _acts(span.root) and not _is_dateline(span):
        return states.union_of_seat(span.text) or capital_state, True
    return None, False


def names_an_event(span: Span, label: str) -> bool:
    """ "the Geneva talks", "the Vienna summit", "Oslo Accords": a place word that only
    names an event or document held there (neither the city nor its state acts)."""
    if label not in {"GPE", "LOC"} or span.end >= len(span.doc) or states.is_state(span.text):
        return False  # "the Syria talks" are about the state, which takes part
    following = span.doc[span.end]
    return (
        following.lower_ in EVENT_NOUNS
        and span.root.dep_ == "compound"
        and span.root.head.i == following.i
    )


def _government_body_state(
    span: Span, label: str, by_token: Mapping[int, Mention]
) -> str | None:
    """ "The Japanese Foreign Ministry" tagged ORG -> the state; so are the state-government
    phrases ("the Government of the Republic of X"). A named department ("the US State
    Department") or armed force ("the X Armed Forces") is an actor of its own."""
    if label not in {"ORG", "FAC", "GPE"}:
        return None
    organ_state = _state_organ_phrase_state(span, by_token)
    if organ_state:
        return organ_state
    if label == "GPE" or len(span) < 2 and not (
        span.start >= 2 and span.doc[span.start - 1].text in POSSESSIVE
    ):
        return None
    if _is_bare_foreign_ministry(span) and not _is_locative(span.root):
        return _state_where_filed_or_seated(span)
    if span[-1].lower_ not in GOVERNMENT_NOUNS or _is_named_armed_force(span):
        return None
    if span[-1].lower_ == "department":
        return None  # "the US State Department": a department known by its own name is an actor
    if _has_own_name(span[:-1]):
        return None  # "the Freedonian Doping Control Authority": an agency with a name of its own
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


def _state_organ_phrase_state(span: Span, by_token: Mapping[int, Mention]) -> str | None:
    """The state of a phrase naming its government as a whole.

    "the Government of India", "the Bolivarian Government of X", "the Government of the
    Republic of X" (the state after "of"); "the X State", "the X Government" (a demonym or
    state name before the organ); "the X Ministry of Foreign Affairs", "X's Ministry of
    Foreign Affairs" (a portfolio after "of", the state before). A named agency ("the State
    Bank of X", "the Ministry of Mines") has other words after its organ noun and stays itself.
    """
    words = list(span)
    organ = next((i for i, t in enumerate(words) if t.lower_ in STATE_ORGAN_NOUNS), None)
    if organ is None:
        return None
    after = words[organ + 1 :]
    if after and after[0].lower_ == "of":
        rest = [t for t in after[1:] if t.lower_ != "the"]
        named = states.state_named(" ".join(t.text for t in rest)) if rest else None
        if named:
            return named
        if not rest or any(t.lower_ not in MINISTRY_SUBJECTS | {"and", "of"} for t in rest):
            return None
        if not {t.lower_ for t in rest} & FOREIGN_AFFAIRS:
            return None  # a ministry of justice or health is an actor of its own; foreign affairs speaks for the state
    elif after:
        return None
    for token in words[:organ]:
        # A capital does not make "X State" a government ("Washington State").
        state = states.state_of_demonym(token.text) or states.state_named(token.text)
        if state:
            return state
    doc = span.doc
    if span.start >= 2 and doc[span.start - 1].text in POSSESSIVE and organ == 0:
        owner = state_at(doc[span.start - 2], by_token)
        if owner and not _is_locative(span.root):
            return owner
    return None


# The portfolio that speaks for the state abroad: its ministry stands for the state.
FOREIGN_AFFAIRS = {"foreign", "external"}
# Words of a foreign ministry's name when it names no state ("the Foreign Office", "the
# Ministry of Foreign Affairs", "the Foreign and Commonwealth Office").
_FOREIGN_MINISTRY_WORDS = FOREIGN_AFFAIRS | {
    "affairs", "ministry", "office", "of", "and", "commonwealth", "development",
}


def _is_bare_foreign_ministry(span: Span) -> bool:
    words = [t.lower_ for t in span if t.lower_ != "the"]
    return (
        bool(set(words) & FOREIGN_AFFAIRS)
        and bool(set(words) & {"ministry", "office"})
        and all(w in _FOREIGN_MINISTRY_WORDS for w in words)
    )


def _state_where_filed_or_seated(span: Span) -> str | None:
    """The state of a foreign ministry the article names without one: "the Foreign Office in
    Berlin" is Germany's, and "ANKARA (AA) - The Ministry of Foreign Affairs said" Turkey's.

    The name alone is one entity for every story in a corpus, so the state is read here, per
    mention, and never learned for the name: another story's ministry stays another state's."""
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].lower_ == "in":
        # "in Berlin", "in the capital": the first capitalised word of the next two.
        seat = next((t for t in doc[span.end + 1 : span.end + 3] if t.text[:1].isupper()), None)
        seated = seat is not None and (states.state_of_capital(seat.text) or states.state_named(seat.text))
        if seated:
            return seated
    return dateline_state(doc)


def _has_own_name(words: Span) -> bool:
    """Capitalised words besides the state's modifier, portfolio and title words: a proper name."""
    return any(
        token.text[:1].isupper()
        and token.lower_ not in MINISTRY_SUBJECTS | TITLE_WORDS | {"the", "ministry", "government"}
        and _state_of_modifier_word(token) is None
        for token in words
    )


def _is_named_armed_force(span: Span) -> bool:
    """ "The Ruritanian Armed Forces", "the Sylvanian Army": a named force is an actor itself."""
    return span[-1].lower_ in ARMED_FORCE_NOUNS and all(
        t.is_title or t.is_upper for t in span if t.is_alpha
    )


def state_at(token: Token, by_token: Mapping[int, Mention]) -> str | None:
    """The state a token names or stands for, as a modifier of a title."""
    mention = by_token.get(token.i)
    if mention is not None:
        if mention.label == "GPE" and (states.state_named(mention.key) or mention.metonym):
            return mention.key
        if mention.metonym:
            return mention.key
        if mention.label == "NORP":
            return states.state_of_demonym(mention.text) or _state_named_beside(mention.text, by_token)
        derived = _state_named_beside(mention.text, by_token)
        if derived:
            return derived  # "Ozmaran officials", the people's word mistagged a person's name
        # "the rulers in Caracas", "White House spokesman": a capital or seat that
        # modifies an official noun stands for its state.
        return states.state_of_seat(mention.text) or (
            states.state_of_capital(mention.text) if mention.label == "GPE" else None
        )
    return _state_of_modifier_word(token)


# How English makes a people's word of a state's name: Freedonia -> Freedonian, Ozmar -> Ozmari.
_DEMONYM_ENDINGS = ("n", "an", "ian", "ese", "i", "ish")


def _state_named_beside(demonym: str, by_token: Mapping[int, Mention]) -> str | None:
    """The state of a people's word the reference data does not know ("Freedonian"): a state the
    same article names, of which it is the usual derivation."""
    # The small model tags an invented state as anything, a person included: any one-word name.
    states_named = {m.key for m in by_token.values() if " " not in m.key and m.key != demonym}
    found = {
        state for state in states_named
        if any(demonym == state + ending or demonym == state[:-1] + ending for ending in _DEMONYM_ENDINGS)
        and len(state) >= 4
    }
    return found.pop() if len(found) == 1 else None


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
    if head.lower_ in {"ministry", "office"} and {t.lower_ for t in candidates} & FOREIGN_AFFAIRS:
        return _state_where_filed_or_seated(head.doc[head.i : head.i + 1])  # "the foreign ministry said"
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

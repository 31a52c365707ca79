"""Who acts for which state or organisation: affiliations read off titles in the article.

"Brazil's Deputy Foreign Minister Maria Laura da Rocha", "White House
spokesman X", "the President of France X" (the state before the title) and
"X, France's foreign minister," (a title in apposition) make the person or
organisation act for the state, unless the title is no longer held ("former",
"ousted", "exiled").

A person also acts for an organisation they lead or speak for: "union chairman
X", "the union's chief negotiator, X", "X, leader of the union", "X, a
spokeswoman for the agency", "X, who heads the union". Only leadership and
representative roles count (a member, an analyst or a lawyer at a firm does
not speak for it). ``find_affiliations`` runs once all mentions are known.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from .actor_kinds import in_hyphenated_title
from .actor_words import (
    CITY_OFFICES,
    GENERIC_ORGANISATION_NOUNS,
    NOT_CURRENT,
    ORGANISATION_ROLES,
    PERSON_TITLES,
    POSSESSIVE,
    ROLE_QUALIFIERS,
)
from .datelines import dateline_state
from .metonymy import _state_of_modifier_word, state_at
from .states import state_named
from .types import Affiliation, Mention
from .types import Span as CharSpan


def find_affiliations(
    doc: Doc, mentions: Sequence[Mention], by_token: Mapping[int, Mention]
) -> list[Affiliation]:
    """The state each named person or organisation acts for, with the words that say so;
    failing a state, the organisation a named person leads or speaks for (label "ORG")."""
    found: dict[tuple[str, str], Affiliation] = {}
    with_organisations = _with_unlabelled_organisations(doc, mentions, by_token)
    home = dateline_state(doc)
    for mention in mentions:
        if mention.label not in {"PERSON", "ORG"} or mention.metonym:
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        label = "GPE"
        hit = _state_before_title(span, by_token) or _state_in_apposition(span, by_token)
        if hit is None and mention.label == "ORG":
            hit = _state_heading_a_ministry(span, by_token)
        if hit is None and mention.label == "PERSON":
            label = "ORG"
            hit = _organisation_of_person(span, with_organisations)
        if hit is None and mention.label == "PERSON" and home is not None:
            label = "GPE"
            hit = _office_of_the_home_state(span, home)
        if hit is None and mention.label == "PERSON":
            label = "GPE"
            hit = _city_of_its_mayor(span, by_token)
        if hit is None and mention.label == "PERSON":
            label = "ORG"
            hit = _court_of_a_judge(span, mentions)
        if hit is None:
            continue
        state, first, last = hit
        if state == mention.key:
            continue
        evidence_span = doc[min(first, span.start) : max(last, span.end)]
        found.setdefault(
            (mention.key, state),
            Affiliation(member=mention.key, state=state, evidence=_span_of(evidence_span), label=label),
        )
    return list(found.values())


# Bodies of a state's executive: a name that opens with the state and holds one of these
# ("the US State Department", "the Chilean Foreign Ministry") acts for that state.
_MINISTRY_WORDS = frozenset({"ministry", "department", "embassy"})
# Executive bodies whose name may hold their state anywhere: "the Ministry of Water Resources of
# the Republic of Kazakhstan", "the Norwegian Coast Guard". Not courts, regulators or agencies:
# they do not speak for the government. Only a state inside the name counts: a bare "Ministry of
# Foreign Affairs" or "Foreign Office" is one entity for every story in the corpus, and the state
# it acted for in one story would claim the others' (and which, would depend on the order read).
_EXECUTIVE_BODY_WORDS = _MINISTRY_WORDS | frozenset({
    "office", "consulate", "guard", "navy", "police", "cabinet",
})  # not "army": "National Liberation Army", "Kosovo Liberation Army" are no state's


def _state_heading_a_ministry(span: Span, by_token: Mapping[int, Mention]) -> tuple[str, int, int] | None:
    """"The US State Department said ...": a ministry named after its state speaks for the state,
    whether the state is part of the name (anywhere in it: "the Ministry of Foreign Affairs of the
    Republic of Kestria") or a name of its own just before it."""
    words = [t for t in span if t.lower_ != "the"]
    if len(words) >= 2 and any(t.lower_ in _EXECUTIVE_BODY_WORDS for t in words):
        first = _state_of_modifier_word(words[0])
        if first is not None:
            return first, words[0].i, words[0].i + 1  # "the Turkish Embassy in Berlin" is Turkey's
        named = {state for t in words[1:] if (state := _state_of_modifier_word(t)) is not None}
        if len(named) == 1:
            return named.pop(), span.start, span.end
    if not words or not any(t.lower_ in _MINISTRY_WORDS for t in words):
        return None
    before = span.doc[span.start - 1] if span.start > span.sent.start else None
    if before is not None and before.i in by_token:
        state = state_at(before, by_token)
        if state is not None:
            return state, before.i, span.end
    return None


# Offices of a state's government: held by someone the article names without their state, in a
# story filed from that state's capital, they are that state's ("SEOUL (Yonhap) -- ... Trade
# Minister Paik Dong-chan").
_STATE_OFFICES = frozenset({"minister", "president", "premier", "chancellor", "ambassador", "envoy"})


def _office_of_the_home_state(span: Span, home: str) -> tuple[str, int, int] | None:
    """ "Trade Minister Paik Dong-chan" with no state named: the state the story was filed from,
    unless the holder is visiting ("visiting Foreign Minister X") or no longer in office."""
    title = state_office_title(span)
    return (home, *title) if title is not None else None


def _city_of_its_mayor(span: Span, by_token: Mapping[int, Mention]) -> tuple[str, int, int] | None:
    """ "The mayor of Ravenna, X", "Ravenna mayor X", "Ravenna's mayor, X", "X, the mayor of
    Ravenna": the mayor acts for the city (the article names it as a place, not a state), so
    the city is their side, never whom they address."""
    doc = span.doc
    sent = span.sent
    if span.end < sent.end and doc[span.end].text == ",":
        words = [t for t in doc[span.end + 1 : min(sent.end, span.end + 4)] if t.lower_ not in {"the", "a"}]
        if words and words[0].lower_ in CITY_OFFICES:
            found = _city_of_office(words[0], by_token)
            if found is not None:
                return found[0], span.start, max(found[2], words[0].i + 1)
    for office in doc[max(sent.start, span.start - 6) : span.start]:
        if office.lower_ in CITY_OFFICES:
            found = _city_of_office(office, by_token)
            if found is not None:
                return found[0], min(found[1], office.i), span.end
    return None


def _city_of_office(office: Token, by_token: Mapping[int, Mention]) -> tuple[str, int, int] | None:
    """The city named with a mayor's office: after it ("mayor of Ravenna") or before it ("Ravenna mayor")."""
    return _city_after_of(office, by_token) or _city_before(office, by_token)


def _city_before(office: Token, by_token: Mapping[int, Mention]) -> tuple[str, int, int] | None:
    """ "Ravenna mayor", "Ravenna's mayor": the city named right before the office, and where."""
    i = office.i - 1
    if i >= 0 and office.doc[i].text in POSSESSIVE:
        i -= 1
    return _city_at(office.doc[i], by_token) if i >= 0 else None


def _city_after_of(office: Token, by_token: Mapping[int, Mention]) -> tuple[str, int, int] | None:
    """ "mayor of Ravenna"."""
    doc = office.doc
    if office.i + 2 < len(doc) and doc[office.i + 1].lower_ == "of":
        return _city_at(doc[office.i + 2], by_token)
    return None


def _city_at(token: Token, by_token: Mapping[int, Mention]) -> tuple[str, int, int] | None:
    """The city a token is part of the name of, with where the name runs (first, end)."""
    mention = by_token.get(token.i)
    if mention is None or mention.label != "GPE" or mention.metonym or state_named(mention.key):
        return None
    doc = token.doc
    return mention.key, _mention_start_token(doc, token.i, by_token), _mention_end_token(doc, token.i, by_token)


def court_named_before(position: int, mentions: Sequence[Mention], *, within: int | None = None) -> Mention | None:
    """The court or tribunal the article names nearest before ``position`` (within so many characters)."""
    courts = [
        m for m in mentions
        if m.label == "ORG" and m.end <= position and _names_a_court(m.key)
        and (within is None or position - m.end <= within)
    ]
    return max(courts, key=lambda m: m.end) if courts else None


def _names_a_court(name: str) -> bool:
    return bool({w.lower() for w in name.split()} & {"court", "tribunal"})


# Titles of those who sit on a court ("Judge Jane Roe", "Justice Jane Roe").
_JUDGES_TITLES = frozenset({"Judge", "Justice", "Magistrate"})


def _court_of_a_judge(span: Span, mentions: Sequence[Mention]) -> tuple[str, int, int] | None:
    """ "The Labour Court granted an interdict. Judge Jane Roe also ordered ...": a judge named by
    title acts for the court the article named just before (what she orders, the court orders)."""
    if span.start == 0 or span.doc[span.start - 1].text not in _JUDGES_TITLES:
        return None
    court = court_named_before(span.start_char, mentions, within=400)
    return None if court is None else (court.key, span.start - 1, span.end)


def state_office_title(span: Span) -> tuple[int, int] | None:
    """Where "Trade Minister X", "the Minister of Water Resources X" runs (first token, end), when a
    name is written after a post of a state's government with no state named, held now by
    someone at home ("visiting Foreign Minister X" and "former President X" are not)."""
    doc = span.doc
    first = span.start
    # "Trade Minister X", "the Minister of Water Resources, Agriculture and Processing Industry X".
    while first > span.sent.start and first > span.start - 12 and _in_a_title(doc[first - 1]):
        first -= 1
    title = [t.lower_ for t in doc[first : span.start]]
    if not set(title) & _STATE_OFFICES:
        return None
    before = doc[max(span.sent.start, first - 2) : first]
    if any(t.lower_ in NOT_CURRENT or t.lower_ == "visiting" for t in before):
        return None
    return first, span.end


def _in_a_title(token: Token) -> bool:
    """A word of a post written before a name: its words, "of", and the commas and "and" that
    list a portfolio's fields when a capitalised word follows them."""
    if token.lower_ in {"visiting", "former"}:
        return False
    if token.pos_ in ("PROPN", "NOUN", "ADJ") or token.lower_ == "of":
        return True
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return token.text in (",", "and") and following is not None and following.text[:1].isupper()


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
        posted_at = _post_to_body(doc, i, by_token, sent_start)
        if posted_at is not None:
            # "Chile's ambassador to the WTO, X": past the body the post is at, to the title.
            i = posted_at
            continue
        state = _state_word(token, by_token)
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
        elif low in ("to", "at") and token.pos_ == "ADP":
            return None  # "Chile's ambassador to the WTO": the body one is posted to is not the state's
        elif not (
            token.text in POSSESSIVE
            or token.is_punct
            and token.text in {",", "-"}
            or token.pos_ in {"ADJ", "NOUN", "PROPN", "DET", "ADP"}
            and (not by_token.get(token.i) or _field_of_title(token, by_token))
            or low in {"de", "facto", "self", "declared", "appointed", "acting"}
            # "Velland's Fisheries and Oceans Minister X": "and" joining two fields of the portfolio.
            or low in {"and", "&"} and doc[i + 1].text[:1].isupper()
        ):
            return None
        i -= 1
    return None


def _post_to_body(doc: Doc, i: int, by_token: Mapping[int, Mention], sent_start: int) -> int | None:
    """When ``doc[i]`` ends a body's name written after "<title> to/at (the)", the title's index."""
    mention = by_token.get(i)
    if mention is None or mention.label != "ORG":
        return None
    j = _mention_start_token(doc, i, by_token) - 1
    if j >= sent_start and doc[j].lower_ == "the":
        j -= 1
    if j - 1 >= sent_start and doc[j].lower_ in ("to", "at") and doc[j - 1].lower_ in PERSON_TITLES:
        return j - 1
    return None


def _field_of_title(token: Token, by_token: Mapping[int, Mention]) -> bool:
    """ "Norwegian *Defence* Minister X", "Fisheries and *Oceans* Minister X": the model may tag the
    one word of a post's field an organisation or a people; right before the title, it is part of
    the title (a people that is a state's was read as the state before this is asked)."""
    mention = by_token.get(token.i)
    return (
        mention is not None and mention.label in ("ORG", "NORP") and " " not in mention.text
        and token.i + 1 < len(token.doc) and token.nbor(1).lower_ in PERSON_TITLES
    )


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
        if saw_state is None and _organisation_at(token, by_token):
            return None  # "X, the agency's Freedonia director": the title is the organisation's
        state = _state_word(token, by_token)
        if state and saw_state is None:
            saw_state = state
        if token.lower_ in PERSON_TITLES and saw_state:
            return saw_state, span.start, token.i + 1
    return None


def _state_word(token: Token, by_token: Mapping[int, Mention]) -> str | None:
    """The state a title's modifier names; a determiner ("The") never does."""
    if token.pos_ == "DET" or token.lower_ == "the":
        return None
    return state_at(token, by_token)


# --- A person who leads or speaks for an organisation ---------------------------------

# Verbs of a relative clause that make the subject lead the organisation ("X, who heads ORG").
LEADING_VERBS = {"head", "lead", "chair", "run", "direct", "command", "represent", "coordinate", "found"}
# Words that may stand between an organisation and a role before a name
# ("the Front commander known as X").
_NAME_INTRODUCERS = {"known", "as", "called", "nicknamed", "dubbed"}
# Prepositions that tie a role to its organisation ("leader of", "spokeswoman for").
_ROLE_PREPOSITIONS = {"of", "for", "at", "with"}


def _with_unlabelled_organisations(
    doc: Doc, mentions: Sequence[Mention], by_token: Mapping[int, Mention]
) -> Mapping[int, Mention]:
    """``by_token`` plus places that name an organisation the tagger did not mark.

    The tagger names "the Front" an organisation in one sentence and misses it in
    the next; the same word, capitalised, names the same organisation. And once
    an article has named "the Freedonia Dockworkers Union", "the union's
    chairman" and "chairman of the union" mean that union.
    """
    organisations = [m for m in mentions if m.label == "ORG" and not m.metonym]
    names = {m.text: m for m in organisations if " " not in m.text and len(m.text) > 1}
    extra = {}
    for token in doc:
        if token.i in by_token:
            continue
        if token.text in names and token.pos_ == "PROPN":
            extra[token.i] = replace(names[token.text], start=token.idx, end=token.idx + len(token.text))
        elif _refers_to_an_organisation(token):
            named = _organisation_named_before(token, organisations) or _body_a_common_noun_means(token, organisations)
            if named is not None:
                extra[token.i] = replace(named, start=token.idx, end=token.idx + len(token.text))
    return {**by_token, **extra} if extra else by_token


def _refers_to_an_organisation(token: Token) -> bool:
    """ "the union's chairman", "chairman of the union": a common noun owning or holding a role."""
    if token.pos_ != "NOUN" or not token.text.islower() or token.i == 0 or _doc_word(token, -1) != "the":
        return False
    if _doc_word(token, 1) in POSSESSIVE:
        return True
    return _doc_word(token, -2) in _ROLE_PREPOSITIONS and _doc_word(token, -3) in ORGANISATION_ROLES


def _doc_word(token: Token, offset: int) -> str:
    """The lower-cased word ``offset`` tokens from ``token`` in its document, or ""."""
    i = token.i + offset
    return token.doc[i].lower_ if 0 <= i < len(token.doc) else ""


def _organisation_named_before(token: Token, organisations: Sequence[Mention]) -> Mention | None:
    """The last organisation named before ``token`` whose name ends in the token's noun."""
    earlier = [
        m for m in organisations
        if m.end <= token.idx and " " in m.text and m.text.split()[-1].lower() in {token.lower_, token.lemma_}
    ]
    return max(earlier, key=lambda m: m.end) if earlier else None


def _body_a_common_noun_means(token: Token, organisations: Sequence[Mention]) -> Mention | None:
    """ "X, the company's chief executive", "the group's spokeswoman, X": a common noun for any
    body is the organisation named last before it (within about a hundred words), unless that
    one was only credited or told ("told Reuters", "according to Reuters")."""
    if token.lemma_.lower() not in GENERIC_ORGANISATION_NOUNS:
        return None
    doc = token.doc
    earlier = []
    for mention in organisations:
        if mention.end > token.idx or token.idx - mention.end > 600:
            continue
        first = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if first is not None and first.start > 0 and doc[first.start - 1].lower_ in _CREDITING_WORDS:
            continue
        earlier.append(mention)
    return max(earlier, key=lambda m: m.end) if earlier else None


# Words just before an outlet only credited or spoken to: "told Reuters", "according to AFP".
_CREDITING_WORDS = frozenset({"told", "tells", "to", "via"})


def _organisation_of_person(
    span: Span, by_token: Mapping[int, Mention]
) -> tuple[str, int, int] | None:
    """The organisation a named person leads or speaks for, from the words around the name."""
    return (
        _organisation_before_title(span, by_token)
        or _organisation_in_apposition(span, by_token)
        or _organisation_after_titled_name(span, by_token)
    )


def _organisation_at(token: Token, by_token: Mapping[int, Mention]) -> str | None:
    """The organisation a token is part of the name of (a named ORG, not a state or metonym)."""
    mention = by_token.get(token.i)
    if mention is None or mention.label != "ORG" or mention.metonym:
        return None
    return mention.key


def _organisation_before_title(
    span: Span, by_token: Mapping[int, Mention]
) -> tuple[str, int, int] | None:
    """ "union chairman X", "the union's chief negotiator, X", "the head of the union, X"."""
    doc = span.doc
    sent_start = span.sent.start
    saw_role = False
    i = span.start - 1
    while i >= max(sent_start, span.start - 9):
        token = doc[i]
        low = token.lower_
        if low in NOT_CURRENT or low.startswith("ex-"):
            return None
        if by_token.get(i) is not None:
            organisation = _organisation_at(token, by_token)
            if organisation is None:
                return None
            first = _mention_start_token(doc, i, by_token)
            if _not_current_before(doc, first, sent_start):
                return None
            if saw_role:
                return organisation, first, span.end
            # "the head of the union, X": the role stands before "of <organisation>".
            return _role_before_of(doc, first, sent_start, organisation, span)
        if low in _OWNING_PRONOUNS and saw_role:
            # "Its president, Jane Roe": the organisation "its" refers back to, the last named.
            return _organisation_named_last(doc, i, by_token, span)
        if saw_role and token.pos_ in ("NOUN", "PROPN", "ADJ") and low not in ORGANISATION_ROLES:
            # "Cooperative president Jane Roe" after "the Bravik Oyster Cooperative": the word the
            # organisation's name ends in stands for it, as "the cooperative" would.
            named = _organisation_ending_in(doc, i, by_token, low)
            if named is not None:
                return named, i, span.end
        if low in ORGANISATION_ROLES:
            saw_role = True
        elif not (
            token.text in POSSESSIVE
            or token.text == "-"
            or in_hyphenated_title(doc, i)  # "editor-in-chief"
            or token.text == "," and i == span.start - 1
            or token.pos_ in {"ADJ", "NOUN", "PROPN"}
            or token.tag_ == "VBG" and token.dep_ == "amod"  # "managing director"
            or low in ROLE_QUALIFIERS  # however the parser tags "managing" or "acting"
            or low in _NAME_INTRODUCERS
            or low in PERSON_TITLES
        ):
            return None
        i -= 1
    return None


def _organisation_ending_in(doc: Doc, before: int, by_token: Mapping[int, Mention], word: str) -> str | None:
    """The organisation named nearest before ``before`` (within 400 words) whose name ends in ``word``."""
    for i in range(before - 1, max(0, before - 400) - 1, -1):
        mention = by_token.get(i)
        if mention is not None and mention.label == "ORG" and not mention.metonym \
                and mention.key.split()[-1].lower() == word:
            return mention.key
    return None


# Pronouns owning a role: "its president", "their spokeswoman".
_OWNING_PRONOUNS = frozenset({"its", "their"})


def _organisation_named_last(
    doc: Doc, pronoun: int, by_token: Mapping[int, Mention], span: Span
) -> tuple[str, int, int] | None:
    """The organisation named nearest before ``pronoun`` (within the 80 words before it)."""
    earliest = max(0, pronoun - 80)
    for i in range(pronoun - 1, earliest - 1, -1):
        organisation = _organisation_at(doc[i], by_token)
        if organisation is not None:
            return organisation, pronoun, span.end
        mention = by_token.get(i)
        if mention is not None and mention.label in ("PERSON", "GPE"):
            return None  # "the minister ... his aide": a person or a state named nearer is meant
    return None


def _role_before_of(
    doc: Doc, first: int, sent_start: int, organisation: str, span: Span
) -> tuple[str, int, int] | None:
    """ "the leader of [the] <organisation>, X": a role, "of", the organisation, then the name."""
    j = first - 1
    if j > sent_start and doc[j].lower_ == "the":
        j -= 1
    if j > sent_start and doc[j].lower_ in _ROLE_PREPOSITIONS and doc[j - 1].lower_ in ORGANISATION_ROLES:
        if not _not_current_before(doc, j - 1, sent_start):
            return organisation, j - 1, span.end
    return None


def _organisation_in_apposition(
    span: Span, by_token: Mapping[int, Mention]
) -> tuple[str, int, int] | None:
    """ "X, the union's chief negotiator", "X, leader of the union", "X, who heads the union"."""
    doc = span.doc
    end = span.end
    if end + 1 >= span.sent.end or doc[end].text != ",":
        return None
    start = end + 1
    if doc[start].lower_ == "who" and start + 1 < span.sent.end:
        verb = doc[start + 1]
        if verb.lemma_ in LEADING_VERBS and verb.tag_ in {"VBZ", "VBP"}:
            return _organisation_named_from(doc, start + 2, span, by_token, saw_role=True)
        if verb.lower_ in {"is", "serves"}:  # "X, who is the union's leader", "who serves as its chair"
            skip = 2 if doc[start + 2 : start + 3].text.lower() != "as" else 3
            return _organisation_named_from(doc, start + skip, span, by_token)
        return None
    return _organisation_named_from(doc, start, span, by_token)


def _organisation_named_from(
    doc: Doc, start: int, span: Span, by_token: Mapping[int, Mention], *, saw_role: bool = False
) -> tuple[str, int, int] | None:
    """Reading a phrase about the person from ``start``: a role and the organisation it is held in."""
    owner = None
    i = start
    stop = min(start + 12, span.sent.end)
    while i < stop:
        token = doc[i]
        low = token.lower_
        if low in NOT_CURRENT or low.startswith("ex-"):
            return None
        mention = by_token.get(i)
        if mention is not None:
            organisation = _organisation_at(token, by_token)
            if organisation is not None and organisation != span.text:
                if saw_role:
                    return organisation, span.start, _mention_end_token(doc, i, by_token)
                owner = owner or organisation  # "the union's leader", "a union spokeswoman"
            elif mention.label not in {"GPE", "NORP", "LOC"}:
                return None  # another person: the phrase is not about this one
            i = max(i + 1, _mention_end_token(doc, i, by_token))
            continue
        if low in ORGANISATION_ROLES:
            if owner is not None:
                return owner, span.start, token.i + 1
            saw_role = True
        elif not (
            token.text in POSSESSIVE
            or token.text == "-"
            or token.pos_ in {"DET", "ADJ", "NOUN", "PROPN"}
            or low in _ROLE_PREPOSITIONS
            or low in PERSON_TITLES
        ):
            return None
        i += 1
    return None


def _organisation_after_titled_name(
    span: Span, by_token: Mapping[int, Mention]
) -> tuple[str, int, int] | None:
    """ "union leader X of the agency": a role before the name, "of"/"at" and the organisation after it."""
    doc = span.doc
    before = doc[max(span.sent.start, span.start - 3) : span.start]
    if not any(t.lower_ in ORGANISATION_ROLES for t in before):
        return None
    if any(t.lower_ in NOT_CURRENT for t in before):
        return None
    i = span.end
    if i >= span.sent.end or doc[i].lower_ not in {"of", "at"}:
        return None
    i += 1
    if i < span.sent.end and doc[i].lower_ == "the":
        i += 1
    if i < span.sent.end:
        organisation = _organisation_at(doc[i], by_token)
        if organisation is not None:
            return organisation, before.start, _mention_end_token(doc, i, by_token)
    return None


def _not_current_before(doc: Doc, first: int, sent_start: int) -> bool:
    """ "former union leader X": a role no longer held."""
    return any(t.lower_ in NOT_CURRENT or t.lower_.startswith("ex-") for t in doc[max(sent_start, first - 3) : first])


def _mention_end_token(doc: Doc, i: int, by_token: Mapping[int, Mention]) -> int:
    mention = by_token.get(i)
    if mention is None:
        return i + 1
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.end if span is not None else i + 1


def _mention_start_token(doc: Doc, i: int, by_token: Mapping[int, Mention]) -> int:
    mention = by_token.get(i)
    if mention is None:
        return i
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.start if span is not None else i


def _span_of(span: Span) -> CharSpan:
    return CharSpan(span.start_char, span.end_char, span.text)

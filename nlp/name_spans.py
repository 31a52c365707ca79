"""Where the names are: spaCy's entity spans turned into candidate name spans.

A ``Candidate`` is a name span (token offsets) before the actor index decides
which actor it belongs to. ``initial_candidates`` takes the model's entities
and cleans what the small model gets wrong: a leading "the", a trailing
possessive, a span running into a bracket, "A/B" written solid, a title
swept into a person's name (also short: "Gen."), a first word or a "da Rocha"
the model dropped, a company's legal ending ("Ltd.") left out, a lower-case
"province" after a place. A bare surname keeps its courtesy title ("Ms X").
``without_overlaps`` keeps the longest of overlapping spans. Names the model
missed altogether are found by missed_names.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from . import states
from .actor_words import (
    ABBREVIATED_TITLES,
    BODY_NAME_ENDINGS,
    CORPORATE_SUFFIXES,
    COURTESY_TITLES,
    GENERIC_BODY_WORDS,
    GOVERNMENT_NOUNS,
    INNER_PARTICLES,
    KIN_NOUNS,
    MINISTRY_SUBJECTS,
    OCCUPATION_WORDS,
    PERSON_TITLES,
    PLACE_NOUNS,
    POSSESSIVE,
    TITLE_WORDS,
    is_organisation_ending,
)
from .speech_words import CUE_VERBS
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


def _is_dangling_word(token: Token) -> bool:
    return token.is_lower and token.pos_ in ("ADP", "CCONJ", "DET")


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
    # "the Ministry of Foreign Affairs of | the Republic of X": a name never ends in "of" or "and".
    while end > start and (
        doc[end - 1].text in POSSESSIVE or _is_not_name_part(doc[end - 1]) or _is_dangling_word(doc[end - 1])
    ):
        end -= 1
    if start >= end or _is_lowercase_body(doc[start:end]) or _is_portfolio(doc, start, end, cand.label):
        return []
    # "Karimov/Dahlan": two names written solid; "KAZINFORM - The Ministry of ...": a credit and a
    # name either side of a dash set apart by spaces (no name holds one).
    for i in range(start, end):
        if doc[i].text == "/" or _is_spaced_dash(doc, i):
            parts = [
                Candidate(start, i, cand.label, cand.ruler_key, cand.found_by),
                Candidate(i + 1, end, cand.label, cand.ruler_key, cand.found_by),
            ]
            return [p for part in parts for p in _clean_candidate(doc, part)]
    label = cand.label
    if label in {"ORG", "PERSON"}:
        # "Prosecutor-General S.N. Gorelik": a post before a name written with initials is no part of
        # it, and what is left is a person whatever the model took the whole for.
        named_from = _after_leading_titles(doc, start, end)
        if start < named_from < end and _is_initialled_name(doc[named_from:end]):
            start, label = named_from, "PERSON"
    if cand.label in {"GPE", "LOC"} and end - start > 1 and _is_common_place_noun(doc[end - 1]):
        end -= 1  # "Nakuru province" is Nakuru: the noun only says what kind of place
    if label == "PERSON":
        # "Executive Tim Cook", "Governor Jane Roe", "Gen. Jane Roe": the title is not the name;
        # nor "Hurdler Jane Roe", "Dutch MEP Jane Roe" (what the person does, and where from).
        while end - start > 1 and (
            is_title_token(doc[start]) or doc[start].text == "." or _is_descriptor(doc, start, end)
        ):
            start += 1
        start = _with_courtesy_title(doc, start, end)
    elif label == "ORG":
        # "Hurdler Jane Mary Roe", "Dutch MEP Jane Roe" taken for an organisation: the name is the
        # rest (a title word is no cue here: "Russian Defence Ministry" is a name).
        while end - start >= 3 and _is_descriptor(doc, start, end, titles=False) \
                and all(t.pos_ == "PROPN" for t in doc[start + 2 : end]):
            start += 1
    start = _extend_left_over_name_words(doc, start, end, label)
    start = _extend_left_from_legal_form(doc, start, end)
    if label in {"PERSON", "ORG"}:
        end = _extend_right_over_hyphen(doc, end)
    if label in {"PERSON", "ORG", "GPE"}:
        end = _extend_right_over_particles(doc, end)  # "Rio Grande" + "do Sul"
        end = _extend_right_to_corporate_suffix(doc, end)
    if label in {"GPE", "LOC", "NORP", "ORG"} and end - start == 1:
        # "Its chief executive, Tobias Wrenfield, said": the model took the first name for a place and
        # left the surname out; the two beside a person's post are a person.
        longer = _extend_right_over_untagged_names(doc, end)
        if longer > end and described_as_someone(doc, start, longer):
            end, label = longer, "PERSON"
    return [Candidate(start, end, label, cand.ruler_key, cand.found_by)]


UNTAGGED_NAME_WORDS = 2  # a surname, or a middle name and a surname


def _extend_right_over_untagged_names(doc: Doc, end: int) -> int:
    """The end after the capitalised proper nouns right after ``end`` that the model tagged as nothing."""
    stop = min(len(doc), end + UNTAGGED_NAME_WORDS)
    while end < stop and doc[end - 1].whitespace_ and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() \
            and not doc[end].ent_type_ and not is_title_token(doc[end]):
        end += 1
    return end


_MINISTER_TITLES = frozenset({"Minister", "Secretary", "Commissioner"})


def _is_portfolio(doc: Doc, start: int, end: int, label: str) -> bool:
    """ "Digital Affairs Minister Jane Roe": the words before a minister's title name the portfolio,
    not an organisation (a state or people before it is kept: "French Foreign Minister")."""
    if label != "ORG" or end - start != 1 or doc[start].text.isupper():
        return False  # "UN Secretary-General", "Labour Party Secretary": a body's own post
    following = [t.text for t in doc[end : end + 2]] + ["", ""]
    return following[0] in ("Minister", "Secretary") or (following[0] == "Affairs" and following[1] in _MINISTER_TITLES)


def _is_spaced_dash(doc: Doc, i: int) -> bool:
    return doc[i].text in ("-", "\u2013", "\u2014") and i > 0 and bool(doc[i - 1].whitespace_) \
        and bool(doc[i].whitespace_)


def _is_lowercase_body(words: Span) -> bool:
    """ "Isgaria's foreign ministry", "the Kestrian health ministry": written in lower case after
    its owner, a kind of body is a description, and the owner's (discourse.py). Kept as a name,
    every foreign ministry in the corpus would be one actor. With no owner before it ("the foreign
    ministry said"), it stays the one name the article gives the speaker."""
    if not all(t.is_lower for t in words) or words[-1].lemma_ not in GENERIC_BODY_WORDS or words.start == 0:
        return False
    before = words.doc[words.start - 1]
    return before.text in POSSESSIVE or (before.text[:1].isupper() and before.ent_type_ in ("GPE", "NORP"))


_INITIALS = re.compile(r"^(?:[A-Z]\.)+$")


def _after_leading_titles(doc: Doc, start: int, end: int) -> int:
    """Where a name starts after the title words before it, hyphenated ones ("Prosecutor-General",
    "Secretary-General") included."""
    i = start
    while i < end and (is_title_token(doc[i]) or (doc[i].text == "-" and i > start and is_title_token(doc[i - 1]))):
        i += 1
    return i


def _is_initialled_name(words: Span) -> bool:
    """ "S.N. Gorelik", "A. V. Mirtov": initials, then one or two capitalised words."""
    initials = [t for t in words if _INITIALS.match(t.text)]
    rest = [t for t in words if not _INITIALS.match(t.text)]
    return (
        bool(initials) and words[0].text == initials[0].text and 1 <= len(rest) <= 2
        and all(t.text[:1].isupper() and t.text[1:].islower() for t in rest)
    )


def _is_descriptor(doc: Doc, start: int, end: int, *, titles: bool = True) -> bool:
    """A word before a person's name that says what they do ("Hurdler", "Economist", "MEP"), or
    their nationality before such a word or a title ("Dutch MEP", "Brazilian striker"). At least
    two words must stay: a lone surname after it may be the name's first half."""
    if end - start < 3:
        return False
    token = doc[start]
    if token.lower_ in OCCUPATION_WORDS:
        return True
    following = doc[start + 1]
    return bool(states.state_of_demonym(token.text)) and (
        following.lower_ in OCCUPATION_WORDS or (titles and is_title_token(following))
    )


def _is_common_place_noun(token: Token) -> bool:
    """ "province", "region" in lower case after a place name (a capitalised one is its name)."""
    return token.is_lower and token.text in PLACE_NOUNS


def is_title_token(token: Token) -> bool:
    """ "Governor", "Foreign", "Gen.", "Lt": a title word, written in full or short."""
    low = token.lower_
    return low in PERSON_TITLES | TITLE_WORDS or low.rstrip(".") in ABBREVIATED_TITLES | PERSON_TITLES


def _with_courtesy_title(doc: Doc, start: int, end: int) -> int:
    """ "Ms Okafor": a bare surname keeps the courtesy title written before it."""
    if end - start != 1 or start == 0:
        return start
    before = doc[start - 1]
    if before.text == "." and start >= 2 and not before.whitespace_:
        before = doc[start - 2]
    if before.lower_.rstrip(".") in COURTESY_TITLES and before.text[:1].isupper():
        return before.i
    return start


def _extend_right_to_corporate_suffix(doc: Doc, end: int) -> int:
    """Take back the rest of a company name the model cut short: "Zorvex" + "Biotech Ltd."."""
    for last in range(end, min(end + 3, len(doc))):
        token = doc[last]
        if not doc[last - 1].whitespace_ or not token.text[:1].isupper():
            return end
        # The model may tag the legal form alone ("Orvenna" PERSON + "SAS" ORG): it is the name's end.
        if token.lower_.rstrip(".") in CORPORATE_SUFFIXES:
            return last + 1
        if token.ent_type_:
            return end
        if token.pos_ != "PROPN":
            return end
    return end


def _extend_left_from_legal_form(doc: Doc, start: int, end: int) -> int:
    """ "Orvenna SAS" tagged as "SAS" alone: a legal form is the end of the name written before it."""
    if end - start != 1 or doc[start].lower_.rstrip(".") not in CORPORATE_SUFFIXES:
        return start
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper() \
            and doc[start - 1].whitespace_ and not doc[start - 1].is_sent_end:
        start -= 1
    return start


def _extend_right_over_hyphen(doc: Doc, end: int) -> int:
    """Take back the end of a name written solid with a hyphen: the model tags "Uniprof" of
    "Uniprof-POA" or "Lemaire" of "Lemaire-Aubry"."""
    while (
        end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_
        and not doc[end].whitespace_ and (doc[end + 1].text[:1].isupper() or doc[end + 1].text[:1].isdigit())
    ):
        end += 2
    return end


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


def _is_name_word(token: Token, *, sentence_start: bool = False) -> bool:
    if token.ent_type_ or token.is_space or token.is_punct:
        return False
    if token.lower_ in GOVERNMENT_NOUNS | MINISTRY_SUBJECTS or is_title_token(token):
        return False  # "Minister of Justice Ana Lee": the portfolio is the title's
    if states.state_of_demonym(token.text) or states.state_named(token.text):
        return False
    return token.pos_ == "PROPN" and token.text[:1].isupper() and (sentence_start or not token.is_sent_start)


def _extend_left_over_name_words(doc: Doc, start: int, end: int, label: str = "") -> int:
    """Take back a first name word the model left out ("Jaish" of "Jaish al-Adl", "Anders" of
    "chief executive Anders Holm")."""
    if end - start < 2:
        # A single word: the word before is more often a title than a name, unless a title
        # stands before that one ("chief executive Anders Holm").
        if (
            label == "PERSON"
            and start >= 2
            and _is_name_word(doc[start - 1])
            and doc[start - 1].whitespace_
            and is_title_token(doc[start - 2])
        ):
            return start - 1
        # "Mehmet Demir, a deckhand, said", with only "Demir" tagged: a first name opening the
        # sentence, kept when the whole is described as a person.
        if (
            label == "PERSON"
            and start >= 1
            and doc[start - 1].is_sent_start
            and _is_name_word(doc[start - 1], sentence_start=True)
            and doc[start - 1].whitespace_ == " "
            and described_as_someone(doc, start - 1, end)
        ):
            return start - 1
        return start
    while start > 0 and _is_name_word(doc[start - 1]) and doc[start - 1].whitespace_:
        start -= 1
    return _extend_left_over_particle(doc, start)


def _extend_left_over_particle(doc: Doc, start: int) -> int:
    """Take back the start of a name the model cut after a particle: "Rio Grande do" + "Sul Court
    of Justice" (the mirror of ``_extend_right_over_particles``)."""
    if start < 2 or doc[start - 1].lower_ not in INNER_PARTICLES or not doc[start - 1].whitespace_:
        return start
    first = start - 1
    while first > 0 and _is_capitalised_name_word(doc[first - 1]):
        first -= 1
    return first if first < start - 1 else start


def _is_capitalised_name_word(token: Token) -> bool:
    return (
        token.pos_ == "PROPN" and token.text[:1].isupper() and bool(token.whitespace_)
        and token.ent_type_ in ("", "GPE", "LOC") and not is_title_token(token) and not token.is_sent_start
    )


def described_as_someone(doc: Doc, start: int, end: int) -> bool:
    """ "X, a fisherman whose brother is among the crew", "X, who heads the union", "the ambassador,
    X,": a name of two words or more described by a person's occupation or post, or by a clause
    that only a person takes."""
    if end - start < 2:
        return False
    root = doc[start:end].root
    for appos in (c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN" and c.tag_ == "NN"):
        if appos.lemma_.lower() in PERSON_TITLES | OCCUPATION_WORDS | KIN_NOUNS or _has_personal_relative(appos):
            return True
    # "Chile's ambassador to the WTO, Rodrigo Cifuentes,": the name set beside a person's post.
    post = root.head
    if root.dep_ == "appos" and post.pos_ == "NOUN" and post.tag_ == "NN" and post.i < root.i \
            and post.lemma_.lower() in PERSON_TITLES | OCCUPATION_WORDS | KIN_NOUNS:
        return True
    return _has_personal_relative(root)


def _has_personal_relative(token: Token) -> bool:
    return any(
        c.dep_ == "relcl" and any(g.lower_ in {"who", "whom", "whose"} for g in c.subtree if g.i < c.i)
        for c in token.children
    )


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
        label = _label_of(ent)
        if label not in _CANDIDATE_LABELS or _is_title_remnant(ent):
            continue
        found_by = "ruler" if ent.ent_id_ else "ner"
        for line in _lines_of(ent):
            if overlaps(line.start_char, line.end_char, skip):
                continue
            cand = Candidate(line.start, line.end, label, ent.ent_id_, found_by)
            found += _clean_candidate(doc, cand)
    return without_overlaps(_parted_run_on_names(doc, _joined_split_names(doc, found)))


def _lines_of(ent: Span) -> list[Span]:
    """A name never runs over a line break: the model sometimes joins a caption's credit to the
    name opening the next paragraph ("AFP/Jane Roe\n\nMaria Okafor"), and the caption is furniture."""
    pieces, start = [], ent.start
    for token in ent:
        if "\n" in token.text:
            pieces.append(ent.doc[start : token.i])
            start = token.i + 1
    pieces.append(ent.doc[start : ent.end])
    return [piece for piece in pieces if len(piece)]


def _joined_split_names(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """ "Marta" + "Szymańska": one name the small model cut in two (it often does at a letter it
    rarely saw), two capitalised spans with only a space between them. Joined, it is a person's
    when either half was, or when it stands beside a person's post ("the airline's director,
    Marta Szymańska, said")."""
    joined: list[Candidate] = []
    for cand in sorted(cands, key=lambda c: c.start):
        previous = joined[-1] if joined else None
        if previous is not None and _is_split_at_particle(doc, previous, cand):
            # "União" + "dos" + "Professores Municipais de Porto Alegre": a name in a language that
            # joins its words with particles, cut at one; a body's name when either half was.
            label = "ORG" if "ORG" in (previous.label, cand.label) else previous.label
            joined[-1] = Candidate(previous.start, cand.end, label, found_by=previous.found_by)
            continue
        if previous is not None and _is_split_name(doc, previous, cand):
            span = doc[previous.start : cand.end]
            label = previous.label if previous.label == cand.label else ""
            if "PERSON" in (previous.label, cand.label) or _stands_beside_a_post(span):
                label = "PERSON"
            if label:
                joined[-1] = Candidate(previous.start, cand.end, label, found_by=previous.found_by)
                continue
        joined.append(cand)
    return joined


def _parted_run_on_names(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """ "President of the Republic of Velmar Anton Kesler": the model ran a state and the person
    after it into one name. Where the article names both halves apart ("the Republic of Velmar",
    "President Anton Kesler"), the run-on name is those two, with the labels they have there."""
    labels = {cand.span(doc).text: cand.label for cand in cands}
    parted: list[Candidate] = []
    for cand in cands:
        split = next(
            (
                i for i in range(cand.start + 1, cand.end - 1)
                if labels.get(doc[i : cand.end].text) == "PERSON"
                and doc[cand.start : i].text in labels
                and doc[i - 1].whitespace_
            ),
            None,
        )
        if split is None and not cand.ruler_key and (person := _person_after_portfolio(doc, cand)) is not None:
            # "Minister of Water Resources Kubanychbek Asanaliev": the title is no name, the person is.
            parted.append(person)
            continue
        if split is None or cand.ruler_key:
            parted.append(cand)
            continue
        head_label = labels[doc[cand.start : split].text]
        parted.append(Candidate(cand.start, split, head_label, found_by=cand.found_by))
        parted.append(Candidate(split, cand.end, "PERSON", found_by=cand.found_by))
    return parted


def _person_after_portfolio(doc: Doc, cand: Candidate) -> Candidate | None:
    """ "the Minister of Water Resources Kubanychbek Asanaliev", taken whole for an organisation:
    a name that opens with a person's title and "of", whose last word the article writes again
    on its own elsewhere ("K. Asanaliev said", "Asanaliev said"), ends with that person's first
    and last names."""
    span = cand.span(doc)
    if cand.label != "ORG" or len(span) < 5 or span[0].lower_ not in PERSON_TITLES or span[1].lower_ != "of":
        return None
    first, last = span[-2], span[-1]
    if not all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.is_alpha for t in (first, last)):
        return None
    if not span[-3].whitespace_ or span[-3].lower_ == "of":
        return None
    written_again = any(t.text == last.text and not cand.start <= t.i < cand.end for t in doc)
    return Candidate(first.i, last.i + 1, "PERSON", found_by=cand.found_by) if written_again else None


def _is_split_name(doc: Doc, first: Candidate, second: Candidate) -> bool:
    if first.end != second.start or doc[first.end - 1].whitespace_ != " " or first.ruler_key or second.ruler_key:
        return False
    words = doc[first.start : second.end]
    return all(t.pos_ == "PROPN" and t.is_alpha and t.text[:1].isupper() and not t.is_upper for t in words) and not any(
        states.state_named(part.text) or states.state_of_demonym(part.text) or states.state_of_capital(part.text)
        for part in (first.span(doc), second.span(doc))
    )


def _is_split_at_particle(doc: Doc, first: Candidate, second: Candidate) -> bool:
    if first.end + 1 != second.start or first.ruler_key or second.ruler_key:
        return False
    particle = doc[first.end]
    if not (particle.is_lower and particle.text in INNER_PARTICLES):
        return False
    halves = (doc[first.start : first.end], doc[second.start : second.end])
    return all(t.text[:1].isupper() for t in (halves[0][0], halves[1][0])) and not any(
        states.state_named(part.text) or states.state_of_demonym(part.text) for part in halves
    )


def _stands_beside_a_post(span: Span) -> bool:
    """In apposition to a person's post, or the subject of a speech verb with one in apposition."""
    root = span.root
    beside = [root.head] if root.dep_ == "appos" else [c for c in root.children if c.dep_ == "appos"]
    return any(t.lemma_.lower() in PERSON_TITLES and t.pos_ == "NOUN" for t in beside)


def _label_of(ent: Span) -> str:
    """The model's label, but a speaker or a body it took for a work's title is what it is."""
    if _is_speaker_taken_for_a_title(ent):
        return "PERSON"
    return "ORG" if _is_body_taken_for_a_title(ent) else ent.label_


def _is_speaker_taken_for_a_title(ent: Span) -> bool:
    """'"We will not back down," Marta Kowal said': after a quotation the small model often
    tags the speaker's name as a work's title. A name of two or more capitalised words
    that is the subject of a speech verb is a person speaking, not a title."""
    root = ent.root
    return (
        ent.label_ == "WORK_OF_ART"
        and 2 <= len([token for token in ent if token.text != "-"]) <= 4
        and all(token.text == "-" or (token.pos_ == "PROPN" and token.text[:1].isupper()) for token in ent)
        and root.dep_ == "nsubj"
        and root.head.lemma_.lower() in CUE_VERBS
    )


def _is_body_taken_for_a_title(ent: Span) -> bool:
    """"The Dunmore Patients' Forum said ...": the small model tags some bodies' names as a work's
    title. A capitalised name ending in a word only a body's name ends in ("Federation", "Council",
    "Authority") names a body."""
    words = [t for t in ent if t.text[:1].isalpha() and t.lower_ not in ("the", "of", "and", "for")]
    return (
        ent.label_ == "WORK_OF_ART"
        and len(words) >= 2
        and all(t.text[:1].isupper() for t in words)
        and (is_organisation_ending(words[-1].text) or words[-1].lower_ in BODY_NAME_ENDINGS)
    )


def without_overlaps(cands: Iterable[Candidate]) -> list[Candidate]:
    """Longest first, then keep those that do not overlap one already kept."""
    kept: list[Candidate] = []
    taken: set[int] = set()
    for cand in sorted(cands, key=lambda c: (-(c.end - c.start), c.start)):
        if taken.isdisjoint(range(cand.start, cand.end)):
            kept.append(cand)
            taken.update(range(cand.start, cand.end))
    return sorted(kept, key=lambda c: c.start)

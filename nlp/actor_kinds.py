"""What kind of actor a name is (PERSON, ORG, GPE, FAC, NORP, ...), from the whole article.

The model's label on one occurrence is only a vote. ``group_label`` decides
the kind of one actor (a group of surfaces) from country reference data
first, then from cues around its occurrences ("the X naval base", "news
agency X", "X's shares", "the town of X", "President X", "X reported", "near X"), then
from the votes of the model's labels (``label_votes``; the known-alias ruler
counts triple and its type wins). The cue tests are also used by
missed_names.py to take names the model did not tag.
"""

from __future__ import annotations

import re

from collections import Counter, defaultdict

from spacy.tokens import Doc

from . import states
from .actor_words import (
    COMPANY_NOUNS,
    FACILITY_NOUNS,
    GROUP_WORD_ENDINGS,
    LOCATIVE_ONLY_PREPS,
    MOTION_VERBS,
    ORG_MODIFIERS,
    BODY_NAME_ENDINGS,
    CITY_OFFICES,
    ORG_NOUNS,
    ORGANISATION_ROLES,
    PERSON_TITLES,
    PLACE_NOUNS,
    POSSESSIVE,
    RELAYING_VERBS,
    ROLE_QUALIFIERS,
    is_organisation_ending,
)
from .aliases import Declaration
from .name_spans import Candidate, described_as_someone
from .normalise import normalise_name

# --- cues around one occurrence ---------------------------------------------------


def has_org_name_ending(doc: Doc, start: int, end: int) -> bool:
    """ "Human Rights Watch", "Volta Motors", "Orvenna SAS": a last word that makes a name an
    organisation (a company's legal form among them)."""
    return end - start >= 2 and is_organisation_ending(doc[end - 1].text)


def has_facility_cue(doc: Doc, start: int, end: int) -> bool:
    """ "the X naval base", "X airbase", "air base at X", "the port of X"."""
    after = [t.lower_ for t in doc[end : end + 3]]
    if after and after[0] in FACILITY_NOUNS:
        return True
    if (
        len(after) >= 2
        and after[0] in {"air", "naval", "military", "navy", "army"}
        and after[1] in FACILITY_NOUNS
    ):
        return True
    if start >= 2 and doc[start - 1].lower_ in {"at", "of", "in"}:
        before = doc[start - 2].lower_
        # "the air base at X" is named after X; "a port in Eastern Libya" and "the
        # port of Odesa" name the place the port is in, unless the model itself
        # did not take the name for a place.
        is_place = doc[start].ent_type_ in {"GPE", "LOC", "NORP"}
        if before in FACILITY_NOUNS - {"naval"} and (doc[start - 1].lower_ == "at" or not is_place):
            return True
    return False


def _has_company_cue(doc: Doc, start: int, end: int) -> bool:
    """ "X's shares fell", "X shares have fallen", "shares of X": only a company has shares."""
    i = end + 1 if end < len(doc) and doc[end].text in POSSESSIVE else end
    if i < len(doc) and doc[i].lower_ in COMPANY_NOUNS and doc[i].pos_ == "NOUN":
        return True
    return (
        start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in COMPANY_NOUNS
    )


def _has_org_cue(doc: Doc, start: int, end: int) -> bool:
    """ "news agency Anadolu", "the militant group X", "the X rebel group", "X news agency"."""
    if _has_company_cue(doc, start, end):
        return True
    if start >= 1 and doc[start - 1].lower_ in ORG_NOUNS:
        return True
    if start >= 2 and doc[start - 1].text == "," and doc[start - 2].lower_ in ORG_NOUNS:
        return True
    after = [t for t in doc[end : end + 2]]
    if after and after[0].lower_ in ORG_NOUNS - {"union", "state"} and after[0].pos_ == "NOUN":
        return True
    return (
        len(after) == 2
        and after[1].lower_ in ORG_NOUNS
        and after[1].pos_ == "NOUN"
        and after[0].lower_ in ORG_MODIFIERS
    )


def names_the_body_of_a_role(doc: Doc, start: int, end: int, *, model_said_person: bool = False) -> bool:
    """ "Veltrix chief executive Anna Morvay", "SKM managing director Chen Li", "Hafenblatt
    editor-in-chief X": a name written just before a role that speaks for a body, with a
    person's name after the role, is the body.

    For a name the model took for a person, only a role no person has: "Putin spokesman X" is
    the spokesman of a person, but nobody has a chairman or a chief executive of their own. A
    state's name in that place is decided by the reference data before any cue.
    """
    i, roles = end, []
    while i < min(len(doc), end + 6):
        word = doc[i].lower_
        if word in ORGANISATION_ROLES or word == "editor" and in_hyphenated_title(doc, i):
            roles.append(word)
        elif word not in ROLE_QUALIFIERS and not in_hyphenated_title(doc, i):
            break
        i += 1
    if not roles or i >= len(doc) or doc[i].ent_type_ != "PERSON":
        return False
    return not model_said_person or bool(set(roles) & BODY_ONLY_ROLES) or roles[-2:] == ["chief", "executive"]


# Roles only an organisation has: a person has a spokesman or an envoy, not a chairman.
BODY_ONLY_ROLES = frozenset({
    "chairman", "chairwoman", "chair", "chairperson", "ceo", "director", "founder", "cofounder",
    "co-founder", "editor", "president",
})


def in_hyphenated_title(doc: Doc, i: int) -> bool:
    """A piece of "editor-in-chief" or "co-founder": a hyphen written solid with the word before
    it, or a word written solid with a hyphen beside it."""
    token = doc[i]
    before = doc[i - 1] if i > 0 else None
    after = doc[i + 1] if i + 1 < len(doc) else None
    joined_to_before = before is not None and not before.whitespace_
    if token.text == "-":
        return joined_to_before
    hyphen_after = after is not None and after.text == "-" and not token.whitespace_
    hyphen_before = joined_to_before and before.text == "-"
    return hyphen_after or hyphen_before


def _is_acronym(text: str) -> bool:
    """ "SPLA", "KCMA": capitals only; a person's name is not written so in running text."""
    return len(text) >= 3 and text.isupper() and text.isalpha()


def _has_locative_cue(doc: Doc, start: int, end: int) -> bool:
    """ "near Goma", "fled to Goma", "arrived in Goma": the name of a place."""
    root = doc[start:end].root
    if root.dep_ != "pobj":
        return False
    prep = root.head
    if prep.lower_ in LOCATIVE_ONLY_PREPS:
        return True
    return prep.lower_ in {"to", "in", "from"} and prep.head.lemma_.lower() in MOTION_VERBS


def _has_person_cue(doc: Doc, start: int) -> bool:
    """ "President X", "spokesman X", "Mr X", "opposition leader, X"."""
    i = start - 1
    if i >= 1 and doc[i].text == ",":
        i -= 1  # "the country's opposition leader, X"
    return (
        i >= 0
        and doc[i].lower_.rstrip(".") in PERSON_TITLES
        and doc[i].lower_ not in {"official", "head", "chief", "representative"}
    )


def _has_place_cue(doc: Doc, start: int, end: int) -> bool:
    """ "the town of X", "the city of X", "the mayor of X", "X mayor", "X's mayor": only a town
    has a mayor."""
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in PLACE_NOUNS | CITY_OFFICES:
        return True
    after = end + 1 if end < len(doc) and doc[end].text in POSSESSIVE else end
    return after < len(doc) and doc[after].lower_ in CITY_OFFICES


def _has_outlet_cue(doc: Doc, start: int, end: int) -> bool:
    """ "X reported", "writes X", "according to X": a name that relays news is an organisation.

    Only asked of names that are not states or capitals (those are decided by reference data first).
    """
    root = doc[start:end].root
    if root.dep_ == "nsubj" and root.head.lemma_.lower() in RELAYING_VERBS:
        return True
    prep = root.head
    return (
        root.dep_ == "pobj"
        and prep.lower_ == "to"
        and prep.head.lower_ == "according"
    )


def _taken_up_as_he_or_she(doc: Doc, start: int, end: int) -> bool:
    """ '"...," Khoza told members. He warned that ...': a name that speaks or acts as the subject of
    its sentence, taken up by "he" or "she" as the subject of the next, is a person's (the small model
    tags a lone surname as anything)."""
    root = doc[start:end].root
    if root.dep_ != "nsubj" or root.head.pos_ not in ("VERB", "AUX"):
        return False
    sent = root.sent
    if sent.end >= len(doc):
        return False
    first = next((t for t in doc[sent.end].sent if not t.is_punct and not t.is_space), None)
    if first is None or first.lower_ not in {"he", "she"} or first.dep_ != "nsubj":
        return False
    # No other person's name between: "X met Jane Roe. She said ..." is Jane Roe.
    return not any(t.ent_type_ == "PERSON" for t in doc[end : first.i])


def _evidence_label(doc: Doc, cand: Candidate) -> str | None:
    if cand.label not in {"GPE", "LOC"} and has_org_name_ending(doc, cand.start, cand.end):
        return "ORG"  # "the Volta Motors plant" is the company's plant
    if cand.label == "LOC" and cand.end - cand.start >= 2 and doc[cand.end - 1].lower_ in BODY_NAME_ENDINGS:
        return "ORG"  # "the Port of Zenda Authority": a body, though named after a place
    if has_facility_cue(doc, cand.start, cand.end):
        return "FAC"
    model_said_person = cand.label == "PERSON" and not _is_acronym(cand.span(doc).text)
    if names_the_body_of_a_role(doc, cand.start, cand.end, model_said_person=model_said_person):
        return "ORG"
    if _has_place_cue(doc, cand.start, cand.end):
        return "GPE"
    if (
        _has_org_cue(doc, cand.start, cand.end)
        or _has_outlet_cue(doc, cand.start, cand.end)
    ):
        return "ORG"
    if (
        _has_person_cue(doc, cand.start)
        or described_as_someone(doc, cand.start, cand.end)
        or _taken_up_as_he_or_she(doc, cand.start, cand.end)
    ):
        return "PERSON"
    return None


# --- one actor's kind -------------------------------------------------------------


def label_votes(surfaces: dict[str, list[Candidate]]) -> dict[str, Counter]:
    """The model's labels per normalised surface; the known-alias ruler's count triple."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for norm, cands in surfaces.items():
        for cand in cands:
            weight = 3 if cand.found_by == "ruler" else 1
            if cand.found_by == "repeat":
                continue  # its label is a copy of another vote
            votes[norm][cand.label] += weight
    return votes


def group_label(
    doc: Doc,
    group: list[str],
    surfaces: dict[str, list[Candidate]],
    decls: list[Declaration],
    votes: dict[str, Counter],
) -> str:
    """The kind of the actor whose normalised surfaces are ``group``."""
    for norm in group:
        if states.state_named(surfaces[norm][0].span(doc).text):
            return "GPE"  # "DRC", "US": codes found by their written form
        reference = states.state_tables().names.get(norm) and "GPE"
        reference = reference or (states.state_of_demonym(norm) and "NORP")
        reference = reference or (states.state_tables().capitals.get(norm) and "GPE")
        if reference:
            return reference
    evidence: Counter = Counter()
    total: Counter = Counter()
    for norm in group:
        total.update(votes[norm])
        for cand in surfaces[norm]:
            found = _evidence_label(doc, cand)
            if found:
                evidence[found] += 1
            elif _has_locative_cue(doc, cand.start, cand.end):
                total["GPE"] += 2  # "clashed near Goma": a hint, outvoted by a clear majority
            if cand.found_by == "ruler":
                # The corpus's type (an editor's, or the majority the ruler was taught), unless the
                # name itself shows this "person" is not one: the majority may be the model's error.
                if cand.label == "PERSON":
                    return _not_a_person(doc, group, surfaces) or cand.label
                return cand.label
    if evidence:
        return evidence.most_common(1)[0][0]
    label = majority(total) or "ORG"
    if label == "PERSON":
        label = _not_a_person(doc, group, surfaces) or label
        if label != "PERSON":
            return label
    acronym_declared = any(d.is_acronym and normalise_name(d.name.text) in group for d in decls)
    if acronym_declared and label == "PERSON":
        return "ORG"  # acronyms name organisations, not people
    if label == "NORP" and not any(_looks_like_group_word(n) for n in group):
        # NORP is for nationalities and religious or political groups ("Islamist",
        # "Sunnis"); a name tagged NORP without a group-word ending is a place.
        others = Counter({k: v for k, v in total.items() if k != "NORP"})
        return majority(others) or "GPE"
    if label == "PRODUCT":
        return "PRODUCT"  # not an actor, unless evidence said otherwise
    return label


# Pronouns that come back to a subject: a thing's, or a person's.
_THING_PRONOUNS = frozenset({"it", "its"})
_PERSON_PRONOUNS = frozenset({"he", "she", "his", "her", "him", "hers"})
# Verbs after which "it" is as often nobody ("said it was a mistake", "it seems").
_COPULAS = frozenset({"be", "seem", "appear", "remain", "become"})


def _referred_to_as_it(doc: Doc, cands: list[Candidate]) -> bool:
    """A one-word name the article refers back to as "it" or "its" at least twice, and never as
    "he" or "she": the first such pronoun after the name as a subject in its sentence."""
    things = persons = 0
    for cand in cands:
        if doc[cand.end - 1].dep_ not in ("nsubj", "nsubjpass"):
            continue
        pronoun = next(
            (t for t in doc[cand.end : cand.span(doc).sent.end] if t.lower_ in _THING_PRONOUNS | _PERSON_PRONOUNS),
            None,
        )
        if pronoun is None:
            continue
        if pronoun.lower_ in _PERSON_PRONOUNS:
            persons += 1
        elif pronoun.lower_ == "its" or pronoun.head.lemma_.lower() not in _COPULAS:
            things += 1
    return things >= 2 and not persons


def _not_a_person(doc: Doc, group: list[str], surfaces: dict[str, list[Candidate]]) -> str | None:
    """What an actor the model (or the corpus) took for a person is, when its name says otherwise."""
    cands = [cand for norm in group for cand in surfaces[norm]]
    if any(states.is_big_city(norm) for norm in group):
        return "GPE"  # the small model takes foreign city names for people ("Porto Alegre")
    if any(_has_acronym_word(cand.span(doc).text) for cand in cands):
        return "ORG"  # "Uniprof-POA": people's names hold no acronym
    if any(len(norm.split()) > 1 and names_a_body(norm.split()[-1]) for norm in group):
        return "ORG"  # "Heliomar Terminals", "Orvenna SAS": a word for a company or a body, a legal form
    if all(len(norm.split()) == 1 for norm in group) and _referred_to_as_it(doc, cands):
        return "ORG"  # "Orbillo said it would appeal ... Orbillo says its app": no one's name
    return None


def names_a_body(word: str) -> bool:
    """ "terminals", "sas", "council": a (lower-case) word that makes a name a body's, not a person's."""
    return word in BODY_NAME_ENDINGS or is_organisation_ending(word)


def _has_acronym_word(text: str) -> bool:
    """A word of three capitals or more, joined to others by a hyphen or set among them."""
    words = re.split(r"[\s-]+", text)
    return len(words) > 1 and any(len(w) >= 3 and w.isupper() and w.isalpha() for w in words)


def _looks_like_group_word(norm: str) -> bool:
    """ "kenyan", "islamist", "shiite", "sunnis", "dutch": words that name peoples or creeds."""
    return bool(states.state_tables().demonyms.get(norm)) or (
        len(norm.split()) == 1 and norm.endswith(GROUP_WORD_ENDINGS)
    )


def majority(votes: Counter) -> str | None:
    """The label with most votes; ties go to PERSON, then ORG, GPE, FAC, LOC, NORP, PRODUCT."""
    if not votes:
        return None
    order = {"PERSON": 0, "ORG": 1, "GPE": 2, "FAC": 3, "LOC": 4, "NORP": 5, "PRODUCT": 6}
    return max(votes, key=lambda label: (votes[label], -order.get(label, 9)))

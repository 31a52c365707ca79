"""Who is named in one article, and under which article-level key.

``ActorIndex.build(doc)`` turns spaCy's entity spans into ClaimTrack mentions:

1. cleans the spans the small model gets wrong (a leading "the", a trailing
   possessive, a span running into a bracket, "A/B" written solid, a name whose
   first word the model dropped);
2. reads the aliases the article declares ("X (Y)", "X, also known as Y",
   acronyms) and finds names the model missed where the article already uses
   them (a bare acronym, a surname);
3. groups surfaces into one actor per key: same name once normalised or
   transliterated, declared aliases, short forms of a full name, and the
   names of a state;
4. decides each actor's kind from the evidence of the whole article (votes of
   the model's labels, country reference data, "naval base", "news agency",
   person titles), not from one tag;
5. resolves metonymy: a capital or seat of government that acts ("Ankara
   demanded", "the White House declined") stands for its state;
6. records affiliations ("Brazil's Deputy Foreign Minister Maria Laura da Rocha").

``ref_for`` then tells the statement and demand readers which actor a noun
phrase denotes, including unnamed official ones ("Turkish officials").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from . import states
from .aliases import (
    Declaration,
    NameSpan,
    expansion_before,
    find_declared,
    is_acronym_of,
    looks_like_acronym,
)
from .normalise import normalise_name, same_name, same_word
from .types import ACTOR_LABELS, ActorRef, Affiliation, DeclaredAlias, Mention
from .types import Span as CharSpan

# Labels the small model gives actors it has mistyped (a base tagged PRODUCT).
_CANDIDATE_LABELS = set(ACTOR_LABELS) | {"PRODUCT"}

# --- General English lexicons (no names of any story) -------------------------
# fmt: off
# Possessive endings the tokenizer splits off a name ("Kenya" + "ʼs").
_POSSESSIVE = {"'s", "’s", "ʼs", "'", "’", "ʼ", "`s"}
# Nouns next to which a name is a facility ("the X naval base", "the airfield at X").
FACILITY_NOUNS = {
    "base", "airbase", "airfield", "airport", "port", "harbour", "harbor", "naval", "seaport",
    "dam", "refinery", "plant", "reactor", "prison", "camp", "barracks", "checkpoint", "crossing",
    "terminal", "pipeline", "bridge", "stadium", "hospital", "embassy", "consulate", "garrison"
}
# "the town of X": X is a place.
PLACE_NOUNS = {
    "town", "city", "village", "province", "region", "district", "capital", "state", "county",
    "municipality", "governorate", "oblast", "island", "port city"
}
# Nouns that make the next name an organisation ("news agency Anadolu", "the militant group X").
ORG_NOUNS = {
    "agency", "newspaper", "broadcaster", "daily", "weekly", "outlet", "channel", "network",
    "group", "militia", "movement", "party", "company", "firm", "organisation", "organization",
    "coalition", "alliance", "faction", "bank", "ministry", "union", "federation", "council",
    "committee", "tribunal", "court", "website", "magazine", "radio", "tv", "television"
}
# Titles and roles before or after a person's name ("President X", "X, the foreign minister").
PERSON_TITLES = {
    "president", "minister", "leader", "spokesman", "spokeswoman", "spokesperson", "envoy",
    "ambassador", "chancellor", "premier", "king", "queen", "prince", "princess", "emir", "sultan",
    "general", "commander", "secretary", "adviser", "advisor", "aide", "negotiator", "governor",
    "mayor", "senator", "representative", "chief", "head", "director", "chairman", "chairwoman",
    "chair", "ceo", "founder", "pope", "cardinal", "bishop", "imam", "sheikh", "cleric", "colonel",
    "major", "lieutenant", "captain", "admiral", "marshal", "judge", "prosecutor", "lawyer",
    "attorney", "mr", "mrs", "ms", "dr", "sir", "lord", "lady", "speaker", "diplomat", "official",
    "commissioner", "vice", "deputy", "prime", "dictator", "strongman", "monarch"
}
# Government, official and armed-force nouns that stand for a state when a state,
# nationality, capital or seat modifies them ("Turkish officials", "the Chinese side").
GOVERNMENT_NOUNS = {
    "government", "officials", "official", "authorities", "authority", "administration", "side",
    "ministry", "regime", "rulers", "ruler", "leadership", "leaders", "delegation", "diplomats",
    "embassy", "cabinet", "presidency", "state", "junta", "negotiators", "forces", "force",
    "military", "army", "navy", "troops", "warplanes", "jets", "department", "office", "foreign",
    "defence", "defense", "interior", "treasury", "readout", "statement", "spokesman",
    "spokeswoman", "spokesperson", "parliament", "senate", "congress", "president", "leader",
    "premier", "minister", "security", "intelligence", "services", "police", "mission", "envoy",
    "ambassador"
}
# Words that are part of a title, not of the name after it ("Chief Executive", "Foreign").
TITLE_WORDS = {
    "executive", "officer", "foreign", "defence", "defense", "interior", "finance", "state",
    "acting", "interim", "former", "new", "senior", "top", "assistant", "general", "supreme",
    "national", "security", "affairs", "of", "and", "the",
}
# Words before a title that make its holder not (or no longer) act for the state.
NOT_CURRENT = {
    "former", "ousted", "exiled", "ex", "late", "deposed", "toppled", "overthrown", "fallen",
    "previous", "then"
}
# Prepositions that make a seat of government the building ("protesters at the White House").
_LOCATIVE_PREPS = {
    "in", "at", "to", "into", "inside", "outside", "near", "toward", "towards", "around", "across",
    "through", "via", "within", "throughout", "beyond"
}
# Verbs whose object is a place, not a party ("fled to Ankara", "stormed Kinshasa").
_MOTION_VERBS = {
    "flee", "fly", "travel", "go", "come", "return", "arrive", "move", "head", "send", "deploy",
    "march", "enter", "leave", "storm", "capture", "visit", "reach", "bomb", "shell", "attack",
    "seize", "take", "liberate", "besiege", "evacuate", "relocate", "escape", "retreat", "withdraw"
}
# What a city (not its state) has: "Ankara's streets" is the city.
_URBAN_NOUNS = {
    "street", "streets", "residents", "mayor", "airport", "suburb", "suburbs", "district",
    "districts", "metro", "centre", "center", "outskirts", "skyline", "population", "people",
    "citizens", "neighbourhood", "neighborhood"
}
# Measures taken against a state: "sanctions on Caracas" target the state.
_SANCTION_NOUNS = {
    "sanctions", "sanction", "pressure", "embargo", "demands", "demand", "restrictions", "tariffs",
    "strikes", "war"
}
# Particles inside personal names after which the name goes on ("Maria Laura da Rocha").
_INNER_PARTICLES = {
    "da", "de", "del", "della", "di", "do", "dos", "das", "du", "van", "von", "der", "den", "ter",
    "la", "le", "bin", "ibn", "bint", "ben", "y"
}
# The portfolio in "Secretary of State", "Minister of Defence" (not an actor).
MINISTRY_SUBJECTS = {
    "state", "foreign", "affairs", "defence", "defense", "interior", "treasury", "justice",
    "commerce", "finance", "health", "education", "energy", "trade"
}
# Words between a name and the organisation noun it names ("the M23 rebel group").
ORG_MODIFIERS = {
    "news", "rebel", "militant", "armed", "political", "opposition", "terrorist", "jihadist",
    "islamist", "paramilitary", "media", "state", "private", "security", "mercenary", "separatist",
    "insurgent", "guerrilla", "ruling", "far-right", "far-left", "student", "trade", "hacker",
    "criminal", "drug", "advocacy", "research", "energy", "oil", "defence", "defense", "tech",
    "holding"
}
# Prepositions that only ever take a place ("near Goma").
_LOCATIVE_ONLY_PREPS = {
    "near", "outside", "around", "across", "toward", "towards", "into", "inside", "throughout",
    "within"
}
# Endings of words that name peoples and creeds ("Kenyan", "Islamist", "Sunnis", "Western").
_GROUP_WORD_ENDINGS = (
    "an", "ans", "ern", "ese", "ish", "ist", "ists", "ic", "ics", "i", "is", "ite", "ites", "ch",
    "s"
)
# fmt: on
_ACTING_OBJECT_PREPS = {"against", "with", "by"}


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start < s_end and s_start < end for s_start, s_end in spans)


@dataclass
class _Candidate:
    """A name span before keys are decided (token offsets into the doc)."""

    start: int
    end: int
    label: str
    ruler_key: str = ""  # canonical name from the corpus's known aliases
    found_by: str = "ner"  # "ner", "ruler", "declared", "repeat", "cue"

    def span(self, doc: Doc) -> Span:
        return doc[self.start : self.end]


# --- 1. cleaning spans -----------------------------------------------------------


def _is_not_name_part(token: Token) -> bool:
    """Punctuation, links, handles and emoji that the model sweeps into a name."""
    return (
        token.is_punct
        or token.is_space
        or token.like_url
        or token.text.startswith("@")
        or not any(ch.isalnum() for ch in token.text)
    )


def _clean_candidate(doc: Doc, cand: _Candidate) -> list[_Candidate]:
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
    while end > start and (doc[end - 1].text in _POSSESSIVE or _is_not_name_part(doc[end - 1])):
        end -= 1
    if start >= end:
        return []
    # "Karimov/Dahlan": two names written solid.
    for i in range(start, end):
        if doc[i].text == "/":
            parts = [
                _Candidate(start, i, cand.label, cand.ruler_key, cand.found_by),
                _Candidate(i + 1, end, cand.label, cand.ruler_key, cand.found_by),
            ]
            return [p for part in parts for p in _clean_candidate(doc, part)]
    if cand.label == "PERSON":
        # "Executive Tim Cook", "Governor Jane Roe": the title is not the name.
        while end - start > 1 and doc[start].lower_ in PERSON_TITLES | TITLE_WORDS:
            start += 1
    start = _extend_left_over_name_words(doc, start, end)
    if cand.label in {"PERSON", "ORG"}:
        end = _extend_right_over_particles(doc, end)
    return [_Candidate(start, end, cand.label, cand.ruler_key, cand.found_by)]


def _extend_right_over_particles(doc: Doc, end: int) -> int:
    """Take back the end of a name the model cut at a particle: "Maria Laura" + "da Rocha"."""
    while end + 1 < len(doc) and doc[end].lower_ in _INNER_PARTICLES and doc[end].whitespace_:
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


# --- 2. candidates, declarations, repeats -------------------------------------------


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


def _initial_candidates(doc: Doc, skip: Sequence[tuple[int, int]]) -> list[_Candidate]:
    found = []
    for ent in doc.ents:
        if ent.label_ not in _CANDIDATE_LABELS or _is_title_remnant(ent):
            continue
        if _overlaps(ent.start_char, ent.end_char, skip):
            continue
        found_by = "ruler" if ent.ent_id_ else "ner"
        cand = _Candidate(ent.start, ent.end, ent.label_, ent.ent_id_, found_by)
        found += _clean_candidate(doc, cand)
    return _without_overlaps(found)


def _without_overlaps(cands: Iterable[_Candidate]) -> list[_Candidate]:
    """Longest first, then keep those that do not overlap one already kept."""
    kept: list[_Candidate] = []
    taken: set[int] = set()
    for cand in sorted(cands, key=lambda c: (-(c.end - c.start), c.start)):
        if taken.isdisjoint(range(cand.start, cand.end)):
            kept.append(cand)
            taken.update(range(cand.start, cand.end))
    return sorted(kept, key=lambda c: c.start)


def _declarations(doc: Doc, cands: list[_Candidate]) -> list[Declaration]:
    names = [
        NameSpan(
            doc[c.start].idx,
            doc[c.end - 1].idx + len(doc[c.end - 1]),
            doc[c.start : c.end].text,
            c.label,
        )
        for c in cands
    ]
    found = find_declared(doc.text, names)
    declared_at = {d.alias_start for d in found}
    for name in names:
        if name.start in declared_at or not looks_like_acronym(name.text):
            continue
        # "(JNIM)" after a long name the model did not tag at all.
        expansion = expansion_before(doc.text, name.start, name.text)
        if expansion is not None:
            start, end = expansion
            long_form = NameSpan(start, end, doc.text[start:end], "ORG")
            found.append(Declaration(long_form, name.start, name.end, name.text, "acronym"))
    return found


def _add_declared_spans(
    doc: Doc, cands: list[_Candidate], decls: list[Declaration], skip: Sequence[tuple[int, int]]
) -> list[_Candidate]:
    """Make sure both sides of every declaration are candidates (the model often misses Y)."""
    extra = []
    for decl in decls:
        for start, end, label in (
            (decl.alias_start, decl.alias_end, decl.name.label),
            (decl.name.start, decl.name.end, decl.name.label),
        ):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or _overlaps(start, end, skip):
                continue
            extra.append(_Candidate(span.start, span.end, label, found_by="declared"))
    return _without_overlaps(cands + extra) if extra else cands


def _repeat_forms(doc: Doc, cands: list[_Candidate], decls: list[Declaration]) -> dict[str, str]:
    """Surfaces worth finding again where the model missed them, with a label hint."""
    forms: dict[str, str] = {}
    labels = {normalise_name(c.span(doc).text): c.label for c in cands}
    for decl in decls:
        forms[decl.alias] = labels.get(normalise_name(decl.name.text), decl.name.label)
        forms[decl.name.text] = labels.get(normalise_name(decl.name.text), decl.name.label)
    for seat in states.SEATS_OF_GOVERNMENT:
        forms.setdefault(seat, "FAC")  # the model often misses "Downing Street said"
    for cand in cands:
        span = cand.span(doc)
        if cand.label in {"GPE", "NORP", "LOC"} or not span.text[:1].isupper():
            continue
        forms.setdefault(span.text, cand.label)
        words = [t for t in span if not t.is_punct]
        if cand.label == "PERSON" and len(words) >= 2 and words[-1].text[:1].isupper():
            forms.setdefault(words[-1].text, "PERSON")  # a surname stands for the person
    return forms


def _find_repeats(
    doc: Doc, cands: list[_Candidate], forms: dict[str, str], skip: Sequence[tuple[int, int]]
) -> list[_Candidate]:
    """Occurrences of the article's own names that the model did not tag (bare "RSF")."""
    taken = {i for c in cands for i in range(c.start, c.end)}
    extra = []
    by_first: dict[str, list[tuple[list[str], str]]] = defaultdict(list)
    for form, label in forms.items():
        words = _form_words(form)
        if words and (words[0][:1].isupper() or looks_like_acronym(words[0])):
            by_first[words[0]].append((words, label))
    for token in doc:
        for words, label in sorted(by_first.get(token.text, ()), key=lambda w: -len(w[0])):
            end = token.i + len(words)
            if end > len(doc) or [t.text for t in doc[token.i : end]] != words:
                continue
            if not taken.isdisjoint(range(token.i, end)):
                continue
            span = doc[token.i : end]
            if _overlaps(span.start_char, span.end_char, skip):
                continue
            extra.append(_Candidate(token.i, end, label, found_by="repeat"))
            taken.update(range(token.i, end))
            break
    return extra


def _find_variant_repeats(
    doc: Doc, cands: list[_Candidate], forms: dict[str, str], skip: Sequence[tuple[int, int]]
) -> list[_Candidate]:
    """A one-word name spelled differently from the article's other uses ("Zelenskyy")."""
    taken = {i for c in cands for i in range(c.start, c.end)}
    single = {
        form: label
        for form, label in forms.items()
        if len(_form_words(form)) == 1 and len(form) >= 4 and label in {"PERSON", "ORG"}
    }
    extra = []
    for token in doc:
        # The model tags a misspelt name at a sentence start as a NOUN ("Zelenskyy said").
        if token.i in taken or token.pos_ not in {"PROPN", "NOUN", "X", "ADJ"}:
            continue
        if (
            not token.text[:1].isupper()
            or not token.is_alpha
            or len(token) < 4
            or _overlaps(token.idx, token.idx + len(token), skip)
        ):
            continue
        for form, label in single.items():
            if form != token.text and same_name(form, token.text):
                extra.append(_Candidate(token.i, token.i + 1, label, found_by="repeat"))
                break
    return extra


def _form_words(form: str) -> list[str]:
    """A surface split the way spaCy's English tokenizer splits names."""
    return re.findall(r"\w+|[^\w\s]", form)


# Last words that make a capitalised name an organisation ("Human Rights Watch", "Northline Rail").
ORG_NAME_ENDINGS = {
    "watch", "international", "group", "federation", "council", "association",
    "foundation", "institute", "party", "front", "movement", "committee", "commission", "bank",
    "fund", "agency", "organization", "organisation", "network", "alliance", "coalition",
    "company", "corporation", "corp", "inc", "ltd", "plc", "holdings", "airlines", "airways",
    "rail", "railways", "motors", "energy", "petroleum", "telecom", "media", "news", "times",
    "post", "herald", "tribune", "journal", "gazette", "society", "league", "club", "trust",
    "partners", "capital", "industries", "systems", "technologies", "labs", "brigade", "brigades",
}


def _has_org_name_ending(doc: Doc, start: int, end: int) -> bool:
    return end - start >= 2 and doc[end - 1].lower_ in ORG_NAME_ENDINGS


def _subject_organisation_candidates(
    doc: Doc, cands: list[_Candidate], skip: Sequence[tuple[int, int]]
) -> list[_Candidate]:
    """A capitalised name the model missed where it acts as a subject ("Human Rights Watch
    on Monday called for ..."): taken when its last word makes it an organisation."""
    taken = {i for c in cands for i in range(c.start, c.end)}
    extra = []
    for token in doc:
        if token.dep_ not in {"nsubj", "nsubjpass"} or token.i in taken:
            continue
        if token.pos_ != "PROPN" or not token.text[:1].isupper():
            continue
        start = token.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i in range(start, token.i + 1) \
                and doc[start - 1].text[:1].isupper() and doc[start - 1].i not in taken:
            start -= 1
        end = token.i + 1
        if not _has_org_name_ending(doc, start, end) or _overlaps(doc[start].idx, token.idx + len(token), skip):
            continue
        extra.append(_Candidate(start, end, "ORG", found_by="cue"))
        taken.update(range(start, end))
    return extra


def _initialism_candidates(
    doc: Doc, cands: list[_Candidate], skip: Sequence[tuple[int, int]]
) -> list[_Candidate]:
    """An acronym the model did not tag ("UAW president Shawn Fain") that spells the initials of
    an organisation the article names ("the United Auto Workers")."""
    taken = {i for c in cands for i in range(c.start, c.end)}
    names = [c.span(doc).text for c in cands if c.label in {"ORG", "FAC"} and c.end - c.start >= 2]
    extra = []
    for token in doc:
        if token.i in taken or not token.text.isupper() or not looks_like_acronym(token.text):
            continue
        if _overlaps(token.idx, token.idx + len(token), skip):
            continue
        if any(is_acronym_of(token.text, name) for name in names):
            extra.append(_Candidate(token.i, token.i + 1, "ORG", found_by="cue"))
    return extra


def _titled_person_candidates(
    doc: Doc, cands: list[_Candidate], skip: Sequence[tuple[int, int]]
) -> list[_Candidate]:
    """A capitalised name the model missed right after a title ("Governor Babajide Sanwo-Olu")."""
    taken = {i for c in cands for i in range(c.start, c.end)}
    extra = []
    for title in doc[:-1]:
        if title.lower_ not in PERSON_TITLES or not title.text[:1].isupper():
            continue
        end = title.i + 1
        while end < len(doc) and end not in taken and _is_name_token_after_title(doc, end):
            end += 1
        if end == title.i + 1 or _overlaps(doc[title.i + 1].idx, doc[end - 1].idx + 1, skip):
            continue
        extra.append(_Candidate(title.i + 1, end, "PERSON", found_by="cue"))
        taken.update(range(title.i + 1, end))
    return extra


def _is_name_token_after_title(doc: Doc, i: int) -> bool:
    token = doc[i]
    if token.text == "-" and not token.whitespace_ and i > 0 and not doc[i - 1].whitespace_:
        return i + 1 < len(doc) and doc[i + 1].text[:1].isupper()  # "Sanwo-Olu"
    return (
        token.pos_ == "PROPN"
        and token.text[:1].isupper()
        and token.is_alpha
        and token.lower_ not in PERSON_TITLES | TITLE_WORDS
        and not states.state_of_demonym(token.text)
        and not states.state_named(token.text)
    )


def _facility_cue_candidates(
    doc: Doc, cands: list[_Candidate], skip: Sequence[tuple[int, int]]
) -> list[_Candidate]:
    """A capitalised name the model missed right before or after a facility noun ("X airbase")."""
    taken = {i for c in cands for i in range(c.start, c.end)}
    extra = []
    for token in doc:
        if token.i in taken or token.pos_ != "PROPN" or not token.text[:1].isupper():
            continue
        if token.is_sent_start or _overlaps(token.idx, token.idx + len(token), skip):
            continue
        if _has_facility_cue(doc, token.i, token.i + 1):
            extra.append(_Candidate(token.i, token.i + 1, "FAC", found_by="cue"))
    return extra


# --- 3. kinds by evidence ----------------------------------------------------------


def _has_facility_cue(doc: Doc, start: int, end: int) -> bool:
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


def _has_org_cue(doc: Doc, start: int, end: int) -> bool:
    """ "news agency Anadolu", "the militant group X", "the X rebel group", "X news agency"."""
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


def _has_locative_cue(doc: Doc, start: int, end: int) -> bool:
    """ "near Goma", "fled to Goma", "arrived in Goma": the name of a place."""
    root = doc[start:end].root
    if root.dep_ != "pobj":
        return False
    prep = root.head
    if prep.lower_ in _LOCATIVE_ONLY_PREPS:
        return True
    return prep.lower_ in {"to", "in", "from"} and prep.head.lemma_.lower() in _MOTION_VERBS


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


def _has_place_cue(doc: Doc, start: int) -> bool:
    """ "the town of X", "the city of X", "X province"."""
    return bool(
        start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in PLACE_NOUNS
    )


# Verbs whose subject relays news: a name reporting is an outlet, not a place ("Bloomberg reported").
_RELAYING_VERBS = {"report", "write", "cite", "quote", "publish", "broadcast"}


def _has_outlet_cue(doc: Doc, start: int, end: int) -> bool:
    """ "X reported", "writes X", "according to X": a name that relays news is an organisation.

    Only asked of names that are not states or capitals (those are decided by reference data first).
    """
    root = doc[start:end].root
    if root.dep_ == "nsubj" and root.head.lemma_.lower() in _RELAYING_VERBS:
        return True
    prep = root.head
    return (
        root.dep_ == "pobj"
        and prep.lower_ == "to"
        and prep.head.lower_ == "according"
    )


def _evidence_label(doc: Doc, cand: _Candidate) -> str | None:
    if cand.label not in {"GPE", "LOC"} and _has_org_name_ending(doc, cand.start, cand.end):
        return "ORG"  # "the Volta Motors plant" is the company's plant
    if _has_facility_cue(doc, cand.start, cand.end):
        return "FAC"
    if _has_place_cue(doc, cand.start):
        return "GPE"
    if (
        _has_org_cue(doc, cand.start, cand.end)
        or _has_outlet_cue(doc, cand.start, cand.end)
    ):
        return "ORG"
    if _has_person_cue(doc, cand.start):
        return "PERSON"
    return None


# --- 4. grouping -------------------------------------------------------------------


class _Groups:
    """Union-find over normalised surfaces."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def _is_state_like(norm: str) -> bool:
    return bool(
        states.state_tables().names.get(norm)
        or states.state_tables().demonyms.get(norm)
        or states.state_tables().capitals.get(norm)
    )


def _full_names(
    groups: _Groups, member: str, norms: list[str], surfaces: dict[str, list[_Candidate]]
) -> set[str]:
    """The multi-word names a group already stands for: its own and the corpus's ("Haddad" -> "omar haddad")."""
    root = groups.find(member)
    names = set()
    for norm in norms:
        if groups.find(norm) != root:
            continue
        if len(norm.split()) > 1:
            names.add(norm)
        for cand in surfaces[norm]:
            known = normalise_name(cand.ruler_key) if cand.ruler_key else ""
            if len(known.split()) > 1:
                names.add(known)
    return names


def _full_names_agree(a: set[str], b: set[str]) -> bool:
    """Two groups may be one actor only if no full name of one is a different full name of the
    other: a short form must never fold "Asaad X" into "Bashar Y" through a look-alike word."""
    for x in a:
        for y in b:
            xs, ys = x.split(), y.split()
            if not (same_name(x, y) or _short_form_of(xs, ys) or _short_form_of(ys, xs)):
                return False
    return True


def _may_have_short_form(votes: Counter) -> bool:
    """People and organisations are called by their last word; places rarely are
    ("Sudan" is not "South Sudan")."""
    label = _majority(votes)
    return label in {"PERSON", "ORG", None} or votes.get("PERSON", 0) > 0


def _short_form_of(short: list[str], full: list[str]) -> bool:
    """ "dahlan" of "mohammed dahlan", "support forces" of "rapid support forces"."""
    if len(short) >= len(full):
        return False
    tail = full[-len(short) :]
    return all(same_word(a, b) for a, b in zip(short, tail, strict=True))


# --- the index ---------------------------------------------------------------------


@dataclass
class ActorIndex:
    doc: Doc
    mentions: list[Mention] = field(default_factory=list)
    aliases: list[DeclaredAlias] = field(default_factory=list)
    affiliations: list[Affiliation] = field(default_factory=list)
    _by_token: dict[int, Mention] = field(default_factory=dict, repr=False)
    _labels: dict[str, str] = field(default_factory=dict, repr=False)  # key -> label

    @classmethod
    def build(cls, doc: Doc, *, skip: Sequence[tuple[int, int]] = ()) -> ActorIndex:
        index = cls(doc=doc)
        index._build(list(skip))
        return index

    # -- building --

    def _build(self, skip: list[tuple[int, int]]) -> None:
        doc = self.doc
        cands = _initial_candidates(doc, skip)
        decls = _declarations(doc, cands)
        cands = _add_declared_spans(doc, cands, decls, skip)
        forms = _repeat_forms(doc, cands, decls)
        cands = _without_overlaps(cands + _find_repeats(doc, cands, forms, skip))
        cands = _without_overlaps(cands + _find_variant_repeats(doc, cands, forms, skip))
        cands = _without_overlaps(cands + _facility_cue_candidates(doc, cands, skip))
        cands = _without_overlaps(cands + _titled_person_candidates(doc, cands, skip))
        cands = _without_overlaps(cands + _subject_organisation_candidates(doc, cands, skip))
        cands = _without_overlaps(cands + _initialism_candidates(doc, cands, skip))
        keys, labels = self._resolve_keys(cands, decls)
        self._labels = labels
        for cand in cands:
            span = cand.span(doc)
            norm = normalise_name(span.text)
            key = keys.get(norm)
            if key is None:
                continue
            label = labels[key]
            if label not in ACTOR_LABELS:
                continue
            self._add_mention(span, key, label)
        self.aliases = self._declared_aliases(decls, keys, labels)
        self.affiliations = self._find_affiliations()

    def _resolve_keys(
        self, cands: list[_Candidate], decls: list[Declaration]
    ) -> tuple[dict[str, str], dict[str, str]]:
        doc = self.doc
        groups = _Groups()
        surfaces: dict[str, list[_Candidate]] = defaultdict(list)
        for cand in cands:
            norm = normalise_name(cand.span(doc).text)
            if norm:
                surfaces[norm].append(cand)
                groups.find(norm)
        norms = list(surfaces)
        # States under any of their names are one actor.
        by_state: dict[str, str] = {}
        for norm in norms:
            state = states.state_tables().names.get(norm) or states.state_named(
                surfaces[norm][0].span(doc).text
            )
            if state:
                if state in by_state:
                    groups.union(by_state[state], norm)
                else:
                    by_state[state] = norm
        # Spelling variants.
        for i, a in enumerate(norms):
            for b in norms[i + 1 :]:
                if (
                    groups.find(a) != groups.find(b)
                    and not (_is_state_like(a) or _is_state_like(b))
                    and same_name(a, b)
                ):
                    groups.union(a, b)
        # Declared aliases.
        declared_names: list[str] = []
        for decl in decls:
            name, alias = normalise_name(decl.name.text), normalise_name(decl.alias)
            if name and alias:
                groups.union(name, alias)
                declared_names.append(name)
        # An undeclared acronym ("NFF" after "the Nigeria Football Federation") joins the one
        # organisation name in the article whose initials it spells.
        for short in norms:
            text = surfaces[short][0].span(doc).text
            if not looks_like_acronym(text) or _is_state_like(short):
                continue
            expansions = {
                groups.find(f)
                for f in norms
                if len(f.split()) >= 2
                and not _is_state_like(f)
                and is_acronym_of(text, surfaces[f][0].span(doc).text)
            }
            expansions.discard(groups.find(short))
            if len(expansions) == 1:
                groups.union(expansions.pop(), short)
        # Short forms ("Kovalenko", "Support Forces") join the one full name they end.
        label_votes = self._label_votes(surfaces)
        for short in norms:
            if _is_state_like(short):
                continue
            short_words = short.split()
            fulls = {
                groups.find(f)
                for f in norms
                if f != short
                and not _is_state_like(f)
                and _short_form_of(short_words, f.split())
                and (len(short_words) > 1 or _may_have_short_form(label_votes[f]))
            }
            if not fulls and len(short_words) == 1:
                # "Xi" of "Xi Jinping": a family name written first, for people only.
                fulls = {
                    groups.find(f)
                    for f in norms
                    if f != short
                    and len(f.split()) == 2
                    and same_word(short, f.split()[0])
                    and _majority(label_votes[f]) == "PERSON"
                    and _majority(label_votes[short]) in {"PERSON", None}
                }
            if not fulls and len(short_words) == 1 and _majority(label_votes[short]) in {"ORG", None}:
                # "Amnesty" of "Amnesty International": organisations also go by their first word.
                fulls = {
                    groups.find(f)
                    for f in norms
                    if f != short
                    and len(f.split()) >= 2
                    and not _is_state_like(f)
                    and f.split()[0] == short
                    and (_majority(label_votes[f]) == "ORG" or f.split()[-1] in ORG_NAME_ENDINGS)
                }
            fulls.discard(groups.find(short))
            if len(fulls) == 1:
                full = fulls.pop()
                if _full_names_agree(
                    _full_names(groups, full, norms, surfaces),
                    _full_names(groups, short, norms, surfaces),
                ):
                    groups.union(full, short)
        members: dict[str, list[str]] = defaultdict(list)
        for norm in norms:
            members[groups.find(norm)].append(norm)
        keys: dict[str, str] = {}
        labels: dict[str, str] = {}
        for group in members.values():
            key = self._group_key(group, surfaces, decls, declared_names)
            label = self._group_label(group, surfaces, decls, label_votes)
            labels[key] = label
            for norm in group:
                keys[norm] = key
        return keys, labels

    def _label_votes(self, surfaces: dict[str, list[_Candidate]]) -> dict[str, Counter]:
        votes: dict[str, Counter] = defaultdict(Counter)
        for norm, cands in surfaces.items():
            for cand in cands:
                weight = 3 if cand.found_by == "ruler" else 1
                if cand.found_by == "repeat":
                    continue  # its label is a copy of another vote
                votes[norm][cand.label] += weight
        return votes

    def _group_key(
        self,
        group: list[str],
        surfaces: dict[str, list[_Candidate]],
        decls: list[Declaration],
        declared_names: list[str],
    ) -> str:
        doc = self.doc
        for norm in group:
            for cand in surfaces[norm]:
                if cand.ruler_key:
                    return cand.ruler_key  # the corpus already knows this actor's name
        for norm in group:
            state = states.state_tables().names.get(norm) or states.state_named(
                surfaces[norm][0].span(doc).text
            )
            if state:
                return state
        for decl in decls:
            if normalise_name(decl.name.text) in group:
                return _surface_text(decl.name.text)

        # The fullest name used, then the most used, then the first.
        def rank(norm: str) -> tuple:
            cands = surfaces[norm]
            return (-len(norm.split()), -len(cands), cands[0].start)

        best = min(group, key=rank)
        # Among spellings of that name ("Muammar Gaddafi"/"Muammar al-Gaddafi") the fullest.
        spelled = max(
            (c.span(doc).text for c in surfaces[best]),
            key=lambda text: (len(text), not text.isupper()),
        )  # not a DATELINE
        return _surface_text(spelled)

    def _group_label(
        self,
        group: list[str],
        surfaces: dict[str, list[_Candidate]],
        decls: list[Declaration],
        votes: dict[str, Counter],
    ) -> str:
        doc = self.doc
        for norm in group:
            if states.state_named(surfaces[norm][0].span(doc).text):
                return "GPE"  # "DRC", "US": codes found by their written form
            reference = states.state_tables().names.get(norm) and "GPE"
            reference = reference or (states.state_tables().demonyms.get(norm) and "NORP")
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
                    return cand.label  # an editor's type
        if evidence:
            return evidence.most_common(1)[0][0]
        label = _majority(total) or "ORG"
        acronym_declared = any(d.is_acronym and normalise_name(d.name.text) in group for d in decls)
        if acronym_declared and label == "PERSON":
            return "ORG"  # acronyms name organisations, not people
        if label == "NORP" and not any(_looks_like_group_word(n) for n in group):
            # NORP is for nationalities and religious or political groups ("Islamist",
            # "Sunnis"); a name tagged NORP without a group-word ending is a place.
            others = Counter({k: v for k, v in total.items() if k != "NORP"})
            return _majority(others) or "GPE"
        if label == "PRODUCT":
            return "PRODUCT"  # not an actor, unless evidence said otherwise
        return label

    def _add_mention(self, span: Span, key: str, label: str) -> None:
        sent = span.sent
        state, metonym = self._metonymy(span, key, label)
        mention = Mention(
            text=span.text,
            key=state or key,
            label="GPE" if state else label,
            start=span.start_char,
            end=span.end_char,
            sentence_start=sent.start_char,
            sentence_end=sent.end_char,
            metonym=metonym,
        )
        self.mentions.append(mention)
        for token in span:
            self._by_token[token.i] = mention

    def _declared_aliases(
        self, decls: list[Declaration], keys: dict[str, str], labels: dict[str, str]
    ) -> list[DeclaredAlias]:
        seen = set()
        found = []
        for decl in decls:
            key = keys.get(normalise_name(decl.name.text)) or _surface_text(decl.name.text)
            names = {_surface_text(decl.name.text), _surface_text(decl.alias)} - {key}
            for alias in sorted(names):
                if (key, alias) in seen:
                    continue
                seen.add((key, alias))
                found.append(
                    DeclaredAlias(
                        name=key,
                        alias=alias,
                        label=labels.get(key, decl.name.label),
                        pattern=decl.pattern,
                    )
                )
        return found

    # -- metonymy --

    def _metonymy(self, span: Span, key: str, label: str) -> tuple[str | None, bool]:
        """The state a capital or seat of government stands for here, if it acts."""
        seat_state = states.state_of_seat(span.text) or states.state_of_seat(key)
        capital_state = (
            states.state_of_capital(span.text) if label in {"GPE", "LOC", "FAC", "ORG"} else None
        )
        government_state = self._government_body_state(span, label)
        if government_state:
            return government_state, True
        if seat_state:
            return (None, False) if _is_locative(span.root) else (seat_state, True)
        if capital_state and _acts(span.root) and not _is_dateline(span):
            return capital_state, True
        return None, False

    def _government_body_state(self, span: Span, label: str) -> str | None:
        """ "The Japanese Foreign Ministry", "the US Treasury Department" tagged ORG -> the state."""
        if label not in {"ORG", "FAC"} or len(span) < 2 and not (
            span.start >= 2 and span.doc[span.start - 1].text in _POSSESSIVE
        ):
            return None
        if span[-1].lower_ not in GOVERNMENT_NOUNS:
            return None
        for token in span[:-1]:
            state = _state_of_modifier_word(token)
            if state:
                return state
        # "India's defence ministry": the owner stands before the name.
        doc = self.doc
        if span.start >= 2 and doc[span.start - 1].text in _POSSESSIVE:
            owner = self._state_at(doc[span.start - 2])
            if owner and not _is_locative(span.root):
                return owner
        return None

    # -- affiliations --

    def _find_affiliations(self) -> list[Affiliation]:
        found: dict[tuple[str, str], Affiliation] = {}
        for mention in self.mentions:
            if mention.label not in {"PERSON", "ORG"} or mention.metonym:
                continue
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            hit = self._state_before_title(span) or self._state_in_apposition(span)
            if hit is None:
                continue
            state, first, last = hit
            if state == mention.key:
                continue
            evidence_span = self.doc[first : max(last, span.end)]
            found.setdefault(
                (mention.key, state),
                Affiliation(member=mention.key, state=state, evidence=_span_of(evidence_span)),
            )
        return list(found.values())

    def _state_at(self, token: Token) -> str | None:
        """The state a token names or stands for, as a modifier of a title."""
        mention = self._by_token.get(token.i)
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

    def _state_before_title(self, span: Span) -> tuple[str, int, int] | None:
        """ "Brazil's Deputy Foreign Minister X", "White House spokesman X", "the President of France X"."""
        doc = self.doc
        sent_start = span.sent.start
        saw_title = False
        i = span.start - 1
        while i >= max(sent_start, span.start - 9):
            token = doc[i]
            low = token.lower_
            if low in NOT_CURRENT or low.startswith("ex-"):
                return None
            state = self._state_at(token)
            if state:
                first = self._mention_start_token(i)
                if any(t.lower_ in NOT_CURRENT for t in doc[max(sent_start, first - 3) : first]):
                    return None  # "former Kenyan President X" no longer acts for the state
                if saw_title:
                    return state, first, span.end
                # "the President of France X": the title stands before "of <state>".
                j = self._mention_start_token(i) - 1
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
            elif not (
                token.text in _POSSESSIVE
                or token.is_punct
                and token.text in {",", "-"}
                or token.pos_ in {"ADJ", "NOUN", "PROPN", "DET", "ADP"}
                and not self._by_token.get(token.i)
                or low in {"de", "facto", "self", "declared", "appointed", "acting"}
            ):
                return None
            i -= 1
        return None

    def _state_in_apposition(self, span: Span) -> tuple[str, int, int] | None:
        """ "X, France's foreign minister," — a title in apposition after the name."""
        doc = self.doc
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
            state = self._state_at(token)
            if state and saw_state is None:
                saw_state = state
            if token.lower_ in PERSON_TITLES and saw_state:
                return saw_state, span.start, token.i + 1
        return None

    def _mention_start_token(self, i: int) -> int:
        mention = self._by_token.get(i)
        if mention is None:
            return i
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return span.start if span is not None else i

    # -- queries --

    def mention_at(self, token: Token) -> Mention | None:
        return self._by_token.get(token.i)

    def label_of(self, key: str) -> str | None:
        """The kind decided for an article key."""
        return self._labels.get(key)

    def ref_for(self, span: Span | Token) -> ActorRef | None:
        """The actor a noun phrase denotes (see module doc), or None."""
        head = span.root if isinstance(span, Span) else span
        mention = self._by_token.get(head.i)
        if mention is not None:
            return ActorRef(mention.text, mention.key, mention.label, mention.start, mention.end)
        person = self._person_of_title(head)
        if person is not None:
            return person
        state = self._state_of_government_phrase(head)
        if state is not None:
            left = min([head.i] + [t.i for t in head.lefts])
            phrase = self.doc[left : head.i + 1]
            while len(phrase) > 1 and phrase[0].lower_ in {"the", "a", "an"}:
                phrase = phrase[1:]
            return ActorRef(phrase.text, state, "GPE", phrase.start_char, phrase.end_char)
        return None

    def _person_of_title(self, head: Token) -> ActorRef | None:
        """ "White House spokesman John Kirby" parsed with the title as head."""
        if head.lower_ not in PERSON_TITLES:
            return None
        for child in head.children:
            if child.dep_ in {"appos", "compound", "flat"}:
                mention = self._by_token.get(child.i)
                if mention is not None and mention.label == "PERSON":
                    return ActorRef(
                        mention.text, mention.key, mention.label, mention.start, mention.end
                    )
        return None

    def _state_of_government_phrase(self, head: Token) -> str | None:
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
            state = self._state_at(token)
            if state:
                return state
        return None

    def state_of(self, key: str) -> str | None:
        """The state an actor acts for, from the article's affiliations."""
        for affiliation in self.affiliations:
            if affiliation.member == key:
                return affiliation.state
        return None


# --- helpers on tokens ---------------------------------------------------------------


def _surface_text(text: str) -> str:
    """A surface as a key: no leading "the", no possessive, no surrounding punctuation."""
    text = re.sub(r"^(?:the|The|THE)\s+", "", text.strip())
    text = re.sub(r"[’'ʼ]s$", "", text)
    return text.strip(' \t\n,.;:"“”()')


def _span_of(span: Span) -> CharSpan:
    return CharSpan(span.start_char, span.end_char, span.text)


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


def _looks_like_group_word(norm: str) -> bool:
    """ "kenyan", "islamist", "shiite", "sunnis", "dutch": words that name peoples or creeds."""
    return bool(states.state_tables().demonyms.get(norm)) or (
        len(norm.split()) == 1 and norm.endswith(_GROUP_WORD_ENDINGS)
    )


def _majority(votes: Counter) -> str | None:
    if not votes:
        return None
    order = {"PERSON": 0, "ORG": 1, "GPE": 2, "FAC": 3, "LOC": 4, "NORP": 5, "PRODUCT": 6}
    return max(votes, key=lambda label: (votes[label], -order.get(label, 9)))


def _is_dateline(span: Span) -> bool:
    """ "BEIJING (Reuters) -", "KYIV, March 3 -": the place a story was filed from."""
    if not span.text.isupper() or len(span.text) < 3:
        return False
    after = span.doc[span.end : span.end + 1]
    return bool(after) and after[0].text in {"(", ",", "-", "\u2014", "\u2013", ":"}


def _is_locative(token: Token) -> bool:
    """ "in Ankara", "to Nairobi", "at the White House": the word names the place."""
    head = token.head
    if token.dep_ == "pobj" and head.lower_ in _LOCATIVE_PREPS:
        return True
    return token.dep_ in {"dobj"} and head.lemma_.lower() in _MOTION_VERBS


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
        return head.lower_ not in _URBAN_NOUNS
    if dep in {"dobj", "dative", "iobj"}:
        return head.lemma_.lower() not in _MOTION_VERBS
    if dep == "pobj":
        prep = head.lower_
        governor = head.head
        if prep == "by" and head.dep_ == "agent":
            return True
        if prep in _ACTING_OBJECT_PREPS:
            return True
        if (
            prep == "from"
            and governor.pos_ in {"NOUN"}
            and governor.lemma_.lower() not in _URBAN_NOUNS
        ):
            return True  # "compensation from Tehran"
        if (
            prep == "from"
            and governor.pos_ in {"VERB", "AUX"}
            and governor.lemma_.lower() not in _MOTION_VERBS
        ):
            return True  # "demanding compensation from Tehran", "distancing itself from Beijing"
        return prep == "on" and governor.lower_ in _SANCTION_NOUNS  # "sanctions on Caracas"
    return False


__all__ = ["ActorIndex"]

"""Aliases that an article declares itself.

News introduces a second name right after the first: "Rapid Support Forces
(RSF)", "the Armed Forces of Liberation of X, or FALX," (an acronym in the
name's own language may spell its words in another order), "Mohamed Hamdan Dagalo (or Hemedti)", "X, also known as Y",
"X (better known as Y)", "X (whose nom de guerre is Y)". ``find_declared``
reads these constructions after each named span and returns the pairs. It
works on character offsets so that it can be used before or after the
entity spans are final.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .states import state_named, state_of_demonym

# Lower-case particles that belong inside names in many languages.
NAME_PARTICLES = {
    "al",
    "el",
    "ad",
    "ar",
    "as",
    "ash",
    "at",
    "az",
    "an",
    "ibn",
    "bin",
    "bint",
    "abu",
    "abd",
    "de",
    "da",
    "del",
    "della",
    "di",
    "do",
    "dos",
    "du",
    "van",
    "von",
    "der",
    "den",
    "la",
    "le",
    "ul",
    "ben",
    "bar",
    "y",
    "mac",
    "st",
    "of",
    "the",
    "and",
    "for",
    "wa",
    "wal",
    "und",
    "et",
}
_WORD = r"[^\W\d_][\w'’ʼ.-]*"
_NAME = rf"{_WORD}(?:\s+{_WORD}){{0,6}}"
_NAMING_CUES = (
    r"or|aka|a\.k\.a\.?|also known as|better known as|more commonly known as|commonly known as|"
    r"widely known as|known as|also called|called|dubbed|formerly|formerly known as|"
    r"previously known as|née|nee|real name|birth name|born"
)
# "(or Y)", "(better known as Y)", "(Y)", "(whose AQ name is Y)", "(known by his nom de guerre Y)"
_PARENTHESIS = re.compile(
    rf"\A\s*\(\s*(?:(?P<cue>{_NAMING_CUES})\s+|(?P<clause>[^()]{{0,60}}?\b(?:name|alias|nom de guerre|"
    rf"pseudonym|moniker|nickname)\b(?:\s+(?:is|was))?\s+))?(?P<alias>{_NAME})\s*\)"
)
# ", also known as Y", ", better known as Y", ", or Y,", ", whose real name is Y"
_APPOSITION = re.compile(
    rf"\A\s*,\s*(?P<cue>also known as|better known as|more commonly known as|commonly known as|"
    rf"widely known as|known as|also called|a\.k\.a\.?|aka|formerly known as|formerly|"
    rf"whose (?:real |legal |full |birth |given |actual |true )?name is)\s+"
    rf"(?P<alias>{_NAME})(?=\s*[,.;:)]|\s*$|\s+(?:is|was|has|had|who|said|and)\b)"
)


# ", or FALX," after the full name: an acronym given as the other name.
_OR_ACRONYM = re.compile(r"\A\s*,\s*or\s+(?P<alias>[A-Z][A-Z0-9&.]{1,9})(?=\s*[,.;:)])")


@dataclass(frozen=True)
class NameSpan:
    start: int
    end: int
    text: str
    label: str


@dataclass(frozen=True)
class Declaration:
    name: NameSpan  # the name first written
    alias_start: int
    alias_end: int
    alias: str
    pattern: str  # "acronym", "or", "aka", "parenthesis", "name_clause"

    @property
    def is_acronym(self) -> bool:
        return self.pattern == "acronym"


def looks_like_acronym(text: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][A-Z0-9&]{1,7}s?", text.replace(".", "")))


def _initials(name: str) -> list[str]:
    """Initials of the significant words of a name ("Rapid Support Forces" -> R S F)."""
    initials = []
    for word in re.split(r"[\s]+", name):
        parts = [p for p in re.split(r"[-’'ʼ]", word) if p]
        significant = [p for p in parts if p.casefold() not in NAME_PARTICLES] or parts
        for part in significant[:1] if len(significant) == 1 else significant:
            if part.casefold() in NAME_PARTICLES:
                continue
            initials.append(part[0].upper())
    return initials


def initials_of(name: str) -> list[str]:
    """The initials an acronym of ``name`` would spell ("Sylvanian Relief Agency" -> S R A)."""
    return _initials(name)


def is_acronym_of(acronym: str, name: str) -> bool:
    """Whether the letters of ``acronym`` are the initials of ``name`` in order.

    Particles ("of", "al-", "the") may or may not contribute a letter, so the
    check is a subsequence match of every letter over all word initials with the
    significant initials all used.
    """
    letters = [c for c in acronym.replace(".", "").rstrip("s") if c.isalpha()]
    if len(letters) < 2:
        return False
    significant = _initials(name)
    if [c.upper() for c in letters] == significant:
        return True
    every = [w[0].upper() for w in re.split(r"[\s-]+", name) if w and w[0].isalpha()]
    return [c.upper() for c in letters] == every


def _loose_acronym_of(acronym: str, name: str) -> bool:
    """ "Islamic State (ISIS)": an acronym of a longer or foreign form of the name,
    accepted when it starts like the name and is not a two-letter credit ("(AP)")."""
    letters = acronym.replace(".", "")
    return len(letters) >= 3 and len(name.split()) >= 2 and letters[0] == name[:1].upper()


def _translated_acronym_of(acronym: str, name: str) -> bool:
    """ "Popular Liberation Front (FPL)": an acronym of the name in its own language, whose
    words come in another order and may start differently. Taken when it has as many letters
    as the name has significant words and all but one of them are initials of those words."""
    letters = [c.upper() for c in acronym.replace(".", "") if c.isalpha()]
    initials = _initials(name)
    if len(letters) < 3 or len(letters) != len(initials):
        return False
    unmatched = list(initials)
    shared = 0
    for letter in letters:
        if letter in unmatched:
            unmatched.remove(letter)
            shared += 1
    return shared >= len(letters) - 1


def _is_name_like(text: str) -> bool:
    """A proper name: capitalised words (particles allowed), not a sentence fragment."""
    words = text.split()
    if not words or len(words) > 7:
        return False
    capitalised = 0
    for word in words:
        parts = [p for p in word.split("-") if p]
        # "al-Sham", "wal-Muslimin", "Guinea-Bissau": particles and capitalised parts.
        if parts and all(
            p[:1].isupper() or p.casefold().rstrip(".") in NAME_PARTICLES for p in parts
        ):
            capitalised += any(p[:1].isupper() for p in parts)
        else:
            return False
    if any(
        len(part) == 1
        for word in words
        for part in word.split("-")[1:] + word.split("-")[:1]
        if "-" in word
    ):
        return False  # "R-Texas", "D-N.Y.": party and state, not a name
    return capitalised >= 1 and not re.search(r"\d|@|https?:", text)


def _is_place_or_people(text: str) -> bool:
    return state_named(text) is not None or state_of_demonym(text) is not None


def _compatible(name: NameSpan, alias: str) -> bool:
    """Reject "(Reuters)" after a dateline, "(Kenya)" after a person, "(R-Texas)" and the like."""
    if _is_place_or_people(alias) and not _is_place_or_people(name.text):
        return False
    # "NAIROBI (Reuters)": a dateline, not a name
    is_dateline = name.text.isupper() and len(name.text) > 4 and not is_acronym_of(alias, name.text)
    return not is_dateline


def _declaration_after(text: str, name: NameSpan) -> Declaration | None:
    rest = text[name.end : name.end + 160]
    match = _PARENTHESIS.match(rest)
    if match:
        alias = match.group("alias").strip()
        if match.group("cue"):
            pattern = "or" if match.group("cue").casefold() == "or" else "aka"
        elif match.group("clause"):
            pattern = "name_clause"
        elif looks_like_acronym(alias):
            if not (
                is_acronym_of(alias, name.text)
                or _loose_acronym_of(alias, name.text)
                or name.label == "ORG" and _translated_acronym_of(alias, name.text)
            ):
                return None  # "(AP)", "(UN)" after an unrelated name: not a declaration
            pattern = "acronym"
        else:
            pattern = "parenthesis"
    elif (match := _OR_ACRONYM.match(rest)) is not None:
        alias = match.group("alias")
        if not looks_like_acronym(alias) or not (
            is_acronym_of(alias, name.text) or _translated_acronym_of(alias, name.text)
        ):
            return None  # "Kenya, or KE," is no declaration; "X, or XYZ," spelling X is
        pattern = "acronym"
    else:
        match = _APPOSITION.match(rest)
        if not match:
            return None
        alias = match.group("alias").strip()
        pattern = "aka"
    alias = re.sub(r"[’'ʼ]s$", "", alias).strip()
    if not _is_name_like(alias):
        return None
    if pattern != "acronym" and not _compatible(name, alias):
        return None
    start = name.end + match.start("alias")
    return Declaration(name, start, start + len(alias), alias, pattern)


def _reverse_acronym(text: str, name: NameSpan) -> Declaration | None:
    """ "RSF (Rapid Support Forces)": the acronym first, the full name in brackets."""
    if not looks_like_acronym(name.text):
        return None
    match = re.match(rf"\A\s*\(\s*(?P<alias>{_NAME})\s*\)", text[name.end : name.end + 120])
    if not match or not is_acronym_of(name.text, match.group("alias")):
        return None
    start = name.end + match.start("alias")
    full = match.group("alias")
    return Declaration(
        NameSpan(start, start + len(full), full, name.label),
        name.start,
        name.end,
        name.text,
        "acronym",
    )


def find_declared(text: str, names: Iterable[NameSpan]) -> list[Declaration]:
    """Every alias the text declares right after one of ``names``."""
    declarations = []
    for name in names:
        found = _reverse_acronym(text, name) or _declaration_after(text, name)
        if found is not None:
            declarations.append(found)
    return declarations


def expansion_before(text: str, acronym_start: int, acronym: str) -> tuple[int, int] | None:
    """The long form written right before "(ACRONYM)", when the model did not tag it.

    "Fighters of Jamaat Nusrat al-Islam wal-Muslimin (JNIM)": the shortest run of
    capitalised words (particles allowed) ending before the bracket whose initials
    spell the acronym.
    """
    bracket = text.rfind("(", max(0, acronym_start - 3), acronym_start)
    if bracket < 0 or not looks_like_acronym(acronym):
        return None
    before = text[max(0, bracket - 120) : bracket]
    offset = bracket - len(before)
    words = list(re.finditer(r"[^\s(),;:]+", before))
    if not words or not before.endswith((" ", "\u00a0")):
        return None
    for count in range(2, min(9, len(words) + 1)):
        first, last = words[-count], words[-1]
        candidate = before[first.start() : last.end()]
        if not candidate[:1].isupper() or not _is_name_like(candidate):
            continue
        if is_acronym_of(acronym, candidate):
            return offset + first.start(), offset + last.end()
    return _sentence_case_expansion(words, offset, acronym)


# Words a name in a Romance or Germanic language joins its content words with; they give the
# acronym no letter ("Commission nationale de l'informatique et des libertés" -> CNIL).
_JOINING_WORDS = NAME_PARTICLES | {
    "des", "les", "los", "las", "del", "dei", "degli", "delle", "e", "i", "en", "pour", "para", "por",
    "per", "a", "au", "aux", "zur", "zum", "für", "l", "d",
}


def _sentence_case_expansion(words: list, offset: int, acronym: str) -> tuple[int, int] | None:
    """ "Commission nationale de l'informatique et des libertés (CNIL)": a name written with only
    its first word capitalised, as French, Spanish or Portuguese names are, whose content words'
    initials are exactly the acronym's letters (three at least)."""
    letters = [c.upper() for c in acronym.replace(".", "").rstrip("s") if c.isalpha()]
    if len(letters) < 3:
        return None
    for count in range(len(letters), min(13, len(words) + 1)):
        run = words[-count:]
        if not run[0].group()[:1].isupper() or not all(re.fullmatch(r"[^\W\d_][\w'’-]*", w.group()) for w in run):
            continue
        initials = [
            part[0].upper()
            for w in run for part in re.split(r"['’]", w.group())
            if part and part.casefold() not in _JOINING_WORDS
        ]
        if initials == letters:
            return offset + run[0].start(), offset + run[-1].end()
    return None

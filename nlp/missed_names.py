"""Names the model did not tag, found where the article itself points at them.

After name_spans.py has cleaned the model's entities, these add candidates:

- both sides of every alias the article declares ("Rapid Support Forces
  (RSF)", "X, also known as Y"; aliases.py reads the constructions);
- repeats of the article's own names ("RSF" alone, a person's surname, a
  seat of government such as "Downing Street") and one-word names spelled
  differently ("Zelenskyy");
- names next to a cue: a facility noun ("X airbase"), a title ("Governor X"),
  a role noun ("analysts at X"),
  an organisation ending on a subject ("Human Rights Watch called"), and an
  undeclared acronym of an organisation the article names ("UAW").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from spacy.tokens import Doc

from . import states
from .actor_kinds import has_facility_cue, has_org_name_ending, names_the_body_of_a_role
from .actor_words import (
    MINISTRY_SUBJECTS,
    ORG_NAME_ENDINGS,
    PERSON_TITLES,
    ROLE_NOUNS,
    TITLE_WORDS,
    is_generic_body_word,
)
from .aliases import (
    Declaration,
    NameSpan,
    expansion_before,
    find_declared,
    is_acronym_of,
    looks_like_acronym,
)
from .model import doc_text
from .name_spans import Candidate, described_as_someone, overlaps, without_overlaps
from .normalise import normalise_name, same_name
from .speech_words import CUE_VERBS
from .types import DeclaredAlias, Mention

# --- declared aliases ---------------------------------------------------------------


def declarations(doc: Doc, cands: list[Candidate]) -> list[Declaration]:
    """The aliases the article declares after its candidate names, and "(JNIM)" after a long
    form the model did not tag."""
    names = [
        NameSpan(
            doc[c.start].idx,
            doc[c.end - 1].idx + len(doc[c.end - 1]),
            doc[c.start : c.end].text,
            c.label,
        )
        for c in cands
    ]
    found = find_declared(doc_text(doc), names)
    declared_at = {d.alias_start for d in found}
    for name in names + _bracketed_acronyms(doc_text(doc), names):
        if name.start in declared_at or not looks_like_acronym(name.text):
            continue
        # "(JNIM)" after a long name the model did not tag at all.
        expansion = expansion_before(doc_text(doc), name.start, name.text) or _translated_name_before(
            doc_text(doc), name.start, names
        )
        if expansion is not None:
            start, end = expansion
            long_form = NameSpan(start, end, doc_text(doc)[start:end], "ORG")
            found.append(Declaration(long_form, name.start, name.end, name.text, "acronym"))
    return found


# "Reporters Without Borders (RSF)", "Doctors Without Borders (MSF)": a name in title case right
# before a bracketed acronym that spells it in another language. Two to five words, the first
# after a sentence's start or a word in lower case, none of them tagged as another name.
_TITLE_RUN = re.compile(r"((?:[A-Z][\w'’-]+\s){1,4}[A-Z][\w'’-]+)\s+\($")
_RUN_OPENS_AFTER = re.compile(r"(^|[.:;,!?\"“”(]\s*|\b[a-z][\w'’]*\s+)$")
TRANSLATED_ACRONYM_LETTERS = 5  # a longer bracketed capital word is more often a word than an acronym


def _translated_name_before(text: str, acronym_start: int, names: list[NameSpan]) -> tuple[int, int] | None:
    acronym = text[acronym_start:].split(")", 1)[0]
    if len(acronym) > TRANSLATED_ACRONYM_LETTERS or not looks_like_acronym(acronym):
        return None
    window_start = max(0, acronym_start - 80)
    match = _TITLE_RUN.search(text[window_start:acronym_start])
    if match is None or not _RUN_OPENS_AFTER.search(text[: window_start + match.start(1)]):
        return None
    start, end = window_start + match.start(1), window_start + match.end(1)
    if any(name.start < end and start < name.end for name in names):
        return None  # "Foreign Minister Jane Roe (CDU)": a tagged name and its party
    return start, end


_BRACKETED_ACRONYM = re.compile(r"\(([A-Z][A-Z0-9&]{2,7}s?)\)")


def _bracketed_acronyms(text: str, names: list[NameSpan]) -> list[NameSpan]:
    """ "(CNIL)" the model did not tag: an acronym in brackets is a name too, to be expanded."""
    tagged = {name.start for name in names}
    return [
        NameSpan(m.start(1), m.end(1), m.group(1), "ORG")
        for m in _BRACKETED_ACRONYM.finditer(text) if m.start(1) not in tagged
    ]


def add_declared_spans(
    doc: Doc, cands: list[Candidate], decls: list[Declaration], skip: Sequence[tuple[int, int]]
) -> list[Candidate]:
    """Make sure both sides of every declaration are candidates (the model often misses Y)."""
    extra = []
    for decl in decls:
        for start, end, label in (
            (decl.alias_start, decl.alias_end, decl.name.label),
            (decl.name.start, decl.name.end, decl.name.label),
        ):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or overlaps(start, end, skip):
                continue
            extra.append(Candidate(span.start, span.end, label, found_by="declared"))
    return without_overlaps(cands + extra) if extra else cands


# --- repeats of the article's own names ---------------------------------------------


def repeat_forms(doc: Doc, cands: list[Candidate], decls: list[Declaration]) -> dict[str, str]:
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


def find_repeats(
    doc: Doc, cands: list[Candidate], forms: dict[str, str], skip: Sequence[tuple[int, int]]
) -> list[Candidate]:
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
            if overlaps(span.start_char, span.end_char, skip):
                continue
            extra.append(Candidate(token.i, end, label, found_by="repeat"))
            taken.update(range(token.i, end))
            break
    return extra


def find_variant_repeats(
    doc: Doc, cands: list[Candidate], forms: dict[str, str], skip: Sequence[tuple[int, int]]
) -> list[Candidate]:
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
            or overlaps(token.idx, token.idx + len(token), skip)
        ):
            continue
        for form, label in single.items():
            if form != token.text and same_name(form, token.text):
                extra.append(Candidate(token.i, token.i + 1, label, found_by="repeat"))
                break
    return extra


def _form_words(form: str) -> list[str]:
    """A surface split the way spaCy's English tokenizer splits names."""
    return re.findall(r"\w+|[^\w\s]", form)


# --- names next to a cue --------------------------------------------------------------


def subject_organisation_candidates(
    doc: Doc, cands: list[Candidate], skip: Sequence[tuple[int, int]]
) -> list[Candidate]:
    """A capitalised name the model missed where it acts as a subject ("Human Rights Watch
    on Monday called for ..."): taken when its last word makes it an organisation, or when
    what it does is report or publish ("O Globo reported that ...": an outlet)."""
    taken = {i for c in cands for i in range(c.start, c.end)}
    extra = []
    for token in doc:
        if token.dep_ not in {"nsubj", "nsubjpass"} or token.i in taken:
            continue
        if not (token.pos_ == "PROPN" or _is_acronym_word(token)) or not token.text[:1].isupper():
            continue
        start = token.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i in range(start, token.i + 1) \
                and doc[start - 1].text[:1].isupper() and doc[start - 1].i not in taken:
            start -= 1
        reports = token.dep_ == "nsubj" and token.head.lemma_.lower() in _OUTLET_VERBS
        if reports:
            start = _with_article_of_name(doc, start, taken)
        end = token.i + 1
        # "The CNIL on Tuesday renewed ...": an acronym acting is a body; people are not written so.
        acronym = start == token.i and _is_acronym_word(token)
        if not (has_org_name_ending(doc, start, end) or reports or acronym) \
                or overlaps(doc[start].idx, token.idx + len(token), skip):
            continue
        extra.append(Candidate(start, end, "ORG", found_by="cue"))
        taken.update(range(start, end))
    return extra


def _is_acronym_word(token) -> bool:
    """ "CNIL", "TJRS": in a sentence written in lower case (in a line in capitals every word is)."""
    if not (len(token.text) >= 3 and token.text.isupper() and looks_like_acronym(token.text)):
        return False
    words = [t for t in token.sent if t.is_alpha]
    return sum(t.is_upper for t in words) * 2 < len(words)


# What outlets do, and people rarely ("X wrote" is as often a columnist): a name doing it is an outlet.
_OUTLET_VERBS = frozenset({"report", "publish", "broadcast"})
# Capitalised articles that open a foreign outlet's name ("O Globo", "Le Monde", "El Diario").
_NAME_ARTICLES = frozenset({"o", "a", "le", "la", "les", "el", "los", "las", "il", "der", "die", "das", "de", "het"})


def _with_article_of_name(doc: Doc, start: int, taken: set[int]) -> int:
    """ "O Globo", "Le Monde": a capitalised foreign article written against the name is part of it."""
    before = doc[start - 1] if start > 0 else None
    if (
        before is not None
        and before.i not in taken
        and before.text[:1].isupper()
        and before.lower_ in _NAME_ARTICLES
        and before.lower_ != "a"  # "A Freedonian daily reported": the English article
    ):
        return start - 1
    return start


def role_organisation_candidates(
    doc: Doc, cands: list[Candidate], skip: Sequence[tuple[int, int]]
) -> list[Candidate]:
    """A capitalised name the model missed after a role noun and "at", "for" or "with"
    ("analysts at Brenmoor Metals", "a spokeswoman for Zorvex Group"): the people's organisation."""
    taken = {i for c in cands for i in range(c.start, c.end)}
    extra = []
    for prep in doc[1:-1]:
        if prep.lower_ not in {"at", "for", "with"} or doc[prep.i - 1].lower_ not in ROLE_NOUNS:
            continue
        start = prep.i + 1
        if doc[start].lower_ == "the":
            start += 1
        end = start
        while end < len(doc) and end not in taken and _is_missed_name_word(doc[end]):
            end += 1
        if end == start or overlaps(doc[start].idx, doc[end - 1].idx + 1, skip):
            continue
        extra.append(Candidate(start, end, "ORG", found_by="cue"))
        taken.update(range(start, end))
    return extra


def role_holder_organisation_candidates(
    doc: Doc, cands: list[Candidate], skip: Sequence[tuple[int, int]]
) -> list[Candidate]:
    """A capitalised name the model missed just before a role that speaks for a body and a
    person's name ("SKM managing director Chen Li", "Havenbond chairman Kees Maas"): the
    organisation the person leads or speaks for. Not a bare word for a body ("Union president
    X": which union is affiliations.py's to say)."""
    taken = {i for c in cands for i in range(c.start, c.end)}
    extra = []
    for token in doc:
        end = token.i + 1
        if end >= len(doc) or end in taken or not names_the_body_of_a_role(doc, end, end):
            continue
        start = end
        while start > 0 and start - 1 not in taken and (
            _is_missed_name_word(doc[start - 1]) or _is_acronym_word(doc[start - 1])
        ):
            start -= 1
        if start == end or is_generic_body_word(doc[start:end].text):
            continue
        if overlaps(doc[start].idx, doc[end - 1].idx + 1, skip):
            continue
        extra.append(Candidate(start, end, "ORG", found_by="cue"))
        taken.update(range(start, end))
    return extra


def _is_missed_name_word(token) -> bool:
    """A capitalised word of a name the model did not tag (no entity, not a state or people)."""
    return (
        token.pos_ == "PROPN"
        and token.text[:1].isupper()
        and token.is_alpha
        and not token.ent_type_
        and not states.state_of_demonym(token.text)
        and not states.state_named(token.text)
    )


def initialism_candidates(
    doc: Doc, cands: list[Candidate], skip: Sequence[tuple[int, int]]
) -> list[Candidate]:
    """An acronym the model did not tag ("UAW president Shawn Fain") that spells the initials of
    an organisation the article names ("the United Auto Workers")."""
    taken = {i for c in cands for i in range(c.start, c.end)}
    names = [c.span(doc).text for c in cands if c.label in {"ORG", "FAC"} and c.end - c.start >= 2]
    extra = []
    for token in doc:
        if token.i in taken or not token.text.isupper() or not looks_like_acronym(token.text):
            continue
        if overlaps(token.idx, token.idx + len(token), skip):
            continue
        if any(is_acronym_of(token.text, name) for name in names):
            extra.append(Candidate(token.i, token.i + 1, "ORG", found_by="cue"))
    return extra


_NICKNAME_QUOTES = frozenset({'"', "'", "\u201c", "\u201d", "\u2018", "\u2019"})


def nicknamed_person_candidates(
    doc: Doc, cands: list[Candidate], skip: Sequence[tuple[int, int]]
) -> list[Candidate]:
    """ 'Harlan "Hal" Pierce', "Anna 'Annie' Lind": a nickname in quotation marks between a
    first and a last name. The model reads the pieces apart (the surname often as an
    organisation); the whole is one person's name."""
    extra = []
    for quote in doc[1:-3]:
        i = quote.i
        if quote.text not in _NICKNAME_QUOTES or doc[i + 2].text not in _NICKNAME_QUOTES:
            continue
        first, nickname, last = doc[i - 1], doc[i + 1], doc[i + 3]
        if not all(_is_capitalised_word(t) and t.pos_ == "PROPN" for t in (first, nickname, last)):
            continue
        start = i - 1
        while start > 0 and _is_capitalised_word(doc[start - 1]) and doc[start - 1].pos_ == "PROPN" \
                and doc[start - 1].ent_type_ in ("", "PERSON"):
            start -= 1
        end = i + 4
        while end < len(doc) and _is_capitalised_word(doc[end]) and doc[end].pos_ == "PROPN":
            end += 1
        if not overlaps(doc[start].idx, doc[end - 1].idx + 1, skip):
            extra.append(Candidate(start, end, "PERSON", found_by="cue"))
    return extra


def nickname_aliases(mentions: Sequence[Mention]) -> list[DeclaredAlias]:
    """ 'Harlan "Hal" Pierce' declares the names other stories call him by: "Harlan Pierce"
    and "Hal Pierce"."""
    found = {}
    for mention in mentions:
        match = _NICKNAMED.fullmatch(mention.key) if mention.label == "PERSON" else None
        if match is None:
            continue
        first, nickname, last = match.group("first", "nickname", "last")
        for alias in (f"{first} {last}", f"{nickname} {last}"):
            found[(mention.key, alias)] = DeclaredAlias(
                name=mention.key, alias=alias, label="PERSON", pattern="nickname"
            )
    return list(found.values())


# "<first names> <quote><nickname><quote> <last name>", with straight or curly quotation marks.
_NICKNAMED = re.compile(
    r"(?P<first>[^\s\"'\u201c\u201d\u2018\u2019]+(?: \S+)*?)"
    r" [\"'\u201c\u2018](?P<nickname>[^\"'\u201d\u2019]+)[\"'\u201d\u2019]"
    r" (?P<last>.+)"
)


def titled_person_candidates(
    doc: Doc, cands: list[Candidate], skip: Sequence[tuple[int, int]]
) -> list[Candidate]:
    """A capitalised name the model missed right after a title ("Governor Babajide Sanwo-Olu",
    "chief executive Anders Holm": a title in lower case needs a name of two words or more)."""
    taken = {i for c in cands for i in range(c.start, c.end)}
    extra = []
    for title in doc[:-1]:
        if title.lower_ not in PERSON_TITLES | {"executive", "officer"}:
            continue
        first = _after_portfolio(doc, title.i + 1)
        end = first
        while end < len(doc) and end not in taken and _is_name_token_after_title(doc, end):
            end += 1
        needed = 1 if title.text[:1].isupper() else 2
        if end - first < needed or overlaps(doc[first].idx, doc[end - 1].idx + 1, skip):
            continue
        extra.append(Candidate(first, end, "PERSON", found_by="cue"))
        taken.update(range(first, end))
    return extra


def _after_portfolio(doc: Doc, i: int) -> int:
    """Past the portfolio of "Minister of Foreign Affairs Leyla Demir": where the name starts.
    A portfolio of other words ("Minister of Water Resources and Irrigation Nurlan Zhaksybekov")
    runs on in capitals into the name: the name is taken as its last two words."""
    if i >= len(doc) or doc[i].lower_ != "of":
        return i
    j = i + 1
    while j < len(doc) and doc[j].lower_ in MINISTRY_SUBJECTS | {"and", "the"}:
        j += 1
    if j > i + 1:
        return _past_owner(doc, j)
    end = i + 1
    while end < len(doc) and (_is_capitalised_word(doc[end]) or doc[end].lower_ in ("and", "the", "of")):
        end += 1
    words = end - (i + 1)
    if words >= 3 and all(_is_capitalised_word(t) for t in doc[end - 2 : end]):
        return end - 2
    return i


# Words of a state's formal name before the name itself ("of the Republic of X").
_FORMAL_STATE_WORDS = frozenset({"the", "republic", "kingdom", "federation", "of", "state", "united", "federal",
                                 "democratic", "islamic", "people", "'s"})


def _past_owner(doc: Doc, j: int) -> int:
    """Past the state a portfolio is of: "Minister of Foreign Affairs | of the Republic of X | Jane
    Roe"; where the words after "of" are no state, where they start."""
    if j >= len(doc) or doc[j].lower_ != "of":
        return j
    k = j + 1
    while k < len(doc) and doc[k].lower_ in _FORMAL_STATE_WORDS:
        k += 1
    named = k
    while k < len(doc) and doc[k].ent_type_ == "GPE" and doc[k].text[:1].isupper():
        k += 1
    return k if k > named else j


def _is_capitalised_word(token) -> bool:
    return token.is_alpha and token.text[:1].isupper() and not token.is_upper


def described_speaker_candidates(
    doc: Doc, cands: list[Candidate], skip: Sequence[tuple[int, int]]
) -> list[Candidate]:
    """A person's name the model missed as the subject of a speech verb, told by how the article
    describes them ("Hatice Demir, the wife of the captain, said": often at a paragraph's start,
    where the model sees a capitalised word as nothing special)."""
    taken = {i for c in cands for i in range(c.start, c.end)}
    extra = []
    for token in doc:
        if token.dep_ != "nsubj" or token.i in taken or token.head.lemma_.lower() not in CUE_VERBS:
            continue
        start = token.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == token.i:
            start -= 1
        words = doc[start : token.i + 1]
        if not 2 <= len(words) <= 4 or not all(_is_missed_name_word(t) for t in words):
            continue
        if taken & set(range(start, token.i + 1)) or overlaps(words.start_char, words.end_char, skip):
            continue
        if not described_as_someone(doc, start, token.i + 1):
            continue
        extra.append(Candidate(start, token.i + 1, "PERSON", found_by="cue"))
    return extra


def company_short_name_candidates(
    doc: Doc, cands: list[Candidate], skip: Sequence[tuple[int, int]]
) -> list[Candidate]:
    """ "Aurelia denied ...", after "Aurelia Airways": a company goes by its first word, which the
    model often leaves untagged. Taken only where it acts (the subject of a verb): the same word
    elsewhere may be the place the company is named after."""
    firsts = {
        c.span(doc)[0].text
        for c in cands
        if c.label == "ORG" and c.end - c.start >= 2 and doc[c.end - 1].lower_ in ORG_NAME_ENDINGS
    }
    firsts = {
        w for w in firsts
        if w[:1].isupper()
        and not (states.state_named(w) or states.state_of_capital(w) or states.state_of_demonym(w))
    }
    taken = {i for c in cands for i in range(c.start, c.end)}
    extra = []
    for token in doc:
        if token.text not in firsts or token.i in taken or token.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if token.head.pos_ not in ("VERB", "AUX") or overlaps(token.idx, token.idx + len(token), skip):
            continue
        extra.append(Candidate(token.i, token.i + 1, "ORG", found_by="cue"))
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


def facility_cue_candidates(
    doc: Doc, cands: list[Candidate], skip: Sequence[tuple[int, int]]
) -> list[Candidate]:
    """A capitalised name the model missed right before or after a facility noun ("X airbase")."""
    taken = {i for c in cands for i in range(c.start, c.end)}
    extra = []
    for token in doc:
        if token.i in taken or token.pos_ != "PROPN" or not token.text[:1].isupper():
            continue
        if token.is_sent_start or overlaps(token.idx, token.idx + len(token), skip):
            continue
        if has_facility_cue(doc, token.i, token.i + 1):
            extra.append(Candidate(token.i, token.i + 1, "FAC", found_by="cue"))
    return extra

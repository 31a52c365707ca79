"""Full names and gender: which "Ms Okafor" or "she" an article means.

``full_name`` turns a bare surname into the one full name of that gender in the
article; the gender tables (pronouns, titles) are shared with pronoun speakers.
"""
from __future__ import annotations

from .discourse import Discourse
from .model import doc_text
from .types import ActorRef


# Third-person pronouns a speaker is named by, and the gender each tells.
PRONOUN_GENDER = {"he": "m", "she": "f"}
# Titles that tell a person's gender: "Mr Smith", "Ms Jones".
TITLE_GENDER = {"mr": "m", "mr.": "m", "ms": "f", "ms.": "f", "mrs": "f", "mrs.": "f", "miss": "f", "madam": "f"}


def full_name(ref: ActorRef | None, disc: Discourse) -> ActorRef | None:
    """"Ms Okafor" or "she" left as a bare surname: the full name of that gender in the article.

    When two people share a surname ("Maria Okafor" and her son "Tunde Okafor"),
    the title or pronoun tells them apart, matched against the pronoun each full
    name is first followed by ("Maria Okafor has not seen her son").
    """
    if ref is None or ref.label != "PERSON" or " " in ref.key:
        return ref
    full = {m.key for m in disc.actors.mentions
            if m.label == "PERSON" and " " in m.key and m.key.split()[-1] == ref.key}
    if len(full) > 1:
        surface = ref.text.lower()
        gender = PRONOUN_GENDER.get(surface) or _OBJECT_GENDER.get(surface) or _title_before(disc, ref)
        if gender is None:
            return ref
        full = {key for key in full if _first_pronoun_gender(disc, key) == gender}
    if len(full) != 1:
        return ref
    return ActorRef(ref.text, full.pop(), ref.label, ref.start, ref.end)


_OBJECT_GENDER = {"him": "m", "his": "m", "her": "f", "hers": "f"}


def _title_before(disc: Discourse, ref: ActorRef) -> str | None:
    words = doc_text(disc.doc)[max(0, ref.start - 6):ref.start].split()
    return TITLE_GENDER.get(words[-1].lower()) if words else None


def _first_pronoun_gender(disc: Discourse, key: str) -> str | None:
    """The gender of the first he/she/his/her after the first mention of ``key`` in its sentence."""
    mention = next((m for m in disc.actors.mentions if m.key == key), None)
    if mention is None:
        return None
    span = disc.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return None
    for token in span.sent[span.end - span.sent.start:]:
        lower = token.lower_
        if lower in PRONOUN_GENDER or lower in _OBJECT_GENDER:
            return PRONOUN_GENDER.get(lower) or _OBJECT_GENDER[lower]
    return None


def titled_genders(disc: Discourse) -> dict[str, str]:
    """People whose gender the article states with a title: "Mr Smith", "Ms Jones"."""
    genders: dict[str, str] = {}
    doc = disc.doc
    for mention in disc.actors.mentions:
        if mention.label != "PERSON":
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        before = doc[span.start - 1].lower_ if span.start > 0 else ""
        first = span[0].lower_
        gender = TITLE_GENDER.get(before) or TITLE_GENDER.get(first)
        if gender is not None:
            genders.setdefault(mention.key, gender)
    return genders

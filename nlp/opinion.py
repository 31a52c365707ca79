"""The author's own voice in an opinion piece: "Dravonia should release the deckhands at once".

An article whose top carries a genre label (OPINION, COMMENT, ANALYSIS, EDITORIAL ...) and a
byline ("By Mirela Vukotić") speaks for its author: a named party that, in the author's own
words, should or must act is asked to by the author. Not inside a quotation (that is the
quoted speaker's, ``quoted_obligations``), not inside what someone else says or asks ("X says
Y must ...", read by ``obligation_from``), only in a main clause ("None of this means X must
stay as it is" asks nothing), and with the guards of a quoted obligation: not
passive, not negated, not a forecast ("Y should win"), not a description that names no one.
Without a byline the piece speaks for its outlet, which is no party to the story: nothing is read.
"""
from __future__ import annotations

import re

from spacy.tokens import Token

from .demand_assembly import _fill_from_verb, _new
from .demand_obligations import _already_read, _party_obliged, is_obligation_verb
from .demand_parties import party_ref
from .demand_readers import _own_subject
from .demand_words import DEMAND_VERBS, OBLIGATION_MODALS
from .discourse import Discourse, has_definite_article
from .model import doc_text
from .quotations import in_quotes
from .speech_words import CUE_VERBS
from .types import ASSERTED, ActorRef, Extraction, Mention

# How far into the text the label and the byline are looked for (lines, blank ones included).
_TOP_LINES = 12
_GENRE_LABEL = re.compile(
    r"^(opinion|comment|commentary|analysis|editorial|viewpoint|op-ed|column)\b\s*([|:\u2014\u2013-].*)?$", re.I
)
# "By Jane Roe" or "By Jane Roe, Columnist": one author, maybe with a role.
_BYLINE = re.compile(r"^[Bb]y\s+([A-Z][\w.'\u2019-]+(?:\s+[A-Z][\w.'\u2019-]+){1,3})\s*(?:,\s*[A-Z][^,]{0,60})?$")


def opinion_author(disc: Discourse) -> ActorRef | None:
    """The byline's author of an article labelled as opinion or analysis at its top, else None."""
    text = doc_text(disc.doc)
    labelled, offset = False, 0
    for number, line in enumerate(text.split("\n")):
        if number >= _TOP_LINES:
            break
        stripped = line.strip()
        if _GENRE_LABEL.match(stripped):
            labelled = True
        byline = _BYLINE.match(stripped)
        if byline and labelled:
            start = offset + line.index(byline.group(1))
            name = byline.group(1)
            known = next((m for m in disc.actors.mentions if m.text == name), None)
            return ActorRef(name, known.key if known else name, "PERSON", start, start + len(name))
        offset += len(line) + 1
    return None


def authors_obligations(disc: Discourse, quotes: list[tuple[int, int]]) -> list[Extraction]:
    """Demands the author of an opinion piece makes in the piece's own voice."""
    author = opinion_author(disc)
    if author is None:
        return []
    found = []
    for sent in disc.sentences():
        for verb in sent:
            if not is_obligation_verb(verb) or not _in_main_clause(verb):
                continue
            if in_quotes(verb, quotes) or _said_or_asked_by_another(verb):
                continue
            target = (
                _party_obliged(verb, disc) or _described_party_obliged(verb, disc) or _party_referred_to(verb, disc)
            )
            if target is None or target.key == author.key:
                continue
            extraction = _new(verb, author, target)
            _fill_from_verb(extraction, verb, disc)
            extraction.cue = next(c.lower_ for c in verb.children if c.lower_ in OBLIGATION_MODALS)
            extraction.stance, extraction.origins = ASSERTED, []
            if not _already_read(extraction, disc):
                found.append(extraction)
    if found:
        _name_the_author(author, disc)
    return found


def _name_the_author(author: ActorRef, disc: Discourse) -> None:
    """The byline names the author of the demands read: a mention there, as of any other party,
    unless the story names the author too. The byline is page furniture, so no rule read it."""
    if any(m.key == author.key for m in disc.actors.mentions):
        return
    text = doc_text(disc.doc)
    line_start = text.rfind("\n", 0, author.start) + 1
    line_end = text.find("\n", author.end)
    disc.actors.mentions.append(
        Mention(
            text=author.text,
            key=author.key,
            label=author.label,
            start=author.start,
            end=author.end,
            sentence_start=line_start,
            sentence_end=len(text) if line_end < 0 else line_end,
        )
    )


def _described_party_obliged(verb: Token, disc: Discourse) -> ActorRef | None:
    """Of an obligation verb (the caller has checked): "The port authority should publish every reading", "The minister should publish it": in the
    author's voice, a description the article uses for a party it names is that party (inside a
    quotation "the regulator must ..." is left alone: a speaker may mean any regulator)."""
    subject = _own_subject(verb)
    if subject is None or subject.pos_ != "NOUN" or not has_definite_article(subject):
        return None
    found = party_ref(subject, disc)
    return disc.party(found) if found is not None and found.label in ("GPE", "ORG", "PERSON") else None


def _party_referred_to(verb: Token, disc: Discourse) -> ActorRef | None:
    """"Velland is right to refine its ore. It should also honour the contracts": in the author's
    voice, "it" or "they" obliged is the state or body it points back to (never a person: "he
    should resign" may be anyone's call)."""
    subject = _own_subject(verb)
    if subject is None or subject.lower_ not in ("it", "they"):
        return None
    found = disc.party(disc.ref(subject))
    return found if found is not None and found.label in ("GPE", "ORG") else None


def _in_main_clause(verb: Token) -> bool:
    """The sentence's own verb, or one joined to it: not "None of this means Kelderby must stay".
    Two clauses a colon joins are both main ("Zenda should free the crew at once: they were
    following orders"), however the parser hung one on the other."""
    while verb.head.i != verb.i and (verb.dep_ == "conj" or _across_a_colon(verb)):
        verb = verb.head
    return verb.dep_ == "ROOT"


def _across_a_colon(verb: Token) -> bool:
    if verb.dep_ not in ("ccomp", "advcl", "parataxis"):
        return False
    low, high = sorted((verb.i, verb.head.i))
    return any(t.text in (":", ";") and t.head.i in (verb.i, verb.head.i) for t in verb.doc[low + 1 : high])


def _said_or_asked_by_another(verb: Token) -> bool:
    """Inside what a speech or demand verb reports: "X says Y must ...", "X insists Y should ..."."""
    return any(a.lemma_.lower() in CUE_VERBS | DEMAND_VERBS for a in verb.ancestors)

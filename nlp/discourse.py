"""The article as the extractors see it: the parsed doc, its actors, and who a
noun phrase or pronoun refers to.

``ActorIndex.ref_for`` (actors.py) names the actor a noun phrase denotes. The
extractors also need a little more: pronouns ("He is calling for ...") resolved
to the actor last in focus, a descriptive head ("Chad's ruling council, X and Y")
resolved through its apposition or conjuncts, and a document noun ("a statement
from X", "a White House readout") resolved to whoever issued it. That layer lives
here so it does not depend on how actors.py grows.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .actors import ActorIndex
from .actor_words import GENERIC_BODY_WORDS, GENERIC_ORGANISATION_NOUNS, TRANSLATED_BODY_NOUNS
from .datelines import dateline_end, is_dateline, is_dateline_mark, opens_with_dateline
from .demand_words import DEMAND_VERBS
from .model import doc_text
from .normalise import strip_diacritics
from .speech_words import CUE_VERBS
from .states import state_named, state_of_demonym, state_of_place, union_of_seat
from .types import PARTY_LABELS, ActorRef, Affiliation, Extraction, Mention
from .types import Span as TextSpan

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
THING_PRONOUNS = frozenset({"it", "its", "itself"})
GROUP_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
FIRST_PERSON_PRONOUNS = frozenset({"i", "we", "me", "us", "my", "our"})

# Nouns for things that speak on someone's behalf: "a statement from X", "a White House readout".
DOCUMENT_NOUNS = frozenset({
    "statement", "readout", "communique", "communiqué", "release", "letter", "post", "tweet",
    "message", "report", "transcript", "memo", "note", "announcement", "declaration", "decree",
    "document", "briefing", "interview", "speech", "address", "notice",
})

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")


def subject_of(verb: Token) -> Token | None:
    """The grammatical subject of a verb, looking through conjoined and auxiliary chains."""
    subjects = subjects_of(verb)
    return subjects[0] if subjects else None


def subjects_of(verb: Token) -> list[Token]:
    """Every subject token of a verb: the parser sometimes splits "news agency Yonhap" into two."""
    current: Token | None = verb
    for _ in range(6):
        if current is None:
            return []
        found = [
            _misparsed_subject(child) for child in current.children if child.dep_ in ("nsubj", "nsubjpass")
        ]
        if len(found) > 1:
            # "Zenda, May 8 (RNA).- The Front reiterated ...": the dateline is not a second subject.
            found = [child for child in found if not opens_with_dateline(child)] or found
        if found:
            return found
        inverted = _inverted_subject_after_quote(current)
        if inverted is not None:
            return [inverted]
        opening = _conjoined_to_opening_place(current)
        if opening is not None:
            return [opening]
        reported = speech_verb_of_conjoined_urging(current)
        if reported is not None:
            current = reported
            continue
        # "X declined ... but has not confirmed": the second verb shares the first one's subject.
        if current.dep_ in ("conj", "xcomp") and current.head.i != current.i:
            current = current.head
            continue
        # "the leader ... is ready to demand": an open clause takes its governor's subject.
        if current.dep_ in ("acomp",) and current.head.i != current.i:
            current = current.head
            continue
        return []
    return []


def speech_verb_of_conjoined_urging(verb: Token) -> Token | None:
    """The speech verb whose subject also urges: "X said the statements were unacceptable and
    urged Y to ...". The small parser joins "urged" to "were", inside what X said; but a state of
    affairs urges nobody, and the two verbs of speaking are X's."""
    head = verb.head
    if verb.dep_ != "conj" or head.i == verb.i or head.lemma_ != "be" or head.dep_ != "ccomp":
        return None
    if verb.lemma_.lower() not in CUE_VERBS | DEMAND_VERBS:
        return None
    speech = head.head
    return speech if speech.lemma_.lower() in CUE_VERBS else None


_QUOTE_CLOSERS = frozenset({'"', "\u201d", "'", "\u2019"})


def _inverted_subject_after_quote(verb: Token) -> Token | None:
    """ '"...," declared the president of X, Jane Roe': after a quotation the speech verb comes
    before its subject, which the small parser reads as the verb's object."""
    if verb.i < 2 or verb.lemma_.lower() not in CUE_VERBS:
        return None
    before = verb.doc[verb.i - 1]
    if before.text not in _QUOTE_CLOSERS or verb.doc[verb.i - 2].text not in (",", "?", "!"):
        return None
    objects = [c for c in verb.rights if c.dep_ == "dobj"]
    return objects[0] if objects else None


def _misparsed_subject(subject: Token) -> Token:
    """The subject the small parser meant, where it took a neighbour for it.

    - "The Union of X (UX) today called on ...": a bare time word is no subject; the name
      before it is (brackets after the name skipped).
    - "In Tresk, Ana Lee, a deckhand, said ...": the place after a preposition left without
      its object is that object, and the person conjoined to it is the subject.
    - "Hyderabad, March 3, 2026 - Acme Ltd today announced ...", "DURBAN, Nov 17 (Reuters) - The
      union renewed ...": a word of the dateline is no subject; the name after its dash is.
    """
    after_dateline = _name_after_dateline(subject)
    if after_dateline is not None:
        return after_dateline
    if subject.ent_type_ in ("DATE", "TIME") and not list(subject.children):
        before = _phrase_before(subject)
        if before is not None and before.pos_ in ("PROPN", "NOUN"):
            return before
        return subject
    previous = subject.doc[subject.i - 1] if subject.i > subject.sent.start else None
    if previous is not None and previous.pos_ == "ADP" and not any(c.dep_ == "pobj" for c in previous.children):
        people = [c for c in subject.children if c.dep_ == "conj" and c.pos_ == "PROPN"]
        if people:
            return people[-1]
    return subject


def _name_after_dateline(subject: Token) -> Token | None:
    """ "DURBAN, Nov 17 (Reuters) - South Africa's Dock Workers' Union on Tuesday renewed ...": the
    parser makes a word of the dateline (the date, the credit) the verb's subject and hangs the
    name after the dash on it; the subject is the noun phrase after the dash."""
    sent = subject.sent
    mark = dateline_end(sent)
    if mark is None or subject.i >= mark.i or subject.head.i <= mark.i:
        return None
    return next(
        (t for t in subject.doc[mark.i + 1 : subject.head.i] if t.head.i <= mark.i and t.pos_ in ("PROPN", "NOUN")),
        None,
    )


def _conjoined_to_opening_place(verb: Token) -> Token | None:
    """ "In Tresk, Ana Lee, a deckhand, said ...", parsed as "In Tresk and Ana Lee": the name
    conjoined to the place of a sentence-opening preposition is the verb's subject."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i != prep.sent.start:
            continue
        for place in prep.children:
            if place.dep_ != "pobj":
                continue
            names = [c for c in place.children if c.dep_ == "conj" and c.pos_ == "PROPN"]
            if names:
                return names[-1]
    return None


def _phrase_before(token: Token) -> Token | None:
    """The word before ``token`` in its sentence, past a bracket closed right before it."""
    i = token.left_edge.i - 1
    doc, start = token.doc, token.sent.start
    if i >= start and doc[i].text == ")":
        while i >= start and doc[i].text != "(":
            i -= 1
        i -= 1
    return doc[i] if i >= start else None


def agent_of(verb: Token) -> Token | None:
    """The "by" agent of a passive verb ("was led by X" -> X)."""
    for child in verb.children:
        if child.dep_ == "agent":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def is_apposition(head: Token, child: Token) -> bool:
    """A name set beside a noun to say who it is ("the union, SPLA"). It follows its head, and a
    colon or dash between them marks a credit, not an apposition: "BRAVALLE (Reuters) - the
    union ...", "Union wants regulator to scrap waiver: Reuters" are misparses."""
    if child.dep_ != "appos" or child.i < head.i:
        return False
    between = head.doc[head.i + 1 : child.left_edge.i]
    return not any(t.text in (":", "-", "\u2013", "\u2014", "|") for t in between)


def has_definite_article(token: Token) -> bool:
    """ "the union", "the President": a noun phrase pointing back to someone already known."""
    return any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)


def is_negated(verb: Token) -> bool:
    if any(child.dep_ == "neg" for child in verb.children):
        return True
    # "has not confirmed or denied": the negation sits on the first conjunct. Not when the second
    # is a verb of its own tense: "did not go far enough and demanded ..." demanded.
    if verb.dep_ == "conj" and any(child.dep_ == "neg" for child in verb.head.children):
        return verb.tag_ == verb.head.tag_ or any(
            c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in verb.head.children
        )
    # "Nobody asked him for a licence": no one did it.
    return any(child.dep_ == "nsubj" and child.lower_ in _NOBODY for child in verb.children)


_NOBODY = frozenset({"nobody", "no-one", "none", "nothing"})


@dataclass
class Discourse:
    """One parsed article, its actors, and what the extractors found so far."""

    doc: Doc
    actors: ActorIndex
    furniture: Sequence[tuple[int, int]] = ()
    published: dt.date | None = None
    extractions: list[Extraction] = field(default_factory=list)
    # Quotations and who said them, so "we" inside a quote is its speaker.
    quote_speakers: list[tuple[int, int, ActorRef]] = field(default_factory=list)
    # Who "we" is outside quotations: the organisation issuing a press release (releases.py).
    issuer: ActorRef | None = None
    # Pronouns whose antecedent is being looked for: a search that comes back to one of them
    # ("The union leader, himself a pilot, said": the subject's apposition is the pronoun
    # itself) is a cycle and finds nothing, instead of recursing without end.
    _pending_pronouns: set[int] = field(default_factory=set, repr=False)
    _datelines: list[tuple[int, int]] | None = field(default=None, repr=False)
    _told_at: set[int] | None = field(default=None, repr=False)

    # -- sentences -------------------------------------------------------

    def in_furniture(self, start: int, end: int) -> bool:
        return any(start < f_end and f_start < end for f_start, f_end in self.furniture)

    def in_dateline(self, start: int) -> bool:
        """Whether a character is inside a dateline ("PARIS (AFP) -"): the credited outlet there is
        no party to the story, nor what "it" or "the company" refers back to."""
        if self._datelines is None:
            self._datelines = []
            for sent in self.doc.sents:
                end = dateline_end(sent)
                if end is not None:
                    self._datelines.append((sent.start_char, end.idx))
        return any(d_start <= start < d_end for d_start, d_end in self._datelines)

    def is_told(self, mention: Mention) -> bool:
        """"says Brekkhus to NTB", "told Reuters": the outlet a speaker talks to reports the story and
        is not what "the association" or "the group" later refers back to. Found once an article:
        every definite description asks it of every organisation named before it."""
        if self._told_at is None:
            self._told_at = {m.start for m in self.actors.mentions if m.label == "ORG" and self._is_told(m)}
        return mention.start in self._told_at

    def _is_told(self, mention: Mention) -> bool:
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return False
        head = span.root.head
        if span.root.dep_ == "pobj" and head.lower_ == "to":
            head = head.head
        elif span.root.dep_ not in ("dobj", "dative"):
            return False
        return head.pos_ == "VERB" and head.lemma_.lower() in CUE_VERBS | {"tell"}

    def sentences(self) -> list[Span]:
        """The article's sentences outside page furniture, blank ones dropped."""
        return [
            sent
            for sent in self.doc.sents
            if sent.text.strip() and not self.in_furniture(sent.start_char, sent.end_char)
        ]

    def previous_sentences(self, sent: Span, count: int = 3) -> list[Span]:
        """Up to ``count`` non-blank sentences before ``sent``, nearest first."""
        found: list[Span] = []
        index = sent.start - 1
        while index >= 0 and len(found) < count:
            previous = self.doc[index].sent
            if previous.text.strip() and not self.in_furniture(previous.start_char, previous.end_char):
                found.append(previous)
            index = previous.start - 1
        return found

    # -- actors ----------------------------------------------------------

    def ref(self, token: Token | None, *, depth: int = 0) -> ActorRef | None:
        """The actor a noun phrase headed by ``token`` denotes, or None."""
        if token is None or depth > 3:
            return None
        if token.lower_ in PERSON_PRONOUNS | THING_PRONOUNS | GROUP_PRONOUNS:
            return self.antecedent(token)
        if token.lower_ in FIRST_PERSON_PRONOUNS:
            return self._quote_speaker(token)
        if is_dateline(token):
            # "ZENDA (Reuters) - The Sylvanian Union called ...": the parser makes the
            # dateline the subject; the actor is the name set beside it.
            beside = [
                c for c in token.children
                if c.dep_ == "appos" and token.doc[c.i - 1].text != "(" and c.left_edge.text != "("
            ]
            return self.ref_any(beside) if beside else None
        found = self.actors.ref_for(token)
        if found is not None:
            return found
        return self._ref_through_children(token, depth) or self._short_form(token) or self._definite_description(token)

    def _quote_speaker(self, token: Token) -> ActorRef | None:
        """"We call on all sides ...," X said: first person inside a quotation is its speaker; in a
        press release's own words, the organisation issuing it."""
        for start, end, speaker in self.quote_speakers:
            if start <= token.idx < end:
                return ActorRef(token.text, speaker.key, speaker.label, token.idx, token.idx + len(token.text))
        if self.issuer is not None and token.lower_ in ("we", "us", "our") and not self._in_any_quote(token):
            return ActorRef(token.text, self.issuer.key, self.issuer.label, token.idx, token.idx + len(token.text))
        return None

    def _in_any_quote(self, token: Token) -> bool:
        text = doc_text(self.doc)
        line_start = text.rfind("\n", 0, token.idx) + 1
        before = text[line_start : token.idx]
        # An open quotation mark on the line before the word: it is quoted, whoever said it.
        return (before.count('"') % 2 == 1) or before.count("\u201c") > before.count("\u201d")

    def _definite_description(self, token: Token) -> ActorRef | None:
        """"the federation" after "the Freedonia Football Federation": the nearest organisation
        named before whose name ends in that noun. "The Forum", capitalised, is that organisation's
        short name in the same way, and nothing else."""
        if not has_definite_article(token):
            return None
        if token.pos_ == "PROPN":
            return self._definite_short_name(token)
        if token.pos_ != "NOUN":
            return None
        noun = token.lemma_.lower()
        earlier = [
            m for m in self.actors.mentions
            if m.start < token.idx and m.label == "ORG" and not self.in_dateline(m.start) and not self.is_told(m)
        ]
        # "the federation" also names the "Sylvanian Athletics Confederation" (its last word); failing
        # that, "the commission" names the "Trade Commission of Sylvania" (the word before "of").
        # The name as written counts as well as its key (the corpus may key it by an acronym).
        for heads_of in (_last_words, _words_before_of):
            for mention in reversed(earlier):
                heads = heads_of(mention.key) | heads_of(mention.text)
                if any(name_word_holds(head, w) for head in heads for w in (noun, token.lower_)):
                    return ActorRef(token.text, mention.key, mention.label, token.idx, token.idx + len(token.text))
        if noun not in GENERIC_ORGANISATION_NOUNS:
            return None
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
            return None  # "the movements of children", "the group of experts": not a body named before
        # "Zenda Mining said ... The company said": the organisation last acting as a subject.
        # Only for a subject: an object ("urged the company") is rarely the one who urged.
        searched, found = self._subject_in_focus(token) if token.dep_ in SUBJECT_DEPS else (False, None)
        if noun in _COMPANY_NOUNS:
            # "The regulator fined Zenda ... The court ... called on the company": a court, a
            # regulator or a union is never "the company", however near.
            bodies = {m.key for m in self.actors.mentions if not _may_be_a_company(m)}
            companies = [m for m in earlier if m.key not in bodies]
            if found is not None and any(m.key == found.key for m in companies):
                return ActorRef(token.text, found.key, found.label, token.idx, token.idx + len(token.text))
            return self._company_in_focus(token, companies)
        if found is not None:
            return ActorRef(token.text, found.key, found.label, token.idx, token.idx + len(token.text))
        # "the group", "the organisation": the organisation the article last named, if near, unless
        # the subject in focus is a name the model missed (then the last one named is not meant).
        if not searched and earlier and token.idx - earlier[-1].end < 600:
            mention = earlier[-1]
            return ActorRef(token.text, mention.key, mention.label, token.idx, token.idx + len(token.text))
        return None

    @staticmethod
    def _company_in_focus(token: Token, companies: list[Mention]) -> ActorRef | None:
        """The company the article names most up to "the company" (the one its story is about),
        the latest named of equals."""
        if not companies:
            return None
        counts: dict[str, int] = {}
        latest: dict[str, Mention] = {}
        for mention in companies:
            counts[mention.key] = counts.get(mention.key, 0) + 1
            latest[mention.key] = mention
        key = max(counts, key=lambda k: (counts[k], latest[k].start))
        mention = latest[key]
        return ActorRef(token.text, mention.key, mention.label, token.idx, token.idx + len(token.text))

    def _definite_short_name(self, token: Token) -> ActorRef | None:
        """"The Forum also demanded ..." after "the All India Patients' Forum": one capitalised word
        with "the" that ends the name of an organisation named earlier (the nearest)."""
        if not token.text[:1].isupper() or any(c.dep_ in ("compound", "amod", "poss") for c in token.children):
            return None
        word = token.lower_
        for mention in reversed([m for m in self.actors.mentions if m.start < token.idx and m.label == "ORG"]):
            if word in _last_words(mention.key) | _last_words(mention.text):
                return ActorRef(token.text, mention.key, mention.label, token.idx, token.idx + len(token.text))
        return None

    def organisation_subject_before(self, token: Token) -> ActorRef | None:
        """The nearest main-clause subject before ``token`` (this sentence, then the two before) that
        is an organisation: labelled ORG, or labelled GPE by the small model though no state or
        capital ("Zenda Mining" tagged GPE). A credited outlet ("according to X") is never a subject;
        a subject inside a reported clause ("X demanded that Y ...") is not the one in focus, and a
        name that cannot be resolved stops the search rather than letting an older one stand in."""
        return self._subject_in_focus(token)[1]

    def _subject_in_focus(self, token: Token) -> tuple[bool, ActorRef | None]:
        """(whether an unresolved name stopped the search, the organisation found)."""
        sentences = [token.sent, *self.previous_sentences(token.sent, count=2)]
        for sent in sentences:
            subjects = [t for t in sent if t.dep_ in SUBJECT_DEPS and t.i < token.i and _in_main_clause(t)]
            for subject in reversed(subjects):
                found = self.actors.ref_for(subject) or _untagged_acronym(subject)
                if found is not None and _is_organisation(found):
                    return False, found
                if found is None and subject.pos_ == "PROPN":
                    return True, None
        return False, None

    def _affiliate_by_possessive(self, head: Token, member: ActorRef) -> None:
        """"Chad's ruling council, X": X acts for Chad (recorded unless actors.py already knows)."""
        if self.actors.state_of(member.key) is not None or member.label == "GPE":
            return
        for child in head.children:
            if child.dep_ == "poss":
                owner = self.actors.ref_for(child)
                if owner is not None and owner.label == "GPE":
                    start = min(child.idx, member.start)
                    end = max(member.end, head.idx + len(head.text))
                    self.actors.affiliations.append(
                        Affiliation(member=member.key, state=owner.key,
                                    evidence=TextSpan(start, end, doc_text(self.doc)[start:end]))
                    )
                    return

    def ref_any(self, tokens: Sequence[Token]) -> ActorRef | None:
        """The first of several subject tokens that names an actor."""
        for token in tokens:
            found = self.ref(token)
            if found is not None:
                return found
        return None

    def _short_form(self, token: Token) -> ActorRef | None:
        """A bare surname the NER missed ("Larsen told reporters") -> the full name used in the article."""
        if token.pos_ != "PROPN" or not token.text[:1].isupper() or len(token.text) < 3:
            return None
        people = dict.fromkeys(m.key for m in self.actors.mentions if m.label == "PERSON" and " " in m.key)
        by_surname = [key for key in people if key.split()[-1] == token.text]
        # "Paik said" of "Paik Dong-chan": a family name written first, when only one person has it.
        by_first_word = [key for key in people if len(key.split()) == 2 and key.split()[0] == token.text]
        found = by_surname or (by_first_word if len(by_first_word) == 1 else [])
        if not found:
            return None
        start = token.idx
        return ActorRef(token.text, found[0], "PERSON", start, start + len(token.text))

    def _ref_through_children(self, token: Token, depth: int) -> ActorRef | None:
        children = list(token.children)
        # "Chad's ruling council, FACT" / "the leader, Ahmad X": the apposition names the actor.
        for child in children:
            if is_apposition(token, child):
                found = self.ref(child, depth=depth + 1)
                if found is not None:
                    self._affiliate_by_possessive(token, found)
                    return found
        # "a statement from X", "a report by X", "the office of X", "a spokeswoman for X".
        lemma = token.lemma_.lower()
        speaker_nouns = _SPEAKER_NOUNS | _PART_NOUNS if token.pos_ == "NOUN" else _SPEAKER_NOUNS
        if lemma in DOCUMENT_NOUNS or token.pos_ == "NOUN":
            for child in children:
                if child.dep_ == "prep" and (
                    child.lower_ in ("from", "by", "of") or (child.lower_ == "for" and lemma in speaker_nouns)
                ):
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            found = self.ref(pobj, depth=depth + 1)
                            if found is not None and lemma in DOCUMENT_NOUNS | speaker_nouns:
                                return found
        # "the commander known as X": the name given.
        for child in children:
            if child.dep_ == "acl" and child.lemma_.lower() in ("know", "call", "name"):
                for prep in child.children:
                    if prep.dep_ == "prep" and prep.lower_ == "as":
                        found = self.ref_any([p for p in prep.children if p.dep_ == "pobj"])
                        if found is not None:
                            return found
        if lemma not in DOCUMENT_NOUNS | speaker_nouns:
            return None
        # "Deby's government", "a White House readout", "Chadian FACT officials": owner first, then name,
        # then where they sit ("officials in Kyiv", "analysts at X": a named body outranks a place),
        # then nationality.
        # "her Russian counterpart": one's counterpart is the other side's, never one's own.
        owners = () if lemma == "counterpart" else ("poss",)
        return (
            self._ref_by_modifier(children, owners, depth)
            or self._ref_by_modifier(children, ("compound", "nmod"), depth)
            or self._speaker_at(children, lemma)
            or self._ref_by_modifier(children, ("amod",), depth)
        )

    def _ref_by_modifier(self, children: list[Token], deps: tuple[str, ...], depth: int) -> ActorRef | None:
        for child in children:
            if child.dep_ not in deps:
                continue
            found = self.ref(child, depth=depth + 1) if child.dep_ == "poss" else self.actors.ref_for(child)
            if found is None and child.dep_ == "compound":
                found = self._named_elsewhere(child)
            if found is not None and (child.dep_ != "amod" or _is_state_adjective(found)):
                return found
        return None

    def _named_elsewhere(self, token: Token) -> ActorRef | None:
        """"An ABC spokesman" where the tagger missed "ABC" here but found it elsewhere in the article."""
        if token.pos_ != "PROPN" or not token.text[:1].isupper():
            return None
        for mention in self.actors.mentions:
            if mention.text == token.text and mention.label in ("ORG", "GPE", "NORP"):
                return ActorRef(token.text, mention.key, mention.label, token.idx, token.idx + len(token.text))
        return None

    def _speaker_at(self, children: list[Token], lemma: str) -> ActorRef | None:
        """"the new rulers in N'Djamena", "officials in Kyiv", "analysts at X": where a speaker sits;
        "sources close to the port authority": whose side they speak from."""
        for child in children:
            if child.dep_ == "amod" and child.lower_ == "close" and lemma in _SPEAKER_NOUNS:
                for prep in child.children:
                    if prep.dep_ == "prep" and prep.lower_ == "to":
                        side = self.ref_any([p for p in prep.children if p.dep_ == "pobj"])
                        if side is not None and side.label in PARTY_LABELS:
                            return side
            if child.dep_ == "prep" and child.lower_ in ("in", "at") and lemma in _SPEAKER_NOUNS:
                for pobj in child.children:
                    found = self.actors.ref_for(pobj) if pobj.dep_ == "pobj" else None
                    if found is not None and (found.label == "GPE" or (child.lower_ == "at" and found.label == "ORG")):
                        return found
        return None

    def antecedent(self, pronoun: Token) -> ActorRef | None:
        """The actor a pronoun most likely refers to: the nearest fitting subject before it."""
        if pronoun.i in self._pending_pronouns:
            return None
        self._pending_pronouns.add(pronoun.i)
        try:
            return self._antecedent(pronoun)
        finally:
            self._pending_pronouns.discard(pronoun.i)

    def _antecedent(self, pronoun: Token) -> ActorRef | None:
        lower = pronoun.lower_
        if lower in PERSON_PRONOUNS:
            labels: tuple[str, ...] = ("PERSON",)
        elif lower in THING_PRONOUNS:
            labels = ("GPE", "ORG", "NORP")
        else:
            labels = _GROUP_LABELS
        owner = _owning_clause_subject(pronoun)
        if owner is not None:
            # "Montavia's pilots' union renewed its demand": "its" is the clause's own subject,
            # named or not; when the subject cannot be resolved, nothing else is meant.
            found = self.ref(owner, depth=2)
            if found is None or found.label not in labels:
                return None
            return ActorRef(pronoun.text, found.key, found.label, pronoun.idx, pronoun.idx + len(pronoun.text))
        found = self._antecedent_in_sentence(pronoun, labels)
        if found is None:
            for sent in self.previous_sentences(pronoun.sent):
                found = self._antecedent_in(sent, labels)
                if found is not None:
                    break
        if found is None:
            return None
        return ActorRef(pronoun.text, found.key, found.label, pronoun.idx, pronoun.idx + len(pronoun.text))

    def _antecedent_in_sentence(self, pronoun: Token, labels: tuple[str, ...]) -> ActorRef | None:
        # Only subjects before the pronoun: "Sylvania ... leaving its presence" -> Sylvania.
        for token in reversed(list(pronoun.sent[: pronoun.i - pronoun.sent.start])):
            if token.dep_ in SUBJECT_DEPS and token.lower_ not in PERSON_PRONOUNS | THING_PRONOUNS | GROUP_PRONOUNS:
                found = self.ref(_misparsed_subject(token), depth=2)
                if found is not None and found.label in labels:
                    return found
        return None

    def _antecedent_in(self, sent: Span, labels: tuple[str, ...]) -> ActorRef | None:
        # The main clause's subject is the sentence's topic; then the subject nearest the
        # pronoun ("Washington has yet to act, and no one knows what Trump will do. He ...");
        # then the nearest mention.
        subjects = [_misparsed_subject(t) for t in sent if t.dep_ in SUBJECT_DEPS]
        subjects.sort(key=lambda t: (t.head.dep_ != "ROOT", -t.i))
        refs = [self._subject_ref(token) for token in subjects]
        for found in refs:
            if found is not None and found.label in labels:
                return found
        if labels == _GROUP_LABELS and subjects and refs[0] is None and _unnamed_people(subjects[0]):
            # "Teachers are marching from the Largo Glenio Peres to city hall. They are demanding ...":
            # "they" are the teachers, whom no name denotes, not a place or party named on the way.
            return None
        if labels == ("PERSON",):
            # "he" never means an organisation: a one-word "organisation" acting as a
            # subject here is a person the small model mislabelled.
            for found in refs:
                if found is not None and may_be_mislabelled_person(found):
                    return ActorRef(found.text, found.key, "PERSON", found.start, found.end)
        for mention in reversed(self.actors.mentions):
            if sent.start_char <= mention.start < sent.end_char and mention.label in labels \
                    and not self.in_dateline(mention.start):
                return ActorRef(mention.text, mention.key, mention.label, mention.start, mention.end)
        return None

    def _subject_ref(self, token: Token) -> ActorRef | None:
        if token.lower_ in PERSON_PRONOUNS | THING_PRONOUNS | GROUP_PRONOUNS:
            return self.antecedent(token)
        return self.ref(token, depth=1)

    def party(self, ref: ActorRef | None) -> ActorRef | None:
        """An actor in an acting role: a capital or seat of government stands for its state (and
        Brussels for the European Union)."""
        if ref is None or ref.label not in ("GPE", "FAC", "ORG", "LOC"):
            return ref
        union = union_of_seat(ref.key) or union_of_seat(ref.text)
        if union is not None:
            return ActorRef(ref.text, union, "ORG", ref.start, ref.end)
        state = state_of_place(ref.key) or state_of_place(ref.text)
        if state is None or state == ref.key:
            return ref
        return ActorRef(ref.text, state, "GPE", ref.start, ref.end)

    def state_or_key(self, ref: ActorRef | None) -> str | None:
        """The side an actor is on: the state it acts for, else the organisation a person leads or
        speaks for (and that organisation's state), else the actor's own key. "SPLA president X"
        asks nothing of SPLA, and is on SPLA's side against whoever SPLA is against."""
        if ref is None:
            return None
        state = self.actors.state_of(ref.key)
        if state is not None:
            return state
        organisation = self.actors.organisation_of(ref.key)
        if organisation is not None:
            return self.actors.state_of(organisation) or organisation
        return ref.key


_GROUP_LABELS = ("GPE", "ORG", "NORP", "PERSON")


def _owning_clause_subject(pronoun: Token) -> Token | None:
    """The subject of the clause a possessive "its"/"their" stands in, when it is a noun before
    the pronoun: "the union renewed its demand" -> union. Not across a reported clause ("X said
    the company had lost its licence" -> company, not X), nor for a pronoun subject."""
    if pronoun.lower_ not in ("its", "their") or pronoun.dep_ != "poss":
        return None
    node = pronoun.head
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX"):
            subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is None or subject.i > pronoun.i or subject.pos_ not in ("NOUN", "PROPN"):
                return None
            return subject
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _unnamed_people(subject: Token) -> bool:
    """The main clause's subject is a plural common noun for people ("Teachers", "the protesters")."""
    return subject.head.dep_ == "ROOT" and subject.pos_ == "NOUN" and subject.tag_ == "NNS"


def may_be_mislabelled_person(ref: ActorRef) -> bool:
    """"Trump" tagged ORG: one capitalised word, not an acronym, that is not a state."""
    words = ref.key.split()
    return (
        ref.label == "ORG"
        and len(words) == 1
        and ref.key.istitle()
        and len(ref.key) > 2
        and state_of_place(ref.key) is None
        and state_of_demonym(ref.key) is None
        and state_named(ref.key) is None
    )


def _in_main_clause(subject: Token) -> bool:
    verb = subject.head
    return verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")


def _untagged_acronym(token: Token) -> ActorRef | None:
    """"The ZMF is in chaos": an acronym the small model did not tag names an organisation."""
    text = token.text
    if token.pos_ not in ("PROPN", "NOUN") or token.ent_type_ or not 2 <= len(text) <= 6 or not text[0].isupper():
        return None
    if sum(c.isupper() for c in text) < 2 or not text.isalpha():
        return None
    return ActorRef(text, text, "ORG", token.idx, token.idx + len(text))


def _is_organisation(ref: ActorRef) -> bool:
    """An organisation, not a state or a place: ORG, or a GPE that names no state or capital."""
    if ref.label == "ORG":
        return True
    return ref.label == "GPE" and state_named(ref.key) is None and state_of_place(ref.key) is None \
        and state_of_demonym(ref.key) is None


def _last_words(name: str) -> set[str]:
    words = name.lower().split()
    return {words[-1]} if len(words) > 1 else set()


# "of" in the languages whose bodies' names translated copy keeps ("União dos Professores").
_OF_WORDS = ("of", "de", "do", "da", "dos", "das", "di", "del", "della", "des", "du")


def _words_before_of(name: str) -> set[str]:
    """The noun a name is built on when it is "<Noun> of <Place>" ("Competition Commission of X",
    "União dos Professores")."""
    words = name.lower().split()
    first_of = next((i for i, w in enumerate(words[1:-1], start=1) if w in _OF_WORDS), None)
    return {words[first_of - 1]} if first_of is not None else set()


def name_heads(name: str) -> set[str]:
    """The nouns a name of several words is built on: its last word ("Safety Agency"), or the
    word before "of" ("Commission of X"). "Union" is no head of "European Union Safety Agency"."""
    return _last_words(name) | _words_before_of(name)


def name_word_holds(name_word: str, noun: str) -> bool:
    """A word of a name that is the noun, its plural ("Medicines" holds "the medicines regulator"'s "medicine")
    or ends in it: "confederation" holds "federation"; or the noun in the language the name is
    written in ("União" for "the union")."""
    return (
        name_word in (noun, f"{noun}s") or (len(noun) >= 5 and name_word.endswith(noun))
        or strip_diacritics(name_word) in _TRANSLATED_FOLDED.get(noun, ())
    )


# Copy often drops the accents: "Uniao" is "União".
_TRANSLATED_FOLDED = {noun: frozenset(map(strip_diacritics, words)) for noun, words in TRANSLATED_BODY_NOUNS.items()}


def _is_state_adjective(ref: ActorRef) -> bool:
    """"Chadian officials" speak for Chad; "Islamist officials" for no one in particular."""
    if ref.label == "GPE":
        return True
    return state_of_demonym(ref.text) is not None


# Nouns for a business, never for a public body, a court or a union.
_COMPANY_NOUNS = frozenset({"company", "firm"})
# Words whose presence in a name makes it no company ("Conseil d'Etat", "Nurses' Union").
_NOT_COMPANY_WORDS = (GENERIC_BODY_WORDS - {"company", "group", "bank"}) | frozenset(
    word for words in TRANSLATED_BODY_NOUNS.values() for word in map(strip_diacritics, words)
) | frozenset({
    "regulator", "watchdog", "ombudsman", "ngo", "charity", "foundation", "institute",
    # "Velland Medicines Standard Control Organisation", "Patients' Forum", "Velland Medicines Laboratory"
    # (a company is "X Laboratories"): public or civic bodies.
    "organisation", "organization", "forum", "society", "movement", "coalition", "alliance", "laboratory",
})


def _may_be_a_company(mention: Mention) -> bool:
    """No word of the name, as written here or keyed, is one for a public body, a court or a union
    (every name of an entity is checked: "CNIL" is the "Commission nationale ...")."""
    words = {strip_diacritics(w.casefold().strip("'’")) for name in (mention.key, mention.text) for w in name.split()}
    return not words & _NOT_COMPANY_WORDS


# Nouns for people or bodies that speak for an actor named in a modifier:
# "White House spokesman", "Chadian officials", "the Norwayn side".
_SPEAKER_NOUNS = frozenset({
    "spokesman", "spokeswoman", "spokesperson", "official", "officials", "side", "government",
    "ministry", "minister", "office", "administration", "authority", "authorities", "leadership",
    "delegation", "diplomat", "envoy", "representative", "embassy", "presidency", "counterpart",
    "cabinet", "army", "military", "police", "regime", "rulers", "ruler", "leader", "president",
    "secretary", "chairman", "chairwoman", "chair", "director", "chief", "head", "executive", "ceo",
    "analyst", "adviser", "advisor", "aide", "negotiator", "commander", "officer", "source",
})

# Unnamed parts of a body, and those who plead for it: "the Commission's fisheries department",
# "Norway's mission to the EU", "lawyers for the company", "Freedonia's legal team". Common nouns
# only: "the US State Department" is a name of its own.
_PART_NOUNS = frozenset({
    "department", "directorate", "division", "bureau", "mission", "consulate", "team", "lawyer",
    "attorney", "counsel",
})

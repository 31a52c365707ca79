"""Reported obligations: an obligation or hope put on another party in reported speech.

"X says Acme Mining must pay ...", "X hoped Freedonia would protect ..." are demands of
Acme Mining and Freedonia; "we must ..." is not. Inside a direct quotation, a party the
speaker names that must or should act is asked to by the speaker ('"Freedonia must let our
diplomats see them," the minister said'), once the quotation's speaker is known
(``quoted_obligations``, after the whole article is read: the speaker may be named sentences later).
"""
from __future__ import annotations

from spacy.tokens import Token

from . import predicates
from .demand_assembly import _fill_from_verb, _new, _previous_demander
from .demand_guards import _is_unrealised
from .demand_linear import _linear_reading
from .demand_parties import _DEMANDING_DOCUMENTS, _subjects, party_ref, party_ref_any
from .demand_readers import _own_subject
from .demand_words import HOPE_CUES, HOPE_MODALS, OBLIGATION_MODALS, OUTCOME_VERBS
from .discourse import Discourse, is_negated
from .stance import stance_of
from .types import ATTRIBUTED, DEMAND, ActorRef, Extraction


def _opens_quotation(clause: Token) -> bool:
    first = clause.left_edge
    return first.i > 0 and first.nbor(-1).text in ('"', "\u201c", "'", "\u2018")


def _quotation_closes_between(clause: Token, cue: Token) -> bool:
    """'... she should be asking X to move, not us," Y said': the clause ends a quotation opened
    sentences before."""
    return clause.i < cue.i and any(
        t.text in ('"', "\u201d") for t in clause.doc[clause.i : cue.i]  # not "'": "the pilots' union"
    )


def _document_or_pronoun_going_on(cue: Token, disc: Discourse) -> ActorRef | None:
    """"The letter says Acme Mining must ...", "It also says Acme Mining must ...": a document, or a
    pronoun going on with "also", carries on the demand just reported; its maker is the last demander."""
    subject = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    document = subject.lemma_.lower() in _DEMANDING_DOCUMENTS
    going_on = subject.lower_ in ("it", "they") and any(
        c.dep_ == "advmod" and c.lower_ in ("also", "further") for c in cue.children
    )
    if not (document or going_on):
        return None
    previous = _previous_demander(cue, None, disc, within=600)
    if previous is None:
        return None
    return ActorRef(subject.text, previous.key, previous.label, subject.idx, subject.idx + len(subject.text))


def obligation_from(cue: Token, disc: Discourse) -> Extraction | None:
    """"X says Acme Mining must pay ...", "X hoped Freedonia would protect ...": a demand on another party."""
    modals = HOPE_MODALS if cue.lower_ in HOPE_CUES else OBLIGATION_MODALS
    if is_negated(cue) or _is_unrealised(cue):
        return None
    for clause in cue.children:
        if clause.dep_ != "ccomp" or clause.pos_ not in ("VERB", "AUX"):
            continue
        if not any(c.dep_ == "aux" and c.lower_ in modals for c in clause.children):
            continue
        if _opens_quotation(clause) or _quotation_closes_between(clause, cue):
            return None  # '"Shell must pay," said X': read with the quotation (quoted_obligations)
        # "Vestria must return the vessel, Norland said" is reported speech as much as "Norland
        # said Vestria must ...".
        subject = _own_subject(clause)
        target = _addressee_meant(cue, subject, disc) or _told_party(cue, clause, disc) or party_ref(subject, disc)
        extraction = _new(cue, _obligation_maker(cue, disc), target)
        _fill_from_verb(extraction, clause, disc)
        return _on_another_party(extraction, cue, disc)
    if modals is OBLIGATION_MODALS:
        return _linear_obligation(cue, disc)
    return None


# Pronouns that, as the subject of an obligation told to someone, refer to whoever was told.
_TOLD_PRONOUNS = frozenset({"it", "they", "he", "she"})


def _addressee_meant(cue: Token, subject: Token | None, disc: Discourse) -> ActorRef | None:
    """ "Germany told France it must ...", "warned the company it would have to ...": the
    pronoun is the party told, not the teller."""
    if subject is None or subject.lower_ not in _TOLD_PRONOUNS:
        return None
    told = next((c for c in cue.children if c.dep_ in ("dobj", "dative", "iobj")), None)
    return party_ref(told, disc) if told is not None else None


def _told_party(cue: Token, clause: Token, disc: Discourse) -> ActorRef | None:
    """"told her Vestrian counterpart that the crew must be freed": a passive obligation told to
    someone falls on the party told (the crew are not asked to free themselves)."""
    if not any(c.dep_ == "auxpass" for c in clause.children):
        return None
    told = next((c for c in cue.children if c.dep_ in ("dobj", "dative", "iobj")), None)
    return party_ref(told, disc) if told is not None else None


def _linear_obligation(cue: Token, disc: Discourse) -> Extraction | None:
    """"It also says Acme Mining must in future pay royalties ..." when the parser broke the clause:
    a party named right after the cue, then "must" or "should", read in word order."""
    sent_end = cue.sent.end
    window = cue.doc[cue.i + 1 : min(cue.i + 7, sent_end)]
    modal = next((t for t in window if t.lower_ in OBLIGATION_MODALS), None)
    if modal is None or any(t.text in (",", ";", ":", '"', "\u201c") for t in cue.doc[cue.i + 1 : modal.i]):
        return None
    actor = _obligation_maker(cue, disc)
    if actor is None:
        return None
    extraction = _linear_reading(cue, cue, actor, disc)
    return _on_another_party(extraction, cue, disc) if extraction is not None else None


def _obligation_maker(cue: Token, disc: Discourse) -> ActorRef | None:
    """Who puts the obligation: the document or "it also" going on, else the cue's subject."""
    return _document_or_pronoun_going_on(cue, disc) or party_ref_any(_subjects(cue), disc)


def _on_another_party(extraction: Extraction, cue: Token, disc: Discourse) -> Extraction | None:
    """The obligation as a demand, if its maker is known and it falls on a state, organisation or
    person of another side; with the cue and the stance of the sentence."""
    if extraction.actor is None or extraction.target is None or extraction.target.label not in ("GPE", "ORG", "PERSON"):
        return None
    extraction.actor, extraction.target = disc.party(extraction.actor), disc.party(extraction.target)
    if disc.state_or_key(extraction.actor) == disc.state_or_key(extraction.target):
        return None  # "we must ...", "the ministry said Freedonia should ...": one's own side
    extraction.cue = "hope" if cue.lower_ in HOPE_CUES else cue.lemma_.lower()
    stance = stance_of(cue, disc)
    extraction.stance, extraction.origins = stance.stance, list(stance.origins)
    return extraction


def quoted_obligations(disc: Discourse) -> list[Extraction]:
    """Demands inside direct quotations: a party named as the subject of "must" or "should"
    ('"Freedonia must release them today," X said'), asked by the quotation's speaker.

    Not a description the article ties to no party it names, not a passive
    ("X must be held to account" asks someone else) unless it is an act a demand names done to
    a named party ('"Jonas Kalns must be freed"', ``is_act_owed_to_a_party``), not "must
    be"/"must have" (a judgement or a guess), not "must not" (read as a statement, like other
    negated demands).
    """
    found = []
    for start, end, speaker in disc.quote_speakers:
        for verb in _tokens_between(disc, start, end):
            target = _party_obliged(verb, disc)
            if target is None and not (_under_obligation_modal(verb) and is_act_owed_to_a_party(verb, disc)):
                continue
            maker = disc.party(speaker)
            if target is not None and disc.state_or_key(maker) == disc.state_or_key(target):
                continue  # "Freedonia must stand firm," said Freedonia's minister: one's own side
            extraction = _new(verb, maker, target)
            _fill_from_verb(extraction, verb, disc)
            extraction.cue = next(c.lower_ for c in verb.children if c.lower_ in OBLIGATION_MODALS)
            extraction.stance, extraction.origins = ATTRIBUTED, [speaker]
            if not _already_read(extraction, disc):
                found.append(extraction)
    return found


def quoted_imperatives(disc: Discourse) -> list[Extraction]:
    """Commands inside direct quotations and posts: '"Withdraw the bill," the union wrote', "Now
    publish the data, @PortAuthority.": a verb in the imperative (``_is_command``), asked by the
    quotation's speaker of the party it addresses by name at the end ("..., @PortAuthority"); with
    none named, of the party the speaker asks other things of in the article (``_borrow_targets``).
    A verb no demand names ("publish", "delete") counts only when the command names its addressee
    or the speaker asks something of a party elsewhere in the article."""
    found = []
    for start, end, speaker in disc.quote_speakers:
        for verb in _tokens_between(disc, start, end):
            if not _is_command(verb):
                continue
            maker = disc.party(speaker)
            addressee = _addressed_at_the_end(verb, disc)
            if not predicates.is_known_verb(verb) and addressee is None and not _asks_elsewhere(maker, disc):
                continue  # "Take the case of X": only a speaker who asks things of a party commands it
            extraction = _new(verb, maker, addressee)
            _fill_from_verb(extraction, verb, disc)
            extraction.cue = "imperative"
            extraction.stance, extraction.origins = ATTRIBUTED, [speaker]
            if not any(other.kind == DEMAND and other.sentence.start == extraction.sentence.start
                       and other.predicate == extraction.predicate for other in disc.extractions):
                found.append(extraction)
    return found


# Imperatives of speech, not of demand: "Look at the numbers", "Make no mistake", "Let me be clear".
_RHETORICAL_VERBS = frozenset({
    "let", "look", "make", "take", "imagine", "consider", "remember", "note", "mark", "say", "think", "see",
    "listen", "forget", "believe", "understand", "go", "come", "wait", "watch", "read", "thank", "excuse",
})


def _is_command(verb: Token) -> bool:
    """A base-form verb opening a sentence or the words after a colon ("We ask again: withdraw
    the bill"), with no subject of its own, taking an object, not negated."""
    after_colon = verb.i > verb.sent.start and verb.doc[verb.i - 1].text == ":"
    head_of_sentence = verb.dep_ == "ROOT" or after_colon
    own_subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and not _before_a_colon(c, verb)]
    return (
        head_of_sentence and verb.tag_ == "VB" and verb.pos_ == "VERB" and not is_negated(verb)
        and verb.lemma_.lower() not in _RHETORICAL_VERBS and not own_subjects
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        and any(c.dep_ in ("dobj", "dative") for c in verb.children)
    )


def _before_a_colon(subject: Token, verb: Token) -> bool:
    """"No more delays: delete the data": the words before the colon are no subject of the command."""
    return any(t.text == ":" for t in verb.doc[subject.i : verb.i])


def _asks_elsewhere(maker: ActorRef | None, disc: Discourse) -> bool:
    return maker is not None and any(
        e.kind == DEMAND and e.actor is not None and e.actor.key == maker.key and e.target is not None
        for e in disc.extractions
    )


def _addressed_at_the_end(verb: Token, disc: Discourse) -> ActorRef | None:
    """The party a command names after a comma as its last words: "Now publish the data, @Port"."""
    sent = verb.sent
    words = [t for t in sent if not t.is_punct]
    if not words:
        return None
    last = words[-1]
    mention = disc.actors.mention_at(last)
    if mention is None or mention.label not in ("GPE", "ORG", "PERSON"):
        return None
    first = min(t.i for t in sent if disc.actors.mention_at(t) == mention)
    if first == sent.start or sent.doc[first - 1].text != ",":
        return None
    return disc.party(disc.ref(last))


def _tokens_between(disc: Discourse, start: int, end: int) -> list[Token]:
    span = disc.doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def is_obligation_verb(verb: Token) -> bool:
    """A verb under "must" or "should" that asks for an act: not passive ("X must be held to
    account" asks someone else), not "must be"/"must have", not negated, not a forecast."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() in ("be", "have") or is_negated(verb):
        return False
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if not any(c.lower_ in OBLIGATION_MODALS for c in auxiliaries) or any(c.dep_ == "auxpass" for c in auxiliaries):
        return False
    return verb.lemma_.lower() not in OUTCOME_VERBS  # "Freedonia should win the vote": a forecast


def _under_obligation_modal(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in OBLIGATION_MODALS for c in verb.children)


def is_act_owed_to_a_party(verb: Token, disc: Discourse) -> bool:
    """'"Jonas Kalns must be freed"', '"We expect the crew to be released"': a passive of an act a
    demand names, done to a party the article names. Whoever holds him is asked, though not named
    here: the demand is kept with no addressee, which the maker's counterpart fills in later
    (counterparts.py). Not "X must be held to account" or "X should be punished": only acts a
    demand hands over or undoes (``predicates.CONCRETE_DEMANDS``)."""
    if verb.pos_ != "VERB" or is_negated(verb) or not any(c.dep_ == "auxpass" for c in verb.children):
        return False
    if predicates.normalise_verb(verb) not in predicates.CONCRETE_DEMANDS:
        return False
    done_to = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return done_to is not None and party_ref(done_to, disc) is not None


def _party_obliged(verb: Token, disc: Discourse) -> ActorRef | None:
    if not is_obligation_verb(verb):
        return None
    subject = _own_subject(verb)
    # A name, even one the tagger took for a pronoun ("HNF should keep ..."), or a description the
    # article ties to a party it names ("The union should suspend the strike" after "Velland Teachers Union").
    if subject is None or not (
        subject.pos_ == "PROPN" or subject.ent_type_ in ("ORG", "GPE", "PERSON") or _definite_noun(subject)
    ):
        return None
    found = party_ref(subject, disc)
    return disc.party(found) if found is not None and found.label in ("GPE", "ORG", "PERSON") else None


def _definite_noun(token: Token) -> bool:
    return token.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)


def _already_read(extraction: Extraction, disc: Discourse) -> bool:
    return any(
        other.kind == extraction.kind and other.sentence.start == extraction.sentence.start
        and other.predicate == extraction.predicate and other.target is not None
        and other.target.key == extraction.target.key
        for other in disc.extractions
    )

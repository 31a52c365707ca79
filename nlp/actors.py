"""Who is named in one article, and under which article-level key.

``ActorIndex.build(doc)`` turns spaCy's entity spans into ClaimTrack mentions:

1. cleans the spans the small model gets wrong (a leading "the", a trailing
   possessive, a span running into a bracket, "A/B" written solid, a name whose
   first word the model dropped) -- name_spans.py;
2. reads the aliases the article declares ("X (Y)", "X, also known as Y",
   acronyms; aliases.py) and finds names the model missed where the article
   already uses them (a bare acronym, a surname) -- missed_names.py;
3. groups surfaces into one actor per key: same name once normalised or
   transliterated, declared aliases, short forms of a full name, and the
   names of a state -- actor_keys.py;
4. decides each actor's kind from the evidence of the whole article (votes of
   the model's labels, country reference data, "naval base", "news agency",
   person titles), not from one tag -- actor_kinds.py;
5. resolves metonymy: a capital or seat of government that acts ("Ankara
   demanded", "the White House declined") stands for its state, and so does a
   state-government phrase ("the Government of the Republic of X"); a city
   naming an event held there ("the Geneva talks") is no actor -- metonymy.py;
6. records affiliations ("Brazil's Deputy Foreign Minister Maria Laura da Rocha")
   -- affiliations.py.

The word lists all these read are in actor_words.py. ``ref_for`` then tells the
statement and demand readers which actor a noun phrase denotes, including
unnamed official ones ("Turkish officials").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from .actor_keys import declared_aliases, resolve_keys
from .actor_words import CITY_GOVERNMENT_WORDS, PERSON_TITLES, names_a_regulating_body
from .affiliations import find_affiliations
from .metonymy import metonymy, names_an_event, state_of_government_phrase
from .missed_names import (
    add_declared_spans,
    company_short_name_candidates,
    declarations,
    described_speaker_candidates,
    facility_cue_candidates,
    find_repeats,
    find_variant_repeats,
    initialism_candidates,
    nickname_aliases,
    nicknamed_person_candidates,
    repeat_forms,
    role_holder_organisation_candidates,
    role_organisation_candidates,
    subject_organisation_candidates,
    titled_person_candidates,
)
from .name_spans import initial_candidates, without_overlaps
from .normalise import normalise_name
from .states import is_state, is_union, state_of_demonym
from .types import ACTOR_LABELS, ActorRef, Affiliation, DeclaredAlias, Mention

# Nouns for a body named by its field ("data protection authority", "competition watchdog").
_FIELD_BODY_NOUNS = frozenset({"authority", "regulator", "watchdog"})


def _is_nationality(token: Token) -> bool:
    return token.ent_type_ in ("NORP", "GPE") or state_of_demonym(token.text) is not None


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
        cands = initial_candidates(doc, skip)
        cands = without_overlaps(cands + nicknamed_person_candidates(doc, cands, skip))
        decls = declarations(doc, cands)
        cands = add_declared_spans(doc, cands, decls, skip)
        forms = repeat_forms(doc, cands, decls)
        cands = without_overlaps(cands + find_repeats(doc, cands, forms, skip))
        cands = without_overlaps(cands + find_variant_repeats(doc, cands, forms, skip))
        cands = without_overlaps(cands + facility_cue_candidates(doc, cands, skip))
        cands = without_overlaps(cands + titled_person_candidates(doc, cands, skip))
        cands = without_overlaps(cands + described_speaker_candidates(doc, cands, skip))
        cands = without_overlaps(cands + company_short_name_candidates(doc, cands, skip))
        cands = without_overlaps(cands + subject_organisation_candidates(doc, cands, skip))
        cands = without_overlaps(cands + role_organisation_candidates(doc, cands, skip))
        cands = without_overlaps(cands + role_holder_organisation_candidates(doc, cands, skip))
        cands = without_overlaps(cands + initialism_candidates(doc, cands, skip))
        keys, labels = resolve_keys(doc, cands, decls)
        self._labels = labels
        for cand in cands:
            span = cand.span(doc)
            norm = normalise_name(span.text)
            key = keys.get(norm)
            if key is None:
                continue
            label = labels[key]
            if label not in ACTOR_LABELS or names_an_event(span, label):
                continue
            self._add_mention(span, key, label)
        self._city_governments()
        self.aliases = declared_aliases(decls, keys, labels) + nickname_aliases(self.mentions)
        self.affiliations = find_affiliations(doc, self.mentions, self._by_token)

    def _city_governments(self) -> None:
        """ "the Prefeitura", "Prefeitura de Porto Alegre": a city's government named in its own
        language is the city: the one named after "de", else the city the article names most."""
        for mention in list(self.mentions):
            words = mention.text.split()
            if not words or words[0].casefold() not in CITY_GOVERNMENT_WORDS:
                continue
            city = self._city_for(mention, " ".join(words[2:]) if words[1:2] in (["de"], ["do"], ["di"]) else "")
            if city is None:
                continue
            rekeyed = replace(mention, key=city, label="GPE")
            self.mentions[self.mentions.index(mention)] = rekeyed
            for i, found in list(self._by_token.items()):
                if found is mention:
                    self._by_token[i] = rekeyed

    def _city_for(self, mention: Mention, named: str) -> str | None:
        """The city named after "de", else the city the article names most (the first of equals)."""
        if named:
            return named
        return main_city(self.mentions, besides=mention)

    def _add_mention(self, span: Span, key: str, label: str) -> None:
        sent = span.sent
        state, metonym = metonymy(span, key, label, self._by_token)
        mention = Mention(
            text=span.text,
            key=state or key,
            label=("ORG" if is_union(state) else "GPE") if state else label,
            start=span.start_char,
            end=span.end_char,
            sentence_start=sent.start_char,
            sentence_end=sent.end_char,
            metonym=metonym,
        )
        self.mentions.append(mention)
        for token in span:
            self._by_token[token.i] = mention

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
        regulator = self._regulator_described(head)
        if regulator is not None:
            return regulator
        state = state_of_government_phrase(head, self._by_token)
        if state is not None:
            left = min([head.i] + [t.i for t in head.lefts])
            phrase = self.doc[left : head.i + 1]
            while len(phrase) > 1 and phrase[0].lower_ in {"the", "a", "an"}:
                phrase = phrase[1:]
            return ActorRef(phrase.text, state, "GPE", phrase.start_char, phrase.end_char)
        return None

    def _regulator_described(self, head: Token) -> ActorRef | None:
        """ "France's data protection authority", "the country's aviation watchdog": a body named by
        its field is the one regulating body the article names ("Commission nationale de
        l'informatique et des libertés"), not the state that owns it. Without a field ("the
        Chadian authorities"), or with several such bodies named, the state stands."""
        if head.lemma_.lower() not in _FIELD_BODY_NOUNS or not any(
            c.dep_ in ("compound", "amod") and c.pos_ in ("NOUN", "ADJ") and not _is_nationality(c)
            for c in head.children
        ):
            return None  # "the Turkish authorities": a nationality is no field; the state stands
        bodies = {
            m.key: m for m in self.mentions
            if m.label == "ORG" and (names_a_regulating_body(m.key) or names_a_regulating_body(m.text))
        }
        if len(bodies) != 1:
            return None
        body = next(iter(bodies.values()))
        left = min([head.i] + [t.i for t in head.lefts])
        return ActorRef(self.doc[left : head.i + 1].text, body.key, body.label, self.doc[left].idx, head.idx + len(head))

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

    def state_of(self, key: str) -> str | None:
        """The state an actor acts for, from the article's affiliations (not an organisation it acts for)."""
        return self._affiliated(key, "GPE")

    def organisation_of(self, key: str) -> str | None:
        """The organisation a person leads or speaks for, from the article's affiliations."""
        return self._affiliated(key, "ORG")

    def _affiliated(self, key: str, label: str) -> str | None:
        for affiliation in self.affiliations:
            if affiliation.member == key and affiliation.label == label:
                return affiliation.state
        return None


def main_city(mentions: Sequence[Mention], besides: Mention | None = None) -> str | None:
    """The place that is no state the article names most often (the first named of equals): the
    city a story's "city hall" or "Prefeitura" governs."""
    counts: dict[str, int] = {}
    for mention in mentions:
        if mention.label == "GPE" and mention is not besides and not is_state(mention.key) and not mention.metonym:
            counts[mention.key] = counts.get(mention.key, 0) + 1
    return max(counts, key=counts.get) if counts else None  # dicts keep first-named order on ties


__all__ = ["ActorIndex", "main_city"]

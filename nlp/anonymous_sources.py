"""Anonymous sources: role nouns ("a ministry spokesman", "one analyst") and their organisations.

An unnamed source is filed under the organisation it speaks for (``role_owner``),
the role noun phrase kept as the actor's text (``as_role``); "a company insider"
speaks for the organisation last in focus as a subject.
"""
from __future__ import annotations

from spacy.tokens import Token

from .discourse import Discourse
from .model import doc_text
from .quotations import in_quotes
from .types import ActorRef


# Nouns for a person who speaks for an organisation without being named.
ROLE_NOUNS = frozenset({
    "spokesman", "spokeswoman", "spokesperson", "official", "analyst", "adviser", "advisor", "aide",
    "source", "diplomat", "negotiator", "representative", "officer", "executive", "staffer", "insider",
})


# Nouns for a kind of organisation, not a particular one: "a company insider", "a union official".
ORGANISATION_KIND_NOUNS = frozenset({
    "company", "firm", "group", "organisation", "organization", "federation", "confederation", "union",
    "association", "agency", "party", "club", "league", "team", "coalition", "alliance", "charity",
})


def role_owner(role: Token, disc: Discourse, quotes: list[tuple[int, int]]) -> ActorRef | None:
    """The organisation an unnamed "ministry spokesman" or "one analyst" speaks for.

    First the same words used earlier with a name ("Analysts at X said ...",
    "X's foreign ministry ..."), then an organisation named nearby whose name holds
    the modifier ("a ministry spokesman" beside "the Ministry of Y"), then the state
    named in the sentence ("a ministry spokesman in Z").
    """
    modifiers = [c for c in role.children if c.dep_ in ("compound", "nmod") and c.pos_ == "NOUN"]
    # "a spokeswoman for the government delegation": the body it speaks for, and that body's modifiers.
    bodies = [p for c in role.children if c.dep_ == "prep" and c.lower_ == "for"
              for p in c.children if p.dep_ == "pobj" and p.pos_ == "NOUN"]
    bodies += [c for b in bodies for c in b.children if c.dep_ in ("compound", "nmod") and c.pos_ == "NOUN"]
    for word in [*modifiers, *bodies, role]:
        found = _named_earlier(word, disc)
        if found is not None:
            return found
    for word in modifiers:
        found = _organisation_named_nearby(word, disc)
        if found is not None:
            return found
    # "Zenda Mining is in turmoil. A company insider said": the organisation just in focus.
    if any(word.lemma_.lower() in ORGANISATION_KIND_NOUNS for word in modifiers):
        found = disc.organisation_subject_before(role)
        if found is not None:
            return found
    if modifiers:
        return _state_in_sentence(role, disc, quotes)
    return None


def _named_earlier(word: Token, disc: Discourse) -> ActorRef | None:
    """The actor the same noun denoted a few sentences before ("Analysts at X" -> "one analyst")."""
    lemma = word.lemma_.lower()
    for sent in [word.sent, *disc.previous_sentences(word.sent, count=4)]:
        for token in reversed(list(sent)):
            if token.i >= word.i or token.lemma_.lower() != lemma:
                continue
            found = disc.ref(token)
            if found is not None:
                return found
    return None


def _organisation_named_nearby(word: Token, disc: Discourse) -> ActorRef | None:
    """"a ministry spokesman" near "the Ministry of Y": the nearest organisation so named."""
    wanted = word.lemma_.lower()
    near = [
        m for m in disc.actors.mentions
        if m.label == "ORG" and wanted in m.key.lower().split() and abs(m.start - word.idx) < 800
    ]
    if not near:
        return None
    mention = min(near, key=lambda m: abs(m.start - word.idx))
    return ActorRef(mention.text, mention.key, mention.label, mention.start, mention.end)


def _state_in_sentence(role: Token, disc: Discourse, quotes: list[tuple[int, int]]) -> ActorRef | None:
    for token in role.sent:
        if token.ent_type_ != "GPE" or in_quotes(token, quotes):
            continue
        found = disc.party(disc.ref(token))
        if found is not None and found.label == "GPE":
            return found
    return None


def as_role(found: ActorRef, role: Token) -> ActorRef:
    """The organisation as the actor, the role noun phrase ("a ministry spokesman") as its text."""
    tokens = [t for t in role.subtree if not t.is_space]
    cut = next((t.i for t in tokens if t.i > role.i and (t.is_punct or t.dep_ in ("relcl", "acl"))), None)
    tokens = [t for t in tokens if cut is None or t.i < cut]
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return ActorRef(doc_text(role.doc)[start:end], found.key, found.label, start, end)

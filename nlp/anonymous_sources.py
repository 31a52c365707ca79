"""Anonymous sources: role nouns ("a ministry spokesman", "one analyst") and their organisations.

An unnamed source is filed under the organisation it speaks for (``role_owner``),
the role noun phrase kept as the actor's text (``as_role``); "a company insider"
speaks for the organisation last in focus as a subject.
"""
from __future__ import annotations

from spacy.tokens import Token

from .demand_parties import city_of, party_ref
from .discourse import Discourse, has_definite_article
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
    # "a spokeswoman for the government delegation", "an official at the regulator": the body it
    # speaks for, and that body's modifiers.
    bodies = [p for c in role.children if c.dep_ == "prep" and c.lower_ in _BODY_PREPOSITIONS
              for p in c.children if p.dep_ == "pobj" and p.pos_ == "NOUN"]
    bodies += [c for b in bodies for c in b.children if c.dep_ in ("compound", "nmod") and c.pos_ == "NOUN"]
    # "a spokesman at the Compact's headquarters": the body whose premises the source is at.
    for owner in (c for b in bodies for c in b.children if c.dep_ == "poss" and c.pos_ == "PROPN"):
        found = disc.ref(owner)
        if found is not None and found.label in ("ORG", "GPE"):
            return found
    for word in [*modifiers, *bodies, role]:
        found = _named_earlier(word, disc)
        if found is not None:
            return found
    for word in [*modifiers, *bodies]:
        found = city_of(word, disc)  # "a city hall spokesman": the city the article is about
        if found is not None:
            return found
    found = _same_source_before(role, disc)
    if found is not None:
        return found
    for word in modifiers:
        found = _organisation_named_nearby(word, disc)
        if found is not None:
            return found
    for word in bodies:
        # "an official at the authority": the body named so earlier, however far back.
        found = _organisation_named_nearby(word, disc, reach=None, before=True)
        if found is not None:
            return found
    for word in bodies:
        # "a spokeswoman for the regulator" after "the aviation regulator NLVA": the body the
        # article calls so, as a demand's party is read.
        found = party_ref(word, disc) if has_definite_article(word) else None
        if found is not None and found.label == "ORG":
            return found
    if any(has_definite_article(word) and word.lemma_.lower() in _BODY_NOUNS for word in bodies[:1]):
        # "NLVA refused. 'The rules are clear,' a spokeswoman for the regulator said": the body
        # just in focus, as for a spokesperson of no one named.
        found = disc.organisation_subject_before(role)
        if found is not None:
            return found
    # "Zenda Mining is in turmoil. A company insider said": the organisation just in focus; so,
    # for a spokesperson of no one named, "X declined to comment. A spokeswoman said ...".
    kind_named = any(word.lemma_.lower() in ORGANISATION_KIND_NOUNS for word in modifiers)
    if kind_named or (role.lemma_.lower() in SPOKESPERSON_NOUNS and not modifiers and not bodies):
        found = disc.organisation_subject_before(role)
        if found is not None:
            return found
    if modifiers:
        return _state_in_sentence(role, disc, quotes)
    return None


# "an official at X", "a source with X", "a spokesman for X": the body the source speaks for.
_BODY_PREPOSITIONS = frozenset({"for", "at", "with", "from"})
# Common nouns for a body that stand for the one in focus: "a spokeswoman for the regulator".
_BODY_NOUNS = ORGANISATION_KIND_NOUNS | {
    "regulator", "authority", "ministry", "department", "agency", "watchdog", "commission", "council",
    "court", "airline", "operator", "carrier", "bank", "university", "board", "office",
}
# Whose only work is to speak for someone: with nobody named, for the organisation in focus.
SPOKESPERSON_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson"})


def _same_source_before(role: Token, disc: Discourse) -> ActorRef | None:
    """ "a senior official at X said ... "Y," the official said": the anonymous source introduced
    just before with the same noun (a definite "the" points back to it)."""
    if not has_definite_article(role):
        return None
    lemma = role.lemma_.lower()
    earlier = {s.start_char for s in [role.sent, *disc.previous_sentences(role.sent, count=3)]}
    for previous in reversed(disc.extractions):
        actor = previous.actor
        if actor is None or previous.sentence.start not in earlier or actor.start >= role.idx:
            continue
        words = role.doc.char_span(actor.start, actor.end, alignment_mode="expand") or []
        if lemma in {t.lemma_.lower() for t in words}:
            return ActorRef(actor.text, actor.key, actor.label, actor.start, actor.end)
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


def _organisation_named_nearby(
    word: Token, disc: Discourse, *, reach: int | None = 800, before: bool = False
) -> ActorRef | None:
    """"a ministry spokesman" near "the Ministry of Y": the nearest organisation so named (within
    ``reach`` characters, any distance with None; only before ``word`` with ``before``)."""
    wanted = word.lemma_.lower()
    near = [
        m for m in disc.actors.mentions
        if m.label == "ORG" and wanted in {*m.key.lower().split(), *m.text.lower().split()}
        and (reach is None or abs(m.start - word.idx) < reach)
        and (not before or m.start < word.idx)
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

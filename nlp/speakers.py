"""Who the speaker of a cue verb is: a pronoun, a name, a document or a role noun.

- "he said" / "she said" is the person last speaking or acting as subject, never
  a name or pronoun inside quotation marks, never the person the quotation itself
  calls "he", never the reporter who asked (``pronoun_speaker``);
- a title before a name ("Budget commissioner X said") is the person named; a name
  tagged ORG with a personal post in apposition ("X, the head of ...") is a person;
- "The delegation, led by X" speaks through X; "the statement also confirmed" is
  the speaker of the last statement before it;
- a role noun ("a ministry spokesman") is filed under its organisation
  (anonymous_sources.py);
- a description ("the union", "the government") is the body the article names by it,
  as for the parties of a demand (demand_parties.py).
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from .actor_kinds import names_a_body
from .anonymous_sources import ROLE_NOUNS, as_role, role_owner
from .demand_parties import (
    body_named_in_article, holder_of_title, is_description, party_ref, person_in_apposition,
)
from .discourse import DOCUMENT_NOUNS, PERSON_PRONOUNS, Discourse, agent_of, may_be_mislabelled_person
from .full_names import PRONOUN_GENDER, full_name, titled_genders
from .quotations import in_quotes
from .speech_words import CUE_VERBS
from .types import STATEMENT, ActorRef


def speaker_of(
    token: Token, speakers: list[Token], disc: Discourse, quotes: list[tuple[int, int]],
    governed: list[tuple[int, int]],
) -> ActorRef | None:
    """The actor behind a cue verb's subject: a pronoun, a name, a document or a role noun."""
    if token.lower_ in PRONOUN_GENDER:
        found = pronoun_speaker(token, disc, quotes, governed)
        if found is not None:
            return full_name(found, disc)
    found = (
        _leader_of(token, disc) or person_in_apposition(token, disc)
        or disc.ref_any(speakers) or _document_speaker(token, disc)
    )
    if token.lemma_.lower() not in ROLE_NOUNS:
        if found is None and is_description(token):
            # "The union also says ...": a description the article uses for a body it names
            # elsewhere ("the Havenbond union"), read as the demand layer reads it.
            found = party_ref(token, disc)
        if found is None:
            found = body_named_in_article(token, disc)  # "The Ministry said ...", capitalised
        return full_name(found, disc)
    # "a ministry spokesman", "one analyst": an anonymous source speaks for its organisation.
    found = found or role_owner(token, disc, quotes)
    return as_role(found, token) if found is not None else None


_INNER_PRONOUNS = {"m": frozenset({"he", "him", "his", "himself"}), "f": frozenset({"she", "her", "hers", "herself"})}
# Verbs whose subject is the person speaking; the one who asks is not the one who answers.
SPEAKING_VERBS = (CUE_VERBS | {"speak", "talk"}) - {"ask"}


def pronoun_speaker(
    pronoun: Token, disc: Discourse, quotes: list[tuple[int, int]], governed: list[tuple[int, int]],
) -> ActorRef | None:
    """Who "he said" / "she said" is: the person last speaking or acting as subject.

    Pronouns and names inside quotation marks are never candidates: they are what
    was said, not who said it. A speaker does not call themselves "he", so when the
    quotation itself says "he", the person nearest before it is who it talks about.
    """
    gender = PRONOUN_GENDER[pronoun.lower_]
    candidates: list[tuple[int, ActorRef]] = []
    for sent in [pronoun.sent, *disc.previous_sentences(pronoun.sent, count=6)]:
        limit = pronoun.i if sent.start <= pronoun.i < sent.end else sent.end
        candidates.extend(_person_candidates(sent, limit, disc, quotes))
    known = titled_genders(disc)
    fitting: list[tuple[int, ActorRef]] = []
    for position, ref in candidates:
        if known.get(ref.key, gender) == gender and all(ref.key != other.key for _, other in fitting):
            fitting.append((position, ref))
    if len(fitting) > 1 and _quotes_mention(pronoun.doc, governed, _INNER_PRONOUNS[gender]):
        nearest = max(fitting, key=lambda pair: pair[0])
        fitting.remove(nearest)
    if not fitting:
        return None
    found = fitting[0][1]
    return ActorRef(pronoun.text, found.key, found.label, pronoun.idx, pronoun.idx + len(pronoun.text))


def _person_candidates(
    sent: Span, limit: int, disc: Discourse, quotes: list[tuple[int, int]],
) -> list[tuple[int, ActorRef]]:
    """People a pronoun after ``sent`` may stand for, best first, each with its position:
    subjects of speaking verbs, then the main clause's subject, then other subjects,
    then any person named there; all outside quotation marks."""
    tokens = [t for t in sent if t.i < limit and not in_quotes(t, quotes)]
    subjects = [t for t in tokens if t.dep_ in ("nsubj", "nsubjpass")]

    def rank(token: Token) -> tuple[int, int]:
        verb = token.head
        main = verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")
        speaking = verb.lemma_.lower() in SPEAKING_VERBS and verb.pos_ in ("VERB", "AUX")
        if verb.dep_ in ("relcl", "acl"):
            return (4, -token.i)  # "the profits that X announced": X is not who the story follows
        return ({(True, True): 0, (True, False): 1, (False, True): 2}.get((main, speaking), 3), -token.i)

    found: list[tuple[int, ActorRef]] = []
    for token in sorted(subjects, key=rank):
        ref = _person_ref(token, disc)
        if ref is not None:
            found.append((token.i, ref))
    for mention in reversed(disc.actors.mentions):
        if mention.label == "PERSON" and sent.start_char <= mention.start < sent.end_char:
            span = sent.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None or span.start >= limit or any(q[0] <= mention.start < q[1] for q in quotes):
                continue
            ref = ActorRef(mention.text, mention.key, mention.label, mention.start, mention.end)
            found.append((span.start, ref))
    return found


def _person_ref(token: Token, disc: Discourse) -> ActorRef | None:
    if token.lemma_.lower() in ROLE_NOUNS and token.tag_ != "NNS":
        # "a senior X executive said ... He said": an unnamed person, filed under the organisation.
        found = disc.ref(token, depth=1) or role_owner(token, disc, [])
        return as_role(found, token) if found is not None else None
    if token.lower_ not in PERSON_PRONOUNS:
        # "Norway's ambassador to the EU, Per Ivar Lunde, rejected ...", "The Minister welcomed the
        # judgment ...": the person the description names or stands for, not its state.
        person = person_in_apposition(token, disc) or holder_of_title(token, disc)
        if person is not None and person.label == "PERSON":
            return person
        person = _name_set_beside_title(token, disc)
        if person is not None:
            return person
    ref = disc.antecedent(token) if token.lower_ in PERSON_PRONOUNS else disc.ref(token, depth=1)
    if ref is not None and (may_be_mislabelled_person(ref) or _described_as_person(token, ref)):
        return ActorRef(ref.text, ref.key, "PERSON", ref.start, ref.end)  # "Trump" tagged ORG
    return ref if ref is not None and ref.label == "PERSON" else None


def _name_set_beside_title(title: Token, disc: Discourse) -> ActorRef | None:
    """ "Norway's ambassador to the EU, Per Ivar Lunde, rejected ...": the name set off by commas
    inside a title's phrase is the person holding it, whatever the model took the name for."""
    if title.lower_ not in PERSON_ROLE_NOUNS:
        return None
    for token in title.subtree:
        if token.i <= title.i or token.doc[token.i - 1].text != ",":
            continue
        mention = disc.actors.mention_at(token)
        if mention is not None and (mention.label == "PERSON" or _may_be_a_persons_name(mention)):
            return ActorRef(mention.text, mention.key, "PERSON", mention.start, mention.end)
    return None


def _may_be_a_persons_name(mention) -> bool:
    """A name the model tagged as an organisation that reads as a person's: two words or more,
    none of them an organisation's ("Per Ivar Lunde", not "Nordic Fisheries Council")."""
    words = mention.text.split()
    return mention.label == "ORG" and len(words) >= 2 and not any(names_a_body(word.lower()) for word in words)


# Nouns for a post only a person holds: "Maria Okafor, the head of the delegation".
PERSON_ROLE_NOUNS = frozenset({
    "head", "chief", "minister", "leader", "president", "director", "chairman", "chairwoman", "chair",
    "secretary", "commander", "negotiator", "envoy", "ambassador", "coordinator", "commissioner",
    "spokesman", "spokeswoman", "spokesperson", "adviser", "advisor", "aide", "founder", "captain", "coach",
})


def _described_as_person(token: Token, ref: ActorRef) -> bool:
    """A name tagged ORG whose apposition is a person's post ("Maria Okafor, the head of the
    Freedonian team, said"): the small model mislabelled a person."""
    return ref.label == "ORG" and len(ref.key.split()) > 1 and any(
        child.dep_ == "appos" and child.lemma_.lower() in PERSON_ROLE_NOUNS and child.tag_ != "NNS"
        for child in token.children
    )


def _quotes_mention(doc, governed: list[tuple[int, int]], words: frozenset[str]) -> bool:
    return any(
        t.lower_ in words for start, end in governed
        for t in (doc.char_span(start, end, alignment_mode="expand") or [])
    )


def _leader_of(token: Token, disc: Discourse) -> ActorRef | None:
    """"The delegation, led by X, emphasized ...": a body speaking through the person who leads it."""
    if token.pos_ != "NOUN":
        return None
    for child in token.children:
        if child.dep_ == "acl" and child.lemma_.lower() in ("lead", "head", "chair"):
            leader = agent_of(child)
            ref = disc.ref(leader) if leader is not None else None
            if ref is not None and ref.label == "PERSON":
                return ref
    return None


def _document_speaker(token: Token, disc: Discourse) -> ActorRef | None:
    """"the statement also confirmed": the speaker of the last statement before it. Not a
    document inside what someone reports ("SPLA said the report confirmed its warnings"): that
    one is what is talked about, not a statement going on."""
    if token.lemma_.lower() not in DOCUMENT_NOUNS or token.head.dep_ not in ("ROOT", "conj"):
        return None
    for previous in reversed(disc.extractions):
        if previous.kind == STATEMENT and previous.actor is not None and previous.sentence.start < token.idx:
            return previous.actor
    return None

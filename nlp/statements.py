"""Statements: who said what, directly or in reported speech.

Covered: a cue verb with a quotation or a that-clause ("X said ...", "“...,” X
told reporters", "X said in a statement"), a document as speaker ("a White House
readout said", "A statement from X emphasized “...”", and later "the
statement also confirmed"), a quotation standing alone after a sentence whose
speaker it continues, "according to X" when nothing else in the sentence was
extracted, embedded social posts ("— Name (@handle) Month D, YYYY"), and
responses: no comment ("declined to comment", "has not confirmed or denied")
and denials, with the predicate and object of the demand they answer.

Who the speaker is:
- "he said" / "she said" is the person last speaking or acting as subject, never
  a name or pronoun inside quotation marks, never the person the quotation itself
  calls "he", never the reporter who asked (``pronoun_speaker``);
- a quotation with no cue verb belongs to the speaker or subject of the sentence
  before it in its paragraph, else the person the next sentence names ("'...' X
  was blunt", "That was the verdict of X"); after a colon, to the subject of its
  own sentence ("X gave a short answer: '...'") (``continued_quotes``);
- question-and-answer layout: the answer line is the interviewee's, also after a
  prompt put to "you" without a question mark (``interview_answers``);
- a title before a name ("Budget commissioner X said") is the person named; a name
  tagged ORG with a personal post in apposition ("X, the head of ...") is a person;
- an anonymous source ("a ministry spokesman", "one analyst", "a spokeswoman for
  X") is filed under the organisation it speaks for, the role noun phrase kept as
  the actor's text (``role_owner``); "a company insider" speaks for the organisation
  last in focus as a subject.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Span, Token

from . import predicates
from .discourse import (
    DOCUMENT_NOUNS,
    PERSON_PRONOUNS,
    Discourse,
    agent_of,
    is_negated,
    may_be_mislabelled_person,
    subject_of,
    subjects_of,
)
from .stance import (
    CUE_VERBS,
    DENY_VERBS,
    OBJECT_CUES,
    QUOTE_ONLY_CUES,
    Stance,
    stance_of,
)
from .types import ATTRIBUTED, DEMAND, DENIED, NO_COMMENT, STATEMENT, ActorRef, Extraction
from .types import Span as TextSpan

# Verbs whose negation means "no comment": "has not confirmed", "did not respond".
NO_COMMENT_VERBS = frozenset({"comment", "confirm", "respond", "reply", "answer", "elaborate", "discuss", "reach"})
# "declined to comment", "refused to say".
REFUSING_VERBS = frozenset({"decline", "refuse", "fail"})
REFUSED_SPEECH = frozenset({"comment", "confirm", "say", "discuss", "elaborate", "respond", "answer", "speak", "reply"})
# Nouns that name a demand being discussed: "the request from X to hand over Y".
DEMAND_NOUNS = frozenset({"request", "demand", "call", "appeal", "plea", "ultimatum", "requirement", "condition"})

_OPENING = {"\u201c": "\u201d", "\u00ab": "\u00bb", "\u201e": "\u201d"}
_SOCIAL_SIGNATURE = re.compile(
    r"[\u2014\u2013]\s*(?P<name>[^\n()\u2014\u2013]{2,60}?)\s*\(@(?P<handle>\w{1,30})\)\s*"
    r"(?P<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+\d{4})"
)
_HANDLE_PREFIX = re.compile(r"@\w{1,30}:\s*")
_URL_TAIL = re.compile(r"\s*(?:(?:https?://|pic\.twitter\.com/)\S+\s*)+$")


# -- quotations --------------------------------------------------------


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Character spans of quoted text (without the marks), paired within a paragraph."""
    quotes: list[tuple[int, int]] = []
    open_at: int | None = None
    closing = ""
    for index, char in enumerate(text):
        if char == "\n" and text[index + 1 : index + 2] == "\n":
            open_at = None  # a quote never crosses a blank line
            continue
        if open_at is None:
            if char == '"' or char in _OPENING:
                open_at, closing = index + 1, '"' if char == '"' else _OPENING[char]
        elif char == closing or (closing == "\u201d" and char == '"'):
            quotes.append(_trim(text, open_at, index))
            open_at = None
    return [q for q in quotes if q[1] > q[0]]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " ,.;:\n":
        end -= 1
    while start < end and text[start] in " \n":
        start += 1
    return start, end


def _quotes_in(tokens: Iterable[Token], quotes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    positions = [t.idx for t in tokens]
    return [q for q in quotes if any(q[0] <= p < q[1] for p in positions)]


def _inside(token: Token, quote: tuple[int, int]) -> bool:
    return quote[0] <= token.idx < quote[1]


# -- statements by cue verbs ------------------------------------------


def find_statements(sent: Span, disc: Discourse, quotes: list[tuple[int, int]]) -> list[Extraction]:
    found: list[Extraction] = []
    for token in sent:
        if token.pos_ not in ("VERB", "AUX"):
            continue
        lemma = token.lemma_.lower()
        if _is_no_comment(token):
            found.append(no_comment_from(token, disc))
        elif lemma in CUE_VERBS:
            found.extend(statements_from(token, disc, quotes))
    return [f for f in found if f is not None]


def statements_from(cue: Token, disc: Discourse, quotes: list[tuple[int, int]]) -> list[Extraction]:
    lemma = cue.lemma_.lower()
    if lemma in ("call", "urge") and any(c.dep_ == "prep" and c.lower_ in ("for", "on") for c in cue.children):
        return []  # "call for", "urge on": demands, not statements
    if is_negated(cue):
        return []  # "did not say", "has not confirmed or denied": no statement made
    if not _is_speech_act(cue, quotes):
        return []
    speakers = subjects_of(cue) or [t for t in [agent_of(cue)] if t is not None]
    if not speakers and cue.dep_ == "advcl" and cue.tag_ == "VBG":
        speakers = subjects_of(cue.head)  # "X called for ..., saying ...": X is saying it
    if not speakers:
        before = _speaker_before_cue(cue, disc)
        if before is None:
            return []
        speakers = [before]
    if speakers[0].lower_ in ("this", "that", "it", "which", "there"):
        return []
    speaker_token = speakers[0]
    excluded = {t.i for s in speakers for t in s.subtree} | _nested_cue_tokens(cue, quotes)
    governed = [
        q for q in _quotes_in((t for t in cue.subtree if t.i not in excluded), quotes) if not _inside(cue, q)
    ]
    speaker = disc.party(speaker_of(speaker_token, speakers, disc, quotes, governed))
    contents: list[tuple[TextSpan, bool]] = [(_text_span(disc, q), True) for q in governed]
    if not contents:
        if lemma in QUOTE_ONLY_CUES:
            return []
        contents = [(reported, False) for reported in _reported_contents(cue)]
        if not contents:
            return []
    if speaker is None and not contents[0][1]:
        return []  # reported speech by no one we can name tells the reader nothing
    stance = stance_of(cue, disc, skip_cue=cue)
    found = []
    for content, direct in contents:
        extraction = Extraction(
            kind=STATEMENT,
            sentence=_sentence_span(cue.sent, content),
            actor=speaker,
            content=content,
            cue=lemma,
            direct=direct,
        )
        _apply_statement_stance(extraction, stance, speaker, denying=lemma in DENY_VERBS)
        _fill_topic(extraction, cue, disc)
        if extraction.stance == DENIED and extraction.predicate == "deny" and _names_a_demand(content, cue):
            # "rejected the demand", "dismissed calls to step down": the denial answers a demand.
            extraction.predicate = ""
            _fill_discussed_demand(extraction, cue.sent, disc)
            extraction.predicate = extraction.predicate or "deny"
        found.append(extraction)
    return found


# -- who the speaker is --------------------------------------------------


def speaker_of(
    token: Token, speakers: list[Token], disc: Discourse, quotes: list[tuple[int, int]],
    governed: list[tuple[int, int]],
) -> ActorRef | None:
    """The actor behind a cue verb's subject: a pronoun, a name, a document or a role noun."""
    if token.lower_ in _PRONOUN_GENDER:
        found = pronoun_speaker(token, disc, quotes, governed)
        if found is not None:
            return full_name(found, disc)
    found = (
        _leader_of(token, disc) or _person_in_apposition(token, disc)
        or disc.ref_any(speakers) or _document_speaker(token, disc)
    )
    if token.lemma_.lower() not in ROLE_NOUNS:
        return full_name(found, disc)
    # "a ministry spokesman", "one analyst": an anonymous source speaks for its organisation.
    found = found or role_owner(token, disc, quotes)
    return _as_role(found, token) if found is not None else None


def _person_in_apposition(token: Token, disc: Discourse) -> ActorRef | None:
    """"Budget commissioner Maria Okafor said": a title the model tagged as an organisation is
    the person named beside it."""
    if token.pos_ != "NOUN":
        return None
    for child in token.children:
        if child.dep_ == "appos":
            found = disc.ref(child)
            if found is not None and found.label == "PERSON":
                return found
    return None


def _speaker_before_cue(cue: Token, disc: Discourse) -> Token | None:
    """"..., the Directorate-General for X (DG X) said ...": the parser lost the subject;
    the name that ends right before the cue verb is the speaker."""
    if cue.dep_ != "ROOT" or cue.i == cue.sent.start:
        return None
    previous = cue.doc[cue.i - 1]
    if previous.text == ")" and previous.i > cue.sent.start:
        previous = cue.doc[previous.i - 1]
    if previous.is_punct or previous.pos_ not in ("PROPN", "NOUN"):
        return None
    return previous if disc.ref(previous) is not None else None


# Third-person pronouns a speaker is named by, and the gender each tells.
_PRONOUN_GENDER = {"he": "m", "she": "f"}
_INNER_PRONOUNS = {"m": frozenset({"he", "him", "his", "himself"}), "f": frozenset({"she", "her", "hers", "herself"})}
_TITLE_GENDER = {"mr": "m", "mr.": "m", "ms": "f", "ms.": "f", "mrs": "f", "mrs.": "f", "miss": "f", "madam": "f"}
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
    gender = _PRONOUN_GENDER[pronoun.lower_]
    candidates: list[tuple[int, ActorRef]] = []
    for sent in [pronoun.sent, *disc.previous_sentences(pronoun.sent, count=6)]:
        limit = pronoun.i if sent.start <= pronoun.i < sent.end else sent.end
        candidates.extend(_person_candidates(sent, limit, disc, quotes))
    known = _titled_genders(disc)
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
    tokens = [t for t in sent if t.i < limit and not any(_inside(t, q) for q in quotes)]
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
        return _as_role(found, token) if found is not None else None
    ref = disc.antecedent(token) if token.lower_ in PERSON_PRONOUNS else disc.ref(token, depth=1)
    if ref is not None and (may_be_mislabelled_person(ref) or _described_as_person(token, ref)):
        return ActorRef(ref.text, ref.key, "PERSON", ref.start, ref.end)  # "Trump" tagged ORG
    return ref if ref is not None and ref.label == "PERSON" else None


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
        gender = _PRONOUN_GENDER.get(surface) or _OBJECT_GENDER.get(surface) or _title_before(disc, ref)
        if gender is None:
            return ref
        full = {key for key in full if _first_pronoun_gender(disc, key) == gender}
    if len(full) != 1:
        return ref
    return ActorRef(ref.text, full.pop(), ref.label, ref.start, ref.end)


_OBJECT_GENDER = {"him": "m", "his": "m", "her": "f", "hers": "f"}


def _title_before(disc: Discourse, ref: ActorRef) -> str | None:
    words = disc.doc.text[max(0, ref.start - 6):ref.start].split()
    return _TITLE_GENDER.get(words[-1].lower()) if words else None


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
        if lower in _PRONOUN_GENDER or lower in _OBJECT_GENDER:
            return _PRONOUN_GENDER.get(lower) or _OBJECT_GENDER[lower]
    return None


def _titled_genders(disc: Discourse) -> dict[str, str]:
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
        gender = _TITLE_GENDER.get(before) or _TITLE_GENDER.get(first)
        if gender is not None:
            genders.setdefault(mention.key, gender)
    return genders


def _quotes_mention(doc, governed: list[tuple[int, int]], words: frozenset[str]) -> bool:
    return any(
        t.lower_ in words for start, end in governed
        for t in (doc.char_span(start, end, alignment_mode="expand") or [])
    )


# -- anonymous sources ---------------------------------------------------

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
        if token.ent_type_ != "GPE" or any(_inside(token, q) for q in quotes):
            continue
        found = disc.party(disc.ref(token))
        if found is not None and found.label == "GPE":
            return found
    return None


def _as_role(found: ActorRef, role: Token) -> ActorRef:
    """The organisation as the actor, the role noun phrase ("a ministry spokesman") as its text."""
    tokens = [t for t in role.subtree if not t.is_space]
    cut = next((t.i for t in tokens if t.i > role.i and (t.is_punct or t.dep_ in ("relcl", "acl"))), None)
    tokens = [t for t in tokens if cut is None or t.i < cut]
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return ActorRef(role.doc.text[start:end], found.key, found.label, start, end)


def _is_speech_act(cue: Token, quotes: list[tuple[int, int]]) -> bool:
    """A cue verb used as a speech act, not "unwilling to acknowledge", "allow X to maintain"."""
    if cue.dep_ in ("xcomp", "acl", "amod", "pcomp", "csubj"):
        head = cue.head
        if head.lemma_.lower() not in CUE_VERBS | {"continue", "go", "keep", "begin", "start", "be"}:
            return False
    return True


def _nested_cue_tokens(cue: Token, quotes: list[tuple[int, int]]) -> set[int]:
    """Tokens under another speaker's cue inside this one ("..., while Y called it an 'important trip'")."""
    nested: set[int] = set()
    for token in cue.subtree:
        if token.i == cue.i or token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in CUE_VERBS:
            continue
        if any(_inside(token, q) for q in quotes):
            continue  # a cue inside the quotation is part of what was quoted
        if subject_of(token) is not None and token.dep_ != "conj":
            nested |= {t.i for t in token.subtree}
    return nested


def _apply_statement_stance(extraction: Extraction, stance: Stance, speaker: ActorRef | None, *, denying: bool) -> None:
    extraction.origins = list(stance.origins)
    if speaker is not None and all(o.key != speaker.key for o in extraction.origins):
        extraction.origins.append(speaker)
    extraction.stance = stance.stance
    if extraction.origins and extraction.stance == "asserted":
        extraction.stance = ATTRIBUTED
    if denying:
        extraction.stance = DENIED
        extraction.negated = True


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
    """"the statement also confirmed": the speaker of the last statement before it."""
    if token.lemma_.lower() not in DOCUMENT_NOUNS:
        return None
    for previous in reversed(disc.extractions):
        if previous.kind == STATEMENT and previous.actor is not None and previous.sentence.start < token.idx:
            return previous.actor
    return None


def _reported_contents(cue: Token) -> list[TextSpan]:
    """What a cue verb reports; "said that A, and that B" is two things said."""
    content = _reported_content(cue)
    if content is None:
        return []
    clause = next((c for c in cue.children if c.dep_ == "ccomp"), None)
    joined = [
        c for c in (clause.children if clause is not None else [])
        if c.dep_ == "conj" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
    ]
    if not joined:
        return [content]
    first = [t for t in clause.subtree if not any(t in j.subtree for j in joined)]
    while first and (first[-1].is_punct or first[-1].dep_ == "cc"):
        first.pop()
    start, end = first[0].idx, first[-1].idx + len(first[-1].text)
    return [TextSpan(start, end, cue.doc.text[start:end]), *(_subtree(j) for j in joined)]


def _reported_content(cue: Token) -> TextSpan | None:
    for child in cue.children:
        if child.dep_ == "ccomp":
            return _subtree(child)
    if cue.lemma_.lower() in OBJECT_CUES:
        for child in cue.children:
            if child.dep_ == "dobj" and child.pos_ != "PRON":
                return _subtree(child)
    return None


def _fill_topic(extraction: Extraction, cue: Token, disc: Discourse) -> None:
    """A statement's predicate and object, when its content is a known action."""
    extraction.predicate = "say" if extraction.stance != DENIED else "deny"
    content = extraction.content
    for token in cue.subtree:
        if token.i == cue.i or token.pos_ != "VERB" or not predicates.is_known_verb(token):
            continue
        if content is not None and not (content.start <= token.idx < content.end):
            continue  # "said in a report released on Tuesday that ...": not what was said
        predicate = predicates.normalise_verb(token)
        if predicate in predicates.CONCRETE_DEMANDS:
            extraction.predicate = predicate
            obj = next((c for c in token.children if c.dep_ == "dobj"), None)
            extraction.about = disc.ref(obj) if obj is not None else None
            if is_negated(token):
                extraction.negated = True
            break
    extraction.terms = _terms(cue, extraction.content)


def _terms(cue: Token, content: TextSpan | None) -> list[str]:
    if content is None:
        return []
    doc = cue.doc
    span = doc.char_span(content.start, content.end, alignment_mode="expand")
    if span is None:
        return []
    return sorted({
        ("base" if t.lower_ == "bases" else t.lemma_.lower())
        for t in span
        if t.pos_ == "NOUN" and not t.is_stop and not t.ent_type_ and t.lemma_.isalpha()
    })


def _asks_for_comment(noun: Token) -> bool:
    """"a request for comment" is a reporter's question, not the demand the story is about."""
    return any(
        child.dep_ == "prep" and child.lower_ == "for"
        and any(g.lemma_.lower() in REFUSED_SPEECH for g in child.children)
        for child in noun.children
    )


def _names_a_demand(content: TextSpan, cue: Token) -> bool:
    span = cue.doc.char_span(content.start, content.end, alignment_mode="expand")
    return span is not None and any(t.lemma_.lower() in DEMAND_NOUNS for t in span)


# -- no comment --------------------------------------------------------


def _is_no_comment(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if lemma in REFUSING_VERBS:
        return any(c.dep_ == "xcomp" and c.lemma_.lower() in REFUSED_SPEECH for c in token.children)
    if lemma in NO_COMMENT_VERBS and is_negated(token):
        return lemma != "reach" or any(c.dep_ == "prep" and c.lower_ == "for" for c in token.children)
    return False


def no_comment_from(token: Token, disc: Discourse) -> Extraction | None:
    actor = disc.party(disc.ref_any(subjects_of(token)))
    extraction = Extraction(
        kind=STATEMENT,
        sentence=_sentence_span(token.sent, None),
        actor=actor,
        cue=_no_comment_cue(token),
        content=_subtree(token),
        stance=NO_COMMENT,
    )
    extraction.origins = stance_of(token, disc).origins
    _fill_discussed_demand(extraction, token.sent, disc)
    return extraction


def _no_comment_cue(token: Token) -> str:
    xcomp = next((c for c in token.children if c.dep_ == "xcomp"), None)
    if xcomp is not None:
        return f"{token.lemma_.lower()} to {xcomp.lemma_.lower()}"
    return f"not {token.lemma_.lower()}"


def _fill_discussed_demand(extraction: Extraction, sent: Span, disc: Discourse) -> None:
    """Point a response at the demand it answers: "declined to comment on the request ... to hand over Z"."""
    for noun in sent:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in DEMAND_NOUNS:
            continue
        for child in noun.children:
            if child.dep_ in ("acl", "relcl") and child.pos_ == "VERB" and predicates.is_known_verb(child):
                extraction.predicate = predicates.normalise_verb(child)
                obj = next((c for c in child.children if c.dep_ == "dobj"), None)
                extraction.about = disc.ref(obj) if obj is not None else None
                break
        if extraction.predicate:
            break
    earlier = [e for e in disc.extractions if e.kind == DEMAND and e.sentence.start < sent.start_char]
    # The response names the demand ("the request was made"): borrow what the article said it was.
    match = next(
        (e for e in reversed(earlier) if extraction.about is not None and e.about is not None
         and e.about.key == extraction.about.key),
        None,
    )
    if match is None and not extraction.predicate and earlier and any(
        t.lemma_.lower() in DEMAND_NOUNS and not _asks_for_comment(t) for t in sent
    ):
        match = earlier[-1]
    if match is not None:
        extraction.predicate = match.predicate
        extraction.about = extraction.about or match.about
        extraction.target = match.actor
        extraction.terms = list(match.terms)


# -- quotes with no cue in their sentence -----------------------------


def continued_quotes(
    sent: Span, disc: Discourse, quotes: list[tuple[int, int]], taken: set[tuple[int, int]],
) -> list[Extraction]:
    """Quotations with no cue verb of their own.

    A quotation standing alone belongs to the speaker the paragraph is about: the
    one quoted in the sentence before, else the person that sentence is about, else
    the one the next sentence names ("'...' X, the chief negotiator, was blunt";
    "'...' That was the verdict of X"), else the last speaker quoted nearby. A
    quotation after a colon in a sentence of its own ("X gave a short answer: '...'")
    belongs to that sentence's subject.
    """
    found = []
    for quote in quotes:
        if quote in taken or not (sent.start_char <= quote[0] < sent.end_char):
            continue
        if _cue_after_quote(disc, quote, quotes):
            continue  # '"A. B," she said': the cue in the quotation's last sentence claims all of it
        outside = [t for t in sent if not t.is_punct and not t.is_space and not (quote[0] <= t.idx < quote[1])]
        if any(t.pos_ in ("NOUN", "PROPN", "PRON", "VERB") for t in outside):
            # The sentence has its own frame ("The two sides 'agreed ...'"); only a colon hands it the quote.
            speaker = _colon_speaker(sent, quote, disc, quotes)
            if speaker is not None:
                found.append(_quoted(sent, disc, quote, speaker, cue="say"))
            continue
        speaker = _paragraph_speaker(sent, disc, quotes)
        if speaker is not None:
            found.append(_quoted(sent, disc, quote, speaker, cue="say"))
            continue
        previous = next(
            (e for e in reversed(disc.extractions) if e.kind == STATEMENT and e.actor is not None
             and e.sentence.end <= sent.start_char),
            None,
        )
        if previous is None or sent.start_char - previous.sentence.end > 400:
            continue
        found.append(Extraction(
            kind=STATEMENT, sentence=_sentence_span(sent, None), actor=previous.actor,
            content=_text_span(disc, quote), cue=previous.cue, direct=True,
            stance=previous.stance, origins=list(previous.origins), predicate="say",
        ))
    return found


def _quoted(sent: Span, disc: Discourse, quote: tuple[int, int], speaker: ActorRef, *, cue: str) -> Extraction:
    return Extraction(
        kind=STATEMENT, sentence=_sentence_span(sent, None), actor=speaker,
        content=_text_span(disc, quote), cue=cue, direct=True,
        stance=ATTRIBUTED, origins=[speaker], predicate="say",
    )


def _cue_after_quote(disc: Discourse, quote: tuple[int, int], quotes: list[tuple[int, int]]) -> bool:
    """Whether the sentence where a quotation ends has a cue verb outside the quotation marks."""
    last = disc.doc.char_span(quote[1] - 1, quote[1], alignment_mode="expand")
    if last is None:
        return False
    sent = last[0].sent
    if sent.start_char <= quote[0]:
        return False  # the quotation ends in the sentence it starts in
    return any(
        t.lemma_.lower() in CUE_VERBS and t.pos_ in ("VERB", "AUX") and not any(_inside(t, q) for q in quotes)
        for t in sent
    )


def _colon_speaker(sent: Span, quote: tuple[int, int], disc: Discourse, quotes: list[tuple[int, int]]) -> ActorRef | None:
    """"X gave a short answer: '...'", "X was blunt: '...'": the main clause's subject said it."""
    before = disc.doc.text[sent.start_char:quote[0] - 1].rstrip()
    if not before.endswith(":"):
        return None
    root = sent.root
    if any(_inside(root, q) for q in quotes):
        return None
    subjects = subjects_of(root)
    if not subjects:
        return None
    return disc.party(speaker_of(subjects[0], subjects, disc, quotes, [quote]))


def _paragraph_speaker(sent: Span, disc: Discourse, quotes: list[tuple[int, int]]) -> ActorRef | None:
    """Who a quotation standing alone in a paragraph belongs to, from its neighbours."""
    previous = disc.previous_sentences(sent, count=1)
    if previous and _same_paragraph(disc, previous[0], sent):
        before = previous[0]
        said = [e for e in disc.extractions if e.kind == STATEMENT and e.actor is not None
                and before.start_char <= e.sentence.start < before.end_char]
        if said:
            return said[-1].actor
        speaker = _main_subject(before, disc, quotes, labels=("PERSON",))
        if speaker is not None:
            return speaker
    following = _sentence_after_quote(sent, disc, quotes)
    if following is not None and _same_paragraph(disc, sent, following):
        return _main_subject(following, disc, quotes, labels=("PERSON",), named=True) or _utterance_owner(following, disc)
    return None


def _same_paragraph(disc: Discourse, first: Span, second: Span) -> bool:
    return "\n" not in disc.doc.text[first.end_char:second.start_char].strip(" ") and \
        "\n" not in first.text.strip() and "\n" not in second.text.strip()


def _sentence_after_quote(sent: Span, disc: Discourse, quotes: list[tuple[int, int]]) -> Span | None:
    """The sentence that follows the quotation opening in ``sent`` (which may run over several)."""
    quote = next((q for q in quotes if sent.start_char <= q[0] < sent.end_char), None)
    if quote is None or quote[1] <= sent.end_char:
        return _next_sentence(sent, disc)
    last = disc.doc.char_span(quote[1] - 1, quote[1], alignment_mode="expand")
    if last is None:
        return None
    end_sent = last[0].sent
    rest = disc.doc.text[quote[1]:end_sent.end_char].strip(" .,\u201d\"\n")
    return end_sent if rest else _next_sentence(end_sent, disc)


def _next_sentence(sent: Span, disc: Discourse) -> Span | None:
    index = sent.end
    while index < len(disc.doc):
        following = disc.doc[index].sent
        if following.text.strip():
            return None if disc.in_furniture(following.start_char, following.end_char) else following
        index = following.end
    return None


def _main_subject(
    sent: Span, disc: Discourse, quotes: list[tuple[int, int]], *, labels: tuple[str, ...], named: bool = False,
) -> ActorRef | None:
    """The actor the main clause of ``sent`` is about, when it is outside quotation marks."""
    root = sent.root
    if any(_inside(root, q) for q in quotes):
        return None
    for subject in subjects_of(root):
        if any(_inside(subject, q) for q in quotes) or (named and subject.pos_ == "PRON"):
            continue
        found = disc.ref(subject)
        if found is not None and found.label in labels:
            return found
    return None


# Nouns naming what someone said: "That was the verdict of X", "The words came from X".
UTTERANCE_NOUNS = frozenset({
    "word", "verdict", "message", "view", "assessment", "warning", "remark", "comment", "answer",
    "reply", "response", "judgement", "judgment", "reaction", "plea", "promise",
})


def _utterance_owner(sent: Span, disc: Discourse) -> ActorRef | None:
    """"That was the verdict of X" / "The words came from X": X said the quotation before."""
    for token in sent:
        if token.lemma_.lower() not in UTTERANCE_NOUNS or token.pos_ != "NOUN":
            continue
        holders = [c for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "from")]
        if token.dep_ in ("nsubj", "nsubjpass"):
            holders += [c for c in token.head.children if c.dep_ == "prep" and c.lower_ == "from"]
        for prep in holders:
            found = disc.ref_any([p for p in prep.children if p.dep_ == "pobj"])
            if found is None:
                for pobj in (p for p in prep.children if p.dep_ == "pobj"):
                    if pobj.lemma_.lower() in ROLE_NOUNS:
                        owner = role_owner(pobj, disc, [])
                        found = _as_role(owner, pobj) if owner is not None else None
            if found is not None:
                return found
    return None


# -- according to X ----------------------------------------------------


def according_to_statements(sent: Span, disc: Discourse, others: list[Extraction]) -> list[Extraction]:
    """"According to X, ..." with nothing else extracted there: a statement by X."""
    if others:
        return []
    found = []
    for token in sent:
        if token.lower_ != "according" or token.head.i == token.i:
            continue
        stance = stance_of(token.head, disc)
        if not stance.origins:
            continue
        clause = token.head
        skip = {t.i for t in token.subtree}
        tokens = [t for t in clause.subtree if t.i not in skip and not t.is_space]
        while tokens and tokens[-1].is_punct:
            tokens.pop()
        if not tokens:
            continue
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        speaker = stance.origins[-1]
        found.append(Extraction(
            kind=STATEMENT, sentence=_sentence_span(sent, None), actor=speaker,
            content=TextSpan(start, end, disc.doc.text[start:end]), cue="according to",
            stance=stance.stance, origins=stance.origins, predicate="say",
        ))
    return found


# -- social posts ------------------------------------------------------


def social_posts(disc: Discourse) -> list[Extraction]:
    """Embedded posts signed "— Name (@handle) Month D, YYYY": the name said the text before it."""
    text = disc.doc.text
    found = []
    for match in _SOCIAL_SIGNATURE.finditer(text):
        content = _post_text(text, match.start())
        if content is None or disc.in_furniture(content[0], content[1]):
            continue
        name_start, name_end = match.span("name")
        name = match.group("name").strip()
        speaker = _post_speaker(disc, name, name_start, name_end)
        start, end = content
        found.append(Extraction(
            kind=STATEMENT,
            sentence=TextSpan(start, match.end(), text[start:match.end()]),
            actor=speaker,
            content=TextSpan(start, end, text[start:end]),
            cue="post",
            direct=True,
            stance=ATTRIBUTED,
            origins=[speaker],
            predicate="say",
        ))
    return found


def _post_text(text: str, signature_at: int) -> tuple[int, int] | None:
    line_start = text.rfind("\n", 0, signature_at) + 1
    start = line_start
    if not text[line_start:signature_at].strip():
        # The signature has its own line: the post is the line before it.
        previous_end = line_start - 1
        start = text.rfind("\n", 0, previous_end) + 1
    # Posts with several paragraphs are set apart by wide gaps; walk back over them.
    while True:
        gap_end = start
        gap_start = gap_end
        while gap_start > 0 and text[gap_start - 1] in "\n \t":
            gap_start -= 1
        if text[gap_start:gap_end].count("\n") < 3 or gap_start == 0:
            break
        start = text.rfind("\n", 0, gap_start) + 1
    handle = _HANDLE_PREFIX.match(text, start)
    if handle is not None and handle.end() < signature_at:
        start = handle.end()  # "@name: TEXT": the handle is the account, not what was said
    end = signature_at
    body = text[start:end]
    tail = _URL_TAIL.search(body)
    if tail:
        end = start + tail.start()
    while end > start and text[end - 1] in " \n\t":
        end -= 1
    return (start, end) if end > start else None


def _post_speaker(disc: Discourse, name: str, start: int, end: int) -> ActorRef:
    for mention in disc.actors.mentions:
        if mention.start <= start and end <= mention.end + 1:
            return ActorRef(name, mention.key, mention.label, start, end)
    return ActorRef(name, name, "PERSON", start, start + len(name))


# -- interviews ----------------------------------------------------------

# Verbs with which a reporter introduces an interview: "We asked her a few questions".
INTERVIEW_VERBS = frozenset({"ask", "interview", "question", "speak", "talk", "put"})
_SHORT_LINE = 300


def interview_answers(disc: Discourse) -> list[Extraction]:
    """Question-and-answer layout: a line ending in "?" and the line after it, the answer.

    The answer is the interviewee's: the person the reporter says they asked or spoke
    to just before the questions ("We asked her a few questions").
    """
    text = disc.doc.text
    lines = _lines(text)
    has_questions = any(_is_question_line(text[start:end]) for start, end in lines)
    found = []
    answered: set[int] = set()
    for (q_start, q_end), (a_start, a_end) in zip(lines, lines[1:]):
        question, answer = text[q_start:q_end], text[a_start:a_end]
        # In an interview, a prompt put to "you" without a question mark ("Your coach says you
        # are fast.") is a question too, unless it is itself the answer to the line before.
        is_prompt = has_questions and q_start not in answered and _is_prompt_line(question)
        if not (_is_question_line(question) or is_prompt) or not _is_answer_line(answer):
            continue
        if disc.in_furniture(q_start, q_end) or disc.in_furniture(a_start, a_end):
            continue
        speaker = _interviewee(disc, q_start)
        if speaker is None:
            continue
        answered.add(a_start)
        while a_end > a_start and text[a_end - 1] in " .":
            a_end -= 1
        found.append(Extraction(
            kind=STATEMENT, sentence=TextSpan(a_start, a_end, text[a_start:a_end]), actor=speaker,
            content=TextSpan(a_start, a_end, text[a_start:a_end]), cue="answer", direct=True,
            stance=ATTRIBUTED, origins=[speaker], predicate="say",
        ))
    return found


def _lines(text: str) -> list[tuple[int, int]]:
    """Non-blank lines as character spans, whitespace trimmed."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


def _is_question_line(line: str) -> bool:
    return line.endswith("?") and len(line) < _SHORT_LINE and not any(c in line for c in '"\u201c\u201d')


_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself)\b", re.IGNORECASE)


def _is_prompt_line(line: str) -> bool:
    """A short unquoted statement addressed to the interviewee: "Your coach says you are fast."."""
    return _is_answer_line(line) and _SECOND_PERSON.search(line) is not None


def _is_answer_line(line: str) -> bool:
    return (
        not line.endswith("?") and len(line) < _SHORT_LINE and line[:1].isupper()
        and not any(c in line for c in '"\u201c\u201d') and line[-1:] in ".!"
    )


def _interviewee(disc: Discourse, before: int) -> ActorRef | None:
    """The person a reporter asked or spoke to in the sentences before ``before``."""
    sents = [s for s in disc.sentences() if s.end_char <= before and before - s.end_char < 1500]
    for sent in reversed(sents):
        for verb in sent:
            if verb.lemma_.lower() not in INTERVIEW_VERBS or verb.pos_ != "VERB":
                continue
            people = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
            people += [p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("with", "to")
                       for p in c.children if p.dep_ == "pobj"]
            for person in people:
                found = disc.ref(person)
                if found is not None and found.label == "PERSON":
                    return full_name(found, disc)
    return None


# -- spans -------------------------------------------------------------


def _text_span(disc: Discourse, quote: tuple[int, int]) -> TextSpan:
    return TextSpan(quote[0], quote[1], disc.doc.text[quote[0]:quote[1]])


def _subtree(token: Token) -> TextSpan:
    tokens = [t for t in token.subtree if not t.is_space]
    while tokens and tokens[-1].is_punct and tokens[-1].text not in ('"', "\u201d", ")", "]"):
        tokens.pop()
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return TextSpan(start, end, token.doc.text[start:end])


def _sentence_span(sent: Span, content: TextSpan | None) -> TextSpan:
    start, end = sent.start_char, sent.end_char
    if content is not None:
        start, end = min(start, content.start), max(end, content.end)
    doc = sent.doc
    return TextSpan(start, end, doc.text[start:end])

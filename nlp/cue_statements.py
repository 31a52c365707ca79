"""Statements found by a cue verb or "according to".

A cue verb with a quotation or a that-clause ("X said ...", "'...,' X told
reporters", "X said in a statement"), a document as speaker ("a White House
readout said"), denials ("rejected the demand"), no comment (responses.py), and
"according to X" when nothing else in the sentence was extracted.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from . import predicates
from .datelines import dateline_end
from .demand_words import DEMAND_VERBS
from .discourse import Discourse, agent_of, is_negated, subject_of, subjects_of
from .states import is_state
from .model import doc_text
from .quotations import in_quotes, inside, quotes_in, sentence_span, subtree_span, text_span
from .responses import fill_discussed_demand, is_no_comment, names_a_demand, no_comment_from
from .speakers import speaker_of
from .speech_words import CUE_VERBS, PHRASAL_CUE_VERBS
from .stance import DENY_VERBS, OBJECT_CUES, QUOTE_ONLY_CUES, UNNAMED_ACCORDING, Stance, stance_of
from .types import ASSERTED, ATTRIBUTED, DENIED, HEDGED, PARTY_LABELS, STATEMENT, ActorRef, Extraction
from .types import Span as TextSpan


def find_statements(sent: Span, disc: Discourse, quotes: list[tuple[int, int]]) -> list[Extraction]:
    found: list[Extraction] = []
    for token in sent:
        if token.pos_ not in ("VERB", "AUX"):
            continue
        lemma = token.lemma_.lower()
        if is_no_comment(token):
            found.append(no_comment_from(token, disc, quotes))
        elif lemma in CUE_VERBS or _is_phrasal_cue(token):
            found.extend(statements_from(token, disc, quotes))
    return [f for f in found if f is not None]


def _name_hung_on_the_quotation(subjects: list[Token], quotes: list[tuple[int, int]]) -> list[Token]:
    """ '"Progress, but no agreement," Jane Roe, the head of the office, wrote': the parser makes
    the quotation the subject and hangs the name on it as an apposition. The name is the speaker."""
    if len(subjects) != 1 or not in_quotes(subjects[0], quotes):
        return subjects
    names = [c for c in subjects[0].children if c.dep_ == "appos" and c.pos_ == "PROPN" and not in_quotes(c, quotes)]
    return names[:1] or subjects


def _is_phrasal_cue(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    return any((lemma, child.lower_) in PHRASAL_CUE_VERBS for child in verb.children if child.dep_ == "prt")


def statements_from(cue: Token, disc: Discourse, quotes: list[tuple[int, int]]) -> list[Extraction]:
    lemma = cue.lemma_.lower()
    if lemma in ("call", "urge") and any(c.dep_ == "prep" and c.lower_ in ("for", "on") for c in cue.children):
        return []  # "call for", "urge on": demands, not statements
    if is_negated(cue):
        return []  # "did not say", "has not confirmed or denied": no statement made
    if not _is_speech_act(cue, quotes):
        return []
    speakers = _name_hung_on_the_quotation(subjects_of(cue), quotes) or [t for t in [agent_of(cue)] if t is not None]
    if not speakers and cue.dep_ == "advcl" and cue.tag_ == "VBG":
        speakers = subjects_of(cue.head)  # "X called for ..., saying ...": X is saying it
    if not speakers and _quoted_as_saying(cue):
        speakers = subjects_of(cue.head.head)  # "X was quoted by Y as saying ...": X is saying it
    if not speakers:
        before = _speaker_before_cue(cue, disc)
        if before is None:
            return []
        speakers = [before]
    if speakers[0].lower_ in ("this", "that", "which", "there"):
        return []
    speaker_token = speakers[0]
    excluded = {t.i for s in speakers for t in s.subtree} | _nested_cue_tokens(cue, quotes)
    governed = [
        q for q in quotes_in((t for t in cue.subtree if t.i not in excluded), quotes) if not inside(cue, q)
    ]
    speaker = disc.party(speaker_of(speaker_token, speakers, disc, quotes, governed))
    if speaker is None and speaker_token.lower_ == "it":
        return []  # "It said ..." of a report or a plan: only an organisation or a state speaks
    contents: list[tuple[TextSpan, bool]] = [(text_span(disc, q), True) for q in governed]
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
            sentence=sentence_span(cue.sent, content),
            actor=speaker,
            content=content,
            cue=lemma,
            direct=direct,
        )
        unnamed = _is_unnamed_source(speaker_token)
        _apply_statement_stance(extraction, stance, None if unnamed else speaker, denying=lemma in DENY_VERBS)
        if unnamed and extraction.stance in (ASSERTED, ATTRIBUTED) and not extraction.origins:
            extraction.stance = HEDGED  # "sources close to X say": X's side, vouched for by no one named
        _add_relaying_agent(extraction, cue, disc)
        _fill_topic(extraction, cue, disc)
        extraction.target = extraction.target or party_accused(cue, disc)
        if extraction.stance == DENIED and extraction.predicate == "deny" and names_a_demand(content, cue):
            # "rejected the demand", "dismissed calls to step down": the denial answers a demand.
            extraction.predicate = ""
            fill_discussed_demand(extraction, cue.sent, disc)
            extraction.predicate = extraction.predicate or "deny"
        found.append(extraction)
    return found


# "was quoted as saying", "was cited as saying", "was reported as saying".
_QUOTING_VERBS = frozenset({"quote", "cite", "report"})


def _quoted_as_saying(cue: Token) -> bool:
    """ "X was quoted by the Tass news agency as saying ...": the cue hangs on "as", under a
    passive verb of quoting whose subject is the speaker (and whose agent relays it)."""
    head = cue.head
    return (
        cue.tag_ == "VBG" and cue.dep_ == "pcomp" and head.lower_ == "as"
        and head.head.lemma_.lower() in _QUOTING_VERBS
    )


def _add_relaying_agent(extraction: Extraction, cue: Token, disc: Discourse) -> None:
    """ "quoted by the Tass news agency as saying": the agency relays the statement, an origin
    beside the speaker (two outlets quoting Tass are one origin)."""
    if not _quoted_as_saying(cue):
        return
    relay = disc.ref(agent_of(cue.head.head))
    if relay is not None and all(o.key != relay.key for o in extraction.origins):
        extraction.origins.append(relay)


def _speaker_before_cue(cue: Token, disc: Discourse) -> Token | None:
    """"..., the Directorate-General for X (DG X) said ...": the parser lost the subject;
    the name that ends right before the cue verb is the speaker."""
    if cue.dep_ != "ROOT" or cue.i == cue.sent.start:
        return None
    previous = cue.doc[cue.i - 1]
    if previous.text == ")" and previous.i > cue.sent.start:
        previous = cue.doc[previous.i - 1]
    if previous.text == "," and previous.i > cue.sent.start and cue.doc[previous.i - 1].pos_ == "PROPN":
        # "Asked about X, the head of the delegation, Jane Roe, said ...": the opening clause took
        # the subject as an apposition; the name closing with a comma right before the verb speaks.
        previous = cue.doc[previous.i - 1]
    if previous.is_punct or previous.pos_ not in ("PROPN", "NOUN"):
        return None
    return previous if disc.ref(previous) is not None else None


def _is_speech_act(cue: Token, quotes: list[tuple[int, int]]) -> bool:
    """A cue verb used as a speech act, not "unwilling to acknowledge", "allow X to maintain"."""
    if _quoted_as_saying(cue):
        return True
    if cue.dep_ == "ccomp" and cue.tag_ in ("VB", "VBP") and cue.head.lemma_.lower() in DEMAND_VERBS:
        return False  # "demanded that Y explain how ...": what Y is asked to say, not what it said
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
        if in_quotes(token, quotes):
            continue  # a cue inside the quotation is part of what was quoted
        if subject_of(token) is not None and token.dep_ != "conj":
            nested |= {t.i for t in token.subtree}
    return nested


def _is_unnamed_source(speaker: Token) -> bool:
    """ "Sources close to the port authority say ...": people who are not named, and not on the record."""
    return speaker.pos_ == "NOUN" and speaker.lemma_.lower() == "source"


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
    return [TextSpan(start, end, doc_text(cue.doc)[start:end]), *(subtree_span(j) for j in joined)]


def _reported_content(cue: Token) -> TextSpan | None:
    for child in cue.children:
        if child.dep_ == "ccomp":
            return _without_dateline(subtree_span(child), child)
    charge = _what_a_party_is_accused_of(cue)
    if charge is not None:
        return charge
    if cue.lemma_.lower() in OBJECT_CUES:
        for child in cue.children:
            if child.dep_ == "dobj" and child.pos_ != "PRON":
                return subtree_span(child)
    return _clause_hung_on_setting(cue) or _clause_before_inserted_cue(cue)


# Verbs that charge a party with something: "accused Y of breaking the deal", "blamed Y for the
# collapse of the talks". The charge is what is said; the party charged is the statement's target.
ACCUSING_VERBS = {"accuse": "of", "blame": "for"}


def _what_a_party_is_accused_of(cue: Token) -> TextSpan | None:
    preposition = ACCUSING_VERBS.get(cue.lemma_.lower())
    if preposition is None or not any(c.dep_ == "dobj" for c in cue.children):
        return None
    phrase = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ == preposition), None)
    charge = next((c for c in phrase.children if c.dep_ in ("pcomp", "pobj")), None) if phrase is not None else None
    return subtree_span(charge) if charge is not None else None


def party_accused(cue: Token, disc: Discourse) -> ActorRef | None:
    """The party an accusing verb charges: its object ("accused Ukraine of ...")."""
    if cue.lemma_.lower() not in ACCUSING_VERBS:
        return None
    charged = next((c for c in cue.children if c.dep_ == "dobj"), None)
    return disc.party(disc.ref(charged)) if charged is not None else None


def _without_dateline(content: TextSpan, clause: Token) -> TextSpan:
    """ "SEOUL, March 10 (Yonhap) -- X will ..., the ministry said": the parser hangs the dateline
    on the reported clause, but it says where the story was filed, not what was said."""
    mark = dateline_end(clause.doc[clause.left_edge.i : clause.i + 1])
    if mark is None or mark.idx < content.start:
        return content
    start = next((t.idx for t in clause.doc[mark.i + 1 : clause.i + 1] if not t.is_space), None)
    if start is None:
        return content
    text = doc_text(clause.doc)
    return TextSpan(start, content.end, text[start : content.end])


def _clause_hung_on_setting(cue: Token) -> TextSpan | None:
    """ "X told the BBC in an interview that the talks had resumed": the parser hangs the
    that-clause on the setting ("interview", "news conference") instead of on the cue."""
    for prep in (c for c in cue.children if c.dep_ == "prep"):
        for setting in (c for c in prep.children if c.dep_ == "pobj"):
            for clause in setting.children:
                if (
                    clause.dep_ in ("acl", "ccomp")
                    and any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)
                    and any(s.dep_ in ("nsubj", "nsubjpass") for s in clause.children)
                ):
                    return subtree_span(clause)
    return None


def _clause_before_inserted_cue(cue: Token) -> TextSpan | None:
    """ "The board is reviewing the data, an official said, speaking on condition of anonymity":
    a cue set off by commas after the clause it reports, parsed as an aside to that clause."""
    clause = cue.head
    if cue.dep_ != "parataxis" or clause.i > cue.i or clause.pos_ not in ("VERB", "AUX"):
        return None
    comma = cue.left_edge.i if cue.left_edge.text == "," else cue.left_edge.i - 1
    if comma <= clause.left_edge.i or cue.doc[comma].text != ",":
        return None
    tokens = [t for t in cue.doc[clause.left_edge.i : comma] if not t.is_space]
    while tokens and tokens[0].is_punct:
        tokens.pop(0)
    if len(tokens) < 3:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return TextSpan(start, end, doc_text(cue.doc)[start:end])


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


def according_to_statements(sent: Span, disc: Discourse, others: list[Extraction]) -> list[Extraction]:
    """"According to X, ..." with nothing else extracted there: a statement by X."""
    if others:
        return []
    found = []
    for token in sent:
        if token.lower_ != "according" or token.head.i == token.i:
            continue
        stance = stance_of(token.head, disc)
        if stance.origins:
            speaker = _body_a_named_origin_reports_on(token.head, stance.origins[-1], disc) or stance.origins[-1]
        else:
            speaker = _unnamed_source_side(token, disc) or _party_reported_on(token.head, disc)
        if speaker is None:
            continue
        clause = token.head
        skip = {t.i for t in token.subtree}
        tokens = [t for t in clause.subtree if t.i not in skip and not t.is_space]
        while tokens and tokens[-1].is_punct:
            tokens.pop()
        if not tokens:
            continue
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        found.append(Extraction(
            kind=STATEMENT, sentence=sentence_span(sent, None), actor=speaker,
            content=TextSpan(start, end, doc_text(disc.doc)[start:end]), cue="according to",
            stance=stance.stance, origins=stance.origins, predicate="say",
        ))
    return found


def _unnamed_source_side(according: Token, disc: Discourse) -> ActorRef | None:
    """ "According to two Isgarian officials, ...": hedged (no named origin), but said for the side
    the officials are of: a state or an organisation, not the city they are in ("diplomats in
    Geneva")."""
    for to in according.children:
        for pobj in to.children:
            if pobj.dep_ == "pobj" and pobj.pos_ == "NOUN" and pobj.lemma_.lower() in UNNAMED_ACCORDING:
                side = disc.party(disc.ref(pobj))
                if side is not None and (side.label == "ORG" or is_state(side.key)):
                    return side
    return None


def _body_a_named_origin_reports_on(clause: Token, origin: ActorRef, disc: Discourse) -> ActorRef | None:
    """ "According to Le Monde, the regulator's inspectors found ...", "X offered to pay, according
    to people familiar with the talks" under a headline credited to Reuters: the named origin
    relays what a body or state did or holds, and the claim is that body's, credited to the origin
    (the stance keeps it). Not when the subject is the origin's own side ("according to the
    ministry, it will appeal"), a person (often whom the report is about, not who acts), or a place."""
    subject = subject_of(clause)
    found = disc.party(_named_or_owned_by(subject, disc)) if subject is not None else None
    if found is None or found.label not in ("ORG", "GPE") or (found.label == "GPE" and not is_state(found.key)):
        return None
    return None if disc.state_or_key(found) == disc.state_or_key(origin) else found


def _named_or_owned_by(subject: Token, disc: Discourse) -> ActorRef | None:
    """The party a subject names, or the one it belongs to: "the regulator's inspectors"."""
    found = disc.ref(subject)
    if found is None and subject.pos_ == "NOUN":
        owner = next((c for c in subject.children if c.dep_ == "poss"), None)
        found = disc.ref(owner) if owner is not None else None
    return found


def _party_reported_on(clause: Token, disc: Discourse) -> ActorRef | None:
    """ "X offered to pay part of the arrears, according to two people familiar with the talks":
    with no one named for it, what is reported is the subject's, hedged (as "sources say X has
    warned ..." is X's)."""
    subject = subject_of(clause)
    found = disc.party(disc.ref(subject)) if subject is not None else None
    return found if found is not None and found.label in PARTY_LABELS else None

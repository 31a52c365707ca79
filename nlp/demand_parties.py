"""Who the parties of a demand are: the trigger's subjects, and the actor a token names.

``party_ref`` resolves a demand's subject or object to an actor, reading the
descriptions the discourse layer leaves open: a proper name the entity recogniser
missed ("Dokbond has called on ..."), a body named in a modifier ("UN agencies"),
an armed force ("the army"), a coalition's leader ("groups, led by X"), a person's
group ("her union"), "the government", and a noun the article uses for a named
organisation ("the union", "the commission"). ``_subjects`` finds the trigger's
subjects, passing over datelines the parser took for one.
"""
from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Token

from .actor_words import (
    GENERIC_BODY_WORDS, PERSON_TITLES, PLACE_PREPOSITIONS, is_generic_body_word, is_organisation_ending,
    names_a_regulating_body,
)
from .actors import main_city
from .affiliations import court_named_before
from .aliases import is_acronym_of
from .demand_readers import _child, _prep
from .demand_words import DEMAND_VERBS
from .discourse import (
    Discourse, agent_of, has_definite_article, is_apposition, is_dateline_mark, name_heads, name_word_holds,
    subjects_of,
)
from .model import doc_text
from .speech_words import CUE_VERBS
from .states import is_state
from .types import ActorRef, Mention


def _is_bare_complement(verb: Token) -> bool:
    """A bare infinitive in the clause of a demand verb: "demanded that Acme Mining *pay*"."""
    return verb.tag_ in ("VB", "VBP") and verb.dep_ == "ccomp" and verb.head.lemma_.lower() in DEMAND_VERBS


def _subjects(trigger: Token) -> list[Token]:
    """The trigger's subjects; "wrote to X, asking it to ...": a participle takes its governor's subject."""
    found = subjects_of(trigger)
    if trigger.dep_ == "relcl" and found and found[0].lower_ in ("which", "who", "that"):
        found = [trigger.head]  # "The United States, which in May called on ...": the noun it qualifies
    if not found and trigger.dep_ == "advcl" and trigger.tag_ == "VBG" and trigger.head.pos_ in ("VERB", "AUX"):
        found = subjects_of(trigger.head)
    if trigger.dep_ == "conj" and _is_bare_complement(trigger.head) and trigger.tag_ in ("VBZ", "VBD"):
        # "has demanded that Acme Mining pay X, and wants the company to pay Y": "wants" cannot go with the
        # bare "pay" it was hung on; it goes on from the demand verb above.
        found = subjects_of(trigger.head.head)
    if not found and trigger.dep_ == "acl" and trigger.head.pos_ in ("NOUN", "PROPN"):
        # "The X Coalition, a grouping of NGOs, called on ...": a finite verb the parser took
        # for a participle modifying its subject (or the apposition set beside it).
        subject, through_apposition = trigger.head, False
        # Up through "a grouping of NGOs" or "groups, led by X," to the noun the clause is about.
        while subject.dep_ in ("pobj", "prep", "agent", "appos", "acl") and subject.head.i != subject.i:
            through_apposition = through_apposition or subject.dep_ == "appos"
            subject = subject.head
        after_comma = trigger.i > 0 and trigger.nbor(-1).text == ","
        if trigger.tag_ == "VBD" or (trigger.tag_ == "VBN" and through_apposition and after_comma):
            found = [subject]
    if not found and trigger.dep_ == "acl" and trigger.tag_ == "VBG":
        found = _issuers_of(trigger.head)
    if not found and trigger.pos_ == "NOUN" and trigger.dep_ == "ROOT" and name_before(trigger) is not None:
        found = [name_before(trigger)]  # "Uniprof-POA demands that ...": the verb taken for a noun
    if not found and trigger.dep_ == "ROOT" and (name := _name_right_before(trigger)) is not None:
        found = [name]
    return _without_datelines(found)


def _name_right_before(verb: Token) -> Token | None:
    """ "The Rio Grande do Sul Court of Justice (TJRS) has ordered X to ...", parsed with "do" as a
    verb and no subject for "ordered": a finite main verb with no subject at all takes the name
    written right before it (past its auxiliaries, adverbs and a bracketed acronym)."""
    i = verb.i - 1
    sent_start = verb.sent.start
    while i >= sent_start:
        token = verb.doc[i]
        if token.text == ")":
            opening = next((j for j in range(i - 1, max(sent_start, i - 4) - 1, -1) if verb.doc[j].text == "("), None)
            if opening is None:
                return None
            i = opening - 1
            continue
        if token.dep_ in ("aux", "auxpass", "neg", "advmod") or token.text == ",":
            i -= 1
            continue
        return token if token.pos_ == "PROPN" else None
    return None


def name_before(token: Token) -> Token | None:
    """The compound modifier right before a noun, when it is a proper name."""
    before = [t for t in token.lefts if t.dep_ == "compound" and t.i == token.i - 1]
    return before[0] if before and before[0].pos_ == "PROPN" else None


def reporter_going_on(trigger: Token) -> Token | None:
    """ "X said the offer was fair and urged Y to ...", "X told a rally that the ministry had refused
    to negotiate and called on Y to ...", "X demanded that Y explain how its drone came down and called
    on it to apologise": the parser hangs the demand verb on the last verb of the clause reported, but
    in the tense of the verb reporting or demanding it, with no subject of its own, it goes on from that
    verb's subject. Used when the clause's own subject names no party."""
    if trigger.dep_ != "conj" or trigger.tag_ not in ("VBD", "VBZ"):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in trigger.children):
        return None
    node = trigger.head
    for _ in range(8):  # up through the clauses, never round a malformed tree
        if node.dep_ in ("conj", "xcomp") and node.head.i != node.i:
            node = node.head
        elif node.dep_ == "ccomp":
            report = node.head
            lemma = report.lemma_.lower()
            if (lemma in CUE_VERBS or lemma in DEMAND_VERBS) and report.tag_ == trigger.tag_:
                return report if report.i < trigger.i else None
            node = report  # "demanded that Y *explain* how ...": a bare verb in between
        else:
            return None
    return None


# Documents that make a demand for whoever issued them: "an open letter urging X to ...".
_DEMANDING_DOCUMENTS = frozenset({
    "letter", "statement", "resolution", "petition", "motion", "declaration", "communique",
    "communiqué", "appeal", "note", "memo", "report", "notice", "directive", "circular", "decree",
    "order", "ruling", "summons",
})
# Verbs whose subject issues the document they take: not "received a letter urging ...".
_ISSUING_VERBS = frozenset({
    "sign", "co-sign", "cosign", "adopt", "issue", "publish", "send", "release", "pass", "write",
    "pen", "draft", "deliver", "submit", "table", "circulate", "approve", "endorse", "back", "post",
})


def _issuers_of(document: Token) -> list[Token]:
    """"X signed an open letter urging Y to ...", "X adopted a resolution calling on Y": the letter
    urges what its signers urge, so the subjects of the verb that issued it make the demand."""
    if document.lemma_.lower() not in _DEMANDING_DOCUMENTS or document.dep_ != "dobj":
        return []
    verb = document.head
    if verb.lemma_.lower() not in _ISSUING_VERBS:
        return []
    return subjects_of(verb)


def _without_datelines(subjects: list[Token]) -> list[Token]:
    """Subjects with a dateline the parser took for one dropped ("Zenda, May 8 (RNA).- The Front
    reiterated") or replaced by the name it set beside it ("Zenda City, 14 March — The X Forum called")."""
    kept = []
    for subject in subjects:
        if not _is_dateline(subject):
            kept.append(subject)
            continue
        kept += [
            c for c in subject.children
            if c.dep_ == "appos" and c.ent_type_ not in ("DATE", "TIME") and not _bracketed(c)
        ]
    return kept or subjects


def _is_dateline(token: Token) -> bool:
    """"Zenda, May 8 (RNA).- The Front reiterated ...": the place a story was filed from, which the
    parser may make a second subject, opens its line and is followed by a date or a credit."""
    line_start = token.left_edge.idx == 0 or doc_text(token.doc)[token.left_edge.idx - 1] == "\n"
    following = token.doc[token.i + 1 : token.i + 5]
    return line_start and any(t.ent_type_ == "DATE" or is_dateline_mark(t) for t in following)


# -- who a description names --------------------------------------------

# Nouns for a state's executive: "urged the government to ...", "pressing the authorities".
_GOVERNMENT_NOUNS = frozenset({"government", "authorities", "administration", "regime", "cabinet", "executive"})


def party_ref(token: Token | None, disc: Discourse) -> ActorRef | None:
    """The actor a demand's subject or object denotes, reading descriptions the discourse layer leaves open."""
    if token is None:
        return None
    if token.pos_ == "PROPN" and token.text[:1].isupper() and has_definite_article(token):
        # "addressed the Government with a request": capitalised, it is still no name of its own.
        government = _government_of(token, disc)
        if government is not None:
            return ActorRef(token.text, government.key, "GPE", token.idx, token.idx + len(token.text))
    if token.pos_ == "NOUN":
        person = person_in_apposition(token, disc)
        if person is not None:
            return person  # "the union's general secretary, Ana Ruiz, urged": she, not the union
        # "United Nations agencies": the body named inside the phrase beats any guess from further off.
        named = _named_in_modifier(token, disc) or _armed_forces_named(token, disc)
        if named is not None:
            return ActorRef(token.text, named.key, named.label, token.idx, token.idx + len(token.text))
    return disc.ref(token) or _described_party(token, disc)


def person_in_apposition(token: Token, disc: Discourse) -> ActorRef | None:
    """"Budget commissioner Maria Okafor said", "The union's general secretary, Ana Ruiz, urged":
    a title (or a title the model tagged as an organisation) is the person named beside it."""
    if token.pos_ != "NOUN":
        return None
    for child in token.children:
        if child.dep_ == "appos":
            found = disc.ref(child)
            if found is not None and found.label == "PERSON":
                return found
            if found is None and token.lower_ in PERSON_TITLES:
                return _name_the_model_missed(child)
    return _person_after_title_of(token, disc) if token.lower_ in PERSON_TITLES else None


def _person_after_title_of(title: Token, disc: Discourse) -> ActorRef | None:
    """ "the president of the union, Jane Roe, said": the parser hangs the name on the body, but a
    person set beside a body after "<title> of" is the one who holds the title."""
    for prep in title.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for body in prep.children:
            for child in body.children:
                found = disc.ref(child) if child.dep_ == "appos" else None
                if found is not None and found.label == "PERSON":
                    return found
                if found is not None and _reads_as_personal_name(found):
                    # The model often takes a foreign or rare personal name for an organisation.
                    return ActorRef(found.text, found.key, "PERSON", found.start, found.end)
    return None


def _reads_as_personal_name(ref: ActorRef) -> bool:
    """Two or three capitalised words, none of them a word for a body ("Jane Roe", not "Acme Union")."""
    words = ref.text.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() and not w.isupper() for w in words) \
        and not any(w.casefold() in GENERIC_BODY_WORDS for w in words)


def _name_the_model_missed(head: Token) -> ActorRef | None:
    """ "the union's general secretary, Ana Ruiz, said": set beside a person's title between commas,
    two or three capitalised words the entity recogniser left untagged are a person's name."""
    words = [t for t in head.lefts if t.dep_ == "compound"] + [head]
    if not 2 <= len(words) <= 3 or words[-1].i - words[0].i != len(words) - 1:
        return None
    if any(t.pos_ != "PROPN" or not t.text[:1].isupper() or t.text.isupper() or t.ent_type_ for t in words):
        return None
    if words[0].i == 0 or head.doc[words[0].i - 1].text != ",":
        return None
    start, end = words[0].idx, head.idx + len(head.text)
    name = doc_text(head.doc)[start:end]
    return ActorRef(name, name, "PERSON", start, end)


def party_ref_any(tokens: list[Token], disc: Discourse) -> ActorRef | None:
    for token in tokens:
        found = party_ref(token, disc)
        if found is not None:
            return found
    return None


def is_description(token: Token) -> bool:
    """A common noun, or a title capitalised as a common noun ("the President stated",
    "the Minister said": the parser tags it a proper noun, but it describes the post's holder)."""
    return token.pos_ == "NOUN" or (
        token.pos_ == "PROPN" and token.lower_ in PERSON_TITLES and has_definite_article(token)
    )


def holder_of_title(token: Token, disc: Discourse) -> ActorRef | None:
    """ "the President stated", "the minister said": the person the article last named with that
    title, before the name ("President Anna Berg", "Transport Minister Ana Ruiz") or beside it
    ("Ana Ruiz, the transport minister")."""
    if token.lower_ not in PERSON_TITLES or not has_definite_article(token):
        return None
    titles = _titles_meant(token)
    text = doc_text(token.doc)
    for mention in reversed(disc.actors.mentions):
        if mention.label != "PERSON" or mention.start >= token.idx:
            continue
        before = text[max(mention.sentence_start, mention.start - 80) : mention.start].lower().split()
        span = token.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        beside = [c.lower_ for c in span.root.children if c.dep_ == "appos"] if span is not None else []
        words = set(before[-3:]) | set(mention.text.lower().split()) | set(beside) | _title_before_portfolio(before)
        if titles & words:
            return ActorRef(token.text, mention.key, mention.label, token.idx, token.idx + len(token.text))
    return None


def _title_before_portfolio(before: list[str]) -> set[str]:
    """ "the Minister of Water Resources and Irrigation Nurlan Zhaksybekov": the title is the word
    before the portfolio's "of", further back than a title right before the name."""
    tail = before[-12:]  # "Minister of Foreign Affairs of the Republic of X": every word before an "of"
    return {tail[k - 1] for k, word in enumerate(tail) if word == "of" and k > 0}


# "the Head of State", "the head of government": the posts the phrase stands for in most states.
_HEADS_OF = {"state": {"president", "king", "queen", "emir", "sultan", "monarch"},
             "government": {"prime", "premier", "chancellor"}}


def _titles_meant(token: Token) -> set[str]:
    """The title words that name the post: "minister" for "the minister"; "president" (or a
    monarch's title) for "the Head of State", "prime" (minister) for "the head of government"."""
    doc = token.doc
    if token.lower_ == "head" and token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "of":
        return _HEADS_OF.get(doc[token.i + 2].lower_, set()) | {"head"}
    return {token.lower_}


def _described_party(token: Token, disc: Discourse) -> ActorRef | None:
    if token.pos_ == "PROPN":
        # "The Head of State also demanded": the holder the article named; "The Ministry reiterates
        # its request": the body the article names so (as a bare name of its own, the corpus would
        # find it in whichever story's ministry it met first); else the words as a name.
        return (
            holder_of_title(token, disc) or _members_of_body(token, disc) or body_named_in_article(token, disc)
            or _unrecognised_name(token, disc)
        )
    if token.pos_ != "NOUN":
        return None
    held = holder_of_title(token, disc)  # "the minister demanded"
    if held is not None:
        return held
    found = (
        _members_of_body(token, disc)
        or _named_in_modifier(token, disc)
        or _leader_of_group(token, disc)
        or _government_of(token, disc)
        or city_of(token, disc)
        or _group_of_member(token, disc)
        or _named_elsewhere(token, disc)
        or _body_of_its_members(token, disc)
        or _court_of_its_judges(token, disc)
    )
    if found is None:
        return None
    return ActorRef(token.text, found.key, found.label, token.idx, token.idx + len(token.text))


# "MEPs", "MSPs": "M" for members, then the initials of the body, then the plural "s".
_MEMBERS_OF = re.compile(r"^M([A-Z]{2,})s$")


def _members_of_body(token: Token, disc: Discourse) -> ActorRef | None:
    """"MEPs adopted a resolution ...": the members acting together are the body whose initials
    follow the "M" (the one organisation the article names with those initials)."""
    match = _MEMBERS_OF.match(token.text)
    if match is None:
        return None
    bodies = {
        m.key: m for m in disc.actors.mentions
        if m.label == "ORG" and (is_acronym_of(match.group(1), m.key) or is_acronym_of(match.group(1), m.text))
    }
    if len(bodies) != 1:
        return None
    body = next(iter(bodies.values()))
    return ActorRef(token.text, body.key, body.label, token.idx, token.idx + len(token.text))


# Entity types that never make or receive a demand.
_NOT_PARTIES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "LAW", "EVENT"})


def body_named_in_article(token: Token, disc: Discourse) -> ActorRef | None:
    """The body of the article whose name is built on a bare generic word ("the Ministry" -> "Ministry
    of Defence of the Republic of X"), the nearest before it when several are."""
    if not is_generic_body_word(token.text) or any(c.dep_ == "compound" for c in token.children):
        return None
    word = token.lower_
    named = [
        m for m in disc.actors.mentions
        if m.label in ("ORG", "GPE") and len(m.text.split()) > 1
        and any(name_word_holds(h, word) for h in name_heads(m.text))
    ]
    if not named:
        return None
    before = [m for m in named if m.start < token.idx]
    mention = before[-1] if before else min(named, key=lambda m: m.start)
    return ActorRef(token.text, mention.key, mention.label, token.idx, token.idx + len(token.text))


def _unrecognised_name(token: Token, disc: Discourse) -> ActorRef | None:
    """A proper name the entity recogniser missed here ("Dokbond has called on ..."): the one
    who demands, or of whom it is demanded, is a party. The article's own key for the same
    words is used when it has one; otherwise the name stands as an organisation."""
    if token.ent_type_ in _NOT_PARTIES or not token.text[:1].isupper() or len(token.text) < 2:
        return None
    if token.text.isupper() and len(token.text) > 6:
        return None  # a word of an upper-case headline, not an acronym
    words = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [token]
    start, end = words[0].idx, token.idx + len(token.text)
    name = doc_text(token.doc)[start:end]
    if name.isupper() and (start == 0 or doc_text(token.doc)[start - 1] == "\n"):
        return None  # "PORT SUDAN, May 20 (Reuters) -": a dateline, where the story was filed
    for mention in disc.actors.mentions:
        if mention.text == name or mention.key == name:
            return ActorRef(name, mention.key, mention.label, start, end)
    return ActorRef(name, name, "ORG", start, end)


def _named_in_modifier(token: Token, disc: Discourse) -> ActorRef | None:
    """"UN agencies", "the Dokbond union": a body named in the noun's modifier acts through it."""
    # Nearest modifier first; a bracketed one is a dateline's credit ("(Reuters) - UN agencies").
    for child in sorted(token.lefts, key=lambda c: -c.i):
        if child.dep_ not in ("compound", "nmod") or child.pos_ != "PROPN" or _bracketed(child):
            continue
        if _before_hyphenated_participle(child):
            continue  # "the UN-backed monitor", "a Saudi-led coalition": backed by the body, not the body
        found = disc.actors.ref_for(child) or (_unrecognised_name(child, disc) if child.dep_ == "compound" else None)
        if found is not None and found.label in ("ORG", "GPE"):
            return found
    return None


def _before_hyphenated_participle(token: Token) -> bool:
    """"UN-backed", "Saudi-led", "state-owned": a name joined by a hyphen to a past participle."""
    doc = token.doc
    return (
        token.i + 2 < len(doc)
        and doc[token.i + 1].text == "-"
        and not token.whitespace_
        and doc[token.i + 2].tag_ in ("VBN", "VBD")
    )


_MILITARY_NOUNS = frozenset({"army", "military"})
_ARMED_FORCES_WORDS = ("armed forces", "army", "military", "defence forces", "defense forces")


def _armed_forces_named(token: Token, disc: Discourse) -> ActorRef | None:
    """"the Freedonian army" when the article names "the Freedonian Armed Forces": the force, not the state."""
    if token.lemma_.lower() not in _MILITARY_NOUNS:
        return None
    qualifiers = {c.lower_ for c in token.children if c.dep_ in ("amod", "compound", "poss")}
    forces = {
        mention.key: mention for mention in disc.actors.mentions
        if mention.label == "ORG" and any(w in mention.key.lower() for w in _ARMED_FORCES_WORDS)
    }
    if qualifiers:
        forces = {key: m for key, m in forces.items() if key.lower().split()[0] in qualifiers}
    # "the army" alone: the one armed force the article names, if it names only one.
    if len(forces) != 1:
        return None
    mention = next(iter(forces.values()))
    return ActorRef(mention.text, mention.key, mention.label, mention.start, mention.end)


def _bracketed(token: Token) -> bool:
    return (token.i > 0 and token.nbor(-1).text == "(") or any(c.text == "(" for c in token.lefts)


def _leader_of_group(token: Token, disc: Discourse) -> ActorRef | None:
    """"patient groups, led by the X Forum": the named leader speaks for the coalition."""
    for child in token.children:
        if child.dep_ != "acl":
            continue
        lemma = child.lemma_.lower()
        if lemma in ("lead", "head", "spearhead", "represent"):
            found = party_ref(agent_of(child), disc)
        elif lemma in ("organize", "organise", "group", "unite", "gather"):
            # "relatives of the soldiers, organised in an association known as X"
            place = _prep(child, "in")
            found = party_ref(_child(place, "pobj"), disc) if place is not None else None
        elif lemma in ("know", "call", "name"):
            # "an association known as X"
            as_ = _prep(child, "as")
            name = _child(as_, "pobj") if as_ is not None else _child(child, "oprd")
            found = party_ref(name, disc)
        else:
            continue
        if found is not None and found.label in ("ORG", "GPE"):
            return found
    return None


_GROUP_NOUNS = frozenset({
    "group", "organisation", "organization", "union", "association", "party", "movement",
    "coalition", "forum", "network", "federation", "campaign", "alliance",
})


def _group_of_member(token: Token, disc: Discourse) -> ActorRef | None:
    """"her group", "his union": the organisation the article names the person as belonging to
    ("X, convenor of the Y Forum", "Y chairman X")."""
    if token.lemma_.lower() not in _GROUP_NOUNS:
        return None
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    person = disc.ref(owner) if owner is not None else None
    if person is None or person.label != "PERSON":
        return None
    for mention in disc.actors.mentions:
        if mention.key != person.key:
            continue
        span = token.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        found = _organisation_beside(span.root, disc)
        if found is not None:
            return found
    return None


def _organisation_beside(name: Token, disc: Discourse) -> ActorRef | None:
    """The organisation in a person's title: "X, convenor of Y", "Y chairman X"."""
    for role in name.children:
        if role.dep_ == "appos":
            for prep in role.children:
                if prep.dep_ == "prep" and prep.lower_ in ("of", "at", "for"):
                    found = party_ref(_child(prep, "pobj"), disc)
                    if found is not None and found.label in _BODY_LABELS:
                        return found
        if role.dep_ == "compound" and role.pos_ == "NOUN":
            for owner in role.children:
                if owner.dep_ == "compound" and owner.pos_ == "PROPN":
                    found = disc.actors.ref_for(owner) or _unrecognised_name(owner, disc)
                    if found is not None and found.label in _BODY_LABELS:
                        return found
    return None


def _government_of(token: Token, disc: Discourse) -> ActorRef | None:
    """"the government" with no owner named: the state the article names most as a party (acting,
    owning or qualifying, not as the place where something happens), whose story it is."""
    if token.lemma_.lower() not in _GOVERNMENT_NOUNS and token.lower_ not in _GOVERNMENT_NOUNS:
        return None
    if any(c.dep_ in ("poss", "compound", "amod", "nmod") for c in token.children) or _prep(token, "of") is not None:
        return None
    states: Counter = Counter()
    for mention in disc.actors.mentions:
        if mention.label not in ("GPE", "NORP"):
            continue
        ref = ActorRef(mention.text, mention.key, mention.label, mention.start, mention.end)
        span = token.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        where = span.root if span is not None else None
        # "talks in Zenda" names a venue; "Zenda said", "Freedonian troops" name a party.
        venue = where is not None and where.dep_ == "pobj" and where.head.lower_ in PLACE_PREPOSITIONS
        states[disc.state_or_key(disc.party(ref))] += 0.25 if venue else 1
    if not states:
        return None
    key, _ = states.most_common(1)[0]
    return ActorRef(key, key, "GPE", token.idx, token.idx + len(token.text))


def city_of(token: Token, disc: Discourse) -> ActorRef | None:
    """ "demanded that the city pay": with no owner or name beside it, the city (or town) the
    article has named most before it ("Porto Alegre, capital of Rio Grande do Sul": the city)."""
    if not _names_city_government(token):
        return None
    city = main_city([m for m in disc.actors.mentions if m.start < token.idx])
    return ActorRef(token.text, city, "GPE", token.idx, token.idx + len(token.text)) if city else None


def _names_city_government(token: Token) -> bool:
    """ "the city", "the municipality", "city hall", "the mayor's office", "the municipal
    administration": a city's own government, with no other owner or name beside it."""
    lemma = token.lemma_.lower()
    modifiers = [c for c in token.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
    if _prep(token, "of") is not None:
        return False
    if lemma in ("city", "town", "municipality"):
        return has_definite_article(token) and not modifiers
    words = {c.lower_ for c in modifiers}
    if lemma == "hall":
        return words in ({"city"}, {"town"})  # "city hall" needs no article
    if lemma == "administration":
        return has_definite_article(token) and words == {"municipal"}
    if lemma == "office":
        return words == {"mayor"} and any(c.dep_ == "case" for m in modifiers for c in m.children)
    return False


# Nouns a story uses for a body instead of its name: "the country's competition watchdog".
_GENERIC_BODY_NOUNS = frozenset({"watchdog", "regulator", "agency", "body", "authority", "commission"})
# Nouns for a body of people named by who its members are ("the nurses' union", "the patients'
# group"): its name need only hold the members ("Nurses' Federation", "Patients' Forum").
_MEMBERS_BODY_NOUNS = frozenset({"union", "group", "association", "federation", "forum", "organisation",
                                 "organization", "body", "lobby", "alliance", "coalition", "cooperative"})

# Labels the small model gives a named body ("Port of X Authority" comes out ORG, FAC or LOC).
_BODY_LABELS = ("ORG", "FAC", "LOC")


def _body_of_its_members(token: Token, disc: Discourse) -> ActorRef | None:
    """"Mackerel skippers renewed their demand", "the workers are demanding": people acting
    together are the one organisation the article names after them ("the Harlow Pelagic Skippers'
    Association", "the Dock Workers' Union"); none when the article names two."""
    if token.tag_ != "NNS" or any(c.dep_ == "poss" for c in token.children):
        return None
    plural = token.lower_
    bodies = {
        m.key: m for m in disc.actors.mentions
        if m.label == "ORG" and plural in {w.strip("'\u2019").lower() for w in m.text.split()}
    }
    if len(bodies) != 1:
        return None
    [body] = bodies.values()
    return ActorRef(body.text, body.key, body.label, body.start, body.end)


def _named_elsewhere(token: Token, disc: Discourse) -> ActorRef | None:
    """"the union", "the commission": the organisation the article calls by that noun elsewhere,
    whether its name holds the noun ("the Sylvanian Commission") or stands beside it
    ("the Dokbond union", "Dokbond, the dockworkers' union")."""
    if token.tag_ != "NN" or not any(c.dep_ in ("det", "poss") for c in token.children):
        return None
    if any(c.dep_ == "amod" for c in token.children):
        return None
    noun = token.lower_
    # "the port authority" -> "Port of Zenda Authority": every word of the description is in the name.
    modifiers = {c.lower_ for c in token.children if c.dep_ == "compound"}
    words = modifiers | {noun}
    # "Freedonia's competition watchdog" -> "Competition Commission of Freedonia", "the country's
    # aviation regulator" -> "Velmarian Civil Aviation Authority": a generic noun for a body need
    # not be in its name when the field is (and the owner, when named).
    owner = {c.lower_ for c in token.children if c.dep_ == "poss" and c.pos_ == "PROPN"}
    head = noun
    if noun in _GENERIC_BODY_NOUNS and modifiers:
        words, head = modifiers | owner, None
    members = {c.lower_ for c in token.children if c.dep_ == "poss" and c.tag_ == "NNS"}
    if noun in _MEMBERS_BODY_NOUNS and members:
        # "the nurses' union" -> "Halvenian Nurses' Federation": a body of its members by any name.
        words, head = members | modifiers, None
    named = [
        m for m in disc.actors.mentions
        if m.label in _BODY_LABELS and any(_describes(name, words, head) for name in (m.key, m.text))
    ]
    if not named and len(words) == 1:
        named = _organisations_called(noun, token, disc)
    if not named and noun in _GENERIC_BODY_NOUNS and not modifiers and not owner:
        return _body_in_focus(token, disc)
    if not named and noun in _WORKERS_BODY_NOUNS and not modifiers and not owner:
        return _union_in_focus(token, disc)
    if not named:
        return None
    if noun in _GENERIC_BODY_NOUNS and modifiers and len({m.key for m in named}) > 1:
        # "the medicines regulator": of the "Velland Medicines Laboratory" and the "Velland Medicines
        # Standard Control Organisation", the one whose name says it regulates, if any does; else the one
        # the article names most (the story's regulator, not the lab it mentions once).
        regulating = [m for m in named if names_a_regulating_body(m.key) or names_a_regulating_body(m.text)]
        if regulating:
            named = regulating
        else:
            times = Counter(m.key for m in disc.actors.mentions)
            most = max(times[m.key] for m in named)
            named = [m for m in named if times[m.key] == most]
    # The nearest naming before the description, else the first after it.
    before = [m for m in named if m.start < token.idx]
    mention = before[-1] if before else min(named, key=lambda m: m.start)
    return ActorRef(mention.text, mention.key, mention.label, mention.start, mention.end)


# Who sits on a court: what they order or ask in a case, the court orders or asks.
_JUDGE_NOUNS = frozenset({"judge", "judges", "justices", "magistrate", "magistrates", "bench"})


def _court_of_its_judges(token: Token, disc: Discourse) -> ActorRef | None:
    """ "The Varnen Court of Appeal adjourned the hearing. The three judges asked X to ...": judges
    with no name of their own act for the court the article named last before them."""
    if token.lower_ not in _JUDGE_NOUNS:
        return None
    court = court_named_before(token.idx, disc.actors.mentions)
    return None if court is None else ActorRef(court.text, court.key, court.label, court.start, court.end)


def _body_in_focus(token: Token, disc: Discourse) -> ActorRef | None:
    """ "The Commission nationale ... (CNIL) said ... The regulator ordered ...": a bare "the
    regulator" or "the authority" is the public body that was just the subject, when its name says
    it is one (a commission, an authority, an office...)."""
    found = disc.organisation_subject_before(token)
    if found is None:
        return None
    if names_a_regulating_body(found.key) or names_a_regulating_body(found.text):
        return ActorRef(token.text, found.key, found.label, token.idx, token.idx + len(token.text))
    return None


# Nouns for a body of workers that a story often calls by its name alone ("Uniprof-POA").
_WORKERS_BODY_NOUNS = frozenset({"union", "federation"})


def _union_in_focus(token: Token, disc: Discourse) -> ActorRef | None:
    """ "Uniprof-POA says ... The union demands ...": a bare "the union", when no name holds the word
    and none is set beside it, is the organisation that was just the subject, unless its name says
    it is a company or a public body."""
    found = disc.organisation_subject_before(token)
    if found is None or names_a_regulating_body(found.key) or _names_a_company(found):
        return None
    return ActorRef(token.text, found.key, found.label, token.idx, token.idx + len(token.text))


def _names_a_company(ref: ActorRef) -> bool:
    return any(
        name.split()[-1].lower() not in _WORKERS_BODY_NOUNS and is_organisation_ending(name.split()[-1])
        for name in (ref.key, ref.text) if len(name.split()) > 1
    )


def _describes(name: str, words: set[str], head: str | None) -> bool:
    """Every word of the description is in the name, and the noun it is built on is the name's
    own: "the union" is not the "European Union Aviation Safety Agency"."""
    if len(name.split()) < 2 or not _words_in_name(words, name):
        return False
    return head is None or any(name_word_holds(h, head) for h in name_heads(name))


def _words_in_name(words: set[str], name: str) -> bool:
    """Every word of a description in the name, a long word also as the end of a name word
    ("the athletics federation" -> "Sylvanian Athletics Confederation")."""
    # "Nurses'" and "Nurses's" hold "nurses".
    name_words = [re.sub(r"['\u2019]s?$", "", n) for n in name.lower().split()]
    return all(any(name_word_holds(n, w) for n in name_words) for w in words)


# Nouns that name a body as well as a person's post ("the council's head" is a person; "the
# Council" a body): never "minister" or "spokesman".
_BODY_AND_TITLE_NOUNS = frozenset({"representative", "chair", "head"})


def _organisations_called(noun: str, token: Token, disc: Discourse) -> list[Mention]:
    """Organisations set beside the same noun elsewhere in the article: "the Dokbond union",
    "the dockworkers' union Dokbond", "Dokbond, the union". Not in a "Read more" line or a caption:
    another story's "Drug Price Regulator" is not this one's regulator. Nor a person's title:
    "Health Minister Ana Ruiz" makes no body called "Health" of "the minister"."""
    if noun in PERSON_TITLES and noun not in _BODY_AND_TITLE_NOUNS:
        return []
    found = []
    for other in token.doc:
        # A word of a name is not a noun set beside one ("European Union Aviation Safety Agency").
        if other.i == token.i or other.lower_ != noun or disc.actors.mention_at(other) is not None:
            continue
        if disc.in_furniture(other.idx, other.idx + len(other.text)):
            continue
        beside = [
            c for c in other.children
            if c.pos_ == "PROPN" and (c.dep_ == "compound" or is_apposition(other, c))
        ]
        if (other.dep_ == "compound" or is_apposition(other.head, other)) and other.head.pos_ == "PROPN":
            beside.append(other.head)
        for word in beside:
            mention = disc.actors.mention_at(word)
            if mention is not None and mention.label in ("ORG", "GPE"):
                found.append(mention)
                continue
            ref = _unrecognised_name(word, disc)
            if ref is not None and ref.label in ("ORG", "GPE"):  # a person is never "the union"
                found.append(Mention(ref.text, ref.key, ref.label, ref.start, ref.end, 0, 0))
    return sorted(found, key=lambda m: m.start)

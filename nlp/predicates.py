"""One name for one demanded action, however the article words it.

Claims are grouped by predicate, so "hand over", "extradite", "the return of",
"surrender" and "send back" must all come out as "hand over", and "the lifting
of sanctions" as "lift". This module is a small, general English synonym layer
over spaCy lemmas: verb phrases (lemma + particle), their nominalisations, and
the nouns that name a demanded thing ("compensation", "reparations").
Nothing here names a person, place or event.
"""
from __future__ import annotations

from spacy.tokens import Token

# Verb phrase (lemma, or "lemma particle") -> canonical predicate.
_VERBS: dict[str, str] = {
    # handing a person or thing over to another party
    "hand over": "hand over", "hand back": "hand over", "extradite": "hand over",
    "surrender": "hand over", "send back": "hand over", "turn over": "hand over",
    "give up": "hand over", "deliver": "hand over", "return": "hand over",
    "repatriate": "hand over", "transfer": "hand over", "deport": "hand over",
    "expel": "hand over", "boot": "hand over", "kick out": "hand over", "boot out": "hand over",
    # sanctions and restrictions
    "lift": "lift", "ease": "lift", "remove": "lift", "drop": "lift", "end": "end",
    "scrap": "lift", "relax": "lift", "waive": "lift",
    "impose": "impose", "tighten": "impose",
    # compensation
    "compensate": "compensation", "pay": "pay", "reimburse": "compensation",
    # withdrawal
    "withdraw": "withdraw", "pull out": "withdraw", "pull back": "withdraw", "leave": "withdraw",
    # release
    "release": "release", "free": "release", "set free": "release", "let go": "release",
    # apology / acknowledgement
    "apologize": "apologise", "apologise": "apologise",
    "acknowledge": "acknowledge", "admit": "acknowledge", "recognize": "recognise",
    "recognise": "recognise",
    # resignation
    "resign": "resign", "step down": "resign", "quit": "resign",
    # stopping
    "stop": "stop", "halt": "stop", "cease": "stop", "suspend": "stop",
    # investigation
    "investigate": "investigate", "probe": "investigate",
    # taking people back into their jobs
    "reinstate": "reinstate", "take back": "reinstate", "rehire": "reinstate", "re-employ": "reinstate",
    # raising pay, prices or rates
    "raise": "raise", "increase": "raise",
    # capping prices
    "cap": "cap",
    # rebuilding
    "rebuild": "rebuild", "reconstruct": "rebuild", "restore": "restore",
    "hold": "hold", "allow": "allow", "help": "help",
}

# Nominalisations and demanded things -> canonical predicate.
_NOUNS: dict[str, str] = {
    "handover": "hand over", "hand-over": "hand over", "extradition": "hand over",
    "return": "hand over", "surrender": "hand over", "repatriation": "hand over",
    "transfer": "hand over", "deportation": "hand over", "expulsion": "hand over",
    "lifting": "lift", "easing": "lift", "removal": "lift", "relief": "lift",
    "compensation": "compensation", "reparation": "compensation", "reparations": "compensation",
    "indemnity": "compensation", "restitution": "compensation", "damages": "compensation",
    "payment": "pay",
    "withdrawal": "withdraw", "pullout": "withdraw", "pull-out": "withdraw", "retreat": "withdraw",
    "release": "release", "freedom": "release",
    "apology": "apologise",
    "explanation": "explain", "clarification": "explain",
    "acknowledgment": "acknowledge", "acknowledgement": "acknowledge", "recognition": "recognise",
    "resignation": "resign",
    "ceasefire": "ceasefire", "cease-fire": "ceasefire", "truce": "ceasefire", "armistice": "ceasefire",
    "investigation": "investigate", "inquiry": "investigate", "probe": "investigate",
    "reconstruction": "rebuild", "rebuilding": "rebuild",
    "reinstatement": "reinstate", "rehiring": "reinstate",
    "rise": "raise", "raise": "raise", "increase": "raise", "hike": "raise",
    "cap": "cap", "caps": "cap", "ceiling": "cap", "ceilings": "cap",
    "election": "election", "elections": "election", "referendum": "referendum",
    "negotiation": "negotiate", "talks": "negotiate", "dialogue": "negotiate",
    "sanction": "impose",
}

# Nouns that are concrete things one party asks of another. When the demanded
# verb is vague ("rebuild trust through compensation"), the concrete noun names
# the demand better than the verb does.
CONCRETE_DEMANDS = frozenset({"compensation", "hand over", "release", "withdraw", "ceasefire", "apologise", "pay"})

# Verbs too vague to name a demand on their own.
VAGUE_VERBS = frozenset({
    "rebuild", "restore", "build", "take", "make", "do", "show", "help", "improve",
    "provide", "give", "offer", "ensure", "guarantee", "address", "hold", "allow",
})


def verb_phrase(token: Token) -> str:
    """The verb's lemma with its particle ("hand over"), lower-cased."""
    particles = [c.lower_ for c in token.children if c.dep_ == "prt"]
    lemma = token.lemma_.lower()
    if not particles and not any(c.dep_ == "dobj" for c in token.children):
        # "demanded that X hand over the businessman": the small model often takes the particle
        # for a preposition with the object as its own; a known phrasal verb says it is not.
        particles = [
            c.lower_ for c in token.children
            if c.dep_ == "prep" and c.i == token.i + 1 and f"{lemma} {c.lower_}" in _VERBS
        ]
    return f"{lemma} {particles[0]}" if particles else lemma


# Verbs that only hand something over when they have an object: "return to the table" is not a handover.
_TRANSITIVE_ONLY = frozenset({"return", "transfer", "deliver", "surrender", "drop"})


def normalise_verb(token: Token) -> str:
    """The canonical predicate for a verb token ("extradite" -> "hand over")."""
    phrase = verb_phrase(token)
    if phrase in _TRANSITIVE_ONLY and not any(c.dep_ in ("dobj", "nsubjpass") for c in token.children):
        return phrase
    if phrase in _VERBS:
        return _VERBS[phrase]
    # "send X back": the particle may sit after the object.
    for child in token.children:
        if child.dep_ in ("advmod", "prt") and f"{token.lemma_.lower()} {child.lower_}" in _VERBS:
            return _VERBS[f"{token.lemma_.lower()} {child.lower_}"]
    return _VERBS.get(token.lemma_.lower(), phrase)


# Lemmas the small model gets wrong for a plural used as a mass noun ("data" -> "datum").
_LEMMA_FIXES = {"datum": "data", "medium": "media"}


def normalise_noun(token: Token) -> str:
    """The canonical predicate for a noun naming a demanded thing ("reparations" -> "compensation")."""
    lower, lemma = token.lower_, token.lemma_.lower()
    if lemma in _LEMMA_FIXES and lower != lemma:
        lemma = _LEMMA_FIXES[lemma]
    return _NOUNS.get(lower) or _NOUNS.get(lemma) or lemma


def normalise_phrase(phrase: str) -> str:
    """The canonical predicate for a plain phrase ("send back", "reparations")."""
    phrase = " ".join(phrase.lower().split())
    return _VERBS.get(phrase) or _NOUNS.get(phrase) or phrase


def base_form_predicate(token: Token) -> str:
    """The predicate of a base-form verb read off its written form, whatever the tagger made of it.

    After "demand that X ..." the verb is a bare infinitive ("that Oslo extradite Y");
    the small model often tags it an adjective or a noun, so its lemma cannot be trusted.
    """
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if following is not None:
        phrase = f"{token.lower_} {following.lower_}"
        if phrase in _VERBS:
            return _VERBS[phrase]
        if token.lower_ in _TRANSITIVE_ONLY and following.pos_ == "ADP":
            return token.lower_  # "that X return to the table": no object, so no handover
    return _VERBS.get(token.lower_, "")


def is_known_noun(token: Token) -> bool:
    """Whether the noun is in the synonym layer (a nominalised demand)."""
    return token.lower_ in _NOUNS or token.lemma_.lower() in _NOUNS


def is_known_verb(token: Token) -> bool:
    phrase = verb_phrase(token)
    return phrase in _VERBS or token.lemma_.lower() in _VERBS

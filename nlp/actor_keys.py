"""Which surfaces of one article are one actor, and the key that actor goes by.

``resolve_keys`` groups the normalised surfaces of the candidate names:

- a state under any of its names is one actor;
- the same name once normalised or transliterated (``same_name``, normalise.py);
- aliases the article declares ("Rapid Support Forces (RSF)");
- an undeclared acronym joins the one organisation whose initials it spells;
- short forms join the one full name they end or start ("Kovalenko" of
  "Olena Kovalenko", "Xi" of "Xi Jinping", "Amnesty" of "Amnesty International"),
  unless the full names of the two groups disagree; when two people share the
  surname, "Ms X" / "Mr X" joins the one whose pronouns agree with the title.

Each group then gets its article key (the known-alias ruler's canonical name,
the state, the declared name, else the fullest name used) and its kind
(actor_kinds.py). ``declared_aliases`` reports the declared aliases under
those keys.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from spacy.tokens import Doc

from . import states
from .actor_kinds import group_label, label_votes, majority
from .actor_words import GENERIC_BODY_WORDS, ORG_NAME_ENDINGS, PLACE_PREPOSITIONS
from .aliases import Declaration, is_acronym_of, looks_like_acronym
from .name_spans import Candidate
from .normalise import normalise_name, same_name, same_word
from .types import DeclaredAlias

# --- grouping surfaces ----------------------------------------------------------------


class _Groups:
    """Union-find over normalised surfaces."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def _is_state_like(norm: str) -> bool:
    return bool(
        states.state_tables().names.get(norm)
        or states.state_tables().demonyms.get(norm)
        or states.state_tables().capitals.get(norm)
    )


def _acts_like_a_company(doc: Doc, cands: list[Candidate]) -> bool:
    """ "Velora denied ...", "every Velora roster", "Velora's routes": a one-word name the model
    took for a place (it is no state or capital) may be a company's first word when it acts at least
    once and is never used as a place ("in Kisanga", "flights to Kisanga": a town named like the
    company stays a town)."""
    if any(cand.end - cand.start != 1 for cand in cands):
        return False
    tokens = [doc[cand.start] for cand in cands]
    acts = any(t.dep_ == "nsubj" and t.head.pos_ == "VERB" for t in tokens)
    return acts and not any(_used_as_a_place(t) for t in tokens)


def _used_as_a_place(token) -> bool:
    return token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPOSITIONS


def _full_names(
    groups: _Groups, member: str, norms: list[str], surfaces: dict[str, list[Candidate]]
) -> set[str]:
    """The multi-word names a group already stands for: its own and the corpus's ("Haddad" -> "omar haddad")."""
    root = groups.find(member)
    names = set()
    for norm in norms:
        if groups.find(norm) != root:
            continue
        if len(norm.split()) > 1:
            names.add(norm)
        for cand in surfaces[norm]:
            known = normalise_name(cand.ruler_key) if cand.ruler_key else ""
            if len(known.split()) > 1:
                names.add(known)
    return names


def _full_names_agree(a: set[str], b: set[str]) -> bool:
    """Two groups may be one actor only if no full name of one is a different full name of the
    other: a short form must never fold "Asaad X" into "Bashar Y" through a look-alike word."""
    for x in a:
        for y in b:
            xs, ys = x.split(), y.split()
            if not (same_name(x, y) or _short_form_of(xs, ys) or _short_form_of(ys, xs)):
                return False
    return True


def _join_descriptions_to_named_bodies(
    doc: Doc, norms: list[str], surfaces: dict[str, list[Candidate]], state_like: set[str], groups: _Groups
) -> None:
    """ "the trade ministry said" beside "the Ministry of Trade, Industry and Energy": a body described
    in lower case is the one body the article names in full with its kind and every word of the
    description."""
    for short in norms:
        words = short.split()
        if len(words) < 2 or words[-1] not in GENERIC_BODY_WORDS or not _written_lower(doc, surfaces[short]):
            continue
        named = {
            groups.find(f) for f in norms
            if f != short and f not in state_like and len(f.split()) > len(words)
            and not _written_lower(doc, surfaces[f])
            and all(any(same_word(w, v) for v in f.split()) for w in words)
        }
        named.discard(groups.find(short))
        if len(named) == 1:
            groups.union(named.pop(), short)


def _written_lower(doc: Doc, cands: list[Candidate]) -> bool:
    return all(cand.span(doc).text.islower() for cand in cands)


def _may_have_short_form(votes: Counter) -> bool:
    """People and organisations are called by their last word; places rarely are
    ("Sudan" is not "South Sudan")."""
    label = majority(votes)
    return label in {"PERSON", "ORG", None} or votes.get("PERSON", 0) > 0


# "the Republic of Velmar" is Velmar: the words a state's formal name puts before its short one.
# ("State of" is left out: "state of emergency".)
_FORMAL_STATE_WORDS = ("republic of", "kingdom of", "commonwealth of", "principality of",
                       "grand duchy of", "sultanate of", "emirate of")


def _short_state_name(norm: str) -> str | None:
    """ "velmar" of "republic of velmar", "federal republic of velmar"; else None (and for
    "president of the republic of velmar": a post, not the state)."""
    for words in _FORMAL_STATE_WORDS:
        head, found, short = norm.partition(f"{words} ")
        if found and short and len(head.split()) <= 2 and "of" not in head.split():
            return short
    return None


def _short_form_of(short: list[str], full: list[str]) -> bool:
    """ "dahlan" of "mohammed dahlan", "support forces" of "rapid support forces"; but "kestria" is
    the owner of "ministry of defence of kestria", not its short form."""
    if len(short) >= len(full):
        return False
    if full[-len(short) - 1] == "of" and _short_state_name(" ".join(full)) is None:
        return False
    tail = full[-len(short) :]
    return all(same_word(a, b) for a, b in zip(short, tail, strict=True))


_INITIALLED = re.compile(r"^((?:[A-Z]\.\s?)+)\s*([A-Z][\w'\u2019-]+)$")


def _initialled(doc: Doc, cands: list[Candidate]) -> tuple[str, str] | None:
    """ "A.V. Mirtov" -> ("a", "mirtov"): the first initial and the surname of a name written with
    initials (state media write first names so), else None."""
    for cand in cands:
        written = _INITIALLED.match(cand.span(doc).text)
        if written:
            return written.group(1)[:1].lower(), normalise_name(written.group(2))
    return None


def _initialled_form_of(initialled: tuple[str, str], full: list[str]) -> bool:
    """ "A.V. Mirtov" of "Arkadiy Mirtov": the first initial is the full name's first letter and the
    surname the same."""
    initial, surname = initialled
    return len(full) >= 2 and full[0][:1] == initial and same_word(surname, full[-1])


# --- "Ms Okafor" when two Okafors are named ---------------------------------------------

_TITLE_GENDER = {"ms": "f", "mrs": "f", "miss": "f", "mr": "m"}
_PRONOUN_GENDER = {
    "she": "f", "her": "f", "hers": "f", "herself": "f",
    "he": "m", "him": "m", "his": "m", "himself": "m",
}


def _title_gender(doc: Doc, cands: list[Candidate]) -> str | None:
    """The gender a courtesy title before a surname says ("Ms Okafor" -> "f")."""
    genders = {_TITLE_GENDER.get(doc[c.start].lower_.rstrip(".")) for c in cands} - {None}
    return genders.pop() if len(genders) == 1 else None


def _pronoun_gender(doc: Doc, cand: Candidate) -> str | None:
    """The first he/she pronoun after a name in its sentence, before any other person is named
    ("Maria Okafor said her son ..." -> "f")."""
    end = cand.span(doc).sent.end
    for token in doc[cand.end : end]:
        if token.ent_type_ == "PERSON":
            return None
        gender = _PRONOUN_GENDER.get(token.lower_)
        if gender:
            return gender
    return None


def _of_titled_gender(
    doc: Doc,
    short: str,
    fulls: set[str],
    groups: _Groups,
    norms: list[str],
    surfaces: dict[str, list[Candidate]],
) -> set[str]:
    """Among full names a surname could shorten, those whose pronouns agree with the courtesy
    title the surname is written with: "Ms Okafor" of "Maria Okafor" (her son) and not of
    "Corporal Tunde Okafor" (his unit). Unchanged when the article says nothing either way."""
    wanted = _title_gender(doc, surfaces[short])
    if wanted is None:
        return fulls
    matching = set()
    for root in fulls:
        said = {
            _pronoun_gender(doc, cand)
            for norm in norms
            if groups.find(norm) == root
            for cand in surfaces[norm]
        } - {None}
        if said == {wanted}:
            matching.add(root)
    return matching or fulls


# --- keys per article ----------------------------------------------------------------


def resolve_keys(
    doc: Doc, cands: list[Candidate], decls: list[Declaration]
) -> tuple[dict[str, str], dict[str, str]]:
    """Article keys by normalised surface, and each key's kind."""
    groups = _Groups()
    surfaces: dict[str, list[Candidate]] = defaultdict(list)
    for cand in cands:
        norm = normalise_name(cand.span(doc).text)
        if norm:
            surfaces[norm].append(cand)
            groups.find(norm)
    norms = list(surfaces)
    # States under any of their names are one actor.
    by_state: dict[str, str] = {}
    # Names that are a state (by the tables, or spelled as one: "US", whose key "us" is no
    # state's name), a capital or a people: never a short form, variant or acronym of another.
    state_like = {norm for norm in norms if _is_state_like(norm)}
    for norm in norms:
        state = states.state_tables().names.get(norm) or states.state_named(
            surfaces[norm][0].span(doc).text
        )
        if state:
            state_like.add(norm)
            if state in by_state:
                groups.union(by_state[state], norm)
            else:
                by_state[state] = norm
    # Spelling variants.
    for i, a in enumerate(norms):
        for b in norms[i + 1 :]:
            if (
                groups.find(a) != groups.find(b)
                and a not in state_like and b not in state_like
                and same_name(a, b)
            ):
                groups.union(a, b)
    _join_descriptions_to_named_bodies(doc, norms, surfaces, state_like, groups)
    # Declared aliases.
    declared_names: list[str] = []
    for decl in decls:
        name, alias = normalise_name(decl.name.text), normalise_name(decl.alias)
        if name and alias:
            groups.union(name, alias)
            declared_names.append(name)
    # An undeclared acronym ("NFF" after "the Nigeria Football Federation") joins the one
    # organisation name in the article whose initials it spells.
    for short in norms:
        text = surfaces[short][0].span(doc).text
        if not looks_like_acronym(text) or short in state_like:
            continue
        expansions = {
            groups.find(f)
            for f in norms
            if len(f.split()) >= 2
            and f not in state_like
            and is_acronym_of(text, surfaces[f][0].span(doc).text)
        }
        expansions.discard(groups.find(short))
        if len(expansions) == 1:
            groups.union(expansions.pop(), short)
    # Short forms ("Kovalenko", "Support Forces") join the one full name they end.
    votes = label_votes(surfaces)
    for short in norms:
        if short in state_like:
            continue
        short_words = short.split()
        fulls = {
            groups.find(f)
            for f in norms
            if f != short
            and f not in state_like
            and _short_form_of(short_words, f.split())
            and (len(short_words) > 1 or _may_have_short_form(votes[f]) or _short_state_name(f) == short)
        }
        if not fulls and len(short_words) == 1:
            # "Xi" of "Xi Jinping": a family name written first, for people only.
            fulls = {
                groups.find(f)
                for f in norms
                if f != short
                and len(f.split()) == 2
                and same_word(short, f.split()[0])
                and majority(votes[f]) == "PERSON"
                # The model often takes a lone foreign family name for an organisation ("Paik said").
                and majority(votes[short]) in {"PERSON", "ORG", None}
            }
        if not fulls and len(short_words) == 1 and (
            _acts_like_a_company(doc, surfaces[short])
            or (majority(votes[short]) in {"ORG", None} and not votes[short].keys() & {"GPE", "LOC"})
        ):
            # "Amnesty" of "Amnesty International": organisations also go by their first word.
            fulls = {
                groups.find(f)
                for f in norms
                if f != short
                and len(f.split()) >= 2
                and f not in state_like
                and f.split()[0] == short
                and (
                    majority(votes[f]) == "ORG"
                    or f.split()[-1] in ORG_NAME_ENDINGS
                    or votes[short].get("ORG", 0) >= 2  # the short name is clearly a company
                )
            }
        # "A.V. Mirtov" of "Arkadiy Mirtov": its own full name is the initialled one, so no other
        # full name can disagree with it.
        initialled = _initialled(doc, surfaces[short]) if not fulls else None
        if initialled is not None:
            written_out = {
                groups.find(f) for f in norms
                if f != short and f not in state_like and _initialled_form_of(initialled, f.split())
            }
            if len(written_out) == 1:
                groups.union(written_out.pop(), short)
                continue
        fulls.discard(groups.find(short))
        if len(fulls) > 1:
            fulls = _of_titled_gender(doc, short, fulls, groups, norms, surfaces)
        if len(fulls) == 1:
            full = fulls.pop()
            if _full_names_agree(
                _full_names(groups, full, norms, surfaces),
                _full_names(groups, short, norms, surfaces),
            ):
                groups.union(full, short)
    members: dict[str, list[str]] = defaultdict(list)
    for norm in norms:
        members[groups.find(norm)].append(norm)
    keys: dict[str, str] = {}
    labels: dict[str, str] = {}
    for group in members.values():
        key = _group_key(doc, group, surfaces, decls, declared_names)
        label = group_label(doc, group, surfaces, decls, votes)
        if any(_short_state_name(norm) for norm in group):
            label = "GPE"  # "the Republic of X" is a state, whatever the model took X for
        labels[key] = label
        for norm in group:
            keys[norm] = key
    return keys, labels


def _group_key(
    doc: Doc,
    group: list[str],
    surfaces: dict[str, list[Candidate]],
    decls: list[Declaration],
    declared_names: list[str],
) -> str:
    for norm in group:
        for cand in surfaces[norm]:
            if cand.ruler_key:
                return cand.ruler_key  # the corpus already knows this actor's name
    for norm in group:
        state = states.state_tables().names.get(norm) or states.state_named(
            surfaces[norm][0].span(doc).text
        )
        if state:
            return state
    for decl in decls:
        if normalise_name(decl.name.text) in group:
            return _surface_text(decl.name.text)

    # A state by the name it goes by, not its formal one ("Velmar", not "the Republic of Velmar").
    for norm in group:
        short = _short_state_name(norm)
        if short in group:
            return _surface_text(surfaces[short][0].span(doc).text)

    # The fullest name used, then the most used, then the first.
    def rank(norm: str) -> tuple:
        cands = surfaces[norm]
        # A name written out before one with initials ("Arkadiy Mirtov", not "A.V. Mirtov").
        initialled = bool(_INITIALLED.match(cands[0].span(doc).text))
        return (initialled, -len(norm.split()), -len(cands), cands[0].start)

    best = min(group, key=rank)
    # Among spellings of that name ("Muammar Gaddafi"/"Muammar al-Gaddafi") the fullest.
    spelled = max(
        (c.span(doc).text for c in surfaces[best]),
        key=lambda text: (len(text), not text.isupper()),
    )  # not a DATELINE
    return _surface_text(spelled)


def declared_aliases(
    decls: list[Declaration], keys: dict[str, str], labels: dict[str, str]
) -> list[DeclaredAlias]:
    """Each declared alias under the key its actor got (``keys`` from ``resolve_keys``)."""
    seen = set()
    found = []
    for decl in decls:
        key = keys.get(normalise_name(decl.name.text)) or _surface_text(decl.name.text)
        names = {_surface_text(decl.name.text), _surface_text(decl.alias)} - {key}
        for alias in sorted(names):
            if (key, alias) in seen:
                continue
            seen.add((key, alias))
            found.append(
                DeclaredAlias(
                    name=key,
                    alias=alias,
                    label=labels.get(key, decl.name.label),
                    pattern=decl.pattern,
                )
            )
    return found


def _surface_text(text: str) -> str:
    """A surface as a key: no leading "the", no possessive, no surrounding punctuation."""
    text = re.sub(r"^(?:the|The|THE)\s+", "", text.strip())
    text = re.sub(r"[’'ʼ]s$", "", text)
    return text.strip(' \t\n,.;:"“”()')

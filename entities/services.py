"""Writes to actors: resolving an article's names to entities, and editor decisions.

Resolution runs for every processed article: an exact alias, then a spelling
variant (``same_name`` with its look-alike guard), then an acronym spelling the
one organisation known by the long name (or the long name of a known acronym).
Editor services (merge, alias
add/block, kind fix, mention reject) always win over the machine: the machine
never re-learns a blocked alias, never changes a locked entity, and merges
are followed wherever an entity is looked up.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Count, Q
from simple_history.utils import bulk_update_with_history

import nlp
from articles.models import Article, corpus_write_lock
from articles.signals import processing_requested
from nlp.actor_words import is_generic_body_word
from nlp.aliases import initials_of, is_acronym_of, looks_like_acronym
from nlp.normalise import normalise_name, same_name

from . import signals
from .models import Alias, Entity, Made, Mention

# Short normalised names match too much by spelling alone ("un", "eu").
_FUZZY_MIN_LENGTH = 5


def entity_canonical(entity: Entity) -> Entity:
    """Follow ``merged_into`` to the entity that stands for this one now."""
    seen = {entity.pk}
    while entity.merged_into_id is not None and entity.merged_into_id not in seen:
        seen.add(entity.merged_into_id)
        entity = entity.merged_into
    return entity


def _alias_lookup(normalised_forms: Iterable[str]) -> tuple[dict[str, Entity], set[str]]:
    """Exact alias hits (followed through merges) and the forms editors blocked."""
    forms = {form for form in normalised_forms if form}
    hits: dict[str, Entity] = {}
    blocked: set[str] = set()
    for alias in Alias.objects.filter(normalised__in=forms).select_related("entity__merged_into"):
        if alias.blocked:
            blocked.add(alias.normalised)
        else:
            hits[alias.normalised] = entity_canonical(alias.entity)
    return hits, blocked


def _fuzzy_candidate(normalised: str, kind: str) -> Entity | None:
    """An existing entity whose alias is a spelling variant of ``normalised``.

    Candidates share the first or last three letters, which keeps the scan
    small and still finds Tobruk/Tobrouk and Hodeidah/Khodeidah; ``same_name``
    guards against look-alikes.
    """
    if len(normalised) < _FUZZY_MIN_LENGTH:
        return None
    for alias in fuzzy_candidates(normalised).select_related("entity__merged_into")[:200]:
        entity = entity_canonical(alias.entity)
        if _kinds_compatible(entity.kind, kind) and same_name(alias.normalised, normalised):
            return entity
    return None


def fuzzy_candidates(normalised: str):
    """Aliases sharing the first or last three letters of ``normalised`` (the trigram index serves both)."""
    return Alias.objects.filter(blocked=False).filter(
        Q(normalised__startswith=normalised[:3]) | Q(normalised__endswith=normalised[-3:])
    )


def _acronym_candidate(surfaces: Iterable[str], kind: str) -> Entity | None:
    """The one existing organisation an acronym spells, or that an acronym already names.

    An article that writes only "SRA" joins the entity another article named "Sylvanian
    Relief Agency", and the other way round: the letters must be the initials of the long name
    (``is_acronym_of``) and exactly one entity may match, so a short acronym shared by two
    bodies stays unresolved.
    """
    if kind == Entity.Kind.PERSON:
        return None
    found: set[int] = set()
    entities: dict[int, Entity] = {}
    for surface in surfaces:
        for alias in _aliases_matching_acronym(surface):
            entity = entity_canonical(alias.entity)
            if entity.kind != Entity.Kind.PERSON:
                found.add(entity.pk)
                entities[entity.pk] = entity
    return entities[found.pop()] if len(found) == 1 else None


def _aliases_matching_acronym(surface: str) -> list[Alias]:
    """Aliases that are the long form of ``surface`` (an acronym) or its acronym (a long name)."""
    if looks_like_acronym(surface):
        letters = [c.lower() for c in surface.replace(".", "").rstrip("s") if c.isalpha()]
        if len(letters) < 3:
            return []  # two letters spell too many names
        # Words starting with the letters in order, particles ("of", "for") allowed between.
        pattern = "^" + " (?:[a-z]+ )*".join(f"{letter}[^ ]*" for letter in letters) + "$"
        return [
            alias
            for alias in Alias.objects.filter(blocked=False, normalised__regex=pattern).select_related(
                "entity__merged_into"
            )[:50]
            if is_acronym_of(surface, alias.surface)
        ]
    if len(surface.split()) < 3:
        return []
    acronyms = {"".join(initial) for initial in (initials_of(surface),) if len(initial) >= 3}
    return [
        alias
        for alias in Alias.objects.filter(blocked=False, surface__in=acronyms).select_related(
            "entity__merged_into"
        )
        if looks_like_acronym(alias.surface)
    ]


def _kinds_compatible(a: str, b: str) -> bool:
    # spaCy confuses ORG/PERSON/GPE/FAC on unfamiliar names: the label is a
    # vote, not a partition. Only a state never merges with a person.
    return not ({a, b} == {Entity.Kind.PERSON, Entity.Kind.GPE})


def entities_resolve(*, names: dict[str, tuple[str, set[str]]]) -> dict[str, Entity]:
    """Map each article key to its canonical entity, creating entities as needed.

    ``names`` maps an article key to (majority label, every surface form the
    article uses for it, declared aliases included).
    """
    all_forms = {normalise_name(f) for key, (_, forms) in names.items() for f in {key, *forms}}
    all_forms |= {short for form in all_forms if (short := _without_middle_names(form))}
    hits, blocked = _alias_lookup(all_forms)
    stored = set(hits)  # normalised forms with an alias row: learning them again inserts nothing
    resolved: dict[str, Entity] = {}
    for key, (label, forms) in names.items():
        telling = _telling_forms(key, forms)
        normalised = _lookup_forms(key, label, telling)
        entity = next((hits[n] for n in normalised if n in hits), None)
        if entity is None:
            entity = next(
                (e for n in normalised if n not in blocked and (e := _fuzzy_candidate(n, label))), None
            )
        if entity is None and not blocked.intersection(normalised):
            entity = _acronym_candidate({key, *forms}, label)
        if entity is None and label == Entity.Kind.PERSON and not blocked.intersection(normalised):
            entity = _fuller_name_candidate(normalised[0])
        if entity is None:
            entity = Entity.objects.create(name=key, kind=label)
        resolved[key] = entity
        _aliases_learn(entity, {key, *forms}, blocked, stored)
        _fragments_absorb(entity, key, label, telling, hits)
    return resolved


def _telling_forms(key: str, forms: set[str]) -> set[str]:
    """The forms to find a key's entity by: not a bare "Ministry" its article folded into
    "Ministry of Foreign Affairs", which the next article folds into another ministry. (A
    bare "Ministry" key is still found by the alias, as the article meant some ministry.)"""
    if is_generic_body_word(key):
        return forms
    return {form for form in forms if not is_generic_body_word(form)}


def _fragments_absorb(entity: Entity, key: str, label: str, forms: set[str], hits: dict[str, Entity]) -> None:
    """An entity first known only by another of this actor's names is this actor.

    An article naming only "Nordmark" makes an entity "Nordmark"; when another
    names "Lars Nordmark" and calls him "Nordmark" too, the first is merged
    into him, as it would have resolved to him had the full name come first.
    The same holds for an organisation's short form or acronym ("UN" in an
    article that also writes "United Nations"). A person is only merged with a
    part of his own name: a shared surname alone does not make two people one.
    An entity an editor named or gave an alias stays as it is.
    """
    key_words = normalise_name(key).split()
    for form in forms:
        normalised = normalise_name(form)
        owner = hits.get(normalised)
        if owner is None:
            continue
        owner = entity_canonical(owner)
        words = normalised.split()
        part_of_name = len(words) < len(key_words) and set(words) <= set(key_words)
        if (
            owner.pk == entity.pk
            or not (part_of_name or label != Entity.Kind.PERSON)
            or owner.locked
            or normalise_name(owner.name) != normalised
            or not _kinds_compatible(owner.kind, entity.kind)
            or owner.aliases.filter(made_by=Made.EDITOR).exists()
        ):
            continue
        entity_merge(entity=owner, into=entity)


def _lookup_forms(key: str, label: str, forms: set[str]) -> list[str]:
    """The normalised names to look an article key up by, most telling first.

    A person known in full by this article is not looked up by a bare surname
    or first name: "Haddad" is an alias of one person, and must not pull in
    another whose full name shares a token with it.
    """
    key_form = normalise_name(key)
    others = sorted({normalise_name(f) for f in forms} - {key_form}, key=lambda n: (-len(n.split()), n))
    if label == Entity.Kind.PERSON and len(key_form.split()) > 1:
        others = [n for n in others if len(n.split()) > 1]
    forms = [key_form, *others]
    if label == Entity.Kind.PERSON:
        # "Ana Lucia Ferraz" in one outlet is "Ana Ferraz" in another: the name without its middle names.
        forms += [n for n in map(_without_middle_names, forms) if n and n not in forms]
        # "Kovacs Anna" in one outlet is "Anna Kovacs" in another: family name first.
        reversed_order = [" ".join(reversed(n.split())) for n in forms if len(n.split()) == 2]
        forms += [n for n in reversed_order if n not in forms]
    return forms


def _without_middle_names(normalised: str) -> str | None:
    """A person's first and last name, of a name with middle names that are words, not initials
    ("George W Bush" keeps its initial: it tells him from his father)."""
    words = normalised.split()
    if len(words) < 3 or any(len(word) < 3 for word in words[1:-1]):
        return None
    return f"{words[0]} {words[-1]}"


def _fuller_name_candidate(normalised: str) -> Entity | None:
    """The one person known by this first and last name with middle names between ("Ana
    Ferraz" for "Ana Lucia Ferraz"); none when two people are, or a middle name is an initial."""
    words = normalised.split()
    if len(words) != 2:
        return None
    first, last = words
    aliases = Alias.objects.filter(
        blocked=False, normalised__startswith=f"{first} ", normalised__endswith=f" {last}",
        entity__kind=Entity.Kind.PERSON,
    ).select_related("entity__merged_into")
    found = {
        entity.pk: entity for alias in aliases[:20]
        if _without_middle_names(alias.normalised) == normalised
        and (entity := entity_canonical(alias.entity)).kind == Entity.Kind.PERSON
    }
    return next(iter(found.values())) if len(found) == 1 else None


def _aliases_learn(entity: Entity, surfaces: Iterable[str], blocked: set[str], stored: set[str]) -> None:
    """Record surface forms as machine aliases; never one an editor blocked or another entity owns.

    ``stored`` holds the normalised forms already in the table (which this adds to): a row
    for one of them would only conflict, so a reading whose names are all known inserts nothing.
    """
    rows = [
        Alias(entity=entity, surface=surface, normalised=normalised, made_by=Made.MACHINE)
        for surface in surfaces
        if (normalised := normalise_name(surface)) and normalised not in blocked and normalised not in stored
    ]
    Alias.objects.bulk_create(rows, ignore_conflicts=True)
    stored.update(row.normalised for row in rows)


def entity_kinds_recount(*, entity_ids: Iterable[int]) -> None:
    """Let the corpus decide each unlocked entity's kind and name from its live mentions.

    The kind is the majority label; the name is the fullest form the articles
    use (``_name_from_mentions``). Counted from the Mention rows, so
    re-extracting an article recounts rather than votes twice, a rejected
    mention stops voting, and which article came first decides nothing.
    """
    ids = list(entity_ids)
    votes: dict[int, Counter] = defaultdict(Counter)
    live = Mention.objects.filter(entity_id__in=ids, rejected=False)
    for entity_id, label, n in live.values_list("entity_id", "label").annotate(n=Count("pk")).order_by():
        if label in Entity.Kind.values:
            votes[entity_id][label] = n
    names: dict[int, Counter] = defaultdict(Counter)
    for entity_id, text, n in live.values_list("entity_id", "text").annotate(n=Count("pk")).order_by():
        names[entity_id][text] = n
    aliases: dict[int, set[str]] = defaultdict(set)
    for entity_id, normalised in Alias.objects.filter(entity_id__in=ids, blocked=False).values_list(
        "entity_id", "normalised"
    ):
        aliases[entity_id].add(normalised)
    recounted, fields = [], set()
    for entity in Entity.objects.filter(pk__in=votes).order_by("pk").select_for_update(no_key=True):
        decided = {"kind_votes": dict(votes[entity.pk])}
        if not entity.locked:
            decided["kind"] = _majority_kind(votes[entity.pk])
            named = _name_from_mentions(names[entity.pk], aliases=aliases[entity.pk], kind=decided["kind"])
            decided["name"] = named or entity.name
        changed = [field for field, value in decided.items() if getattr(entity, field) != value]
        for field in changed:
            setattr(entity, field, decided[field])
        if changed:  # most articles change no entity's kind or name: no write, no history row
            recounted.append(entity)
            fields.update(changed)
    if recounted:
        # One UPDATE and one insert of history rows (the rows a save of each would write), not
        # two statements an entity: a new article changes the votes of most entities it names.
        bulk_update_with_history(recounted, Entity, sorted(fields))


def _majority_kind(votes: Counter) -> str:
    # A tie goes the same way whatever order the votes were counted in.
    return min(votes, key=lambda label: (-votes[label], Entity.Kind.values.index(label)))


def _name_from_mentions(texts: Counter, *, aliases: set[str], kind: str) -> str:
    """The name an entity goes by, whichever article came first.

    A person goes by the fullest form of the name ("Ingrid Sørensen", not the
    "Sørensen" of later paragraphs); a state or organisation by the form the
    articles use most ("Syria" over "Syrian Arab Republic"). Then the most used
    spelling, the one with its diacritics, and the alphabet break ties. Only
    forms that are its aliases qualify (not a metonym such as a capital).
    """
    forms = [text for text in texts if normalise_name(text) in aliases]
    if not forms:
        return ""

    def preference(text: str) -> tuple:
        words, used = -len(text.split()), -texts[text]
        ranked = (words, used) if kind == Entity.Kind.PERSON else (used, words)
        return (*ranked, -sum(not c.isascii() for c in text), text)

    return min(forms, key=preference)


def aliases_ruler_snapshot(*, entries: dict[int, tuple[str, str, list[str]]]) -> None:
    """Make ``entries`` (alias id → the name, kind and spellings the ruler gives it) the ruler's
    learned names.

    Written with ``update`` (no history row): the snapshot is the machine's
    bookkeeping, taken whenever the corpus settles, not a change to the alias.
    """
    Alias.objects.exclude(pk__in=list(entries)).exclude(ruler_label="").update(
        ruler_name="", ruler_label="", ruler_surfaces=[]
    )
    current = {
        pk: (name, label, surfaces)
        for pk, name, label, surfaces in Alias.objects.filter(pk__in=list(entries)).values_list(
            "pk", "ruler_name", "ruler_label", "ruler_surfaces"
        )
    }
    changed = [
        Alias(pk=pk, ruler_name=name[:300], ruler_label=kind, ruler_surfaces=surfaces)
        for pk, (name, kind, surfaces) in entries.items()
        if current.get(pk) != (name[:300], kind, surfaces)
    ]
    Alias.objects.bulk_update(changed, ["ruler_name", "ruler_label", "ruler_surfaces"], batch_size=500)


def entity_affiliations_learn(*, pairs: Iterable[tuple[Entity, Entity]]) -> None:
    """Remember which state or organisation an actor acts for, unless an editor decided otherwise.

    A state an actor acts for wins over an organisation ("Freedonia's foreign
    minister" stays Freedonia's even if also called a party's leader), and a
    person leads an organisation, an organisation does not represent another.
    Claims already filed under the actor move under what it acts for, so
    grouping does not depend on which article arrived first.
    """
    pairs = sorted(pairs, key=lambda pair: pair[1].kind != Entity.Kind.GPE)  # states first
    for member, represented in pairs:
        if member.pk == represented.pk or not _may_represent(member, represented):
            continue
        free = Entity.objects.filter(pk=member.pk, locked=False)
        if represented.kind == Entity.Kind.GPE:
            # A state replaces an organisation learned earlier, never another state.
            free = free.filter(Q(represents__isnull=True) | ~Q(represents__kind=Entity.Kind.GPE))
        else:
            free = free.filter(represents__isnull=True)
        if free.exclude(represents=represented).update(represents=represented):
            signals.affiliation_learned.send(sender=Entity, member=member, state=represented)


def _may_represent(member: Entity, represented: Entity) -> bool:
    """Anyone may act for a state; only a person acts for an organisation."""
    if represented.kind == Entity.Kind.GPE:
        return True
    return represented.kind == Entity.Kind.ORG and member.kind == Entity.Kind.PERSON


# --- An article's names become entities and mentions ----------------------------------


def article_actors_resolve(*, analysis: nlp.Analysis) -> dict[str, Entity]:
    """Resolve every article key (mentions, extraction refs) to a canonical entity."""
    labels: dict[str, Counter] = defaultdict(Counter)
    forms: dict[str, set[str]] = defaultdict(set)
    for mention in analysis.mentions:
        labels[mention.key][mention.label] += 1
        if not mention.metonym:
            forms[mention.key].add(mention.text)
    for alias in analysis.aliases:
        labels[alias.name][alias.label] += 1
        forms[alias.name].add(alias.alias)
    for ref in _extraction_refs(analysis):
        labels[ref.key][ref.label] += 0  # known, without voting twice for its label
    names = {key: (_majority(counter), forms[key]) for key, counter in labels.items()}
    entities = entities_resolve(names=names)
    entity_affiliations_learn(
        pairs=[
            (entities[a.member], entities[a.state])
            for a in analysis.affiliations
            if a.member in entities and a.state in entities
        ]
    )
    # Re-read: affiliations just changed ``represents``.
    fresh = Entity.objects.in_bulk([e.pk for e in entities.values()])
    return {key: fresh[e.pk] for key, e in entities.items()}


def _majority(counter: Counter) -> str:
    label = counter.most_common(1)[0][0] if counter else "ORG"
    return label if label in Entity.Kind.values else "ORG"


def _extraction_refs(analysis: nlp.Analysis):
    for extraction in analysis.extractions:
        for ref in (extraction.actor, extraction.target, extraction.about, *extraction.origins):
            if ref is not None:
                yield ref


def article_mentions_replace(
    *, article: Article, analysis: nlp.Analysis, entities: dict[str, Entity]
) -> set[tuple[int, int]]:
    """Replace the machine's mentions of ``article``; returns the spans an editor rejected.

    A rejected span stays rejected: no machine mention is stored over it.
    """
    rejected_spans = set(Mention.objects.filter(article=article, rejected=True).values_list("start", "end"))
    Mention.objects.filter(article=article, made_by=Made.MACHINE, rejected=False).delete()
    rows = {}
    for m in analysis.mentions:
        if (m.start, m.end) in rejected_spans or m.key not in entities:
            continue
        rows[(m.start, m.end)] = Mention(
            article=article, entity=entities[m.key], text=m.text[:300], label=m.label,
            start=m.start, end=m.end, sentence_start=m.sentence_start, sentence_end=m.sentence_end,
        )
    Mention.objects.bulk_create(rows.values(), ignore_conflicts=True)
    entity_kinds_recount(entity_ids=[e.pk for e in entities.values()])
    return rejected_spans


# --- Editor decisions -------------------------------------------------------------
# Each takes the corpus write lock before any row, the order every writer keeps
# (``articles.models.corpus_write_lock``): an editor's change then never
# deadlocks with an article being written or a recompute.


@transaction.atomic
def entity_merge(*, entity: Entity, into: Entity) -> Entity:
    """Merge ``entity`` into ``into``: every alias, mention, extraction and claim follows.

    ``signals.entity_merged`` lets the claims domain follow in this transaction
    (claims of the two entities that now say the same thing are merged, every
    touched claim marked dirty), so the counts follow without a manual step.
    """
    corpus_write_lock()
    into = entity_canonical(into)
    if entity.pk == into.pk:
        return into
    Alias.objects.filter(entity=entity).update(entity=into)
    Mention.objects.filter(entity=entity).update(entity=into)
    Entity.objects.filter(represents=entity).update(represents=into)
    Entity.objects.filter(merged_into=entity).update(merged_into=into)
    signals.entity_merged.send(sender=Entity, old=entity, new=into)
    if into.represents_id is None and entity.represents_id not in (None, into.pk):
        into.represents_id = entity.represents_id
    into.save(update_fields=["represents"])
    entity.merged_into = into
    entity.represents = None
    entity.save(update_fields=["merged_into", "represents"])
    entity_kinds_recount(entity_ids=[into.pk])
    return into


@transaction.atomic
def alias_add(*, entity: Entity, surface: str) -> Alias:
    """An editor says ``surface`` names ``entity``; it wins over any machine alias."""
    corpus_write_lock()
    normalised = normalise_name(surface)
    alias, _ = Alias.objects.update_or_create(
        normalised=normalised,
        defaults={"entity": entity_canonical(entity), "surface": surface, "made_by": Made.EDITOR, "blocked": False},
    )
    _articles_reprocess(Mention.objects.filter(text__iexact=surface).values_list("article_id", flat=True))
    return alias


@transaction.atomic
def alias_block(*, alias: Alias) -> Alias:
    """An editor removes an alias: kept as a blocked row so the machine never re-learns it."""
    corpus_write_lock()
    alias.blocked = True
    alias.made_by = Made.EDITOR
    alias.save(update_fields=["blocked", "made_by"])
    _articles_reprocess(
        Mention.objects.filter(entity=alias.entity, text__iexact=alias.surface).values_list("article_id", flat=True)
    )
    return alias


@transaction.atomic
def entity_set_kind(*, entity: Entity, kind: str) -> Entity:
    """An editor fixes an entity's kind; the corpus vote no longer changes it."""
    corpus_write_lock()
    entity.kind = kind
    entity.locked = True
    entity.save(update_fields=["kind", "locked"])
    return entity


@transaction.atomic
def mention_reject(*, mention: Mention) -> Mention:
    """An editor says this span is not this entity; the article is re-extracted without it."""
    corpus_write_lock()
    mention.rejected = True
    mention.made_by = Made.EDITOR
    mention.save(update_fields=["rejected", "made_by"])
    _articles_reprocess([mention.article_id])
    return mention


def _articles_reprocess(article_ids: Iterable[int]) -> None:
    # Re-extraction is the pipeline's to run; an editor's change only asks for it.
    processing_requested.send(sender=Entity, article_ids=list(article_ids))

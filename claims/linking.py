"""Linking extractions to claims, so that a corpus has one answer whatever order it arrives in.

A new article, a re-extracted one, an entity merge or a learned affiliation
changes which extractions state the same proposition. ``claims_relink``
gathers the claims such a change can reach (those that held the changed
extractions, and those whose evidence matches a new one), re-clusters all
their machine evidence with ``clustering.clusters_of`` and writes the result:
each cluster is one claim keyed and summarised by its representative, its
evidence and wire-copy echoes are rebuilt, and a claim left with nothing is
deleted. The clusters are a function of the set of extractions and every tie
follows canonical order, so the claims do not depend on arrival order.

Evidence an editor placed stays where the editor put it, and its extraction
takes no part in clustering.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Coalesce
from rapidfuzz import fuzz

from entities.models import Entity, Made

from .clustering import (
    RENEWAL_GAP,
    Proposition,
    _link_contradictions,
    claim_summary,
    cluster_target_id,
    clusters_of,
    proposition_of,
    propositions_match,
    representative,
)
from .models import Claim, Evidence, Extraction, Kind

# Wire copy: sentences this similar in two articles are one report, not two.
ECHO_SIMILARITY = 90

# Only so many earlier sentences of a claim are compared for wire copy.
_ECHO_CANDIDATES = 200

_PROPOSITION_FIELDS = (
    "article", "actor__represents__represents", "target", "about",
)


def claims_relink(*, extractions: Iterable[Extraction] = (), claim_ids: Iterable[int] = ()) -> set[int]:
    """Re-cluster ``extractions`` (new or changed) with the claims they and ``claim_ids`` reach.

    Returns the ids of the claims that exist afterwards and whose evidence
    may have changed; the caller marks them dirty.
    """
    capitals: dict = {}
    new = _propositions(Extraction.objects.filter(pk__in=[e.pk for e in extractions]), capitals)
    region = set(claim_ids) | set(
        Evidence.objects.filter(extraction_id__in=[p.extraction.pk for p in new]).values_list("claim_id", flat=True)
    )
    candidates = _members(_candidate_claims(new), capitals)
    region |= {
        claim_id for claim_id, members in candidates.items()
        if any(propositions_match(p, m) for p in new for m in members)
    }
    members = {claim_id: candidates.get(claim_id) for claim_id in region}
    members |= _members([claim_id for claim_id, found in members.items() if found is None], capitals)
    current = {p.extraction.pk: claim_id for claim_id, found in members.items() for p in found or ()}
    propositions = {p.extraction.pk: p for p in [*new, *(p for found in members.values() for p in found or ())]}
    clusters = clusters_of(list(propositions.values()))
    kept = _clusters_store(clusters, current, region, capitals)
    # A claim whose evidence all moved to other claims is gone; one that still has an
    # editor's evidence stays, and must be recounted.
    emptied = set(current.values()) - kept
    Claim.objects.filter(pk__in=emptied, evidence__isnull=True).delete()
    return kept | set(Claim.objects.filter(pk__in=region - kept).values_list("pk", flat=True))


def claim_for_extraction(extraction: Extraction) -> Claim:
    """Link one extraction and return the claim it now backs (or answers)."""
    claims_relink(extractions=[extraction])
    return Evidence.objects.select_related("claim").get(extraction=extraction).claim


# --- Reading propositions ---------------------------------------------------------------


def _propositions(extractions, capitals: dict) -> list[Proposition]:
    rows = extractions.filter(rejected=False).exclude(evidence__made_by=Made.EDITOR)
    return [proposition_of(e, capitals=capitals) for e in rows.select_related(*_PROPOSITION_FIELDS)]


def _members(claim_ids: Iterable[int], capitals: dict) -> dict[int, list[Proposition]]:
    """The machine-placed evidence of these claims, as propositions."""
    members: dict[int, list[Proposition]] = {claim_id: [] for claim_id in claim_ids}
    evidence = (
        Evidence.objects.filter(claim_id__in=list(members), made_by=Made.MACHINE, extraction__rejected=False)
        .select_related(*(f"extraction__{field}" for field in _PROPOSITION_FIELDS))
        .order_by("pk")
    )
    for row in evidence:
        members[row.claim_id].append(proposition_of(row.extraction, capitals=capitals))
    return members


def _candidate_claims(new: list[Proposition]) -> list[int]:
    """Claims that may hold a proposition matching one of ``new``: same kind, actor and
    object, with evidence within the renewal gap (or undated). A superset: matching decides."""
    if not new:
        return []
    query = Q(pk__in=[])
    for p in new:
        query |= _bucket(p)
    return list(Claim.objects.filter(query).values_list("pk", flat=True).distinct())


def _bucket(p: Proposition) -> Q:
    if p.only_article_id:
        return Q(only_article_id=p.only_article_id)
    bucket = Q(kind=p.kind, about_id=p.about_id, only_article__isnull=True)
    if p.kind != Kind.STATUS:
        bucket &= Q(actor_id=p.actor_id)
    elif p.actor_id is not None:
        bucket &= Q(actor_id=p.actor_id) | Q(actor__isnull=True)
    if p.date is not None:
        bucket &= Q(Exists(_evidence_near(p)))
    if p.response:
        bucket |= Q(kind=Kind.DEMAND, about_id=p.about_id, predicate=p.extraction.predicate)
    elif p.kind == Kind.DEMAND and p.about_id is not None:
        bucket |= Q(about_id=p.about_id) & ~Q(kind=Kind.DEMAND)  # answers filed before the demand
    return bucket


def _evidence_near(p: Proposition):
    date = Coalesce("extraction__event_date", "extraction__article__published")
    return (
        Evidence.objects.filter(claim_id=OuterRef("pk"))
        .alias(date=date)
        .filter(Q(date__isnull=True) | Q(date__gte=p.date - RENEWAL_GAP, date__lte=p.date + RENEWAL_GAP))
    )


# --- Writing clusters as claims -----------------------------------------------------------


def _clusters_store(
    clusters: list[list[Proposition]], current: dict[int, int], region: set[int], capitals: dict
) -> set[int]:
    """Write each cluster as one claim, reusing the claim that held most of it, else one
    of the region with its key (the claim a re-extracted article's finding backed before)."""
    Evidence.objects.filter(extraction_id__in=list(current), made_by=Made.MACHINE).delete()
    used: set[int] = set()
    placed: list[tuple[Claim, list[Proposition]]] = []
    for members in clusters:
        held = Counter(current[p.extraction.pk] for p in members if p.extraction.pk in current)
        reuse = min((claim_id for claim_id in held if claim_id not in used), key=lambda c: (-held[c], c), default=None)
        if reuse is None:
            reuse = _claim_with_key(members, among=region - used)
        claim = _claim_write(reuse, members, capitals)
        used.add(claim.pk)
        placed.append((claim, members))
    for claim, members in placed:
        _evidence_write(claim, members)
        _link_contradictions(claim)
    return used


def _claim_with_key(members: list[Proposition], *, among: set[int]) -> int | None:
    lead = representative(members)
    return (
        Claim.objects.filter(
            pk__in=among, kind=lead.kind, actor_id=lead.actor_id, target_id=cluster_target_id(members),
            about_id=lead.about_id, predicate=lead.predicate, topic=lead.topic, only_article_id=lead.only_article_id,
        )
        .order_by("pk")
        .values_list("pk", flat=True)
        .first()
    )


def _claim_write(claim_id: int | None, members: list[Proposition], capitals: dict) -> Claim:
    lead = representative(members)
    actor = Entity.objects.filter(pk=lead.actor_id).first() if lead.actor_id else None
    fields = {
        "kind": lead.kind,
        "actor": actor,
        "target_id": cluster_target_id(members),
        "about_id": lead.about_id,
        "predicate": lead.predicate,
        "topic": lead.topic,
        "only_article_id": lead.only_article_id,
        "renews": _renewed_claim(lead, exclude=claim_id, capitals=capitals),
        "summary": claim_summary(lead.extraction, actor),
    }
    if claim_id is None:
        return Claim.objects.create(**fields)
    claim = Claim.objects.get(pk=claim_id)
    changed = [name for name, value in fields.items() if getattr(claim, name) != value]
    for name in changed:
        setattr(claim, name, fields[name])
    if changed:
        claim.save(update_fields=[name.removesuffix("_id") for name in changed])
    return claim


def _renewed_claim(lead: Proposition, *, exclude: int | None, capitals: dict) -> Claim | None:
    """The earlier claim this one makes again, months later ("renewed its demand")."""
    if lead.date is None or lead.only_article_id:
        return None
    before = lead.date - RENEWAL_GAP
    bucket = Q(kind=lead.kind, about_id=lead.about_id, only_article__isnull=True, actor_id=lead.actor_id)
    date = Coalesce("extraction__event_date", "extraction__article__published")
    earlier = Evidence.objects.filter(claim_id=OuterRef("pk")).alias(date=date).filter(date__lt=before)
    claim_ids = Claim.objects.filter(bucket).filter(Exists(earlier)).exclude(pk=exclude).values_list("pk", flat=True)
    found = [
        (m.date, m.order, claim_id)
        for claim_id, members in _members(claim_ids, capitals).items()
        for m in members
        if m.date and m.date < before and propositions_match(lead, m, across_dates=True)
    ]
    if not found:
        return None
    last = max(date for date, _, _ in found)
    _, claim_id = min((order, claim_id) for date, order, claim_id in found if date == last)
    return Claim.objects.get(pk=claim_id)


def _evidence_write(claim: Claim, members: list[Proposition]) -> None:
    rows = Evidence.objects.bulk_create(
        [Evidence(claim=claim, extraction=p.extraction) for p in members]
    )
    echoes = _echoes(list(zip(rows, members)))
    if echoes:
        Evidence.objects.bulk_update(echoes, ["echo_of"])


def _echoes(placed: list[tuple[Evidence, Proposition]]) -> list[Evidence]:
    """Wire copy: evidence whose sentence nearly repeats an earlier article's in the same claim.

    "Earlier" is canonical order (publication date, then content hash), so
    which of two copies is the echo does not depend on which arrived first.
    """
    originals: list[tuple[Evidence, Proposition]] = []
    echoes = []
    for row, p in placed:  # members come in canonical order
        sentence = p.extraction.sentence
        source = next(
            (
                original for original, q in originals[-_ECHO_CANDIDATES:]
                if q.extraction.article_id != p.extraction.article_id
                and 0.9 * len(sentence) <= len(q.extraction.sentence) <= 1.1 * len(sentence)
                and fuzz.token_sort_ratio(q.extraction.sentence, sentence) >= ECHO_SIMILARITY
            ),
            None,
        )
        if source is None:
            originals.append((row, p))
        else:
            row.echo_of = source
            echoes.append(row)
    return echoes


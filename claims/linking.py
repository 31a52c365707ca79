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

import datetime as dt
from collections import Counter
from collections.abc import Iterable

from django.db.models import Min, Q
from django.db.models.functions import Coalesce
from rapidfuzz import fuzz
from simple_history.utils import bulk_create_with_history

from entities.models import Entity, Made

from .clustering import (
    RENEWAL_GAP,
    Proposition,
    claim_summary,
    claims_contradictions_link,
    cluster_target_id,
    cluster_voice_id,
    clusters_of,
    proposition_of,
    propositions_match,
    renewal_gap,
    representative,
)
from .models import Claim, Evidence, Extraction, Kind

# Wire copy: sentences this similar in two articles are one report, not two.
ECHO_SIMILARITY = 90

# Only so many earlier sentences of a claim are compared for wire copy.
_ECHO_CANDIDATES = 200

# When a piece of evidence was said: the date in its sentence, else its article's.
_EVIDENCE_DATE = Coalesce("extraction__event_date", "extraction__article__published")
_CLAIM_EVIDENCE_DATE = Coalesce("evidence__extraction__event_date", "evidence__extraction__article__published")

_PROPOSITION_FIELDS = (
    "article", "actor__represents__represents", "target", "about",
)
# Columns no proposition reads, and the bulk of the rows: each piece of evidence would
# carry its whole article's text.
_UNREAD_FIELDS = ("sentence_vector", "article__body", "article__furniture")


def claims_relink(*, extractions: Iterable[Extraction] = (), claim_ids: Iterable[int] = ()) -> set[int]:
    """Re-cluster ``extractions`` (new or changed) with the claims they and ``claim_ids`` reach.

    Returns the ids of the claims that exist afterwards and whose evidence
    may have changed; the caller marks them dirty.
    """
    reading = _Reading()
    new = reading.propositions_of(Extraction.objects.filter(pk__in=[e.pk for e in extractions]))
    region = set(claim_ids) | set(
        Evidence.objects.filter(extraction_id__in=[p.extraction.pk for p in new]).values_list("claim_id", flat=True)
    )
    candidates = reading.members_of(_candidate_claims(new))
    region |= {
        claim_id for claim_id, members in candidates.items()
        if any(propositions_match(p, m) for p in new for m in members)
    }
    members = reading.members_of(region)
    region, members = _with_claims_wildcards_reach(region, members, reading)
    current = {p.extraction.pk: claim_id for claim_id, found in members.items() for p in found}
    propositions = {p.extraction.pk: p for p in [*new, *(p for found in members.values() for p in found)]}
    kept = _clusters_store(clusters_of(list(propositions.values())), current, region, reading)
    # A claim whose evidence all moved to other claims is gone; one that still has an
    # editor's evidence stays, and must be recounted.
    emptied = set(current.values()) - kept
    Claim.objects.filter(pk__in=emptied, evidence__isnull=True).delete()
    return kept | set(Claim.objects.filter(pk__in=region - kept).values_list("pk", flat=True))


def _with_claims_wildcards_reach(
    region: set[int], members: dict[int, list[Proposition]], reading: _Reading
) -> tuple[set[int], dict[int, list[Proposition]]]:
    """The region grown by the claims its wildcards (a finding missing a target or a date) may join.

    Clustering places a wildcard with the earliest full proposition it matches; re-placed in a
    region without that claim it would settle for another, and where it ends would depend on
    the order the articles came in. So the region takes in every claim a wildcard of it
    matches, until no more come in."""
    seen: set[int] = set()
    while True:
        wild = [p for claim_id, found in members.items() if claim_id not in seen for p in found if p.wildcard]
        seen |= set(members)
        if not wild:
            return region, members
        candidates = reading.members_of(set(_candidate_claims(wild)) - region)
        reached = {
            claim_id for claim_id, found in candidates.items()
            if any(propositions_match(p, m) for p in wild for m in found)
        }
        if not reached:
            return region, members
        region = region | reached
        members = reading.members_of(region)


def claim_for_extraction(extraction: Extraction) -> Claim:
    """Link one extraction and return the claim it now backs (or answers)."""
    claims_relink(extractions=[extraction])
    return Evidence.objects.select_related("claim").get(extraction=extraction).claim


# --- Reading propositions ---------------------------------------------------------------


class _Reading:
    """What one relink has read, so that no claim's evidence is read, and no extraction
    turned into a proposition, twice."""

    def __init__(self) -> None:
        self.capitals: dict = {}
        self.propositions: dict[int, Proposition] = {}  # by extraction id
        self.members: dict[int, list[Proposition]] = {}  # machine-placed evidence, by claim id

    def proposition(self, extraction: Extraction) -> Proposition:
        if extraction.pk not in self.propositions:
            self.propositions[extraction.pk] = proposition_of(extraction, capitals=self.capitals)
        return self.propositions[extraction.pk]

    def propositions_of(self, extractions) -> list[Proposition]:
        rows = extractions.filter(rejected=False).exclude(evidence__made_by=Made.EDITOR)
        return [self.proposition(e) for e in rows.select_related(*_PROPOSITION_FIELDS).defer(*_UNREAD_FIELDS)]

    def members_of(self, claim_ids: Iterable[int]) -> dict[int, list[Proposition]]:
        """The machine-placed evidence of these claims, as propositions."""
        claim_ids = list(claim_ids)
        missing = [claim_id for claim_id in claim_ids if claim_id not in self.members]
        for claim_id in missing:
            self.members[claim_id] = []
        evidence = (
            Evidence.objects.filter(claim_id__in=missing, made_by=Made.MACHINE, extraction__rejected=False)
            .select_related(*(f"extraction__{field}" for field in _PROPOSITION_FIELDS))
            .defer(*(f"extraction__{field}" for field in _UNREAD_FIELDS))
            .order_by("pk")
        )
        for row in evidence if missing else ():
            self.members[row.claim_id].append(self.proposition(row.extraction))
        return {claim_id: self.members[claim_id] for claim_id in claim_ids}


def _candidate_claims(new: list[Proposition]) -> list[int]:
    """Claims that may hold a proposition matching one of ``new``: same kind, actor and
    object, with evidence within the renewal gap (or undated). A superset: matching decides.

    Two plain queries: the claims in any bucket by their keys, then the dates of those
    claims' evidence, which decide the dated buckets here. One query with a date subquery
    a bucket cost 40-100 ms a reading in a corpus of 245 articles, most of it building,
    compiling and planning the subqueries (README, "Where the end-to-end time goes").
    """
    if not new:
        return []
    # An article states many findings of one actor on one date: one condition serves them all.
    buckets = list({_bucket_key(p): p for p in new}.values())
    query = Q(pk__in=[])
    for p in buckets:
        query |= _bucket(p)
    claims = list(
        Claim.objects.filter(query).order_by().values_list(
            "pk", "kind", "about_id", "actor_id", "only_article_id", "predicate", named=True
        )
    )
    dates: dict[int, list[dt.date | None]] = {}
    if claims and any(p.date is not None and not p.only_article_id for p in buckets):
        evidence = (
            Evidence.objects.filter(claim_id__in=[claim.pk for claim in claims])
            .annotate(date=_EVIDENCE_DATE).order_by().values_list("claim_id", "date")
        )
        for claim_id, date in evidence:
            dates.setdefault(claim_id, []).append(date)
    return [claim.pk for claim in claims if any(_in_bucket(p, claim, dates.get(claim.pk, ())) for p in buckets)]


def _bucket_key(p: Proposition) -> tuple:
    """Everything ``_bucket`` and ``_in_bucket`` read: propositions with equal keys have equal buckets."""
    return (p.only_article_id, p.kind, p.about_id, p.actor_id, p.date, p.response and p.extraction.predicate)


def _bucket(p: Proposition) -> Q:
    """The claims ``p``'s bucket can hold, by their keys: ``_in_bucket`` without the dates."""
    if p.only_article_id:
        return Q(only_article_id=p.only_article_id)
    bucket = Q(kind=p.kind, about_id=p.about_id, only_article__isnull=True)
    if p.kind != Kind.STATUS:
        bucket &= Q(actor_id=p.actor_id)
    elif p.actor_id is not None:
        bucket &= Q(actor_id=p.actor_id) | Q(actor__isnull=True)
    if p.response:
        bucket |= Q(kind=Kind.DEMAND, about_id=p.about_id, predicate=p.extraction.predicate)
    elif p.kind == Kind.DEMAND and p.about_id is not None:
        bucket |= Q(about_id=p.about_id) & ~Q(kind=Kind.DEMAND)  # answers filed before the demand
    return bucket


def _in_bucket(p: Proposition, claim, dates: Iterable[dt.date | None]) -> bool:
    """Is ``claim`` (a row of ``_candidate_claims``) in ``p``'s bucket? ``dates``: its evidence's.

    The same condition as ``_bucket``, with the date: a dated proposition's own
    bucket holds only claims with evidence within the renewal gap of it, or undated.
    """
    if p.only_article_id:
        return claim.only_article_id == p.only_article_id
    keyed = claim.kind == p.kind and claim.about_id == p.about_id and claim.only_article_id is None
    if p.kind != Kind.STATUS:
        keyed = keyed and claim.actor_id == p.actor_id
    elif p.actor_id is not None:
        keyed = keyed and claim.actor_id in (p.actor_id, None)
    if keyed and p.date is not None:
        earliest, latest = p.date - RENEWAL_GAP, p.date + RENEWAL_GAP
        keyed = any(date is None or earliest <= date <= latest for date in dates)
    if p.response:
        return keyed or (
            claim.kind == Kind.DEMAND and claim.about_id == p.about_id and claim.predicate == p.extraction.predicate
        )
    if p.kind == Kind.DEMAND and p.about_id is not None:
        return keyed or (claim.about_id == p.about_id and claim.kind != Kind.DEMAND)
    return keyed


# --- Writing clusters as claims -----------------------------------------------------------


def _clusters_store(
    clusters: list[list[Proposition]], current: dict[int, int], region: set[int], reading: _Reading
) -> set[int]:
    """Write each cluster as one claim, reusing the claim that held most of it, else one
    of the region with its key (the claim a re-extracted article's finding backed before)."""
    Evidence.objects.filter(extraction_id__in=list(current), made_by=Made.MACHINE).delete()
    existing = Claim.objects.in_bulk(region)
    filed_under = {representative(members).actor_id for members in clusters}
    actors = Entity.objects.in_bulk((filed_under | {cluster_voice_id(m) for m in clusters}) - {None})
    used: set[int] = set()
    placed: list[tuple[Claim, list[Proposition]]] = []
    for members in clusters:
        held = Counter(current[p.extraction.pk] for p in members if p.extraction.pk in current)
        reuse = min((claim_id for claim_id in held if claim_id not in used), key=lambda c: (-held[c], c), default=None)
        if reuse is None:
            reuse = _claim_with_key(members, among=[existing[c] for c in sorted(region - used) if c in existing])
        claim = _claim_write(existing.get(reuse), members, actors)
        if claim.pk is not None:
            used.add(claim.pk)
        placed.append((claim, members))
    # The new claims in one insert, and their history rows in another (the rows a save of each
    # would write), in the order of the clusters: a new claim is in no region, so no choice above
    # needed its id.
    if created := [claim for claim, _ in placed if claim.pk is None]:
        bulk_create_with_history(created, Claim)
    used.update(claim.pk for claim, _ in placed)
    for claim_id in region - used:
        reading.members[claim_id] = []
    for claim, members in placed:
        reading.members[claim.pk] = members
    _evidence_write(placed)
    claims_contradictions_link([claim for claim, _ in placed])
    _renewals_write(placed, reading)
    return used


def _claim_with_key(members: list[Proposition], *, among: list[Claim]) -> int | None:
    """The first of ``among`` keyed as this cluster would be (the claim its article backed before)."""
    lead = representative(members)
    key = (lead.kind, lead.actor_id, cluster_target_id(members), lead.about_id, lead.predicate, lead.topic,
           lead.only_article_id)
    return next(
        (
            claim.pk for claim in among
            if (claim.kind, claim.actor_id, claim.target_id, claim.about_id, claim.predicate, claim.topic,
                claim.only_article_id) == key
        ),
        None,
    )


def _claim_write(claim: Claim | None, members: list[Proposition], actors: dict[int, Entity]) -> Claim:
    """Key and summarise ``claim`` by the cluster's representative; or a new one, not yet saved."""
    lead = representative(members)
    voice_id = cluster_voice_id(members)
    fields = {
        "kind": lead.kind,
        "actor_id": lead.actor_id,  # the id: comparing the entity would fetch each claim's actor
        "target_id": cluster_target_id(members),
        "about_id": lead.about_id,
        "voice_id": voice_id,
        "predicate": lead.predicate,
        "topic": lead.topic,
        "only_article_id": lead.only_article_id,
        # "Rufus Firefly demands ...": who made it, when one person alone did.
        "summary": claim_summary(lead.extraction, actors.get(voice_id) or actors.get(lead.actor_id)),
    }
    if claim is None:
        return Claim(**fields)
    changed = [name for name, value in fields.items() if getattr(claim, name) != value]
    for name in changed:
        setattr(claim, name, fields[name])
    if changed:
        claim.save(update_fields=[name.removesuffix("_id") for name in changed])
    return claim


def _renewals_write(placed: list[tuple[Claim, list[Proposition]]], reading: _Reading) -> None:
    """Link each claim to the earlier claim it makes again, months later ("renewed its demand").

    Decided once every cluster is written, so that it reads the claims as they now are.
    """
    by_bucket: dict[tuple, list[tuple[Claim, Proposition, dt.date]]] = {}
    for claim, members in placed:
        lead = representative(members)
        if lead.date is not None and not lead.only_article_id:
            before = lead.date - renewal_gap(members)
            by_bucket.setdefault((lead.kind, lead.about_id, lead.actor_id), []).append((claim, lead, before))
    earlier = _claims_with_evidence_before(
        {bucket: max(before for _, _, before in group) for bucket, group in by_bucket.items()}
    )
    members = reading.members_of({claim_id for found in earlier.values() for claim_id in found})
    for bucket, group in by_bucket.items():
        candidates = {claim_id: members[claim_id] for claim_id in earlier[bucket]}
        for claim, lead, before in group:
            renews = _renewed_claim_id(lead, claim.pk, candidates, before)
            if claim.renews_id != renews:
                Claim.objects.filter(pk=claim.pk).update(renews_id=renews)
                claim.renews_id = renews
            if renews is not None and claim.target_id is None:
                # "renewed its demand for an apology": made again of the party it was made of.
                target = cluster_target_id(candidates[renews])
                if target is not None:
                    Claim.objects.filter(pk=claim.pk).update(target_id=target)
                    claim.target_id = target


def _claims_with_evidence_before(before: dict[tuple, dt.date]) -> dict[tuple, list[int]]:
    """For each bucket (kind, about, actor), the claims in it with evidence dated before its date.

    One query for every bucket: a claim has evidence before a date when its earliest
    evidence is before it.
    """
    found: dict[tuple, list[int]] = {bucket: [] for bucket in before}
    if not before:
        return found
    any_bucket = Q(pk__in=[])
    for kind, about_id, actor_id in before:
        any_bucket |= Q(kind=kind, about_id=about_id, actor_id=actor_id)
    rows = (
        Claim.objects.filter(any_bucket, only_article__isnull=True)
        .annotate(earliest=Min(_CLAIM_EVIDENCE_DATE))
        .order_by("pk")
        .values_list("pk", "kind", "about_id", "actor_id", "earliest")
    )
    for claim_id, *bucket, earliest in rows:
        if earliest is not None and earliest < before[tuple(bucket)]:
            found[tuple(bucket)].append(claim_id)
    return found


def _renewed_claim_id(
    lead: Proposition, claim_id: int, candidates: dict[int, list[Proposition]], before: dt.date
) -> int | None:
    found = [
        (m.date, m.order, other)
        for other, members in candidates.items()
        if other != claim_id
        for m in members
        if m.date and m.date < before and propositions_match(lead, m, across_dates=True)
    ]
    if not found:
        return None
    last = max(date for date, _, _ in found)
    return min((order, other) for date, order, other in found if date == last)[1]


def _evidence_write(placed: list[tuple[Claim, list[Proposition]]]) -> None:
    """Every cluster's evidence in one insert, then the wire-copy echoes in one update."""
    rows = Evidence.objects.bulk_create(
        [Evidence(claim=claim, extraction=p.extraction) for claim, members in placed for p in members]
    )
    echoes, start = [], 0
    for _, members in placed:
        echoes += _echoes(list(zip(rows[start : start + len(members)], members)))
        start += len(members)
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


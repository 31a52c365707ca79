"""Writes of the claims domain: storing an article's extractions, linking them to
claims, and editor decisions about extractions, evidence and entity merges.

Every function that changes what a claim counts marks that claim dirty in the
caller's transaction (``claims_mark_dirty``); the recompute is queued on
commit, and the sweep finds any claim whose message was lost.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction
from django.db.models import Q

import nlp
from articles.models import Article, corpus_write_lock
from entities.models import Entity, Made

from .clustering import STATE_LEVEL_KINDS
from .linking import claims_relink
from .models import Claim, Evidence, Extraction
from .tasks import claims_recompute_enqueue


# Set while a batch is processed inline: its caller recomputes every dirty claim once
# at the end, rather than once per article.
_recompute_deferred: ContextVar[bool] = ContextVar("claims_recompute_deferred", default=False)


def claims_mark_dirty(*, claim_ids: Iterable[int]) -> list[int]:
    """Mark claims stale in the caller's transaction and queue their recompute on commit.

    The mark is what counts: if the message is lost or the worker dies, the
    sweep recomputes whatever is still dirty.
    """
    ids = sorted(set(claim_ids))
    if ids:
        Claim.objects.filter(pk__in=ids, dirty=False).update(dirty=True)
        if not _recompute_deferred.get():
            transaction.on_commit(lambda: claims_recompute_enqueue(ids))
    return ids


@contextmanager
def claims_recompute_deferred() -> Iterator[None]:
    """Only mark claims dirty meanwhile; the caller runs ``claims_recompute_dirty`` after."""
    token = _recompute_deferred.set(True)
    try:
        yield
    finally:
        _recompute_deferred.reset(token)


# --- An article's extractions become evidence of claims ----------------------------------


def article_extractions_replace(
    *, article: Article, analysis: nlp.Analysis, entities: dict[str, Entity], rejected_spans: set
) -> set[int]:
    """Replace the machine's extractions of ``article`` and link them to claims.

    Returns every claim the article backed before or backs now. Rows an editor
    decided about (locked) stay as they are and are not extracted again.
    """
    touched = set(Evidence.objects.filter(extraction__article=article).values_list("claim_id", flat=True))
    kept_fingerprints = set(
        Extraction.objects.filter(article=article, locked=True).values_list("fingerprint", flat=True)
    )
    Extraction.objects.machine_made().filter(article=article).delete()
    stored = _extractions_store(article, analysis, entities, rejected_spans, kept_fingerprints)
    return claims_relink(extractions=stored, claim_ids=touched)


def _extractions_store(article, analysis, entities, rejected_spans, kept_fingerprints) -> list[Extraction]:
    """Insert the article's new findings in one statement, and their origins in another.

    Machine rows are no history (``EditorDecisionHistory``), so a bulk insert
    loses nothing; it saves three round trips a finding.
    """
    rows, origins_of = [], []
    for found in analysis.extractions:
        fingerprint = extraction_fingerprint(found)
        if fingerprint in kept_fingerprints:
            continue  # an editor decided about this one; their row stays as it is
        # The extractor lists origins outermost first: the one this article relies on.
        origins = list({e.pk: e for ref in found.origins if (e := _entity_for(ref, entities, rejected_spans))}.values())
        rows.append(_extraction_row(article, found, fingerprint, entities, rejected_spans, origin=next(iter(origins), None)))
        origins_of.append(origins)
    stored = Extraction.objects.bulk_create(rows)
    Through = Extraction.origins.through
    Through.objects.bulk_create(
        [Through(extraction_id=row.pk, entity_id=entity.pk) for row, origins in zip(stored, origins_of) for entity in origins]
    )
    return stored


def _extraction_row(article, found, fingerprint, entities, rejected_spans, *, origin) -> Extraction:
    return Extraction(
        article=article,
        kind=found.kind,
        actor=_entity_for(found.actor, entities, rejected_spans),
        actor_text=found.actor.text[:300] if found.actor else "",
        target=_entity_for(found.target, entities, rejected_spans),
        target_text=found.target.text[:300] if found.target else "",
        target_inferred=found.target_inferred and found.target is not None,
        about=_entity_for(found.about, entities, rejected_spans),
        predicate=found.predicate[:100],
        content=found.content.text if found.content else "",
        content_start=found.content.start if found.content else None,
        content_end=found.content.end if found.content else None,
        cue=found.cue[:100],
        direct=found.direct,
        negated=found.negated,
        stance=found.stance,
        origin=origin,
        origin_text=", ".join(ref.text for ref in found.origins)[:300],
        sentence=found.sentence.text,
        sentence_start=found.sentence.start,
        sentence_end=found.sentence.end,
        event_date=found.event_date,
        terms=list(found.terms),
        meaning=found.meaning or None,
        fingerprint=fingerprint,
    )


def _entity_for(ref, entities, rejected_spans) -> Entity | None:
    if ref is None or (ref.start, ref.end) in rejected_spans:
        return None
    return entities.get(ref.key)


def extraction_fingerprint(found: nlp.Extraction) -> str:
    """Stable across runs for the same finding in the same sentence, whatever the entity ids."""
    parts = [
        found.kind,
        found.sentence.text,
        found.actor.text if found.actor else "",
        found.predicate,
        found.content.text if found.content else "",
    ]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


# --- Entity merges reach the claims ---------------------------------------------------------


def claims_repoint_entity(*, old: Entity, new: Entity) -> None:
    """Point extractions of ``old`` at ``new`` and re-cluster the claims of both.

    Called inside ``entity_merge``'s transaction: claims of the two entities
    that now say the same thing become one, and every touched claim is marked dirty.
    """
    for field in ("actor", "target", "about", "origin"):
        Extraction.objects.filter(**{field: old}).update(**{field: new})
    through = Extraction.origins.through
    credited = through.objects.filter(entity=old)
    already = set(through.objects.filter(entity=new).values_list("extraction_id", flat=True))
    credited.filter(extraction_id__in=already).delete()
    credited.update(entity=new)
    for field in ("actor", "target", "about", "voice"):
        Claim.objects.filter(**{field: old}).update(**{field: new})
    mentioned = Q(actor=new) | Q(target=new) | Q(about=new) | Q(voice=new)
    claims_mark_dirty(claim_ids=claims_relink(claim_ids=Claim.objects.filter(mentioned).values_list("pk", flat=True)))


def claims_refile_actor(*, member: Entity, state: Entity) -> None:
    """``member`` turned out to act for ``state``: its demands and statuses are filed under the state.

    Articles processed before the affiliation was learned filed them under the
    person; re-clustering them with the state's keeps the grouping independent
    of the order articles arrive in.
    """
    claims = Claim.objects.filter(actor__in=[member, state], kind__in=STATE_LEVEL_KINDS)
    claims_mark_dirty(claim_ids=claims_relink(claim_ids=claims.values_list("pk", flat=True)))


# --- Editor decisions about extractions and evidence -----------------------------------


@transaction.atomic
def extraction_reject(*, extraction: Extraction) -> Extraction:
    """An editor rejects an extraction: it stops counting, and stays rejected on re-extraction."""
    corpus_write_lock()  # before any row: the order every writer keeps
    extraction.rejected = True
    extraction.locked = True
    extraction.made_by = Made.EDITOR
    extraction.save(update_fields=["rejected", "locked", "made_by"])
    claims_mark_dirty(claim_ids=extraction.evidence.values_list("claim_id", flat=True))
    return extraction


@transaction.atomic
def evidence_move(*, evidence: Evidence, claim: Claim) -> Evidence:
    """An editor moves evidence to another claim; both claims are recounted."""
    corpus_write_lock()  # before any row: the order every writer keeps
    old_claim_id = evidence.claim_id
    if old_claim_id == claim.pk:
        return evidence
    Evidence.objects.filter(claim=claim, extraction_id=evidence.extraction_id).exclude(pk=evidence.pk).delete()
    evidence.claim = claim
    evidence.made_by = Made.EDITOR
    evidence.echo_of = None
    # The machine's placements are not history; the move says where it came from.
    evidence._change_reason = f"moved from claim {old_claim_id}"
    evidence.save(update_fields=["claim", "made_by", "echo_of"])
    Extraction.objects.filter(pk=evidence.extraction_id).update(locked=True)
    claims_mark_dirty(claim_ids=[old_claim_id, claim.pk])
    return evidence

"""Writes of the claims domain: storing an article's extractions, linking them to
claims, and editor decisions about extractions, evidence and entity merges.

Every function that changes what a claim counts marks that claim dirty in the
caller's transaction (``claims_mark_dirty``); the recompute is queued on
commit, and the sweep finds any claim whose message was lost.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Length

import nlp
from articles.models import Article
from entities.models import Entity, Made

from .clustering import STATE_LEVEL_KINDS, claim_for_extraction
from .models import Claim, Evidence, Extraction
from .tasks import claims_recompute_task


def claims_mark_dirty(*, claim_ids: Iterable[int]) -> list[int]:
    """Mark claims stale in the caller's transaction and queue their recompute on commit.

    The mark is what counts: if the message is lost or the worker dies, the
    sweep recomputes whatever is still dirty.
    """
    ids = sorted(set(claim_ids))
    if ids:
        Claim.objects.filter(pk__in=ids, dirty=False).update(dirty=True)
        transaction.on_commit(lambda: claims_recompute_task.delay(ids))
    return ids


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
    for extraction in _extractions_store(article, analysis, entities, rejected_spans, kept_fingerprints):
        if extraction.rejected:
            continue
        claim = claim_for_extraction(extraction)
        Evidence.objects.get_or_create(claim=claim, extraction=extraction)
        _echo_link(claim, extraction)
        touched.add(claim.pk)
    return touched


def _extractions_store(article, analysis, entities, rejected_spans, kept_fingerprints) -> list[Extraction]:
    stored = []
    for found in analysis.extractions:
        fingerprint = extraction_fingerprint(found)
        if fingerprint in kept_fingerprints:
            continue  # an editor decided about this one; their row stays as it is
        extraction = Extraction.objects.create(
            article=article,
            kind=found.kind,
            actor=_entity_for(found.actor, entities, rejected_spans),
            actor_text=found.actor.text[:300] if found.actor else "",
            target=_entity_for(found.target, entities, rejected_spans),
            target_text=found.target.text[:300] if found.target else "",
            about=_entity_for(found.about, entities, rejected_spans),
            predicate=found.predicate[:100],
            content=found.content.text if found.content else "",
            content_start=found.content.start if found.content else None,
            content_end=found.content.end if found.content else None,
            cue=found.cue[:100],
            direct=found.direct,
            negated=found.negated,
            stance=found.stance,
            origin_text=", ".join(ref.text for ref in found.origins)[:300],
            sentence=found.sentence.text,
            sentence_start=found.sentence.start,
            sentence_end=found.sentence.end,
            event_date=found.event_date,
            terms=list(found.terms),
            fingerprint=fingerprint,
        )
        origins = {e.pk: e for ref in found.origins if (e := _entity_for(ref, entities, rejected_spans))}
        if origins:
            extraction.origins.set(origins.values())
            # The extractor lists origins outermost first: the one this article relies on.
            extraction.origin = next(iter(origins.values()))
            extraction.save(update_fields=["origin"])
        stored.append(extraction)
    return stored


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


# Wire copy: sentences this similar in two articles are one report, not two.
ECHO_SIMILARITY = 90


# Only so many earlier sentences are compared; wire copy is near-identical, so
# it is also near the same length, which the database filters on first.
_ECHO_CANDIDATES = 200


def _echo_link(claim: Claim, extraction: Extraction) -> None:
    """Mark this evidence as an echo of an earlier article's near-identical sentence."""
    from rapidfuzz import fuzz

    length = len(extraction.sentence)
    earlier = (
        Evidence.objects.filter(claim=claim, echo_of__isnull=True)
        .exclude(extraction__article_id=extraction.article_id)
        .alias(length=Length("extraction__sentence"))
        .filter(length__gte=length * 0.9, length__lte=length * 1.1)
        .order_by("extraction__article__published", "pk")
        .values_list("pk", "extraction__sentence")[:_ECHO_CANDIDATES]
    )
    for pk, sentence in earlier:
        if fuzz.token_sort_ratio(sentence, extraction.sentence) >= ECHO_SIMILARITY:
            Evidence.objects.filter(claim=claim, extraction=extraction).update(echo_of_id=pk)
            return


# --- Entity merges reach the claims ---------------------------------------------------------


def claims_repoint_entity(*, old: Entity, new: Entity) -> None:
    """Point extractions and claims of ``old`` at ``new`` and merge claims that now coincide.

    Called inside ``entity_merge``'s transaction; every claim it changes is marked dirty.
    """
    for field in ("actor", "target", "about", "origin"):
        Extraction.objects.filter(**{field: old}).update(**{field: new})
    through = Extraction.origins.through
    credited = through.objects.filter(entity=old)
    already = set(through.objects.filter(entity=new).values_list("extraction_id", flat=True))
    credited.filter(extraction_id__in=already).delete()
    credited.update(entity=new)
    touched: set[int] = set()
    for claim in Claim.objects.filter(Q(actor=old) | Q(target=old) | Q(about=old)).order_by("pk"):
        touched.add(_claim_repoint(claim, old=old, new=new))
    claims_mark_dirty(claim_ids=touched)


def claims_refile_actor(*, member: Entity, state: Entity) -> None:
    """``member`` turned out to act for ``state``: its demands and statuses are filed under the state.

    Articles processed before the affiliation was learned filed them under the
    person; this keeps the grouping independent of the order articles arrive in.
    """
    claims = Claim.objects.filter(actor=member, kind__in=STATE_LEVEL_KINDS).order_by("pk")
    touched = {_claim_repoint(claim, old=member, new=state, fields=("actor",)) for claim in claims}
    claims_mark_dirty(claim_ids=touched)


def _claim_repoint(claim: Claim, *, old: Entity, new: Entity, fields=("actor", "target", "about")) -> int:
    """Re-key one claim from ``old`` to ``new``; if that claim exists already, fold this one into it."""
    key = {
        "kind": claim.kind,
        "predicate": claim.predicate,
        "topic": claim.topic,
        "renews": claim.renews,
        "only_article": claim.only_article,
        **{
            field: new if field in fields and getattr(claim, f"{field}_id") == old.pk else getattr(claim, field)
            for field in ("actor", "target", "about")
        },
    }
    existing = Claim.objects.filter(**key).exclude(pk=claim.pk).first()
    if existing is None:
        Claim.objects.filter(pk=claim.pk).update(**{k: v for k, v in key.items() if k in ("actor", "target", "about")})
        return claim.pk
    duplicate = Evidence.objects.filter(claim=existing).values("extraction_id")
    Evidence.objects.filter(claim=claim, extraction_id__in=duplicate).delete()
    Evidence.objects.filter(claim=claim).update(claim=existing)
    existing.contradicts.add(*claim.contradicts.exclude(pk=existing.pk))
    claim.delete()
    return existing.pk


# --- Editor decisions about extractions and evidence -----------------------------------


@transaction.atomic
def extraction_reject(*, extraction: Extraction) -> Extraction:
    """An editor rejects an extraction: it stops counting, and stays rejected on re-extraction."""
    extraction.rejected = True
    extraction.locked = True
    extraction.made_by = Made.EDITOR
    extraction.save(update_fields=["rejected", "locked", "made_by"])
    claims_mark_dirty(claim_ids=extraction.evidence.values_list("claim_id", flat=True))
    return extraction


@transaction.atomic
def evidence_move(*, evidence: Evidence, claim: Claim) -> Evidence:
    """An editor moves evidence to another claim; both claims are recounted."""
    old_claim_id = evidence.claim_id
    if old_claim_id == claim.pk:
        return evidence
    Evidence.objects.filter(claim=claim, extraction_id=evidence.extraction_id).exclude(pk=evidence.pk).delete()
    evidence.claim = claim
    evidence.made_by = Made.EDITOR
    evidence.echo_of = None
    evidence.save(update_fields=["claim", "made_by", "echo_of"])
    Extraction.objects.filter(pk=evidence.extraction_id).update(locked=True)
    claims_mark_dirty(claim_ids=[old_claim_id, claim.pk])
    return evidence

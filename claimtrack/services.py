"""Writes of the claims domain: processing an article end to end, and editor decisions.

``article_process`` is the pipeline for one article: extract (spaCy, outside
any transaction), then in one transaction replace the machine's output for
the article, resolve actors, link extractions to claims and mark every
touched claim dirty. Editor decisions (rejected mentions and extractions,
moved evidence) are kept and win over the new extraction. The recompute is
enqueued on commit; if that message is lost the sweep finds the dirty claims.
"""
from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Iterable

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count, Max, Q
from django.db.models.functions import Length
from django.utils import timezone

from articles.models import Article
from entities.models import Alias, Entity, Made, Mention
from entities.services import entities_resolve, entity_affiliations_learn, entity_kinds_recount

import nlp
from .clustering import STATE_LEVEL_KINDS, claim_for_extraction
from .corroboration import claims_mark_dirty, claims_recompute
from .models import Claim, Evidence, Extraction

log = logging.getLogger(__name__)

# Serialises the write phase of article processing across workers, so two
# articles naming a new actor at once create one entity, not two.
_RESOLVE_LOCK_ID = 0x436C61696D  # "Claim"


# --- The extractor, one per process, fed with the aliases the corpus knows ------------

_extractor_lock = threading.Lock()
_extractor: nlp.Extractor | None = None
_extractor_aliases_signature: tuple | None = None


# A name cut short before its particle ("Bashir al" of "Bashir al-Tamimi") is a
# boundary error, and fed to the ruler it would cut every later mention short too.
_TRUNCATED_NAME_END = {"al", "el", "ad", "ash", "bin", "ibn", "abu", "de", "da", "di", "van", "von", "der", "la", "le", "of", "the"}


def known_aliases() -> list[nlp.KnownAlias]:
    """Aliases for the EntityRuler: what editors taught us, and names seen in more than one article.

    A machine alias from a single article is not fed back: one boundary error
    must not become a rule for every later article.
    """
    corroborated = Count("entity__mentions__article", distinct=True)
    rows = (
        Alias.objects.filter(blocked=False, entity__merged_into__isnull=True)
        .annotate(articles=corroborated)
        .filter(Q(made_by=Made.EDITOR) | Q(articles__gte=2))
        .values_list("surface", "entity__name", "entity__kind")
        .order_by("pk")
    )
    return [
        nlp.KnownAlias(surface=s, canonical=c, label=k)
        for s, c, k in rows
        if len(s) >= 3 and s.split()[-1].casefold() not in _TRUNCATED_NAME_END
    ]


# Names newly seen in a second article reach the ruler within this many seconds;
# editor changes to aliases and merges reach it at once.
_RULER_REFRESH_SECONDS = 300


def _aliases_signature() -> tuple:
    stats = Alias.objects.aggregate(
        n=Count("pk"), last=Max("pk"), blocked=Count("pk", filter=Q(blocked=True)),
        editor=Count("pk", filter=Q(made_by=Made.EDITOR)),
        merged=Count("pk", filter=Q(entity__merged_into__isnull=False)),
    )
    return (*stats.values(), int(time.monotonic() // _RULER_REFRESH_SECONDS))


def extractor() -> nlp.Extractor:
    """The process's extractor, its ruler refreshed when the Alias table changed."""
    global _extractor, _extractor_aliases_signature
    with _extractor_lock:
        signature = _aliases_signature()
        if _extractor is None:
            _extractor = nlp.Extractor(settings.SPACY_MODEL, known_aliases())
        elif signature != _extractor_aliases_signature:
            _extractor.set_known_aliases(known_aliases())
        _extractor_aliases_signature = signature
        return _extractor


# --- Processing an article -------------------------------------------------------------


def article_process(*, article_id: int) -> list[int]:
    """Extract, resolve and link one article; returns the ids of the claims it touched.

    Safe to run twice: the second run replaces the machine's rows with the
    same rows and leaves editor decisions alone.
    """
    article = Article.objects.select_related("source").get(pk=article_id)
    furniture = [nlp.Span(start, end, article.body[start:end]) for start, end in article.furniture]
    engine = extractor()
    analysis = engine.analyse(article.body, published=article.published, furniture=furniture)
    return _article_store(article_id=article_id, analysis=analysis, version=engine.version)


@transaction.atomic
def _article_store(*, article_id: int, analysis: nlp.Analysis, version: str) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_RESOLVE_LOCK_ID])
    article = Article.objects.select_for_update().get(pk=article_id)
    # Claims the article backed before (editor-kept rows included) and, below, those it backs now.
    touched = set(
        Evidence.objects.filter(extraction__article=article).values_list("claim_id", flat=True)
    )
    rejected_spans = set(
        Mention.objects.filter(article=article, rejected=True).values_list("start", "end")
    )
    kept_fingerprints = set(
        Extraction.objects.filter(article=article, locked=True).values_list("fingerprint", flat=True)
    )
    Mention.objects.filter(article=article, made_by=Made.MACHINE, rejected=False).delete()
    Extraction.objects.machine_made().filter(article=article).delete()

    entities = _actors_resolve(analysis)
    _mentions_store(article, analysis, entities, rejected_spans)
    entity_kinds_recount(entity_ids=[e.pk for e in entities.values()])
    for extraction in _extractions_store(article, analysis, entities, rejected_spans, kept_fingerprints):
        if extraction.rejected:
            continue
        claim = claim_for_extraction(extraction)
        Evidence.objects.get_or_create(claim=claim, extraction=extraction)
        _echo_link(claim, extraction)
        touched.add(claim.pk)
    Article.objects.filter(pk=article.pk).update(
        state=Article.State.DONE, error="", processed_at=timezone.now(), extractor_version=version[:100]
    )
    return claims_mark_dirty(claim_ids=touched)


def _actors_resolve(analysis: nlp.Analysis) -> dict[str, Entity]:
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


def _mentions_store(article, analysis, entities, rejected_spans) -> None:
    rows = {}
    for m in analysis.mentions:
        if (m.start, m.end) in rejected_spans or m.key not in entities:
            continue
        rows[(m.start, m.end)] = Mention(
            article=article, entity=entities[m.key], text=m.text[:300], label=m.label,
            start=m.start, end=m.end, sentence_start=m.sentence_start, sentence_end=m.sentence_end,
        )
    Mention.objects.bulk_create(rows.values(), ignore_conflicts=True)


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


@transaction.atomic
def article_mark_failed(*, article_id: int, error: str) -> None:
    Article.objects.filter(pk=article_id).update(
        state=Article.State.FAILED, error=error[:2000], processed_at=timezone.now()
    )


def claims_recompute_dirty(*, limit: int | None = None) -> int:
    """Recompute stale claims in batches; returns how many were recomputed."""
    batch = limit or settings.CLAIMTRACK_SWEEP_BATCH
    done = 0
    while True:
        ids = list(Claim.objects.dirty().order_by("pk").values_list("pk", flat=True)[:batch])
        if not ids:
            return done
        done += claims_recompute(claim_ids=ids)
        if limit is not None:
            return done


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


def articles_reprocess(*, article_ids: Iterable[int]) -> None:
    """Queue re-extraction (new model, new rules) of these articles, on commit."""
    from .tasks import article_process_task

    ids = sorted(set(article_ids))
    Article.objects.filter(pk__in=ids).queue_for_processing()
    for article_id in ids:
        article_process_task.delay_on_commit(article_id)

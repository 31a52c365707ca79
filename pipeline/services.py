"""The pipeline: the one place that says "after X, do Y" across the apps.

``article_process`` runs every stage for one article: extract (spaCy, outside
any transaction), then in one transaction resolve its actors (entities),
replace its mentions (entities) and extractions (claims), link them to claims
and mark every touched claim dirty. Editor decisions (rejected mentions and
extractions, moved evidence) are kept and win over the new extraction. The
recompute is enqueued on commit; if that message is lost the sweep finds the
dirty claims.
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from celery import current_app
from django.conf import settings
from django.db import transaction
from django.db.models import Count, Max, Q
from django.utils import timezone

import nlp
from articles.models import Article, corpus_write_lock
from articles.services import article_mark_failed
from claims.corroboration import claims_recompute_dirty
from claims.services import article_extractions_replace, claims_mark_dirty
from entities.models import Alias, Made
from entities.services import article_actors_resolve, article_mentions_replace

log = logging.getLogger(__name__)



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
    # Serialises the write phase of article processing across workers (two articles
    # naming a new actor at once create one entity, not two) and orders it before
    # any row lock against recomputes, withdrawals and deletes: no deadlock.
    corpus_write_lock()
    article = Article.objects.select_for_update().get(pk=article_id)
    if article.state == Article.State.WITHDRAWN:
        return []  # withdrawn while it was being read: the editor's decision stands
    entities = article_actors_resolve(analysis=analysis)
    rejected_spans = article_mentions_replace(article=article, analysis=analysis, entities=entities)
    touched = article_extractions_replace(
        article=article, analysis=analysis, entities=entities, rejected_spans=rejected_spans
    )
    Article.objects.filter(pk=article.pk).update(
        state=Article.State.DONE, error="", processed_at=timezone.now(), extractor_version=version[:100]
    )
    return claims_mark_dirty(claim_ids=touched)


def articles_process_inline(*, article_ids: Iterable[int]) -> dict[int, str]:
    """Extract these articles and recompute every dirty claim here, with no broker or worker.

    Returns the articles that failed, with the error (they are marked failed,
    as the worker would). Each article is processed in its own transaction.
    """
    failed: dict[int, str] = {}
    with _tasks_in_process():
        for article_id in article_ids:
            try:
                article_process(article_id=article_id)
            except Exception as error:  # noqa: BLE001 — one bad article must not stop the batch
                log.exception("article %s failed", article_id)
                failed[article_id] = f"{type(error).__name__}: {error}"
                article_mark_failed(article_id=article_id, error=failed[article_id])
        claims_recompute_dirty()
    return failed


@contextmanager
def _tasks_in_process() -> Iterator[None]:
    """Run any task queued meanwhile (article_process queues a recompute) eagerly, in this process."""
    app = current_app
    eager = app.conf.task_always_eager
    # Celery logs every eager task at INFO; here they are steps of one command, not news.
    trace_log = logging.getLogger("celery.app.trace")
    trace_level = trace_log.level
    app.conf.task_always_eager = True
    trace_log.setLevel(logging.WARNING)
    try:
        yield
    finally:
        app.conf.task_always_eager = eager
        trace_log.setLevel(trace_level)

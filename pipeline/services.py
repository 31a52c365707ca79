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

import hashlib
import logging
import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from celery import current_app
from django.conf import settings
from django.db import transaction
from django.db.models import Count, Max, Q, Sum, TextField
from django.db.models.functions import Cast, Length
from django.utils import timezone

import nlp
from articles.models import Article, corpus_write_lock
from articles.services import article_mark_failed
from claims.corroboration import claims_recompute_dirty
from claims.selectors import article_sentence_meanings
from claims.services import article_extractions_replace, claims_mark_dirty, claims_recompute_deferred
from entities.models import Alias, Made, Mention
from entities.services import aliases_ruler_snapshot, article_actors_resolve, article_mentions_replace
from nlp.actor_words import is_generic_body_word
from nlp.alias_index import AliasIndex
from nlp.furniture import find_furniture

log = logging.getLogger(__name__)



# --- The extractor, one per process, fed with the aliases the corpus knows ------------

_extractor_lock = threading.Lock()
_extractor: nlp.Extractor | None = None
_extractor_aliases_signature: tuple | None = None
_alias_index = AliasIndex(())


# A name cut short before its particle ("Bashir al" of "Bashir al-Tamimi") is a
# boundary error, and fed to the ruler it would cut every later mention short too.
_TRUNCATED_NAME_END = {"al", "el", "ad", "ash", "bin", "ibn", "abu", "de", "da", "di", "van", "von", "der", "la", "le", "of", "the"}


def known_aliases() -> list[nlp.KnownAlias]:
    """Aliases for the EntityRuler: what editors taught us, as it is now, and the names
    the corpus had corroborated when it last settled (``ruler_settle``), in every
    spelling its articles used."""
    live = Q(blocked=False, entity__merged_into__isnull=True)
    taught = [
        (surface, name, kind)
        for surface, name, kind in Alias.objects.filter(live, made_by=Made.EDITOR)
        .values_list("surface", "entity__name", "entity__kind")
    ]
    learned = [
        (surface, name, label)
        for surfaces, name, label in Alias.objects.filter(live).exclude(made_by=Made.EDITOR).exclude(ruler_label="")
        .values_list("ruler_surfaces", "ruler_name", "ruler_label")
        for surface in surfaces
    ]
    # Sorted: the ruler is a function of the snapshot, not of which row came first.
    return [nlp.KnownAlias(surface=s, canonical=c, label=k) for s, c, k in sorted({*taught, *learned})]


def _corroborated_aliases() -> dict[int, tuple[str, str, list[str]]]:
    """Machine aliases of entities named in more than one article: alias id → the entity's
    name and kind now, and every spelling of the alias its mentions use.

    A machine alias from a single article is not fed back: one boundary error
    must not become a rule for every later article. The spellings come from the
    mentions, not from the alias row, whose surface is whichever came first.
    """
    rows = list(
        Alias.objects.filter(blocked=False, entity__merged_into__isnull=True)
        .exclude(made_by=Made.EDITOR)
        .annotate(articles=Count("entity__mentions__article", distinct=True))
        .filter(articles__gte=2)
        .values_list("pk", "normalised", "surface", "entity_id", "entity__name", "entity__kind")
    )
    spellings: dict[tuple[int, str], set[str]] = defaultdict(set)
    mentions = Mention.objects.filter(entity_id__in={row[3] for row in rows}, rejected=False)
    for entity_id, text in mentions.values_list("entity_id", "text").distinct():
        spellings[(entity_id, nlp.normalise_name(text))].add(text)
    entries = {}
    for pk, normalised, surface, entity_id, name, kind in rows:
        surfaces = sorted(s for s in spellings.get((entity_id, normalised)) or {surface} if _fit_for_ruler(s))
        if surfaces:
            entries[pk] = (name, kind, surfaces)
    return entries


def _fit_for_ruler(surface: str) -> bool:
    return (
        len(surface) >= 3 and surface.split()[-1].casefold() not in _TRUNCATED_NAME_END
        and not is_generic_body_word(surface)  # "Ministry": every ministry's, so no one's
    )


def _aliases_signature() -> tuple:
    """Cheap, and changes whenever ``known_aliases`` would: editor decisions and settles."""
    in_ruler = ~Q(ruler_label="")
    stats = Alias.objects.aggregate(
        n=Count("pk"), last=Max("pk"), blocked=Count("pk", filter=Q(blocked=True)),
        editor=Count("pk", filter=Q(made_by=Made.EDITOR)),
        merged=Count("pk", filter=Q(entity__merged_into__isnull=False)),
        ruler=Count("pk", filter=in_ruler), ruler_ids=Sum("pk", filter=in_ruler),
        ruler_names=Sum(Length("ruler_name") + Length("ruler_label"), filter=in_ruler),
        ruler_surfaces=Sum(Length(Cast("ruler_surfaces", output_field=TextField())), filter=in_ruler),
    )
    return tuple(stats.values())


def extractor() -> nlp.Extractor:
    """The process's extractor, its ruler refreshed when the known aliases changed."""
    return _reader()[0]


def _reader() -> tuple[nlp.Extractor, AliasIndex, tuple]:
    """The extractor, an index of the aliases its ruler holds and their signature, consistent."""
    global _extractor, _extractor_aliases_signature, _alias_index
    with _extractor_lock:
        signature = _aliases_signature()
        if _extractor is None or signature != _extractor_aliases_signature:
            aliases = known_aliases()
            if _extractor is None:
                _extractor = nlp.Extractor(
                    settings.SPACY_MODEL, aliases, sentence_model=settings.CLAIMTRACK_SENTENCE_MODEL
                )
            elif aliases != _alias_index.aliases_given:
                _extractor.set_known_aliases(aliases)
            _alias_index = AliasIndex(aliases)
        _extractor_aliases_signature = signature
        return _extractor, _alias_index, signature


def _read_with(engine: nlp.Extractor, index: AliasIndex, body: str) -> str:
    """What read an article: model, rules and the known aliases its text contains.

    Two runs with equal versions read the article the same way; a version that
    differs only after "+aliases:" means the ruler has changed for this text.
    """
    return f"{engine.version}+aliases:{index.fingerprint(body)}"[:100]


# --- Processing an article -------------------------------------------------------------


def article_process(*, article_id: int) -> list[int]:
    """Extract, resolve and link one article; returns the ids of the claims it touched.

    Safe to run twice: the second run replaces the machine's rows with the
    same rows and leaves editor decisions alone.
    """
    article = Article.objects.select_related("source").get(pk=article_id)
    # Found again, not taken from ingest: a newer release may know furniture the one that
    # ingested the article did not, and what is read must not come out of a caption.
    furniture = find_furniture(article.body)
    while True:
        engine, index, ruler = _reader()
        if article.extractor_version.startswith(f"{engine.version}+aliases:"):
            # Read before by this model and these rules (a settle's re-reading, maybe first read by
            # another worker): the sentence vectors it stored are those encoding would give again.
            engine.meanings.remember(article_sentence_meanings(article_id=article_id))
        analysis = engine.analyse(article.body, published=article.published, furniture=furniture)
        touched = _article_store(
            article_id=article_id,
            analysis=analysis,
            version=_read_with(engine, index, article.body),
            ruler=ruler,
            furniture=[[span.start, span.end] for span in furniture],
        )
        if touched is not None:
            return touched
        # The corpus settled while this article was read: read it with the new ruler.


@transaction.atomic
def _article_store(
    *, article_id: int, analysis: nlp.Analysis, version: str, ruler: tuple | None, furniture: list[list[int]]
) -> list[int] | None:
    """Write what was read, unless the ruler changed meanwhile (then ``None``: read it again)."""
    # Serialises the write phase of article processing across workers (two articles
    # naming a new actor at once create one entity, not two) and orders it before
    # any row lock against recomputes, withdrawals and deletes: no deadlock.
    corpus_write_lock()
    if ruler is not None and ruler != _aliases_signature():
        return None
    article = Article.objects.select_for_update().get(pk=article_id)
    if article.state == Article.State.WITHDRAWN:
        return []  # withdrawn while it was being read: the editor's decision stands
    if article.furniture != furniture:
        Article.objects.filter(pk=article_id).update(furniture=furniture)
    digest = analysis_digest(analysis)
    if digest == article.analysis_digest:
        # Read again by a settle's new ruler and found the same: the rows stored are what this
        # reading would write (its names already resolve to the entities they did), so only the
        # version moves. About a quarter of a corpus's re-readings end here (README, issue 11).
        _article_mark_done(article_id, version=version, digest=digest)
        return []
    entities = article_actors_resolve(analysis=analysis)
    rejected_spans = article_mentions_replace(article=article, analysis=analysis, entities=entities)
    touched = article_extractions_replace(
        article=article, analysis=analysis, entities=entities, rejected_spans=rejected_spans
    )
    _article_mark_done(article.pk, version=version, digest=digest)
    return claims_mark_dirty(claim_ids=touched)


def _article_mark_done(article_id: int, *, version: str, digest: str) -> None:
    Article.objects.filter(pk=article_id).update(
        state=Article.State.DONE, error="", processed_at=timezone.now(), extractor_version=version,
        analysis_digest=digest,
    )


def analysis_digest(analysis: nlp.Analysis) -> str:
    """A fingerprint of everything a reading found: equal analyses write equal rows."""
    return hashlib.sha256(repr(analysis).encode()).hexdigest()


def articles_process_inline(*, article_ids: Iterable[int]) -> dict[int, str]:
    """Extract these articles and recompute every dirty claim here, with no broker or worker.

    Then the corpus settles (``articles_settle_round``) until the ruler reads
    nothing differently, as the workers' periodic settle does, so the result
    does not depend on the order the articles came in. Returns the articles
    that failed, with the error (they are marked failed, as the worker would).
    Each article is processed in its own transaction.
    """
    failed: dict[int, str] = {}
    with _tasks_in_process(), claims_recompute_deferred():
        _process_each(article_ids, failed)
        for round_number in range(1, SETTLE_ROUNDS + 1):
            stale = articles_settle_round()
            if not stale:
                break
            log.info("settle round %d: reading %d article(s) again with the names learned", round_number, len(stale))
            _process_each(stale, failed)
        claims_recompute_dirty()
    return failed


def _process_each(article_ids: Iterable[int], failed: dict[int, str]) -> None:
    for article_id in article_ids:
        try:
            article_process(article_id=article_id)
        except Exception as error:  # noqa: BLE001 — one bad article must not stop the batch
            log.exception("article %s failed", article_id)
            failed[article_id] = f"{type(error).__name__}: {error}"
            article_mark_failed(article_id=article_id, error=failed[article_id])


# --- Settling: the ruler learns the corpus's names, and what it now reads differently is read again


# Reading again can teach the corpus more names, and so change the ruler again; a
# few rounds settle a real corpus (each round reads only what the last one changed).
SETTLE_ROUNDS = 5


def articles_settle_round() -> list[int]:
    """Snapshot the names the corpus corroborates into the ruler; return the articles to read again.

    Between two settles every article is read by the same ruler, and a settle
    is a function of what the articles say, so a corpus reaches the same state
    whichever order (or how many workers) its articles were read in. The
    articles returned contain a known alias whose ruler entry changed; the
    caller reads them again (inline, or queued for the workers).
    """
    changed = ruler_settle()
    if not changed:
        return []
    return articles_read_stale(article_ids=articles_containing(surfaces=changed))


@transaction.atomic
def ruler_settle() -> set[str]:
    """Put the corroborated aliases, with their entity's name and kind now, into the ruler.

    Returns the surfaces whose ruler entry appeared, went or changed.
    """
    corpus_write_lock()  # no article is being written while the snapshot is taken
    before = known_aliases()
    aliases_ruler_snapshot(entries=_corroborated_aliases())
    return _surfaces_changed(before, known_aliases())


def articles_read_stale(*, article_ids: Iterable[int]) -> list[int]:
    """Those of these processed articles that the ruler now reads differently from when they were read."""
    engine, index, _ = _reader()
    done = Article.objects.filter(
        pk__in=list(article_ids), state=Article.State.DONE,
        extractor_version__startswith=f"{engine.version}+aliases:",
    )
    rows = done.order_by("pk").values_list("pk", "body", "extractor_version").iterator(chunk_size=200)
    return [pk for pk, body, version in rows if version != _read_with(engine, index, body)]


def articles_containing(*, surfaces: Iterable[str], chunk: int = 200) -> set[int]:
    """Processed articles whose text contains any of these names (a superset: the check is exact)."""
    surfaces = sorted(set(surfaces))
    found: set[int] = set()
    for i in range(0, len(surfaces), chunk):
        any_name = Q()
        for surface in surfaces[i:i + chunk]:
            any_name |= Q(body__contains=surface)
        found |= set(Article.objects.filter(any_name, state=Article.State.DONE).values_list("pk", flat=True))
    return found


def _surfaces_changed(before: list[nlp.KnownAlias], after: list[nlp.KnownAlias]) -> set[str]:
    return {alias.surface for alias in set(before) ^ set(after)}


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

"""Benchmark: recomputing corroboration on synthetic corpora of 1k, 10k and 100k articles.

Run by hand (never in CI), against a throw-away database:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/claimtrack_bench SECRET_KEY=bench \\
        CELERY_BROKER_URL=redis://127.0.0.1:6379/14 python bench/corroboration_bench.py 1000 10000 100000

Building 100k articles takes about 30 minutes here, so a corpus can be built once
into a database kept for the purpose and measured there as often as needed:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/claimtrack_bench100k ... \
        python bench/corroboration_bench.py --build 100000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/claimtrack_bench100k ... \
        python bench/corroboration_bench.py --kept --runs 3

The corpus is built from the sample sentences: the five samples are
processed once for real, then their extractions are copied into N synthetic
articles from 300 outlets, ten articles per story, each story with its own
claims. For each size it measures

- the time to recompute after one new article (process it for real, then
  recompute only the claims it touched) — this must not grow with the corpus;
- the time to count every claim's figures: the first count after the build
  (every claim new, every row written), a full recompute (``manage.py
  recompute --all``: every claim counted again, none changed, none written)
  and every claim marked stale then recomputed (every row written twice).

``--kept`` measures the corpus already in the database without changing it: the
full recompute ``--runs`` times (with ``--search-documents``, the one that rebuilds
every search document too), and the recompute of one synthetic article's
claims (marked stale first, so each is written) seven times; it prints every run
and the medians.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "claimtrack.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from articles.models import Article, Source  # noqa: E402
from articles.services import article_ingest  # noqa: E402
from claims.corroboration import claims_recompute, claims_recompute_all, claims_recompute_dirty  # noqa: E402
from pipeline.services import article_process  # noqa: E402
from claims.models import Claim, Evidence, Extraction  # noqa: E402
from entities.models import Entity  # noqa: E402

STORY_SIZE = 10  # articles per synthetic story
OUTLETS = 300


def reset_database() -> None:
    call_command("flush", interactive=False, verbosity=0)


def process_samples() -> list[int]:
    ids = []
    for path in sorted((ROOT / "fixtures").glob("*.txt")):
        result = article_ingest(raw=path.read_bytes(), name=path.name, enqueue=False)
        article_process(article_id=result.article.pk)
        ids.append(result.article.pk)
    claims_recompute_dirty()
    return ids


@transaction.atomic
def build_corpus(size: int, sample_ids: list[int]) -> None:
    """Copy the samples' extractions into ``size`` synthetic articles, grouped into stories.

    Everything is written with bulk inserts, a thousand articles at a time, so
    that a 100k corpus builds in minutes: the figures are what is measured, and
    the recompute counts them from the evidence rows alone.
    """
    samples = list(Article.objects.filter(pk__in=sample_ids))
    extractions = {a.pk: list(Extraction.objects.filter(article=a).prefetch_related("origins", "evidence")) for a in samples}
    sample_claims = {c.pk: c for c in Claim.objects.select_related("actor", "target", "about")}
    sources = Source.objects.bulk_create([Source(name=f"Bench outlet {n}") for n in range(OUTLETS)])
    for first in range(0, size, 1000):
        batch = range(first, min(size, first + 1000))
        articles = Article.objects.bulk_create(
            [
                Article(
                    source=sources[n % OUTLETS],
                    title=f"Synthetic {n}",
                    original_name=f"synthetic-{n}.txt",
                    body=f"Synthetic article {n}.",
                    content_hash=f"bench-{n:064d}"[-64:],
                    published=samples[n % len(samples)].published,
                    state=Article.State.DONE,
                )
                for n in batch
            ]
        )
        new_extractions, origin_rows, evidence_links = [], [], []
        for n, article in zip(batch, articles, strict=True):
            story = n // STORY_SIZE
            for original in extractions[samples[n % len(samples)].pk]:
                copy = Extraction(
                    **{f.attname: getattr(original, f.attname) for f in Extraction._meta.concrete_fields
                       if f.attname not in ("id", "article_id") and not f.generated},
                    article=article,
                )
                new_extractions.append(copy)
                origin_rows.append([o.pk for o in original.origins.all()])
                evidence_links.append((story, [e.claim_id for e in original.evidence.all()]))
        Extraction.objects.bulk_create(new_extractions)
        through = Extraction.origins.through
        through.objects.bulk_create(
            [through(extraction_id=x.pk, entity_id=o) for x, origins in zip(new_extractions, origin_rows, strict=True)
             for o in origins]
        )
        story_claims = _story_claims(
            {(story, claim_id) for story, claim_ids in evidence_links for claim_id in claim_ids}, sample_claims
        )
        Evidence.objects.bulk_create(
            [
                Evidence(claim=story_claims[story, claim_id], extraction=extraction)
                for extraction, (story, claim_ids) in zip(new_extractions, evidence_links, strict=True)
                for claim_id in claim_ids
            ],
            ignore_conflicts=True,
        )


def _story_claims(keys: set[tuple[int, int]], sample_claims: dict[int, Claim]) -> dict[tuple[int, int], Claim]:
    """For each (story, sample claim), a claim of that story copying it, about the story's own actors.

    Each story is about its own actors, as different news stories are.
    """
    wanted_entities = {
        (story, entity)
        for story, claim_id in keys
        for entity in _roles(sample_claims[claim_id])
        if entity is not None
    }
    ordered = sorted(wanted_entities, key=lambda pair: (pair[0], pair[1].pk))
    created = Entity.objects.bulk_create(
        [Entity(name=f"{entity.name} #{story}", kind=entity.kind) for story, entity in ordered]
    )
    entities = {(story, entity.pk): copy for (story, entity), copy in zip(ordered, created, strict=True)}

    def copy_of(story: int, entity: Entity | None) -> Entity | None:
        return None if entity is None else entities[story, entity.pk]

    ordered_keys = sorted(keys)
    claims = Claim.objects.bulk_create(
        [
            Claim(
                kind=original.kind,
                actor=copy_of(story, original.actor),
                target=copy_of(story, original.target),
                about=copy_of(story, original.about),
                predicate=original.predicate, topic=original.topic, summary=original.summary,
            )
            for story, claim_id in ordered_keys
            for original in [sample_claims[claim_id]]
        ]
    )
    return dict(zip(ordered_keys, claims, strict=True))


def _roles(claim: Claim) -> tuple[Entity | None, Entity | None, Entity | None]:
    return claim.actor, claim.target, claim.about


def build(size: int) -> float:
    """The corpus of ``size`` articles, in place of whatever the database held; returns seconds."""
    reset_database()
    sample_ids = process_samples()
    started = time.perf_counter()
    build_corpus(size, sample_ids)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return time.perf_counter() - started


def measure(size: int) -> dict:
    build_seconds = build(size)

    claims = Claim.objects.count()
    first_seconds, _ = _timed(claims_recompute_dirty)  # every claim new: each row written
    full_seconds, _ = _timed(claims_recompute_all)  # every claim counted again, all found right
    stale_seconds, _ = _timed(_every_claim_stale_and_recomputed)

    text = (ROOT / "fixtures" / "003_2a02bb8df87f53db.txt").read_text() + f"\nA new paragraph {size}."
    result = article_ingest(raw=text.encode(), name="new.txt", enqueue=False)
    started = time.perf_counter()
    touched = article_process(article_id=result.article.pk)
    process_seconds = time.perf_counter() - started
    started = time.perf_counter()
    claims_recompute(claim_ids=touched)
    incremental_seconds = time.perf_counter() - started
    return {
        "articles": size, "claims": claims, "evidence": Evidence.objects.count(),
        "build_s": build_seconds, "first_count_s": first_seconds, "full_recompute_s": full_seconds,
        "all_stale_s": stale_seconds,
        "new_article_process_s": process_seconds, "touched_claims": len(touched),
        "incremental_recompute_s": incremental_seconds,
    }


def _timed(function) -> tuple[float, object]:
    started = time.perf_counter()
    result = function()
    return time.perf_counter() - started, result


def _every_claim_stale_and_recomputed() -> int:
    """What follows marking every claim stale: each row written twice."""
    Claim.objects.update(dirty=True)
    return claims_recompute_dirty()


def measure_kept(runs: int, search_documents: bool = False) -> None:
    """Time the full recompute ``runs`` times and one article's recompute seven times, on the corpus as it is."""
    claims, articles = Claim.objects.count(), Article.objects.count()
    full = []
    for _ in range(runs):
        seconds, _ = _timed(lambda: claims_recompute_all(search_documents=search_documents))
        full.append(seconds)
        print(f"full recompute: {seconds:.2f} s ({claims:,} claims)", flush=True)
    # A synthetic article in the middle of the corpus: its story's claims have ten articles each.
    article = Article.objects.filter(original_name__startswith="synthetic-").order_by("pk")[articles // 2]
    touched = sorted(set(Evidence.objects.filter(extraction__article=article).values_list("claim_id", flat=True)))
    one = []
    for _ in range(7):
        Claim.objects.filter(pk__in=touched).update(dirty=True)
        seconds, _ = _timed(lambda: claims_recompute(claim_ids=touched))
        one.append(seconds)
    print(f"{articles:,} articles, {claims:,} claims, {Evidence.objects.count():,} evidence rows")
    print(f"full recompute{' with search documents' if search_documents else ''}, median of {runs}: {statistics.median(full):.2f} s "
          f"(runs: {', '.join(f'{s:.2f}' for s in full)})")
    print(f"recompute of one article's {len(touched)} claims, median of 7: {statistics.median(one) * 1000:.1f} ms "
          f"(runs: {', '.join(f'{s * 1000:.1f}' for s in one)})")


def main(sizes: list[int]) -> None:
    rows = [measure(size) for size in sizes]
    print("| articles | claims | evidence rows | first count | full recompute (`recompute --all`) | "
          "every claim marked stale, then recomputed | one new article: extract+link | recompute touched claims |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['articles']:,} | {r['claims']:,} | {r['evidence']:,} | {r['first_count_s']:.2f} s | "
              f"{r['full_recompute_s']:.2f} s | {r['all_stale_s']:.2f} s | "
              f"{r['new_article_process_s']:.2f} s | {r['incremental_recompute_s'] * 1000:.0f} ms "
              f"({r['touched_claims']} claims) |")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000, 100000])
    parser.add_argument("--build", type=int, metavar="N", help="build a corpus of N articles, count it once, keep it")
    parser.add_argument("--kept", action="store_true", help="measure the corpus already in the database")
    parser.add_argument("--runs", type=int, default=3, help="full recomputes timed with --kept")
    parser.add_argument("--search-documents", action="store_true",
                        help="with --kept: time the full recompute that rebuilds every search document too")
    arguments = parser.parse_args()
    if arguments.build:
        print(f"built in {build(arguments.build):.0f} s; first count {_timed(claims_recompute_dirty)[0]:.2f} s")
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")  # what autovacuum would do before anyone measured
    elif arguments.kept:
        measure_kept(arguments.runs, arguments.search_documents)
    else:
        main(arguments.sizes)

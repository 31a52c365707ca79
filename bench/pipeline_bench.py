"""Benchmark: end-to-end ingest throughput with a real worker, against bare spaCy.

Run by hand (never in CI), against a throw-away database:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/claimtrack_bench SECRET_KEY=bench \\
        CELERY_BROKER_URL=redis://127.0.0.1:6379/14 python bench/pipeline_bench.py

The texts are every distinct article the project ships (the five samples and
the development set, none repeated; N, if given, takes the first N). In the
same run it times

- the baseline: ``nlp.pipe`` of the same model over the same texts, in one process;
- the pipeline: ``article_ingest`` of every text, then one real Celery worker
  (a subprocess, one process: the same CPU as the baseline) extracting,
  resolving, linking and recomputing until nothing is pending or dirty and a
  settle (``pipeline.tasks.articles_settle``) finds nothing to read again;

and prints both with their ratio.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "claimtrack.settings")

import django  # noqa: E402

django.setup()

import spacy  # noqa: E402
from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402

from articles.models import Article  # noqa: E402
from articles.services import article_ingest  # noqa: E402
from claimtrack.celery import app  # noqa: E402
from claims.models import Claim  # noqa: E402
from pipeline.tasks import articles_settle  # noqa: E402


def texts(n: int | None) -> list[str]:
    paths = sorted((ROOT / "fixtures").glob("*.txt")) + sorted((ROOT / "devset").rglob("*.txt"))
    distinct = list(dict.fromkeys(p.read_text(encoding="utf-8") for p in paths))
    return distinct[:n] if n else distinct


def baseline(corpus: list[str]) -> float:
    nlp = spacy.load(settings.SPACY_MODEL)
    started = time.perf_counter()
    for _ in nlp.pipe(corpus, batch_size=32):
        pass
    return time.perf_counter() - started


def pipeline(corpus: list[str]) -> float:
    call_command("flush", interactive=False, verbosity=0)
    app.control.purge()
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "claimtrack", "worker", "--pool=solo", "--loglevel=WARNING",
         "--without-mingle", "--without-gossip"],
        cwd=ROOT, env=os.environ.copy(),
    )
    try:
        time.sleep(5)  # worker start-up (spaCy loads on the first task, inside the timing)
        started = time.perf_counter()
        for i, text in enumerate(corpus):
            article_ingest(raw=text.encode(), name=f"bench-{i}.txt")
        # Until the corpus has settled: the reading again that beat's settle would queue
        # (with the names the corpus taught the ruler) is part of the work.
        while True:
            while Article.objects.filter(state=Article.State.PENDING).exists() or Claim.objects.dirty().exists():
                time.sleep(0.2)
            if articles_settle() == 0:
                return time.perf_counter() - started
    finally:
        worker.terminate()
        worker.wait(timeout=30)


def main(n: int | None) -> None:
    corpus = texts(n)
    n = len(corpus)
    base = baseline(corpus)
    full = pipeline(corpus)
    failed = Article.objects.filter(state=Article.State.FAILED).count()
    print(f"{n} articles, model {settings.SPACY_MODEL}")
    print("| step | seconds | articles/s | ratio to bare nlp.pipe |")
    print("|---|---:|---:|---:|")
    print(f"| bare nlp.pipe | {base:.1f} | {n / base:.1f} | 1.00 |")
    print(f"| ingest + worker (extract, resolve, link, recompute) | {full:.1f} | {n / full:.1f} | {full / base:.2f} |")
    print(f"failed articles: {failed}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else None)

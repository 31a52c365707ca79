"""Benchmark: end-to-end ingest throughput with a real worker, against bare spaCy.

Run by hand (never in CI), against a throw-away database:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/claimtrack_bench SECRET_KEY=bench \\
        CELERY_BROKER_URL=redis://127.0.0.1:6379/14 python bench/pipeline_bench.py [N] [--runs 3]

The texts are every distinct article the project ships (the five samples and
the development set, none repeated; N, if given, takes the first N). In the
same run it times

- the baseline: ``nlp.pipe`` of the same model over the same texts, in one process;
- the pipeline: ``article_ingest`` of every text, then one real Celery worker
  (a subprocess, one process: the same CPU as the baseline) extracting,
  resolving, linking and recomputing until nothing is pending or dirty and a
  settle (``pipeline.tasks.articles_settle``) finds nothing to read again;

and the same with ``nlp.pipe(n_process=2)`` and with a worker of two
processes; every step once per run (``--runs``, default 3), and prints the
medians and the median ratio of each step's time to the one-process baseline
in the same run.
"""
from __future__ import annotations

import argparse
import os
import statistics
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


def baseline(corpus: list[str], processes: int = 1) -> float:
    nlp = spacy.load(settings.SPACY_MODEL)
    started = time.perf_counter()
    for _ in nlp.pipe(corpus, batch_size=32, n_process=processes):
        pass
    return time.perf_counter() - started


def worker_command(workers: int) -> list[str]:
    """One worker process per core asked for: ``solo`` for one (the baseline's single core), prefork for more."""
    pool = ["--pool=solo"] if workers == 1 else ["--pool=prefork", f"--concurrency={workers}"]
    return [sys.executable, "-m", "celery", "-A", "claimtrack", "worker", *pool, "--loglevel=WARNING",
            "--without-mingle", "--without-gossip"]


def pipeline(corpus: list[str], workers: int = 1) -> float:
    call_command("flush", interactive=False, verbosity=0)
    app.control.purge()
    worker = subprocess.Popen(worker_command(workers), cwd=ROOT, env=os.environ.copy())
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


STEPS = {
    "bare nlp.pipe, 1 process": lambda corpus: baseline(corpus, 1),
    "bare nlp.pipe, 2 processes": lambda corpus: baseline(corpus, 2),
    "ingest + 1 worker process (extract, resolve, link, recompute, settle)": lambda corpus: pipeline(corpus, 1),
    "ingest + 2 worker processes": lambda corpus: pipeline(corpus, 2),
}


def main(n: int | None, runs: int) -> None:
    corpus = texts(n)
    n = len(corpus)
    seconds: dict[str, list[float]] = {step: [] for step in STEPS}
    ratios: dict[str, list[float]] = {step: [] for step in STEPS}
    for run in range(runs):  # every step once per run, so a loaded moment hits all of them
        timed = {step: measure(corpus) for step, measure in STEPS.items()}
        bare = timed["bare nlp.pipe, 1 process"]
        for step, value in timed.items():
            seconds[step].append(value)
            ratios[step].append(value / bare)
        print(f"run {run + 1}: " + ", ".join(f"{value:.1f} s" for value in timed.values()), file=sys.stderr)
    failed = Article.objects.filter(state=Article.State.FAILED).count()
    print(f"{n} distinct articles, model {settings.SPACY_MODEL}, {runs} runs, {os.cpu_count()} cores")
    print("| step | seconds (runs) | median articles/s | median time ratio to bare nlp.pipe, 1 process |")
    print("|---|---|---:|---:|")
    for step in STEPS:
        spread = "–".join(f"{v:.1f}" for v in (min(seconds[step]), max(seconds[step])))
        print(f"| {step} | {spread} | {n / statistics.median(seconds[step]):.1f} | "
              f"{statistics.median(ratios[step]):.2f} |")
    print(f"failed articles in the last run: {failed}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, help="only the first N texts")
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    main(options.n, options.runs)

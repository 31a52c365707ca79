"""Benchmark: the read path (API and pages) under 10 concurrent clients, against a bare view.

Run by hand (never in CI), against a throw-away database:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/claimtrack_bench SECRET_KEY=bench \\
        CELERY_BROKER_URL=redis://127.0.0.1:6379/14 python bench/read_bench.py 10000 100000

For each corpus size it builds the synthetic corpus of
``bench/corroboration_bench.py`` (the samples' extractions copied into N
articles from 300 outlets, one story per ten articles), recomputes every
claim, starts gunicorn (2 workers, DEBUG off) and sends each URL
``--requests`` times from ``--clients`` threads. The baseline in the same run
is ``/bench/bare-claims/`` (``bench/read_urls.py``): the same 50 rows as the
claim list with ``.values()``, timed first and again last (the mean of the
two is the baseline). It prints p50/p95 latency, requests per second
and the ratio of each URL's requests per second to the baseline's, and the
query count of each URL (Django's test client with ``CaptureQueriesContext``).
``--existing --alone N`` times each URL alone instead (Django's test client, N
requests after three to warm, medians): a request's own cost, without queueing.
"""
from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.read_settings"
os.environ.setdefault("HTTPS_ONLY", "false")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from rest_framework.settings import api_settings  # noqa: E402

from bench.corroboration_bench import build_corpus, process_samples, reset_database  # noqa: E402
from claims.corroboration import claims_recompute_all, claims_recompute_dirty  # noqa: E402
from articles.models import Article  # noqa: E402
from claims.models import Claim  # noqa: E402

BASELINE = "/bench/bare-claims/"


def urls() -> dict[str, str]:
    """What an analyst and a script read, on a claim in the middle of the list."""
    claim = Claim.objects.order_by("pk")[Claim.objects.count() // 2]
    word = claim.summary.split()[0]
    return {
        "bare view, 50 claims (.values())": BASELINE,
        "API claim list": "/api/claims/",
        "API claim list ?ordering=-last_seen": "/api/claims/?ordering=-last_seen",
        "API claim detail": f"/api/claims/{claim.pk}/",
        f"API search ?search={word}": f"/api/claims/?search={word}",
        "HTML claim list": "/",
        f"HTML claim list ?q={word}": f"/?q={word}",
        "HTML claim page": f"/claims/{claim.pk}/",
    }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_gunicorn(port: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "CLAIMTRACK_ANON_RATE": "1000000/second",  # measure the pages, not the throttle
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "claimtrack.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{port}",
         "--log-level", "warning"],
        cwd=ROOT, env=env,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}{BASELINE}", timeout=5).read()
            return server
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer")


def fetch(url: str) -> float:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=60) as response:
        response.read()
        assert response.status == 200, (url, response.status)
    return time.perf_counter() - started


def load(base: str, path: str, *, clients: int, requests: int) -> dict:
    for _ in range(clients):  # warm every worker's connections and caches
        fetch(base + path)
    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        latencies = sorted(pool.map(lambda _: fetch(base + path), range(requests)))
    elapsed = time.perf_counter() - started
    return {
        "p50": statistics.median(latencies) * 1000,
        "p95": latencies[int(0.95 * (len(latencies) - 1))] * 1000,
        "rps": requests / elapsed,
    }


def alone(path: str, *, requests: int) -> float:
    """Median milliseconds of one request with nothing else in flight: Django's test client
    in this process, after three to warm (no server, no queueing, no other client)."""
    client = Client(HTTP_HOST="127.0.0.1")
    for _ in range(3):
        client.get(path)
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        client.get(path)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1000


def queries_and_size(path: str) -> tuple[int, int]:
    client = Client(HTTP_HOST="127.0.0.1")
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    return len(captured), len(response.content)


def build(size: int) -> None:
    reset_database()
    build_corpus(size, process_samples())
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    # The counts, timed on the way: the first (every claim new, every row written), then
    # a full recompute (``manage.py recompute --all``: every claim counted, none changed).
    started = time.perf_counter()
    claims_recompute_dirty()
    counted = time.perf_counter()
    claims_recompute_all()
    print(f"{size:,} articles, {Claim.objects.count():,} claims: first count {counted - started:.1f} s, "
          f"full recompute {time.perf_counter() - counted:.1f} s", flush=True)
    # The recompute rewrote every claim row; autovacuum would tidy up after it in
    # service (index-only scans, such as the list's count, need the visibility map).
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE) claims_claim")


def measure(size: int, *, clients: int, requests: int, existing: bool = False) -> list[tuple]:
    if existing:
        size = Article.objects.count()
    else:
        build(size)
    targets = urls()
    call_command("collectstatic", interactive=False, verbosity=0)  # DEBUG off: the manifest storage
    port = free_port()
    server = start_gunicorn(port)
    try:
        base = f"http://127.0.0.1:{port}"
        timed = {name: load(base, path, clients=clients, requests=requests) for name, path in targets.items()}
        # The baseline again at the end: its 300 requests take well under a second, so one
        # sample at the start moved every ratio with whatever else the machine did then.
        again = load(base, BASELINE, clients=clients, requests=requests)
    finally:
        server.terminate()
        server.wait(timeout=30)
    first = timed["bare view, 50 claims (.values())"]
    print(f"bare view: {first['rps']:.0f} requests/s first, {again['rps']:.0f} last; ratios to their mean",
          flush=True)
    first["rps"] = bare = (first["rps"] + again["rps"]) / 2
    return [
        (size, name, *queries_and_size(path), t["p50"], t["p95"], t["rps"], t["rps"] / bare)
        for (name, path), t in zip(targets.items(), timed.values())
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000, 100_000])
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument(
        "--existing", action="store_true",
        help="Measure the reads on the corpus the database holds (built by an earlier run) instead of building one.",
    )
    parser.add_argument(
        "--alone", type=int, metavar="N",
        help="With --existing: time each URL alone instead, N requests by Django's test client, and print medians.",
    )
    options = parser.parse_args()
    if options.existing:
        options.sizes = [0]
    if options.alone:
        # DEBUG off as under gunicorn; the throttle as the bench sets it for the server.
        settings.DEBUG = False
        api_settings.DEFAULT_THROTTLE_RATES["anon"] = "1000000/second"
        call_command("collectstatic", interactive=False, verbosity=0)
        print(f"| URL | ms alone, median of {options.alone} |")
        print("|---|---:|")
        for name, path in urls().items():
            print(f"| {name} | {alone(path, requests=options.alone):.2f} |", flush=True)
        return
    print(f"{options.clients} concurrent clients, {options.requests} requests per URL, gunicorn 2 workers, "
          f"{os.cpu_count()} cores")
    print("| articles | URL | queries | bytes | p50 ms | p95 ms | requests/s | ratio to bare |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|", flush=True)
    for size in options.sizes:  # each size's rows as soon as they are measured: a 100k run is long
        for size_, name, queries, size_bytes, p50, p95, rps, ratio in measure(
            size, clients=options.clients, requests=options.requests, existing=options.existing
        ):
            print(f"| {size_:,} | {name} | {queries} | {size_bytes:,} | {p50:.0f} | {p95:.0f} | {rps:.0f} | "
                  f"{ratio:.2f} |", flush=True)


if __name__ == "__main__":
    main()

"""``manage.py ingest PATH [PATH ...]``: read article files and folders into the database.

A thin wrapper: ``articles.readers`` finds and reads the files,
``articles.services.article_ingest`` stores each one,
``pipeline.dispatch.articles_reprocess`` queues it for the workers (the
command says how many the broker took and how many were left for the
articles sweep because it was unreachable), and
``pipeline.selectors.articles_settled`` tells ``--wait`` when the workers are
done. Exit codes: 0 all went in, 1 something was rejected (or failed
processing), 2 ``--wait`` timed out.

Each file is read, decoded, parsed and stored on its own: a file that cannot
be an article is one line on stderr, "PATH: rejected: REASON", and the batch
goes on; ``article_ingest`` writes nothing for it (it validates first and
runs in one transaction). Even an error no reader foresaw is such a line
("PATH: rejected: unexpected ValueError: ..."; the traceback is logged at
DEBUG), never the end of the batch.
"""

from __future__ import annotations

import logging
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from articles import selectors, services
from articles.fetching import fetch, format_of
from claims.selectors import claims_dirty_for_articles
from pipeline.dispatch import articles_reprocess
from pipeline.selectors import articles_settled
from pipeline.services import articles_process_inline
from pipeline.tasks import Enqueued
from articles.readers import (
    Candidate,
    RejectedInput,
    display_path,
    find_article_files,
    read_file_bytes,
)

log = logging.getLogger(__name__)

POLL_SECONDS = 0.5


@dataclass
class Tally:
    created: list[int] = field(default_factory=list)
    present: list[int] = field(default_factory=list)
    rejected: int = 0
    enqueued: Enqueued = field(default_factory=Enqueued)

    @property
    def article_ids(self) -> list[int]:
        return self.created + self.present


class Command(BaseCommand):
    help = (
        "Ingest articles from files and folders (recursively): .txt/.text/.md plain text with an "
        "optional leading 'date YYYY-MM-DD', .html/.htm pages, .json documents; other files are sniffed."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "paths", nargs="+", metavar="PATH", help="Files or folders to ingest, or http(s) URLs of pages to fetch."
        )
        parser.add_argument("--source", metavar="NAME", help="The outlet of every article read.")
        parser.add_argument(
            "--wait",
            action="store_true",
            help="Block until the articles are processed and their claims recomputed.",
        )
        parser.add_argument(
            "--inline",
            action="store_true",
            help="Process here, in this process, with no broker or worker.",
        )
        parser.add_argument(
            "--timeout",
            type=float,
            default=600.0,
            metavar="S",
            help="How long --wait waits (seconds).",
        )

    def handle(
        self,
        *,
        paths: list[str],
        source: str | None,
        wait: bool,
        inline: bool,
        timeout: float,
        verbosity: int,
        **options,
    ) -> None:
        tally = Tally()
        # An http(s) URL is fetched as the feeds fetch a page (``articles.fetching``).
        urls = [p for p in paths if p.startswith(("http://", "https://"))]
        for url in urls:
            self._ingest_url(url, tally, source=source, enqueue=not inline, verbosity=verbosity)
        candidates = list(find_article_files(Path(p) for p in paths if p not in urls))
        progress = tqdm(candidates, unit="file", file=sys.stderr, disable=not self.stderr.isatty())
        for candidate in progress:
            self._ingest(candidate, tally, source=source, enqueue=not inline, verbosity=verbosity)
        self.stdout.write(
            f"{len(tally.created)} ingested, {len(tally.present)} already present, {tally.rejected} rejected"
        )
        if not inline and tally.created:
            self.stdout.write(_queue_report(tally.enqueued))
        if inline:
            unprocessed = selectors.articles_unprocessed(article_ids=tally.article_ids)
            articles_process_inline(
                article_ids=list(unprocessed.values_list("pk", flat=True))
            )
        if wait and not inline:
            self._wait(tally.article_ids, timeout=timeout)
        failed = self._report_failures(tally.article_ids) if wait or inline else 0
        if tally.rejected or failed:
            problems = [f"{tally.rejected} rejected"] if tally.rejected else []
            problems += [f"{failed} failed processing"] if failed else []
            raise CommandError(" and ".join(problems), returncode=1)

    def _ingest(
        self,
        candidate: Candidate,
        tally: Tally,
        *,
        source: str | None,
        enqueue: bool,
        verbosity: int,
    ) -> None:
        name = display_path(candidate.path)
        if candidate.skip_reason:
            self._error(f"{name}: skipped: {candidate.skip_reason}")
            return
        try:
            if candidate.error:
                raise RejectedInput(candidate.error)
            raw = read_file_bytes(candidate.path, max_bytes=settings.CLAIMTRACK_MAX_ARTICLE_BYTES)
            result = services.article_ingest(raw=raw, name=name, source_name=source, enqueue=False)
        except RejectedInput as rejection:
            tally.rejected += 1
            self._error(f"{name}: rejected: {rejection.reason}")
            return
        except Exception as error:  # noqa: BLE001 — one bad file must not stop the batch
            log.debug("ingesting %s failed", name, exc_info=True)
            tally.rejected += 1
            self._error(f"{name}: rejected: unexpected {type(error).__name__}: {_one_line(error)}")
            return
        (tally.created if result.created else tally.present).append(result.article.pk)
        if result.created and enqueue:
            _queue(result.article.pk, tally.enqueued)
        if verbosity >= 2:
            how = "ingested as" if result.created else "already present as"
            self._note(f"{name}: {how} article {result.article.pk}")

    def _ingest_url(self, url: str, tally: Tally, *, source: str | None, enqueue: bool, verbosity: int) -> None:
        try:
            fetched = fetch(url)
            result = services.article_ingest(
                raw=fetched.body, name=url, source_name=source, fmt=format_of(fetched.content_type),
                url=fetched.url, enqueue=False,
            )
        except RejectedInput as rejection:  # FetchRejected too: timeouts, HTTP errors, robots.txt
            tally.rejected += 1
            self._error(f"{url}: rejected: {rejection.reason}")
            return
        except Exception as error:  # noqa: BLE001 — one bad page must not stop the batch
            log.debug("ingesting %s failed", url, exc_info=True)
            tally.rejected += 1
            self._error(f"{url}: rejected: unexpected {type(error).__name__}: {_one_line(error)}")
            return
        (tally.created if result.created else tally.present).append(result.article.pk)
        if result.created and enqueue:
            _queue(result.article.pk, tally.enqueued)
        if verbosity >= 2:
            how = "ingested as" if result.created else "already present as"
            self._note(f"{url}: {how} article {result.article.pk}")

    def _wait(self, article_ids: list[int], *, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while not articles_settled(article_ids=article_ids):
            if time.monotonic() >= deadline:
                pending = selectors.articles_unprocessed(article_ids=article_ids).count()
                dirty = claims_dirty_for_articles(article_ids=article_ids).count()
                raise CommandError(
                    f"timed out after {timeout:g} s: {pending} article(s) not processed, "
                    f"{dirty} claim(s) not recomputed; is a worker running?",
                    returncode=2,
                )
            time.sleep(POLL_SECONDS)

    def _report_failures(self, article_ids: list[int]) -> int:
        failed = list(selectors.articles_failed(article_ids=article_ids))
        for article in failed:
            self._error(
                f"{article.original_name or article.pk}: processing failed: {article.error}"
            )
        return len(failed)

    def _error(self, line: str) -> None:
        # Through tqdm while a bar is drawn, so the line does not break it.
        if self.stderr.isatty():
            tqdm.write(line, file=sys.stderr)
        else:
            self.stderr.write(line)

    def _note(self, line: str) -> None:
        if self.stderr.isatty():
            tqdm.write(line, file=sys.stdout)
        else:
            self.stdout.write(line)


def _queue(article_id: int, enqueued: Enqueued) -> None:
    """Hand the article to the workers as soon as it is stored, so they start while the rest is read.

    Once the broker has refused a message the rest of the batch is not sent:
    each attempt would wait on the connection again, and the articles sweep
    queues every article that was never queued as soon as the broker is back.
    """
    if enqueued.left_for_sweep:
        enqueued.left_for_sweep += 1
        return
    enqueued.add(articles_reprocess(article_ids=[article_id]))


def _queue_report(enqueued: Enqueued) -> str:
    line = f"{enqueued.queued} queued for the workers"
    if enqueued.left_for_sweep:
        line += (
            f", {enqueued.left_for_sweep} left for the articles sweep (the broker was unreachable; "
            "they are queued once it is back and beat's sweep runs)"
        )
    return line


def _one_line(error: Exception) -> str:
    text = " ".join(str(error).split())
    return text[:300] + "…" if len(text) > 300 else text

"""Writes of the feeds app: polling one feed, fetching the pages it lists, a feed's health.

``feed_poll`` is safe to run twice: it first claims the feed (moves its next
poll out of reach) with one guarded UPDATE and does nothing if another run
has it. It reads the feed (a conditional GET with the feed's ETag and
Last-Modified), records every new URL as a pending ``FetchedPage``, then
fetches a batch of pending pages and hands each to the ingest service: the
same validation, the same idempotence (a text already stored is not stored
again), the same processing queued on commit. A page that cannot be an
article is rejected with its reason and the rest go on; one that failed for a
passing reason (a timeout, a 5xx) is tried again at the next polls. A feed
that fails backs off exponentially; other feeds are not affected.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import logging
import time
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urljoin, urlsplit

import feedparser
import lxml.etree
import lxml.html
from django.conf import settings
from django.db import connection
from django.utils import timezone

from articles.fetching import FEED_TYPES, PAGE_TYPES, FetchRejected, Fetched, fetch, format_of
from articles.models import Article
from articles.readers import RejectedInput, valid_url
from articles.services import article_ingest

from .models import Feed, FetchedPage, HostTurn

log = logging.getLogger(__name__)

MAX_LINKS_PER_READ = 200  # a list page with thousands of links is read a slice at a time
BACKOFF_EXPONENT_CAP = 20


class FeedUnreadable(Exception):
    """The feed answered, but with nothing a feed reader can use."""


@dataclass
class PollResult:
    """What one poll did: counts of pages by outcome, and the feed's error if it failed."""

    new_links: int = 0
    stored: list[int] = field(default_factory=list)  # article ids
    present: int = 0
    rejected: int = 0
    retry_later: int = 0
    error: str = ""


def feed_poll(*, feed_id: int) -> PollResult | None:
    """Poll one due feed; ``None`` if it is not due (disabled, or another run has claimed it)."""
    if not _feed_claim(feed_id):
        return None
    feed = Feed.objects.select_related("source").get(pk=feed_id)
    result = PollResult()
    try:
        fetched = fetch(
            feed.url, accept=FEED_TYPES, etag=feed.etag, last_modified=feed.last_modified, turn=host_turn_wait
        )
        if not fetched.not_modified:
            result.new_links = _pages_record(feed, _links_of(feed, fetched))
    except (FetchRejected, FeedUnreadable) as error:
        result.error = str(error)
    except Exception as error:  # noqa: BLE001 — whatever breaks one feed must not stop the others
        log.exception("feed %s failed", feed_id)
        result.error = f"unexpected {type(error).__name__}: {error}"
    if result.error:
        _feed_failed(feed, result.error)
        return result
    _pages_fetch(feed, result)
    _feed_succeeded(feed, fetched)
    return result


def _feed_claim(feed_id: int) -> bool:
    """Move a due feed's next poll beyond this run (a lease), so a second message does nothing.

    If this run dies the lease runs out and beat polls the feed again.
    """
    now = timezone.now()
    lease = now + dt.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT)
    return Feed.objects.due(now=now).filter(pk=feed_id).update(next_poll=lease, last_polled=now) == 1


def _feed_succeeded(feed: Feed, fetched: Fetched) -> None:
    now = timezone.now()
    Feed.objects.filter(pk=feed.pk).update(
        etag=fetched.etag[:500],
        last_modified=fetched.last_modified[:100],
        last_success=now,
        last_error="",
        consecutive_failures=0,
        next_poll=now + dt.timedelta(seconds=feed.poll_seconds),
    )


def _feed_failed(feed: Feed, reason: str) -> None:
    """Keep the reason and space the next poll out: the interval doubled per failure in a row."""
    failures = feed.consecutive_failures + 1
    Feed.objects.filter(pk=feed.pk).update(
        last_error=reason[:2000],
        consecutive_failures=failures,
        next_poll=timezone.now() + backoff(feed.poll_seconds, failures),
    )


def backoff(poll_seconds: int, failures: int) -> dt.timedelta:
    seconds = poll_seconds * 2 ** min(failures, BACKOFF_EXPONENT_CAP)
    return dt.timedelta(seconds=min(seconds, settings.CLAIMTRACK_FEED_MAX_BACKOFF_SECONDS))


# --- Reading a feed --------------------------------------------------------------------------


@dataclass(frozen=True)
class Link:
    url: str
    problem: str = ""  # a malformed entry: recorded as rejected with this reason


def _links_of(feed: Feed, fetched: Fetched) -> list[Link]:
    if feed.kind == Feed.Kind.PAGE:
        return list_page_links(fetched.body, base=fetched.url)
    return feed_entry_links(fetched.body, base=fetched.url)


def feed_entry_links(body: bytes, *, base: str) -> list[Link]:
    """The article link of each entry of an RSS or Atom feed, and a reason for each unusable entry."""
    parsed = feedparser.parse(body, sanitize_html=False, resolve_relative_uris=False)
    if parsed.bozo and not parsed.entries:
        raise FeedUnreadable(f"not a readable feed: {_one_line(parsed.get('bozo_exception', 'no entries'))}")
    links = []
    for number, entry in enumerate(parsed.entries[:MAX_LINKS_PER_READ], start=1):
        href = (entry.get("link") or "").strip()
        problem = _link_problem(urljoin(base, href)) if href else "the entry has no link"
        if problem:
            what = entry.get("id") or entry.get("title") or str(number)
            key = hashlib.sha256(f"{what}|{href}".encode()).hexdigest()[:16]
            links.append(Link(url=f"{base.split('#')[0]}#malformed-entry-{key}",
                              problem=f"entry {number} ({_one_line(what)[:80]}): {problem}"))
        else:
            links.append(Link(url=urldefrag(urljoin(base, href)).url))
    return links


def list_page_links(body: bytes, *, base: str) -> list[Link]:
    """Links from a list page to other pages of the same site: its articles, and some furniture.

    Furniture pages (an "about" page) are rejected at ingest with their reason,
    once: a URL is fetched once whatever it held.
    """
    try:
        document = lxml.html.fromstring(body, base_url=base)
    except (ValueError, lxml.etree.ParserError) as error:
        raise FeedUnreadable(f"not a readable list page: {error}") from None
    document.make_links_absolute(base, handle_failures="discard")
    host, seen, links = urlsplit(base).hostname, {urldefrag(base).url}, []
    for anchor in document.iter("a"):
        url = urldefrag(anchor.get("href") or "").url
        parts = urlsplit(url)
        if url in seen or parts.hostname != host or parts.path in ("", "/") or _link_problem(url):
            continue
        seen.add(url)
        links.append(Link(url=url))
        if len(links) >= MAX_LINKS_PER_READ:
            break
    return links


def _link_problem(url: str) -> str:
    try:
        valid_url(url)
    except RejectedInput as error:
        return error.reason
    return ""


def _pages_record(feed: Feed, links: list[Link]) -> int:
    """Record the URLs not seen before (by any feed); returns how many were new.

    A URL an article was already stored from (ingested by hand, say) is recorded
    as present and never fetched.
    """
    urls = [link.url for link in links]
    known = set(FetchedPage.objects.filter(url__in=urls).values_list("url", flat=True))
    stored = dict(Article.objects.filter(url__in=urls).order_by("-pk").values_list("url", "pk"))
    pages, now = [], timezone.now()
    for link in {link.url: link for link in links}.values():
        if link.url in known:
            continue
        if link.problem:
            pages.append(FetchedPage(feed=feed, url=link.url, state=FetchedPage.State.REJECTED,
                                     reason=link.problem, last_tried=now))
        elif link.url in stored:
            pages.append(FetchedPage(feed=feed, url=link.url, state=FetchedPage.State.PRESENT,
                                     article_id=stored[link.url], last_tried=now))
        else:
            pages.append(FetchedPage(feed=feed, url=link.url))
    # Another feed listing the same page at the same moment: one row, whichever came first.
    return len(FetchedPage.objects.bulk_create(pages, ignore_conflicts=True))


# --- Fetching its pages ----------------------------------------------------------------------


def _pages_fetch(feed: Feed, result: PollResult) -> None:
    """A batch of the feed's pending pages, oldest first, within half the task's soft time limit.

    What is left stays pending for the next poll, so a slow site never has the
    task killed half-way through a page.
    """
    budget_ends = time.monotonic() + settings.CELERY_TASK_SOFT_TIME_LIMIT / 2
    pending = FetchedPage.objects.filter(feed=feed, state=FetchedPage.State.PENDING).order_by("first_seen", "pk")
    for page in pending[: settings.CLAIMTRACK_FEED_PAGES_PER_POLL]:
        if time.monotonic() > budget_ends:
            break
        outcome = page_fetch(page=page, source_name=feed.source.name)
        if outcome.state == FetchedPage.State.STORED:
            result.stored.append(outcome.article_id)
        elif outcome.state == FetchedPage.State.PRESENT:
            result.present += 1
        elif outcome.state == FetchedPage.State.REJECTED:
            result.rejected += 1
        else:
            result.retry_later += 1


def page_fetch(*, page: FetchedPage, source_name: str) -> FetchedPage:
    """Fetch one pending page and ingest it; the page row says what happened, and why."""
    attempts = page.attempts + 1
    update: dict = {"attempts": attempts, "last_tried": timezone.now()}
    try:
        fetched = fetch(page.url, accept=PAGE_TYPES, turn=host_turn_wait)
        ingested = article_ingest(
            raw=fetched.body, name=page.url, source_name=source_name,
            fmt=format_of(fetched.content_type), url=fetched.url,
        )
    except FetchRejected as error:
        gave_up = not error.transient or attempts >= settings.CLAIMTRACK_FEED_PAGE_ATTEMPTS
        update |= {"reason": error.reason, "state": FetchedPage.State.REJECTED if gave_up else page.state}
    except RejectedInput as error:
        update |= {"reason": error.reason, "state": FetchedPage.State.REJECTED}
    except Exception as error:  # noqa: BLE001 — one page must not stop the others
        log.exception("page %s failed", page.url)
        gave_up = attempts >= settings.CLAIMTRACK_FEED_PAGE_ATTEMPTS
        update |= {"reason": f"unexpected {type(error).__name__}: {_one_line(error)}",
                   "state": FetchedPage.State.REJECTED if gave_up else page.state}
    else:
        stored = FetchedPage.State.STORED if ingested.created else FetchedPage.State.PRESENT
        update |= {"reason": "", "state": stored, "article_id": ingested.article.pk}
    # Guarded: a page another run has finished meanwhile keeps that run's outcome.
    FetchedPage.objects.filter(pk=page.pk, state=FetchedPage.State.PENDING).update(**update)
    for name, value in update.items():
        setattr(page, name, value)
    return page


def host_turn_wait(host: str) -> None:
    """Wait for this host's next turn, shared by every worker through PostgreSQL.

    One statement takes the next free slot (never earlier than now) and moves
    it on by the host delay, so workers polling feeds of one site queue up
    behind each other instead of all asking at once. Run outside any
    transaction, the row is not held while waiting.
    """
    delay = dt.timedelta(milliseconds=settings.CLAIMTRACK_FETCH_HOST_DELAY_MS)
    table = connection.ops.quote_name(HostTurn._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} AS t (host, next_at) VALUES (%s, clock_timestamp() + %s) "
            f"ON CONFLICT (host) DO UPDATE SET next_at = GREATEST(t.next_at, clock_timestamp()) + %s "
            f"RETURNING EXTRACT(EPOCH FROM (t.next_at - %s - clock_timestamp()))",
            [host, delay, delay, delay],
        )
        wait = float(cursor.fetchone()[0])
    if wait > 0:
        time.sleep(wait)


def _one_line(value: object) -> str:
    return " ".join(str(value).split())[:300]

"""Fetching one web page (or feed) politely and safely, for ingest by URL and for the feeds app.

Every request carries a clear User-Agent, respects robots.txt, waits its
turn per host, has connect/read timeouts and an overall deadline, follows at
most a few redirects (a loop is named as such), checks the content type
before reading the body, and reads the body as a stream that stops at the size
cap. Anything that makes the page unusable is a ``FetchRejected`` with a
one-line reason; ``transient`` says whether trying again later may help (a
timeout or a 5xx may, a 404 or a PDF will not).

Addresses: by default only public addresses are fetched, so a URL given to
the API cannot make the server read its own network (localhost, private
ranges); ``CLAIMTRACK_FETCH_PRIVATE_ADDRESSES=true`` allows them (tests,
an intranet deployment).
"""
from __future__ import annotations

import ipaddress
import socket
import threading
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx
from django.conf import settings

from .readers import RejectedInput

PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
FEED_TYPES = (
    "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml",
    "application/feed+json", *PAGE_TYPES,  # a list page is HTML; some servers send feeds as text/plain
)
REDIRECTS = frozenset({301, 302, 303, 307, 308})
ROBOTS_MAX_BYTES = 500_000
ROBOTS_CACHE_SECONDS = 3600


class FetchRejected(RejectedInput):
    """The URL gave no usable page; ``transient``: the same request may succeed later."""

    def __init__(self, reason: str, *, transient: bool = False) -> None:
        super().__init__(reason)
        self.transient = transient


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    content_type: str  # "" when the answer is 304 Not Modified
    body: bytes
    etag: str = ""
    last_modified: str = ""
    not_modified: bool = False


# Waits until this process may send the next request to ``host``; the feeds app
# passes one kept in PostgreSQL so that every worker shares the turns.
HostTurn = Callable[[str], None]


class _LocalTurns:
    """Per-host turns within this process: the default for one-off fetches."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._next: dict[str, float] = {}

    def __call__(self, host: str) -> None:
        delay = settings.CLAIMTRACK_FETCH_HOST_DELAY_MS / 1000
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next.get(host, now))
            self._next[host] = start + delay
        time.sleep(max(0.0, start - now))


local_turns = _LocalTurns()

_robots_lock = threading.Lock()
_robots: dict[str, tuple[float, urllib.robotparser.RobotFileParser]] = {}


def fetch(
    url: str,
    *,
    accept: tuple[str, ...] = PAGE_TYPES,
    etag: str = "",
    last_modified: str = "",
    turn: HostTurn = local_turns,
) -> Fetched:
    """GET ``url`` under the rules above; raises ``FetchRejected`` with the reason."""
    headers = {"If-None-Match": etag} if etag else {}
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    deadline = time.monotonic() + settings.CLAIMTRACK_FETCH_DEADLINE_SECONDS
    seen: list[str] = []
    with _client() as client:
        while True:
            _check_url(url)
            if url in seen:
                raise FetchRejected(f"redirect loop: {url} again after {len(seen)} hop(s)")
            if len(seen) > settings.CLAIMTRACK_FETCH_MAX_REDIRECTS:
                raise FetchRejected(f"more than {settings.CLAIMTRACK_FETCH_MAX_REDIRECTS} redirects")
            seen.append(url)
            _check_robots(client, url, turn)
            turn(_host(url))
            location = _get(client, url, headers, accept, deadline)
            if isinstance(location, Fetched):
                return location
            url = location


def _client() -> httpx.Client:
    timeout = settings.CLAIMTRACK_FETCH_TIMEOUT_SECONDS
    return httpx.Client(
        headers={"User-Agent": settings.CLAIMTRACK_FETCH_USER_AGENT},
        timeout=httpx.Timeout(timeout, connect=min(timeout, 10)),
        follow_redirects=False,  # each hop is checked here: robots, address, loops
        trust_env=False,  # no proxy from the environment: the address checked is the one reached
    )


def _get(client: httpx.Client, url: str, headers: dict, accept: tuple[str, ...], deadline: float) -> Fetched | str:
    """The page, or the URL it redirects to."""
    try:
        with client.stream("GET", url, headers=headers) as response:
            if response.status_code in REDIRECTS and "location" in response.headers:
                return urljoin(url, response.headers["location"])
            if response.status_code == 304:
                return Fetched(url=url, content_type="", body=b"", not_modified=True,
                               etag=headers.get("If-None-Match", ""),
                               last_modified=headers.get("If-Modified-Since", ""))
            _check_status(response.status_code)
            content_type = _content_type(response, accept)
            body = _read_capped(response, deadline)
            return Fetched(
                url=url, content_type=content_type, body=body,
                etag=response.headers.get("etag", ""), last_modified=response.headers.get("last-modified", ""),
            )
    except httpx.TimeoutException:
        raise FetchRejected(
            f"timed out (no answer within {settings.CLAIMTRACK_FETCH_TIMEOUT_SECONDS} s)", transient=True
        ) from None
    except httpx.TransportError as error:
        raise FetchRejected(f"cannot connect: {type(error).__name__}: {error}", transient=True) from None


def _check_status(status: int) -> None:
    if status >= 500 or status == 429:
        raise FetchRejected(f"HTTP {status} from the server", transient=True)
    if status >= 300:
        raise FetchRejected(f"HTTP {status}")


def _content_type(response: httpx.Response, accept: tuple[str, ...]) -> str:
    content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type not in accept:
        raise FetchRejected(f"not a web page: content type {content_type or 'missing'}")
    return content_type


def _read_capped(response: httpx.Response, deadline: float) -> bytes:
    """The body, read as a stream and abandoned past the size cap or the deadline."""
    cap = settings.CLAIMTRACK_MAX_ARTICLE_BYTES
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > cap:
        raise FetchRejected(f"too large: {int(declared):,} bytes declared, over the limit of {cap:,}")
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > cap:
            raise FetchRejected(f"too large: over the limit of {cap:,} bytes (stopped reading)")
        if time.monotonic() > deadline:
            raise FetchRejected(
                f"timed out: still reading after {settings.CLAIMTRACK_FETCH_DEADLINE_SECONDS} s", transient=True
            )
        chunks.append(chunk)
    return b"".join(chunks)


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def _check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchRejected(f"not an http(s) URL: {url[:100]!r}")
    allowed = settings.CLAIMTRACK_FETCH_HOSTS
    if allowed and parts.hostname.lower() not in allowed:
        raise FetchRejected(f"{parts.hostname} is not among the hosts to fetch from (CLAIMTRACK_FETCH_HOSTS)")
    if not settings.CLAIMTRACK_FETCH_PRIVATE_ADDRESSES:
        _check_public(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))


def _check_public(host: str, port: int) -> None:
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)}
    except OSError as error:
        raise FetchRejected(f"cannot resolve {host}: {error}", transient=True) from None
    for address in addresses:
        if not ipaddress.ip_address(address.split("%")[0]).is_global:
            raise FetchRejected(f"{host} is a private or local address ({address}); not fetched")


def _check_robots(client: httpx.Client, url: str, turn: HostTurn) -> None:
    if not _robots_parser(client, url, turn).can_fetch(settings.CLAIMTRACK_FETCH_USER_AGENT, url):
        raise FetchRejected("disallowed by the site's robots.txt")


def _robots_parser(client: httpx.Client, url: str, turn: HostTurn) -> urllib.robotparser.RobotFileParser:
    """The site's robots.txt, read at most once an hour per process.

    As RFC 9309 says: a 4xx means no rules; an unreachable file or a 5xx means
    the whole site is off limits for now.
    """
    parts = urlsplit(url)
    root = f"{parts.scheme}://{parts.netloc}"
    with _robots_lock:
        cached = _robots.get(root)
    if cached and cached[0] > time.monotonic():
        return cached[1]
    parser = urllib.robotparser.RobotFileParser(f"{root}/robots.txt")
    turn(_host(url))
    try:
        with client.stream("GET", f"{root}/robots.txt", follow_redirects=True) as response:
            status, text = response.status_code, _robots_text(response)
    except httpx.HTTPError as error:
        raise FetchRejected(f"robots.txt unreachable: {type(error).__name__}", transient=True) from None
    if status >= 500:
        raise FetchRejected(f"robots.txt answered HTTP {status}", transient=True)
    if status >= 400:
        parser.allow_all = True
    else:
        parser.parse(text.splitlines())
    with _robots_lock:
        _robots[root] = (time.monotonic() + ROBOTS_CACHE_SECONDS, parser)
    return parser


def _robots_text(response: httpx.Response) -> str:
    """The first ``ROBOTS_MAX_BYTES`` of robots.txt (RFC 9309 asks for at least 500 KiB)."""
    if response.status_code >= 300:
        return ""
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        chunks.append(chunk)
        size += len(chunk)
        if size >= ROBOTS_MAX_BYTES:
            break
    return b"".join(chunks)[:ROBOTS_MAX_BYTES].decode("utf-8", "replace")


def format_of(content_type: str) -> str:
    """The ingest format of a fetched page: HTML unless the server says plain text."""
    return "text" if content_type == "text/plain" else "html"

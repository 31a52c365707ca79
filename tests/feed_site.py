"""A small news site served on 127.0.0.1 by the tests: two outlets' feeds, their pages, and bad pages.

Everything is invented. The site is a real HTTP server (``http.server`` in a
thread, on an ephemeral port), so the fetcher is tested against real sockets,
timeouts and streams; nothing reaches any other address.

- ``/ledger/rss.xml``: the Northern Ledger's RSS feed (ETag, answers 304 when
  it matches): a story of its own, its copy of a wire story, and every kind
  of bad page: one that never answers in time, a 500, 50 MB, a redirect loop,
  a PDF, a page robots.txt forbids, and two malformed entries.
- ``/times/atom.xml``: the Harbour Times' Atom feed: a story of its own and the
  same wire story under its own headline, its first paragraph rewritten and
  its last one cut.
- ``/times/latest.html``: a list page linking the Harbour Times' stories.
"""
from __future__ import annotations

import threading
import zlib
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HUGE_BYTES = 50 * 1024 * 1024
SLOW_SECONDS = 4  # past the tests' fetch timeout (tests/settings.py)

WIRE_PARAGRAPHS = [
    "The Kestrel Dockworkers Union demanded on Monday that the Kestrel Port Authority raise wages by "
    "twelve percent before the end of the quarter, after talks between the two sides collapsed late on Sunday.",
    "Union secretary Marta Oyelaran told reporters outside the container terminal that crane operators had "
    "not seen a real increase in six years while cargo volumes through the harbour had nearly doubled.",
    "The Kestrel Port Authority said in a statement that it remained open to dialogue but warned that any stoppage would "
    "delay shipments of grain and fuel bound for inland towns during the coming harvest season.",
    "Shipping agents said three vessels were already waiting at anchor in the outer roads, and that a "
    "strike lasting more than a week would force some lines to divert cargo to the rival port of Saltmere.",
    "The union has scheduled a vote of its eleven hundred members for Thursday evening at the seafarers' "
    "hall, where officials expect a large majority in favour of industrial action.",
    "Regional transport minister Ilse Brandvold urged both sides to return to the table and offered the "
    "services of a state mediator, the ministry said in a short note published on its website.",
]
LEDGER_WIRE = WIRE_PARAGRAPHS
# A new first paragraph in the paper's own words, the last paragraph cut for space.
TIMES_WIRE = [
    "Dock workers in Kestrel are pressing the port's operator for better pay, and their union set out its "
    "demand in plain terms on Monday after negotiations broke down over the weekend.",
    *WIRE_PARAGRAPHS[1:-1],
]
LEDGER_OWN = [
    "The Fenwick City Council demanded that the regional water board repair the northern reservoir dam "
    "before the spring floods, citing an engineers' report that found cracks along its spillway.",
    "Council leader Piotr Anselm said residents of the lower valley could not be asked to wait another "
    "winter, and that the council would seek an emergency hearing if no work began by April.",
]
TIMES_OWN = [
    "The Harbourside Traders Association demanded that the municipal government reopen the old ferry "
    "landing to small boats, saying its closure had cut trade at the fish market by a third.",
    "Association chair Leonie Vasquez said members would present a petition with four thousand signatures "
    "to the mayor's office next week.",
]


def article_html(headline: str, paragraphs: list[str], *, date: str, site: str) -> bytes:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!doctype html><html><head><title>{headline}</title>
<meta property="og:site_name" content="{site}">
<meta property="article:published_time" content="{date}T08:00:00Z">
</head><body><nav><a href="/">Home</a></nav>
<article><h1>{headline}</h1>
{body}
</article><footer>Copyright {site}</footer></body></html>""".encode()


PAGES = {
    "/ledger/fenwick-dam.html": article_html(
        "Council demands dam repairs before floods", LEDGER_OWN, date="2025-03-03", site="Northern Ledger"),
    "/ledger/kestrel-wages.html": article_html(
        "Dockworkers demand pay rise from port authority", LEDGER_WIRE, date="2025-03-04", site="Northern Ledger"),
    "/times/ferry-landing.html": article_html(
        "Traders want ferry landing reopened", TIMES_OWN, date="2025-03-03", site="Harbour Times"),
    "/times/union-presses-port.html": article_html(
        "Union presses Kestrel port over wages", TIMES_WIRE, date="2025-03-05", site="Harbour Times"),
    "/private/draft.html": article_html("Draft", LEDGER_OWN, date="2025-03-03", site="Northern Ledger"),
}
BAD_PAGES = {
    "/ledger/slow.html": "timed out",
    "/ledger/broken.html": "HTTP 500",
    "/ledger/huge.html": "too large",
    "/ledger/loop-a.html": "redirect loop",
    "/ledger/report.pdf": "not a web page: content type application/pdf",
    "/private/draft.html": "robots.txt",
}


def rss_feed(base: str) -> bytes:
    good = ["/ledger/fenwick-dam.html", "/ledger/kestrel-wages.html"]
    items = "".join(
        f"<item><title>Story {n}</title><link>{base}{path}</link><guid>{base}{path}</guid></item>"
        for n, path in enumerate([*good, *BAD_PAGES])
    )
    malformed = (
        "<item><title>An entry with no link</title><description>Nothing to fetch.</description></item>"
        "<item><title>An entry with a bad link</title><link>mailto:desk@ledger.example</link></item>"
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Northern Ledger</title><link>{base}/ledger/</link>
<description>News</description>{items}{malformed}</channel></rss>""".encode()


def atom_feed(base: str) -> bytes:
    entries = "".join(
        f"""<entry><title>{title}</title><link href="{base}{path}"/><id>{base}{path}</id>
<updated>2025-03-05T08:00:00Z</updated></entry>"""
        for title, path in [("Ferry landing", "/times/ferry-landing.html"),
                            ("Union presses port", "/times/union-presses-port.html")]
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Times</title><id>{base}/times/</id>
<updated>2025-03-05T08:00:00Z</updated>{entries}</feed>""".encode()


def list_page() -> bytes:
    return b"""<!doctype html><html><body><h1>Latest</h1><ul>
<li><a href="/times/ferry-landing.html">Ferry landing</a></li>
<li><a href="union-presses-port.html#top">Union presses port</a></li>
<li><a href="https://elsewhere.invalid/story.html">Elsewhere</a></li>
</ul></body></html>"""


class Site:
    """The server, its base URL, and a count of requests per path (to see what was fetched)."""

    def __init__(self) -> None:
        self.requests: Counter[str] = Counter()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # quiet: tests do not print
                pass

            def do_GET(self) -> None:  # noqa: N802 — http.server's name
                path = self.path.split("?")[0]
                site.requests[path] += 1
                site.route(self, path)

        return Handler

    def route(self, handler: BaseHTTPRequestHandler, path: str) -> None:
        if path == "/robots.txt":
            return self._send(handler, 200, "text/plain", b"User-agent: *\nDisallow: /private/\n")
        if path == "/ledger/rss.xml":
            return self._send_feed(handler, "application/rss+xml", rss_feed(self.base))
        if path == "/times/atom.xml":
            return self._send_feed(handler, "application/atom+xml", atom_feed(self.base))
        if path == "/times/latest.html":
            return self._send(handler, 200, "text/html; charset=utf-8", list_page())
        if path == "/ledger/slow.html":
            time.sleep(SLOW_SECONDS)
            return self._send(handler, 200, "text/html", PAGES["/ledger/fenwick-dam.html"])
        if path == "/ledger/broken.html":
            return self._send(handler, 500, "text/html", b"<h1>Internal Server Error</h1>")
        if path == "/ledger/huge.html":
            return self._send_huge(handler)
        if path in ("/ledger/loop-a.html", "/ledger/loop-b.html"):
            other = "/ledger/loop-b.html" if path.endswith("a.html") else "/ledger/loop-a.html"
            handler.send_response(302)
            handler.send_header("Location", other)
            handler.end_headers()
            return None
        if path == "/ledger/report.pdf":
            return self._send(handler, 200, "application/pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        if path in PAGES:
            return self._send(handler, 200, "text/html; charset=utf-8", PAGES[path])
        return self._send(handler, 404, "text/html", b"<h1>Not found</h1>")

    @staticmethod
    def _send(handler: BaseHTTPRequestHandler, status: int, content_type: str, body: bytes, **headers) -> None:
        handler.send_response(status)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            handler.send_header(name.replace("_", "-"), value)
        handler.end_headers()
        handler.wfile.write(body)

    def _send_feed(self, handler: BaseHTTPRequestHandler, content_type: str, body: bytes) -> None:
        etag = f'"{zlib.crc32(body):x}"'
        if handler.headers.get("If-None-Match") == etag:
            handler.send_response(304)
            handler.send_header("ETag", etag)
            handler.end_headers()
            return
        self._send(handler, 200, content_type, body, ETag=etag)

    @staticmethod
    def _send_huge(handler: BaseHTTPRequestHandler) -> None:
        """50 MB of HTML with no Content-Length: only reading the stream tells how large it is."""
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()
        chunk = b"<p>" + b"x" * 65_530 + b"</p>\n"
        sent = 0
        try:
            while sent < HUGE_BYTES:
                handler.wfile.write(chunk)
                sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the fetcher stopped reading at its cap, as it should

    def __enter__(self) -> Site:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


@contextmanager
def news_site() -> Iterator[Site]:
    with Site() as site:
        yield site

"""Turn raw bytes (a text file, an HTML page, a JSON document) into a parsed article.

Everything here validates before anything is written: a reader either
returns a ``ParsedArticle`` or raises ``RejectedInput`` with a one-line reason
a person can act on ("not UTF-8: invalid byte 0xe9 at offset 17"). The body is
kept exactly as read apart from a byte-order mark and line endings, because
every offset stored later (mentions, evidence, furniture) points into it.

Text is UTF-8; a file that starts with a byte-order mark is read in the
encoding the mark names (UTF-8, UTF-16 or UTF-32), since the mark says which
it is. Nothing else is guessed: UTF-16 without a mark and Latin-1 are
refused with the reason, not read as something they may not be. Whatever the
format, what is stored must be text PostgreSQL can hold (no NUL character, no
lone surrogate from a JSON escape) and have a letter or digit in it.

It also knows which files to read from a folder, and how to tell the format
of a file from its name or, failing that, its first bytes.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import logging
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from articles.models import Article
from nlp.furniture import find_furniture
from nlp.types import Span

TEXT, HTML, JSON = Article.Format.TEXT, Article.Format.HTML, Article.Format.JSON

EXTENSIONS = {
    ".txt": TEXT,
    ".text": TEXT,
    ".md": TEXT,
    ".html": HTML,
    ".htm": HTML,
    ".json": JSON,
}
TITLE_MAX_CHARS = 200
URL_MAX_CHARS = 2000
SOURCE_MAX_CHARS = 200
# A text file has few control characters; past this share of the first bytes it is binary.
CONTROL_SHARE_BINARY = 0.10
SNIFF_BYTES = 8192

# "date 2025-01-31" at the very start, possibly after spaces, the story maybe on the same line.
_DATE_PREFIX = re.compile(r"\A\s*date:?[ \t]+(\d{4}-\d{1,2}-\d{1,2})(?=\s|\Z)", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])")
# Bytes other than tab, newline, form feed and carriage return below 0x20, and DEL.
_CONTROL_BYTES = frozenset(set(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D} | {0x7F})
_CONTROL_CHARS = frozenset(map(chr, _CONTROL_BYTES))
# Longest first: the UTF-32 little-endian mark begins with the UTF-16 one.
_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# JSON's names for the types a document may hold.
_JSON_TYPES = {
    dict: "an object",
    list: "an array",
    str: "a string",
    int: "a number",
    float: "a number",
    bool: "true or false",
    type(None): "null",
}


class RejectedInput(Exception):
    """The input cannot become an article; ``reason`` says why in one line."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class ParsedArticle:
    format: str
    body: str
    title: str = ""
    published: dt.date | None = None
    url: str = ""
    source_name: str = ""
    furniture: tuple[Span, ...] = ()  # page furniture spans in ``body``


def read_article(
    raw: bytes, *, name: str = "", fmt: str | None = None, max_bytes: int, max_chars: int
) -> ParsedArticle:
    """Validate ``raw`` and parse it as ``fmt`` (or the format its name or content suggests).

    ``max_bytes`` bounds the file, ``max_chars`` the text read out of it (a web
    page is mostly markup; its story is what extraction reads).
    """
    check_size(raw, max_bytes=max_bytes)
    text = decode_text(raw)
    fmt = (fmt or format_for_name(name) or sniff_format(text)).lower()
    readers = {TEXT: read_text, HTML: read_html, JSON: read_json}
    if fmt not in readers:
        raise RejectedInput(f"unknown format {fmt!r} (expected one of {', '.join(readers)})")
    parsed = readers[fmt](text)
    check_storable(parsed)
    check_length(parsed.body, max_chars=max_chars)
    return parsed


def check_size(raw: bytes, *, max_bytes: int) -> None:
    if len(raw) > max_bytes:
        raise RejectedInput(f"too large: over the limit of {max_bytes} bytes")
    if not raw.strip():
        raise RejectedInput("empty" if not raw else "empty: only whitespace")


def check_length(body: str, *, max_chars: int) -> None:
    if len(body) > max_chars:
        raise RejectedInput(
            f"too long: {len(body)} characters of text, over the limit of {max_chars}"
        )


def decode_text(raw: bytes) -> str:
    """The text of ``raw``, with the byte-order mark dropped and line endings made "\\n"."""
    encoding = next((enc for mark, enc in _BYTE_ORDER_MARKS if raw.startswith(mark)), None)
    if encoding is None or encoding == "utf-8-sig":
        check_not_binary(raw)
    text = _decoded(raw, encoding or "utf-8")
    if encoding not in (None, "utf-8-sig"):
        # The NUL bytes of UTF-16 are no sign of binary; its decoded characters can be.
        check_not_binary_text(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise RejectedInput("empty: only whitespace")
    return text


def _decoded(raw: bytes, encoding: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as error:
        shown = encoding.upper().removesuffix("-SIG")
        raise RejectedInput(
            f"not {shown}: invalid byte 0x{raw[error.start]:02x} at offset {error.start}"
            if error.start < len(raw)
            else f"not {shown}: cut short at offset {error.start}"
        ) from None


def check_not_binary(raw: bytes) -> None:
    nul = raw.find(b"\x00")
    if nul != -1:
        if _looks_like_utf16(raw[:SNIFF_BYTES]):
            raise RejectedInput(
                "not UTF-8: looks like UTF-16 without a byte-order mark; save it as UTF-8"
            )
        raise RejectedInput(f"binary: NUL byte at offset {nul}")
    head = raw[:SNIFF_BYTES]
    controls = sum(1 for byte in head if byte in _CONTROL_BYTES)
    if controls / len(head) > CONTROL_SHARE_BINARY:
        raise RejectedInput(f"binary: {controls} control bytes in the first {len(head)}")


def _looks_like_utf16(head: bytes) -> bool:
    """Text in UTF-16 has NUL as every other byte (the high byte of ASCII), and no other NULs."""
    if len(head) < 4:
        return False
    even, odd = head[0::2], head[1::2]
    return any(
        half.count(0) >= 0.9 * len(half) and other.count(0) == 0
        for half, other in ((even, odd), (odd, even))
    )


def check_not_binary_text(text: str) -> None:
    nul = text.find("\x00")
    if nul != -1:
        raise RejectedInput(f"binary: NUL character at offset {nul}")
    head = text[:SNIFF_BYTES]
    controls = sum(1 for char in head if char in _CONTROL_CHARS)
    if controls / len(head) > CONTROL_SHARE_BINARY:
        raise RejectedInput(f"binary: {controls} control characters in the first {len(head)}")


def check_storable(parsed: ParsedArticle) -> None:
    """What is stored must be text PostgreSQL holds.

    JSON escapes can spell what no encoded file can (a NUL, half of a surrogate
    pair); an HTML page's entities could too.
    """
    fields = {
        "text": parsed.body,
        "title": parsed.title,
        "url": parsed.url,
        "source": parsed.source_name,
    }
    for what, value in fields.items():
        check_text_storable(value, what=what)


def check_text_storable(value: str, *, what: str) -> None:
    nul = value.find("\x00")
    if nul != -1:
        raise RejectedInput(f"{what} holds a NUL character (\\u0000) at character {nul}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise RejectedInput(
            f"{what} holds a lone surrogate \\u{ord(value[error.start]):04x} at character "
            f"{error.start}: not Unicode text"
        ) from None


def format_for_name(name: str) -> str | None:
    return EXTENSIONS.get(Path(name).suffix.lower()) if name else None


def sniff_format(text: str) -> str:
    """The format a file of unknown extension looks like from its first characters."""
    head = text.lstrip()[:1000].lower()
    if head.startswith("{"):
        return JSON
    if head.startswith(("<!doctype html", "<html", "<?xml")) or re.search(
        r"<(body|article|p)[\s>]", head
    ):
        return HTML
    return TEXT


# --- plain text ---------------------------------------------------------------


def read_text(text: str) -> ParsedArticle:
    """The sample format: an optional leading ``date YYYY-MM-DD``, then the story."""
    published = None
    match = _DATE_PREFIX.match(text)
    if match:
        published = parse_date(match.group(1), what="date")
        text = text[match.end() :]
    body = text.strip()
    if not body:
        raise RejectedInput("empty: a date and no text")
    furniture = story_furniture(body, no_story="no story: only page furniture")
    return ParsedArticle(
        format=TEXT,
        body=body,
        title=title_from_body(body, furniture),
        published=published,
        furniture=furniture,
    )


def story_furniture(body: str, *, no_story: str) -> tuple[Span, ...]:
    """The furniture spans of ``body``; rejected with ``no_story`` if nothing else is left."""
    if not any(char.isalnum() for char in body):
        raise RejectedInput("no text: not a letter or digit in it")
    furniture = tuple(find_furniture(body))
    position = 0
    for span in furniture:
        if body[position : span.start].strip():
            return furniture
        position = span.end
    if body[position:].strip():
        return furniture
    raise RejectedInput(no_story)


def title_from_body(body: str, furniture: Iterable[Span]) -> str:
    """The first sentence of the first line that is not page furniture, trimmed."""
    furniture_lines = {span.text for span in furniture}
    lines = [line.strip() for line in body.split("\n") if line.strip()]
    story_lines = [line for line in lines if line not in furniture_lines]
    return _first_sentence((story_lines or lines)[0])


def _first_sentence(line: str) -> str:
    match = _SENTENCE_END.search(line)
    sentence = line[: match.end()] if match else line
    return _shorten(sentence.strip(), TITLE_MAX_CHARS)


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:- ") + "…"


# --- HTML -----------------------------------------------------------------------


def read_html(text: str) -> ParsedArticle:
    """Main text, title, date, site name and URL of a web page, through trafilatura."""
    import trafilatura  # slow to import; only HTML needs it

    # It warns of empty pages on its own; the reason given here is the one line a person reads.
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    document = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False)
    body = (document.text or "").strip() if document else ""
    if not body:
        raise RejectedInput("HTML with no extractable text")
    title = (document.title or "").strip()
    body = _drop_repeated_title(body, title)
    # trafilatura falls back to any text at all, such as a lone navigation link.
    furniture = story_furniture(body, no_story="HTML with no extractable text")
    return ParsedArticle(
        format=HTML,
        body=body,
        title=_shorten(title, TITLE_MAX_CHARS) or title_from_body(body, furniture),
        published=_html_date(document.date),
        url=_page_url(document.url or ""),
        source_name=_shorten((document.sitename or "").strip(), SOURCE_MAX_CHARS),
        furniture=furniture,
    )


def _drop_repeated_title(body: str, title: str) -> str:
    """trafilatura repeats the headline as the first line; it is not a sentence of the story."""
    first, _, rest = body.partition("\n")
    if title and first.strip() == title and rest.strip():
        return rest.strip()
    return body


def _page_url(url: str) -> str:
    # The page's own canonical URL; a broken one is dropped, not a reason to refuse the page.
    try:
        return valid_url(url) if url else ""
    except RejectedInput:
        return ""


def _html_date(value: str | None) -> dt.date | None:
    # trafilatura's date comes from page metadata; a page with a broken one is still readable.
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


# --- JSON -----------------------------------------------------------------------


def read_json(text: str) -> ParsedArticle:
    """``{"title", "body" | "text", "published", "url", "source"}``, each of the right type."""
    data = _parsed_json(text)
    if not isinstance(data, dict):
        raise RejectedInput(f"JSON must be an object, not {_json_type(data)}")
    body = _json_string(data, "body") or _json_string(data, "text")
    body = body.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not body:
        raise RejectedInput('JSON has no text: "body" (or "text") is missing or empty')
    furniture = story_furniture(body, no_story="no story: only page furniture")
    title = _json_string(data, "title").strip()
    published = _json_string(data, "published").strip()
    url = _json_string(data, "url").strip()
    return ParsedArticle(
        format=JSON,
        body=body,
        title=_shorten(title, TITLE_MAX_CHARS) or title_from_body(body, furniture),
        published=parse_date(published[:10], what='"published"') if published else None,
        url=valid_url(url) if url else "",
        source_name=_shorten(_json_string(data, "source").strip(), SOURCE_MAX_CHARS),
        furniture=furniture,
    )


def _parsed_json(text: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise RejectedInput(
            f"malformed JSON at line {error.lineno} column {error.colno}: {error.msg}"
        ) from None
    except RecursionError:
        raise RejectedInput("malformed JSON: nested too deeply to read") from None
    except ValueError as error:  # a number of more than 4,300 digits
        raise RejectedInput(f"malformed JSON: {str(error).split(':')[0]}") from None


def _json_type(value: object) -> str:
    return _JSON_TYPES.get(type(value), type(value).__name__)


def _json_string(data: dict, key: str) -> str:
    value = data.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise RejectedInput(f'JSON "{key}" must be a string, not {_json_type(value)}')
    check_text_storable(value, what=f'JSON "{key}"')
    return value


# --- shared -------------------------------------------------------------------


def parse_date(value: str, *, what: str) -> dt.date:
    try:
        return dt.date.fromisoformat(_zero_padded(value))
    except ValueError:
        raise RejectedInput(f"impossible {what} {value!r} (expected YYYY-MM-DD)") from None


def _zero_padded(value: str) -> str:
    parts = value.split("-")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return value
    return f"{parts[0]}-{parts[1]:0>2}-{parts[2]:0>2}"


def valid_url(url: str) -> str:
    """``url`` if it is an http(s) URL that fits the Article.url column."""
    if len(url) > URL_MAX_CHARS:
        raise RejectedInput(f"url longer than {URL_MAX_CHARS} characters")
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        raise RejectedInput(f"not a valid http(s) URL: {url[:100]!r}") from None
    return url


# --- files ----------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    """A file found under the paths given, and whether to read it.

    ``skip_reason``: left alone on purpose (a hidden file), which is no failure;
    ``error``: something under the paths could not be read (a folder that cannot
    be listed), which is one.
    """

    path: Path
    skip_reason: str = ""
    error: str = ""


def find_article_files(paths: Iterable[Path]) -> Iterator[Candidate]:
    """Every file under ``paths``, folders walked recursively in sorted order.

    Hidden folders (".git") are not entered; hidden files (".DS_Store") are
    listed with a skip reason, and so are links to folders, which are not
    followed (they may lead in a circle); files of unknown extension are kept,
    their format sniffed on reading. A path that does not exist is kept too,
    so that reading it reports it, and so is a folder that cannot be listed.
    """
    for path in paths:
        if path.is_dir():
            yield from _walk(path)
        else:
            yield Candidate(path)


def _walk(folder: Path) -> Iterator[Candidate]:
    unlisted: list[OSError] = []
    for root, folders, files in os.walk(folder, onerror=unlisted.append):
        yield from _unlisted_folders(unlisted)
        linked = [f for f in folders if os.path.islink(os.path.join(root, f))]
        folders[:] = sorted(f for f in folders if not f.startswith(".") and f not in linked)
        for name in sorted(files + linked):
            path = Path(root, name)
            if name.startswith("."):
                yield Candidate(path, skip_reason="hidden file")
            elif name in linked:
                yield Candidate(path, skip_reason="link to a folder, not followed")
            else:
                yield Candidate(path)
    yield from _unlisted_folders(unlisted)


def _unlisted_folders(errors: list[OSError]) -> Iterator[Candidate]:
    while errors:
        error = errors.pop(0)
        yield Candidate(
            Path(error.filename), error=f"cannot list folder: {error.strerror or error}"
        )


def read_file_bytes(path: Path, *, max_bytes: int) -> bytes:
    """At most ``max_bytes + 1`` bytes: enough to tell a file is too large without reading it all.

    Only a regular file is read. It is opened without blocking and checked
    before any read, so a named pipe or a device among the files (which would
    wait for a writer, or never end) is refused instead of hanging the batch.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:
        raise RejectedInput(f"cannot read: {error.strerror or error}") from None
    try:
        _check_regular_file(os.fstat(descriptor).st_mode)
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            return handle.read(max_bytes + 1)
    except OSError as error:
        raise RejectedInput(f"cannot read: {error.strerror or error}") from None
    finally:
        os.close(descriptor)


def _check_regular_file(mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise RejectedInput("cannot read: a folder, not a file")
    if not stat.S_ISREG(mode):
        raise RejectedInput("cannot read: not a regular file (a pipe, socket or device)")


def display_path(path: Path) -> str:
    """``path`` as one printable line: a name's undecodable bytes and control characters
    (a newline in a file name) escaped, so every report stays one line per file."""
    name = os.fsencode(path).decode("utf-8", "backslashreplace")
    return "".join(
        char if char.isprintable() else char.encode("unicode_escape").decode("ascii")
        for char in name
    )

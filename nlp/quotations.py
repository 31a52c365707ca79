"""Quotations and the text spans statements are built from.

``find_quotes`` pairs quotation marks within a paragraph into character spans;
the other helpers say which quotations tokens fall in and turn quotations,
parse subtrees and sentences into ``types.Span`` values.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence

from spacy.tokens import Span, Token

from .discourse import Discourse
from .model import doc_text
from .types import Span as TextSpan


_OPENING = {"\u201c": "\u201d", "\u00ab": "\u00bb", "\u201e": "\u201d"}


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Character spans of quoted text (without the marks), paired within a paragraph; and the
    dash-introduced speech of European copy (``dash_quotes``)."""
    return sorted(_marked_quotes(text) + dash_quotes(text))


# "– The demand has no basis. It is natural, says Solberg to NTB.": a paragraph opened by a dash
# and closed by a short speech tail is the speaker's own words, up to the tail's comma.
_DASH_PARAGRAPH = re.compile(r"(?m)^[\u2013\u2014] +(?P<speech>[^\n\"\u201c\u201d]+?), (?P<tail>[^,\n]{3,60})\.[ \t]*$")
_SPEECH_TAIL = re.compile(r"\b(?:says|said|adds|added|tells|told|writes|wrote|stresses|stressed)\b")


def dash_quotes(text: str) -> list[tuple[int, int]]:
    """The speech of dash-opened paragraphs that end in a speech tail ("..., says X."). A dash
    list item, or a paragraph with quotation marks of its own, is not one."""
    return [
        (found.start("speech"), found.end("speech"))
        for found in _DASH_PARAGRAPH.finditer(text)
        if _SPEECH_TAIL.search(found.group("tail"))
    ]


def _marked_quotes(text: str) -> list[tuple[int, int]]:
    quotes: list[tuple[int, int]] = []
    open_at: int | None = None
    closing = ""
    for index, char in enumerate(text):
        if char == "\n" and text[index + 1 : index + 2] == "\n":
            open_at = None  # a quote never crosses a blank line
            continue
        if open_at is None:
            if char == '"' or char in _OPENING:
                open_at, closing = index + 1, '"' if char == '"' else _OPENING[char]
        elif char == closing or (closing == "\u201d" and char == '"'):
            quotes.append(_trim(text, open_at, index))
            open_at = None
    return [q for q in quotes if q[1] > q[0]]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " ,.;:\n":
        end -= 1
    while start < end and text[start] in " \n":
        start += 1
    return start, end


# The quotation helpers below take ``quotes`` as ``find_quotes`` gives them: in text
# order, none overlapping. They look a token's quotation up by bisection, not by
# reading every quotation of the article for every token: on a text quoting
# someone every line that was quadratic.


def quotes_in(tokens: Iterable[Token], quotes: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The quotations holding any of ``tokens``, in text order."""
    found = {_quote_index(t, quotes) for t in tokens} - {None}
    return [quotes[i] for i in sorted(found)]


def in_quotes(token: Token, quotes: Sequence[tuple[int, int]]) -> bool:
    """Whether ``token`` is inside one of ``quotes``."""
    return _quote_index(token, quotes) is not None


def _quote_index(token: Token, quotes: Sequence[tuple[int, int]]) -> int | None:
    i = bisect_right(quotes, token.idx, key=_quote_start) - 1
    return i if i >= 0 and token.idx < quotes[i][1] else None


def _quote_start(quote: tuple[int, int]) -> int:
    return quote[0]


def inside(token: Token, quote: tuple[int, int]) -> bool:
    return quote[0] <= token.idx < quote[1]


def text_span(disc: Discourse, quote: tuple[int, int]) -> TextSpan:
    return TextSpan(quote[0], quote[1], doc_text(disc.doc)[quote[0]:quote[1]])


def subtree_span(token: Token) -> TextSpan:
    tokens = [t for t in token.subtree if not t.is_space]
    while tokens and tokens[-1].is_punct and tokens[-1].text not in ('"', "\u201d", ")", "]"):
        tokens.pop()
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return TextSpan(start, end, doc_text(token.doc)[start:end])


def sentence_span(sent: Span, content: TextSpan | None) -> TextSpan:
    start, end = sent.start_char, sent.end_char
    if content is not None:
        start, end = min(start, content.start), max(end, content.end)
    doc = sent.doc
    return TextSpan(start, end, doc_text(doc)[start:end])

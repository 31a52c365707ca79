"""What a wire dateline says of an article: "DAMASCUS, Jan 30, 2025 (Reuters) - ...".

Read only for what the input itself does not say: the outlet in the dateline's
parentheses when no ``--source``, metadata or JSON field named one, and its
date when the article came without a publication date (the article then
records that its date was inferred). A dateline is the opening of one of the
first lines: a place, perhaps a date, an outlet in parentheses, then a dash.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import dateparser

# Only the head of the text: a dateline opens the story, after at most a title or a byline.
HEAD_CHARS = 600
_DATELINE = re.compile(
    r"""^[ \t]*
    (?:[A-Z][\w.'’-]*(?:[ /][A-Z][\w.'’-]*){0,3},?[ \t]+)?             # PLACE or Place Name
    (?:(?P<date>[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:,?[ \t]+\d{4})?),?[ \t]*)?   # Jan 30, 2025
    \((?P<outlet>[A-Z][\w&.'’ -]{0,38}[\w.])\)[ \t]*[-–—]+[ \t]""",
    re.MULTILINE | re.VERBOSE,
)


@dataclass(frozen=True)
class Dateline:
    outlet: str = ""
    published: dt.date | None = None  # only when the dateline gives the year too


def read_dateline(body: str) -> Dateline:
    """The outlet and date of the first dateline at the head of ``body``, or an empty ``Dateline``."""
    match = _DATELINE.search(body[:HEAD_CHARS])
    if match is None:
        return Dateline()
    return Dateline(outlet=match["outlet"].strip(), published=_full_date(match["date"]))


def _full_date(text: str | None) -> dt.date | None:
    """The date if it names day, month and year; a dateline without a year says too little."""
    if not text or not re.search(r"\d{4}", text):
        return None
    parsed = dateparser.parse(
        text, languages=["en"], settings={"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DATES_FROM": "past"}
    )
    return parsed.date() if parsed else None

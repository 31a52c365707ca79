"""Calendar dates of events, from the words a story uses for them.

``resolve_date("December 8", published=date(2025, 1, 31))`` is 2024-12-08:
relative and partial dates are read against the article's publication date,
preferring the past (news reports what has happened). Durations and ages
("24 years", "a decade", "13-years", "five decades") are not dates.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from functools import lru_cache

import dateparser

_NUMBER_WORDS = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|twenty|thirty|forty|fifty|sixty|hundred|several|few|"
    r"many|some|couple of|a couple of|a few)"
)
_UNITS = r"(?:second|minute|hour|day|week|fortnight|month|year|decade|century|centuries|millenni)"
# "24 years", "a decade", "13-years", "five-decade", "three hours", "decades"
_DURATION = re.compile(
    rf"^(?:(?:about|around|nearly|almost|over|more than|less than|some|the past|the last)\s+)?"
    rf"(?:{_NUMBER_WORDS}[\s-]+)?(?:and a half\s+)?{_UNITS}\w*(?:[\s-]+(?:long|old))?$",
    re.IGNORECASE,
)
# Words that make a phrase an age or a span rather than a point in time.
_SPAN_WORDS = re.compile(r"\b(?:for|during|since|lasting|long|old|ago\b(?!\s))", re.IGNORECASE)
_BARE_YEAR = re.compile(r"^(?:in\s+)?(1[89]\d\d|20\d\d)$")
_VAGUE = re.compile(
    r"^(?:the\s+)?(?:past|last|recent|coming|next|these|those|few|several|many)?\s*"
    r"(?:days|weeks|months|years|times|decades)$",
    re.IGNORECASE,
)


def is_duration(text: str) -> bool:
    """Whether a DATE phrase names a length of time ("24 years") rather than a date."""
    phrase = " ".join(text.split()).strip(" .,;:")
    return bool(_DURATION.match(phrase) or _VAGUE.match(phrase))


def _settings(published: dt.date | None) -> dict:
    settings = {
        "PREFER_DATES_FROM": "past",
        "PREFER_DAY_OF_MONTH": "first",  # "in December" is not the 31st
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    if published is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(published, dt.time(12, 0))
    return settings


def _clean(text: str) -> str:
    phrase = " ".join(text.split()).strip(" .,;:")
    phrase = re.sub(r"^(?:on|in|at|by|since|from|until|the)\s+", "", phrase, flags=re.IGNORECASE)
    # "the weekend of December 8 of last year" -> "December 8 of last year"
    phrase = re.sub(r"^(?:the\s+)?(?:weekend|week|night|morning|evening|eve)\s+of\s+", "", phrase)
    phrase = re.sub(r"\s+of\s+last\s+year$", " last year", phrase, flags=re.IGNORECASE)
    return phrase


def _last_year_date(phrase: str, published: dt.date | None) -> dt.date | None:
    """ "December 8 last year": dateparser reads only one of the two parts."""
    match = re.match(r"^(.*\S)\s+last year$", phrase, flags=re.IGNORECASE)
    if not match or published is None:
        return None
    base = dt.datetime(published.year - 1, 12, 31, 12, 0)
    parsed = dateparser.parse(
        match.group(1),
        settings={
            "PREFER_DATES_FROM": "past",
            "PREFER_DAY_OF_MONTH": "first",
            "RELATIVE_BASE": base,
        },
    )
    return parsed.date() if parsed else None


def resolve_date(text: str, published: dt.date | None) -> dt.date | None:
    """The calendar date a DATE phrase refers to, or None for durations and vague spans."""
    if published is None:
        return _resolved(text, None)  # read against today: may differ tomorrow, so not kept
    return _resolved_against(text, published)


# dateparser costs milliseconds a phrase (locale data, regular expressions), and a settle
# reads the same phrases of the same article again; against a given day the answer is fixed.
@lru_cache(maxsize=8192)
def _resolved_against(text: str, published: dt.date) -> dt.date | None:
    return _resolved(text, published)


def _resolved(text: str, published: dt.date | None) -> dt.date | None:
    if not text or is_duration(text):
        return None
    phrase = _clean(text)
    if not phrase or is_duration(phrase):
        return None
    if _BARE_YEAR.match(phrase):
        return None  # a year is not a day; callers that want years read them directly
    if re.fullmatch(r"last year", phrase, flags=re.IGNORECASE):
        return None
    resolved = _last_year_date(phrase, published)
    if resolved is not None:
        return resolved
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # dateparser warns about pytz/locale internals
        parsed = dateparser.parse(phrase, languages=["en"], settings=_settings(published))
    if parsed is None:
        return None
    resolved = parsed.date()
    if published is not None and resolved > published:
        return None  # "preferring the past" failed: not a date this story can report
    return resolved

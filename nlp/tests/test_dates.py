"""resolve_date: event dates relative to the publication date, durations are not dates."""

from __future__ import annotations

import datetime as dt

import pytest

from nlp.dates import is_duration, resolve_date

PUBLISHED = dt.date(2025, 1, 31)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("December 8", dt.date(2024, 12, 8)),
        ("on December 8", dt.date(2024, 12, 8)),
        ("December 8, 2024", dt.date(2024, 12, 8)),
        ("January 28", dt.date(2025, 1, 28)),
        ("Tuesday", dt.date(2025, 1, 28)),
        ("yesterday", dt.date(2025, 1, 30)),
        ("two days ago", dt.date(2025, 1, 29)),
        ("the weekend of December 8 of last year", dt.date(2024, 12, 8)),
        ("December", dt.date(2024, 12, 1)),
        ("2025-01-31", dt.date(2025, 1, 31)),
    ],
)
def test_it_resolves_dates_against_the_publication_date(text, expected):
    assert resolve_date(text, PUBLISHED) == expected


@pytest.mark.parametrize(
    "text",
    [
        "24 years",
        "a decade",
        "five decades",
        "13-years",
        "five-decade",
        "three hours",
        "the past weeks",
        "the last few days",
        "years",
        "decades",
        "a couple of months",
    ],
)
def test_durations_are_not_dates(text):
    assert is_duration(text)
    assert resolve_date(text, PUBLISHED) is None


def test_a_date_in_the_future_of_the_story_is_not_resolved():
    assert resolve_date("next week", PUBLISHED) is None


def test_a_weekday_prefers_the_past_week():
    published = dt.date(2024, 3, 6)  # a Wednesday
    assert resolve_date("Monday", published) == dt.date(2024, 3, 4)


def test_a_month_and_day_from_an_earlier_year_is_the_last_one_before_publication():
    assert resolve_date("March 3", dt.date(2023, 2, 1)) == dt.date(2022, 3, 3)


def test_text_that_is_no_date_gives_none():
    assert resolve_date("the talks", PUBLISHED) is None
    assert resolve_date("", PUBLISHED) is None


def test_a_date_read_again_against_the_same_day_gives_the_same_answer():
    published = dt.date(2025, 3, 14)

    first = resolve_date("last Tuesday", published)

    assert resolve_date("last Tuesday", published) == first == dt.date(2025, 3, 11)
    assert resolve_date("last Tuesday", dt.date(2025, 3, 21)) == dt.date(2025, 3, 18)  # its own

"""An article's outlet and date read from its wire dateline or its URL, when the input names none."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from articles.datelines import Dateline, read_dateline
from articles.services import article_ingest

STORY = "The council demanded the ledgers on Monday, officials said.\n"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("HARBOURTON, Jan 30, 2025 (Example Wire) - ", Dateline("Example Wire", dt.date(2025, 1, 30))),
        ("HARBOURTON, Jan 30 (Example Wire) - ", Dateline("Example Wire", None)),  # no year: no date
        ("NEW HARBOUR (XP) — ", Dateline("XP", None)),
        ("A headline\n\nPORT TOWN, March 3, 2024 (Wire) – ", Dateline("Wire", dt.date(2024, 3, 3))),
        ("The council (the city's) - not a dateline ", Dateline()),
        ("No dateline here. ", Dateline()),
    ],
)
def test_it_reads_the_outlet_and_a_full_date_of_a_dateline(head, expected):
    assert read_dateline(head + STORY) == expected


def test_a_dateline_far_into_the_text_is_not_one():
    assert read_dateline("x" * 700 + "\nHARBOURTON (Wire) - " + STORY) == Dateline()


@pytest.mark.django_db
def test_ingest_takes_the_outlet_and_date_of_a_dateline_and_marks_the_date_inferred():
    article = article_ingest(
        raw=("HARBOURTON, Jan 30, 2025 (Example Wire) - " + STORY).encode(), name="a.txt", enqueue=False
    ).article

    assert (article.source.name, article.published, article.published_inferred) == (
        "Example Wire", dt.date(2025, 1, 30), True,
    )


@pytest.mark.django_db
def test_what_the_input_says_wins_over_the_dateline():
    document = {"body": "HARBOURTON, Jan 30, 2025 (Example Wire) - " + STORY, "source": "Daily", "published": "2025-02-01"}
    article = article_ingest(raw=json.dumps(document).encode(), name="a.json", enqueue=False).article

    assert (article.source.name, article.published, article.published_inferred) == ("Daily", dt.date(2025, 2, 1), False)


@pytest.mark.django_db
def test_with_nothing_else_the_urls_domain_names_the_outlet():
    article = article_ingest(raw=STORY.encode(), name="a.txt", url="https://www.daily.example.com/x", enqueue=False).article

    assert (article.source.name, article.source.domain) == ("daily.example.com", "daily.example.com")


@pytest.mark.django_db
def test_without_any_clue_the_outlet_and_date_stay_unknown():
    article = article_ingest(raw=STORY.encode(), name="a.txt", enqueue=False).article

    assert (article.source, article.published, article.published_inferred) == (None, None, False)

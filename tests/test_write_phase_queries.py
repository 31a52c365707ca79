"""A reading's write phase costs the same number of queries whatever it found.

The write phase (resolving names, replacing mentions and extractions, relinking
claims) dominated the end-to-end time, at about 86 queries a reading, many of
them one per claim or entity the reading reached (README, issue 11, "Where the
end-to-end time goes"). An article re-written with every name and claim already
known must cost no more queries for eight findings than for two: a query per
claim, entity or alias would show here as a difference.
"""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from articles.services import article_ingest
from claims.models import Evidence
from pipeline.dispatch import articles_reprocess
from pipeline.services import article_process, extractor

WANTED = [
    "Carlos Mendez", "Jorge Ruiz", "Pablo Ortega", "Diego Navarro", "Luis Herrera",
    "Mateo Castillo", "Andres Molina", "Felipe Rojas", "Ramon Vega", "Tomas Aguirre",
]


def _article(people: list[str], day: int) -> Article:
    lines = [f"date 2024-03-{day:02d}"] + [
        f"Brazil has demanded that Argentina hand over the businessman {person}, according to Reuters."
        for person in people
    ]
    text = "\n".join(lines) + "\n"
    article = article_ingest(raw=text.encode(), name=f"{day}.txt", enqueue=False).article
    article_process(article_id=article.pk)
    return article


def _queries_to_write_again(article: Article) -> int:
    articles_reprocess(article_ids=[article.pk])  # a requested reading is always written
    extractor()  # the ruler is current: its refresh is no part of the write phase
    with CaptureQueriesContext(connection) as queries:
        article_process(article_id=article.pk)
    return len(queries)


@pytest.mark.django_db
def test_writing_a_reading_again_costs_the_same_queries_for_eight_findings_as_for_two():
    two = _article(WANTED[:2], day=1)
    eight = _article(WANTED[2:], day=2)
    assert Evidence.objects.filter(extraction__article=two).count() == 2
    assert Evidence.objects.filter(extraction__article=eight).count() == 8

    assert _queries_to_write_again(two) == _queries_to_write_again(eight)


@pytest.mark.django_db
def test_writing_a_reading_again_stays_within_its_query_budget():
    article = _article(WANTED[:4], day=1)

    # 38 on 2026-12-06, and 55 before the write phase read and wrote by the set (then each
    # finding cost 4 more: 47 queries for two, 71 for eight).
    assert _queries_to_write_again(article) <= 40

"""/api/entities/ and /api/articles/: fields, filters and query counts."""
from __future__ import annotations

import pytest

from articles.models import Article
from tests.factories import AliasFactory, ArticleFactory, EntityFactory, SourceFactory

pytestmark = pytest.mark.django_db


def ids(response) -> list[int]:
    return [row["id"] for row in response.json()["results"]]


def test_an_entity_comes_with_its_aliases_kind_and_merge(client):
    survivor = EntityFactory(name="Harbour Authority", kind="ORG")
    AliasFactory(entity=survivor, surface="Harbour Authority", normalised="harbour authority")
    AliasFactory(entity=survivor, surface="HA", normalised="ha", made_by="editor", blocked=True)
    merged = EntityFactory(name="Harbor Authority", kind="ORG", merged_into=survivor)

    rows = {row["id"]: row for row in client.get("/api/entities/").json()["results"]}

    assert rows[survivor.pk]["kind"] == "ORG"
    assert rows[survivor.pk]["merged_into"] is None
    assert rows[survivor.pk]["aliases"] == [
        {"surface": "Harbour Authority", "normalised": "harbour authority", "made_by": "machine", "blocked": False},
        {"surface": "HA", "normalised": "ha", "made_by": "editor", "blocked": True},
    ]
    assert rows[merged.pk]["merged_into"] == survivor.pk
    assert client.get(f"/api/entities/{survivor.pk}/").json()["name"] == "Harbour Authority"


def test_entities_filter_by_kind_and_canonical_and_search_aliases(client):
    person = EntityFactory(kind="PERSON", name="Ada Example")
    AliasFactory(entity=person, surface="A. Example")
    EntityFactory(kind="ORG")
    EntityFactory(kind="PERSON", merged_into=person)

    assert ids(client.get("/api/entities/", {"kind": "PERSON", "canonical": "true"})) == [person.pk]
    assert ids(client.get("/api/entities/", {"search": "A. Example"})) == [person.pk]


def test_the_entity_list_costs_three_queries_whatever_its_length(client, django_assert_num_queries):
    AliasFactory()
    with django_assert_num_queries(3):  # count, page, aliases
        client.get("/api/entities/")
    for _ in range(10):
        AliasFactory(entity=EntityFactory(merged_into=EntityFactory(), represents=EntityFactory()))
    with django_assert_num_queries(3):
        client.get("/api/entities/")


def test_the_article_list_gives_metadata_without_the_body(client):
    article = ArticleFactory(
        source=SourceFactory(name="Daily One", domain="daily.example"), original_name="004_story.txt",
        state=Article.State.FAILED, error="spaCy ran out of memory",
    )

    row = client.get("/api/articles/").json()["results"][0]

    assert row["id"] == article.pk
    assert row["source"]["name"] == "Daily One"
    assert row["original_name"] == "004_story.txt"
    assert row["state"] == "failed" and row["error"] == "spaCy ran out of memory"
    assert row["content_hash"] == article.content_hash
    assert {"title", "url", "published"} <= row.keys()
    assert "body" not in row


def test_an_article_detail_has_its_body_and_furniture(client):
    article = ArticleFactory(source=None, furniture=[[0, 3]])

    body = client.get(f"/api/articles/{article.pk}/").json()

    assert body["body"] == article.body
    assert body["furniture"] == [[0, 3]]
    assert body["source"] is None


def test_articles_filter_by_state_and_source(client):
    source = SourceFactory()
    wanted = ArticleFactory(source=source, state=Article.State.PENDING)
    ArticleFactory(source=source, state=Article.State.DONE)
    ArticleFactory(state=Article.State.PENDING)

    assert ids(client.get("/api/articles/", {"state": "pending", "source": source.pk})) == [wanted.pk]


def test_the_article_list_costs_two_queries_whatever_its_length(client, django_assert_num_queries):
    ArticleFactory()
    with django_assert_num_queries(2):  # count, page
        client.get("/api/articles/")
    ArticleFactory.create_batch(10)
    ArticleFactory.create_batch(3, source=None)
    with django_assert_num_queries(2):
        client.get("/api/articles/")

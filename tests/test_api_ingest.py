"""Scripts push articles as JSON through POST /api/articles/."""
import json

import pytest

from articles.models import Article

pytestmark = pytest.mark.django_db

ARTICLE = {
    "title": "Union demands pay rise",
    "body": "The dockworkers' union has demanded that the port authority raise wages by ten percent.",
    "published": "2025-03-04",
    "url": "https://news.example/port",
    "source": "Example News",
}


def _post(client, payload):
    return client.post("/api/articles/", data=json.dumps(payload), content_type="application/json")


def test_a_signed_in_script_ingests_an_article(admin_client):
    response = _post(admin_client, ARTICLE)

    assert response.status_code == 201, response.json()
    article = Article.objects.get()
    assert (article.title, str(article.published), article.source.name) == (
        "Union demands pay rise", "2025-03-04", "Example News",
    )
    assert response.json()["id"] == article.pk


def test_posting_the_same_article_twice_stores_it_once(admin_client):
    _post(admin_client, ARTICLE)

    response = _post(admin_client, ARTICLE)

    assert response.status_code == 200
    assert Article.objects.count() == 1


def test_a_bad_article_is_rejected_with_the_reason_and_nothing_stored(admin_client):
    response = _post(admin_client, {**ARTICLE, "published": "2025-13-45"})

    assert response.status_code == 400
    assert "published" in response.json()["detail"]
    assert not Article.objects.exists()


def test_anonymous_clients_cannot_ingest(client):
    response = _post(client, ARTICLE)

    assert response.status_code in (401, 403)
    assert not Article.objects.exists()

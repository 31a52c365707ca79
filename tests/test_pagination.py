"""A list's large total is counted once a while, not on every request; a small one always."""
import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def counts_kept_from_three(settings):
    settings.CLAIMTRACK_COUNT_CACHE_FROM = 3
    cache.clear()
    yield
    cache.clear()


def _total(client, path: str) -> int:
    return client.get(path).json()["count"]


def test_a_large_total_is_counted_once_and_then_read_from_the_cache(client, counts_kept_from_three):
    ClaimFactory.create_batch(3)
    assert _total(client, "/api/claims/") == 3

    ClaimFactory()
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/api/claims/")

    # The total lags the table for a while; the rows are the table's own.
    assert response.json()["count"] == 3 and len(response.json()["results"]) == 4
    assert not any("COUNT(" in q["sql"] for q in queries.captured_queries)
    cache.clear()
    assert _total(client, "/api/claims/") == 4


def test_a_small_total_is_always_counted(client, counts_kept_from_three):
    ClaimFactory.create_batch(2)
    assert _total(client, "/api/claims/") == 2
    ClaimFactory()
    assert _total(client, "/api/claims/") == 3


def test_each_query_keeps_its_own_total(client, counts_kept_from_three):
    ClaimFactory.create_batch(3, kind="demand")
    ClaimFactory.create_batch(4, kind="statement")

    assert _total(client, "/api/claims/") == 7
    assert _total(client, "/api/claims/?kind=statement") == 4
    assert _total(client, "/api/claims/?kind=demand") == 2 + 1  # below the mark: counted, not kept


def test_the_claim_list_page_keeps_its_large_total_too(client, counts_kept_from_three):
    ClaimFactory.create_batch(3)
    assert client.get("/").context["page"].paginator.count == 3
    ClaimFactory()
    assert client.get("/").context["page"].paginator.count == 3

"""Fetching one page: timeouts, the size cap, redirects, content types, robots.txt, addresses.

Against the invented news site of ``tests/feed_site.py`` on 127.0.0.1; also
``manage.py ingest URL`` and ``POST /api/articles/ {"url": ...}``, which fetch
one page the same way.
"""
from __future__ import annotations

import time
from io import StringIO

import pytest
from django.contrib.auth.models import Permission
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

from articles.fetching import FetchRejected, fetch
from articles.models import Article
from tests.feed_site import PAGES, news_site


@pytest.fixture
def site():
    with news_site() as running:
        yield running


def test_it_fetches_a_page_with_a_clear_user_agent(site, settings):
    fetched = fetch(f"{site.base}/ledger/fenwick-dam.html")

    assert fetched.body == PAGES["/ledger/fenwick-dam.html"]
    assert fetched.content_type == "text/html"
    assert site.requests["/robots.txt"] == 1


@pytest.mark.parametrize(
    ("path", "reason", "transient"),
    [
        ("/ledger/broken.html", "HTTP 500 from the server", True),
        ("/ledger/loop-a.html", "redirect loop", False),
        ("/ledger/report.pdf", "not a web page: content type application/pdf", False),
        ("/private/draft.html", "disallowed by the site's robots.txt", False),
        ("/nowhere.html", "HTTP 404", False),
    ],
)
def test_a_bad_page_is_rejected_with_its_reason(site, path, reason, transient):
    with pytest.raises(FetchRejected, match=reason) as rejected:
        fetch(site.base + path)

    assert rejected.value.transient is transient


def test_a_page_that_does_not_answer_in_time_is_given_up(site):
    started = time.monotonic()

    with pytest.raises(FetchRejected, match="timed out") as rejected:
        fetch(f"{site.base}/ledger/slow.html")

    assert rejected.value.transient
    assert time.monotonic() - started < 4  # the page answers after 4 s; the timeout is 2 s


def test_a_huge_page_is_read_only_up_to_the_cap(site, settings):
    settings.CLAIMTRACK_MAX_ARTICLE_BYTES = 1_000_000
    started = time.monotonic()

    with pytest.raises(FetchRejected, match="too large: over the limit of 1,000,000 bytes"):
        fetch(f"{site.base}/ledger/huge.html")

    assert time.monotonic() - started < 5


def test_private_addresses_are_refused_unless_allowed(site, settings):
    settings.CLAIMTRACK_FETCH_PRIVATE_ADDRESSES = False

    with pytest.raises(FetchRejected, match="private or local address"):
        fetch(f"{site.base}/ledger/fenwick-dam.html")
    assert site.requests["/ledger/fenwick-dam.html"] == 0


def test_hosts_outside_the_allowed_list_are_not_contacted(settings):
    settings.CLAIMTRACK_FETCH_HOSTS = ["127.0.0.1"]

    with pytest.raises(FetchRejected, match="not among the hosts"):
        fetch("http://news.example/story.html")


def test_requests_to_one_host_wait_their_turn(site, settings):
    settings.CLAIMTRACK_FETCH_HOST_DELAY_MS = 300
    fetch(f"{site.base}/ledger/fenwick-dam.html")  # reads robots.txt too
    started = time.monotonic()

    fetch(f"{site.base}/times/ferry-landing.html")

    assert time.monotonic() - started >= 0.25


@pytest.mark.django_db
def test_ingest_command_fetches_a_url(site):
    out, err = StringIO(), StringIO()
    url = f"{site.base}/ledger/fenwick-dam.html"

    call_command("ingest", url, "--source", "Northern Ledger", stdout=out, stderr=err)
    call_command("ingest", url, "--source", "Northern Ledger", stdout=out, stderr=err)

    article = Article.objects.get()
    assert (article.url, article.source.name, article.format) == (url, "Northern Ledger", "html")
    assert article.title == "Council demands dam repairs before floods"
    assert "1 ingested, 0 already present, 0 rejected" in out.getvalue()
    assert "0 ingested, 1 already present, 0 rejected" in out.getvalue()


@pytest.mark.django_db
def test_ingest_command_reports_a_bad_url_and_goes_on(site):
    err = StringIO()

    with pytest.raises(CommandError, match="1 rejected"):
        call_command("ingest", f"{site.base}/ledger/report.pdf", f"{site.base}/times/ferry-landing.html",
                     stdout=StringIO(), stderr=err)

    assert f"{site.base}/ledger/report.pdf: rejected: not a web page: content type application/pdf" in err.getvalue()
    assert Article.objects.get().title == "Traders want ferry landing reopened"


@pytest.fixture
def ingest_client(django_user_model):
    user = django_user_model.objects.create_user("script")
    user.user_permissions.add(Permission.objects.get(codename="add_article"))
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.mark.django_db
def test_the_api_fetches_a_page_given_only_its_url(site, ingest_client):
    url = f"{site.base}/times/ferry-landing.html"

    first = ingest_client.post("/api/articles/", {"url": url, "source": "Harbour Times"}, format="json")
    again = ingest_client.post("/api/articles/", {"url": url}, format="json")

    assert first.status_code == 201, first.json()
    assert first.json()["source"]["name"] == "Harbour Times"
    assert "reopen the old ferry landing" in first.json()["body"]
    assert (again.status_code, again.json()["id"]) == (200, first.json()["id"])
    assert site.requests["/times/ferry-landing.html"] == 2  # fetched, then found stored by its text


@pytest.mark.django_db
def test_the_api_answers_400_with_the_reason_a_page_was_refused(site, ingest_client):
    response = ingest_client.post("/api/articles/", {"url": f"{site.base}/ledger/broken.html"}, format="json")

    assert response.status_code == 400
    assert response.json() == {"detail": "HTTP 500 from the server"}
    assert not Article.objects.exists()

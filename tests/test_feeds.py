"""Following feeds: polled on a schedule, every page once, each bad page rejected with its reason.

Against the invented news site of ``tests/feed_site.py`` on 127.0.0.1.
"""
from __future__ import annotations

import datetime as dt

import pytest
from celery.worker import state as worker_state
from django.conf import settings as django_settings
from django.utils import timezone

from articles.models import Article, Source
from articles.services import source_get_or_create
from claimtrack.celery import app as celery_app
from claims.models import Claim
from feeds import services
from feeds.models import Feed, FetchedPage
from feeds.tasks import feed_poll_task
from tests.feed_site import news_site


@pytest.fixture
def site():
    with news_site() as running:
        yield running


def _feed(site, path: str, outlet: str, kind: str = Feed.Kind.RSS, **fields) -> Feed:
    source = source_get_or_create(name=outlet)
    return Feed.objects.create(source=source, url=site.base + path, kind=kind, **fields)


def _make_due(*feeds: Feed) -> None:
    Feed.objects.filter(pk__in=[f.pk for f in feeds]).update(next_poll=timezone.now())


def _reasons(feed: Feed) -> dict[str, str]:
    rows = feed.pages.values_list("url", "reason")
    return {url.removeprefix(feed.url.rsplit("/", 2)[0]): reason for url, reason in rows}


@pytest.mark.django_db
def test_new_pages_become_articles_of_the_feeds_outlet(site):
    feed = _feed(site, "/times/atom.xml", "Harbour Times", kind=Feed.Kind.ATOM)

    result = services.feed_poll(feed_id=feed.pk)

    assert (result.new_links, len(result.stored), result.rejected, result.error) == (2, 2, 0, "")
    articles = Article.objects.order_by("title")
    assert [(a.title, a.source.name, a.published) for a in articles] == [
        ("Traders want ferry landing reopened", "Harbour Times", dt.date(2025, 3, 3)),
        ("Union presses Kestrel port over wages", "Harbour Times", dt.date(2025, 3, 5)),
    ]
    assert set(FetchedPage.objects.values_list("state", flat=True)) == {FetchedPage.State.STORED}
    feed.refresh_from_db()
    assert (feed.state, feed.consecutive_failures, feed.last_error) == ("ok", 0, "")
    assert feed.etag and feed.next_poll > timezone.now() + dt.timedelta(seconds=feed.poll_seconds - 60)


@pytest.mark.django_db
def test_each_bad_page_is_rejected_with_its_reason_and_the_rest_goes_on(site, settings):
    settings.CLAIMTRACK_MAX_ARTICLE_BYTES = 1_000_000
    feed = _feed(site, "/ledger/rss.xml", "Northern Ledger")

    result = services.feed_poll(feed_id=feed.pk)

    assert len(result.stored) == 2
    assert Article.objects.filter(source__name="Northern Ledger").count() == 2
    pages = {page.url.removeprefix(site.base): page for page in feed.pages.all()}
    assert {path: (p.state, p.reason) for path, p in pages.items() if not path.startswith("/ledger/rss")} == {
        "/ledger/fenwick-dam.html": ("stored", ""),
        "/ledger/kestrel-wages.html": ("stored", ""),
        # A passing failure is tried again at the next polls, its reason kept meanwhile.
        "/ledger/slow.html": ("pending", "timed out (no answer within 2 s)"),
        "/ledger/broken.html": ("pending", "HTTP 500 from the server"),
        "/ledger/huge.html": ("rejected", "too large: over the limit of 1,000,000 bytes (stopped reading)"),
        "/ledger/loop-a.html": ("rejected", f"redirect loop: {site.base}/ledger/loop-a.html again after 2 hop(s)"),
        "/ledger/report.pdf": ("rejected", "not a web page: content type application/pdf"),
        "/private/draft.html": ("rejected", "disallowed by the site's robots.txt"),
    }
    malformed = sorted(p.reason for path, p in pages.items() if path.startswith("/ledger/rss"))
    assert malformed == [
        "entry 10 (An entry with a bad link): not a valid http(s) URL: 'mailto:desk@ledger.example'",
        "entry 9 (An entry with no link): the entry has no link",
    ]
    assert all(pages[path].state == "rejected" for path in pages if path.startswith("/ledger/rss"))
    assert site.requests["/private/draft.html"] == 0


@pytest.mark.django_db
def test_a_page_that_keeps_failing_is_rejected_after_its_attempts(site, settings):
    settings.CLAIMTRACK_FEED_PAGE_ATTEMPTS = 2
    feed = _feed(site, "/ledger/rss.xml", "Northern Ledger")
    services.feed_poll(feed_id=feed.pk)
    _make_due(feed)

    services.feed_poll(feed_id=feed.pk)

    broken = FetchedPage.objects.get(url=f"{site.base}/ledger/broken.html")
    assert (broken.state, broken.attempts, broken.reason) == ("rejected", 2, "HTTP 500 from the server")
    assert site.requests["/ledger/broken.html"] == 2


@pytest.mark.django_db
def test_a_second_poll_adds_nothing(site):
    rss = _feed(site, "/ledger/rss.xml", "Northern Ledger")
    atom = _feed(site, "/times/atom.xml", "Harbour Times", kind=Feed.Kind.ATOM)
    services.feed_poll(feed_id=rss.pk)
    services.feed_poll(feed_id=atom.pk)
    articles, pages = Article.objects.count(), FetchedPage.objects.count()
    _make_due(rss, atom)

    second = [services.feed_poll(feed_id=rss.pk), services.feed_poll(feed_id=atom.pk)]

    assert [(r.new_links, r.stored, r.error) for r in second] == [(0, [], ""), (0, [], "")]
    assert (Article.objects.count(), FetchedPage.objects.count()) == (articles, pages)
    assert site.requests["/times/ferry-landing.html"] == 1  # a page is fetched once
    assert site.requests["/times/atom.xml"] == 2  # the second time answered 304 Not Modified


@pytest.mark.django_db
def test_a_page_already_stored_is_not_fetched_again_by_a_feed(site):
    url = f"{site.base}/times/ferry-landing.html"
    from articles.services import article_ingest
    from tests.feed_site import PAGES

    article_ingest(raw=PAGES["/times/ferry-landing.html"], name=url, url=url, fmt="html")
    feed = _feed(site, "/times/atom.xml", "Harbour Times", kind=Feed.Kind.ATOM)

    services.feed_poll(feed_id=feed.pk)

    assert FetchedPage.objects.get(url=url).state == FetchedPage.State.PRESENT
    assert site.requests["/times/ferry-landing.html"] == 0


@pytest.mark.django_db
def test_a_list_page_gives_the_links_to_its_sites_articles(site):
    feed = _feed(site, "/times/latest.html", "Harbour Times", kind=Feed.Kind.PAGE)

    result = services.feed_poll(feed_id=feed.pk)

    assert len(result.stored) == 2
    assert sorted(feed.pages.values_list("url", flat=True)) == [
        f"{site.base}/times/ferry-landing.html", f"{site.base}/times/union-presses-port.html",
    ]


@pytest.mark.django_db
def test_a_failing_feed_backs_off_and_the_others_go_on(site):
    failing = _feed(site, "/ledger/broken.html", "Northern Ledger", poll_seconds=600)
    working = _feed(site, "/times/atom.xml", "Harbour Times", kind=Feed.Kind.ATOM)

    services.feed_poll(feed_id=failing.pk)
    services.feed_poll(feed_id=working.pk)
    _make_due(failing)
    before = timezone.now()
    services.feed_poll(feed_id=failing.pk)

    failing.refresh_from_db()
    working.refresh_from_db()
    assert (failing.consecutive_failures, failing.last_error) == (2, "HTTP 500 from the server")
    assert failing.state == "failing (2 in a row)"
    wait = failing.next_poll - before
    assert dt.timedelta(seconds=600 * 4 - 5) <= wait <= dt.timedelta(seconds=600 * 4 + 5)
    assert (working.state, Article.objects.filter(source=working.source).count()) == ("ok", 2)


def test_backoff_doubles_and_is_capped(settings):
    settings.CLAIMTRACK_FEED_MAX_BACKOFF_SECONDS = 3600
    assert [services.backoff(300, n).total_seconds() for n in (1, 2, 3, 50)] == [600, 1200, 2400, 3600]


@pytest.mark.django_db
def test_a_feed_not_due_or_disabled_is_not_polled(site):
    feed = _feed(site, "/times/atom.xml", "Harbour Times", kind=Feed.Kind.ATOM, enabled=False)
    assert services.feed_poll(feed_id=feed.pk) is None
    Feed.objects.filter(pk=feed.pk).update(enabled=True, next_poll=timezone.now() + dt.timedelta(hours=1))
    assert services.feed_poll(feed_id=feed.pk) is None
    assert site.requests["/times/atom.xml"] == 0


@pytest.mark.django_db
def test_an_unreadable_feed_is_a_feed_error(site):
    feed = _feed(site, "/ledger/fenwick-dam.html", "Northern Ledger")  # HTML, not a feed

    result = services.feed_poll(feed_id=feed.pk)

    assert result.error.startswith("not a readable feed")
    feed.refresh_from_db()
    assert feed.consecutive_failures == 1 and feed.last_error == result.error


def test_beat_polls_due_feeds():
    entry = django_settings.CELERY_BEAT_SCHEDULE["feeds-poll-due"]
    assert entry["task"] in celery_app.tasks
    assert celery_app.tasks[entry["task"]].name == "claimtrack.feeds_poll_due"


@pytest.mark.django_db(transaction=True)
@pytest.mark.e2e
def test_a_feed_added_in_the_admin_is_polled_by_beat_into_articles_and_claims(
    site, celery_worker, wait_until, admin_client
):
    """The whole way: admin → beat's entry → worker → articles → claims; the wire copies are one origin."""
    ledger, times = Source.objects.create(name="Northern Ledger"), Source.objects.create(name="Harbour Times")
    for source, path, kind in [(ledger, "/ledger/rss.xml", "rss"), (times, "/times/atom.xml", "atom")]:
        response = admin_client.post("/admin/feeds/feed/add/", {
            "source": source.pk, "url": site.base + path, "kind": kind, "enabled": "on", "poll_seconds": 900,
            "next_poll_0": "2000-01-01", "next_poll_1": "00:00:00",
        })
        assert response.status_code == 302, response.content.decode()[:2000]
    beat_task = django_settings.CELERY_BEAT_SCHEDULE["feeds-poll-due"]["task"]

    celery_app.send_task(beat_task)

    wait_until(lambda: Feed.objects.filter(last_success__isnull=False).count() == 2, timeout=120)
    wait_until(lambda: Article.objects.count() == 4 and not Article.objects.exclude(state="done").exists(),
               timeout=300)
    wait_until(lambda: Claim.objects.exists() and not Claim.objects.filter(dirty=True).exists(), timeout=120)
    wire = Article.objects.get(title="Dockworkers demand pay rise from port authority")
    copy = Article.objects.get(title="Union presses Kestrel port over wages")
    assert (wire.reprint_of_id, copy.reprint_of_id) == (None, wire.pk)
    shared = Claim.objects.filter(evidence__extraction__article=copy).filter(
        evidence__extraction__article=wire).distinct()
    assert shared, "the wire story's claims are backed by both copies"
    for claim in shared:
        assert (claim.outlet_count, claim.origin_count) == (2, 1)
    page = admin_client.get(f"/claims/{shared[0].pk}/").content.decode()
    assert "Reprinted by 1 outlet" in page

    # A second poll by beat adds nothing.
    articles, pages = Article.objects.count(), FetchedPage.objects.count()
    polled = set(Feed.objects.values_list("last_success", flat=True))
    Feed.objects.update(next_poll=timezone.now())
    celery_app.send_task(beat_task)
    wait_until(lambda: not polled & set(Feed.objects.values_list("last_success", flat=True)), timeout=120)
    assert (Article.objects.count(), FetchedPage.objects.count()) == (articles, pages)
    assert FetchedPage.objects.filter(state="rejected").count() >= 6


@pytest.mark.django_db(transaction=True)
def test_a_duplicated_poll_message_polls_once(site, celery_worker, wait_until):
    feed = _feed(site, "/times/atom.xml", "Harbour Times", kind=Feed.Kind.ATOM)

    feed_poll_task.delay(feed.pk)
    feed_poll_task.delay(feed.pk)

    wait_until(lambda: Feed.objects.filter(pk=feed.pk, last_success__isnull=False).exists())
    # The second message found the feed claimed (or no longer due) and did nothing.
    wait_until(lambda: not worker_state.active_requests and not worker_state.reserved_requests)
    assert site.requests["/times/atom.xml"] == 1
    assert site.requests["/times/ferry-landing.html"] == 1

"""article_ingest: one article per text, its outlet, its furniture, and processing queued on commit."""

from __future__ import annotations

import hashlib
import json

import pytest

from articles.models import Article, Source
from articles.readers import RejectedInput
from articles.services import IngestResult, article_ingest, source_get_or_create

STORY = (
    "Skip to main content\n\n"
    "The minister said on Monday that the talks would resume next week.\n\n"
    "Opposition leaders demanded an inquiry into the deaths.\n\n"
    "Follow us on Telegram for updates."
)
PAGE = """<html><head><title>Talks to resume</title>
<meta property="og:site_name" content="The Daily Example">
<link rel="canonical" href="https://www.daily.example.com/world/talks"></head>
<body><article><h1>Talks to resume</h1>
<p>The minister said on Monday that talks with the opposition would resume next week in Geneva,
according to officials familiar with the plans.</p>
<p>Opposition leaders demanded an independent inquiry into the deaths of protesters last month.</p>
</article></body></html>"""

pytestmark = pytest.mark.django_db


def ingest(raw: str | bytes = STORY, name: str = "story.txt", **kwargs) -> IngestResult:
    data = raw.encode("utf-8") if isinstance(raw, str) else raw
    return article_ingest(raw=data, name=name, enqueue=kwargs.pop("enqueue", False), **kwargs)


def test_it_stores_a_text_article_with_its_date_title_and_name() -> None:
    result = ingest(f"date 2025-01-31 {STORY}", name="in/000_story.txt")
    article = Article.objects.get()
    assert result.created and result.article == article
    assert article.published.isoformat() == "2025-01-31"
    assert article.body == STORY
    assert article.title == "The minister said on Monday that the talks would resume next week."
    assert article.original_name == "in/000_story.txt"
    assert article.format == Article.Format.TEXT
    assert article.state == Article.State.PENDING
    assert article.source is None


def test_the_content_hash_is_the_sha256_of_the_stored_body() -> None:
    article = ingest().article
    assert article.content_hash == hashlib.sha256(article.body.encode("utf-8")).hexdigest()


def test_it_stores_the_furniture_spans_of_the_body() -> None:
    article = ingest().article
    texts = [article.body[start:end] for start, end in article.furniture]
    assert texts == ["Skip to main content", "Follow us on Telegram for updates."]


def test_the_same_text_twice_is_one_article_and_the_second_time_changes_nothing() -> None:
    first = ingest(source_name="Outlet A").article
    second = ingest(STORY.encode("utf-8"), name="copy.txt", source_name="Outlet B")
    assert not second.created
    assert second.article.pk == first.pk
    assert Article.objects.count() == 1
    assert list(Source.objects.values_list("name", flat=True)) == ["Outlet A"]
    assert Article.objects.get().original_name == "story.txt"


def test_a_byte_order_mark_or_windows_line_ends_do_not_make_a_new_article() -> None:
    ingest()
    again = ingest(b"\xef\xbb\xbf" + STORY.replace("\n", "\r\n").encode("utf-8"))
    assert not again.created


def test_it_finds_an_outlet_whatever_its_capitalisation() -> None:
    ingest(source_name="Example Wire")
    ingest(STORY + "\n\nA second story said more.", source_name="  EXAMPLE wire ")
    assert list(Source.objects.values_list("name", flat=True)) == ["Example Wire"]
    assert Article.objects.filter(source__name="Example Wire").count() == 2


def test_it_takes_the_outlet_url_and_domain_from_an_html_page() -> None:
    article = ingest(PAGE, name="page.html").article
    assert article.format == Article.Format.HTML
    assert article.url == "https://www.daily.example.com/world/talks"
    assert article.source.name == "The Daily Example"
    assert article.source.domain == "daily.example.com"


def test_the_given_source_and_url_win_over_the_page_metadata() -> None:
    article = ingest(
        PAGE, name="page.html", source_name="Wire", url="https://wire.example.org/1"
    ).article
    assert article.source.name == "Wire"
    assert article.url == "https://wire.example.org/1"


def test_it_reads_json_with_its_outlet() -> None:
    document = {
        "title": "Talks",
        "text": STORY,
        "source": "Example Wire",
        "published": "2025-02-01",
    }
    article = ingest(json.dumps(document), name="api", fmt="json").article
    assert (article.title, article.source.name, str(article.published)) == (
        "Talks",
        "Example Wire",
        "2025-02-01",
    )


def test_a_rejected_input_writes_nothing() -> None:
    document = {"body": STORY, "source": "New Outlet", "published": "2025-02-30"}
    with pytest.raises(RejectedInput, match="impossible"):
        ingest(json.dumps(document), name="bad.json")
    assert not Article.objects.exists()
    assert not Source.objects.exists()


def test_it_rejects_a_given_url_that_is_not_one() -> None:
    with pytest.raises(RejectedInput, match="not a valid http"):
        ingest(url="javascript:alert(1)")
    assert not Article.objects.exists()


def test_it_rejects_input_over_the_configured_size_limit(settings) -> None:
    settings.CLAIMTRACK_MAX_ARTICLE_BYTES = 50
    with pytest.raises(RejectedInput, match="over the limit of 50 bytes"):
        ingest()


def test_it_rejects_text_over_the_configured_length_limit(settings) -> None:
    settings.CLAIMTRACK_MAX_ARTICLE_CHARS = 100
    with pytest.raises(RejectedInput, match="too long: 181 characters of text, over the limit of 100"):
        ingest()
    assert not Article.objects.exists()


def test_a_lone_surrogate_from_a_json_escape_writes_nothing() -> None:
    document = '{"body": "The talks \\ud800 resumed.", "source": "New Outlet"}'
    with pytest.raises(RejectedInput, match="lone surrogate"):
        ingest(document, name="bad.json")
    assert not Article.objects.exists()
    assert not Source.objects.exists()


def test_it_rejects_an_outlet_name_the_database_cannot_hold() -> None:
    with pytest.raises(RejectedInput, match="source name holds a NUL character"):
        ingest(source_name="Example\x00Wire")
    assert not Source.objects.exists()


def test_it_queues_processing_once_on_commit_for_a_new_article(
    django_capture_on_commit_callbacks,
) -> None:
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        ingest(enqueue=True)
    assert len(callbacks) == 1


def test_it_queues_nothing_for_an_article_already_present(
    django_capture_on_commit_callbacks,
) -> None:
    ingest()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        ingest(enqueue=True)
    assert callbacks == []


def test_it_queues_nothing_when_asked_not_to(django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        ingest(enqueue=False)
    assert callbacks == []


def test_source_get_or_create_fills_in_a_missing_domain() -> None:
    Source.objects.create(name="Wire")
    source = source_get_or_create(name="wire", domain="wire.example.org")
    assert Source.objects.get().domain == source.domain == "wire.example.org"


@pytest.mark.django_db(transaction=True)
def test_a_worker_picks_up_the_article_after_commit(celery_worker, wait_until) -> None:
    article = ingest(enqueue=True).article
    # Extraction itself is tested elsewhere; here the message must reach a worker that acts on it.
    wait_until(
        lambda: Article.objects.get(pk=article.pk).state != Article.State.PENDING, timeout=90
    )

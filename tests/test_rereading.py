"""A settle's reading that finds what was already written writes nothing; a requested one always writes.

Settling reads articles again whenever the corpus teaches the ruler a name
their text holds (``pipeline.services.articles_settle_round``); about a
quarter of those readings find the same analysis (README, issue 11). Their
rows are what the reading would write, so only the version moves. A reading
someone asked for (re-extraction, an editor's decision) is always written:
what it is to apply may not be in the analysis.
"""
import pytest

from articles.models import Article
from articles.services import article_ingest
from claims.models import Extraction
from entities.models import Mention
from pipeline.dispatch import articles_reprocess
from pipeline.services import article_process, extractor

TEXT = (
    "date 2024-03-01\n"
    "Brazil has demanded that Argentina hand over the businessman Carlos Mendez, according to Reuters.\n"
)


def _rows(article: Article) -> tuple[set[int], set[int]]:
    return (
        set(Extraction.objects.filter(article=article).values_list("pk", flat=True)),
        set(Mention.objects.filter(article=article).values_list("pk", flat=True)),
    )


@pytest.mark.django_db
def test_a_settles_reading_that_finds_the_same_writes_nothing_again():
    article = article_ingest(raw=TEXT.encode(), name="a.txt", enqueue=False).article
    article_process(article_id=article.pk)
    written = _rows(article)
    assert all(written), written
    Article.objects.filter(pk=article.pk).queue_for_rereading()  # as the settle does

    assert article_process(article_id=article.pk) == []

    assert _rows(article) == written
    article.refresh_from_db()
    assert article.state == Article.State.DONE and article.analysis_digest


@pytest.mark.django_db
def test_a_requested_reading_is_written_even_when_it_finds_the_same():
    article = article_ingest(raw=TEXT.encode(), name="a.txt", enqueue=False).article
    article_process(article_id=article.pk)
    written = _rows(article)
    articles_reprocess(article_ids=[article.pk])  # re-extraction, or an editor's decision

    article_process(article_id=article.pk)

    again = _rows(article)
    assert again[0] and again[0].isdisjoint(written[0]), (written, again)
    article.refresh_from_db()
    assert article.state == Article.State.DONE and article.analysis_digest


SAID = 'date 2024-03-01\nForeign Minister Anna Lindqvist said the offer was "fair and final".\n'


@pytest.mark.django_db
def test_a_reading_in_another_worker_takes_the_sentence_vectors_the_first_stored(monkeypatch):
    article = article_ingest(raw=SAID.encode(), name="a.txt", enqueue=False).article
    article_process(article_id=article.pk)
    stored = _vectors(article)
    assert stored, "a statement with a speaker carries its sentence's vector"
    meanings = extractor().meanings
    meanings.cache.clear()  # a process that never read this article

    def encode(texts):
        assert not texts, f"encoded again: {texts}"
        return meanings.encoder.__class__.encode(meanings.encoder, texts)

    monkeypatch.setattr(meanings.encoder, "encode", encode)
    Article.objects.filter(pk=article.pk).queue_for_rereading()  # as the settle does

    article_process(article_id=article.pk)

    assert _vectors(article) == stored


def _vectors(article: Article) -> set[tuple[str, bytes]]:
    rows = Extraction.objects.filter(article=article, meaning__isnull=False).values_list("sentence", "meaning")
    return {(sentence, bytes(meaning)) for sentence, meaning in rows}


@pytest.mark.django_db
def test_a_reading_finds_the_furniture_again_so_a_newer_release_reads_no_claim_from_a_credit():
    """An article ingested by a release that did not know a credit line as furniture: reading it
    again under a newer one leaves the line out and stores its span (the caption yields nothing)."""
    credit = "Fishing boats in the harbour, June 11. (AFP / Jane Roe)"
    text = TEXT + f"\n{credit}\n"
    article = article_ingest(raw=text.encode(), name="a.txt", enqueue=False).article
    start = article.body.index(credit)
    assert [start, start + len(credit)] in article.furniture
    Article.objects.filter(pk=article.pk).update(furniture=[])  # as an older release stored it

    article_process(article_id=article.pk)

    article.refresh_from_db()
    assert [start, start + len(credit)] in article.furniture
    assert not Mention.objects.filter(article=article, start__gte=start).exists()

"""Syndicated copies: one wire story under two outlets' headlines is one independent origin.

The link is the same whichever copy arrives first, and counts in SQL like any other origin.
"""
from __future__ import annotations

import datetime as dt

from io import StringIO

import pytest
from django.core.management import call_command

from articles.models import Article, ArticleFingerprint
from articles.services import article_ingest
from articles.syndication import articles_syndicate_missing, is_copy, shingles_of, signature_of
from claims.corroboration import claims_recompute
from claims.selectors import claim_explanation
from tests.factories import ArticleFactory, ClaimFactory, EvidenceFactory, SourceFactory
from tests.feed_site import PAGES, WIRE_PARAGRAPHS, article_html

pytestmark = pytest.mark.django_db

LEDGER = ("/ledger/kestrel-wages.html", "Northern Ledger")
TIMES = ("/times/union-presses-port.html", "Harbour Times")


def _ingest(page: tuple[str, str]) -> Article:
    path, outlet = page
    url = f"https://news.example{path}"
    return article_ingest(raw=PAGES[path], name=url, url=url, fmt="html", source_name=outlet).article


@pytest.mark.parametrize("order", [(LEDGER, TIMES), (TIMES, LEDGER)], ids=["original first", "copy first"])
def test_a_wire_copy_is_linked_to_the_same_canonical_article_whichever_comes_first(order):
    for page in order:
        _ingest(page)

    ledger = Article.objects.get(source__name="Northern Ledger")
    times = Article.objects.get(source__name="Harbour Times")
    # The Ledger's ran a day earlier: it is the canonical one of the group.
    assert (ledger.reprint_of_id, times.reprint_of_id) == (None, ledger.pk)


def test_other_stories_are_not_copies():
    _ingest(LEDGER)
    _ingest(("/ledger/fenwick-dam.html", "Northern Ledger"))
    _ingest(("/times/ferry-landing.html", "Harbour Times"))

    assert not Article.objects.filter(reprint_of__isnull=False).exists()


def test_an_outlet_rerunning_its_own_story_is_not_syndication():
    _ingest(LEDGER)
    trimmed = article_html("Dockworkers demand a raise", WIRE_PARAGRAPHS[:-1], date="2025-03-06",
                           site="Northern Ledger")
    article_ingest(raw=trimmed, name="update", fmt="html", source_name="Northern Ledger")

    assert not Article.objects.filter(reprint_of__isnull=False).exists()


def test_a_third_copy_joins_the_group_and_an_earlier_one_becomes_canonical():
    _ingest(LEDGER)
    _ingest(TIMES)
    paragraphs = [*WIRE_PARAGRAPHS, "Coastal Wire will update this story as it develops."]
    earliest = article_html("Port wage row", paragraphs, date="2025-03-01", site="Coastal Wire")
    wire = article_ingest(raw=earliest, name="wire", fmt="html", source_name="Coastal Wire").article
    assert Article.objects.count() == 3

    assert set(Article.objects.exclude(pk=wire.pk).values_list("reprint_of", flat=True)) == {wire.pk}
    assert Article.objects.get(pk=wire.pk).reprint_of_id is None


def test_a_short_text_is_never_called_a_copy():
    short = shingles_of("The union demanded higher wages on Monday.")
    signature = list(signature_of(short))
    assert not is_copy(len(short), signature, len(short), signature)


def test_furniture_is_left_out_of_the_comparison():
    body = "Share this article\n" + " ".join(WIRE_PARAGRAPHS)
    assert shingles_of(body, [[0, len("Share this article")]]) == shingles_of(" ".join(WIRE_PARAGRAPHS))


def test_articles_stored_before_fingerprints_are_linked_by_the_backfill():
    ledger, times = _ingest(LEDGER), _ingest(TIMES)
    ArticleFingerprint.objects.all().delete()
    Article.objects.update(reprint_of=None)

    assert articles_syndicate_missing(limit=1) == 1
    call_command("syndicate", stdout=StringIO())

    times.refresh_from_db()
    assert times.reprint_of_id == ledger.pk


def _supporting(claim, article, sentence):
    return EvidenceFactory(claim=claim, extraction__article=article, extraction__sentence=sentence)


def test_copies_count_as_one_independent_origin_even_when_their_sentences_differ():
    claim = ClaimFactory(dirty=True)
    original = ArticleFactory(source=SourceFactory(name="Northern Ledger"), published=dt.date(2025, 3, 4))
    copy = ArticleFactory(source=SourceFactory(name="Harbour Times"), published=dt.date(2025, 3, 5))
    other = ArticleFactory(source=SourceFactory(name="Gull Post"), published=dt.date(2025, 3, 5))
    _supporting(claim, original, "The union demanded that the port authority raise wages by twelve percent.")
    _supporting(claim, copy, "Dock workers want the port's operator to pay them twelve percent more, the union said.")
    _supporting(claim, other, "A reporter heard the union demand a raise.")
    claims_recompute(claim_ids=[claim.pk])
    claim.refresh_from_db()
    assert (claim.outlet_count, claim.origin_count) == (3, 3)

    Article.objects.filter(pk=copy.pk).update(reprint_of=original)
    claims_recompute(claim_ids=[claim.pk])

    claim.refresh_from_db()
    assert (claim.article_count, claim.outlet_count, claim.origin_count) == (3, 3, 2)
    explanation = claim_explanation(claim=claim)
    assert (explanation.origin_count, explanation.reprinted) == (2, 1)


def test_the_claim_page_says_how_many_outlets_reprinted_it(client):
    claim = ClaimFactory(dirty=True)
    original = ArticleFactory(source=SourceFactory(name="Northern Ledger"))
    copy = ArticleFactory(source=SourceFactory(name="Harbour Times"), reprint_of=original)
    _supporting(claim, original, "The union demanded a raise.")
    _supporting(claim, copy, "The union demanded a raise.")
    claims_recompute(claim_ids=[claim.pk])

    page = client.get(f"/claims/{claim.pk}/").content.decode()

    assert "Reprinted by 1 outlet:" in page

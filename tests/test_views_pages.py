"""The actor page and the article page."""
from __future__ import annotations

import pytest
from django.urls import reverse

from claims.models import Kind
from claims.marking import MentionSpan, SentenceSpan, mark_body
from claims.views import Piece, body_pieces
from tests.factories import (
    AliasFactory,
    ArticleFactory,
    ClaimFactory,
    EntityFactory,
    EvidenceFactory,
    ExtractionFactory,
    MentionFactory,
)

pytestmark = pytest.mark.django_db


def test_the_actor_page_shows_kind_aliases_and_mention_count(client):
    entity = EntityFactory(name="Ministry of Ports", kind="ORG")
    AliasFactory(entity=entity, surface="Ports Ministry")
    AliasFactory(entity=entity, surface="MoP", blocked=True)
    MentionFactory(entity=entity)
    MentionFactory(entity=entity, rejected=True)

    response = client.get(reverse("entity-detail", args=[entity.pk]))
    html = response.content.decode()

    assert "Ministry of Ports" in html and "Organisation" in html
    assert "Ports Ministry" in html
    assert 'class="blocked"' in html  # a removed alias is shown struck out, not hidden
    assert response.context["entity"].mention_count == 1


def test_the_actor_page_lists_claims_by_and_about_the_actor_apart(client):
    entity = EntityFactory()
    by = ClaimFactory(actor=entity, summary="It demands the records")
    about = ClaimFactory(target=entity, summary="Others demand its records")
    ClaimFactory(summary="Unrelated claim")

    response = client.get(reverse("entity-detail", args=[entity.pk]))

    assert response.context["claims_by"] == [by]
    assert response.context["claims_about"] == [about]
    assert "Unrelated claim" not in response.content.decode()


def test_a_merged_actor_points_to_the_one_it_became(client):
    survivor = EntityFactory(name="Harbour Authority")
    merged = EntityFactory(name="Harbor Authority", merged_into=survivor)

    html = client.get(reverse("entity-detail", args=[merged.pk])).content.decode()

    assert "Merged into" in html and reverse("entity-detail", args=[survivor.pk]) in html


def test_the_actor_page_costs_a_fixed_number_of_queries(client, django_assert_num_queries):
    entity = EntityFactory()
    AliasFactory.create_batch(3, entity=entity)
    ClaimFactory.create_batch(4, actor=entity, target=EntityFactory())
    with django_assert_num_queries(3):  # entity, its aliases, its claims
        client.get(reverse("entity-detail", args=[entity.pk]))


def test_the_article_page_greys_out_page_furniture(client):
    body = "Skip to main content\nThe ministry demanded the records.\nShare this article"
    article = ArticleFactory(body=body, furniture=[[0, 20], [56, 74]])

    html = client.get(reverse("article-detail", args=[article.pk])).content.decode()

    assert '<span class="furniture" title="Page furniture: not read for claims">Skip to main content</span>' in html
    assert "The ministry demanded the records." in html
    assert ">Share this article</span>" in html


def test_the_article_page_lists_its_extractions_and_the_claims_they_back(client):
    article = ArticleFactory()
    claim = ClaimFactory(summary="The ministry demands the documents")
    EvidenceFactory(claim=claim, extraction__article=article)
    ExtractionFactory(article=article, kind=Kind.STATEMENT, sentence="A second sentence.", rejected=True)

    response = client.get(reverse("article-detail", args=[article.pk]))
    html = response.content.decode()

    assert len(response.context["extractions"]) == 2
    assert "The ministry demands the documents" in html
    assert 'class="rejected"' in html


def test_the_article_page_costs_a_fixed_number_of_queries(client, django_assert_num_queries):
    article = ArticleFactory()
    for _ in range(3):
        EvidenceFactory(extraction__article=article, extraction__origins=[EntityFactory()])
    MentionFactory.create_batch(3, article=article)
    with django_assert_num_queries(5):  # article, extractions, their origins, their evidence with claims, mentions
        client.get(reverse("article-detail", args=[article.pk]))


def test_unknown_actors_and_articles_are_not_found(client):
    assert client.get(reverse("entity-detail", args=[999999])).status_code == 404
    assert client.get(reverse("article-detail", args=[999999])).status_code == 404


def test_body_pieces_survive_overlapping_and_out_of_range_furniture():
    pieces = body_pieces("abcdefghij", [[2, 5], [4, 7], [9, 50], {"start": 0, "end": 1}])

    assert pieces == [
        Piece("a", True), Piece("b", False), Piece("cde", True), Piece("fg", True),
        Piece("hi", False), Piece("j", True),
    ]


def test_the_article_page_marks_evidence_sentences_and_actor_mentions_in_the_body(client):
    body = "Intro line.\nThe Ministry demanded the records.\nShare this"
    article = ArticleFactory(body=body, furniture=[[47, 57]])
    ministry = EntityFactory(name="Ministry", kind="ORG")
    MentionFactory(article=article, entity=ministry, start=16, end=24, sentence_start=12, sentence_end=46)
    claim = ClaimFactory(summary="The ministry demands the records")
    evidence = EvidenceFactory(
        claim=claim, extraction__article=article, extraction__sentence=body[12:46],
        extraction__sentence_start=12, extraction__sentence_end=46,
    )

    html = client.get(reverse("article-detail", args=[article.pk])).content.decode()

    assert (
        f'Intro line.\n<mark class="evidence" id="ev-{evidence.pk}">The '
        f'<a class="ent" href="/entities/{ministry.pk}/">Ministry<span class="ent-label">ORG</span></a>'
        f' demanded the records.<a class="claim-ref" href="/claims/{claim.pk}/"'
    ) in html
    assert '<span class="furniture" title="Page furniture: not read for claims">Share this</span>' in html


def test_mark_body_keeps_every_character_once_and_joins_overlapping_sentences():
    body = "abcdefghijklmnop"
    blocks = mark_body(
        body,
        furniture=[(0, 2), (14, 40)],
        sentences=[SentenceSpan(3, 8, (1,), ((10, "x"),)), SentenceSpan(6, 10, (2,), ((11, "y"),))],
        mentions=[MentionSpan(4, 6, 7, "ORG"), MentionSpan(9, 12, 8, "GPE")],  # the second crosses an edge
    )

    assert "".join(run.text for block in blocks for run in block.runs) == body
    assert [(b.kind, b.evidence_ids) for b in blocks] == [
        ("furniture", ()), ("text", ()), ("evidence", (1, 2)), ("text", ()), ("furniture", ()),
    ]
    assert blocks[2].anchor == "ev-1" and blocks[2].extra_anchors == ["ev-2"]
    assert [r.entity_id for r in blocks[2].runs] == [None, 7, None]


def test_the_favicon_is_a_static_file(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 301 and response["Location"].endswith("favicon.svg")

"""Deleting or withdrawing an article: the counts follow, editor decisions stay, history tells.

Deleting an article (one or a queryset: Django sends ``pre_delete`` for each)
marks every claim its evidence backed dirty in the same transaction, and the recompute
then counts without it (a claim left with no evidence at all is deleted).
Withdrawing is the editor's way: the article and every decision about it stay,
it counts nowhere, and restoring it brings it back. History keeps a trace of
evidence moves, mention rejections, claims and articles.
"""
from __future__ import annotations

import pytest
from django.urls import reverse

from articles.models import Article
from claims.corroboration import claims_recompute_dirty
from claims.models import Claim, Evidence, Extraction
from claims.services import evidence_move, extraction_reject
from entities.models import Made, Mention
from entities.services import mention_reject
from pipeline.dispatch import articles_reprocess
from pipeline.tasks import article_process_task
from tests.factories import ClaimFactory, EvidenceFactory, MentionFactory, SourceFactory

pytestmark = pytest.mark.django_db


def _claim_backed_by(articles: int) -> tuple[Claim, list[Article]]:
    """A recomputed claim backed by ``articles`` articles from as many outlets."""
    claim = ClaimFactory(dirty=True)
    for n in range(articles):
        EvidenceFactory(claim=claim, extraction__article__source=SourceFactory(name=f"Outlet {claim.pk}-{n}"))
    claims_recompute_dirty()
    claim.refresh_from_db()
    assert (claim.article_count, claim.dirty) == (articles, False)
    return claim, [e.extraction.article for e in claim.evidence.select_related("extraction__article")]


def _run_action(client, action: str, articles, **extra):
    return client.post(
        reverse("admin:articles_article_changelist"),
        {"action": action, "_selected_action": [a.pk for a in articles], **extra},
    )


def _figures(claim: Claim) -> tuple:
    return Claim.objects.values_list("article_count", "outlet_count", "origin_count", "status", "dirty").get(
        pk=claim.pk
    )


# --- Deleting -------------------------------------------------------------------------------


def test_deleting_an_article_marks_its_claims_dirty_in_the_same_transaction():
    claim, (first, _, _) = _claim_backed_by(3)

    first.delete()

    assert Claim.objects.get(pk=claim.pk).dirty is True


def test_after_a_delete_the_recompute_counts_what_is_left():
    claim, (first, _, _) = _claim_backed_by(3)

    first.delete()
    claims_recompute_dirty()

    assert _figures(claim) == (2, 2, 2, Claim.Status.CORROBORATED, False)


def test_a_queryset_delete_marks_the_claims_of_every_article_dirty_and_empty_claims_go():
    claim, articles = _claim_backed_by(2)
    other, _ = _claim_backed_by(1)

    Article.objects.filter(pk__in=[a.pk for a in articles]).delete()

    assert Claim.objects.get(pk=claim.pk).dirty is True
    assert Claim.objects.get(pk=other.pk).dirty is False
    claims_recompute_dirty()
    assert not Claim.objects.filter(pk=claim.pk).exists()
    assert claim.history.filter(history_type="-").exists()  # the deleted claim leaves a trace


def test_the_admin_will_not_hard_delete_an_article_with_extractions(admin_client):
    # Extractions cannot be deleted in the admin (they would come back on
    # re-extraction), so neither can their article: an editor withdraws it.
    claim, (first, _) = _claim_backed_by(2)

    response = _run_action(admin_client, "delete_selected", [first], post="yes")

    assert response.status_code == 403
    assert Article.objects.filter(pk=first.pk).exists()
    assert Claim.objects.get(pk=claim.pk).dirty is False


# --- Withdrawing ----------------------------------------------------------------------------


def test_a_withdrawn_article_counts_nowhere_and_keeps_its_rejected_extraction(admin_client):
    claim, (first, _, _) = _claim_backed_by(3)
    rejected = EvidenceFactory(claim=claim, extraction__article=first).extraction
    extraction_reject(extraction=rejected)
    claims_recompute_dirty()

    response = _run_action(admin_client, "withdraw", [first])

    assert response.status_code == 302
    assert Article.objects.get(pk=first.pk).state == Article.State.WITHDRAWN
    assert Claim.objects.get(pk=claim.pk).dirty is True
    claims_recompute_dirty()
    assert _figures(claim) == (2, 2, 2, Claim.Status.CORROBORATED, False)
    assert Extraction.objects.filter(pk=rejected.pk, rejected=True, made_by=Made.EDITOR).exists()
    assert Evidence.objects.filter(extraction__article=first).count() == 2


def test_a_claim_whose_every_article_is_withdrawn_is_shown_withdrawn_with_nothing_counted():
    claim, articles = _claim_backed_by(2)

    Article.objects.filter(pk__in=[a.pk for a in articles]).withdraw()
    claims_recompute_dirty()

    assert _figures(claim) == (0, 0, 0, Claim.Status.WITHDRAWN, False)


def test_restoring_a_withdrawn_article_counts_it_again(admin_client):
    claim, (first, _) = _claim_backed_by(2)
    Article.objects.filter(pk=first.pk).withdraw()
    claims_recompute_dirty()

    _run_action(admin_client, "restore", [first])

    restored = Article.objects.get(pk=first.pk)
    assert restored.state == Article.State.PENDING
    assert restored.queued_at is not None  # queued for re-extraction, on commit
    claims_recompute_dirty()
    assert _figures(claim) == (2, 2, 2, Claim.Status.CORROBORATED, False)


def test_a_withdrawn_article_is_not_queued_nor_extracted_again():
    article = EvidenceFactory(extraction__article__state=Article.State.WITHDRAWN).extraction.article

    articles_reprocess(article_ids=[article.pk])
    article_process_task.apply(args=[article.pk]).get()

    article.refresh_from_db()
    assert article.state == Article.State.WITHDRAWN
    assert Extraction.objects.filter(article=article).exists()


def test_re_dating_an_article_in_the_admin_recounts_its_claims(admin_client):
    claim, (first, _) = _claim_backed_by(2)

    article = Article.objects.get(pk=first.pk)
    admin_client.post(
        reverse("admin:articles_article_change", args=[article.pk]),
        {"title": article.title, "source": article.source_id, "published": "2023-01-05", "url": article.url,
         "original_name": article.original_name},
    )

    assert Article.objects.get(pk=first.pk).published.isoformat() == "2023-01-05"
    assert Claim.objects.get(pk=claim.pk).dirty is True
    claims_recompute_dirty()
    assert Claim.objects.get(pk=claim.pk).first_seen.isoformat() == "2023-01-05"


# --- History ---------------------------------------------------------------------------------


def test_withdrawing_an_article_is_recorded_with_who_did_it(admin_client, admin_user):
    _, (first,) = _claim_backed_by(1)

    _run_action(admin_client, "withdraw", [first])

    last = Article.objects.get(pk=first.pk).history.first()
    assert (last.state, last.history_user) == (Article.State.WITHDRAWN, admin_user)


def test_moving_evidence_is_recorded_from_where_to_where():
    evidence = EvidenceFactory()
    old_claim, new_claim = evidence.claim, ClaimFactory()

    evidence_move(evidence=evidence, claim=new_claim)

    trail = list(evidence.history.values_list("history_type", "claim_id", "made_by", "history_change_reason"))
    assert trail == [("~", new_claim.pk, Made.EDITOR, f"moved from claim {old_claim.pk}")]


def test_rejecting_a_mention_is_recorded_and_the_machine_s_mentions_are_not():
    mention = MentionFactory()
    Mention.objects.bulk_create([MentionFactory.build(article=mention.article, entity=mention.entity)])

    mention_reject(mention=mention)
    Mention.objects.filter(made_by=Made.MACHINE, rejected=False).delete()  # a re-extraction's clean-up

    rows = list(Mention.history.values_list("id", "history_type", "rejected"))
    assert rows == [(mention.pk, "~", True)]


def test_a_recompute_adds_no_claim_history():
    claim, _ = _claim_backed_by(2)
    before = claim.history.count()

    Claim.objects.filter(pk=claim.pk).update(dirty=True)
    claims_recompute_dirty()

    assert claim.history.count() == before == 1  # its creation only

"""Editors' decisions about extractions, evidence and claims go through claims.services."""
from __future__ import annotations

import pytest
from django.urls import reverse

from articles.models import Article, Source
from claims.models import Claim, Evidence
from entities.models import Made
from tests.factories import ArticleFactory, ClaimFactory, EvidenceFactory

pytestmark = pytest.mark.django_db


def run_action(client, model: str, action: str, objects, **extra):
    return client.post(
        reverse(f"admin:{model}_changelist"),
        {"action": action, "_selected_action": [o.pk for o in objects], **extra},
    )


def test_rejecting_an_extraction_marks_its_claim_dirty(admin_client):
    evidence = EvidenceFactory(claim__dirty=False)

    run_action(admin_client, "claims_extraction", "reject", [evidence.extraction])

    evidence.extraction.refresh_from_db()
    evidence.claim.refresh_from_db()
    assert evidence.extraction.rejected and evidence.extraction.locked
    assert evidence.extraction.made_by == Made.EDITOR
    assert evidence.claim.dirty


def test_extractions_cannot_be_edited_or_deleted_in_the_admin(admin_client):
    evidence = EvidenceFactory()
    url = reverse("admin:claims_extraction_change", args=[evidence.extraction_id])

    admin_client.post(url, {"stance": "denied", "content": "changed"})
    response = admin_client.post(reverse("admin:claims_extraction_delete", args=[evidence.extraction_id]), {"post": "yes"})

    evidence.extraction.refresh_from_db()
    assert (evidence.extraction.stance, evidence.extraction.content) == ("asserted", "the return of the documents")
    assert response.status_code == 403


def test_moving_evidence_asks_for_the_claim_then_moves_it_and_dirties_both(admin_client):
    evidence = EvidenceFactory(claim__dirty=False)
    old_claim = evidence.claim
    new_claim = ClaimFactory(dirty=False)

    ask = run_action(admin_client, "claims_evidence", "move", [evidence])
    assert ask.status_code == 200 and "Move to claim" in ask.content.decode()

    done = run_action(admin_client, "claims_evidence", "move", [evidence], apply="1", claim=new_claim.pk)

    assert done.status_code == 302
    evidence.refresh_from_db()
    assert evidence.claim == new_claim and evidence.made_by == Made.EDITOR
    assert Claim.objects.get(pk=old_claim.pk).dirty and Claim.objects.get(pk=new_claim.pk).dirty


def test_moving_evidence_to_a_claim_that_does_not_exist_moves_nothing(admin_client):
    evidence = EvidenceFactory()

    response = run_action(admin_client, "claims_evidence", "move", [evidence], apply="1", claim=999999)

    assert response.status_code == 200
    assert Evidence.objects.get(pk=evidence.pk).claim_id == evidence.claim_id


def test_recompute_sets_the_figures_from_the_evidence(admin_client):
    claim = ClaimFactory(article_count=0, outlet_count=0, origin_count=0, dirty=True)
    EvidenceFactory.create_batch(2, claim=claim)

    run_action(admin_client, "claims_claim", "recompute", [claim])

    claim.refresh_from_db()
    assert (claim.article_count, claim.outlet_count, claim.origin_count, claim.dirty) == (2, 2, 2, False)


def test_an_editor_can_reword_a_claim_summary(admin_client):
    claim = ClaimFactory(summary="Old words")

    admin_client.post(
        reverse("admin:claims_claim_change", args=[claim.pk]),
        {"summary": "New words", "contradicts": [],
         "evidence-TOTAL_FORMS": 0, "evidence-INITIAL_FORMS": 0, "evidence-MIN_NUM_FORMS": 0, "evidence-MAX_NUM_FORMS": 0},
    )

    claim.refresh_from_db()
    assert claim.summary == "New words"


def test_marking_claims_as_contradicting_dirties_both(admin_client):
    claim, other = ClaimFactory(dirty=False), ClaimFactory(dirty=False)

    admin_client.post(
        reverse("admin:claims_claim_change", args=[claim.pk]),
        {"summary": claim.summary, "contradicts": [other.pk],
         "evidence-TOTAL_FORMS": 0, "evidence-INITIAL_FORMS": 0, "evidence-MIN_NUM_FORMS": 0, "evidence-MAX_NUM_FORMS": 0},
    )

    assert list(claim.contradicts.all()) == [other]
    assert Claim.objects.get(pk=claim.pk).dirty and Claim.objects.get(pk=other.pk).dirty


def test_reprocessing_articles_puts_them_back_in_the_queue(admin_client, django_capture_on_commit_callbacks):
    article = ArticleFactory(state=Article.State.DONE)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        run_action(admin_client, "articles_article", "reprocess", [article])

    article.refresh_from_db()
    assert article.state == Article.State.PENDING
    assert len(callbacks) == 1  # the task is queued on commit, not inside the transaction


@pytest.mark.parametrize(
    "model", ["claims_claim", "claims_evidence", "claims_extraction", "articles_article", "articles_source"]
)
def test_every_claims_and_articles_admin_page_opens(admin_client, model):
    evidence = EvidenceFactory(extraction__article__furniture=[[0, 3]])
    obj = {
        "claims_claim": evidence.claim,
        "claims_evidence": evidence,
        "claims_extraction": evidence.extraction,
        "articles_article": evidence.extraction.article,
        "articles_source": Source.objects.first(),
    }[model]

    assert admin_client.get(reverse(f"admin:{model}_changelist")).status_code == 200
    assert admin_client.get(reverse(f"admin:{model}_changelist"), {"q": "x"}).status_code == 200
    assert admin_client.get(reverse(f"admin:{model}_change", args=[obj.pk])).status_code == 200

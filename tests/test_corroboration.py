"""Corroboration figures are counted by PostgreSQL and follow the evidence."""
import datetime as dt
import io

import pytest
from django.contrib.postgres.search import SearchQuery
from django.core.management import call_command

from claims.corroboration import claims_recompute, claims_recompute_all
from claims.selectors import claim_named_origins
from claims.models import Claim, Evidence, Stance
from tests.factories import ArticleFactory, ClaimFactory, EntityFactory, EvidenceFactory, ExtractionFactory, SourceFactory

pytestmark = pytest.mark.django_db


def _evidence(claim, *, source=None, stance=Stance.ASSERTED, origins=(), published=dt.date(2025, 1, 2), **kw):
    article = ArticleFactory(source=source, published=published) if source is not False else ArticleFactory(
        source=None, published=published
    )
    return EvidenceFactory(
        claim=claim, extraction__article=article, extraction__stance=stance, extraction__origins=list(origins), **kw
    )


def test_it_counts_articles_outlets_and_independent_origins():
    claim = ClaimFactory(dirty=True)
    reuters = EntityFactory(name="Wire Agency", kind="ORG")
    _evidence(claim, source=SourceFactory(name="A"), stance=Stance.ASSERTED)
    _evidence(claim, source=SourceFactory(name="B"), stance=Stance.ATTRIBUTED, origins=[reuters])
    _evidence(claim, source=SourceFactory(name="C"), stance=Stance.ATTRIBUTED, origins=[reuters])
    _evidence(claim, source=SourceFactory(name="D"), stance=Stance.HEDGED)

    assert claims_recompute(claim_ids=[claim.pk]) == 1

    claim.refresh_from_db()
    assert (claim.article_count, claim.outlet_count, claim.origin_count) == (4, 4, 3)
    assert (claim.asserted_count, claim.attributed_count, claim.hedged_count) == (1, 2, 1)
    assert claim.status == Claim.Status.CORROBORATED
    assert claim.dirty is False
    assert claim_named_origins(claim=claim) == [{"name": "Wire Agency", "entity_id": reuters.pk, "articles": 2}]


def test_it_counts_articles_of_one_outlet_as_one_outlet():
    claim = ClaimFactory(dirty=True)
    outlet = SourceFactory(name="Same Outlet")
    _evidence(claim, source=outlet)
    _evidence(claim, source=outlet)

    claims_recompute(claim_ids=[claim.pk])

    claim.refresh_from_db()
    assert (claim.article_count, claim.outlet_count, claim.origin_count) == (2, 1, 2)


def test_it_counts_articles_of_unknown_outlet_as_one_unknown_outlet():
    claim = ClaimFactory(dirty=True)
    _evidence(claim, source=False)
    _evidence(claim, source=False)
    _evidence(claim, source=SourceFactory(name="Known"))

    claims_recompute(claim_ids=[claim.pk])

    claim.refresh_from_db()
    # Known + "unknown": three unattributed files would otherwise pass for three outlets.
    assert claim.outlet_count == 2
    # Each still its own origin: an article that credits no one is its own report.
    assert claim.origin_count == 3


def test_it_dates_a_claim_by_dated_articles_only_and_counts_the_undated():
    claim = ClaimFactory(dirty=True)
    _evidence(claim, published=None)
    _evidence(claim, published=dt.date(2025, 1, 9))
    _evidence(claim, published=dt.date(2025, 1, 4))

    claims_recompute(claim_ids=[claim.pk])

    claim.refresh_from_db()
    assert (claim.first_seen, claim.last_seen, claim.undated_count) == (dt.date(2025, 1, 4), dt.date(2025, 1, 9), 1)


def test_a_claim_of_undated_articles_has_no_date_rather_than_the_ingestion_day():
    claim = ClaimFactory(dirty=True, first_seen=dt.date(2024, 1, 1), last_seen=dt.date(2024, 1, 1))
    _evidence(claim, published=None)
    _evidence(claim, published=None)

    claims_recompute(claim_ids=[claim.pk])

    claim.refresh_from_db()
    assert (claim.first_seen, claim.last_seen, claim.undated_count) == (None, None, 2)


def test_the_search_document_holds_summary_sentences_and_the_actors_aliases():
    from entities.models import Alias

    actor = EntityFactory(name="Northern Ports Authority", kind="ORG")
    Alias.objects.create(entity=actor, surface="Harbourmasters", normalised="harbourmasters")
    claim = ClaimFactory(dirty=True, actor=actor, summary="demands the ledgers")
    _evidence(claim, extraction__sentence="The ledgers were sealed in Quayside on Monday.")

    claims_recompute(claim_ids=[claim.pk])

    found = lambda text: list(Claim.objects.filter(search_document=SearchQuery(text, config="english")))  # noqa: E731
    assert found("ledgers") == found("harbourmasters") == found("quayside") == found("northern ports") == [claim]
    assert found("unrelated") == []


def test_it_counts_an_echo_of_wire_copy_as_the_same_origin():
    claim = ClaimFactory(dirty=True)
    first = _evidence(claim, source=SourceFactory(name="First"))
    _evidence(claim, source=SourceFactory(name="Second"), echo_of=first)

    claims_recompute(claim_ids=[claim.pk])

    claim.refresh_from_db()
    assert (claim.article_count, claim.origin_count) == (2, 1)
    assert claim.status == Claim.Status.SINGLE_SOURCE


def test_it_counts_responses_by_stance_but_not_as_support():
    claim = ClaimFactory(dirty=True)
    _evidence(claim, source=SourceFactory(name="A"))
    _evidence(claim, source=SourceFactory(name="B"), stance=Stance.NO_COMMENT)

    claims_recompute(claim_ids=[claim.pk])

    claim.refresh_from_db()
    assert (claim.article_count, claim.no_comment_count, claim.origin_count) == (1, 1, 1)


def test_a_denial_makes_a_claim_contested():
    claim = ClaimFactory(dirty=True)
    _evidence(claim, source=SourceFactory(name="A"))
    _evidence(claim, source=SourceFactory(name="B"))
    _evidence(claim, source=SourceFactory(name="C"), stance=Stance.DENIED)

    claims_recompute(claim_ids=[claim.pk])

    claim.refresh_from_db()
    assert claim.status == Claim.Status.CONTESTED
    assert claim.denied_count == 1


def test_it_ignores_rejected_extractions():
    claim = ClaimFactory(dirty=True)
    _evidence(claim, source=SourceFactory(name="A"))
    _evidence(claim, source=SourceFactory(name="B"), extraction__rejected=True)

    claims_recompute(claim_ids=[claim.pk])

    claim.refresh_from_db()
    assert claim.article_count == 1


def test_it_dates_a_claim_by_its_first_and_last_article():
    claim = ClaimFactory(dirty=True)
    _evidence(claim, published=dt.date(2025, 1, 5))
    _evidence(claim, published=dt.date(2025, 2, 1))

    claims_recompute(claim_ids=[claim.pk])

    claim.refresh_from_db()
    assert (claim.first_seen, claim.last_seen) == (dt.date(2025, 1, 5), dt.date(2025, 2, 1))


def test_recomputing_twice_changes_nothing():
    claim = ClaimFactory(dirty=True)
    _evidence(claim, source=SourceFactory(name="A"))
    claims_recompute(claim_ids=[claim.pk])
    first = Claim.objects.values().get(pk=claim.pk)

    claims_recompute(claim_ids=[claim.pk])

    second = Claim.objects.values().get(pk=claim.pk)
    first.pop("recomputed_at"), second.pop("recomputed_at")
    assert first == second


def test_it_deletes_a_claim_left_without_evidence():
    claim = ClaimFactory(dirty=True)
    evidence = _evidence(claim)
    Evidence.objects.filter(pk=evidence.pk).delete()

    claims_recompute(claim_ids=[claim.pk])

    assert not Claim.objects.filter(pk=claim.pk).exists()


def _row_version(claim) -> str:
    # PostgreSQL's transaction id of the row's current version: it changes on every write.
    return Claim.objects.extra(select={"version": "xmin::text"}).values_list("version", flat=True).get(pk=claim.pk)


def test_a_full_recompute_mends_figures_nothing_marked_stale():
    # Figures wrong without any dirty flag: counting rules changed by an upgrade,
    # or a row edited by hand.
    claim = ClaimFactory(dirty=True)
    _evidence(claim, source=SourceFactory(name="A"))
    _evidence(claim, source=SourceFactory(name="B"))
    claims_recompute(claim_ids=[claim.pk])
    Claim.objects.filter(pk=claim.pk).update(article_count=99, status=Claim.Status.CONTESTED)

    assert claims_recompute_all() == 1

    claim.refresh_from_db()
    assert (claim.article_count, claim.status, claim.dirty) == (2, Claim.Status.CORROBORATED, False)


def test_a_full_recompute_counts_a_stale_claim_whose_figures_are_right():
    claim = ClaimFactory(dirty=True)
    _evidence(claim)
    claims_recompute(claim_ids=[claim.pk])
    Claim.objects.filter(pk=claim.pk).update(dirty=True, search_document=None)

    claims_recompute_all()

    claim.refresh_from_db()
    assert claim.dirty is False and claim.search_document is not None


def test_a_full_recompute_leaves_search_documents_unless_asked():
    # An alias learned after the claim was counted marks nothing stale: only a recompute
    # that rebuilds search documents finds the claim by it.
    from entities.models import Alias

    actor = EntityFactory(name="Northern Ports Authority", kind="ORG")
    claim = ClaimFactory(dirty=True, actor=actor)
    _evidence(claim)
    claims_recompute(claim_ids=[claim.pk])
    Alias.objects.create(entity=actor, surface="Harbourmasters", normalised="harbourmasters")
    found = lambda: list(Claim.objects.filter(search_document=SearchQuery("harbourmasters", config="english")))  # noqa: E731

    claims_recompute_all()
    assert found() == []

    assert claims_recompute_all(search_documents=True) == 1
    assert found() == [claim]


def test_a_recompute_that_finds_the_figures_right_writes_nothing():
    right, wrong = ClaimFactory(dirty=True), ClaimFactory(dirty=True)
    _evidence(right)
    _evidence(wrong)
    claims_recompute(claim_ids=[right.pk, wrong.pk])
    Claim.objects.filter(pk=wrong.pk).update(outlet_count=7)
    before = _row_version(right), _row_version(wrong)

    claims_recompute_all()

    assert _row_version(right) == before[0]
    assert _row_version(wrong) != before[1]


def test_a_stale_claim_is_written_even_when_its_figures_are_right():
    claim = ClaimFactory(dirty=True)
    _evidence(claim)
    claims_recompute(claim_ids=[claim.pk])
    Claim.objects.filter(pk=claim.pk).update(dirty=True)

    claims_recompute(claim_ids=[claim.pk])

    assert Claim.objects.get(pk=claim.pk).dirty is False


def test_a_claim_without_evidence_goes_even_when_its_row_is_up_to_date():
    claim = ClaimFactory(dirty=True)
    evidence = _evidence(claim)
    Evidence.objects.filter(pk=evidence.pk).delete()
    # What a recompute would write, already there: the write is skipped, the delete is not.
    Claim.objects.filter(pk=claim.pk).update(
        article_count=0, outlet_count=0, origin_count=0, asserted_count=0, first_seen=None, last_seen=None,
        status=Claim.Status.WITHDRAWN, dirty=False,
    )

    claims_recompute_all()

    assert not Claim.objects.filter(pk=claim.pk).exists()


def test_the_recompute_command_counts_stale_claims_or_with_all_every_claim():
    stale, wrong = ClaimFactory(dirty=True), ClaimFactory(dirty=True)
    _evidence(stale)
    _evidence(wrong)
    claims_recompute(claim_ids=[wrong.pk])
    Claim.objects.filter(pk=wrong.pk).update(article_count=5)
    out = io.StringIO()

    call_command("recompute", stdout=out)
    assert "1 claims recomputed" in out.getvalue()
    assert Claim.objects.get(pk=wrong.pk).article_count == 5

    call_command("recompute", "--all", stdout=out)
    assert Claim.objects.get(pk=wrong.pk).article_count == 1
    assert Claim.objects.get(pk=stale.pk).article_count == 1

    Claim.objects.filter(pk=wrong.pk).update(search_document=None)
    call_command("recompute", "--all", "--search-documents", stdout=out)
    assert Claim.objects.get(pk=wrong.pk).search_document is not None


def test_it_recomputes_many_claims_in_a_constant_number_of_queries(django_assert_max_num_queries):
    claims = [ClaimFactory(dirty=True) for _ in range(5)]
    for claim in claims:
        _evidence(claim)

    # SET LOCAL jit, lock, figures, status, delete of emptied claims (+ savepoint bookkeeping)
    with django_assert_max_num_queries(7):
        claims_recompute(claim_ids=[c.pk for c in claims])

    assert set(Claim.objects.values_list("article_count", flat=True)) == {1}


def test_an_article_counts_once_under_the_stance_of_its_first_supporting_sentence():
    claim = ClaimFactory(dirty=True)
    article = ArticleFactory()
    EvidenceFactory(claim=claim, extraction__article=article, extraction__stance=Stance.HEDGED,
                    extraction__sentence_start=0)
    EvidenceFactory(claim=claim, extraction__article=article, extraction__stance=Stance.ASSERTED,
                    extraction__sentence_start=120)

    claims_recompute(claim_ids=[claim.pk])

    claim.refresh_from_db()
    assert (claim.article_count, claim.hedged_count, claim.asserted_count) == (1, 1, 0)


def test_a_near_identical_sentence_in_another_article_is_linked_as_wire_copy():
    from claims.linking import claims_relink

    wire = "The ministry said the talks would resume in Geneva next week, according to officials."
    demand = {"actor": EntityFactory(), "target": EntityFactory(), "about": EntityFactory(), "predicate": "resume"}
    first = ExtractionFactory(sentence=wire, article=ArticleFactory(published=dt.date(2024, 5, 1)), **demand)
    copy = ExtractionFactory(sentence=wire.replace("next week", "next week,"),
                             article=ArticleFactory(published=dt.date(2024, 5, 2)), **demand)
    other = ExtractionFactory(sentence="Talks collapsed after a day of shelling near the border.",
                              article=ArticleFactory(published=dt.date(2024, 5, 3)), **demand)

    # Arrival order does not decide which copy is the echo: publication does.
    claims_relink(extractions=[other, copy])
    claims_relink(extractions=[first])

    evidence = {e.extraction_id: e for e in Evidence.objects.all()}
    assert evidence[copy.pk].echo_of == evidence[first.pk]
    assert evidence[first.pk].echo_of is None
    assert evidence[other.pk].echo_of is None
"""The analyst's claim list and claim page."""
from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from claims.corroboration import claims_recompute
from claims.models import Claim, Kind, Stance
from entities.models import Entity
from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    EntityFactory,
    EvidenceFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db


def evidence_from(claim: Claim, outlet: str | None, *, origins=(), stance=Stance.ASSERTED, **article):
    """One article of ``outlet`` backing ``claim``, crediting ``origins``."""
    source = SourceFactory(name=outlet) if outlet else None
    return EvidenceFactory(
        claim=claim,
        extraction__article=ArticleFactory(source=source, **article),
        extraction__origins=list(origins),
        extraction__stance=stance,
    )


# --- The list ---------------------------------------------------------------------------


def test_it_lists_claims_by_independent_origins_then_articles(client):
    weak = ClaimFactory(summary="weak", origin_count=1, article_count=9)
    strong = ClaimFactory(summary="strong", origin_count=4, article_count=4)
    middle = ClaimFactory(summary="middle", origin_count=1, article_count=10)

    response = client.get(reverse("claim-list"))

    assert response.status_code == 200
    assert [c.pk for c in response.context["page"].object_list] == [strong.pk, middle.pk, weak.pk]


def test_it_shows_counts_parties_stances_and_status(client):
    actor, target = EntityFactory(name="Ministry of Ports"), EntityFactory(name="Harbour Authority")
    ClaimFactory(
        summary="The ministry demands the harbour records",
        actor=actor, target=target, article_count=5, outlet_count=4, origin_count=3,
        asserted_count=3, hedged_count=1, denied_count=1, status=Claim.Status.CONTESTED,
        first_seen=dt.date(2024, 12, 1), last_seen=dt.date(2024, 12, 9),
    )

    html = client.get(reverse("claim-list")).content.decode()

    assert "The ministry demands the harbour records" in html
    assert "Ministry of Ports" in html and "Harbour Authority" in html
    assert "1 hedged" in html and "1 denied" in html and "3 asserted" in html
    assert "Contested" in html
    assert "2024-12-01" in html and "2024-12-09" in html


def test_it_filters_by_kind_status_actor_and_summary(client):
    actor = EntityFactory()
    wanted = ClaimFactory(
        kind=Kind.STATEMENT, status=Claim.Status.CORROBORATED, actor=actor, summary="Ports will reopen"
    )
    ClaimFactory(kind=Kind.DEMAND, status=Claim.Status.CORROBORATED, actor=actor, summary="Ports will reopen soon")
    ClaimFactory(kind=Kind.STATEMENT, status=Claim.Status.SINGLE_SOURCE, actor=actor, summary="Ports will reopen")
    ClaimFactory(kind=Kind.STATEMENT, status=Claim.Status.CORROBORATED, summary="Ports will reopen")
    ClaimFactory(kind=Kind.STATEMENT, status=Claim.Status.CORROBORATED, actor=actor, summary="Talks stalled")

    response = client.get(
        reverse("claim-list"),
        {"kind": "statement", "status": "corroborated", "actor": actor.pk, "q": "reopen"},
    )

    assert [c.pk for c in response.context["page"].object_list] == [wanted.pk]


def test_the_actor_filter_finds_claims_about_or_targeting_the_actor(client):
    actor = EntityFactory()
    by = ClaimFactory(actor=actor, origin_count=3)
    targeting = ClaimFactory(target=actor, origin_count=2)
    ClaimFactory()

    response = client.get(reverse("claim-list"), {"actor": actor.pk})

    assert [c.pk for c in response.context["page"].object_list] == [by.pk, targeting.pk]


def test_it_ignores_filter_values_it_does_not_know(client):
    ClaimFactory.create_batch(2)

    response = client.get(reverse("claim-list"), {"kind": "gossip", "status": "x", "actor": "abc"})

    assert response.status_code == 200
    assert response.context["page"].paginator.count == 2


def test_it_pages_through_claims_keeping_the_filters(client):
    ClaimFactory.create_batch(27, kind=Kind.DEMAND)

    first = client.get(reverse("claim-list"), {"kind": "demand"})
    second = client.get(reverse("claim-list"), {"kind": "demand", "page": 2})

    assert len(first.context["page"].object_list) == 25
    assert len(second.context["page"].object_list) == 2
    assert "kind=demand&amp;page=2" in first.content.decode()


def test_it_marks_claims_whose_figures_are_being_recomputed(client):
    ClaimFactory(summary="Fresh figures", dirty=False)
    ClaimFactory(summary="Stale figures", dirty=True)

    html = client.get(reverse("claim-list")).content.decode()

    assert html.count("recomputing</span>") == 1


def test_the_list_costs_the_same_queries_for_three_claims_or_thirty(client, django_assert_num_queries):
    ClaimFactory.create_batch(3, target=EntityFactory(), about=EntityFactory())
    with django_assert_num_queries(3):  # count, the page of claims, the actor filter's choices
        client.get(reverse("claim-list"))

    ClaimFactory.create_batch(27, target=EntityFactory(), about=EntityFactory())
    actor = Entity.objects.first()
    with django_assert_num_queries(3):
        client.get(reverse("claim-list"), {"kind": "demand", "actor": actor.pk})


# --- The claim page -----------------------------------------------------------------------


def test_the_claim_page_explains_articles_outlets_and_independent_origins(client):
    claim = ClaimFactory()
    wire = EntityFactory(name="Wire Agency", kind=Entity.Kind.ORG)
    evidence_from(claim, "Daily One", origins=[wire])
    evidence_from(claim, "Daily Two", origins=[wire])
    evidence_from(claim, "Weekly Three")
    evidence_from(claim, None)

    response = client.get(reverse("claim-detail", args=[claim.pk]))

    assert str(response.context["explanation"]) == (
        "4 articles from 4 outlets; 3 independent origins: Wire Agency ×2, Weekly Three, unknown outlet"
    )
    assert "4 articles from 4 outlets" in response.content.decode()


def test_the_explanation_agrees_with_the_stored_figures(client):
    claim = ClaimFactory()
    wire = EntityFactory(kind=Entity.Kind.ORG)
    same_outlet = "Daily One"
    original = evidence_from(claim, same_outlet, origins=[wire])
    evidence_from(claim, same_outlet, origins=[wire])
    evidence_from(claim, same_outlet)
    echo = evidence_from(claim, "Echo Daily")
    echo.echo_of = original
    echo.save()
    evidence_from(claim, "Denier", stance=Stance.DENIED)
    claims_recompute(claim_ids=[claim.pk])
    claim.refresh_from_db()

    explanation = client.get(reverse("claim-detail", args=[claim.pk])).context["explanation"]

    assert (explanation.articles, explanation.outlets, explanation.origin_count) == (
        claim.article_count, claim.outlet_count, claim.origin_count,
    )


def test_the_claim_page_shows_every_sentence_with_its_content_highlighted(client):
    claim = ClaimFactory()
    evidence_from(claim, "Daily One", title="Ports row deepens", published=dt.date(2024, 12, 18))

    html = client.get(reverse("claim-detail", args=[claim.pk])).content.decode()

    assert "Daily One" in html and "Ports row deepens" in html and "2024-12-18" in html
    assert "The ministry demanded <mark>the return of the documents</mark>." in html


def test_credited_origins_are_named_next_to_the_sentence(client):
    claim = ClaimFactory()
    evidence_from(claim, "Daily One", origins=[EntityFactory(name="Wire Agency")], stance=Stance.ATTRIBUTED)

    response = client.get(reverse("claim-detail", args=[claim.pk]))

    row = response.context["supporting"][0]
    assert [o.name for o in row.extraction.origins.all()] == ["Wire Agency"]
    assert "Wire Agency</a>" in response.content.decode()


def test_denials_and_refusals_to_comment_are_listed_apart_as_responses(client):
    claim = ClaimFactory()
    backing = evidence_from(claim, "Daily One")
    denial = evidence_from(claim, "Daily Two", stance=Stance.DENIED)
    silence = evidence_from(claim, "Daily Three", stance=Stance.NO_COMMENT)

    response = client.get(reverse("claim-detail", args=[claim.pk]))

    assert [e.pk for e in response.context["supporting"]] == [backing.pk]
    assert {e.pk for e in response.context["responses"]} == {denial.pk, silence.pk}
    assert "Responses" in response.content.decode()


def test_rejected_extractions_are_not_shown_as_evidence(client):
    claim = ClaimFactory()
    evidence_from(claim, "Daily One")
    rejected = evidence_from(claim, "Daily Two")
    rejected.extraction.rejected = True
    rejected.extraction.save()

    response = client.get(reverse("claim-detail", args=[claim.pk]))

    assert len(response.context["supporting"]) == 1
    assert response.context["explanation"].articles == 1


def test_contradicting_claims_are_linked(client):
    claim = ClaimFactory()
    other = ClaimFactory(summary="The ministry never asked for the records")
    claim.contradicts.add(other)

    html = client.get(reverse("claim-detail", args=[claim.pk])).content.decode()

    assert reverse("claim-detail", args=[other.pk]) in html
    assert "The ministry never asked for the records" in html


def test_the_claim_page_says_when_its_figures_are_being_recomputed(client):
    stale = ClaimFactory(dirty=True)
    fresh = ClaimFactory(dirty=False)

    assert "being recomputed" in client.get(reverse("claim-detail", args=[stale.pk])).content.decode()
    assert "being recomputed" not in client.get(reverse("claim-detail", args=[fresh.pk])).content.decode()


def test_the_claim_page_costs_the_same_queries_for_one_article_or_six(client, django_assert_num_queries):
    claim = ClaimFactory()
    claim.contradicts.add(ClaimFactory())
    evidence_from(claim, "Daily 0", origins=[EntityFactory()])
    # claim, contradicting claims, later renewals, evidence, origins of the evidence, three explanation aggregates
    with django_assert_num_queries(8):
        client.get(reverse("claim-detail", args=[claim.pk]))

    for n in range(1, 6):
        evidence_from(claim, f"Daily {n}", origins=[EntityFactory()], stance=Stance.DENIED if n == 5 else Stance.ASSERTED)
    claim.contradicts.add(ClaimFactory())
    ClaimFactory(renews=claim)
    with django_assert_num_queries(8):
        client.get(reverse("claim-detail", args=[claim.pk]))


def test_an_unknown_claim_is_not_found(client):
    assert client.get(reverse("claim-detail", args=[999999])).status_code == 404


def test_the_claim_page_links_a_renewed_request_both_ways(client):
    first = ClaimFactory()
    later = ClaimFactory(renews=first)

    assert reverse("claim-detail", args=[later.pk]) in client.get(reverse("claim-detail", args=[first.pk])).content.decode()
    assert reverse("claim-detail", args=[first.pk]) in client.get(reverse("claim-detail", args=[later.pk])).content.decode()


def test_the_claim_page_says_an_unattributed_statement_stands_alone(client):
    claim = ClaimFactory(kind=Kind.STATEMENT, actor=None, only_article=ArticleFactory())

    assert "Unattributed" in client.get(reverse("claim-detail", args=[claim.pk])).content.decode()

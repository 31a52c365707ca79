"""The analyst's claim list and claim page."""
from __future__ import annotations

import datetime as dt

import csv
import io

import pytest
from django.core.cache import cache
from django.template.loader import get_template
from django.urls import reverse
from django.utils.html import escape

from articles.models import Article
from claims.corroboration import SEARCH_DOCUMENT

from claims import filters, selectors
from claims.templatetags import claim_rows
from claims.corroboration import claims_recompute
from claims.models import Claim, Kind, Stance
from entities.models import Entity
from tests.factories import (
    AliasFactory,
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


def index_claims():
    """Build the search documents of factory-made claims, as a recompute would."""
    Claim.objects.update(search_document=SEARCH_DOCUMENT)


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

    index_claims()

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


def test_it_ignores_filter_values_it_does_not_know_and_says_so(client):
    ClaimFactory.create_batch(2)

    response = client.get(reverse("claim-list"), {"kind": "gossip", "status": "x", "since": "soon"})

    assert response.status_code == 200
    assert response.context["page"].paginator.count == 2
    assert "Ignored: kind" in response.content.decode()


def test_an_actor_is_found_by_name_or_alias_in_any_case(client):
    actor = EntityFactory(name="Ministry of Ports")
    AliasFactory(entity=actor, surface="Portsmin")
    wanted = ClaimFactory(about=actor)
    ClaimFactory()

    for value in ("ministry of ports", "PORTSMIN", str(actor.pk)):
        response = client.get(reverse("claim-list"), {"actor": value})
        assert [c.pk for c in response.context["page"].object_list] == [wanted.pk]
    assert client.get(reverse("claim-list"), {"actor": "nobody"}).context["page"].paginator.count == 0


def test_it_filters_by_outlet_stance_dates_and_independent_origins(client):
    wanted = ClaimFactory(origin_count=2, hedged_count=1, first_seen=dt.date(2025, 1, 5), last_seen=dt.date(2025, 1, 9))
    evidence_from(wanted, "Harbour Gazette")
    other_outlet = ClaimFactory(origin_count=2, hedged_count=1, first_seen=dt.date(2025, 1, 5), last_seen=dt.date(2025, 1, 9))
    evidence_from(other_outlet, "Other Times")
    too_few = ClaimFactory(origin_count=1, hedged_count=1, first_seen=dt.date(2025, 1, 5), last_seen=dt.date(2025, 1, 9))
    evidence_from(too_few, "Harbour Gazette")
    too_late = ClaimFactory(origin_count=2, hedged_count=1, first_seen=dt.date(2025, 3, 1), last_seen=dt.date(2025, 3, 1))
    evidence_from(too_late, "Harbour Gazette")
    no_hedge = ClaimFactory(origin_count=2, first_seen=dt.date(2025, 1, 5), last_seen=dt.date(2025, 1, 9))
    evidence_from(no_hedge, "Harbour Gazette")

    response = client.get(reverse("claim-list"), {
        "outlet": "harbour gazette", "stance": "hedged", "since": "2025-01-08", "until": "2025-01-31", "min_origins": 2,
    })

    assert [c.pk for c in response.context["page"].object_list] == [wanted.pk]


def test_an_outlet_whose_articles_were_withdrawn_backs_nothing(client):
    claim = ClaimFactory()
    evidence_from(claim, "Harbour Gazette", state=Article.State.WITHDRAWN)

    assert client.get(reverse("claim-list"), {"outlet": "Harbour Gazette"}).context["page"].paginator.count == 0


def test_sort_controls_reorder_the_list_and_stay_in_the_links(client):
    old = ClaimFactory(origin_count=3, article_count=3, first_seen=dt.date(2024, 1, 1), last_seen=dt.date(2024, 1, 2))
    new = ClaimFactory(origin_count=1, article_count=9, first_seen=dt.date(2025, 1, 1), last_seen=dt.date(2025, 2, 1))
    undated = ClaimFactory(origin_count=2, article_count=2, first_seen=None, last_seen=None)
    ClaimFactory.create_batch(25, origin_count=0, article_count=0, first_seen=None, last_seen=None)

    def first_three(sort):
        page = client.get(reverse("claim-list"), {"sort": sort}).context["page"]
        return [c.pk for c in page.object_list[:3]]

    assert first_three("") == [old.pk, undated.pk, new.pk]
    assert first_three("articles") == [new.pk, old.pk, undated.pk]
    assert first_three("newest")[:2] == [new.pk, old.pk]
    assert first_three("oldest")[:2] == [old.pk, new.pk]
    assert "sort=newest&amp;page=2" in client.get(reverse("claim-list"), {"sort": "newest"}).content.decode()


def test_search_finds_a_claim_by_its_actors_alias_most_relevant_first(client):
    actor = EntityFactory(name="Ahmad Example")
    AliasFactory(entity=actor, surface="Abu Example")
    wanted = ClaimFactory(actor=actor, summary="demands the hand-over")
    ClaimFactory(summary="talks stalled")
    index_claims()

    response = client.get(reverse("claim-list"), {"q": "abu example"})

    assert [c.pk for c in response.context["page"].object_list] == [wanted.pk]


def test_a_search_ranks_the_best_corroborated_matches_and_a_sort_lists_them_all(client, monkeypatch):
    monkeypatch.setattr(filters, "SEARCH_RANKED", 2)
    cache.clear()  # a full set of candidates is kept a minute, by the query that found it
    actor = EntityFactory(name="Ahmad Example")
    AliasFactory(entity=actor, surface="Abu Example")
    by_alias = ClaimFactory(actor=actor, summary="demands the hand-over", origin_count=2)
    in_summary = ClaimFactory(summary="Abu Example talks stalled", origin_count=3)
    weakest = ClaimFactory(actor=actor, summary="asks again", origin_count=1, last_seen=dt.date(2030, 1, 1))
    index_claims()

    ranked = client.get(reverse("claim-list"), {"q": "abu example"}).context["page"]
    newest = client.get(reverse("claim-list"), {"q": "abu example", "sort": "newest"}).context["page"]

    assert {c.pk for c in ranked.object_list} == {by_alias.pk, in_summary.pk} and ranked.paginator.count == 2
    assert "narrow the search or sort it" in client.get(reverse("claim-list"), {"q": "abu example"}).content.decode()
    assert [c.pk for c in newest.object_list][0] == weakest.pk and newest.paginator.count == 3


def test_withdrawn_claims_are_not_listed(client):
    ClaimFactory(summary="Withdrawn one", status=Claim.Status.WITHDRAWN)
    shown = ClaimFactory()

    response = client.get(reverse("claim-list"))

    assert [c.pk for c in response.context["page"].object_list] == [shown.pk]
    assert "Withdrawn one" not in response.content.decode()


def test_the_list_exports_what_it_shows_as_csv_and_json(client):
    ClaimFactory(summary="Ports will reopen", kind=Kind.DEMAND, origin_count=2)
    ClaimFactory(summary="Talks stalled", kind=Kind.STATEMENT)
    html = client.get(reverse("claim-list"), {"kind": "demand"}).content.decode()
    assert 'href="/claims.csv?kind=demand"' in html

    as_csv = client.get("/claims.csv", {"kind": "demand"})
    as_json = client.get("/claims.json", {"kind": "demand"})

    rows = list(csv.DictReader(io.StringIO(as_csv.content.decode())))
    assert [(r["summary"], r["origin_count"]) for r in rows] == [("Ports will reopen", "2")]
    assert [(r["summary"], r["origin_count"]) for r in as_json.json()] == [("Ports will reopen", 2)]
    assert as_csv["Content-Disposition"] == 'attachment; filename="claims.csv"'


def test_the_actor_field_suggests_a_few_actors_not_all_of_them(client, django_assert_num_queries):

    options_before = client.get(reverse("claim-list")).content.decode().count("<option")
    for n in range(15):
        ClaimFactory(actor=EntityFactory(name=f"Harbour Board {n:02}"))
    ClaimFactory(actor=EntityFactory(name="Someone Else"))
    EntityFactory(name="Harbour Without Claims")

    with django_assert_num_queries(1):
        found = client.get(reverse("actor-suggestions"), {"q": "harb"}).json()["results"]
    options_after = client.get(reverse("claim-list")).content.decode().count("<option")

    assert [r["name"] for r in found] == [f"Harbour Board {n:02}" for n in range(10)]
    assert options_after == options_before  # the page does not grow with the number of actors
    assert client.get(reverse("actor-suggestions"), {"q": "h"}).json() == {"results": []}


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


def test_a_kept_claim_row_is_the_rows_template_and_follows_what_it_shows():
    # Rows are kept per process, keyed by what they show (claim_rows, issue 11).
    claim_rows.forget_rows()
    ClaimFactory(
        kind=Kind.DEMAND, summary="Ports <authority> asks for the documents", dirty=True,
        actor=EntityFactory(name="Ministry of Ports"), target=EntityFactory(name="Harbour & Co"),
        about=EntityFactory(name="Port of Aden"), article_count=7, outlet_count=5, origin_count=3,
        asserted_count=2, attributed_count=1, hedged_count=1, no_comment_count=1, denied_count=2, undated_count=1,
        first_seen=dt.date(2024, 1, 5), last_seen=dt.date(2024, 3, 1), status=Claim.Status.CONTESTED,
    )
    row_template = get_template("claims/_claim_row.html")

    def listed() -> Claim:
        return selectors.claim_list().get()

    assert claim_rows.claim_row(listed()) == row_template.render({"claim": listed()})
    kept = claim_rows.claim_row(listed())
    assert kept == row_template.render({"claim": listed()})
    for role in ("actor", "target", "about"):
        assert f">{escape(getattr(listed(), role).name)}</a>" in kept

    Entity.objects.filter(name="Ministry of Ports").update(name="Ministry of Harbours")
    Claim.objects.update(origin_count=4, dirty=False)
    again = claim_rows.claim_row(listed())
    assert again == row_template.render({"claim": listed()}) != kept
    assert "Ministry of Harbours" in again and "recomputing" not in again


def test_the_lists_parties_read_by_subquery_show_as_the_joined_ones_do(django_assert_num_queries):
    ClaimFactory(actor=EntityFactory(name="Ministry <of> Ports"), target=EntityFactory(), about=EntityFactory())
    ClaimFactory(actor=None, voice=EntityFactory())
    table = get_template("claims/_claim_table.html")
    joined = table.render({"claims": list(selectors.claim_list())})
    claim_rows.forget_rows()

    with django_assert_num_queries(1):
        claims = selectors.parties_attached(selectors.with_party_refs(selectors.claim_list()))
        assert table.render({"claims": claims}) == joined
    assert [c.voice_id for c in claims] == [c.voice_id for c in selectors.claim_list()]


def test_the_list_shows_the_rows_it_would_render_afresh(client):
    ClaimFactory.create_batch(3, actor=EntityFactory(), target=EntityFactory())
    claim_rows.forget_rows()
    fresh = client.get("/").content
    assert client.get("/").content == fresh  # every row kept now
    Claim.objects.filter(pk=Claim.objects.order_by("pk").first().pk).update(summary="Renamed claim")
    assert b"Renamed claim" in client.get("/").content


def test_the_list_costs_the_same_queries_for_three_claims_or_thirty(client, django_assert_num_queries):
    ClaimFactory.create_batch(3, target=EntityFactory(), about=EntityFactory())
    with django_assert_num_queries(2):  # count, the page of claims (no dropdown of every actor)
        client.get(reverse("claim-list"))

    ClaimFactory.create_batch(27, target=EntityFactory(), about=EntityFactory())
    actor = EntityFactory(name="Harbour Board")
    for _ in range(2):
        claim = ClaimFactory(kind=Kind.DEMAND, actor=actor, summary="harbour records", asserted_count=1, origin_count=1)
        evidence_from(claim, "Daily")
    index_claims()
    every_filter = {
        "kind": "demand", "actor": actor.name, "outlet": "Daily", "stance": "asserted", "since": "2024-01-01",
        "until": "2026-01-01", "min_origins": 1, "q": "harbour", "sort": "newest",
    }
    with django_assert_num_queries(2):
        assert client.get(reverse("claim-list"), every_filter).context["page"].paginator.count == 2
    ranked = {key: value for key, value in every_filter.items() if key != "sort"}
    with django_assert_num_queries(2) as queries:  # a ranked search: its candidates, the page; their count is known
        assert client.get(reverse("claim-list"), ranked).context["page"].paginator.count == 2
    assert not any("COUNT(" in query["sql"] for query in queries.captured_queries)
    with django_assert_num_queries(1):  # an export is one query, whatever its length
        client.get("/claims.csv", every_filter)


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
    # claim, contradicting claims, later renewals, evidence, origins of the evidence; the explanation
    # and the charts are counted from the evidence read
    with django_assert_num_queries(5):
        client.get(reverse("claim-detail", args=[claim.pk]))

    for n in range(1, 6):
        evidence_from(claim, f"Daily {n}", origins=[EntityFactory()], stance=Stance.DENIED if n == 5 else Stance.ASSERTED)
    claim.contradicts.add(ClaimFactory())
    ClaimFactory(renews=claim)
    with django_assert_num_queries(5):
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


# --- The claim page's timeline, origins and sources ------------------------------------------


def test_the_timeline_draws_one_dot_per_dated_article_and_counts_the_undated(client):
    claim = ClaimFactory()
    wire = EntityFactory(name="Wire Agency", kind=Entity.Kind.ORG)
    evidence_from(claim, "Daily One", origins=[wire], published=dt.date(2025, 1, 2))
    evidence_from(claim, "Daily Two", origins=[wire], published=dt.date(2025, 1, 2))
    evidence_from(claim, "Weekly", published=dt.date(2025, 1, 6), stance=Stance.HEDGED)
    evidence_from(claim, None, published=None)
    claims_recompute(claim_ids=[claim.pk])

    response = client.get(reverse("claim-detail", args=[claim.pk]))
    html = response.content.decode()

    assert html.count('class="article-dot"') == 3
    assert html.count('class="bar"') == 2  # 2 Jan asserted, 6 Jan hedged
    assert "1 undated article:" in html
    assert "2025-01-02" in html and "2025-01-06" in html
    groups = {g["origin"]: [row["outlet"] for row in g["outlets"]] for g in response.context["origin_links"]}
    assert groups["Wire Agency"] == ["Daily One", "Daily Two"]
    assert groups["Weekly (own reporting)"] == ["Weekly"]


def test_a_claim_of_undated_articles_shows_no_date_and_no_chart(client):
    claim = ClaimFactory()
    evidence_from(claim, None, published=None)
    evidence_from(claim, None, published=None)
    claims_recompute(claim_ids=[claim.pk])

    html = client.get(reverse("claim-detail", args=[claim.pk])).content.decode()

    assert "2 undated articles" in html
    assert "No dated article backs this claim" in html
    assert "2 articles from 1 outlet" in html  # two unknown outlets are one "unknown", not two outlets


def test_the_source_diversity_bar_counts_articles_by_kind_and_country(client):
    claim = ClaimFactory()
    for name, kind, country in [("Agency", "agency", "UK"), ("State TV", "state", "RU"), ("Paper", "outlet", "UK")]:
        EvidenceFactory(claim=claim, extraction__article=ArticleFactory(
            source=SourceFactory(name=name, kind=kind, country=country)))
    evidence_from(claim, None)

    response = client.get(reverse("claim-detail", args=[claim.pk]))

    assert sorted(seg.label for seg in response.context["diversity"]) == [
        "News agency: 1", "News outlet: 1", "State media: 1", "Unknown outlet: 1",
    ]
    assert response.context["countries"] == [("UK", 2), ("RU", 1), ("country unknown", 1)]
    assert "(state media)" in response.content.decode()


def test_evidence_from_withdrawn_articles_is_not_shown(client):
    claim = ClaimFactory()
    kept = EvidenceFactory(claim=claim, extraction__sentence="A sentence that stays.")
    EvidenceFactory(
        claim=claim, extraction__sentence="A withdrawn sentence.",
        extraction__article=ArticleFactory(state=Article.State.WITHDRAWN),
    )

    response = client.get(reverse("claim-detail", args=[claim.pk]))

    assert [e.pk for e in response.context["supporting"]] == [kept.pk]
    assert "A withdrawn sentence." not in response.content.decode()


def test_evidence_links_jump_to_the_sentence_in_the_article(client):
    claim = ClaimFactory()
    evidence = EvidenceFactory(claim=claim)

    html = client.get(reverse("claim-detail", args=[claim.pk])).content.decode()

    assert f'href="/articles/{evidence.extraction.article_id}/#ev-{evidence.pk}"' in html


def test_the_figures_fragment_follows_a_recompute(client, django_assert_num_queries):
    claim = ClaimFactory(origin_count=0, article_count=0, dirty=True)
    evidence_from(claim, "Daily One")
    page = client.get(reverse("claim-detail", args=[claim.pk])).content.decode()
    assert f'hx-get="/claims/{claim.pk}/figures/" hx-trigger="every 5s"' in page

    claims_recompute(claim_ids=[claim.pk])
    with django_assert_num_queries(2):  # the claim, its supporting evidence
        fragment = client.get(reverse("claim-figures", args=[claim.pk])).content.decode()

    assert '<dd data-figure="articles">1</dd>' in fragment
    assert "being recomputed" not in fragment
    assert fragment.lstrip().startswith('<div id="figures"')


def test_the_outlet_field_suggests_outlets_by_prefix_in_one_query(client, django_assert_num_queries):
    for name in ("Harbour Gazette", "Harbour Times", "Other Daily"):
        SourceFactory(name=name)

    with django_assert_num_queries(1):
        found = client.get(reverse("outlet-suggestions"), {"q": "harb"}).json()["results"]

    assert [r["name"] for r in found] == ["Harbour Gazette", "Harbour Times"]


def test_the_evidence_table_shows_an_outlets_kind_country_and_note(client):
    claim = ClaimFactory()
    source = SourceFactory(name="State Wire", kind="state", country="Freedonia", note="Owned by the ministry")
    EvidenceFactory(claim=claim, extraction__article=ArticleFactory(source=source))

    html = client.get(reverse("claim-detail", args=[claim.pk])).content.decode()

    assert "(state media)" in html and "Freedonia · Owned by the ministry" in html


def test_wire_copy_and_syndicated_copies_are_charted_under_the_article_they_copy(client):
    # The page counts its figures and charts from the evidence rows it shows (issue 11); the
    # rules must stay the stored figures' (``claims.corroboration``) in every branch.
    claim = ClaimFactory()
    original = evidence_from(claim, "Wire Desk", published=dt.date(2025, 1, 2))
    echo = evidence_from(claim, "Echo Daily", published=dt.date(2025, 1, 3))
    echo.echo_of = original
    echo.save()
    syndicated = ArticleFactory(source=SourceFactory(name="Syndicator"), published=dt.date(2025, 1, 2))
    evidence_from(claim, "Reprint Weekly", published=dt.date(2025, 1, 4), reprint_of=syndicated)
    # An article counts by its first supporting sentence: the later, hedged one is not counted.
    twice = evidence_from(claim, "Twice Times", published=dt.date(2025, 1, 5))
    EvidenceFactory(
        claim=claim, extraction__article=twice.extraction.article, extraction__sentence_start=50,
        extraction__stance=Stance.HEDGED,
    )
    evidence_from(claim, "Denier", stance=Stance.DENIED, published=dt.date(2025, 1, 6))
    claims_recompute(claim_ids=[claim.pk])
    claim.refresh_from_db()

    response = client.get(reverse("claim-detail", args=[claim.pk]))

    explanation = response.context["explanation"]
    assert (explanation.articles, explanation.outlets, explanation.origin_count) == (
        claim.article_count, claim.outlet_count, claim.origin_count,
    ) == (4, 4, 3)
    assert str(explanation) == (
        "4 articles from 4 outlets; 3 independent origins: Wire Desk ×2, Syndicator, Twice Times"
    )
    assert explanation.reprinted == 1
    groups = {g["origin"]: [row["outlet"] for row in g["outlets"]] for g in response.context["origin_links"]}
    assert groups == {
        "Wire Desk (own reporting)": ["Wire Desk"],
        "Wire Desk (wire copy)": ["Echo Daily"],
        "Reprint Weekly (own reporting)": ["Reprint Weekly"],
        "Twice Times (own reporting)": ["Twice Times"],
    }
    html = response.content.decode()
    assert html.count('class="article-dot"') == 4
    assert html.count('class="bar"') == 4  # one asserted article on each of four days; the hedged repeat is not one

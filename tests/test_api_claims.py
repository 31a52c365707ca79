"""/api/claims/ and /api/extractions/: fields, filters, query counts, and the OpenAPI schema."""
from __future__ import annotations

import copy
import csv
import datetime as dt
import io
import json

import jsonschema
import pytest
from django.core.cache import cache
from django.db import connection
from django.forms import MultiWidget
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from claims import filters, selectors
from claims.api import ClaimViewSet, StableOrderingFilter
from claims.corroboration import SEARCH_DOCUMENT
from claims.models import Claim, Kind, Stance
from claims.serializers import ClaimSerializer, claim_list_data
from tests.factories import (
    AliasFactory,
    ArticleFactory,
    ClaimFactory,
    EntityFactory,
    EvidenceFactory,
    ExtractionFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db


def ids(response) -> list[int]:
    return [row["id"] for row in response.json()["results"]]


# --- Claims -------------------------------------------------------------------------------


def test_the_claim_list_gives_counts_parties_and_stances(client):
    actor, target = EntityFactory(name="Ministry of Ports"), EntityFactory(name="Harbour Authority")
    claim = ClaimFactory(
        actor=actor, target=target, article_count=5, outlet_count=4, origin_count=3,
        asserted_count=4, denied_count=1, status=Claim.Status.CONTESTED,
    )

    row = client.get("/api/claims/").json()["results"][0]

    assert row["id"] == claim.pk
    assert row["actor"] == {"id": actor.pk, "name": "Ministry of Ports", "kind": "PERSON"}
    assert row["target"]["name"] == "Harbour Authority"
    assert row["about"] is None
    assert (row["article_count"], row["outlet_count"], row["origin_count"]) == (5, 4, 3)
    assert row["stances"] == {"asserted": 4, "attributed": 0, "hedged": 0, "no_comment": 0, "denied": 1}
    assert row["status"] == "contested" and row["dirty"] is False


def test_a_list_row_is_the_claim_serializers_shape_key_for_key(client):
    # The list is written from dictionaries, not by ClaimSerializer (issue 11): the same JSON.
    actor, voice = EntityFactory(name="Ministry of Ports", kind="ORG"), EntityFactory(name="A. Minister")
    earlier = ClaimFactory(origin_count=1, first_seen=None, last_seen=None)
    ClaimFactory(
        actor=actor, voice=voice, target=EntityFactory(), about=EntityFactory(), renews=earlier, topic="ports",
        origin_count=3, first_seen=dt.date(2024, 1, 5), last_seen=dt.date(2024, 3, 1), denied_count=2,
        recomputed_at=dt.datetime(2024, 3, 2, 10, 30, 15, 123456, tzinfo=dt.timezone.utc), dirty=True,
    )
    ClaimFactory(origin_count=2, kind=Kind.STATEMENT, actor=None, only_article=ArticleFactory())

    listed = client.get("/api/claims/").json()["results"]

    serialised = ClaimSerializer(selectors.claim_list(), many=True).data
    assert listed == json.loads(JSONRenderer().render(serialised))
    assert [list(row) for row in listed] == [list(row) for row in serialised]


def test_a_list_rows_parties_come_back_from_sql_exactly_as_named():
    # Parties are read as JSON by a subquery each (``selectors.PartyRef``), not by joins.
    name = 'Ministère "des" Ports \\ 北京 \u2028 <b>'
    ClaimFactory(actor=EntityFactory(name=name, kind="ORG"), voice=EntityFactory(name="it's"))

    row = claim_list_data(selectors.claim_rows(selectors.claim_list()))[0]

    assert row == dict(ClaimSerializer(selectors.claim_list().get()).data)
    assert row["actor"]["name"] == name and row["voice"]["name"] == "it's"


def test_a_list_row_writes_its_dates_as_the_serializer_does_in_any_time_zone():
    ClaimFactory(
        first_seen=dt.date(2024, 1, 5), last_seen=dt.date(2024, 3, 1),
        recomputed_at=dt.datetime(2024, 3, 2, 23, 30, 15, 123456, tzinfo=dt.timezone.utc),
    )
    ClaimFactory(recomputed_at=dt.datetime(2024, 7, 1, 0, 0, tzinfo=dt.timezone.utc))
    for zone in ("UTC", "Europe/Paris", "America/New_York"):
        with timezone.override(zone):
            written = claim_list_data(selectors.claim_rows(selectors.claim_list()))
            serialised = ClaimSerializer(selectors.claim_list(), many=True).data
        assert [(r["first_seen"], r["last_seen"], r["recomputed_at"]) for r in written] == [
            (r["first_seen"], r["last_seen"], r["recomputed_at"]) for r in serialised
        ]


def test_a_list_that_names_no_filter_is_the_list_an_empty_filter_gives(client):
    # No filterset is built when the query string names none of its filters (issue 11).
    ClaimFactory.create_batch(3, actor=EntityFactory(), target=EntityFactory())
    ClaimFactory(status=Claim.Status.WITHDRAWN)

    unfiltered = client.get("/api/claims/").json()

    assert unfiltered["count"] == 3
    for empty in ("kind", "search", "party", "actor", "dirty", "since"):
        assert client.get("/api/claims/", {empty: ""}).json() == unfiltered
    assert client.get("/api/claims/", {"ordering": "-last_seen", "unknown": "1"}).json()["count"] == 3


def test_each_claim_filter_reads_one_parameter_its_own_name():
    # What lets ``filters.names_a_filter`` look for the filters' names alone.
    for filterset_class in (filters.ClaimListFilter, filters.ClaimApiFilter):
        for name, each in filterset_class.base_filters.items():
            assert not isinstance(each.field.widget, MultiWidget), name


def test_the_claim_list_is_sorted_by_corroboration_unless_asked_otherwise(client):
    low = ClaimFactory(origin_count=1, article_count=1)
    high = ClaimFactory(origin_count=5, article_count=5)
    many_articles = ClaimFactory(origin_count=1, article_count=7)

    assert ids(client.get("/api/claims/")) == [high.pk, many_articles.pk, low.pk]
    assert ids(client.get("/api/claims/", {"ordering": "article_count"})) == [low.pk, high.pk, many_articles.pk]


@pytest.mark.parametrize(("asked", "order"), [("-article_count", ("-article_count", "id")), ("id", ("id",))])
def test_an_asked_order_ends_with_the_id_so_that_tied_claims_keep_one_order_across_pages(asked, order):
    request = Request(APIRequestFactory().get("/api/claims/", {"ordering": asked}))
    view = ClaimViewSet(action="list", request=request, format_kwarg=None)

    listed = StableOrderingFilter().filter_queryset(request, Claim.objects.all(), view)

    assert listed.query.order_by == order
    assert StableOrderingFilter in ClaimViewSet.filter_backends


def test_undated_claims_come_after_dated_ones_of_equal_corroboration(client):
    undated = ClaimFactory(origin_count=2, article_count=2, last_seen=None)
    older = ClaimFactory(origin_count=2, article_count=2, last_seen=dt.date(2024, 1, 5))
    newer = ClaimFactory(origin_count=2, article_count=2, last_seen=dt.date(2024, 3, 1))

    assert ids(client.get("/api/claims/")) == [newer.pk, older.pk, undated.pk]


def test_a_claim_list_page_and_its_count_read_one_index_without_sorting():
    # At 100k articles sorting every claim, or counting them from the table, costs
    # more than the page (issue 11). The planner prefers a scan on a small table, so
    # sequential scans are priced out here.
    ClaimFactory.create_batch(3)
    listed = selectors.claim_list()
    with CaptureQueriesContext(connection) as counted:
        listed.count()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        page_plan = listed[:50].explain()
        cursor.execute("EXPLAIN " + counted.captured_queries[0]["sql"])
        count_plan = "\n".join(row for (row,) in cursor.fetchall())

    assert "claim_listed_idx" in page_plan and "Sort" not in page_plan
    # An index-only scan once the table is vacuumed (as autovacuum does); a fresh test
    # table has no visibility map yet, so the index is read through a bitmap here.
    # Either partial index over the listed claims counts them; the planner takes the smaller.
    assert "claim_listed_idx" in count_plan or "claim_newest_idx" in count_plan


def test_newest_first_puts_undated_claims_last_and_breaks_ties_by_corroboration(client):
    undated = ClaimFactory(origin_count=9, last_seen=None)
    weak = ClaimFactory(origin_count=1, last_seen=dt.date(2024, 3, 1))
    strong = ClaimFactory(origin_count=4, last_seen=dt.date(2024, 3, 1))
    older = ClaimFactory(origin_count=9, last_seen=dt.date(2024, 1, 5))

    assert ids(client.get("/api/claims/", {"ordering": "-last_seen"})) == [strong.pk, weak.pk, older.pk, undated.pk]
    listed = client.get("/", {"sort": "newest"}).context["page"].object_list
    assert [claim.pk for claim in listed] == [strong.pk, weak.pk, older.pk, undated.pk]


def test_a_page_of_the_newest_claims_reads_one_index_without_sorting():
    # "What is new" is read as often as the default list; sorting every claim by date
    # cost 150 ms a page at 10k articles (issue 11).
    ClaimFactory.create_batch(3)
    request = Request(APIRequestFactory().get("/api/claims/", {"ordering": "-last_seen"}))
    view = ClaimViewSet(action="list", request=request, format_kwarg=None)
    newest = StableOrderingFilter().filter_queryset(request, selectors.claim_list(), view)
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = newest[:50].explain()

    assert "claim_newest_idx" in plan and "Sort" not in plan


def test_claims_filter_by_kind_status_actor_target_and_min_origins(client):
    actor, target = EntityFactory(), EntityFactory()
    wanted = ClaimFactory(kind=Kind.DEMAND, status=Claim.Status.CORROBORATED, actor=actor, target=target, origin_count=3)
    ClaimFactory(kind=Kind.DEMAND, status=Claim.Status.CORROBORATED, actor=actor, target=target, origin_count=1, predicate="other")
    ClaimFactory(kind=Kind.STATEMENT, status=Claim.Status.CORROBORATED, actor=actor, target=target, origin_count=3)
    ClaimFactory(kind=Kind.DEMAND, status=Claim.Status.CORROBORATED, actor=actor, origin_count=3)
    ClaimFactory(kind=Kind.DEMAND, status=Claim.Status.CONTESTED, actor=actor, target=target, origin_count=3)

    response = client.get(
        "/api/claims/",
        {"kind": "demand", "status": "corroborated", "actor": actor.pk, "target": target.pk, "min_origins": 2},
    )

    assert ids(response) == [wanted.pk]


def test_claims_can_be_searched_by_summary(client):
    wanted = ClaimFactory(summary="The ministry demands the harbour records")
    ClaimFactory(summary="Talks stalled")
    Claim.objects.update(search_document=SEARCH_DOCUMENT)

    assert ids(client.get("/api/claims/", {"search": "harbour"})) == [wanted.pk]


def test_the_search_is_full_text_over_aliases_and_sentences_ranked(client):
    actor = EntityFactory(name="Ministry of Ports")
    AliasFactory(entity=actor, surface="Portsmin")
    by_alias = ClaimFactory(actor=actor, summary="demands the records", origin_count=1)
    in_sentence = ClaimFactory(summary="talks stalled", origin_count=5)
    EvidenceFactory(claim=in_sentence, extraction__sentence="Portsmin officials walked out.")
    Claim.objects.update(search_document=SEARCH_DOCUMENT)

    # The actor's alias weighs more than a word in an evidence sentence, whatever the figures.
    assert ids(client.get("/api/claims/", {"search": "portsmin"})) == [by_alias.pk, in_sentence.pk]


def test_a_common_word_ranks_its_best_corroborated_matches_only(client, monkeypatch):
    # Ranking every match of a common word cost 2.3 s at 100k articles (issue 11): a search
    # ranks the SEARCH_RANKED best-corroborated matches and lists those.
    monkeypatch.setattr(filters, "SEARCH_RANKED", 2)
    cache.clear()
    actor = EntityFactory(name="Ministry of Ports")
    AliasFactory(entity=actor, surface="Portsmin")
    by_alias = ClaimFactory(kind=Kind.DEMAND, actor=actor, summary="demands the records", origin_count=2)
    in_sentence = ClaimFactory(kind=Kind.DEMAND, summary="talks stalled", origin_count=5)
    EvidenceFactory(claim=in_sentence, extraction__sentence="Portsmin officials walked out.")
    least = ClaimFactory(kind=Kind.STATEMENT, actor=actor, summary="says again", origin_count=1)
    Claim.objects.update(search_document=SEARCH_DOCUMENT)

    response = client.get("/api/claims/", {"search": "portsmin"})

    # Among the two best corroborated, the better match first; the third is not ranked.
    assert ids(response) == [by_alias.pk, in_sentence.pk] and response.json()["count"] == 2
    # Every other filter narrows the matches before the best are taken.
    assert ids(client.get("/api/claims/", {"search": "portsmin", "kind": "statement"})) == [least.pk]
    # An explicit order lists every match in that order.
    assert ids(client.get("/api/claims/", {"search": "portsmin", "ordering": "origin_count"})) == [
        least.pk, by_alias.pk, in_sentence.pk,
    ]


def test_a_common_words_candidates_are_kept_a_while_and_their_rows_read_afresh(client, monkeypatch):
    # Finding the best-corroborated of 20,000 matches cost 50-230 ms at 100k articles: the
    # next page, or the next reader, takes the kept ids; rows and ranks are read every time.
    monkeypatch.setattr(filters, "SEARCH_RANKED", 2)
    cache.clear()
    first = ClaimFactory(summary="harbour records", origin_count=3)
    second = ClaimFactory(summary="harbour talks", origin_count=2)
    ClaimFactory(summary="harbour fees", origin_count=1)
    Claim.objects.update(search_document=SEARCH_DOCUMENT)
    assert ids(client.get("/api/claims/", {"search": "harbour"})) == [first.pk, second.pk]

    Claim.objects.filter(pk=second.pk).update(origin_count=0, status=Claim.Status.WITHDRAWN)
    with CaptureQueriesContext(connection) as queries:
        again = client.get("/api/claims/", {"search": "harbour"})

    assert len(queries) == 1  # the page alone
    assert ids(again) == [first.pk]  # a claim withdrawn since is not shown
    # Fewer matches than are ranked are always found afresh.
    Claim.objects.filter(pk=second.pk).delete()
    assert ids(client.get("/api/claims/", {"search": "records"})) == [first.pk]


def test_the_list_exports_as_csv_with_its_filters(client):
    ClaimFactory(summary="=HYPERLINK(1)", kind=Kind.DEMAND, asserted_count=2)
    ClaimFactory(summary="Talks stalled", kind=Kind.STATEMENT)

    response = client.get("/api/claims/", {"format": "csv", "kind": "demand"})

    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [(row["summary"], row["stances.asserted"]) for row in rows] == [("'=HYPERLINK(1)", "2")]


def test_withdrawn_claims_are_left_out_of_the_list_but_still_answer(client):
    withdrawn = ClaimFactory(status=Claim.Status.WITHDRAWN)
    shown = ClaimFactory()

    assert ids(client.get("/api/claims/")) == [shown.pk]
    assert client.get(f"/api/claims/{withdrawn.pk}/").status_code == 200


def test_a_bad_date_or_search_is_a_400_naming_the_parameter(client):
    assert "since" in client.get("/api/claims/", {"since": "yesterday"}).json()
    assert "search" in client.get("/api/claims/", {"search": "a\x00b"}).json()


def test_a_claim_comes_with_its_evidence_and_explanation(client):
    claim = ClaimFactory()
    wire = EntityFactory(name="Wire Agency", kind="ORG")
    article = ArticleFactory(
        source=SourceFactory(name="Daily One"), title="Ports row", original_name="001_ports.txt",
        url="https://daily.example/ports",
    )
    evidence = EvidenceFactory(
        claim=claim, extraction__article=article, extraction__origins=[wire],
        extraction__stance=Stance.ATTRIBUTED, extraction__cue="demand",
    )
    other = ClaimFactory()
    claim.contradicts.add(other)

    body = client.get(f"/api/claims/{claim.pk}/").json()

    assert body["explanation"] == "1 article from 1 outlet; 1 independent origin: Wire Agency"
    assert body["contradicts"] == [other.pk]
    [row] = body["evidence"]
    extraction = evidence.extraction
    assert row == {
        "id": evidence.pk,
        "extraction": extraction.pk,
        "article": article.pk,
        "article_title": "Ports row",
        "original_name": "001_ports.txt",
        "url": "https://daily.example/ports",
        "outlet": "Daily One",
        "published": "2024-12-20",
        "sentence": extraction.sentence,
        "content": "the return of the documents",
        "stance": "attributed",
        "origin": "Wire Agency",
        "origins": ["Wire Agency"],
        "cue": "demand",
        "direct": False,
        "sentence_start": 0,
        "sentence_end": len(extraction.sentence),
        "content_start": extraction.content_start,
        "content_end": extraction.content_end,
        "echo_of": None,
        "made_by": "machine",
    }
    assert article.body[row["content_start"]:row["content_end"]] == "the return of the documents"


def test_the_claim_list_costs_two_queries_whatever_its_length(client, django_assert_num_queries):
    ClaimFactory.create_batch(2, target=EntityFactory())
    with django_assert_num_queries(2):  # count, page
        client.get("/api/claims/")
    ClaimFactory.create_batch(20, target=EntityFactory(), about=EntityFactory())
    with django_assert_num_queries(2):
        client.get("/api/claims/")
    Claim.objects.update(search_document=SEARCH_DOCUMENT)
    with django_assert_num_queries(2):  # a ranked search: its candidates, the page (their count is known)
        assert client.get("/api/claims/", {"search": "demands"}).json()["count"] == 22


def test_a_claim_costs_a_fixed_number_of_queries_whatever_its_evidence(client, django_assert_num_queries):
    claim = ClaimFactory()
    EvidenceFactory(claim=claim, extraction__origins=[EntityFactory()])
    # claim, contradicts, evidence, origins: the explanation is counted from the evidence read
    with django_assert_num_queries(4):
        client.get(f"/api/claims/{claim.pk}/")
    EvidenceFactory.create_batch(5, claim=claim, extraction__origins=[EntityFactory()])
    with django_assert_num_queries(4):
        client.get(f"/api/claims/{claim.pk}/")


# --- Extractions -----------------------------------------------------------------------------


def test_an_extraction_gives_its_parties_stance_origins_and_offsets(client):
    wire = EntityFactory(name="Wire Agency")
    extraction = ExtractionFactory(
        target=EntityFactory(name="Harbour Authority"), origins=[wire], stance=Stance.HEDGED,
        direct=True,
    )

    row = client.get("/api/extractions/").json()["results"][0]

    assert row["id"] == extraction.pk
    assert row["article"] == extraction.article_id
    assert row["actor"]["id"] == extraction.actor_id
    assert row["target"]["name"] == "Harbour Authority"
    assert row["origins"] == ["Wire Agency"]
    assert row["stance"] == "hedged" and row["direct"] is True
    assert (row["sentence_start"], row["sentence_end"]) == (extraction.sentence_start, extraction.sentence_end)
    assert (row["content_start"], row["content_end"]) == (extraction.content_start, extraction.content_end)
    assert {"kind", "about", "predicate", "content", "cue", "sentence", "event_date"} <= row.keys()


def test_extractions_filter_by_article_kind_stance_and_actor(client):
    article, actor = ArticleFactory(), EntityFactory()
    wanted = ExtractionFactory(article=article, actor=actor, kind=Kind.DEMAND, stance=Stance.HEDGED)
    ExtractionFactory(article=article, actor=actor, kind=Kind.STATEMENT, stance=Stance.HEDGED)
    ExtractionFactory(article=article, actor=actor, kind=Kind.DEMAND, stance=Stance.ASSERTED)
    ExtractionFactory(article=article, kind=Kind.DEMAND, stance=Stance.HEDGED)
    ExtractionFactory(actor=actor, kind=Kind.DEMAND, stance=Stance.HEDGED)

    response = client.get(
        "/api/extractions/", {"article": article.pk, "kind": "demand", "stance": "hedged", "actor": actor.pk}
    )

    assert ids(response) == [wanted.pk]


def test_the_extraction_list_costs_three_queries_whatever_its_length(client, django_assert_num_queries):
    ExtractionFactory(origins=[EntityFactory()])
    with django_assert_num_queries(3):  # count, page, origins
        client.get("/api/extractions/")
    for _ in range(10):
        ExtractionFactory(target=EntityFactory(), origins=[EntityFactory(), EntityFactory()])
    with django_assert_num_queries(3):
        client.get("/api/extractions/")


def test_the_api_is_read_only(client):
    claim = ClaimFactory()

    assert client.post("/api/claims/", {}).status_code in (401, 403, 405)
    assert client.delete(f"/api/claims/{claim.pk}/").status_code in (401, 403, 405)
    assert Claim.objects.filter(pk=claim.pk).exists()


# --- The schema -------------------------------------------------------------------------------


def _json_schema(openapi_schema: dict) -> dict:
    """OpenAPI 3.0 to JSON Schema: ``nullable: true`` becomes "or null"."""

    def convert(node):
        if isinstance(node, list):
            return [convert(item) for item in node]
        if not isinstance(node, dict):
            return node
        node = {key: convert(value) for key, value in node.items()}
        if node.pop("nullable", False):
            return {"anyOf": [node, {"type": "null"}]}
        return node

    return convert(copy.deepcopy(openapi_schema))


@pytest.mark.parametrize(
    "path",
    ["/api/claims/", "/api/claims/{id}/", "/api/extractions/", "/api/entities/", "/api/entities/{id}/",
     "/api/articles/", "/api/articles/{id}/"],
)
def test_responses_match_the_openapi_schema(client, path):
    claim = ClaimFactory(target=EntityFactory())
    evidence = EvidenceFactory(claim=claim, extraction__origins=[EntityFactory()])
    evidence.extraction.article.source = None
    evidence.extraction.article.save()
    object_id = {"claims": claim.pk, "entities": claim.actor_id, "articles": evidence.extraction.article_id}
    schema = client.get("/api/schema/", {"format": "json"}).json()
    response_schema = schema["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    url = path.replace("{id}", str(object_id.get(path.split("/")[2])))

    body = client.get(url).json()

    jsonschema.validate(body, _json_schema({**response_schema, "components": schema["components"]}))


def test_the_api_docs_load_nothing_from_the_internet(client):
    html = client.get("/api/docs/").content.decode()

    assert "redoc" in html.lower()
    # Needs "drf_spectacular_sidecar" in INSTALLED_APPS and REDOC_DIST = "SIDECAR".
    assert "https://" not in html, "the docs page fetches scripts or fonts from the internet"

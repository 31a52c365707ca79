"""Analyst pages: the claim list, a claim with its evidence side by side, an
actor's page and an article's page. Server-rendered, read-only; every read goes
through a selector."""
from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.templatetags.static import static
from django.shortcuts import render

from articles.models import Article, Source
from articles.pagination import CountCachingPaginator
from entities.models import Entity
from entities.selectors import entity_detail as select_entity

from . import charts, filters, marking, selectors
from .filters import LISTED_STATUSES, SORTS
from .models import Claim, Evidence, Extraction, Kind, Stance
from .serializers import ClaimCSVRenderer, claim_list_data

CLAIMS_PER_PAGE = 25
# An actor page lists this many claims at most; the API pages through the rest.
ENTITY_CLAIMS_SHOWN = 200
# An export is the filtered list, not the database: past this, narrow the filters or use the API.
EXPORT_MAX_ROWS = 10_000


@dataclass(frozen=True)
class Piece:
    """A run of text and whether it is set apart (highlighted content, greyed furniture)."""

    text: str
    marked: bool


def claim_list(request: HttpRequest) -> HttpResponse:
    claims, errors = filters.claims_filtered(request.GET, queryset=selectors.claim_list())
    page = CountCachingPaginator(selectors.with_party_refs(claims), CLAIMS_PER_PAGE).get_page(request.GET.get("page"))
    page.object_list = selectors.parties_attached(page.object_list)
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "page": page,
        "params": request.GET,
        "errors": errors,
        "kinds": Kind.choices,
        "statuses": LISTED_STATUSES,
        "stances": Stance.choices,
        "sorts": [(key, label) for key, (label, _order) in SORTS.items()],
        "query": query.urlencode(),
        "search_ranked": filters.SEARCH_RANKED,
    }
    return render(request, "claims/claim_list.html", context)


def claim_export(request: HttpRequest, fmt: str) -> HttpResponse:
    """The claim list as filtered, every page of it, as CSV or JSON (the API's claim fields)."""
    claims, _errors = filters.claims_filtered(request.GET, queryset=selectors.claim_list())
    claims = claims[:EXPORT_MAX_ROWS]
    rows = claim_list_data(selectors.claim_rows(claims))
    if fmt == "json":
        response = JsonResponse(rows, safe=False, json_dumps_params={"ensure_ascii": False})
    else:
        response = HttpResponse(ClaimCSVRenderer().render(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="claims.{fmt}"'
    return response


def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico whatever the page links; the icon is a static file."""
    return HttpResponsePermanentRedirect(static("favicon.svg"))


def actor_suggestions(request: HttpRequest) -> JsonResponse:
    """A few actors whose name or alias starts with ``q``: the list's autocomplete, not a dropdown of all."""
    prefix = request.GET.get("q", "").strip()
    found = selectors.entity_suggestions(prefix=prefix) if len(prefix) >= 2 and "\x00" not in prefix else []
    return JsonResponse({"results": [{"id": e.pk, "name": e.name} for e in found]})


def outlet_suggestions(request: HttpRequest) -> JsonResponse:
    prefix = request.GET.get("q", "").strip()
    found = selectors.source_suggestions(prefix=prefix) if prefix and "\x00" not in prefix else []
    return JsonResponse({"results": [{"id": s.pk, "name": s.name} for s in found]})


def claim_detail(request: HttpRequest, pk: int) -> HttpResponse:
    claim = _claim_or_404(pk)
    evidence = list(selectors.claim_evidence(claim=claim))
    for item in evidence:
        item.sentence_pieces = sentence_pieces(item.extraction)
    # The figures' explanation and the charts are counted from the rows the table shows.
    support = selectors.claim_support(claim=claim, evidence=evidence)
    context = {
        "claim": claim,
        "explanation": support.explanation(),
        "supporting": [e for e in evidence if not _is_response(e)],
        "responses": [e for e in evidence if _is_response(e)],
        "timeline": charts.timeline(day_counts=support.day_counts(), articles=support.articles()),
        "origin_links": _origin_groups(support.origin_links()),
        **_source_mix(support.source_mix()),
    }
    return render(request, "claims/claim_detail.html", context)


def claim_figures(request: HttpRequest, pk: int) -> HttpResponse:
    """The claim page's figures alone: the open page polls it to follow a worker's recompute."""
    try:
        claim = selectors.claim_figures(claim_id=pk)
    except Claim.DoesNotExist:
        raise Http404("No such claim")
    context = {"claim": claim, "explanation": selectors.claim_explanation(claim=claim)}
    return render(request, "claims/_claim_figures.html", context)


def _claim_or_404(pk: int) -> Claim:
    try:
        return selectors.claim_detail(claim_id=pk)
    except Claim.DoesNotExist:
        raise Http404("No such claim")


def _origin_groups(links) -> list[dict]:
    """Outlet → origin rows grouped under each origin, the most relied-on first."""
    groups: dict[str, dict] = {}
    for row in links:
        group = groups.setdefault(row["origin"], {"origin": row["origin"], "outlets": [], "articles": 0})
        group["outlets"].append(row)
        group["articles"] += row["articles"]
    return sorted(groups.values(), key=lambda g: (-g["articles"], g["origin"]))


KIND_LABELS = {**dict(Source.Kind.choices), "": "Unknown outlet"}


def _source_mix(rows) -> dict:
    """The source-diversity bar (articles by kind of outlet) and the countries behind them."""
    rows = list(rows)
    by_kind: dict[str, int] = {}
    by_country: dict[str, int] = {}
    for row in rows:
        by_kind[row["kind"]] = by_kind.get(row["kind"], 0) + row["articles"]
        by_country[row["country"] or "country unknown"] = by_country.get(row["country"] or "country unknown", 0) + row["articles"]
    kinds = [
        {"kind": kind, "label": f"{KIND_LABELS.get(kind, kind)}: {n}", "articles": n}
        for kind, n in sorted(by_kind.items(), key=lambda item: -item[1])
    ]
    return {
        "diversity": charts.diversity_bar(kinds),
        "diversity_kinds": kinds,
        "countries": sorted(by_country.items(), key=lambda item: (-item[1], item[0])),
    }


def _is_response(evidence: Evidence) -> bool:
    return evidence.extraction.stance in selectors.RESPONSE_STANCES


def sentence_pieces(extraction: Extraction) -> list[Piece]:
    """The sentence split around its content, so the template can highlight what was said."""
    sentence = extraction.sentence
    if extraction.content_start is None or extraction.content_end is None:
        return [Piece(sentence, False)]
    start = extraction.content_start - extraction.sentence_start
    end = extraction.content_end - extraction.sentence_start
    # Offsets from an older extraction may not fit this sentence: show it plain.
    if not 0 <= start < end <= len(sentence):
        return [Piece(sentence, False)]
    pieces = [Piece(sentence[:start], False), Piece(sentence[start:end], True), Piece(sentence[end:], False)]
    return [p for p in pieces if p.text]


def entity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        entity = select_entity(entity_id=pk)
    except Entity.DoesNotExist:
        raise Http404("No such actor")
    claims = list(selectors.claims_for_entity(entity=entity)[: ENTITY_CLAIMS_SHOWN + 1])
    context = {
        "entity": entity,
        "claims_by": [c for c in claims[:ENTITY_CLAIMS_SHOWN] if _made_by(c, entity)],
        "claims_about": [c for c in claims[:ENTITY_CLAIMS_SHOWN] if not _made_by(c, entity)],
        "claims_truncated": len(claims) > ENTITY_CLAIMS_SHOWN,
    }
    return render(request, "claims/entity_detail.html", context)


def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        article = selectors.article_detail(article_id=pk)
    except Article.DoesNotExist:
        raise Http404("No such article")
    extractions = list(selectors.article_extractions(article=article))
    context = {
        "article": article,
        "body_blocks": marking.mark_body(
            article.body,
            furniture=[_span_bounds(item) for item in article.furniture],
            sentences=_evidence_sentences(extractions),
            mentions=[
                marking.MentionSpan(m.start, m.end, m.entity_id, m.entity.kind)
                for m in selectors.article_mentions(article=article)
            ],
        ),
        "extractions": extractions,
    }
    return render(request, "claims/article_detail.html", context)


def _evidence_sentences(extractions: list[Extraction]) -> list[marking.SentenceSpan]:
    """The sentences of live extractions that back a claim, with their evidence ids and claims."""
    spans = []
    for x in extractions:
        evidence = [] if x.rejected else list(x.evidence.all())
        if evidence:
            spans.append(marking.SentenceSpan(
                x.sentence_start, x.sentence_end,
                tuple(ev.pk for ev in evidence), tuple((ev.claim_id, ev.claim.summary) for ev in evidence),
            ))
    return spans


def body_pieces(body: str, furniture: list) -> list[Piece]:
    """The body split into plain text and page furniture (marked), in order."""
    spans = sorted((max(0, start), min(len(body), end)) for start, end in map(_span_bounds, furniture))
    pieces: list[Piece] = []
    cursor = 0
    for start, end in spans:
        start = max(start, cursor)  # overlapping spans: furniture already shown
        if start >= end:
            continue
        if start > cursor:
            pieces.append(Piece(body[cursor:start], False))
        pieces.append(Piece(body[start:end], True))
        cursor = end
    if cursor < len(body):
        pieces.append(Piece(body[cursor:], False))
    return pieces


def _span_bounds(item: list | tuple | dict) -> tuple[int, int]:
    """``[start, end]`` as the model stores it, or ``{"start": …, "end": …}`` from older rows."""
    if isinstance(item, dict):
        return int(item["start"]), int(item["end"])
    return int(item[0]), int(item[1])


def _made_by(claim, entity) -> bool:
    """Filed under the entity, or made by it alone for whom it acts for."""
    return entity.pk in (claim.actor_id, claim.voice_id)

"""Analyst pages: the claim list, a claim with its evidence side by side, an
actor's page and an article's page. Server-rendered, read-only; every read goes
through a selector."""
from __future__ import annotations

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from articles.models import Article
from entities.models import Entity
from entities.selectors import entity_detail as select_entity

from . import selectors
from .models import Claim, Evidence, Extraction, Kind

CLAIMS_PER_PAGE = 25
# An actor page lists this many claims at most; the API pages through the rest.
ENTITY_CLAIMS_SHOWN = 200


@dataclass(frozen=True)
class Piece:
    """A run of text and whether it is set apart (highlighted content, greyed furniture)."""

    text: str
    marked: bool


def claim_list(request: HttpRequest) -> HttpResponse:
    filters = _claim_filters(request)
    page = Paginator(selectors.claim_list(filters=filters), CLAIMS_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "page": page,
        "filters": filters,
        "kinds": Kind.choices,
        "statuses": Claim.Status.choices,
        "actors": selectors.claim_actor_choices(),
        "query": query.urlencode(),
    }
    return render(request, "claims/claim_list.html", context)


def _claim_filters(request: HttpRequest) -> selectors.ClaimFilters:
    """Read the list's GET parameters; an unknown value filters nothing rather than failing."""
    kind = request.GET.get("kind", "")
    status = request.GET.get("status", "")
    actor = request.GET.get("actor", "")
    return selectors.ClaimFilters(
        kind=kind if kind in Kind.values else "",
        status=status if status in Claim.Status.values else "",
        actor_id=int(actor) if actor.isdecimal() else None,
        search=request.GET.get("q", "").strip(),
    )


def claim_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        claim = selectors.claim_detail(claim_id=pk)
    except Claim.DoesNotExist:
        raise Http404("No such claim")
    evidence = list(selectors.claim_evidence(claim=claim))
    for item in evidence:
        item.sentence_pieces = sentence_pieces(item.extraction)
    context = {
        "claim": claim,
        "explanation": selectors.claim_explanation(claim=claim),
        "supporting": [e for e in evidence if not _is_response(e)],
        "responses": [e for e in evidence if _is_response(e)],
    }
    return render(request, "claims/claim_detail.html", context)


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
        "claims_by": [c for c in claims[:ENTITY_CLAIMS_SHOWN] if c.actor_id == entity.pk],
        "claims_about": [c for c in claims[:ENTITY_CLAIMS_SHOWN] if c.actor_id != entity.pk],
        "claims_truncated": len(claims) > ENTITY_CLAIMS_SHOWN,
    }
    return render(request, "claims/entity_detail.html", context)


def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        article = selectors.article_detail(article_id=pk)
    except Article.DoesNotExist:
        raise Http404("No such article")
    context = {
        "article": article,
        "body_pieces": body_pieces(article.body, article.furniture),
        "extractions": selectors.article_extractions(article=article),
    }
    return render(request, "claims/article_detail.html", context)


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

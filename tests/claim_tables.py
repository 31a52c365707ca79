"""The claim table of a corpus in a form two runs can be compared by: no ids, no timestamps.

Two ingestions of the same articles (in another order, or by other workers)
must give equal tables: the same claims, keyed by the same actors and
objects, summarised alike, backed by the same sentences of the same articles
(named by content hash), with the same echoes and the same counts.
"""
from __future__ import annotations

from claims.models import Claim, Evidence
from entities.models import Entity


def _name(entity: Entity | None) -> str | None:
    return entity.name if entity else None


def claim_table() -> list[tuple]:
    evidence: dict[int, list[tuple]] = {}
    rows = Evidence.objects.select_related("extraction__article", "echo_of__extraction__article")
    for row in rows:
        echo = row.echo_of.extraction.article.content_hash if row.echo_of_id else None
        extraction = row.extraction
        evidence.setdefault(row.claim_id, []).append(
            (extraction.article.content_hash, extraction.sentence_start, extraction.kind, extraction.stance, echo)
        )
    claims = Claim.objects.select_related("actor", "target", "about", "renews", "only_article")
    return sorted((_claim_row(claim, evidence.get(claim.pk, [])) for claim in claims), key=repr)


def _claim_row(claim: Claim, evidence: list[tuple]) -> tuple:
    return (
        claim.kind, _name(claim.actor), _name(claim.target), _name(claim.about), claim.predicate, claim.topic,
        claim.summary, claim.renews.summary if claim.renews_id else None,
        claim.only_article.content_hash if claim.only_article_id else None,
        claim.article_count, claim.outlet_count, claim.origin_count,
        claim.asserted_count, claim.attributed_count, claim.hedged_count,
        claim.no_comment_count, claim.denied_count, claim.first_seen, claim.last_seen, claim.status,
        tuple(sorted(evidence, key=repr)),
    )


def entity_table() -> list[tuple]:
    return sorted(Entity.objects.filter(merged_into__isnull=True).values_list("name", "kind"))

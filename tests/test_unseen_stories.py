"""Invented stories (not the samples) through ingest, processing and recompute: the same wire
story in two outlets' wordings is one claim, counted once per article and once per origin."""
import pytest

from articles.services import article_ingest
from claims.corroboration import claims_recompute_dirty
from pipeline.services import article_process
from claims.models import Claim, Kind

WIRE_A = (
    "date 2025-05-02\n"
    "Poland has demanded that Belarus hand over a soldier accused of shooting a border guard, "
    "Reuters reported on Friday.\n\nMinsk has not commented.\n"
)
WIRE_B = (
    "date 2025-05-03\n"
    "Warsaw is demanding that Minsk extradite a Belarusian soldier who allegedly shot a Polish border "
    "guard, according to Reuters.\n\nBelarusian officials declined to comment.\n"
)
OWN_REPORTING = (
    "date 2025-05-04\n"
    "The Polish government has demanded that Belarus surrender the soldier, the foreign ministry in "
    "Warsaw said on Saturday.\n"
)


def _process(text: str, name: str, source: str):
    article = article_ingest(raw=text.encode(), name=name, source_name=source, enqueue=False).article
    article_process(article_id=article.pk)
    claims_recompute_dirty()
    return article


def _handover() -> Claim:
    claims = Claim.objects.filter(kind=Kind.DEMAND, predicate="hand over")
    assert claims.count() == 1, list(claims.values_list("summary", "article_count"))
    return claims.get()


@pytest.mark.django_db
def test_two_outlets_relaying_one_wire_story_make_one_claim_from_one_origin():
    _process(WIRE_A, "wire-a.txt", "Daily Ledger")
    _process(WIRE_B, "wire-b.txt", "Evening Post")

    claim = _handover()
    assert (claim.actor.name, claim.target.name) == ("Poland", "Belarus")
    assert claim.article_count == 2
    assert claim.origin_count == 1


@pytest.mark.django_db
def test_a_third_article_with_its_own_source_adds_an_independent_origin():
    _process(WIRE_A, "wire-a.txt", "Daily Ledger")
    _process(WIRE_B, "wire-b.txt", "Evening Post")
    _process(OWN_REPORTING, "own.txt", "Morning Star")

    claim = _handover()
    assert claim.article_count == 3
    assert claim.origin_count == 2

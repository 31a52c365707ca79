"""End to end: the five sample articles through ingest, a real worker, and the API."""
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article
from claims.models import Claim
from tests.conftest import wait_until

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _settled() -> bool:
    articles = Article.objects.all()
    return (
        articles.count() == 5
        and not articles.filter(state=Article.State.PENDING).exists()
        and not Claim.objects.dirty().exists()
    )


def _hand_over_claim(client) -> dict:
    claims = client.get("/api/claims/", {"kind": "demand", "page_size": 200}).json()["results"]
    matches = [
        c for c in claims
        if c["predicate"] == "hand over" and c["about"] and c["about"]["name"] == "Bashar al-Assad"
    ]
    assert len(matches) == 1, [(c["summary"], c["article_count"]) for c in claims]
    return client.get(f"/api/claims/{matches[0]['id']}/").json()


def test_the_samples_yield_the_hand_over_demand_backed_by_all_five_articles(celery_worker, client, tmp_path):
    folder = tmp_path / "samples"
    shutil.copytree(FIXTURES, folder)
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))

    # The binary file is rejected with a reason, and the rest of the batch goes on.
    with pytest.raises(CommandError, match="1 rejected"):
        call_command("ingest", str(folder))

    wait_until(_settled, timeout=240)
    assert not Article.objects.filter(state=Article.State.FAILED).exists()
    claim = _hand_over_claim(client)

    assert claim["actor"]["name"] == "Syria"
    assert claim["target"]["name"] == "Russia"
    assert claim["article_count"] == 5
    assert claim["origin_count"] <= 4
    assert {k: claim["stances"][k] for k in ("asserted", "attributed", "hedged")} == {
        "asserted": 1, "attributed": 2, "hedged": 2,
    }
    origins = {name for item in claim["evidence"] for name in item["origins"]}
    assert "Reuters" in origins


def test_ingesting_the_samples_twice_adds_nothing(celery_worker):
    call_command("ingest", str(FIXTURES))
    wait_until(_settled, timeout=240)
    counts = (Article.objects.count(), Claim.objects.count())

    call_command("ingest", str(FIXTURES))
    wait_until(_settled, timeout=60)

    assert (Article.objects.count(), Claim.objects.count()) == counts

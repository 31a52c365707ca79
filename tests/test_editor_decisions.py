"""Editor decisions win over the machine, survive re-extraction, and every count follows."""
import pytest
from django.db import connection, transaction

from articles.models import CORPUS_WRITE_LOCK_ID
from articles.services import article_ingest
from claims import services
from claims.corroboration import claims_recompute_dirty
from pipeline.services import article_process
from claims.models import Claim, Extraction, Kind
from entities.models import Alias, Entity, Mention
from entities.services import alias_add, alias_block, entity_merge, entity_set_kind, mention_reject
from tests.conftest import wait_until

FIRST = (
    "date 2024-03-01\n"
    "Brazil has demanded that Argentina hand over the businessman Carlos Mendez, according to Reuters.\n"
)
SECOND = (
    "date 2024-03-02\n"
    "The Brazilian government is demanding that Argentina extradite Carlos Mendez, Bloomberg reported.\n"
)


def _process(text: str, name: str):
    article = article_ingest(raw=text.encode(), name=name, enqueue=False).article
    article_process(article_id=article.pk)
    claims_recompute_dirty()
    return article


def _demand() -> Claim:
    return Claim.objects.filter(kind=Kind.DEMAND, predicate="hand over").order_by("-article_count").first()


@pytest.mark.e2e
@pytest.mark.django_db
def test_the_same_demand_in_two_wordings_is_one_claim_with_two_origins():
    _process(FIRST, "first.txt")
    _process(SECOND, "second.txt")

    claim = _demand()
    assert claim.article_count == 2
    assert claim.origin_count == 2
    assert claim.actor.name == "Brazil"


@pytest.mark.e2e
@pytest.mark.django_db
def test_a_rejected_extraction_stays_rejected_after_re_extraction():
    article = _process(FIRST, "first.txt")
    _process(SECOND, "second.txt")
    extraction = Extraction.objects.get(article=article, kind=Kind.DEMAND)

    services.extraction_reject(extraction=extraction)
    claims_recompute_dirty()
    article_process(article_id=article.pk)
    claims_recompute_dirty()

    assert Extraction.objects.filter(article=article, kind=Kind.DEMAND, rejected=False).count() == 0
    assert Extraction.objects.filter(article=article, kind=Kind.DEMAND, rejected=True).count() == 1
    assert _demand().article_count == 1


@pytest.mark.e2e
@pytest.mark.django_db
def test_a_blocked_alias_is_not_learned_again():
    article = _process(FIRST, "first.txt")
    alias = Alias.objects.get(surface="Carlos Mendez")

    alias_block(alias=alias)
    article_process(article_id=article.pk)

    alias.refresh_from_db()
    assert alias.blocked is True
    assert Alias.objects.filter(normalised=alias.normalised).count() == 1


@pytest.mark.e2e
@pytest.mark.django_db
def test_an_editors_kind_survives_re_extraction():
    article = _process(FIRST, "first.txt")
    entity = Entity.objects.get(name="Carlos Mendez")

    entity_set_kind(entity=entity, kind=Entity.Kind.ORG)
    article_process(article_id=article.pk)

    entity.refresh_from_db()
    assert (entity.kind, entity.locked) == (Entity.Kind.ORG, True)


@pytest.mark.e2e
@pytest.mark.django_db
def test_a_rejected_mention_stays_rejected_after_re_extraction():
    article = _process(FIRST, "first.txt")
    mention = Mention.objects.get(article=article, text="Carlos Mendez")

    mention_reject(mention=mention)
    article_process(article_id=article.pk)

    assert Mention.objects.filter(article=article, text="Carlos Mendez", rejected=True).count() == 1
    assert Mention.objects.filter(article=article, text="Carlos Mendez", rejected=False).count() == 0
    assert not Extraction.objects.filter(article=article, about__name="Carlos Mendez").exists()


@pytest.mark.e2e
@pytest.mark.django_db(transaction=True)
def test_merging_two_entities_in_the_admin_updates_the_counts_without_a_manual_step(
    celery_worker, admin_client
):
    _process(FIRST, "first.txt")
    _process(SECOND.replace("Carlos Mendez", "Karlos Mendes"), "second.txt")
    claims = Claim.objects.filter(kind=Kind.DEMAND, predicate="hand over")
    assert sorted(claims.values_list("article_count", flat=True)) == [1, 1]
    keep = Entity.objects.get(name="Carlos Mendez")
    other = Entity.objects.get(name="Karlos Mendes")

    response = admin_client.post(
        "/admin/entities/entity/",
        {"action": "merge", "_selected_action": [keep.pk, other.pk], "into": keep.pk, "apply": "1"},
    )
    assert response.status_code in (200, 302)

    merged = wait_until(lambda: (c := _demand()) and not c.dirty and c.article_count == 2 and c)
    assert merged.about == keep
    assert claims.count() == 1


@pytest.mark.e2e
@pytest.mark.django_db(transaction=True)
def test_reextracting_everything_keeps_the_counts_and_the_editors_decisions(celery_worker):
    from django.core.management import call_command

    article = _process(FIRST, "first.txt")
    _process(SECOND, "second.txt")
    rejected = Extraction.objects.filter(article=article).first()
    services.extraction_reject(extraction=rejected)
    before = wait_until(lambda: not Claim.objects.dirty().exists() and sorted(
        Claim.objects.values_list("summary", "article_count", "origin_count")))

    call_command("reextract", "--all")

    after = wait_until(lambda: not Claim.objects.dirty().exists() and not _pending() and sorted(
        Claim.objects.values_list("summary", "article_count", "origin_count")))
    assert after == before
    assert Extraction.objects.get(pk=rejected.pk).rejected is True


def _pending() -> bool:
    from articles.models import Article

    return Article.objects.filter(state=Article.State.PENDING).exists()


def _holds_the_corpus_write_lock() -> bool:

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()"
            " AND mode = 'ExclusiveLock' AND granted AND classid = %s AND objid = %s)",
            [CORPUS_WRITE_LOCK_ID >> 32, CORPUS_WRITE_LOCK_ID & 0xFFFFFFFF],
        )
        return cursor.fetchone()[0]


@pytest.mark.e2e
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "decide",
    [
        lambda: entity_merge(entity=Entity.objects.get(name="Bloomberg"), into=Entity.objects.get(name="Reuters")),
        lambda: entity_set_kind(entity=Entity.objects.get(name="Brazil"), kind="ORG"),
        lambda: alias_add(entity=Entity.objects.get(name="Brazil"), surface="Brasilia"),
        lambda: alias_block(alias=Alias.objects.filter(entity__name="Argentina").first()),
        lambda: mention_reject(mention=Mention.objects.filter(entity__name="Argentina").first()),
        lambda: services.extraction_reject(extraction=Extraction.objects.first()),
        lambda: services.evidence_move(evidence=_demand().evidence.first(), claim=Claim.objects.exclude(pk=_demand().pk).first()),
    ],
    ids=["merge", "set kind", "add alias", "block alias", "reject mention", "reject extraction", "move evidence"],
)
def test_every_editor_decision_takes_the_corpus_write_lock_first(decide, celery_worker):
    # celery_worker: the recompute each decision queues on commit has finished before the tables are flushed.
    # The lock order every writer keeps: an editor's change waits for the article being
    # written (and the recompute) instead of deadlocking with it on entity and claim rows.
    _process(FIRST, "first.txt")
    _process(SECOND, "second.txt")
    _process("date 2024-04-01\nChile demanded that Peru release two fishermen.\n", "third.txt")
    with transaction.atomic():  # the lock is the transaction's: look inside it
        assert not _holds_the_corpus_write_lock()
        decide()
        assert _holds_the_corpus_write_lock()

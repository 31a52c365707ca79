"""Same corpus, same answer: the claims of a corpus do not depend on the order or
the concurrency with which its articles are processed.

The 41 sample and tuning articles are processed inline in file order, inline in
reverse, and by four worker processes; the three claim tables (keys,
summaries, counts, evidence sentences and echoes, no ids) and the entities
must be equal. What makes them equal: claims are clusters of propositions
(``claims.linking``), entities take their name and kind from the corpus, and
the known-alias ruler changes only when the corpus settles
(``pipeline.services.articles_settle_round``).
"""
from __future__ import annotations

import pytest
from django.core.management import call_command

from articles.models import Article
from articles.services import article_ingest
from pipeline.services import articles_process_inline
from tests.claim_tables import claim_table, entity_table
from tests.conftest import wait_until
from tests.test_deadlocks import _prefork_worker, _settled_for_good, _stop, _texts


def _inline(paths) -> tuple[list, list]:
    ids = [article_ingest(raw=path.read_bytes(), name=str(path), enqueue=False).article.pk for path in paths]
    failed = articles_process_inline(article_ids=ids)
    assert failed == {}
    return claim_table(), entity_table()


@pytest.mark.e2e
@pytest.mark.django_db(transaction=True)
def test_the_same_corpus_gives_the_same_claims_in_any_order_and_with_four_workers(tmp_path):
    texts = _texts()
    assert len(texts) >= 40

    forward = _inline(texts)
    call_command("flush", "--no-input")
    backward = _inline(list(reversed(texts)))
    call_command("flush", "--no-input")
    worker = _prefork_worker(concurrency=4, folder=tmp_path)
    try:
        for path in texts:
            article_ingest(raw=path.read_bytes(), name=str(path))
        wait_until(_settled_for_good, timeout=300, interval=1)
    finally:
        _stop(worker)
    by_workers = claim_table(), entity_table()

    assert Article.objects.processed().count() == len(texts)
    assert len(forward[0]) > 200
    assert backward == forward
    assert by_workers == forward

"""Queuing work for the workers: the one place the pipeline's services hand work to Celery.

Kept apart from ``services`` (which the tasks call) so that no module both
calls the tasks and is called by them.
"""
from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from articles.models import Article

from .tasks import Enqueued, articles_process_enqueue


def articles_reprocess(*, article_ids: Iterable[int]) -> Enqueued:
    """Queue (re-)extraction of these articles (new article, new model, new rules), on commit.

    Returns what became of the messages: how many the broker took and how many
    were left for the articles sweep because it was unreachable. The tally is
    filled in when the transaction commits, which is at once when this is
    called outside one (``manage.py ingest`` after storing its files). A
    withdrawn article is not queued.
    """
    articles = Article.objects.filter(pk__in=set(article_ids)).counted()
    articles.queue_for_processing()
    ids = list(articles.order_by("pk").values_list("pk", flat=True))
    enqueued = Enqueued()
    transaction.on_commit(lambda: enqueued.add(articles_process_enqueue(article_ids=ids)))
    return enqueued

"""Queuing work for the workers: the one place the pipeline's services hand work to Celery.

Kept apart from ``services`` (which the tasks call) so that no module both
calls the tasks and is called by them.
"""
from __future__ import annotations

from collections.abc import Iterable

from articles.models import Article

from .tasks import article_process_task


def articles_reprocess(*, article_ids: Iterable[int]) -> None:
    """Queue (re-)extraction of these articles (new article, new model, new rules), on commit."""
    ids = sorted(set(article_ids))
    Article.objects.filter(pk__in=ids).queue_for_processing()
    for article_id in ids:
        article_process_task.delay_on_commit(article_id)

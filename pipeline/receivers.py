"""The pipeline answers the lower layers' requests for (re-)extraction.

Connected in ``PipelineConfig.ready``: an ingested article, the admin's
re-extract action and an editor's alias or mention decision all send
``articles.signals.processing_requested``; the work is queued on commit.
"""
from django.dispatch import receiver

from articles.signals import processing_requested

from .dispatch import articles_reprocess


@receiver(processing_requested, dispatch_uid="pipeline.processing_requested")
def _queue_processing(sender, *, article_ids, **kwargs) -> None:
    articles_reprocess(article_ids=article_ids)

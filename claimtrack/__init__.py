"""ClaimTrack: follows claims through the news.

The Celery app is imported here so that ``@shared_task`` binds to it whenever
Django starts (the cookiecutter-django convention).
"""
from .celery import app as celery_app

__all__ = ("celery_app",)

from django.apps import AppConfig


class ClaimtrackConfig(AppConfig):
    """The project package: settings, URLs, the Celery app and the ``serve`` command. No models."""

    name = "claimtrack"
    verbose_name = "ClaimTrack"

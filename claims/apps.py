from django.apps import AppConfig


class ClaimsConfig(AppConfig):
    name = "claims"
    verbose_name = "Claims"

    def ready(self) -> None:
        # Editor decisions in entities reach the claims filed under them (see entities.signals).
        from . import receivers  # noqa: F401

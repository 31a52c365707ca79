from django.apps import AppConfig


class PipelineConfig(AppConfig):
    name = "pipeline"
    verbose_name = "Pipeline"

    def ready(self) -> None:
        # Lower layers ask for (re-)extraction through articles.signals; the pipeline does it.
        from . import receivers  # noqa: F401

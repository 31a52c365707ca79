from django.apps import AppConfig


class ClaimtrackConfig(AppConfig):
    name = "claimtrack"
    verbose_name = "Claims"

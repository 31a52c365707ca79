"""``manage.py syndicate``: find the syndicated copies among articles stored before fingerprints existed.

A thin wrapper around ``articles.syndication.articles_syndicate_missing``; new
articles are fingerprinted and linked at ingest, so this is needed once after
upgrading, and is safe to run again (it only reads articles with no fingerprint).
"""
from __future__ import annotations

from django.core.management.base import BaseCommand

from articles.syndication import articles_syndicate_missing

BATCH = 500


class Command(BaseCommand):
    help = "Fingerprint articles stored without one and link their syndicated copies."

    def handle(self, **options) -> None:
        total = 0
        while done := articles_syndicate_missing(limit=BATCH):
            total += done
        self.stdout.write(f"{total} article(s) fingerprinted")

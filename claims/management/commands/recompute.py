"""``manage.py recompute``: count the corroboration figures now, in this process.

Workers recompute claims as they are marked stale; this is for an operator:
after an upgrade that changes how figures are counted (``--all``), or to bring
the figures up to date without waiting for a worker. Claims whose figures come
out as stored are not written again.
"""
import time

from django.core.management.base import BaseCommand

from claims.corroboration import claims_recompute_all, claims_recompute_dirty


class Command(BaseCommand):
    help = "Recompute the corroboration figures of stale claims, or of every claim with --all."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Every claim, not only those marked stale.")

    def handle(self, *args, all: bool, **options):
        started = time.perf_counter()
        done = claims_recompute_all() if all else claims_recompute_dirty()
        self.stdout.write(f"{done} claims recomputed in {time.perf_counter() - started:.1f} s")

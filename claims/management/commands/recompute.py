"""``manage.py recompute``: count the corroboration figures now, in this process.

Workers recompute claims as they are marked stale; this is for an operator:
after an upgrade that changes how figures are counted (``--all``), or to bring
the figures up to date without waiting for a worker. Claims whose figures come
out as stored are not written again. ``--all`` checks figures, not search
documents; ``--all --search-documents`` rebuilds every claim's search document
too (after an upgrade that changes how they are built, or to take in aliases
learned since), at about three times the cost.
"""
import time

from django.core.management.base import BaseCommand, CommandError

from claims.corroboration import claims_recompute_all, claims_recompute_dirty


class Command(BaseCommand):
    help = "Recompute the corroboration figures of stale claims, or of every claim with --all."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Every claim, not only those marked stale.")
        parser.add_argument(
            "--search-documents", action="store_true",
            help="With --all: rebuild every claim's search document too, not only its figures.",
        )

    def handle(self, *args, all: bool, search_documents: bool, **options):
        if search_documents and not all:
            raise CommandError("--search-documents goes with --all.")
        started = time.perf_counter()
        done = claims_recompute_all(search_documents=search_documents) if all else claims_recompute_dirty()
        self.stdout.write(f"{done} claims recomputed in {time.perf_counter() - started:.1f} s")

"""``manage.py reextract``: queue re-extraction after a model or rule change.

Re-extraction replaces the machine's output for each article in one
transaction and keeps every editor decision; the workers do the work.
"""
from django.core.management.base import BaseCommand, CommandError

from articles.models import Article
from pipeline.dispatch import articles_reprocess
from pipeline.services import extractor


class Command(BaseCommand):
    help = "Queue articles for re-extraction (all, those extracted by another model or rules, or by id)."

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", type=int, help="Article ids.")
        parser.add_argument("--all", action="store_true", help="Every article.")
        parser.add_argument(
            "--stale", action="store_true", help="Articles extracted by another model or rule version."
        )

    def handle(self, *args, ids: list[int], all: bool, stale: bool, **options):
        if not (ids or all or stale):
            raise CommandError("say which articles: ids, --all or --stale")
        articles = Article.objects.all()
        if stale:
            articles = articles.exclude(extractor_version=extractor().version[:100])
        elif not all:
            articles = articles.filter(pk__in=ids)
        chosen = list(articles.values_list("pk", flat=True))
        articles_reprocess(article_ids=chosen)
        self.stdout.write(f"{len(chosen)} articles queued for re-extraction")

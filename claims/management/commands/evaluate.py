"""``manage.py evaluate GOLD.json``: score the stored extraction against a gold file.

The gold file's articles must be ingested and processed first, e.g.
``manage.py ingest fixtures/ --inline``. Prints a Markdown table (pasteable
into the README) and, with ``--misses``, every miss.
"""
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from claims.evaluation import evaluate


class Command(BaseCommand):
    help = "Score extraction, actor resolution, stance and claim counts against a gold annotation file."

    def add_arguments(self, parser):
        parser.add_argument("gold", type=Path)
        parser.add_argument("--misses", action="store_true", help="List every miss.")

    def handle(self, *args, gold: Path, misses: bool, **options):
        try:
            data = json.loads(gold.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise CommandError(f"{gold}: cannot read gold file: {error}") from None
        try:
            report = evaluate(data)
        except ValueError as error:
            raise CommandError(str(error)) from None
        self.stdout.write("| measure | found | score |\n|---|---|---|")
        for name, counts, ratio in report.rows():
            self.stdout.write(f"| {name} | {counts} | {ratio:.0%} |")
        if misses:
            for name, score in vars(report).items():
                for miss in getattr(score, "misses", []):
                    self.stdout.write(f"- {name}: {miss}")

"""``manage.py evaluate GOLD [GOLD ...]``: score the stored extraction against gold files.

A GOLD is a gold JSON file or a folder searched for ``gold.json`` files (a
development set of one folder a story). Several are scored as one. The gold's
articles must be processed first (``manage.py ingest FOLDER --inline``), or
pass ``--ingest`` to ingest, inline, the article files found beside each
gold file (and in ``--articles`` folders). Prints a Markdown table
(pasteable into the README) and, with ``--misses``, every miss.
"""
import json
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from claims.evaluation import evaluate, gold_merge


class Command(BaseCommand):
    help = "Score extraction, actor resolution, stance and claims against gold annotation files."

    def add_arguments(self, parser):
        parser.add_argument("gold", type=Path, nargs="+", help="Gold JSON files, or folders holding gold.json files.")
        parser.add_argument("--misses", action="store_true", help="List every miss.")
        parser.add_argument("--ingest", action="store_true", help="Ingest the gold's article files inline first.")
        parser.add_argument(
            "--articles", type=Path, action="append", default=[], help="Another folder holding the article files."
        )

    def handle(self, *args, gold: list[Path], misses: bool, ingest: bool, articles: list[Path], **options):
        files = _gold_files(gold)
        golds = [_read(path) for path in files]
        if ingest:
            folders = list(dict.fromkeys([*(path.parent for path in files), *articles]))
            wanted = {meta["file"] for g in golds for meta in g["articles"].values()}
            paths = [str(p) for folder in folders for p in sorted(folder.iterdir()) if p.name in wanted]
            call_command("ingest", *paths, inline=True, stdout=self.stdout, stderr=self.stderr)
        try:
            report = evaluate(gold_merge(golds))
        except ValueError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"{len(files)} gold file(s), {sum(len(g['articles']) for g in golds)} articles\n")
        self.stdout.write("| measure | found | score |\n|---|---|---|")
        for name, counts, ratio in report.rows():
            self.stdout.write(f"| {name} | {counts} | {ratio:.0%} |")
        if misses:
            for name, score in vars(report).items():
                for miss in getattr(score, "misses", []):
                    self.stdout.write(f"- {name}: {miss}")


def _gold_files(paths: list[Path]) -> list[Path]:
    files = []
    for path in paths:
        found = sorted(path.rglob("gold.json")) if path.is_dir() else [path]
        if not found:
            raise CommandError(f"{path}: no gold.json in this folder")
        files.extend(found)
    return files


def _read(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise CommandError(f"{path}: cannot read gold file: {error}") from None

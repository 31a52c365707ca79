"""A titled office holder the article ties to no state: what they demand, and of whom, says whose they are."""
from __future__ import annotations

import pytest

from nlp import Extractor


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def _states(extractor, text: str) -> dict[str, str]:
    return {a.member: a.state for a in extractor.analyse(text).affiliations if a.label == "GPE"}


def test_a_minister_who_demands_of_one_state_is_the_other_states(extractor):
    text = (
        "Latvia has demanded that Estonia release the crew of the trawler Aster, seized by the Estonian coast "
        "guard last week. \"We call on Estonia to release them without delay,\" Foreign Minister Lena Morck told "
        "reporters on Thursday. Latvia says the trawler was in international waters. Estonia says it was fishing "
        "illegally."
    )
    assert _states(extractor, text).get("Lena Morck") == "Latvia"


def test_a_minister_who_only_speaks_of_a_state_is_not_placed_on_the_other_side(extractor):
    # She names her own state: speaking of a state says nothing of which side she is on.
    text = (
        "South Korea has asked Chile to exempt contracts signed before the ban on lithium exports. "
        "Mining Minister Ana Ruiz said the decree was not up for negotiation. \"Chile has exported its lithium "
        "as a raw material for forty years. That era is over,\" she said."
    )
    assert "Ana Ruiz" not in _states(extractor, text)


def test_no_state_is_guessed_when_two_others_are_named_as_often(extractor):
    text = (
        "Foreign Minister Lena Morck called on Estonia to release the crew. Latvia and Lithuania have both "
        "protested."
    )
    assert "Lena Morck" not in _states(extractor, text)

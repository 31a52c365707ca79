"""Reference data of states: names, demonyms, capitals, seats of government."""

from __future__ import annotations

import pytest

from nlp import states


@pytest.mark.parametrize(
    ("name", "state"),
    [
        ("Russian Federation", "Russia"),
        ("Syrian Arab Republic", "Syria"),
        ("the United States", "United States"),
        ("US", "United States"),
        ("U.S.", "United States"),
        ("Britain", "United Kingdom"),
        ("UAE", "United Arab Emirates"),
        ("Côte d’Ivoire", "Ivory Coast"),
        ("Türkiye", "Turkey"),
        ("S. Korea", "South Korea"),
        ("Korea", "South Korea"),
    ],
)
def test_it_knows_a_state_by_its_names(name, state):
    assert states.state_named(name) == state


def test_a_two_letter_code_that_is_an_english_word_is_no_state():
    assert states.state_named("IN") is None
    assert states.state_named("us") is None


@pytest.mark.parametrize("word", ["The", "the", ""])
def test_an_article_alone_names_no_state(word):
    # A spelling in another script normalises to nothing; "The" stripped of its article did too.
    assert states.state_named(word) is None


@pytest.mark.parametrize(
    ("demonym", "state"),
    [
        ("Syrian", "Syria"),
        ("Russians", "Russia"),
        ("American", "United States"),
        ("British", "United Kingdom"),
        ("Chinese", "China"),
        ("Dutch", "Netherlands"),
        ("Israeli", "Israel"),
        ("Palestinian", "Palestine"),
    ],
)
def test_it_maps_demonyms_to_states(demonym, state):
    assert states.state_of_demonym(demonym) == state


@pytest.mark.parametrize(
    ("capital", "state"),
    [
        ("Moscow", "Russia"),
        ("Damascus", "Syria"),
        ("Washington", "United States"),
        ("Beijing", "China"),
        ("Kyiv", "Ukraine"),
        ("Tehran", "Iran"),
        ("Caracas", "Venezuela"),
    ],
)
def test_it_maps_capitals_to_states(capital, state):
    assert states.state_of_capital(capital) == state


@pytest.mark.parametrize(
    ("seat", "state"),
    [
        ("the Kremlin", "Russia"),
        ("White House", "United States"),
        ("the Pentagon", "United States"),
        ("Downing Street", "United Kingdom"),
        ("the Élysée", "France"),
        ("Zhongnanhai", "China"),
    ],
)
def test_it_maps_seats_of_government_to_states(seat, state):
    assert states.state_of_seat(seat) == state
    assert states.state_of_place(seat) == state


def test_an_ordinary_word_is_no_state_demonym_or_capital():
    assert states.state_named("Reuters") is None
    assert states.state_of_demonym("Islamist") is None
    assert states.state_of_capital("Tartus") is None

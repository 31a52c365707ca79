"""find_declared: the aliases a text declares right after a name."""

from __future__ import annotations

import pytest

from nlp.aliases import NameSpan, find_declared, is_acronym_of


def declared(text: str, name: str) -> list[tuple[str, str, str]]:
    start = text.index(name)
    found = find_declared(text, [NameSpan(start, start + len(name), name, "ORG")])
    return [(d.name.text, d.alias, d.pattern) for d in found]


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        (
            "the group Hayat Tahrir al-Sham (HTS) said",
            "Hayat Tahrir al-Sham",
            ("Hayat Tahrir al-Sham", "HTS", "acronym"),
        ),
        (
            "The Rapid Support Forces (RSF) took the town.",
            "Rapid Support Forces",
            ("Rapid Support Forces", "RSF", "acronym"),
        ),
        (
            "the North Atlantic Treaty Organization (NATO) said",
            "North Atlantic Treaty Organization",
            ("North Atlantic Treaty Organization", "NATO", "acronym"),
        ),
        (
            "the Democratic Republic of Congo (DRC) said",
            "Democratic Republic of Congo",
            ("Democratic Republic of Congo", "DRC", "acronym"),
        ),
        (
            "Ahmad al-Sharaa (or Abu Mohammad al-Jolani), have",
            "Ahmad al-Sharaa",
            ("Ahmad al-Sharaa", "Abu Mohammad al-Jolani", "or"),
        ),
        (
            "Ahmed al-Sharaa (al-Julani), a former official",
            "Ahmed al-Sharaa",
            ("Ahmed al-Sharaa", "al-Julani", "parenthesis"),
        ),
        (
            "Mohamed Hamdan Dagalo (better known as Hemedti) said",
            "Mohamed Hamdan Dagalo",
            ("Mohamed Hamdan Dagalo", "Hemedti", "aka"),
        ),
        (
            "Ahmad al-Sharaa (whose AQ name is Abu Mohammad al-Jolani), the",
            "Ahmad al-Sharaa",
            ("Ahmad al-Sharaa", "Abu Mohammad al-Jolani", "name_clause"),
        ),
        (
            "Joaquín Guzmán (known by his nickname El Chapo) was",
            "Joaquín Guzmán",
            ("Joaquín Guzmán", "El Chapo", "name_clause"),
        ),
        (
            "Abdullah Ocalan, also known as Apo, said",
            "Abdullah Ocalan",
            ("Abdullah Ocalan", "Apo", "aka"),
        ),
        ("Sean Combs, better known as Diddy, was", "Sean Combs", ("Sean Combs", "Diddy", "aka")),
        (
            "fighters of the Islamic State (ISIS) said",
            "Islamic State",
            ("Islamic State", "ISIS", "acronym"),
        ),
    ],
)
def test_it_reads_declared_aliases(text, name, expected):
    assert declared(text, name) == [expected]


def test_an_acronym_before_its_expansion_keeps_the_long_form_as_the_name():
    assert declared("NATO (North Atlantic Treaty Organization) said", "NATO") == [
        ("North Atlantic Treaty Organization", "NATO", "acronym")
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Bashar al-Assad (pictured above), according to", "Bashar al-Assad"),
        ("Senator Ted Cruz (R-Texas) said", "Ted Cruz"),
        ("DAMASCUS (Reuters) - The talks", "DAMASCUS"),
        ("Mikhail Bogdanov (Russia) said", "Mikhail Bogdanov"),
        ("The ministry (which declined to comment) said", "ministry"),
        ("Maria Lopez (34) was injured", "Maria Lopez"),
        ("the Sinaloa cartel (AP) reported", "Sinaloa"),
    ],
)
def test_brackets_that_declare_no_alias_are_ignored(text, name):
    assert declared(text, name) == []


def test_acronym_initials_skip_particles():
    assert is_acronym_of("HTS", "Hayat Tahrir al-Sham")
    assert is_acronym_of("ECB", "European Central Bank")
    assert is_acronym_of("DRC", "Democratic Republic of the Congo")
    assert not is_acronym_of("HTS", "Hamas")
    assert not is_acronym_of("UN", "European Union")

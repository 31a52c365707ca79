"""General events and statuses: who did what to whom, told in any story (invented sentences)."""

from __future__ import annotations

import pytest

from nlp import Extractor


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def _events(extractor, text):
    return [
        (x.kind, x.predicate, x.actor and x.actor.key, x.target and x.target.key)
        for x in extractor.analyse(text).extractions
        if x.kind in ("event", "status")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The Sylvanian Liberation Front has besieged Port Esper since March.",
        "Port Esper, which the Sylvanian Liberation Front has besieged since March, is the last stronghold.",
        "Port Esper has been under siege by the Sylvanian Liberation Front since March.",
    ],
)
def test_a_siege_told_as_verb_relative_clause_or_noun_is_one_status(extractor, text):
    assert ("status", "besiege", "Sylvanian Liberation Front", "Port Esper") in _events(extractor, text)


def test_a_suspension_names_the_owner_of_what_was_suspended_as_target(extractor):
    text = "Freedonia has suspended the mining licences of Zorbex Minerals, officials said."
    assert ("event", "suspend", "Freedonia", "Zorbex Minerals") in _events(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Freedonia may suspend the mining licences of Zorbex Minerals, officials said.",
        "Maria Okafor asked whether the coast guard would board the trawler Maria Grande.",
    ],
)
def test_an_action_that_may_happen_or_is_asked_about_is_no_event(extractor, text):
    assert _events(extractor, text) == []


def test_boarding_a_ship_is_an_inspection_of_it(extractor):
    text = "The Freedonian Coast Guard boarded the trawler Maria Grande in January."
    assert ("event", "inspect", "Freedonian Coast Guard", "Maria Grande") in _events(extractor, text)


def test_raising_a_price_is_an_event_but_raising_concerns_is_not(extractor):
    assert ("event", "raise price", "Zorbex Pharma", None) in _events(
        extractor, "Zorbex Pharma has raised the price of its asthma inhalers by 30% since 2022."
    )
    assert _events(extractor, "Zorbex Pharma raised concerns about the new rules.") == []


def test_a_fall_in_shares_belongs_to_the_company_that_owns_them(extractor):
    text = "Shares of Zorbex Pharma fell 5% in Lagos trading on Monday."
    assert ("event", "shares fall", "Zorbex Pharma", None) in _events(extractor, text)


def test_a_convoy_that_came_under_fire_is_the_target_of_an_attack(extractor):
    text = "A convoy of the Red Lantern Society came under fire near Port Esper on Sunday."
    assert ("event", "attack", None, "Red Lantern Society") in _events(extractor, text)


def test_a_passive_attack_names_its_agent_as_actor(extractor):
    text = "The convoy was attacked by Sylvanian Liberation Front fighters near Port Esper."
    assert [e[:3] for e in _events(extractor, text)] == [("event", "attack", "Sylvanian Liberation Front")]


def test_agreeing_to_release_members_of_a_group_is_a_status_towards_that_group(extractor):
    text = "The government of Freedonia has agreed in principle to release twenty members of the Sylvanian Liberation Front."
    assert ("status", "agree to release", "Freedonia", "Sylvanian Liberation Front") in _events(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Delegates of Freedonia and the Sylvanian Liberation Front met for six hours on Thursday.",
        "The fourth round of talks between Freedonia and the Sylvanian Liberation Front opened on Monday.",
    ],
)
def test_a_meeting_or_round_of_talks_between_two_sides_is_held_talks(extractor, text):
    assert ("event", "hold talks", "Freedonia", "Sylvanian Liberation Front") in _events(extractor, text)


def test_a_place_named_before_talks_is_where_they_are_not_who_holds_them(extractor):
    text = "The Geneva talks between Freedonia and Sylvania resumed on Monday."
    assert _events(extractor, text) == [("event", "hold talks", "Freedonia", "Sylvania")]


def test_a_strike_is_aimed_at_whoever_the_strikers_made_demands_of(extractor):
    text = (
        "The Dockers Union of Freedonia demanded a 6% pay rise from Zorbex Shipping. "
        "The strike by the Dockers Union of Freedonia entered its third day on Tuesday."
    )
    assert ("event", "strike", "Dockers Union of Freedonia", "Zorbex Shipping") in _events(extractor, text)


def test_the_strike_named_again_takes_the_parties_of_the_earlier_one(extractor):
    text = "A strike by the Dockers Union of Freedonia began on Monday. The strike continues until Friday."
    found = _events(extractor, text)
    assert [e[2] for e in found] == ["Dockers Union of Freedonia", "Dockers Union of Freedonia"]


def test_moving_captives_across_a_border_is_about_the_destination(extractor):
    text = "The Sylvanian Liberation Front has moved the hostages across the border into Freedonia."
    moved = [x for x in extractor.analyse(text).extractions if x.predicate == "move"]
    assert moved and moved[0].actor.key == "Sylvanian Liberation Front" and moved[0].about.key == "Freedonia"


def test_holding_talks_with_someone_is_held_talks_with_them(extractor):
    text = "Freedonia held talks with Sylvania in Geneva on Monday."
    assert _events(extractor, text) == [("event", "hold talks", "Freedonia", "Sylvania")]


def test_the_host_of_talks_is_not_one_of_their_sides(extractor):
    text = "Freedonia hosted talks between Sylvania and the Sylvanian Liberation Front."
    assert _events(extractor, text) == [("event", "hold talks", "Sylvania", "Sylvanian Liberation Front")]


def test_reaching_or_signing_an_agreement_is_a_status_between_the_signatories(extractor):
    assert ("status", "reach agreement", "Freedonia", "Sylvania") in _events(
        extractor, "Freedonia and Sylvania reached an agreement on fishing quotas on Friday."
    )
    assert ("status", "reach agreement", "Freedonia", "Sylvanian Liberation Front") in _events(
        extractor, "Freedonia signed a ceasefire with the Sylvanian Liberation Front."
    )


def test_an_agreement_not_reached_is_unresolved_not_reached(extractor):
    found = _events(extractor, "Freedonia and Sylvania have not reached an agreement.")
    assert [e[1] for e in found] == ["unresolved"]

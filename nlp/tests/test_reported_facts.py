"""Reported facts: a fact of any kind relayed at a distance, with the stance that distance gives.

Invented stories only (Freedonia, Sylvania, invented companies and people).
"""
from __future__ import annotations

import pytest

from nlp import ATTRIBUTED, DENIED, HEDGED, STATEMENT, STATUS, Extractor


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def facts(extractor, text):
    return [e for e in extractor.analyse(text).extractions if e.kind == STATUS and e.cue == "report"]


def test_a_sourcing_adverb_makes_the_fact_a_hedged_report(extractor):
    [fact] = facts(extractor, "Zenda Mining is reportedly considering moving its operations to Freedonia.")
    assert (fact.actor.key, fact.predicate, fact.stance) == ("Zenda Mining", "consider", HEDGED)


def test_unconfirmed_reports_that_something_happened_are_hedged(extractor):
    text = "There are unconfirmed reports in the Sylvanian media that five athletes returned positive tests."
    [fact] = facts(extractor, text)
    assert (fact.predicate, fact.stance) == ("return", HEDGED)
    assert fact.content.text == "that five athletes returned positive tests"


def test_denying_reports_that_something_happened_denies_the_fact(extractor):
    [fact] = facts(extractor, "Athletes including sprinter Maria Okafor have denied reports that they failed tests.")
    assert (fact.predicate, fact.stance) == ("fail", DENIED)


def test_a_fact_the_outlet_states_itself_is_not_a_report(extractor):
    assert facts(extractor, "Zenda Mining moved its operations to Freedonia in May.") == []


def test_an_event_already_read_from_the_clause_is_not_read_again(extractor):
    text = "The demand follows reports that the Sylvanian Coast Guard boarded a Freedonian trawler in February."
    assert facts(extractor, text) == []


def test_scornfully_rebutting_claims_denies_what_they_say(extractor):
    [fact] = facts(extractor, "Maria Okafor blasted claims she failed a drugs test.")
    assert (fact.actor.key, fact.predicate, fact.stance) == ("Maria Okafor", "fail", DENIED)


def test_reports_the_model_tagged_as_a_verb_still_report_their_clause(extractor):
    [fact] = facts(extractor, "Maria Okafor slammed reports that she had failed a drugs test.")
    assert (fact.predicate, fact.stance) == ("fail", DENIED)


def test_slamming_a_decision_denies_nothing(extractor):
    assert facts(extractor, "Maria Okafor slammed the decision to ban her.") == []


# -- what an outlet reports a party doing ---------------------------------------


def _statements(extractor, text):
    return [e for e in extractor.analyse(text).extractions if e.kind == STATEMENT]


@pytest.mark.parametrize("text", [
    "Sylvania is preparing to close its waters to Freedonian vessels, the Harbour Gazette reported on Monday.",
    "The Harbour Gazette reported that Sylvania had offered to pay part of the debt it owes Freedonia.",
])
def test_what_an_outlet_reports_a_party_doing_is_the_partys_claim_with_the_outlet_as_origin(extractor, text):
    [statement] = _statements(extractor, text)
    assert statement.actor.key == "Sylvania"
    assert [o.key for o in statement.origins] == ["Harbour Gazette"]
    assert statement.stance == ATTRIBUTED


def test_what_an_outlet_reports_of_itself_or_of_no_party_stays_its_own(extractor):
    [found] = _statements(extractor, "The Harbour Gazette reported on Monday that 40 people died in the floods.")
    assert found.actor.key == "Harbour Gazette"

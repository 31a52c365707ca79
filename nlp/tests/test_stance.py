"""Stance and origins on invented stories: asserted, attributed, hedged, no comment, denied."""
from __future__ import annotations

import pytest

from nlp import ASSERTED, ATTRIBUTED, DEMAND, DENIED, EVENT, HEDGED, Extractor


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def first(extractor, text, kind=DEMAND):
    return next(e for e in extractor.analyse(text).extractions if e.kind == kind)


def origins(extraction):
    return [o.key for o in extraction.origins]


def test_a_plain_demand_is_asserted(extractor):
    demand = first(extractor, "Ghana demanded that Togo return the seized fishing boats.")
    assert demand.stance == ASSERTED and demand.origins == []


def test_according_to_a_report_by_an_agency_attributes_to_the_agency(extractor):
    demand = first(
        extractor, "Ghana has requested Togo to return the seized boats, according to a new report by Reuters."
    )
    assert demand.stance == ATTRIBUTED
    assert origins(demand) == ["Reuters"]


def test_an_agency_saying_it_attributes_what_it_said(extractor):
    demand = first(extractor, "The news agency AFP said Lima also wanted Quito to pay compensation.")
    assert demand.stance == ATTRIBUTED
    assert "AFP" in origins(demand)


def test_writes_at_the_end_of_the_sentence_attributes(extractor):
    demand = first(extractor, "Hanoi is demanding that Beijing withdraw its survey ship, writes Bloomberg.")
    assert demand.stance == ATTRIBUTED and origins(demand) == ["Bloomberg"]


def test_the_next_sentence_can_credit_the_previous_one(extractor):
    text = (
        "The new Malian government is demanding that France withdraw its troops. "
        "This was reported by Reuters, citing Malian sources."
    )
    analysis = extractor.analyse(text)
    [demand] = [e for e in analysis.extractions if e.kind == DEMAND]
    assert demand.stance == ATTRIBUTED and origins(demand) == ["Reuters"]
    assert all(e.sentence.start == demand.sentence.start for e in analysis.extractions)


def test_a_later_also_reported_adds_an_origin(extractor):
    text = (
        "The agency Yonhap said Seoul wants Tokyo to pay compensation. "
        "Kyodo also reported this."
    )
    demand = first(extractor, text)
    assert origins(demand) == ["Yonhap", "Kyodo"]


def test_reportedly_hedges(extractor):
    demand = first(extractor, "Armenian officials have reportedly demanded the release of the prisoners.")
    assert demand.stance == HEDGED


def test_unverified_reports_hedge(extractor):
    demand = first(
        extractor, "There have been unverified reports that Minsk is demanding that Vilnius hand over the activists."
    )
    assert demand.stance == HEDGED


def test_unnamed_sources_hedge(extractor):
    demand = first(extractor, "Sources say Rwanda wants Congo to stop supporting the rebels.")
    assert demand.stance == HEDGED


def test_a_hedge_on_a_side_clause_does_not_hedge_the_main_event(extractor):
    event = first(
        extractor, "The general fled to Caracas aboard a military plane, reportedly taking millions in cash.", kind=EVENT
    )
    assert event.stance == ASSERTED


def test_a_negated_demand_is_denied(extractor):
    demand = first(extractor, "Norway has not demanded that Sweden hand over the suspect.")
    assert demand.negated and demand.stance == DENIED


def test_a_denial_is_denied(extractor):
    said = first(extractor, "The Chinese foreign ministry denied that it had received any request.", kind="statement")
    assert said.stance == DENIED
    assert said.actor.key == "China"


def test_an_unnamed_denial_yields_nothing_we_could_attach(extractor):
    assert extractor.analyse("The ministry denied that it had received any request.").extractions == []

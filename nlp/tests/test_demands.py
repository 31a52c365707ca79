"""Demands on invented stories: who demands what of whom, in the usual English shapes."""
from __future__ import annotations

import pytest

from nlp import DEMAND, DENIED, HEDGED, Extractor


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def demands(extractor, text):
    return [e for e in extractor.analyse(text).extractions if e.kind == DEMAND]


def test_it_reads_a_that_clause_demand_with_actor_target_and_object(extractor):
    [demand] = demands(extractor, "Kenya has demanded that Uganda hand over opposition leader Robert Kyagulanyi.")
    assert demand.actor.key == "Kenya"
    assert demand.target.key == "Uganda"
    assert demand.predicate == "hand over"
    assert demand.about.key.endswith("Kyagulanyi")


def test_it_reads_an_object_and_infinitive_demand(extractor):
    [demand] = demands(extractor, "Brazil requested Paraguay to extradite the banker Carlos Mendes.")
    assert (demand.actor.key, demand.target.key, demand.predicate) == ("Brazil", "Paraguay", "hand over")
    assert demand.about.key == "Carlos Mendes"


def test_it_reads_a_nominal_demand_and_finds_the_target_in_a_from_phrase(extractor):
    [demand] = demands(extractor, 'Greek officials are demanding "reparations" from Germany.')
    assert demand.predicate == "compensation"
    assert demand.target.key == "Germany"
    assert demand.actor.key == "Greece"


def test_it_reads_pressed_x_for_y(extractor):
    [demand] = demands(extractor, "Angela Merkel pressed Poland for a withdrawal of the new media law.")
    assert demand.actor.key == "Angela Merkel"
    assert demand.target.key == "Poland"
    assert demand.predicate == "withdraw"


def test_it_reads_calling_for_the_lifting_of_something(extractor):
    [demand] = demands(extractor, "Venezuela is calling for the lifting of American sanctions on its oil industry.")
    assert demand.actor.key == "Venezuela"
    assert demand.predicate == "lift"
    assert "sanction" in demand.terms


def test_the_same_demand_in_several_wordings_gets_one_predicate(extractor):
    wordings = [
        "Serbia demanded that Kosovo hand over the suspect Milan Radoicic.",
        "Serbia requested Kosovo to extradite the suspect Milan Radoicic.",
        "Serbia demanded the return of the suspect Milan Radoicic.",
        "Serbia is demanding that Kosovo surrender the suspect Milan Radoicic.",
        "Serbia demanded that Kosovo send back the suspect Milan Radoicic.",
    ]
    predicates = {demands(extractor, text)[0].predicate for text in wordings}
    assert predicates == {"hand over"}


def test_a_vague_verb_gives_way_to_the_concrete_thing_demanded(extractor):
    [demand] = demands(
        extractor,
        'Iraq wants Turkey to rebuild trust through "concrete measures such as compensation and reconstruction".',
    )
    assert demand.predicate == "compensation"
    assert demand.target.key == "Turkey"


def test_a_capital_making_a_demand_stands_for_its_state(extractor):
    [demand] = demands(extractor, "Nairobi is demanding that Kampala release the detained journalists.")
    assert demand.actor.key == "Kenya"
    assert demand.target.key == "Uganda"
    assert demand.predicate == "release"


def test_conjoined_actors_each_make_the_demand(extractor):
    found = demands(extractor, "Chile and Peru have demanded that Bolivia withdraw its troops from the border.")
    assert [(d.actor.key, d.target.key, d.predicate) for d in found] == [
        ("Chile", "Bolivia", "withdraw"), ("Peru", "Bolivia", "withdraw"),
    ]


def test_a_hedged_demand_is_hedged(extractor):
    [demand] = demands(extractor, "Egyptian officials have reportedly demanded that Ethiopia halt the filling of the dam.")
    assert demand.stance == HEDGED
    assert demand.predicate == "stop"


def test_a_demand_without_a_target_borrows_the_one_given_earlier(extractor):
    text = (
        "Morocco demanded that Algeria hand over the activist Ali Brahim. "
        "Moroccan officials also demanded the return of Ali Brahim."
    )
    first, second = demands(extractor, text)
    assert second.target is not None and second.target.key == first.target.key == "Algeria"


def test_a_refusal_is_a_denied_statement_of_the_same_action(extractor):
    extractions = extractor.analyse("Paraguay will not hand over Carlos Mendes, its foreign minister said.").extractions
    refusal = next(e for e in extractions if e.negated)
    assert refusal.stance == DENIED
    assert refusal.predicate == "hand over"


def test_wanting_to_do_something_oneself_is_not_a_demand(extractor):
    assert demands(extractor, "Portugal wants to build a new airport near Lisbon.") == []


def test_being_asked_about_something_is_not_a_demand(extractor):
    assert demands(extractor, "The minister was asked about the budget at a press conference.") == []


def test_appealing_a_decision_asks_for_nothing():
    from nlp import DEMAND, Extractor

    analysis = Extractor().analyse("Veltrix chief executive Anna Morvay said the company would appeal the fine.")
    assert [e for e in analysis.extractions if e.kind == DEMAND] == []


def test_a_phrasal_verb_the_parser_split_keeps_its_particle():
    from nlp import DEMAND, Extractor

    analysis = Extractor().analyse("Kestria insisted that Veltria hand over the businessman.")
    assert [e.predicate for e in analysis.extractions if e.kind == DEMAND] == ["hand over"]


def test_a_demand_refused_with_that_taken_for_a_pronoun_is_still_read():
    from nlp import DEMAND, Extractor

    analysis = Extractor().analyse("Veltria has refused Kestria's demand that it hand over the businessman.")
    assert [(e.actor.key, e.target.key) for e in analysis.extractions if e.kind == DEMAND] == [("Kestria", "Veltria")]


def test_calls_from_a_party_faced_by_another_are_its_demand_of_that_one():
    from nlp import DEMAND, Extractor

    analysis = Extractor().analyse("Veltria faces calls from Kestria to hand over the businessman.")
    assert [(e.actor.key, e.target.key) for e in analysis.extractions if e.kind == DEMAND] == [("Kestria", "Veltria")]


def test_pressure_from_a_party_to_act_is_its_demand():
    from nlp import DEMAND, Extractor

    analysis = Extractor().analyse("Veltria came under pressure from Kestria to hand over the businessman.")
    assert [(e.actor.key, e.target.key) for e in analysis.extractions if e.kind == DEMAND] == [("Kestria", "Veltria")]


def test_a_demand_made_is_not_read_from_a_relative_clause():
    from nlp import DEMAND, Extractor

    analysis = Extractor().analyse("Veltria rejected the demand that Kestria made last week.")
    assert [e for e in analysis.extractions if e.kind == DEMAND] == []


def test_a_demand_someone_declined_to_comment_on_is_reported_as_made():
    from nlp import DEMAND, NO_COMMENT, Extractor

    analysis = Extractor().analyse(
        "Veltrian spokesman Tarvo Linn declined to comment on the request from Kestria to hand over the businessman."
    )
    demands = [e for e in analysis.extractions if e.kind == DEMAND]
    assert [(e.actor.key, e.stance != NO_COMMENT) for e in demands] == [("Kestria", True)]


def test_a_threat_if_a_party_does_not_act_demands_that_it_act_and_is_no_refusal():
    from nlp import DEMAND, STATEMENT, Extractor

    analysis = Extractor().analyse(
        "Poland said it would recall its ambassador if Ukraine did not hand over the businessman by Friday."
    )
    demands = [(e.actor.key, e.target.key, e.predicate) for e in analysis.extractions if e.kind == DEMAND]
    refusals = [e for e in analysis.extractions if e.kind == STATEMENT and e.actor.key == "Ukraine"]
    assert demands == [("Poland", "Ukraine", "hand over")] and refusals == []


def test_what_a_demanded_thing_is_for_is_not_the_thing_demanded():
    from nlp import DEMAND, Extractor

    analysis = Extractor().analyse("Ukraine is demanding compensation from Poland for the losses.")
    assert [e.predicate for e in analysis.extractions if e.kind == DEMAND] == ["compensation"]


def test_the_government_capitalised_is_the_state_of_the_story_not_an_organisation_called_government():
    from nlp import DEMAND, Extractor

    analysis = Extractor().analyse(
        "The Chu Valley Growers' Union urged the Government to compensate farmers. Kazakhstan and "
        "Kyrgyzstan have disputed the water releases for weeks, and Kazakhstan blames the drought."
    )
    assert [e.target.key for e in analysis.extractions if e.kind == DEMAND] == ["Kazakhstan"]


def test_a_body_of_no_other_state_asks_the_government_of_the_capital_the_story_was_filed_from():
    from nlp import DEMAND, Extractor

    analysis = Extractor().analyse(
        "ASTANA, July 2 (Kazinform) - The Chu Valley Growers' Union called on the government to compensate "
        "farmers. Kyrgyzstan cut the water releases; Kyrgyz officials blamed the drought and Kyrgyz "
        "farmers protested."
    )
    assert [e.target.key for e in analysis.extractions if e.kind == DEMAND] == ["Kazakhstan"]


def test_a_renewed_call_for_something_to_be_done_is_read_however_the_parser_hangs_it(extractor):
    # The parser hangs "for the app to be suspended" on "renewed", not on "call".
    text = "The privacy group Kollektiv Datenruhe renewed its call for the app to be suspended for users under 15."
    found = [(d.actor.key, d.predicate) for d in demands(extractor, text)]
    assert found == [("Kollektiv Datenruhe", "stop")], found

"""Demands in reported speech, as nouns, coordinated, and the things that are not demands.

Invented stories only (Freedonia, Sylvania, invented companies and people).
"""
from __future__ import annotations

import pytest

from nlp import ATTRIBUTED, DEMAND, STATEMENT, Extractor


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def demands(extractor, text):
    return [e for e in extractor.analyse(text).extractions if e.kind == DEMAND]


def parties(demand):
    return (
        demand.actor.key if demand.actor is not None else None,
        demand.target.key if demand.target is not None else None,
    )


# -- the demand as a noun -------------------------------------------------------


def test_a_possessive_demand_noun_with_a_that_clause_is_a_demand_of_the_clause_subject(extractor):
    [demand] = demands(
        extractor, "Sylvania has rejected Freedonia's demand that Sylvania withdraw its troops from the border."
    )
    assert parties(demand) == ("Freedonia", "Sylvania")
    assert demand.predicate == "withdraw"


def test_a_call_by_one_party_on_another_to_act_is_a_demand(extractor):
    [demand] = demands(
        extractor,
        "The statement welcomed the call by Freedonia on Sylvania to reopen the border crossing for aid.",
    )
    assert parties(demand) == ("Freedonia", "Sylvania")
    assert demand.predicate == "reopen"


def test_renewing_a_demand_makes_the_subject_its_actor(extractor):
    [demand] = demands(
        extractor, "Freedonia on Monday renewed its demand that Sylvania release the detained fishermen."
    )
    assert parties(demand) == ("Freedonia", "Sylvania")
    assert demand.predicate == "release"


def test_a_demand_noun_that_only_refers_back_is_not_a_new_demand(extractor):
    assert demands(extractor, "The minister did not address its demand for a ceasefire.") == []


@pytest.mark.parametrize("verb", ["rejected", "accepted", "ignored"])
def test_a_demand_the_subject_answers_is_a_demand_made_of_it(extractor, verb):
    [demand] = demands(extractor, f"Sylvania {verb} Freedonia's demand that it release the detained fishermen.")

    assert parties(demand) == ("Freedonia", "Sylvania")  # "it" is the party answering
    assert demand.predicate == "release"


def test_a_demand_for_something_that_its_addressee_rejects_is_reported_as_made(extractor):
    [demand] = demands(extractor, "Sylvania rejected Freedonia's demand for compensation.")

    assert demand.actor.key == "Freedonia"
    assert demand.predicate == "compensation"


# -- coordinated objects ---------------------------------------------------------


def test_two_things_called_for_in_one_phrase_are_two_demands(extractor):
    first, second = demands(extractor, "Freedonia called for price caps and compensation for farmers.")
    assert (first.predicate, second.predicate) == ("cap", "compensation")
    assert first.content.text == "price caps"
    assert second.content.text == "compensation for farmers"
    assert parties(first) == parties(second) == ("Freedonia", None)


def test_a_second_thing_demanded_after_a_from_phrase_is_asked_of_whoever_acted(extractor):
    text = (
        "The Ostrava Dockers Union demanded a 9% pay rise from Brightwater Shipping and the reinstatement "
        "of six crane drivers dismissed by the Ostrava Harbour Board in May."
    )
    rise, reinstatement = demands(extractor, text)
    assert rise.target.key == "Brightwater Shipping"
    assert reinstatement.predicate == "reinstate"
    assert reinstatement.target.key == "Ostrava Harbour Board"
    assert "Brightwater" not in reinstatement.content.text


@pytest.mark.parametrize("text, predicate", [
    ("The Marland Supreme Court ordered the release of Jonas Marrek.", "release"),
    ("The regulator Sanvia on Tuesday ordered the recall of all batches of the drug Corvaxin.", "recall"),
    ("The Marland Supreme Court ordered a review of the case.", "review"),
])
def test_an_act_ordered_by_its_noun_is_a_demand(extractor, text, predicate):
    [demand] = demands(extractor, text)
    assert demand.cue == "order" and demand.predicate == predicate


@pytest.mark.parametrize("text", [
    "Velland Air ordered 50 jets from Harlow Aero.",
    "The Marland health ministry ordered millions of doses of the vaccine from Pellham Pharmaceuticals.",
    "The Marland health ministry ordered a batch of the vaccine from Pellham Pharmaceuticals.",
])
def test_a_thing_ordered_is_bought_not_demanded(extractor, text):
    assert demands(extractor, text) == []


@pytest.mark.parametrize("text, body", [
    ("The Tallis Dock Workers Union called the strike. The workers are demanding a 12% wage increase from "
     "the Tallis Port Company.", "Tallis Dock Workers Union"),
    ("The Ostrava Nurses Federation called a strike. Nurses demand that the Marland health ministry reverse "
     "the closure.", "Ostrava Nurses Federation"),
])
def test_people_acting_together_are_the_body_named_after_them(extractor, text, body):
    [demand] = demands(extractor, text)
    assert demand.actor.key == body


def test_people_two_bodies_are_named_after_are_neither(extractor):
    text = (
        "The Tallis Dock Workers Union and the Tallis Port Workers Guild called the strike. The workers are "
        "demanding a 12% wage increase from the Tallis Port Company."
    )
    assert [d.actor.key if d.actor else None for d in demands(extractor, text)] == [None]


@pytest.mark.parametrize("text, maker, predicate", [
    ("Freedonia's request for the extradition of Arkon Mirel is pending before a court in Sylvania.",
     "Freedonia", "hand over"),
    ("The Tallis Dock Workers Union went on strike. The union's demand for a housing allowance has been "
     "referred to a joint task team.", "Tallis Dock Workers Union", "allowance"),
])
def test_a_named_partys_demand_for_a_thing_is_its_demand_whatever_becomes_of_it(extractor, text, maker, predicate):
    [demand] = demands(extractor, text)
    assert (demand.actor.key, demand.predicate) == (maker, predicate)


# -- what is not a demand ------------------------------------------------------


def test_asking_whether_something_will_happen_is_a_question_not_a_demand(extractor):
    text = "A reporter asked whether Sylvania would release the fishermen before the summit."
    assert demands(extractor, text) == []


def test_a_demand_only_possible_advised_or_expected_is_not_made(extractor):
    assert demands(extractor, "Freedonia could demand that Sylvania withdraw its troops.") == []
    assert demands(extractor, "Freedonia is expected to call for sanctions on Sylvania.") == []
    assert demands(extractor, 'Sylvania should be asking Freedonia to move, not us," Maria Okafor said.') == []


@pytest.mark.parametrize("text", [
    "Freedonia will demand that Sylvania withdraw its troops.",
    "Freedonia plans to call for sanctions on Sylvania.",
    "Freedonia said it would again demand access for its vessels to Sylvanian waters.",
    "Brightwater Mining is preparing to ask Sylvania to extend its licence.",
])
def test_a_demand_announced_is_a_demand(extractor, text):
    [demand] = demands(extractor, text)
    assert parties(demand)[0] in ("Freedonia", "Brightwater Mining")


def test_a_demand_inside_a_condition_is_not_made(extractor):
    text = "If Freedonia demands compensation from Sylvania, the talks will collapse."
    assert demands(extractor, text) == []


def test_tell_and_order_command_only_with_an_infinitive(extractor):
    assert demands(extractor, "Maria Okafor told reporters that Sylvania had released the fishermen.") == []
    [demand] = demands(extractor, "The court in Freedonia ordered Brightwater Shipping to pay the fine.")
    assert demand.target.key == "Brightwater Shipping"
    assert demand.predicate == "pay"


# -- obligations and hopes in reported speech -----------------------------------


def test_saying_another_party_must_act_is_a_demand_of_it(extractor):
    [demand] = demands(extractor, "Freedonia says Brightwater Shipping must pay the outstanding port fees.")
    assert parties(demand) == ("Freedonia", "Brightwater Shipping")
    assert demand.predicate == "pay"


def test_a_direct_quotation_saying_another_must_act_is_the_speakers_demand_too(extractor):
    # The analysts' gold files count '"X must ...," said Y' as Y's demand of X (and Y's statement).
    text = '"Brightwater Shipping must pay the fees," said Maria Okafor.'
    [demand] = demands(extractor, text)
    assert parties(demand) == ("Maria Okafor", "Brightwater Shipping")
    assert (demand.predicate, demand.stance) == ("pay", ATTRIBUTED)
    assert any(e.kind == STATEMENT for e in extractor.analyse(text).extractions)


def test_hoping_another_party_will_act_is_a_demand_of_it(extractor):
    [demand] = demands(extractor, "Freedonia said on Monday it hoped Sylvania would release the fishermen.")
    assert parties(demand) == ("Freedonia", "Sylvania")
    assert (demand.predicate, demand.cue) == ("release", "hope")


# -- wanting and seeking a thing ------------------------------------------------


def test_wanting_a_rise_from_someone_is_a_demand_of_them(extractor):
    [demand] = demands(extractor, "The Ostrava Dockers Union wants a 9% pay rise from Brightwater Shipping.")
    assert parties(demand) == ("Ostrava Dockers Union", "Brightwater Shipping")
    assert demand.predicate == "raise"


def test_seeking_a_sum_from_someone_is_a_demand_of_them(extractor):
    [demand] = demands(extractor, "Freedonia is seeking $40 million in unpaid royalties from Brightwater Shipping.")
    assert parties(demand) == ("Freedonia", "Brightwater Shipping")


def test_wanting_a_thing_with_no_giver_or_amount_is_not_a_demand(extractor):
    assert demands(extractor, "Freedonia wants a new airport near its capital.") == []


# -- who the description names ------------------------------------------------


def test_a_body_named_in_the_modifier_makes_the_demand(extractor):
    [demand] = demands(
        extractor, "SOLVA, May 3 (Reuters) - Ostrava Relief Council agencies demanded that Sylvania open the border."
    )
    assert parties(demand) == ("Ostrava Relief Council", "Sylvania")


def test_the_union_is_the_one_the_article_calls_the_union_elsewhere(extractor):
    text = (
        "Dokaro, the dockworkers' union, said the strike would go on.\n\n"
        "The union is pressing Brightwater Shipping for a 9% increase."
    )
    demand = demands(extractor, text)[-1]
    assert parties(demand) == ("Dokaro", "Brightwater Shipping")


def test_the_port_authority_is_the_organisation_whose_name_holds_those_words(extractor):
    text = (
        "Workers at the Port of Solva Authority walked out.\n\n"
        "Maria Okafor urged the port authority to reinstate the six crane drivers."
    )
    demand = demands(extractor, text)[-1]
    assert demand.target.key == "Port of Solva Authority"


def test_the_government_is_the_state_the_article_is_about(extractor):
    text = (
        "Freedonia said its troops were ready. Freedonia's army chief visited the border, and Freedonian "
        "officials met Sylvanian envoys in Geneva.\n\n"
        "The Ostrava Dockers Union urged the government to reopen the port."
    )
    demand = demands(extractor, text)[-1]
    assert demand.target.key == "Freedonia"


def test_a_group_led_by_a_named_body_demands_through_it(extractor):
    text = "Farmers' groups, led by the Freedonian Farmers Federation, called on Sylvania to lift the tariffs."
    [demand] = demands(extractor, text)
    assert parties(demand) == ("Freedonian Farmers Federation", "Sylvania")


def test_a_subject_with_an_apposition_still_makes_the_demand(extractor):
    text = "The Solva Mining Watch Coalition, a grouping of 20 charities, called on Sylvania to publish the audit."
    [demand] = demands(extractor, text)
    assert parties(demand) == ("Solva Mining Watch Coalition", "Sylvania")


def test_called_on_a_party_described_at_length_still_reads_the_infinitive(extractor):
    text = (
        "UN agencies called on the Sylvanian Liberation Front, the armed group holding the north, "
        "to open a corridor."
    )
    [demand] = demands(extractor, text)
    assert demand.predicate == "open"
    assert demand.target is not None and demand.target.key == "Sylvanian Liberation Front"


def test_for_its_part_is_an_aside_not_the_thing_asked_for(extractor):
    text = "Sylvania, for its part, is pressing Freedonia for the release of its fishermen."
    [demand] = demands(extractor, text)
    assert parties(demand) == ("Sylvania", "Freedonia")
    assert demand.predicate == "release"


def test_no_one_demands_of_themselves(extractor):
    text = (
        "The Freedonian Competition Authority opened an inquiry into Brightwater Shipping last month.\n\n"
        "The Freedonian Competition Authority has asked the company to produce its pricing records."
    )
    demand = demands(extractor, text)[-1]
    assert parties(demand) == ("Freedonian Competition Authority", "Brightwater Shipping")


def test_a_clause_before_the_trigger_is_not_what_is_demanded(extractor):
    text = (
        "The Freedonian Competition Authority did something new: it demanded that Brightwater Shipping "
        "open its books."
    )
    [demand] = demands(extractor, text)
    assert demand.target.key == "Brightwater Shipping"
    assert "open" in demand.content.text


def test_a_relative_clause_demand_is_made_by_the_noun_it_qualifies(extractor):
    text = "Freedonia, which in May called on Sylvania to reopen the border, said it supported the plan."
    [demand] = demands(extractor, text)
    assert parties(demand) == ("Freedonia", "Sylvania")


def test_the_army_is_the_armed_force_the_article_names_not_its_state(extractor):
    text = (
        "The Sylvanian Armed Forces closed the road in March.\n\n"
        "Freedonia is pressing the Sylvanian army to reopen the road for aid."
    )
    demand = demands(extractor, text)[-1]
    assert parties(demand) == ("Freedonia", "Sylvanian Armed Forces")


def test_a_second_demand_verb_after_a_bare_clause_keeps_the_first_demander(extractor):
    text = (
        "Freedonia's finance ministry has demanded that Brightwater Shipping pay $40 million in back taxes, "
        "and wants the company to pay a higher port levy from now on."
    )
    first, second = demands(extractor, text)
    assert parties(first) == ("Freedonia", "Brightwater Shipping")
    assert parties(second) == ("Freedonia", "Brightwater Shipping")


def test_whoever_reports_a_demand_is_not_its_target(extractor):
    text = (
        "Brightwater Shipping runs the port of Solva.\n\n"
        "Freedonia is seeking $40 million in unpaid fees from the company, the Solva Gazette reported."
    )
    demand = demands(extractor, text)[-1]
    assert demand.target is not None and demand.target.key != "Solva Gazette"


def test_the_army_alone_is_the_one_armed_force_the_article_names(extractor):
    text = (
        "The Sylvanian Armed Forces closed the road in March.\n\n"
        "Freedonia has called on the army to reopen the road."
    )
    demand = demands(extractor, text)[-1]
    assert parties(demand) == ("Freedonia", "Sylvanian Armed Forces")


def test_a_thing_asked_for_that_the_parser_made_a_clause_subject_is_still_read(extractor):
    text = "The Freedonian Competition Authority is pressing Brightwater Shipping for pricing data going back to 2020."
    [demand] = demands(extractor, text)
    assert parties(demand) == ("Freedonian Competition Authority", "Brightwater Shipping")
    assert "pricing" in demand.content.text


def test_a_states_field_watchdog_is_the_body_named_for_that_field_and_state(extractor):
    text = (
        "The Competition Commission of Freedonia opened an inquiry in May.\n\n"
        "Freedonia's competition watchdog demands pricing documents from Brightwater Shipping."
    )
    demand = demands(extractor, text)[-1]
    assert parties(demand) == ("Competition Commission of Freedonia", "Brightwater Shipping")


def test_a_dateline_the_parser_made_a_subject_does_not_make_the_demand(extractor):
    text = (
        "Sylvania talks resume\n\n"
        "Solva, May 8 (FNA).- The Freedonian Liberation Front reiterated on Thursday its demand that "
        "Sylvania release its jailed members."
    )
    demand = demands(extractor, text)[-1]
    assert demand.actor.key == "Freedonian Liberation Front"


def test_her_group_is_the_organisation_the_article_names_her_as_belonging_to(extractor):
    text = (
        "Maria Okafor, convenor of the Freedonian Farmers Forum, said her group wanted Sylvania "
        "to lift the tariffs."
    )
    [demand] = demands(extractor, text)
    assert parties(demand) == ("Freedonian Farmers Forum", "Sylvania")


def test_it_also_wants_carries_on_the_last_demander(extractor):
    text = (
        "Sylvania closed the road in May. Ostrava Relief Council agencies are pressing Sylvania for access "
        "to the north. They also want Freedonia to open its border."
    )
    demand = demands(extractor, text)[-1]
    assert parties(demand) == ("Ostrava Relief Council", "Freedonia")


def test_a_dateline_subject_gives_way_to_the_name_set_beside_it(extractor):
    text = (
        "PRESS RELEASE\n\n"
        "Solva, 14 March 2025 — The Freedonian Farmers Forum today called on Sylvania to lift the tariffs."
    )
    demand = demands(extractor, text)[-1]
    assert parties(demand) == ("Freedonian Farmers Forum", "Sylvania")


def test_a_second_thing_the_parser_joined_to_the_verb_after_a_relative_clause_is_a_demand_too(extractor):
    text = (
        "The Ostrava Dockers Union wants a 9% pay rise from Brightwater Shipping, which runs the two "
        "container terminals, and the reinstatement of six crane drivers dismissed by the Ostrava Harbour "
        "Board in May."
    )
    rise, reinstatement = demands(extractor, text)
    assert parties(rise) == ("Ostrava Dockers Union", "Brightwater Shipping")
    assert parties(reinstatement) == ("Ostrava Dockers Union", "Ostrava Harbour Board")
    assert reinstatement.predicate == "reinstate"


# -- time limits -------------------------------------------------------------------


def test_giving_a_party_until_a_date_to_act_is_a_demand_of_it(extractor):
    text = (
        "The Sylvanian Athletics Agency has given the Freedonian Athletics Federation until June 30 "
        "to hand over complete records of sample collection."
    )
    [demand] = demands(extractor, text)
    assert parties(demand) == ("Sylvanian Athletics Agency", "Freedonian Athletics Federation")
    assert (demand.predicate, demand.cue) == ("hand over", "deadline")


def test_setting_a_party_a_deadline_to_act_is_a_demand_of_it(extractor):
    [demand] = demands(extractor, "Sylvania set Freedonia a deadline of Friday to release the fishermen.")
    assert parties(demand) == ("Sylvania", "Freedonia")
    assert demand.predicate == "release"


def test_giving_a_party_a_chance_or_permission_demands_nothing(extractor):
    assert demands(extractor, "Sylvania gave Freedonia a chance to release the fishermen.") == []
    assert demands(extractor, "The court gave Brightwater Shipping permission to appeal.") == []


# -- documents that demand -----------------------------------------------------------


def test_a_letter_urging_a_party_to_act_is_the_demand_of_whoever_signed_it(extractor):
    text = (
        "The Freedonian Dockers Union and 40 other groups signed an open letter urging Brightwater "
        "Shipping to reinstate the six crane drivers."
    )
    [demand] = demands(extractor, text)
    assert parties(demand) == ("Freedonian Dockers Union", "Brightwater Shipping")


def test_a_letter_received_is_not_the_receivers_demand(extractor):
    text = "The Freedonian Dockers Union received a letter urging Brightwater Shipping to reinstate the drivers."
    assert all(d.actor is None for d in demands(extractor, text))


def test_members_of_a_body_written_with_its_initials_act_as_the_body(extractor):
    text = (
        "The Sylvanian Assembly voted on Monday. "
        "MSAs have urged Brightwater Shipping not to close the port before the talks end."
    )
    [demand] = demands(extractor, text)
    assert parties(demand) == ("Sylvanian Assembly", "Brightwater Shipping")


def test_members_initials_that_spell_no_named_body_name_nobody(extractor):
    text = "MSAs have urged Brightwater Shipping not to close the port before the talks end."
    assert all(d.actor is None for d in demands(extractor, text))


# -- for-clauses, addressees and that-less clauses -------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "predicate"),
    [
        ("The Freedonian Dockers Union is calling for Brightwater Shipping to reinstate the six crane drivers.",
         ("Freedonian Dockers Union", "Brightwater Shipping"), "reinstate"),
        ("Sylvania has pushed for Freedonia to release the detained fishermen.", ("Sylvania", "Freedonia"), "release"),
        ("The Freedonian Dockers Union appealed to Brightwater Shipping to reopen the terminal.",
         ("Freedonian Dockers Union", "Brightwater Shipping"), "reopen"),
        ("Freedonia warned Sylvania to stop the drills near the border.", ("Freedonia", "Sylvania"), "stop"),
        # The parser takes this infinitive for a clause of purpose ("advcl"), not a complement.
        ("The Freedonian Dockers Union appealed to Brightwater Shipping to release the crew.",
         ("Freedonian Dockers Union", "Brightwater Shipping"), "release"),
    ],
    ids=["calling for X to", "pushed for X to", "appealed to X to", "warned X to", "appealed to X to (purpose)"],
)
def test_a_party_that_must_act_after_for_or_an_addressing_preposition_is_the_target(
    extractor, text, expected, predicate
):
    [demand] = demands(extractor, text)
    assert parties(demand) == expected
    assert demand.predicate == predicate


def test_a_purpose_clause_after_an_addressee_with_its_own_subject_or_none_asked_is_no_demand(extractor):
    assert demands(extractor, "Freedonia appealed to Sylvania in order to calm the markets.") == []


def test_a_warning_that_something_may_happen_demands_nothing(extractor):
    assert demands(extractor, "Freedonia warned that the drills could escalate tensions along the border.") == []


def test_renewing_the_demand_with_no_content_repeats_the_makers_earlier_demand(extractor):
    first, renewed = demands(
        extractor,
        "Freedonia demanded that Sylvania withdraw its troops. "
        "In March 2025, Freedonia renewed the demand after Sylvania again issued permits for the new season.",
    )
    assert parties(renewed) == ("Freedonia", "Sylvania")
    assert renewed.predicate == first.predicate == "withdraw"
    assert renewed.sentence.text.startswith("In March 2025")


def test_renewing_a_demand_never_made_in_the_article_is_no_demand(extractor):
    assert demands(extractor, "Freedonia renewed the demand on Monday.") == []


# -- an object and an infinitive the parser broke ------------------------------


def test_an_infinitive_the_parser_took_for_a_purpose_clause_is_what_the_named_object_must_do(extractor):
    [demand] = demands(
        extractor,
        "The Minister of Mines of Freedonia, Mr Karl Ostrander, has enjoined the mining company Brightwater "
        "Mining (BWM) to proceed, within a period of thirty (30) days, to the payment of the sum of 612 million "
        "American dollars.",
    )
    assert parties(demand) == ("Karl Ostrander", "Brightwater Mining")
    assert demand.predicate == "proceed"


def test_an_infinitive_after_an_object_that_names_no_party_is_not_a_demand_of_it(extractor):
    assert demands(extractor, "The union demanded a plan to cut costs.") == []


def test_the_target_of_an_object_infinitive_is_the_name_set_beside_the_common_noun(nlp):
    from nlp.demand_verbs import _apposed_name

    doc = nlp("Freedonia has enjoined the mining company Brightwater Mining (BWM) to proceed to the payment.")
    company = next(t for t in doc if t.text == "company")
    assert _apposed_name(company).text == "Mining"


# -- demands by people the article does not name ----------------------------------


def test_a_demand_by_an_unnamed_group_is_kept_with_no_actor(extractor):
    caps, compensation = demands(extractor, "Patients' groups in Freedonia have called for price caps and compensation.")
    assert (caps.actor, caps.target) == (None, None)
    assert (caps.predicate, compensation.predicate) == ("cap", "compensation")
    assert caps.stance == "asserted"


def test_a_wish_of_an_unnamed_group_is_still_no_demand(extractor):
    assert demands(extractor, "Analysts want higher dividends.") == []


def test_a_known_demand_joined_to_the_first_things_modifier_is_a_demand_of_its_own(extractor):
    caps, compensation = demands(
        extractor, "Freedonia called for price caps on all insulin formulations and compensation for overcharged patients."
    )
    assert (caps.predicate, compensation.predicate) == ("cap", "compensation")
    assert caps.content.text == "price caps on all insulin formulations"
    assert compensation.content.text == "compensation for overcharged patients"


def test_a_plain_noun_joined_to_the_first_things_modifier_stays_part_of_it(extractor):
    [caps] = demands(extractor, "Freedonia called for price caps on all insulin formulations and devices.")
    assert caps.predicate == "cap"


# -- a document or "it also" carrying on the demand just reported -------------------


def test_a_letter_saying_a_party_must_act_carries_on_the_demand_just_reported(extractor):
    _, more = demands(
        extractor,
        "Freedonia demanded that Brightwater Mining pay its taxes. "
        "The letter says Brightwater Mining must also publish its accounts.",
    )
    assert parties(more) == ("Freedonia", "Brightwater Mining")
    assert more.predicate == "publish"


def test_it_also_says_with_a_clause_the_parser_broke_is_read_in_word_order(extractor):
    _, more = demands(
        extractor,
        "Freedonia's government is demanding that Brightwater Mining pay $612 million in back taxes. "
        "It also says Brightwater Mining must in future pay royalties at the 10% rate, according to Reuters.",
    )
    assert parties(more) == ("Freedonia", "Brightwater Mining")
    assert more.predicate == "pay"
    assert more.stance == "attributed"


def test_an_obligation_on_no_party_is_no_demand(extractor):
    assert demands(extractor, "The minister said the talks must go on.") == []


# -- a thing made a condition ------------------------------------------------------


def test_making_a_release_a_condition_for_an_agreement_demands_the_release(extractor):
    [demand] = demands(extractor, "Freedonia has made the hostages' release a condition for any further agreement.")
    assert parties(demand)[0] == "Freedonia"
    assert demand.predicate == "release"


def test_making_something_a_hazard_is_no_demand(extractor):
    assert demands(extractor, "The rain made the road a hazard.") == []

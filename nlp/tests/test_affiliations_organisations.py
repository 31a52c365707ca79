"""A person who leads or speaks for an organisation acts for it (affiliations.py).

Invented sentences only: one test per rule.
"""

from __future__ import annotations

import pytest

from nlp.actors import ActorIndex
from nlp.pipeline import Extractor


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def _organisations(nlp, text: str) -> dict[str, str]:
    index = ActorIndex.build(nlp(text))
    return {a.member: a.state for a in index.affiliations if a.label == "ORG"}


def _acts_for(nlp, text: str, member: str, organisation_word: str) -> bool:
    found = _organisations(nlp, text)
    return member in found and organisation_word in found[member]


def test_an_organisation_before_a_role_and_name_affiliates_the_person(nlp):
    text = "Freedonia Dockworkers Union chairman Maria Okafor told reporters the strike would go on."
    assert _acts_for(nlp, text, "Maria Okafor", "Dockworkers")


def test_the_word_an_organisations_name_ends_in_before_a_role_affiliates_the_person(nlp):
    text = ("The Bravik Oyster Cooperative has sued the port authority. Cooperative president Joaquim Lobato "
            "said catches had fallen by 60%.")
    assert _organisations(nlp, text).get("Joaquim Lobato") == "Bravik Oyster Cooperative"

def test_an_organisations_possessive_role_in_apposition_affiliates_the_person(nlp):
    text = "Maria Okafor, the Sylvanian Liberation Front's chief negotiator, said the talks had stalled."
    assert _acts_for(nlp, text, "Maria Okafor", "Liberation Front")


def test_a_role_of_an_organisation_in_apposition_affiliates_the_person(nlp):
    text = "Maria Okafor, general secretary of the Freedonia Nurses Federation, called for a pay rise."
    assert _acts_for(nlp, text, "Maria Okafor", "Nurses Federation")


def test_a_spokeswoman_for_an_organisation_acts_for_it(nlp):
    text = "Maria Okafor, a spokeswoman for the Global Grain Alliance, said convoys were waiting."
    assert _acts_for(nlp, text, "Maria Okafor", "Grain Alliance")


def test_a_person_who_heads_an_organisation_acts_for_it(nlp):
    text = "Maria Okafor, who heads the Freedonia Patients Network, said prices must fall."
    assert _acts_for(nlp, text, "Maria Okafor", "Patients Network")


def test_a_role_before_the_name_and_the_organisation_after_it_affiliates_the_person(nlp):
    text = "Union leader Maria Okafor of the Freedonia Dockworkers Union rejected the offer."
    assert _acts_for(nlp, text, "Maria Okafor", "Dockworkers")


def test_a_former_leader_does_not_act_for_the_organisation(nlp):
    text = "Former Freedonia Dockworkers Union chairman Maria Okafor said she backed the strike."
    assert "Maria Okafor" not in _organisations(nlp, text)


def test_an_analyst_at_an_organisation_does_not_act_for_it(nlp):
    text = "Maria Okafor, an analyst at Sylvania Capital Partners, said the offer was generous."
    assert "Maria Okafor" not in _organisations(nlp, text)


def test_an_organisation_affiliation_is_not_a_state(nlp):
    index = ActorIndex.build(nlp("Freedonia Dockworkers Union chairman Maria Okafor said the strike would go on."))
    assert index.state_of("Maria Okafor") is None


def test_a_state_title_still_wins_over_an_organisation(nlp):
    text = "France's foreign minister Maria Okafor said the talks would resume."
    index = ActorIndex.build(nlp(text))
    assert index.state_of("Maria Okafor") == "France"
    assert "Maria Okafor" not in _organisations(nlp, text)


def test_a_determiner_is_never_read_as_a_state(nlp):
    index = ActorIndex.build(nlp("The head of the delegation, Maria Okafor, arrived on Monday."))
    assert index.state_of("Maria Okafor") is None


def test_the_organisations_common_noun_stands_for_the_organisation_named_before(nlp):
    text = (
        "The Freedonia Dockworkers Union called a strike on Monday. "
        "The union's chairman, Maria Okafor, said it would last a week."
    )
    assert _acts_for(nlp, text, "Maria Okafor", "Dockworkers")


def test_a_common_noun_with_no_organisation_named_before_affiliates_nobody(nlp):
    text = "The union's chairman, Maria Okafor, said the strike would last a week."
    assert "Maria Okafor" not in _organisations(nlp, text)


def _states(nlp, text: str) -> dict[str, str]:
    index = ActorIndex.build(nlp(text))
    return {a.member: a.state for a in index.affiliations if a.label == "GPE"}


def test_a_ministry_named_after_its_state_acts_for_the_state(nlp):
    text = "The Canadian Department of Fisheries said on Monday that it wanted Acme Shipping to pay the fines."
    assert _states(nlp, text) == {"Canadian Department of Fisheries": "Canada"}


def test_an_organisation_named_after_a_state_that_is_no_ministry_does_not_act_for_it(nlp):
    text = "The Canadian Fishermen's Federation said on Monday that it wanted Acme Shipping to pay the fines."
    assert _states(nlp, text) == {}


def test_a_ministry_known_by_name_after_its_states_name_acts_for_the_state():
    from nlp import Extractor, KnownAlias

    extractor = Extractor(known_aliases=[KnownAlias("Interior Department", "Interior Department", "ORG")])
    analysis = extractor.analyse(
        "Brazil Interior Department officials said in a statement that they wanted Acme Shipping to pay the fines."
    )
    assert {(a.member, a.state) for a in analysis.affiliations} == {("Interior Department", "Brazil")}


def _states(nlp, text: str) -> dict[str, str]:
    index = ActorIndex.build(nlp(text))
    return {a.member: a.state for a in index.affiliations if a.label == "GPE"}


def test_a_state_before_a_portfolio_of_two_fields_beats_the_dateline(nlp):
    text = "BRUSSELS (AFP) - Denmark's Fisheries and Oceans Minister Ragna Holm said on Monday that talks would resume."
    assert _states(nlp, text).get("Ragna Holm") == "Denmark"


def test_a_name_the_model_took_for_a_place_before_a_role_and_a_person_is_their_organisation(nlp):
    # The small model tags the unknown company as a place; the role between it and a person's name
    # says it is a body the person speaks for.
    text = "Veltrix chief executive Anna Morvay said the company would appeal the fine."
    assert _organisations(nlp, text) == {"Anna Morvay": "Veltrix"}


def test_a_name_the_model_missed_before_a_role_and_a_person_is_their_organisation(nlp):
    text = "SKM managing director Chen Zhiyuan told reporters the company had always respected the law."
    assert _organisations(nlp, text) == {"Chen Zhiyuan": "SKM"}



def test_the_companys_role_in_apposition_is_held_in_the_company_named_last(nlp):
    text = ('Brenmoor Metals rejected the claim. "The tax had been paid," Petr Hal, the company\'s spokesman, '
            "told Reuters.")
    assert _organisations(nlp, text) == {"Petr Hal": "Brenmoor Metals"}


def test_the_groups_role_before_the_name_is_held_in_the_organisation_named_last(nlp):
    text = "The Collectif Norvane has filed a complaint. The group's spokeswoman Noemie Kadar said the data was still held."
    assert _organisations(nlp, text) == {"Noemie Kadar": "Collectif Norvane"}


def test_an_outlet_only_told_is_not_the_company_meant(nlp):
    text = ('Petr Hal told Reuters on Monday that the tax had been paid. "We owe nothing," said Anna Morvay, '
            "the company's chief executive.")
    assert "Anna Morvay" not in _organisations(nlp, text)


def test_a_ministry_whose_name_ends_with_its_state_acts_for_the_state(nlp):
    text = "The Ministry of Water Resources and Irrigation of the Republic of Kazakhstan said the releases had fallen."
    assert set(_states(nlp, text).values()) == {"Kazakhstan"}


def test_a_ministry_followed_by_of_and_its_state_acts_for_the_state(nlp):
    text = "The Ministry of Defence of Turkey said the drone had been shot down."
    assert set(_states(nlp, text).values()) == {"Turkey"}


def test_a_coast_guard_named_after_its_state_acts_for_the_state(nlp):
    text = "The Norwegian Coast Guard said it had boarded the trawler on Tuesday."
    assert _states(nlp, text) == {"Norwegian Coast Guard": "Norway"}


def test_a_regulator_named_after_a_union_of_states_acts_for_no_state(nlp):
    text = "The European Union Aviation Safety Agency said it would review the waiver."
    assert _states(nlp, text) == {}


def test_a_department_named_without_its_state_in_a_story_from_a_capital_is_not_that_states(nlp):
    # A bare "Department for ..." or "Foreign Office" is one entity for every story in the corpus.
    text = ("OSLO, Jan 15 (Reuters) - Britain demanded that Norway reverse its quota increase.\n\n"
            "London pressed Oslo to withdraw the increase, the Department for Environment, Food and Rural "
            "Affairs said in a statement.")
    assert "Norway" not in _states(nlp, text).values()


def test_a_liberation_army_is_no_states(nlp):
    text = "BOGOTA, May 2 (AP) - The National Liberation Army freed seven soldiers on Friday."
    assert _states(nlp, text) == {}


def _cities(nlp, text: str) -> dict[str, str]:
    index = ActorIndex.build(nlp(text))
    return {a.member: a.state for a in index.affiliations if a.label == "GPE"}


@pytest.mark.parametrize(
    "text",
    [
        "The mayor of Ravenna, Paolo Greco, called on the striking bus drivers to return to work.",
        "Ravenna mayor Paolo Greco called on the striking bus drivers to return to work.",
        "Paolo Greco, the mayor of Ravenna, said the city could not pay more.",
    ],
)
def test_a_mayor_acts_for_the_city(nlp, text):
    # The small model takes the city for a person or a company; only a town has a mayor.
    assert _cities(nlp, text) == {"Paolo Greco": "Ravenna"}


def test_a_mayors_city_is_never_whom_the_mayor_addresses(extractor):
    text = "The mayor of Porto Alegre, Caetano Vilela Bastos, called on the teachers to return to the classrooms."
    demand = next(x for x in extractor.analyse(text).extractions if x.kind == "demand")
    assert demand.target is None or demand.target.key != "Porto Alegre"


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ('"He did his job," said Hafenblatt editor-in-chief Jonas Albrecht.', "Hafenblatt"),
        ('"He did his job," said Brennholm chief executive Jonas Albrecht.', "Brennholm"),
    ],
)
def test_a_name_taken_for_a_person_before_a_role_only_a_body_has_is_the_body(nlp, text, company):
    # The small model tags both made-up company names as people here.
    assert _organisations(nlp, text) == {"Jonas Albrecht": company}


def test_a_persons_spokesman_speaks_for_no_body(nlp):
    text = "Putin spokesman Dmitry Peskov said the talks would go on."
    assert "Dmitry Peskov" not in _organisations(nlp, text)


def test_a_judge_named_by_title_acts_for_the_court_named_before(nlp):
    text = ("On Thursday the Varnen Labour Court granted the company an interdict. Judge Nomvula Zulu also "
            "ordered the parties to attend mediation.")
    assert _organisations(nlp, text).get("Nomvula Zulu") == "Varnen Labour Court"

"""Speakers and parties named by description: an organisation behind "the company", a person
the small model tags as an organisation, interview prompts without a question mark, and a
denial said as "had nothing to do with".

Invented stories only (Freedonia, Sylvania, Zenda and their people).
"""
from __future__ import annotations

import pytest

from nlp import DEMAND, STATEMENT, Extractor
from nlp.discourse import name_word_holds


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def extractions(extractor, text, kind):
    return [e for e in extractor.analyse(text).extractions if e.kind == kind]


def said(extractor, text, words):
    found = [e for e in extractions(extractor, text, STATEMENT) if e.content is not None and words in e.content.text]
    assert found, [(e.actor, e.content) for e in extractions(extractor, text, STATEMENT)]
    return found[0]


def test_the_company_said_is_the_organisation_last_acting_as_subject(extractor):
    text = (
        "Zenda Mining Corporation operates two copper mines in northern Freedonia.\n\n"
        "In a statement, Zenda Mining Corporation said it had paid every royalty due. "
        'The company said it would "fight the claim in every court available".'
    )
    statement = said(extractor, text, "fight the claim")
    assert statement.actor is not None and statement.actor.key == "Zenda Mining Corporation"


def test_a_company_insider_speaks_for_the_organisation_just_in_focus(extractor):
    text = (
        "The Sylvanian Rowing Federation has suspended its season.\n\n"
        'And the SRFd is in turmoil. A federation insider told us: "Nobody knows who is in charge."'
    )
    statement = said(extractor, text, "Nobody knows")
    assert statement.actor is not None and statement.actor.key in ("SRFd", "Sylvanian Rowing Federation")


def test_a_name_tagged_as_organisation_with_a_personal_post_is_a_person_for_she_said(extractor):
    text = (
        "Maria Okafor Benedetti, the head of the Freedonian delegation, has spoken to reporters outside "
        "the hall, an hour after the talks ended. \"The hostages first. Then we talk about the rest,\" she said."
    )
    statement = said(extractor, text, "hostages first")
    assert statement.actor is not None and statement.actor.key == "Maria Okafor Benedetti"


def test_a_long_noun_names_an_organisation_whose_name_word_ends_in_it():
    assert name_word_holds("confederation", "federation")
    assert not name_word_holds("union", "onion")
    assert not name_word_holds("government", "men")


def test_the_athletics_federation_is_the_confederation_named_before(extractor):
    text = (
        "The Freedonian Athletics Confederation (FAC) has not published its test results.\n\n"
        "The Sylvanian Anti-Doping Agency has demanded that the Freedonian Athletics Confederation "
        "hand over its testing data. The agency also wants the federation to publish the full list of tests."
    )
    demands = [d for d in extractions(extractor, text, DEMAND) if d.predicate == "publish"]
    assert demands and demands[0].target is not None
    assert demands[0].target.key == "Freedonian Athletics Confederation"


def test_a_person_is_never_the_organisation_a_definite_noun_names(extractor):
    text = (
        "Maria Okafor on the doping row, the federation and the Games\n\n"
        "The Sylvanian Anti-Doping Agency says it wants the federation to hand over all its testing data."
    )
    for demand in extractions(extractor, text, DEMAND):
        assert demand.target is None or demand.target.key != "Maria Okafor"


def test_an_interview_prompt_put_to_you_without_a_question_mark_gets_an_answer(extractor):
    text = (
        "Maria Okafor won the Freedonian 400m title last month. We spoke to her by phone.\n\n"
        "Have you been told of any finding?\n"
        "No. Nothing at all.\n\n"
        "Your coach says you are the hardest-working athlete in Freedonia.\n"
        "She exaggerates. But only a little.\n"
    )
    statement = said(extractor, text, "She exaggerates")
    assert statement.actor is not None and statement.actor.key == "Maria Okafor"


def test_saying_a_thing_had_nothing_to_do_with_another_denies_the_link(extractor):
    text = (
        "Zenda Shipping dismissed twelve dockers in March.\n\n"
        "Maria Okafor, a spokeswoman for Zenda Shipping, said the dismissals had nothing to do with the strike."
    )
    statement = said(extractor, text, "nothing to do with")
    assert statement.stance == "denied"


def test_a_demand_its_maker_reiterates_is_reported_as_made(extractor):
    text = (
        "The Freedonian Liberation Front said in March that the government must free its jailed members.\n\n"
        "The Freedonian Liberation Front on Thursday reiterated its demand that the Sylvanian government "
        "release the prisoners."
    )
    demands = [d for d in extractions(extractor, text, DEMAND) if "reiterated" in d.sentence.text]
    assert demands and demands[0].stance == "asserted"


def test_a_mixed_case_dateline_is_not_the_speaker(extractor):
    text = (
        "Freedonia City, May 8 (ZNA).- The Sylvanian Workers Union reiterated on Thursday that "
        "the strike would continue until wages rose."
    )
    statements = extractions(extractor, text, STATEMENT)
    assert statements and statements[0].actor is not None
    assert statements[0].actor.key == "Sylvanian Workers Union"


def test_a_title_before_a_name_gives_the_person_as_speaker(extractor):
    text = (
        "Budget and trade commissioner Maria Okafor said Freedonia had made "
        '"some progress, but not nearly enough".'
    )
    statements = extractions(extractor, text, STATEMENT)
    assert statements and statements[0].actor is not None
    assert statements[0].actor.key == "Maria Okafor"



def test_a_reporting_tail_whose_outlet_the_parser_misplaced_still_credits_it(extractor):
    text = (
        "The Sylvanian Commission allegedly signalled its willingness to make a partial payment during "
        "Friday's meeting between Budget Commissioner Maria Okafor and trade minister Tomas Virtanen, "
        "Zenda Europe reported."
    )
    found = [e for e in extractions(extractor, text, STATEMENT) if e.cue == "signal"]
    assert found and found[0].stance == "attributed"
    assert "Zenda Europe" in [origin.key for origin in found[0].origins]


def test_a_speaker_named_in_apposition_after_an_opening_clause_speaks(extractor):
    """"Asked about X, the head of Y, Name, said ...": the opening clause takes the subject as an
    apposition in the parse; the name closing with a comma right before the verb is the speaker."""
    text = (
        "Asked about the farmers' call for the return of its seized tractors, the leader of the ministry "
        "team, Anton Vell, said only that talks would go on."
    )
    doc = extractor.nlp(text)
    assert not [c for c in doc[[t.lemma_ for t in doc].index("say")].children if c.dep_ == "nsubj"]
    found = [e for e in extractor.analyse(text).extractions if e.kind == STATEMENT]
    assert [e.actor.key for e in found] == ["Anton Vell"]


def test_the_commission_is_the_commission_of_a_name_built_with_of(extractor):
    """"the commission" after "the Trade Commission of Freedonia": a name's head noun may stand
    before its "of"; and what the commission "suspects" is its view, credited to it."""
    text = (
        "The Trade Commission of Freedonia opened an inquiry into Zorvex Logistics on Monday. "
        "The commission suspects that Zorvex fixed freight rates with two rivals."
    )
    found = said(extractor, text, "fixed freight rates")
    assert found.actor.key == "Trade Commission of Freedonia"
    assert found.cue == "suspect"


def test_a_body_named_beside_its_department_noun_is_an_organisation_that_it_refers_to(extractor):
    """"its fisheries department, DG Ferris, said it wants ...": the department noun makes the
    name an organisation (not a person), so "it" is that department."""
    text = "The Freedonian Ministry's fisheries department, DG Ferris, said it wants Sylvania to return to the talks."
    [demand] = extractions(extractor, text, DEMAND)
    assert (demand.actor.key, demand.actor.label, demand.target.key) == ("DG Ferris", "ORG", "Sylvania")


def test_the_last_word_of_an_organisation_named_before_capitalised_with_the_is_that_organisation(extractor):
    text = (
        "The Sylvanian Road Hauliers' Forum said on Monday that fuel costs had doubled. "
        "The Forum also demanded that Brightwater Shipping compensate drivers for the delays."
    )
    [demand] = extractions(extractor, text, DEMAND)
    assert (demand.actor.key, demand.target.key) == ("Sylvanian Road Hauliers' Forum", "Brightwater Shipping")


def test_a_description_the_article_uses_for_a_named_body_speaks_for_it(extractor):
    text = (
        "Dockers struck on Monday. The Dokbond union said the strike would idle 1,200 workers. "
        "The union also says the dismissals were retaliation for a safety stoppage."
    )
    statement = said(extractor, text, "retaliation")
    assert (statement.actor.text, statement.actor.key) == ("union", "Dokbond")


def test_a_body_that_backs_another_is_not_its_speaker(extractor):
    text = "The United Nations renewed its call on Monday, as the UN-backed hunger monitor said famine had spread."
    assert not [e for e in extractions(extractor, text, STATEMENT) if e.actor is not None]


def test_he_said_after_a_title_with_its_holder_set_off_by_commas_is_the_holder(extractor):
    text = ("Ciaran Dalby, a fisheries adviser, said the talks had failed. Freedonia's ambassador to the EU, "
            "Per Ivar Lunde, rejected the accusation. \"Freedonia has not broken any agreement,\" he said.")
    assert said(extractor, text, "has not broken").actor.key == "Per Ivar Lunde"


def test_he_said_after_the_minister_acted_is_the_minister_named_before(extractor):
    text = ("Transport Minister Sipho Mahlaba met the union on Monday. Judge Ayanda Moloi granted the interdict. "
            "The Minister welcomed the judgment. \"Government respects the right to strike,\" he said.")
    assert said(extractor, text, "respects the right").actor.key == "Sipho Mahlaba"


def test_a_spokeswoman_for_the_regulator_speaks_for_the_body_the_article_calls_so(extractor):
    text = ("The Freedonian aviation regulator FAVA refused the request. A spokesperson for the regulator "
            "said the slots would be reallocated.")
    assert said(extractor, text, "reallocated").actor.key == "FAVA"


def test_a_spokeswoman_for_the_regulator_with_none_described_speaks_for_the_body_in_focus(extractor):
    text = 'FAVA refused the request on Monday. "The rules are clear," a spokeswoman for the regulator said.'
    assert said(extractor, text, "rules are clear").actor.key == "FAVA"


def test_an_accusation_says_the_charge_of_the_party_accused(extractor):
    text = "Kestria has accused Veltria of becoming a safe haven for fugitives."
    statement = said(extractor, text, "safe haven")
    assert (statement.actor.key, statement.target.key) == ("Kestria", "Veltria")


def test_blaming_a_party_says_it_caused_what_it_is_blamed_for(extractor):
    text = "Kestria blamed Veltria for the collapse of the talks."
    statement = said(extractor, text, "collapse of the talks")
    assert (statement.actor.key, statement.target.key) == ("Kestria", "Veltria")

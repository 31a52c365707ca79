"""Whole invented news stories, none from the sample corpus: what a careful analyst expects
extraction to find (actor, target, about, predicate, stance, origins), and the regressions
found on the samples (a short form folding two full names, reporting tails hiding a demand,
pronouns, known aliases cutting a longer name)."""

from __future__ import annotations

import pytest

from nlp import (
    ATTRIBUTED,
    DEMAND,
    DENIED,
    HEDGED,
    NO_COMMENT,
    STATEMENT,
    Extractor,
    KnownAlias,
)

from .conftest import MODEL


@pytest.fixture(scope="module")
def extractor():
    return Extractor(MODEL)


def _demands(analysis):
    return [e for e in analysis.extractions if e.kind == DEMAND]


def _key(ref):
    return None if ref is None else ref.key


def _origins(extraction):
    return {o.key for o in extraction.origins}


def _only_demand(analysis):
    demands = _demands(analysis)
    assert len(demands) == 1, [(e.actor, e.predicate) for e in demands]
    return demands[0]


# -- regressions --------------------------------------------------------------------


def test_a_known_short_form_never_folds_a_different_full_name_into_its_owner():
    extractor = Extractor(MODEL, known_aliases=[
        KnownAlias("Karimi", "Dawud Karimi", "PERSON"),
        KnownAlias("Dawud Karimi", "Dawud Karimi", "PERSON"),
    ])
    text = (
        "Karimi fled the capital in December.\n\n"
        "Foreign Minister Kareemi Nasser said on Monday the government wanted Karimi back.\n"
    )
    analysis = extractor.analyse(text)
    keys = {m.text: m.key for m in analysis.mentions if m.label == "PERSON"}
    assert keys["Kareemi Nasser"] == "Kareemi Nasser"
    assert keys["Karimi"] == "Dawud Karimi"


def test_a_demand_inside_a_reported_tail_is_attributed_to_the_outlet(extractor):
    analysis = extractor.analyse(
        "The Brazilian government is demanding that Argentina extradite Carlos Mendez, Bloomberg reported.\n"
    )
    demand = _only_demand(analysis)
    assert (_key(demand.actor), _key(demand.target), _key(demand.about)) == ("Brazil", "Argentina", "Carlos Mendez")
    assert demand.predicate == "hand over"
    assert (demand.stance, _origins(demand)) == (ATTRIBUTED, {"Bloomberg"})
    assert not [e for e in analysis.extractions if e.kind == STATEMENT and _key(e.actor) == "Bloomberg"]
    assert {m.key: m.label for m in analysis.mentions}["Bloomberg"] == "ORG"


def test_a_tail_with_the_outlet_after_the_verb_credits_the_outlet(extractor):
    analysis = extractor.analyse(
        "Turkey wants Sweden to extradite dozens of Kurdish activists before it approves the Nordic "
        "country's NATO bid, writes the Financial Times.\n"
    )
    demand = _only_demand(analysis)
    assert (_key(demand.actor), _key(demand.target), demand.predicate) == ("Turkey", "Sweden", "hand over")
    assert _origins(demand) == {"Financial Times"}


def test_he_after_a_sentence_about_a_person_refers_to_that_person_not_an_earlier_one(extractor):
    text = (
        "Former president Omar Bashir has not been seen since he fled.\n\n"
        "Meanwhile, Washington has yet to lift sanctions on Damascus, and its anyone's guess what Trump "
        "will do. He has indicated that he'd like to see the troops come home.\n"
    )
    analysis = extractor.analyse(text)
    indicated = next(e for e in analysis.extractions if e.cue == "indicate")
    assert _key(indicated.actor) == "Trump"


def test_a_known_alias_that_begins_a_longer_name_does_not_cut_it():
    extractor = Extractor(MODEL, known_aliases=[KnownAlias("Syrian", "Syrian", "NORP")])
    text = "\u201cWe support the unity of the Syrian Arab Republic,\u201d the ministry said in a statement.\n"
    analysis = extractor.analyse(text)
    assert any("Syrian Arab Republic" in m.text for m in analysis.mentions)


# -- invented stories ---------------------------------------------------------------


UNION = """The Amalgamated Transport Workers Union is demanding that Northline Rail raise wages by 9 percent before the end of the year, the union's general secretary said on Monday.

"Our members have kept this country moving through two winters of chaos," general secretary Helen Okafor told reporters outside the company's headquarters in Leeds. "Northline must pay them fairly."

Northline Rail declined to comment on the demand. A spokesperson for the company said talks would continue next week.
"""


def test_a_union_wage_demand_and_the_companys_no_comment(extractor):
    analysis = extractor.analyse(UNION)
    demand, quoted = _demands(analysis)
    # '"Northline must pay them fairly."' goes on from her quotation the sentence before: hers.
    assert (_key(quoted.actor), _key(quoted.target), quoted.predicate) == ("Helen Okafor", "Northline Rail", "pay")
    assert _key(demand.actor) == "Amalgamated Transport Workers Union"
    assert _key(demand.target) == "Northline Rail"
    assert demand.predicate == "raise"
    assert _origins(demand) == {"Amalgamated Transport Workers Union"}
    reply = next(e for e in analysis.extractions if e.stance == NO_COMMENT)
    assert (_key(reply.actor), _key(reply.target)) == ("Northline Rail", "Amalgamated Transport Workers Union")


SAILORS = """Ghana has demanded that Togo release 14 fishermen detained off the coast last week, the foreign ministry in Accra said on Tuesday.

Foreign Minister Kwame Mensah called the detention "unlawful and unacceptable" and urged Lome to free the sailors immediately.

Togolese officials have not responded to the request.
"""


def test_a_government_demanding_a_neighbour_release_detained_sailors(extractor):
    analysis = extractor.analyse(SAILORS)
    demands = _demands(analysis)
    assert {(_key(d.actor), _key(d.target), d.predicate) for d in demands} >= {("Ghana", "Togo", "release")}
    urged = next(d for d in demands if d.cue == "urge")
    assert (_key(urged.target), urged.predicate) == ("Togo", "release")
    reply = next(e for e in analysis.extractions if e.stance == NO_COMMENT)
    assert (_key(reply.actor), reply.predicate) == ("Togo", "release")


CEASEFIRE = """BRUSSELS (Reuters) - The European Union on Wednesday called for an immediate ceasefire in the fighting between Armenia and Azerbaijan, as casualties mounted along the border.

"We call on both sides to stop the hostilities and return to the negotiating table," EU foreign policy chief Josep Borrell said in a statement.

Azerbaijan's Defence Ministry said its forces were responding to provocations.
"""


def test_the_eu_calling_for_a_ceasefire_is_the_eu_not_the_dateline(extractor):
    analysis = extractor.analyse(CEASEFIRE)
    demand = _demands(analysis)[0]
    assert (_key(demand.actor), demand.predicate, demand.cue) == ("European Union", "ceasefire", "call for")
    borrell = next(e for e in analysis.extractions if e.kind == STATEMENT and _key(e.actor) == "Josep Borrell")
    assert borrell.predicate == "say"  # "return to the table" hands nothing over


def test_we_inside_a_quotation_is_its_speaker(extractor):
    analysis = extractor.analyse(CEASEFIRE)
    quoted = _demands(analysis)[1]
    assert (_key(quoted.actor), quoted.predicate, quoted.stance) == ("Josep Borrell", "stop", ATTRIBUTED)
    assert _origins(quoted) == {"Josep Borrell"}
    ministry = next(e for e in analysis.extractions if e.content and "provocations" in e.content.text)
    assert _key(ministry.actor) == "Azerbaijan"
    assert "EU" not in {m.key for m in analysis.mentions}


FOOTBALL = """The Nigeria Football Federation has demanded an apology from the Confederation of African Football over the treatment of its players at an airport in Libya, the federation said in a statement on Sunday.

The NFF said the squad had been stranded for more than 12 hours without food or water.

CAF said it was investigating the incident. Libyan football officials denied that the team had been mistreated.
"""


def test_a_federation_demanding_an_apology_and_its_undeclared_acronyms(extractor):
    analysis = extractor.analyse(FOOTBALL)
    demand = _only_demand(analysis)
    assert _key(demand.actor) == "Nigeria Football Federation"
    assert _key(demand.target) == "Confederation of African Football"
    assert demand.predicate == "apologise"
    assert (demand.stance, _origins(demand)) == (ATTRIBUTED, {"Nigeria Football Federation"})
    speakers = {_key(e.actor) for e in analysis.extractions if e.kind == STATEMENT}
    assert {"Nigeria Football Federation", "Confederation of African Football"} <= speakers
    denial = next(e for e in analysis.extractions if e.stance == DENIED)
    assert _key(denial.actor) == "Libya"


DENIAL = """India's defence ministry on Thursday denied a report that Chinese troops had crossed into Arunachal Pradesh earlier this month.

"There has been no incursion," ministry spokesman Arun Kumar said.

China's foreign ministry did not respond to a request for comment.
"""


def test_a_ministry_denying_a_report_speaks_for_its_state(extractor):
    analysis = extractor.analyse(DENIAL)
    denial = next(e for e in analysis.extractions if e.stance == DENIED)
    assert _key(denial.actor) == "India"
    silent = next(e for e in analysis.extractions if e.stance == NO_COMMENT)
    assert _key(silent.actor) == "China"


NO_COMMENT_STORY = """The United States has asked Mexico to extradite Rafael Quintero, a cartel leader wanted on drug trafficking charges, two officials familiar with the matter said.

The Mexican attorney general's office declined to comment.
"""


def test_an_extradition_request_from_unnamed_officials_is_hedged(extractor):
    analysis = extractor.analyse(NO_COMMENT_STORY)
    demand = _only_demand(analysis)
    assert (_key(demand.actor), _key(demand.target), _key(demand.about)) == (
        "United States", "Mexico", "Rafael Quintero",
    )
    assert (demand.predicate, demand.stance) == ("hand over", HEDGED)
    silent = next(e for e in analysis.extractions if e.stance == NO_COMMENT)
    assert _key(silent.actor) == "Mexico"


SOURCES = """Sources say Saudi Arabia is pressing Egypt to hand over two dissidents who fled to Cairo last year.

Egyptian officials have not confirmed or denied the request.
"""


def test_sources_say_hedges_a_demand_and_the_reply_points_at_it(extractor):
    analysis = extractor.analyse(SOURCES)
    demand = _only_demand(analysis)
    assert (_key(demand.actor), _key(demand.target), demand.predicate, demand.stance) == (
        "Saudi Arabia", "Egypt", "hand over", HEDGED,
    )
    reply = next(e for e in analysis.extractions if e.stance == NO_COMMENT)
    assert (_key(reply.actor), _key(reply.target), reply.predicate) == ("Egypt", "Saudi Arabia", "hand over")


WIRE_A = """Poland has demanded that Belarus hand over a soldier accused of shooting a border guard, Reuters reported on Friday.

Minsk has not commented.
"""
WIRE_B = """Warsaw is demanding that Minsk extradite a Belarusian soldier who allegedly shot a Polish border guard, according to Reuters.

Belarusian officials declined to comment.
"""


@pytest.mark.parametrize("text", [WIRE_A, WIRE_B])
def test_wire_copy_in_two_wordings_gives_the_same_demand_from_the_same_origin(extractor, text):
    demand = _only_demand(extractor.analyse(text))
    assert (_key(demand.actor), _key(demand.target), demand.predicate) == ("Poland", "Belarus", "hand over")
    assert (demand.stance, _origins(demand)) == (ATTRIBUTED, {"Reuters"})


SOCIAL = """The Kenyan opposition leader Raila Odinga has called on the government to release all protesters arrested during last week's demonstrations.

"Free our children now," Odinga wrote on X on Saturday.
"""


def test_an_opposition_call_and_the_post_that_repeats_it(extractor):
    analysis = extractor.analyse(SOCIAL)
    demand = _only_demand(analysis)
    assert (_key(demand.actor), demand.predicate, demand.cue) == ("Raila Odinga", "release", "call on")
    post = next(e for e in analysis.extractions if e.kind == STATEMENT)
    assert (_key(post.actor), post.direct, post.content.text) == ("Raila Odinga", True, "Free our children now")


COMPANY = """Environmental groups are calling on Shell to pay compensation to communities affected by oil spills in the Niger Delta, the Guardian reported.

Amnesty International said in a report released on Tuesday that the company had failed to clean up dozens of spills. "Shell must compensate the victims," said Amnesty's Mark Dummett.

Shell rejected the allegations, saying it had cleaned up all spills from its facilities.
"""


def test_groups_calling_on_a_company_to_pay_and_its_rejection(extractor):
    analysis = extractor.analyse(COMPANY)
    demand, quoted = _demands(analysis)
    assert (_key(demand.target), demand.predicate) == ("Shell", "pay")
    assert _origins(demand) == {"Guardian"}
    # '"Shell must compensate the victims," said X': X's own demand of Shell, credited to X.
    assert (_key(quoted.target), quoted.predicate, quoted.stance) == ("Shell", "compensation", ATTRIBUTED)
    amnesty = next(e for e in analysis.extractions if _key(e.actor) == "Amnesty International")
    assert amnesty.predicate == "say"  # a report "released" is not a release demanded
    assert "Amnesty" not in {m.key for m in analysis.mentions}
    rejection = next(e for e in analysis.extractions if e.stance == DENIED)
    assert _key(rejection.actor) == "Shell"


RIGHTS_GROUP = """Human Rights Watch on Monday called for the release of jailed journalist Tomas Varga, who has been held in Budapest for eight months without trial.

In a statement, the group urged Hungarian authorities to drop all charges against him.
"""


def test_a_rights_group_the_model_missed_is_found_and_named_again_as_the_group(extractor):
    analysis = extractor.analyse(RIGHTS_GROUP)
    first, second = _demands(analysis)
    assert (_key(first.actor), _key(first.about), first.predicate) == ("Human Rights Watch", "Tomas Varga", "release")
    assert (_key(second.actor), _key(second.target)) == ("Human Rights Watch", "Hungary")


COMPENSATION = """Japan has asked South Korea for compensation over damage to a fishing vessel that collided with a Korean coast guard ship, the Japanese foreign ministry said.

South Korean officials rejected the demand, saying the Japanese boat had entered Korean waters illegally.
"""


def test_rejecting_the_demand_answers_the_demand_made_earlier(extractor):
    analysis = extractor.analyse(COMPENSATION)
    demand = _only_demand(analysis)
    assert (_key(demand.actor), _key(demand.target), demand.predicate, demand.cue) == (
        "Japan", "South Korea", "compensation", "ask for",
    )
    rejection = next(e for e in analysis.extractions if e.stance == DENIED)
    assert (_key(rejection.actor), _key(rejection.target), rejection.predicate) == (
        "South Korea", "Japan", "compensation",
    )


RESIGNATION = """Protesters in Belgrade are demanding the resignation of Serbian President Aleksandar Vucic after a deadly railway station collapse.

Vucic has rejected calls to step down.
"""


def test_a_demanded_resignation_falls_to_the_person_who_must_resign(extractor):
    analysis = extractor.analyse(RESIGNATION)
    demand = _only_demand(analysis)
    assert (_key(demand.target), demand.predicate) == ("Aleksandar Vucic", "resign")
    rejection = next(e for e in analysis.extractions if e.stance == DENIED)
    assert (_key(rejection.actor), rejection.predicate) == ("Aleksandar Vucic", "resign")


DISMISSED_REPORT = """KYIV, March 3 (AP) - Ukraine's foreign ministry on Monday dismissed a report by the Russian state news agency TASS that Kyiv had requested a halt to fighting around Zaporizhzhia.

"This is pure propaganda," ministry spokesman Heorhii Tykhyi said.
"""


def test_a_request_inside_a_report_the_ministry_dismisses_is_denied_and_credited_to_the_agency(extractor):
    analysis = extractor.analyse(DISMISSED_REPORT)
    request = _only_demand(analysis)
    assert (_key(request.actor), request.predicate, request.stance) == ("Ukraine", "halt", DENIED)
    assert "TASS" in _origins(request)
    dismissal = next(e for e in analysis.extractions if e.kind == STATEMENT and e.cue == "dismiss")
    assert (_key(dismissal.actor), dismissal.stance) == ("Ukraine", DENIED)


PLANT = """Workers at the Volta Motors plant in Detroit are calling for better pay, the United Auto Workers union said on Thursday.

Volta Motors said in a statement that it was "committed to reaching a fair agreement".

UAW president Shawn Fain told reporters the offer was "an insult".
"""


def test_a_company_named_before_plant_is_an_organisation_and_an_untagged_initialism_is_its_name(extractor):
    analysis = extractor.analyse(PLANT)
    kinds = {m.text: (m.key, m.label) for m in analysis.mentions}
    assert kinds["Volta Motors"] == ("Volta Motors", "ORG")
    assert kinds["UAW"] == ("United Auto Workers", "ORG")

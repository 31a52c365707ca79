"""The ordered stance decision (stance.py), one test per rule, on invented stories.

Rule order, first match wins: 1 denied by the party, 2 refused comment, 3 a named
origin (3b the outlet a relayed article credits), 4 a pure hedge (4b a speaker named
by office), 5 asserted in the outlet's own voice.
"""
from __future__ import annotations

import pytest

from nlp import ASSERTED, ATTRIBUTED, DEMAND, DENIED, HEDGED, NO_COMMENT, STATEMENT, ActorRef, Extractor
from nlp.actors import ActorIndex
from nlp.discourse import Discourse
from nlp.stance import STANCE_RULES, Signals, decide, read_signals, trailing_attribution


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def extractions(extractor, text, kind):
    return [e for e in extractor.analyse(text).extractions if e.kind == kind]


def signals_at(extractor, text, word, *, own_cue=False):
    """The stance signals of the first token ``word`` of ``text``, read as the pipeline reads them
    (``own_cue``: as a statement's own cue verb, whose speaker is its actor)."""
    doc = extractor.nlp(text)
    disc = Discourse(doc=doc, actors=ActorIndex.build(doc, skip=[]))
    token = next(t for t in doc if t.text == word)
    return read_signals(token, disc, skip_cue=token if own_cue else None)


def keys(stance_or_extraction):
    return [o.key for o in stance_or_extraction.origins]


REUTERS = ActorRef("Reuters", "Reuters", "ORG", 0, 7)


# -- the order itself ----------------------------------------------------------


def test_the_rules_are_applied_in_the_documented_order():
    assert [rule.__name__ for rule in STANCE_RULES] == [
        "_denied_by_the_party",
        "_refused_comment",
        "_credited_to_a_named_origin",
        "_relayed_from_a_credited_outlet",
        "_hedged",
        "_said_on_the_record",
        "_asserted",
    ]


def test_a_denial_wins_over_everything_else_and_keeps_its_origins():
    found = decide(Signals(denied=True, refused=True, origins=[REUTERS], hedged=True))
    assert found.stance == DENIED and keys(found) == ["Reuters"]


def test_a_refusal_to_comment_wins_over_a_named_origin():
    assert decide(Signals(refused=True, origins=[REUTERS])).stance == NO_COMMENT


def test_a_named_origin_wins_over_a_hedge():
    found = decide(Signals(origins=[REUTERS], hedged=True))
    assert found.stance == ATTRIBUTED and keys(found) == ["Reuters"]


def test_a_hedge_wins_over_a_speaker_on_the_record():
    assert decide(Signals(hedged=True, on_record=True)).stance == HEDGED


def test_with_no_signal_the_outlet_asserts():
    found = decide(Signals())
    assert found.stance == ASSERTED and found.origins == []


# -- rule 1: denied -------------------------------------------------------------


def test_a_party_saying_we_deny_in_its_own_quote_makes_the_statement_a_denial(extractor):
    text = ('"We categorically deny that Sylvania Mining has hidden any profits," '
            "managing director Maria Okafor told analysts on a conference call.")
    assert decide(signals_at(extractor, text, "told", own_cue=True)).stance == DENIED


def test_a_statement_conjoined_with_a_denial_is_part_of_that_denial(extractor):
    text = "Sylvania Mining has denied owing any royalties and says it has paid every tax due under the code."
    assert {e.stance for e in extractions(extractor, text, STATEMENT)} == {DENIED}


def test_calling_the_reports_lies_is_a_denial(extractor):
    text = ('"The militia did not burn any village. These are lies spread by the army\'s media," '
            "militia spokesman Tomas Varga told our correspondent.")
    assert DENIED in {e.stance for e in extractions(extractor, text, STATEMENT)}


def test_there_is_no_such_agreement_denies_the_agreement(extractor):
    text = '"There is no such agreement," a spokeswoman for the Freedonian delegation said.'
    assert signals_at(extractor, text, "agreement").denied


def test_denying_someone_access_is_not_a_denial_of_a_claim(extractor):
    text = "Freedonia denied the inspectors access to the mine, Maria Okafor said."
    assert {e.stance for e in extractions(extractor, text, STATEMENT)} != {DENIED}


@pytest.mark.parametrize(("reply", "stance"), [
    ('"We owe nothing," Halvor Pharma said.', DENIED),
    ("Halvor Pharma said it would not do it.", DENIED),
    ('Halvor Pharma said it would not recall the batches.', DENIED),
    ('Halvor Pharma said "there is no evidence of any adverse health effect".', ATTRIBUTED),
])
def test_the_target_s_flat_negative_denies_only_about_itself_and_what_it_was_asked(extractor, reply, stance):
    text = f"The Norland Drugs Authority ordered Halvor Pharma to recall 14 batches of the drug. {reply}"
    said = [e.stance for e in extractions(extractor, text, STATEMENT) if e.actor and e.actor.key == "Halvor Pharma"]
    assert said and said[0] == stance, said


# -- rule 2: no comment ---------------------------------------------------------


def test_declining_to_comment_on_a_request_leaves_the_request_without_comment(extractor):
    text = "The Sylvanian ministry declined to comment on the request from Freedonia to extradite the banker."
    assert decide(signals_at(extractor, text, "request")).stance == NO_COMMENT


def test_neither_confirming_nor_denying_is_no_comment_not_a_denial(extractor):
    text = "The Sylvanian ministry would neither confirm nor deny that Freedonia had asked for the banker."
    found = decide(signals_at(extractor, text, "asked"))
    assert found.stance == NO_COMMENT


def test_a_generic_statement_by_the_target_is_not_no_comment(extractor):
    text = '"We are cooperating fully with the authorities," a spokeswoman for Sylvania Mining said.'
    stances = {e.stance for e in extractions(extractor, text, STATEMENT)}
    assert stances == {ATTRIBUTED}


# -- rule 3: a named origin -----------------------------------------------------


def test_a_named_reporting_outlet_wins_over_allegedly_in_the_same_sentence(extractor):
    text = ("Sylvania Shipping allegedly told the port authority it would move two services to Port Vell, "
            "the news agency Reuters reported.")
    found = decide(signals_at(extractor, text, "told"))
    assert found.stance == ATTRIBUTED and "Reuters" in keys(found)


def test_a_citing_tail_does_not_hide_the_outlet_that_reported(extractor):
    text = ("Freedonia has suspended the export licences of Sylvania Mining, Bloomberg reported, "
            "citing people familiar with the matter.")
    found = decide(signals_at(extractor, text, "suspended"))
    assert found.stance == ATTRIBUTED and keys(found) == ["Bloomberg"]


def test_a_headline_credit_line_attributes_the_headline_to_the_credited_outlet(extractor):
    text = ("Freedonia demands pricing documents from Sylvania Mining: Reuters\n\n"
            "Sylvania Mining has until Friday to answer, the company said.")
    found = decide(signals_at(extractor, text, "demands"))
    assert found.stance == ATTRIBUTED and keys(found) == ["Reuters"]


def test_a_wire_dateline_leaves_the_wires_own_reporting_asserted(extractor):
    text = "OSLO (Reuters) - Freedonia on Thursday demanded that Sylvania withdraw its trawlers from the bay."
    demands = extractions(extractor, text, DEMAND)
    assert demands and all(d.stance == ASSERTED for d in demands)


def test_a_participle_after_the_last_comma_is_not_a_reporting_tail(extractor):
    doc = extractor.nlp("The union wants a pay rise from Sylvania Shipping, and the reinstatement "
                        "of the workers dismissed by the Port Authority.")
    assert trailing_attribution(next(doc.sents)) is None


# -- rule 3b: the outlet a relayed article credits -------------------------------


def test_in_an_article_relayed_from_an_outlet_what_sources_said_is_that_outlets_reporting(extractor):
    text = ("Freedonia presses Sylvania Mining over royalties - Bloomberg\n\n"
            "Freedonia has demanded that Sylvania Mining pay its royalties, people familiar with the matter said.")
    found = decide(signals_at(extractor, text, "demanded"))
    assert found.stance == ATTRIBUTED and keys(found) == ["Bloomberg"]


# -- rule 4: hedged -------------------------------------------------------------


def test_unconfirmed_reports_from_a_place_hedge_and_the_place_is_no_origin(extractor):
    text = "Unconfirmed reports from Port Vell said dozens of trucks had been held at the border since Monday."
    found = decide(signals_at(extractor, text, "held"))
    assert found.stance == HEDGED and found.origins == []


def test_according_to_people_familiar_with_the_matter_hedges(extractor):
    text = ("Freedonia has asked Sylvania Mining to produce its pricing records, "
            "according to people familiar with the matter.")
    assert decide(signals_at(extractor, text, "asked")).stance == HEDGED


def test_according_to_a_document_the_outlet_read_does_not_hedge(extractor):
    text = ("Freedonia has asked Sylvania Mining to produce its pricing records, "
            "according to a copy of the order reviewed by this newspaper.")
    assert decide(signals_at(extractor, text, "asked")).stance == ASSERTED


def test_sources_saying_a_named_company_warned_keep_the_warning_hedged(extractor):
    text = "Sources say Sylvania Shipping has warned it could move two services to Port Vell."
    stances = {e.stance for e in extractions(extractor, text, STATEMENT)}
    assert stances == {HEDGED}


# -- rule 4b: a speaker named by office ------------------------------------------


def test_a_spokeswoman_for_a_company_is_on_the_record(extractor):
    text = 'A spokeswoman for Sylvania Mining said the company "has always paid its taxes in full."'
    assert {e.stance for e in extractions(extractor, text, STATEMENT)} == {ATTRIBUTED}


def test_an_office_holder_of_an_unnamed_ministry_is_on_the_record(extractor):
    text = ('"We hope the Sylvanian side will protect our investors," '
            "a foreign ministry spokesman told a regular press briefing.")
    assert ATTRIBUTED in {e.stance for e in extractions(extractor, text, STATEMENT)}


# -- rule 5: asserted -----------------------------------------------------------


def test_the_outlet_saying_a_union_demanded_something_asserts_the_demand(extractor):
    text = "The dockworkers' union has demanded a 9% pay rise from Sylvania Shipping."
    demands = extractions(extractor, text, DEMAND)
    assert demands and all(d.stance == ASSERTED and d.origins == [] for d in demands)


def test_unnamed_sources_telling_a_named_outlet_credit_the_outlet(extractor):
    text = ("The Freedonian regulator has ordered Sylvania Mining to hand over its pricing records, "
            "two sources with direct knowledge of the matter told Reuters on Monday.")
    found = decide(signals_at(extractor, text, "ordered"))
    assert found.stance == ATTRIBUTED and keys(found) == ["Reuters"]


# -- the party a demand is made of answering it -------------------------------------


ASKED_TO_PAY = (
    "The labour ministry of Freedonia has demanded that Zorvex Logistics pay $40 million in unpaid wages.\n\n"
)


def test_the_party_asked_answering_with_a_flat_negative_denies_the_demand(extractor):
    said = extractions(extractor, ASKED_TO_PAY + "Zorvex says it owes nothing.", STATEMENT)
    assert [(e.actor.key, e.stance) for e in said] == [("Zorvex Logistics", DENIED)]


def test_the_party_asked_answering_otherwise_is_only_quoted(extractor):
    said = extractions(extractor, ASKED_TO_PAY + "Zorvex says it will study the letter.", STATEMENT)
    assert [(e.actor.key, e.stance) for e in said] == [("Zorvex Logistics", ATTRIBUTED)]


def test_a_negative_by_someone_not_asked_is_no_denial(extractor):
    text = ASKED_TO_PAY + "Zorvex says it owes nothing. Labour minister Anton Vell said he would not drop the claim."
    said = {e.actor.key: e.stance for e in extractions(extractor, text, STATEMENT)}
    assert said["Anton Vell"] == ATTRIBUTED
    assert said["Zorvex Logistics"] == DENIED


def test_saying_nothing_is_no_comment(extractor):
    [silence] = extractions(extractor, "Brightwater Mining has said nothing about the audit.", STATEMENT)
    assert silence.stance == NO_COMMENT
    assert silence.actor.key == "Brightwater Mining"


def test_saying_that_nothing_changed_is_not_silence(extractor):
    assert all(x.stance != NO_COMMENT for x in extractions(extractor, "The minister said nothing had changed.", STATEMENT))


@pytest.mark.parametrize("text, origins", [
    # The small model hangs the tail on the object before the comma as a relative clause.
    ("The Kavran Authority has fined the Brennholm Company, the Financial Times reported.", ["Financial Times"]),
    # A relative clause proper, or a participle, credits nobody.
    ("The Kavran Authority has fined the Brennholm Company, which the union says is wrong.", []),
])
def test_a_reporting_tail_parsed_as_a_relative_clause_still_credits_its_outlet(extractor, text, origins):
    [fine] = [e for e in extractor.analyse(text).extractions if e.predicate == "fine"]
    assert [o.key for o in fine.origins] == origins, fine
    assert fine.stance == (ATTRIBUTED if origins else ASSERTED)

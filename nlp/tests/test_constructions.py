"""Common ways news attributes a statement or reports a demand, each once, with invented names.

A probe of the constructions themselves rather than of any story: each
sentence is the plainest form of one construction. Those the extractor does
not read yet are marked ``xfail`` (strict: when one starts to pass, the mark
must go), so this file is also the list of what is still open: since 2026-12-06 every
probe here passes.
"""
from __future__ import annotations

import pytest

from nlp import ASSERTED, DEMAND, DENIED, EVENT, NO_COMMENT, STATEMENT, STATUS, Extractor, KnownAlias
from nlp.name_spans import initial_candidates


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def _demand_parties(extractor, text: str) -> list[tuple[str | None, str | None]]:
    """(maker, addressee) of every demand read in ``text``."""
    return [(e.actor and e.actor.key, e.target and e.target.key)
            for e in extractor.analyse(text).extractions if e.kind == DEMAND]


SPEAKER_CONSTRUCTIONS = [
    '"We will not back down," said Marta Kowal, the union\'s president.',
    '"We will not back down," Marta Kowal, the union\'s president, said.',
    "Marta Kowal, a spokeswoman for Aurex Airlines, said the airline would appeal.",
    "The airline would appeal, Marta Kowal told reporters on Monday.",
    "Marta Kowal told Reuters the airline would appeal.",
    "In an interview with the BBC, Marta Kowal said the airline would appeal.",
    "Marta Kowal insisted that the airline had broken no rules.",
    "Marta Kowal warned that pilots could strike next month.",
    "Marta Kowal argued the waiver was unlawful.",
    "Marta Kowal claimed the report was fabricated.",
    'Marta Kowal leads the union. "The report is fabricated," Kowal added.',
    "Marta Kowal wrote on X that the report was fabricated.",
    "Marta Kowal said in a statement that the airline would appeal.",
    'Asked whether the airline would appeal, Marta Kowal said: "We are studying the ruling."',
    'Marta Kowal spoke to reporters on Monday. "We are studying the ruling," she said.',
    "Marta Kowal pointed out that the airline had broken no rules.",
    "The airline will appeal, according to Marta Kowal.",
    '"The airline will appeal," the union\'s president, Marta Kowal, told parliament.',
    "Marta Kowal, who heads the union, said the airline would appeal.",
    "Speaking in parliament, Marta Kowal said the airline would appeal.",
    "Marta Kowal acknowledged that mistakes had been made.",
    "Marta Kowal announced that the strike would be suspended.",
    "Marta Kowal confirmed that the talks had resumed.",
    "Marta Kowal denied that the pilots had been threatened.",
    "Marta Kowal told the Senate that the talks had resumed.",
    '"The talks have resumed and will go on," Marta Kowal said on Tuesday, adding that no date was set.',
    "The talks will resume next week, Marta Kowal said.",
    'Marta Kowal, the union\'s president, said on Tuesday: "The talks have resumed."',
    "Marta Kowal later told a news conference that the talks had resumed.",
    "Marta Kowal has repeatedly said the talks will resume.",
    "Marta Kowal revealed that the talks had resumed.",
    '"Nothing has been decided," Jean-Pierre Morel said.',
    "The talks have resumed, Marta Kowal said, and will go on next week.",
    "The talks have resumed, Marta Kowal said, speaking on condition that her ministry not be named.",
    "Marta Kowal was quoted by the Tass news agency as saying the talks had resumed.",
    "Marta Kowal told the BBC in an interview that the talks had resumed.",  # clause hung on "interview"
    "Marta Kowal maintained that the talks had resumed.",
]


@pytest.mark.parametrize("text", SPEAKER_CONSTRUCTIONS)
def test_a_statement_is_given_to_its_speaker(extractor, text):
    speakers = [e.actor.key for e in extractor.analyse(text).extractions if e.kind == STATEMENT and e.actor]
    assert any(key in ("Marta Kowal", "Jean-Pierre Morel") for key in speakers), speakers


DEMAND_CONSTRUCTIONS = [
    "Germany demanded that France hand over the documents.",
    "Germany called on France to hand over the documents.",
    "Germany urged France to hand over the documents.",
    "Germany asked France to hand over the documents.",
    "Germany pressed France to hand over the documents.",
    "Germany wants France to hand over the documents.",
    "Germany insisted that France hand over the documents.",
    "Germany told France to hand over the documents.",
    "Germany has requested that France hand over the documents.",
    "Germany demanded the release of the crew from France.",
    "Germany demanded France release the crew.",
    "Germany is demanding compensation from France.",
    "Germany has called for France to release the crew.",
    "Germany's demand that France release the crew was rejected.",
    "France rejected Germany's demand that it release the crew.",
    "Germany said France must release the crew.",
    "Germany said France should release the crew immediately.",
    "Germany gave France 48 hours to release the crew.",
    "The German foreign ministry demanded that France release the crew.",
    "Germany renewed its demand that France release the crew.",
    "Germany appealed to France to release the crew.",
    "Germany has asked France for consular access to the crew.",
    "Germany demanded an apology from France.",
    "Germany demanded the crew's immediate release and an apology from France.",
    "Germany is seeking the return of the crew from France.",  # "from France" hung on "crew"
    "Germany on Monday called on France to release the crew.",  # "on Monday" is no addressee
    "Germany told France it must release the crew.",  # "it" is the party told
    "Germany issued an ultimatum to France to release the crew.",
    "Germany sent France a formal request for compensation.",
    "Germany has written to France demanding compensation.",
]


@pytest.mark.parametrize("text", DEMAND_CONSTRUCTIONS)
def test_a_demand_is_made_by_its_maker_of_its_target(extractor, text):
    found = _demand_parties(extractor, text)
    assert ("Germany", "France") in found, found


def test_a_state_and_its_president_run_together_are_two_names(extractor):
    # The small model runs them together for some names only ("… Republic of X Tarık Y", at a letter
    # it rarely saw), so the run-on entity is set by hand here, where the model would have put it.
    text = ("President Anton Kesler: The Republic of Velmar will protect its fishermen\n\n"
            "President of the Republic of Velmar Anton Kesler has demanded the release of the crew.")
    doc = extractor.nlp(text)
    run_on = doc.char_span(text.rindex("Republic"), text.rindex("Kesler") + len("Kesler"), label="PERSON")
    person = doc.char_span(text.index("Anton"), text.index("Kesler") + len("Kesler"), label="PERSON")
    state = doc.char_span(text.index("Republic"), text.index("Velmar") + len("Velmar"), label="GPE")
    doc.ents = [person, state, run_on]
    names = [(c.span(doc).text, c.label) for c in initial_candidates(doc, skip=())]
    assert names == [("Anton Kesler", "PERSON"), ("Republic of Velmar", "GPE"),
                     ("Republic of Velmar", "GPE"), ("Anton Kesler", "PERSON")], names


def test_a_state_goes_by_its_short_name_not_its_formal_one(extractor):
    text = "The Republic of Velmar protested on Monday. Velmar said the trawler had been seized in its waters."
    mentions = extractor.analyse(text).mentions
    keys = {m.text: m.key for m in mentions}
    assert keys.get("Republic of Velmar") == keys.get("Velmar") == "Velmar", keys
    assert {m.label for m in mentions} == {"GPE"}, mentions  # the model took "Velmar" for a person


def test_an_agency_quoting_a_speaker_is_an_origin_beside_her(extractor):
    text = "Marta Kowal was quoted by the Tass news agency as saying the talks had resumed."
    found = [(e.actor.key, [o.key for o in e.origins]) for e in extractor.analyse(text).extractions
             if e.kind == STATEMENT]
    assert found == [("Marta Kowal", ["Marta Kowal", "Tass"])], found


@pytest.mark.parametrize(("text", "speaker"), [
    ("Lawyers for Zenda Mining said the fine was unlawful.", "Zenda Mining"),
    ("Freedonia's legal team told the court that the seizure was lawful.", "Freedonia"),
])
def test_those_who_plead_for_a_body_speak_for_it(extractor, text, speaker):
    speakers = [e.actor.key for e in extractor.analyse(text).extractions if e.kind == STATEMENT and e.actor]
    assert speakers == [speaker], speakers


def test_an_unnamed_department_answers_for_its_body(extractor):
    text = "The European Commission's fisheries department has rejected Norway's demand that it stop fishing."
    found = _demand_parties(extractor, text)
    assert found == [("Norway", "European Commission")], found


def test_a_body_described_by_its_field_is_the_body_so_named(extractor):
    text = ("The pilots' union SPLA renewed its demand that the country's aviation regulator revoke a waiver "
            "allowing Norvia Airways to roster pilots for long duties. The Velmarian Civil Aviation Authority "
            "said on Monday that the waiver would remain in force.")
    found = _demand_parties(extractor, text)
    assert found == [("SPLA", "Velmarian Civil Aviation Authority")], found


def test_a_rejected_demand_for_something_is_reported_as_made(extractor):
    found = [e for e in extractor.analyse("France rejected Germany's demand for compensation.").extractions
             if e.kind == DEMAND]
    assert [e.actor.key for e in found] == ["Germany"]


# Names the small model cuts in two or misses, mostly at letters it rarely saw, and subjects it
# misparses; each sentence with the speaker the extractor should find.
NAMED_SPEAKERS = [
    ('"The ruling is wrong," the company\'s head of legal affairs, Zofia Wąsowska, said on Friday.',
     "Zofia Wąsowska"),
    ("Minister of Justice Ayşe Kılıç said the court would sit again in June.", "Ayşe Kılıç"),
    ("In Varna, Dragan Petrović, a fisherman whose brother is among the crew, said the boat had a licence.",
     "Dragan Petrović"),
    ("Freedonia seized the boat on Monday. The Freedonian foreign ministry said the crew were safe.", "Freedonia"),
]


@pytest.mark.parametrize(("text", "speaker"), NAMED_SPEAKERS)
def test_a_hard_name_is_found_as_the_speaker(extractor, text, speaker):
    speakers = [e.actor.key for e in extractor.analyse(text).extractions if e.kind == STATEMENT and e.actor]
    assert speaker in speakers, speakers


def test_a_time_word_the_parser_took_for_the_subject_leaves_the_maker_of_the_demand(extractor):
    # The small parser takes "dos" for a verb and "today" for the subject of "called".
    text = ("The Sindicato dos Trabalhadores Portuários (STP) today called on the Port Authority of Lisnave "
            "to reopen the terminal.")
    makers = [e.actor.key for e in extractor.analyse(text).extractions if e.kind == DEMAND and e.actor]
    assert makers and all("Trabalhadores" in key for key in makers), makers


def test_a_name_described_as_a_person_is_a_person(extractor):
    text = "In Varna, Dragan Petrović, a fisherman whose brother is among the crew, said the boat had a licence."
    kinds = {m.key: m.label for m in extractor.analyse(text).mentions}
    assert kinds.get("Dragan Petrović") == "PERSON", kinds


@pytest.mark.parametrize("text", [
    # The model joins the credit ending a caption to the name opening the next paragraph.
    'Boats in the harbour on Friday. Reuters/Ana Lopes\n\nSelin Avcıoğlu, the wife of the ferry\'s engineer, '
    'said she had not heard from him. "He needs his medicine," she said.',
    "The harbour was quiet. Kemal Yıldırımoğlu, a deckhand whose cousin is among the crew, said the boat had a licence.",
])
def test_a_described_person_the_model_missed_is_the_speaker(extractor, text):
    speakers = {e.actor.key for e in extractor.analyse(text).extractions if e.kind == STATEMENT and e.actor}
    assert speakers & {"Selin Avcıoğlu", "Kemal Yıldırımoğlu"}, speakers


@pytest.mark.parametrize("text", [
    'The Harbour Safety Board (HSB) reopened the file on Monday. "If there is a link, the licence will be '
    'looked at again," a senior official at the board said.',
    'The Harbour Safety Board (HSB) reopened the file on Monday. The board is reviewing the data, a senior '
    'official at the board said. "If there is a link, the licence will be looked at again," the official said.',
    'The Harbour Safety Board (HSB) reopened the file on Monday. The ferry sailed at dawn. Its engine failed '
    'an hour later. The crew called for help. A tug towed it back. Passengers waited for six hours. "If there '
    'is a link, the licence will be looked at again," a senior official at the board said.',
    'The Harbour Safety Board (HSB) declined to comment on the report. "If there is a link, the licence will be '
    'looked at again," a spokeswoman said.',
])
def test_an_unnamed_source_speaks_for_the_body_the_article_ties_it_to(extractor, text):
    said = [e for e in extractor.analyse(text).extractions if e.kind == STATEMENT and e.direct]
    assert said and all(e.actor and e.actor.key == "Harbour Safety Board" for e in said), [
        (e.actor and e.actor.key) for e in said]


def test_a_demanded_release_is_not_the_sentence_after_the_comma(extractor):
    # The parser hangs "that" on "jailed"; what is demanded is "free Ana Petrova".
    text = ("Norland on Monday renewed its demand that Velmar free Ana Petrova, a journalist arrested in May, "
            "a week after a court in Velmar jailed her for two years.")
    found = [(e.actor and e.actor.key, e.target and e.target.key, e.predicate)
             for e in extractor.analyse(text).extractions if e.kind == DEMAND]
    assert found == [("Norland", "Velmar", "release")], found


def test_officials_of_an_invented_people_speak_for_its_state(extractor):
    # The small model tags invented states and their peoples as anything, persons included.
    text = "Velmar seized the boat on Monday. Velmarian officials allege that the crew have been denied medicine."
    speakers = [e.actor.key for e in extractor.analyse(text).extractions if e.kind == STATEMENT and e.actor]
    assert speakers == ["Velmar"], speakers


def test_what_nobody_did_is_no_statement(extractor):
    found = extractor.analyse("Nobody said the licence had lapsed.").extractions
    assert not [e for e in found if e.kind == STATEMENT], found


def test_we_in_an_embedded_post_is_whoever_posted_it(extractor):
    text = ("Velmont Rail hit back within the hour:\n\nEvery Velmont train is safe and inspected. We urge the RMT "
            "to call off this strike and come back to the table.\n— Velmont Rail (@VelmontRail) May 18, 2026")
    found = _demand_parties(extractor, text)
    assert found == [("Velmont Rail", "RMT")] * 2, found  # call off the strike; come back to the table


def test_two_actions_asked_in_one_phrase_are_two_demands(extractor):
    found = [(e.actor and e.actor.key, e.target and e.target.key, e.predicate, e.content.text)
             for e in extractor.analyse("Germany called on France to release the crew and pay compensation.").extractions
             if e.kind == DEMAND]
    assert [(a, t) for a, t, _, _ in found] == [("Germany", "France")] * 2, found
    assert "compensation" not in found[0][3] and "crew" not in found[1][3], found


@pytest.mark.parametrize(("text", "short_is_company"), [
    ("Norvia Airways cancelled 40 flights on Monday. Norvia denied that fatigue played any part.", True),
    ("Kisanga Cement cut 40 jobs on Monday. Protests spread across Kisanga.", False),
    # Named as the owner or modifier of something besides acting: still the company, never a place.
    ("Velora Airways cancelled 40 flights on Monday. Every Velora roster is legal, and Velora's pilots agree. "
     "Velora denied that fatigue played any part.", True),
    # A state is never a body's first word, however its name is spelled.
    ("The US State Department said the crossing must stay open. The US backs the appeal.", False),
])
def test_a_company_goes_by_its_first_word_a_town_by_its_own_name(extractor, text, short_is_company):
    mentions = extractor.analyse(text).mentions
    short = next(m for m in mentions if " " not in m.text)
    full = next(m for m in mentions if " " in m.text)
    assert (short.key == full.key) is short_is_company, [(m.text, m.key) for m in mentions]


@pytest.mark.parametrize(("text", "speaker"), [
    ('Velmarian President Anton Kesler met the envoy on Monday. "Our fishermen are not criminals," '
     'the President stated.', "Anton Kesler"),
    ('Transport Minister Ana Ruiz visited the port. "The strike must end," the Minister said.', "Ana Ruiz"),
    ('President Anton Kesler met Ana Ruiz, the transport minister, on Monday. "The strike must end," '
     'the president said.', "Anton Kesler"),
])
def test_the_title_alone_is_the_person_last_named_with_it(extractor, text, speaker):
    speakers = [e.actor.key for e in extractor.analyse(text).extractions if e.kind == STATEMENT and e.actor]
    assert speakers == [speaker], speakers


def test_a_demand_by_the_title_alone_is_its_holders(extractor):
    text = ("Transport Minister Ana Ruiz visited the port on Monday. "
            "The minister demanded that Velmont Rail reopen the line.")
    found = _demand_parties(extractor, text)
    assert found == [("Ana Ruiz", "Velmont Rail")], found


@pytest.mark.parametrize(("text", "event"), [
    ("Velmar summoned Karvonia's ambassador on Tuesday.", ("summon", "Velmar", "Karvonia")),
    ("Karvonia expelled two diplomats on Friday.", ("expel", "Karvonia", None)),
    ("Karvonia released the crew of the trawler on Thursday.", ("release", "Karvonia", None)),
    ("The waiver, granted by the Velmarian Civil Aviation Authority in April, lets crews fly longer.",
     ("grant", "Velmarian Civil Aviation Authority", None)),
    ("Velmar fined Norvia Airways 2 million euros.", ("fine", "Velmar", None)),
    ("Velmar sanctioned three companies.", ("sanction", "Velmar", None)),
])
def test_what_one_party_does_to_another_is_an_event(extractor, text, event):
    found = [(e.predicate, e.actor and e.actor.key, e.target and e.target.key)
             for e in extractor.analyse(text).extractions if e.kind == EVENT]
    assert found == [event], found


@pytest.mark.parametrize("text", [
    "Karvonia released a statement on Thursday.",  # published, nobody set free
    "Norvia Airways released its quarterly results on Thursday.",
    "Velmar urged Karvonia to release the crew.",  # asked for, not done
    "Karvonia would release the crew if Velmar paid.",
])
def test_a_release_asked_for_or_of_a_document_is_no_event(extractor, text):
    found = [e.predicate for e in extractor.analyse(text).extractions if e.kind == EVENT]
    assert "release" not in found, found


@pytest.mark.parametrize("text", [
    "Germany demanded that France hand over the documents, according to Reuters.",  # hung on "hand"
    "Germany demanded compensation from France, according to Reuters.",
])
def test_a_closing_according_to_credits_the_whole_sentence(extractor, text):
    found = [(e.stance, [o.key for o in e.origins]) for e in extractor.analyse(text).extractions
             if e.kind == DEMAND]
    assert found == [("attributed", ["Reuters"])], found


def test_a_description_is_not_a_body_whose_name_merely_holds_the_noun(extractor):
    text = ("The Northern Miners Federation (NMF) also wants Halvex to publish the safety reports its miners "
            "have filed, which the union says have doubled since the company opened new pits. Unions in Europe "
            "have long fought longer shifts, and European Union Mining Safety Agency (EUMSA) rules cap a shift "
            "at 10 hours.")
    speakers = {e.actor and e.actor.key for e in extractor.analyse(text).extractions if e.kind == STATEMENT}
    assert "European Union Mining Safety Agency" not in speakers, speakers


def test_a_credit_or_a_dateline_is_no_apposition(extractor):
    text = ("date 2026-05-11\nNorvia pilots' union wants regulator to scrap Halvex fatigue waiver: Reuters\n\n"
            "By Tomas Leite\n\nVALEN, May 11 (Reuters) - Norvia's main pilots' union on Monday urged the "
            "country's aviation regulator to withdraw a waiver that lets Halvex Airways keep pilots on duty for "
            "up to 14-1/2 hours, saying it was putting passengers at risk, and threatened industrial action at "
            "the flag carrier.\n\nThe Sindicato dos Pilotos de Linha (SPL) also wants Halvex to publish the "
            "fatigue reports its pilots have filed this year, which the union says have more than doubled since "
            "the airline launched long routes to the Gulf.")
    actors = {e.actor and e.actor.key for e in extractor.analyse(text).extractions}
    assert "Reuters" not in actors, actors


@pytest.mark.parametrize("text", [
    '"Vestria must release them today," Foreign Minister Leyla Demir said.',
    '"Our citizens have been held for 72 hours. Vestria must let our diplomats see them today. Not tomorrow. '
    'Today," Foreign Minister Leyla Demir wrote on X.',
])
def test_a_party_the_speaker_says_must_act_is_asked_to(extractor, text):
    assert _demand_parties(extractor, text) == [("Leyla Demir", "Vestria")]


@pytest.mark.parametrize("text", [
    '"Norland should win the vote easily," said Ana Ruiz, an analyst.',  # a forecast
    '"Norland must be held to account," said Ana Ruiz.',  # asked of someone else
    '"Now the regulator must finish the job," said Ana Ruiz.',  # names no one
])
def test_what_a_speaker_says_another_must_do_is_not_always_asked_of_it(extractor, text):
    assert _demand_parties(extractor, text) == []


def test_brussels_acting_is_the_european_union_and_a_venue_stays_a_city(extractor):
    analysis = extractor.analyse(
        "Brussels wants Norway to respect the quota, officials said. Talks in Brussels ended without a deal."
    )
    demand = next(e for e in analysis.extractions if e.kind == DEMAND)
    assert (demand.actor.key, demand.actor.label, demand.target.key) == ("European Union", "ORG", "Norway")
    assert [m.key for m in analysis.mentions if m.text == "Brussels"] == ["European Union", "Brussels"]


def test_a_state_asked_for_is_not_a_state_reported(extractor):
    analysis = extractor.analyse("The United States called on the army to keep the crossing open.")
    assert [e.kind for e in analysis.extractions] == [DEMAND]
    assert [e.kind for e in extractor.analyse("The question of his return remains open.").extractions] == [STATUS]


def test_a_name_the_model_cut_before_of_the_republic_does_not_end_in_of(extractor):
    text = "On 3 March the Ministry of Foreign Affairs of the Republic of Norland handed a note to Vestria."
    names = [m.text for m in extractor.analyse(text).mentions]
    assert not any(name.split()[-1] in ("of", "and", "the") for name in names), names


def test_a_release_told_without_its_doer_meets_the_release_demanded(extractor):
    text = ("Norland demanded that Vestria free the crew of the trawler. Vestria said the men had fished "
            "illegally. The ten crew members were released on April 2 after the owner paid a fine.")
    events = [(e.actor.key, e.target and e.target.key, e.predicate)
              for e in extractor.analyse(text).extractions if e.kind == EVENT]
    assert events == [("Vestria", "Norland", "release")], events
    # With no such demand before it, nobody is known to have done it: no event.
    assert [e for e in extractor.analyse("The crew were released on April 2.").extractions if e.kind == EVENT] == []


QUESTION_QUOTED = (
    "Asked whether the waiver would be suspended, director-general Joao Reis declined to comment. "
    "The pilots' union SPL said the report confirmed its warnings. Its president, Captain Inês Duarte, "
    'called on the regulator to ground the rosters immediately. "How many near misses do we need?" she said.'
)


def test_a_quotation_closed_on_a_question_mark_keeps_its_attribution(extractor):
    said = [(e.actor and e.actor.key, e.content.text) for e in extractor.analyse(QUESTION_QUOTED).extractions
            if e.kind == STATEMENT and e.direct]
    assert said == [("Inês Duarte", "How many near misses do we need?")], said


def test_a_document_inside_what_someone_reports_is_no_statement_going_on(extractor):
    speakers = [e.actor and e.actor.key for e in extractor.analyse(QUESTION_QUOTED).extractions
                if e.kind == STATEMENT and not e.direct]
    assert "Joao Reis" not in speakers[1:], speakers  # only his own "declined to comment"


@pytest.mark.parametrize(("text", "parties"), [
    ("Vestria must return the vessel, Norland said.", [("Norland", "Vestria")]),
    ("Halvex Air must scrap the waiver, the pilots' union SPL said.", [("SPL", "Halvex Air")]),
    ("Norway's foreign minister Ana Ruiz told her Russian counterpart that the crew must be freed.",
     [("Ana Ruiz", "Russia")]),
])
def test_an_obligation_reported_before_its_speaker_or_told_in_the_passive_is_a_demand(extractor, text, parties):
    assert _demand_parties(extractor, text) == parties


@pytest.mark.parametrize(("text", "parties"), [
    ("Norway calls upon the Russian authorities to ensure the safety of the crew.", [("Norway", "Russia")]),
    # The tagger took "demands" for a noun joined to "protest".
    ("The Ministry of Foreign Affairs of Russia expresses its firm protest and demands that Ukraine "
     "immediately release the detained fishermen.", [("Ministry of Foreign Affairs", "Ukraine")]),
])
def test_the_formal_register_of_state_media_is_read(extractor, text, parties):
    assert _demand_parties(extractor, text) == parties


def test_what_a_demand_asks_for_is_no_event_however_it_is_parsed(extractor):
    text = ("The Ministry of Foreign Affairs of Russia expresses its firm protest and demands that Ukraine "
            "immediately release the detained fishermen.")
    assert [e for e in extractor.analyse(text).extractions if e.kind == EVENT] == []


@pytest.mark.parametrize(("text", "parties"), [
    ("Clara Dusset said the offer was fair and urged the union to suspend the strike.", [("Clara Dusset", None)]),
    ("Speaking to a rally, Piet Morel told supporters that the ministry had refused to negotiate and called "
     "on Prime Minister Anna Voss to intervene.", [("Piet Morel", "Anna Voss")]),
    ("The mayor, Jonas Hale, says the plan is reckless and urges the regional council to reject it.",
     [("Jonas Hale", None)]),
    ("Norland's foreign minister said the seizure was illegal and demanded the immediate release of the crew "
     "from Vestria.", [("Norland", "Vestria")]),
    # The clause's own subject is a party: it is the one demanding.
    ("Marta Kowal said Vestria wanted talks and demanded that Norland withdraw its ships.",
     [("Vestria", "Norland"), ("Vestria", "Norland")]),
])
def test_a_demand_verb_hung_on_the_clause_reported_goes_on_from_the_reporter(extractor, text, parties):
    assert _demand_parties(extractor, text) == parties


@pytest.mark.parametrize(("text", "speaker"), [
    ("Health Minister Rosa Lind announced the closure on Monday. The minister would not comment on the protests.",
     "Rosa Lind"),
    ("The Halden Nurses Union said the plan was reckless. A union spokeswoman declined to comment on the talks.",
     "Halden Nurses Union"),
])
def test_whoever_declines_to_comment_is_found_as_a_speaker_is(extractor, text, speaker):
    declined = [e.actor and e.actor.key for e in extractor.analyse(text).extractions if e.stance == NO_COMMENT]
    assert declined == [speaker]


@pytest.mark.parametrize(("text", "parties"), [
    ("Norland expects compensation from Vestria for the damaged nets.", [("Norland", "Vestria")]),
    ('"We expect a full explanation from Vestria," Foreign Minister Ana Ruiz told reporters.',
     [("Ana Ruiz", "Vestria")]),
    # A forecast, not something asked of anyone.
    ("Analysts expect a rate cut in June.", []),
    ("Vestria expects the release of the crew within days.", []),
    ("The union expects the ministry to reopen talks next week.", []),
    ("We do not expect an apology from Vestria.", []),
])
def test_what_a_party_expects_from_another_is_asked_of_it(extractor, text, parties):
    assert _demand_parties(extractor, text) == parties


def test_a_demand_verb_after_a_demanded_clause_and_a_verb_tagged_as_a_noun(extractor):
    text = ("Norland on Monday demanded that Vestria explain how one of its military drones came down in a "
            "Norlandic village at the weekend and called on Vestria to apologise.")
    found = extractor.analyse(text).extractions
    assert [(e.actor and e.actor.key, e.target and e.target.key, e.predicate, e.stance)
            for e in found if e.kind == DEMAND] == [
        ("Norland", "Vestria", "explain", "asserted"), ("Norland", "Vestria", "apologise", "asserted"),
    ]
    # What Vestria is asked to explain is not something it said.
    assert [e for e in found if e.kind == STATEMENT] == []


def test_a_relative_clause_of_saying_does_not_make_a_sentence_of_credit(extractor):
    text = ('"My client will not be handed over," she said. Norland is also pressing Vestria to freeze about '
            "60 million euros in bank accounts and property that it says Olin holds in the country.")
    assert _demand_parties(extractor, text) == [("Norland", "Vestria")]
    # Pressed for, the freeze is not told as done.
    assert [e for e in extractor.analyse(text).extractions if e.kind == EVENT] == []


@pytest.mark.parametrize("text", [
    "Norway denied it. Norwegian Defence Minister Valdis Korsts has spoken.",
    "Tarvonia denied it. Tarvonian Defence Minister Valdis Korsts has spoken publicly.",
])
def test_a_field_the_model_took_for_an_organisation_is_part_of_the_title(extractor, text):
    state = text.split()[0]
    assert [(a.member, a.state) for a in extractor.analyse(text).affiliations] == [("Valdis Korsts", state)]


def test_the_ministry_is_the_ministry_the_article_names(extractor):
    text = ("The Ministry of Defence of Vestria has completed its review of the incident. The Ministry said the "
            "aircraft had suffered a navigation fault. The Ministry reiterates its request that Norland return "
            "the wreckage.")
    found = extractor.analyse(text).extractions
    assert {e.actor and e.actor.key for e in found if e.kind in (STATEMENT, DEMAND)} == {
        "Ministry of Defence of Vestria"}


@pytest.mark.parametrize("text", [
    "The union's general secretary, Ana Ruiz, urged the ministry to reopen talks.",
    # The small model leaves this name untagged here.
    "The union's general secretary, Ana Ruiz, said the talks had failed.",
])
def test_a_person_named_beside_her_title_speaks_and_demands(extractor, text):
    assert [e.actor and e.actor.key for e in extractor.analyse(text).extractions] == ["Ana Ruiz"]


@pytest.mark.parametrize(("text", "parties"), [
    ("The Halden Nurses Union said nurses would strike unless the Ministry of Health halts the closure.",
     [("Halden Nurses Union", "Ministry of Health")]),
    ("The Halden Nurses Union will walk out unless Arbelow Health raises pay.",
     [("Halden Nurses Union", "Arbelow Health")]),
    ("Norland threatened to expel the ambassador unless Vestria released the crew.", [("Norland", "Vestria")]),
    # A forecast on a condition, and a condition on what one cannot do, threaten nothing.
    ("Prices will rise unless the Central Bank of Norland acts.", []),
    ("Ana Ruiz could not leave unless Vestria allowed it.", []),
])
def test_a_threat_unless_a_party_acts_demands_that_it_act(extractor, text, parties):
    assert _demand_parties(extractor, text) == parties


@pytest.mark.parametrize("text", [
    "The Halden Nurses Union called on Health Minister Catherine Ellory to commission a review. "
    "Catherine Ellory has refused.",
    "Norland demanded that Vestria return the drone. Vestria flatly rejects it.",
])
def test_a_party_turning_down_what_it_was_asked_in_so_many_words_denies_it(extractor, text):
    found = extractor.analyse(text).extractions
    asked = next(e for e in found if e.kind == DEMAND)
    denials = [(e.actor.key, e.target.key, e.predicate) for e in found if e.stance == "denied"]
    assert denials == [(asked.target.key, asked.actor.key, asked.predicate)]


@pytest.mark.parametrize("said, stance", [
    ('"Twelve percent is out of the question," the Tallis Port Company said.', "denied"),
    ("The Tallis Port Company said a 12% rise was off the table.", "denied"),
    ("The Tallis Port Company said the offer was non-negotiable.", "denied"),
    ("The Tallis Port Company said a 12% rise was affordable.", "attributed"),
])
def test_the_party_asked_ruling_the_thing_out_denies_it(extractor, said, stance):
    text = "The Velland Teachers Union demands a 12% pay rise from the Tallis Port Company. " + said
    [statement] = [e for e in extractor.analyse(text).extractions if e.kind == STATEMENT]
    assert statement.stance == stance


def test_a_refusal_of_nothing_asked_says_nothing(extractor):
    found = extractor.analyse("Ana Ruiz spoke to reporters. Vestria has refused.").extractions
    assert [e for e in found if e.stance == "denied"] == []


OPINION_PIECE = """OPINION | The strait needs a fisheries deal, not another hostage drama

By Marta Kowalczyk

A week after the coast guard boarded the trawler, the row has turned into the worst crisis in a decade.
Vestria should release the ten deckhands at once. Norland, for its part, should stop treating a fisheries
case as a question of national honour. None of this means Norland must give up its claim.
"Vestria must pay," a fisherman told me. Ana Ruiz says Vestria should apologise.
"""


def test_the_author_of_an_opinion_piece_asks_in_its_own_voice(extractor):
    found = [(e.actor.key, e.target.key, e.predicate) for e in extractor.analyse(OPINION_PIECE).extractions
             if e.kind == DEMAND and e.actor and e.actor.key == "Marta Kowalczyk"]
    assert found == [("Marta Kowalczyk", "Vestria", "release"), ("Marta Kowalczyk", "Norland", "stop")]


def test_the_author_named_only_in_the_byline_and_the_closing_bio_is_mentioned_at_the_byline(extractor):
    piece = OPINION_PIECE.replace("By Marta Kowalczyk", "By Marta Kowalczyk, Columnist") + (
        "\nMarta Kowalczyk teaches maritime law at the University of Norland. The views expressed are her own.\n"
    )
    analysis = extractor.analyse(piece)
    assert any(e.kind == DEMAND and e.actor and e.actor.key == "Marta Kowalczyk" for e in analysis.extractions)
    byline = piece.index("Marta Kowalczyk")
    assert [(m.key, m.start) for m in analysis.mentions if m.key == "Marta Kowalczyk"] == [("Marta Kowalczyk", byline)]


def test_in_the_author_s_voice_it_obliged_is_the_body_it_points_back_to(extractor):
    piece = OPINION_PIECE.replace(
        "None of this means",
        "The Vestrian Fisheries Agency has said nothing. It should publish the catch data this month. None of this means",
    )
    found = {(e.target.key, e.predicate) for e in extractor.analyse(piece).extractions
             if e.kind == DEMAND and e.actor and e.actor.key == "Marta Kowalczyk"}
    assert ("Vestrian Fisheries Agency", "publish") in found, found


@pytest.mark.parametrize("old, new", [
    # The parser hangs the clause before the colon on the one after it: both are the author's own.
    ("at once.", "at once: whatever the captain decided, they were following orders."),
    ("at once.", "at once; the captain, not they, chose where to fish."),
])
def test_in_the_author_s_voice_a_clause_joined_by_a_colon_is_a_main_clause(extractor, old, new):
    piece = OPINION_PIECE.replace(old, new, 1)
    found = [(e.target.key, e.predicate) for e in extractor.analyse(piece).extractions
             if e.kind == DEMAND and e.actor and e.actor.key == "Marta Kowalczyk"]
    assert ("Vestria", "release") in found, found


def test_a_news_report_has_no_author_s_voice(extractor):
    report = OPINION_PIECE.replace("OPINION | ", "")
    assert not any(e.actor and e.actor.key == "Marta Kowalczyk" for e in extractor.analyse(report).extractions)


def test_the_party_in_a_for_phrase_before_the_infinitive_is_asked(extractor):
    text = ("The Vessa Cooperative filed suit on Monday. The Vessa Cooperative also repeated its call for the "
            "Porto Alvar Port Authority to pay compensation to fishing families.")
    assert ("Vessa Cooperative", "Porto Alvar Port Authority") in _demand_parties(extractor, text)


@pytest.mark.parametrize(("text", "maker"), [
    ("President Anna Berg of Norland chaired the session. The Head of State demanded an apology from Vestria.",
     "Anna Berg"),
    ("Prime Minister Jonas Hale met the unions. The head of government demanded an apology from Vestria.",
     "Jonas Hale"),
])
def test_the_head_of_state_or_government_is_the_one_the_article_named_in_that_post(extractor, text, maker):
    assert _demand_parties(extractor, text) == [(maker, "Vestria")]


def test_a_body_described_by_its_members_is_the_body_whose_name_holds_them(extractor):
    text = ("The Halvenian Nurses' Federation (HNF) said the plan was reckless. The nurses' union and the "
            "town's mayor have demanded that Vestria keep the hospital open.")
    assert _demand_parties(extractor, text) == [("Halvenian Nurses' Federation", "Vestria")]


def test_in_the_author_s_voice_a_description_of_a_named_party_or_a_name_tagged_a_pronoun_is_asked(extractor):
    piece = OPINION_PIECE.replace(
        "None of this means",
        "The Porto Alvar Port Authority has said nothing. The port authority should publish every reading. "
        "There is already talk of industrial action. HNF should keep strike threats off the table until the "
        "review is public. None of this means",
    )
    found = {(e.target.key, e.predicate) for e in extractor.analyse(piece).extractions
             if e.kind == DEMAND and e.actor and e.actor.key == "Marta Kowalczyk"}
    assert {("Porto Alvar Port Authority", "publish"), ("HNF", "keep")} <= found, found


def test_a_source_at_a_body_s_premises_speaks_for_the_body(extractor):
    text = ("Both countries belong to the Vistran Security Compact, a regional defence alliance. A spokesman at "
            "the Compact's headquarters said it was \"in contact with both capitals\".")
    speakers = [e.actor and e.actor.key for e in extractor.analyse(text).extractions if e.kind == STATEMENT]
    assert speakers == ["Vistran Security Compact"]


def test_state_media_initials_and_posts_run_into_a_name(extractor):
    text = ("The depositors thanked Prosecutor-General S.N. Gorelik for his work. A.V. Mirtov is accused of "
            "fraud. Arkadiy Mirtov denies it.")
    keys = {m.text: (m.key, m.label) for m in extractor.analyse(text).mentions}
    assert keys["S.N. Gorelik"] == ("S.N. Gorelik", "PERSON"), keys
    assert keys["A.V. Mirtov"][0] == keys["Arkadiy Mirtov"][0] == "Arkadiy Mirtov", keys
    # Two people the initial could stand for: neither is assumed.
    text += " Anna Mirtov, his wife, said nothing."
    keys = {m.text: m.key for m in extractor.analyse(text).mentions}
    assert keys["A.V. Mirtov"] == "A.V. Mirtov", keys



@pytest.mark.parametrize("title", ["secretary-general", "editor-in-chief", "director-general"])
def test_a_hyphenated_title_after_an_opening_name_is_no_dateline(extractor, title):
    text = f"Odile Varnay, the {title} of the Harlow Maritime League, has urged Brenmark to stay calm."
    demands = [e for e in extractor.analyse(text).extractions if e.kind == DEMAND]
    assert [(e.actor.key, e.target.key) for e in demands] == [("Odile Varnay", "Brenmark")], demands


def test_a_lower_case_kind_of_body_is_its_owner_s_not_a_name_of_its_own(extractor):
    text = ("Brenmark's defence ministry said the drone had strayed. Osterlund's foreign ministry said it had "
            "summoned the ambassador.")
    analysis = extractor.analyse(text)
    assert not [m for m in analysis.mentions if m.key.endswith("ministry")], analysis.mentions
    speakers = [e.actor.key for e in analysis.extractions if e.kind == STATEMENT]
    assert speakers == ["Brenmark", "Osterlund"], speakers


def test_a_read_more_line_names_no_party_for_a_description(extractor):
    text = ("Tellmark Foods was asked for documents. A spokeswoman for Tellmark said the company \"will engage "
            "constructively with the regulator.\"\n\nRead more: Osterlund's Food Safety Regulator Widens Recall")
    targets = [e.target and e.target.key for e in extractor.analyse(text).extractions if e.kind == STATEMENT]
    assert targets and not any(t and "Food Safety" in t for t in targets), targets


def test_a_statement_naming_no_one_is_addressed_to_the_object_of_the_clause_reported(extractor):
    text = ("The Corran Fishing Cooperative went to court on Monday. Tomas Evander said the authority was ready "
            "to meet the cooperative \"at any time\". Lena Oakes said Harwick \"will not be rushed\".")
    found = {e.actor.key: e.target and e.target.key for e in extractor.analyse(text).extractions
             if e.kind == STATEMENT}
    assert found["Tomas Evander"] == "Corran Fishing Cooperative", found
    assert found["Lena Oakes"] != "Harwick", found  # the clause's subject is no target


def test_a_second_base_form_after_a_relative_clause_is_a_second_thing_asked(extractor):
    text = ("The Ministry of Transport of Brenmark reiterates its request that the Osterlund authorities return "
            "the container ship, which remains the property of the Republic of Brenmark, and grant Brenmark "
            "inspectors access to it.")
    found = extractor.analyse(text).extractions
    assert sorted(e.predicate for e in found if e.kind == DEMAND) == ["grant", "hand over"], found
    assert not [e for e in found if e.kind == EVENT and e.predicate == "grant"], found


def test_a_second_for_clause_joined_to_the_demand_verb_is_a_second_thing_asked(extractor):
    text = ("Ola Strand pressed Osterlund for the return of the trawler and for Brenmark inspectors to be "
            "allowed to board it.")
    demands = [e for e in extractor.analyse(text).extractions if e.kind == DEMAND]
    wanted = [("Osterlund", "hand over"), ("Osterlund", "allow")]
    assert [(e.target.key, e.predicate) for e in demands] == wanted, demands


def test_going_to_court_adjourning_and_recalling_are_events(extractor):
    text = ("The Brenmark Fishermen's Union represents 400 families. The Velmora Harbour Company runs the port. "
            "The union filed a lawsuit against the Velmora Harbour Company on Monday. Last week the Brenmark "
            "Fishermen's Union took the Velmora Harbour Company to court. The Brenmark Court of Appeal has "
            "adjourned the hearing until June 16.")
    events = {(e.predicate, e.actor.key, e.target and e.target.key)
              for e in extractor.analyse(text).extractions if e.kind == EVENT}
    assert ("sue", "Brenmark Fishermen's Union", "Velmora Harbour Company") in events, events
    assert ("adjourn", "Brenmark Court of Appeal", None) in events, events


def test_a_demand_with_no_addressee_is_of_the_party_its_maker_asks_elsewhere(extractor):
    text = ("Norway has demanded an apology over the seized trawler. Norway also demanded that Denmark return "
            "the trawler within a week. Later, Norway demanded compensation.")
    demands = {e.predicate: e.target and e.target.key
               for e in extractor.analyse(text).extractions if e.kind == DEMAND}
    # The lead states the gist, the body its addressee; a later demand goes on from the earlier one.
    assert demands == {"apologise": "Denmark", "hand over": "Denmark", "compensation": "Denmark"}, demands


def test_each_party_of_a_joint_subject_makes_the_demand(extractor):
    text = "Germany, France and the European Commission have demanded that Hungary withdraw the law."
    makers = set(_demand_parties(extractor, text))
    assert makers == {("Germany", "Hungary"), ("France", "Hungary"), ("European Commission", "Hungary")}, makers


def test_according_to_unnamed_officials_of_a_named_side_is_hedged(extractor):
    text = "According to two German officials, Berlin has offered to pay for the repairs."
    said = [e for e in extractor.analyse(text).extractions if e.kind == STATEMENT]
    assert [(e.actor.key, e.stance, e.origins) for e in said] == [("Germany", "hedged", [])], said
    text = "According to Reuters, Berlin has offered to pay for the repairs."
    said = [e for e in extractor.analyse(text).extractions if e.kind == STATEMENT]
    assert [(e.actor.key, e.stance, [o.key for o in e.origins]) for e in said] == [
        ("Germany", "attributed", ["Reuters"])
    ], said


@pytest.mark.parametrize("text, actor", [
    # A named origin relays what a body or state did: the claim is the body's, credited to the origin.
    ("According to Le Monde, the Kavran Authority's inspectors found that records had been copied.",
     "Kavran Authority"),
    ("According to the Harwick Courier, Norland has offered to pay part of the arrears.", "Norland"),
    # Not the origin's own side, not a person the report is about, not what is no party at all.
    ("According to the Kavran Authority, its inspectors found that records had been copied.", "Kavran Authority"),
    ("According to Le Monde, Jane Roe suffers from a chronic illness.", "Le Monde"),
    ("According to the Teachers Union, 87 per cent of members backed a strike.", "Teachers Union"),
])
def test_according_to_a_named_origin_files_the_claim_under_the_body_it_reports_on(extractor, text, actor):
    said = [e for e in extractor.analyse(text).extractions if e.cue == "according to"]
    assert [e.actor.key for e in said] == [actor], said
    assert all(e.stance == "attributed" and e.origins for e in said), said


def test_sources_close_to_a_party_speak_for_its_side_hedged(extractor):
    text = ("The Harwick Port Authority runs the port. Sources close to the Harwick Port Authority say it will "
            "appeal any suspension immediately.")
    said = [e for e in extractor.analyse(text).extractions if e.kind == STATEMENT]
    assert [(e.actor.key, e.stance, e.origins) for e in said] == [("Harwick Port Authority", "hedged", [])], said


def test_an_interviewee_who_spoke_to_us_answers_the_marked_questions(extractor):
    text = ("Two weeks before the ban takes effect, Trade Minister Ilse Vandermeer spoke to us in Brussels.\n\n"
            "Q: Were you surprised by the complaint?\n\n"
            "A: No. They told us they would, and we will defend the decree in Geneva, where we believe the "
            "panel will agree with us that the measure is lawful, proportionate and temporary, as we have said "
            "from the first day, and as every one of our partners in the region accepts, whatever they say in "
            "public about it, and whatever their lawyers now tell the press in Seoul and elsewhere.\n")
    answers = [e for e in extractor.analyse(text).extractions if e.cue == "answer"]
    assert [(a.actor.key, a.content.text[:8]) for a in answers] == [("Ilse Vandermeer", "No. They")], answers


@pytest.mark.parametrize("people, state", [("Kyrgyz", "Kyrgyzstan"), ("Uzbek", "Uzbekistan"), ("Tajik", "Tajikistan")])
def test_a_people_s_name_before_stan_is_its_state(extractor, people, state):
    text = f"The {people} side said Kazakhstan owes about $3.4 million in arrears."
    speakers = [e.actor.key for e in extractor.analyse(text).extractions if e.kind == STATEMENT]
    assert speakers == [state], speakers


def test_a_capital_under_its_new_name_or_an_old_spelling_stands_for_its_state(extractor):
    text = "Astana demands that Kiev return the seized cargo."
    demands = _demand_parties(extractor, text)
    assert demands == [("Kazakhstan", "Ukraine")], demands


def test_a_press_release_dateline_whose_city_the_corpus_took_for_an_organisation_is_no_speaker():
    # Another article taught the corpus "Hyderabad" as an organisation; at the head of a press
    # release it is still where the release was issued, and the company after the dash acts.
    extractor = Extractor()
    extractor.set_known_aliases([
        KnownAlias(surface="Halvex Pharmaceuticals", canonical="Halvex Pharmaceuticals", label="ORG"),
        KnownAlias(surface="Hyderabad", canonical="Hyderabad", label="ORG"),
    ])
    text = ("PRESS RELEASE\n\nHalvex Pharmaceuticals initiates voluntary recall of select batches of Normatin "
            "in India\n\nHyderabad, March 3, 2026 - Halvex Pharmaceuticals Limited (\"Halvex\" or \"the Company\") "
            "today announced that it is voluntarily recalling 14 batches of Normatin to the retail level in India, "
            "as a precautionary measure.\n")
    actors = {e.actor.key for e in extractor.analyse(text).extractions if e.actor is not None}
    assert actors == {"Halvex Pharmaceuticals"}, actors

def test_a_credit_and_a_name_either_side_of_a_spaced_dash_are_two(extractor):
    text = ("ASTANA, 10 June. KAZINFORM - The Ministry of Energy of the Republic of Kazakhstan has sent a note "
            "to the Kyrgyz side demanding the immediate restoration of water releases.")
    analysis = extractor.analyse(text)
    assert "KAZINFORM" in {m.key for m in analysis.mentions}, analysis.mentions
    demands = [(e.actor.key, e.target.key) for e in analysis.extractions if e.kind == DEMAND]
    assert demands == [("Ministry of Energy of the Republic of Kazakhstan", "Kyrgyzstan")], demands


def test_a_name_cut_at_a_particle_is_one_body(extractor):
    text = "According to the União dos Professores Municipais de Porto Alegre (Uniprof-POA), 78% of teachers struck."
    keys = {m.text: m.key for m in extractor.analyse(text).mentions}
    assert keys.get("Uniprof-POA") == "União dos Professores Municipais de Porto Alegre", keys


def test_they_after_unnamed_people_are_not_a_place_named_beside_them(extractor):
    text = ("Teachers of the city's schools are marching this morning from the Praca Velha Square to city hall. "
            "They are demanding a 12% pay rise.")
    makers = [e.actor and e.actor.key for e in extractor.analyse(text).extractions if e.kind == DEMAND]
    assert not [m for m in makers if m and "Praca" in m], makers


def test_what_unnamed_people_of_no_side_report_is_the_subject_s_hedged(extractor):
    text = ("According to two trade diplomats in Geneva, the European Union is considering joining the "
            "consultations as a third party.")
    said = [(e.actor.key, e.stance) for e in extractor.analyse(text).extractions if e.kind == STATEMENT]
    assert said == [("European Union", "hedged")], said


def test_we_in_a_press_release_s_own_words_is_its_issuer(extractor):
    text = ("PRESS RELEASE\n\nHarwick Dockers Union: the strike goes on\n\nThe Harwick Dockers Union informs its "
            "members that the strike continues. We call on the Velmora Harbour Company to return to the table. "
            "\"We will not be moved,\" said one docker.\n")
    demands = _demand_parties(extractor, text)
    assert demands == [("Harwick Dockers Union", "Velmora Harbour Company")], demands


@pytest.mark.parametrize("label", ["MEDIA STATEMENT", "Official statement", "News release", "FOR IMMEDIATE RELEASE"])
def test_we_under_any_release_label_is_its_issuer(extractor, label):
    text = (f"{label}\n\nHarwick Dockers Union: the strike goes on\n\nThe Harwick Dockers Union informs its "
            "members that the strike continues. We call on the Velmora Harbour Company to return to the table.\n")
    assert _demand_parties(extractor, text) == [("Harwick Dockers Union", "Velmora Harbour Company")]


def test_an_acronym_the_tagger_took_for_an_adjective_before_demands_is_its_subject(extractor):
    text = "KDWU demands that HPOC return to the negotiating table with an offer."
    found = [(e.actor.key, e.target.key, e.predicate) for e in extractor.analyse(text).extractions
             if e.kind == DEMAND]
    assert found == [("KDWU", "HPOC", "return")], found  # returning to a table hands nothing over


def test_an_acronym_the_parser_made_the_root_before_demands_is_its_subject(extractor):
    # In a union's media statement the parser makes "PADWU" an adjective heading the sentence and
    # "demands" its object: the acronym opening the sentence is still the one demanding.
    text = ("MEDIA STATEMENT\n\nPADWU: THE STRIKE CONTINUES - KPOC MUST RETURN WITH A SERIOUS OFFER\n\n7 May 2026\n\n"
            "The Port and Dock Workers' Union (PADWU) notes the statement by KPOC management claiming that the "
            "strike is \"unprotected\". We reject this claim with the contempt it deserves.\n\n"
            "PADWU demands that KPOC return to the negotiating table with an offer that addresses the 12% increase "
            "and the R2,500 housing allowance. We further demand that KPOC withdraw its plan to outsource crane "
            "operations at Pier 2, which threatens 600 jobs.\n")
    found = [(e.actor.key, e.target.key, e.predicate) for e in extractor.analyse(text).extractions if e.kind == DEMAND]
    assert ("Port and Dock Workers' Union", "KPOC", "return") in found, found

def test_a_clause_hung_on_an_order_after_its_infinitive_is_not_what_was_ordered(extractor):
    # The parser hangs "was found" on "ordered" as its clause: the order is still to recall.
    text = ("To recap: on Tuesday the drug regulator CDSRA ordered Halvex Pharmaceuticals to recall 14 batches "
            "of its blood pressure drug Normatin after an impurity, NDEA, was found above the permitted limit.")
    found = [(e.actor.key, e.target.key, e.predicate) for e in extractor.analyse(text).extractions if e.kind == DEMAND]
    assert found == [("CDSRA", "Halvex Pharmaceuticals", "recall")], found

def test_an_acronym_the_tagger_took_for_a_common_noun_before_demands_is_its_subject(extractor):
    # After the article has declared the acronym, the tagger reads "PADWU demands" as a noun
    # compound ("union demands"): the acronym is still the one demanding.
    text = ("The Port and Dock Workers' Union (PADWU) notes the statement by NPOC management.\n"
            "PADWU demands that NPOC return to the negotiating table with an offer.")
    found = [(e.actor.key, e.target.key) for e in extractor.analyse(text).extractions if e.kind == DEMAND]
    assert found == [("Port and Dock Workers' Union", "NPOC")], found


@pytest.mark.parametrize(("text", "maker"), [
    ("Reporters Without Borders (RSF) called on Velland to release the reporter. RSF said the case was weak.",
     "Reporters Without Borders"),
    ("The charity Doctors Without Borders (MSF) urged Velland to open the crossing.", "Doctors Without Borders"),
    ("Foreign Minister Jane Roe (CDU) urged Velland to open the crossing.", "Jane Roe"),
])
def test_a_name_before_a_bracketed_acronym_in_another_language_is_a_name(extractor, text, maker):
    assert _demand_parties(extractor, text) == [(maker, "Velland")]


def test_we_in_a_quotation_going_on_from_the_sentence_before_is_its_speaker(extractor):
    text = ('"Velland has helped itself to a bigger share," Fisheries Minister Jane Roe told reporters. '
            '"We want that decision reversed, and we want Velland back at the table."')
    assert ("Jane Roe", "Velland") in _demand_parties(extractor, text)




@pytest.mark.parametrize(("text", "demands"), [
    ('"We expect Velland to release the crew without delay," Norland\'s foreign minister Jane Roe said.',
     [("Jane Roe", "Velland")]),
    ("Norland expects Velland to release the crew.", [("Norland", "Velland")]),
    ("Norland expects Velland to win the match.", []),
    ("Analysts expect prices to rise next year.", []),
    ("Norland expects the crew to be released soon.", []),
])
def test_a_demandable_act_a_named_party_is_expected_to_do_is_asked_of_it(extractor, text, demands):
    assert _demand_parties(extractor, text) == demands


def test_a_state_s_adjective_on_a_demand_noun_is_its_maker(extractor):
    text = "Velland's fisheries minister rejected the French demand that Velland reduce its quota."
    assert ("France", "Velland") in _demand_parties(extractor, text)


def test_a_command_in_a_post_or_quotation_is_its_speaker_s_demand_of_the_party_it_asks(extractor):
    text = ("The Clearwater group has demanded that the Velmora Port Authority publish its readings.\n\n"
            "Clearwater posted on X:\n\nThe dredgers are back. Now publish the data, @VelmoraPort.\n"
            "— Clearwater (@ClearwaterVM) June 3, 2026\n\n"
            '"Look at the numbers," said Ana Ruiz. "Take the case of the clams," she added.\n')
    commands = [(e.actor.key, e.target and e.target.key, e.predicate) for e in extractor.analyse(text).extractions
                if e.kind == DEMAND and e.cue == "imperative"]
    assert commands == [("Clearwater", "Velmora Port Authority", "publish")], commands


def test_the_company_is_never_an_organisation_or_forum_named_more_often(extractor):
    text = ("The Velland Medicines Standard Control Organisation (VMSCO) has ordered Halvor Pharmaceuticals to "
            "recall 14 batches. VMSCO said the levels were high. VMSCO also directed the company to stop the sale.")
    assert _demand_parties(extractor, text) == [
        ("Velland Medicines Standard Control Organisation", "Halvor Pharmaceuticals")
    ] * 2


def test_the_medicines_regulator_is_the_body_named_most_whose_name_holds_medicines(extractor):
    text = ("The Velland Medicines Standard Control Organisation (VMSCO) has ordered Halvor Pharmaceuticals to "
            "recall 14 batches after tests at the Velland Medicines Laboratory. The medicines regulator has also "
            "directed the company to stop the sale.")
    assert _demand_parties(extractor, text) == [
        ("Velland Medicines Standard Control Organisation", "Halvor Pharmaceuticals")
    ] * 2


def test_a_state_s_authorities_are_the_state_not_the_one_regulating_body_named(extractor):
    text = ("The Velland Media Authority said the case was closed. Newspaper editor Jonas Keller called on the "
            "Turkish authorities to drop all charges against the reporter.")
    assert _demand_parties(extractor, text) == [("Jonas Keller", "Turkey")]


def test_the_outlet_a_speaker_talks_to_is_not_the_association_named_later(extractor):
    text = ('The leader of Vestkyst Fiskarlag, Kjell Brekke, welcomes the decision. "Now it is important to stand '
            'firm," says Brekke to NTB. The association also asks the ministry to set aside money for a scheme.')
    assert not any(maker == "NTB" for maker, _ in _demand_parties(extractor, text))


def test_directing_a_party_to_act_is_a_demand_and_directing_a_film_is_not(extractor):
    text = ("The Velland Drugs Authority on Tuesday directed Halvor Pharma to stop the sale of the affected "
            "batches. The film was directed by Anna Berg. The minister directed criticism at Velland.")
    assert _demand_parties(extractor, text) == [("Velland Drugs Authority", "Halvor Pharma")]


def test_a_minister_named_after_a_long_portfolio_is_found_and_is_the_minister(extractor):
    text = ("\"We expect the other side to keep to the schedule,\" the Minister of Water Resources and "
            "Irrigation Arman Tokenov stated at a briefing. The Minister informed that he had proposed talks.")
    speakers = [e.actor.key for e in extractor.analyse(text).extractions if e.kind == STATEMENT]
    assert speakers == ["Arman Tokenov", "Arman Tokenov"], speakers


def test_addressing_a_party_with_a_request_is_a_demand_of_it(extractor):
    text = ("The Harwick Farmers Union addressed the Government of Kazakhstan with a request to compensate the "
            "losses of farmers.")
    demands = _demand_parties(extractor, text)
    assert demands == [("Harwick Farmers Union", "Kazakhstan")], demands


def test_the_city_asked_is_the_city_the_article_names(extractor):
    text = ("Teachers in Manchester have been on strike since April. The Harwick Teachers Union also demanded "
            "that the city pay the remaining 6 percentage points of the rise.")
    demands = _demand_parties(extractor, text)
    assert demands == [("Harwick Teachers Union", "Manchester")], demands


def test_a_name_written_solid_with_a_hyphen_is_one_name(extractor):
    text = "BREAKING: A judge has ordered Sindiprof-RS to keep at least 60% of teachers working during the strike."
    texts = {m.text for m in extractor.analyse(text).mentions}
    assert "Sindiprof-RS" in texts, texts


def test_a_demand_verb_taken_for_a_noun_after_its_subject_s_name(extractor):
    text = "Sindiprof-RS demands that the Prefeitura open a real negotiation."
    demands = _demand_parties(extractor, text)
    assert demands == [("Sindiprof-RS", "Prefeitura")], demands


def test_a_speech_verb_before_its_subject_after_a_quotation(extractor):
    text = ('"We did not want the strike. The council left us no alternative," declared the president of '
            'Estiv-HRW, Rogerio Kessmann, during an assembly.')
    speakers = [e.actor and e.actor.key for e in extractor.analyse(text).extractions if e.kind == STATEMENT]
    assert speakers == ["Rogerio Kessmann"], speakers


def test_a_name_beside_a_body_after_a_title_of_it_is_the_title_holder(extractor):
    text = "The president of the Velmar Union, Jane Roe, said the strike would go on."
    speakers = [e.actor and e.actor.key for e in extractor.analyse(text).extractions if e.kind == STATEMENT]
    assert speakers == ["Jane Roe"], speakers


def test_a_family_name_written_first_alone_is_the_person(extractor):
    text = ('"The other side must honour the contracts," Trade Minister Paik Dong-chan said. '
            'Paik said the government would seek "a negotiated solution first".')
    speakers = [e.actor and e.actor.key for e in extractor.analyse(text).extractions if e.kind == STATEMENT]
    assert speakers == ["Paik Dong-chan", "Paik Dong-chan"], speakers


@pytest.mark.parametrize("dash", ["--", "-", "\u2014"])
def test_a_dateline_is_no_part_of_what_is_said(extractor, dash):
    text = (f"HARWICK, March 10 (Yonhap) {dash} Velmar will request consultations with Zendia over its export ban, "
            "the Velmar trade ministry said Tuesday.")
    said = [e for e in extractor.analyse(text).extractions if e.kind == STATEMENT]
    assert said and said[0].content.text.startswith("Velmar will request"), [e.content for e in said]
    assert said[0].target is None or said[0].target.key != "HARWICK", said[0].target


def test_a_body_described_in_lower_case_is_the_one_named_in_full(extractor):
    text = ("Velmar will take the case to a panel, the trade ministry said on Tuesday. The Ministry of Trade, "
            "Industry and Energy (MOTIE) said it had also asked Zendia to exempt old contracts.")
    keys = {m.text: m.key for m in extractor.analyse(text).mentions}
    assert keys.get("trade ministry") == "Ministry of Trade, Industry and Energy", keys


def test_a_name_cut_after_a_particle_takes_back_its_start(extractor):
    text = "A judge at the Vila Nova do Sul Court of Justice has ordered the union to keep 60% of teachers working."
    texts = {m.text for m in extractor.analyse(text).mentions}
    assert "Vila Nova do Sul Court of Justice" in texts, texts


def test_a_big_city_the_model_takes_for_a_person_is_a_place(extractor):
    text = "Teachers of the municipal network of Porto Alegre began a strike on Tuesday."
    labels = {m.key: m.label for m in extractor.analyse(text).mentions}
    assert labels.get("Porto Alegre") == "GPE", labels


def test_a_name_holding_an_acronym_is_no_person(extractor):
    text = "Uniprof-POA president Jonas Weller says the union will respect the ruling."
    labels = {m.key: m.label for m in extractor.analyse(text).mentions}
    assert labels.get("Uniprof-POA") == "ORG", labels


def test_an_acronym_acting_is_a_body(extractor):
    text = "The HVDA on Tuesday renewed its order that Orvello Group delete all remaining location histories."
    demands = _demand_parties(extractor, text)
    assert demands == [("HVDA", "Orvello Group")], demands


@pytest.mark.parametrize("text", [
    "Acme Shipping placed an order for 20 vessels with the Harwick yard.",
    "Acme Shipping cut its prices in order to win back customers from Velmar Lines.",
])
def test_an_order_is_a_demand_only_with_the_act_ordered(extractor, text):
    assert _demand_parties(extractor, text) == []


def test_a_time_given_to_act_hung_on_the_time_is_a_deadline(extractor):
    text = "The HVDA on Tuesday gave Orvello Group 30 days to comply."
    demands = _demand_parties(extractor, text)
    assert demands == [("HVDA", "Orvello Group")], demands


@pytest.mark.parametrize("text", [
    "Teachers marched in Porto Alegre on Tuesday. A city hall spokesman declined to comment on the report.",
    "Teachers marched in Porto Alegre on Tuesday. The mayor's office said it would not negotiate.",
    "Teachers marched in Porto Alegre on Tuesday. City hall urged the teachers to return to work.",
])
def test_city_hall_is_the_city_the_article_names(extractor, text):
    makers = [e.actor and e.actor.key for e in extractor.analyse(text).extractions if e.kind in (STATEMENT, DEMAND)]
    assert makers == ["Porto Alegre"], makers


def test_the_state_a_body_is_of_is_not_its_short_name(extractor):
    text = "The Ministry of Defence of Kestria said on Monday it had seen no drone. Kestria rejected the claim."
    keys = {m.text: m.key for m in extractor.analyse(text).mentions}
    assert keys.get("Kestria") != keys.get("Ministry of Defence of Kestria"), keys


def test_each_thing_listed_after_want_is_a_demand(extractor):
    text = "Velmar wants an explanation, an apology and the drone's flight logs from Zendia."
    found = [(e.actor.key, e.predicate) for e in extractor.analyse(text).extractions if e.kind == DEMAND]
    assert [p for _, p in found] == ["explain", "apologise", "log"], found


def test_an_explanation_wanted_is_a_demand(extractor):
    demands = _demand_parties(extractor, "Zendia shot down the drone on Monday. Velmar wants an explanation and an apology.")
    assert ("Velmar", None) in demands or ("Velmar", "Zendia") in demands, demands


@pytest.mark.parametrize("text", [
    "Velmar says Zendia owes it 2 million dollars. Zendia's water ministry disputed the figure.",
    "The Velmar Data Authority fined Orvello Group. Orvello Group firmly contests the findings.",
    'Velmar says Zendia owes it 2 million dollars. The Zendian water agency called the figure "unfounded".',
])
def test_disputing_or_calling_a_claim_false_denies_it(extractor, text):
    stances = [e.stance for e in extractor.analyse(text).extractions if e.kind == STATEMENT]
    assert "denied" in stances, stances


@pytest.mark.parametrize("text", [
    "Teachers in Curitiba went on strike. The union demanded that the Prefeitura pay the rise.",
    "Teachers in Parana went on strike. The union demanded that the Prefeitura de Curitiba pay the rise.",
])
def test_a_city_government_named_in_its_own_language_is_the_city(extractor, text):
    targets = [e.target and e.target.key for e in extractor.analyse(text).extractions if e.kind == DEMAND]
    assert targets == ["Curitiba"], targets


def test_the_union_is_the_body_named_in_its_own_language(extractor):
    text = ("According to the Uniao dos Estivadores de Harwick, the strike continues. "
            "The union also demands the withdrawal of the port bill.")
    makers = [e.actor and e.actor.key for e in extractor.analyse(text).extractions if e.kind == DEMAND]
    assert makers == ["Uniao dos Estivadores de Harwick"], makers


def test_the_city_is_the_one_the_story_is_about(extractor):
    text = ("Teachers of the municipal network of Porto Alegre, capital of Rio Grande do Sul, began a strike. "
            "The union demanded that the municipality pay the rise.")
    targets = [e.target and e.target.key for e in extractor.analyse(text).extractions if e.kind == DEMAND]
    assert targets == ["Porto Alegre"], targets


def test_a_place_cut_at_a_particle_takes_back_its_end(extractor):
    text = "Porto Velmar, capital of Rio Grande do Sul, saw a strike on Tuesday."
    texts = {m.text for m in extractor.analyse(text).mentions}
    assert "Rio Grande do Sul" in texts, texts


def test_the_regulator_is_the_public_body_just_in_focus(extractor):
    text = ("The Velmar Competition Commission said on Tuesday the merger would hurt buyers. "
            "The regulator ordered Acme Group to sell its stake in Borla Foods.")
    demands = _demand_parties(extractor, text)
    assert demands == [("Velmar Competition Commission", "Acme Group")], demands


def test_the_words_before_a_minister_s_title_are_no_organisation(extractor):
    text = ("Orvello Group was fined on Tuesday. Digital Affairs Minister Sabine Cordier called on the company "
            "to comply.")
    demands = _demand_parties(extractor, text)
    assert demands == [("Sabine Cordier", "Orvello Group")], demands


@pytest.mark.parametrize("text", [
    "Zendia's ban on exports of raw cobalt takes effect on Thursday.",
    "Velmar has challenged Zendia's planned embargo on cobalt exports.",
])
def test_a_state_s_ban_named_as_a_noun_is_its_event(extractor, text):
    events = [(e.actor and e.actor.key, e.predicate) for e in extractor.analyse(text).extractions if e.kind == EVENT]
    assert ("Zendia", "suspend") in events, events


def test_a_minister_named_after_a_portfolio_of_a_state_is_found_and_is_the_minister(extractor):
    text = ("During the meeting, Minister of Foreign Affairs of the Republic of Velmar Irina Valk stated that "
            "the talks had failed. \"We will not permit it,\" the Minister underlined.")
    speakers = [e.actor.key for e in extractor.analyse(text).extractions if e.kind == STATEMENT and e.actor]
    assert speakers and set(speakers) == {"Irina Valk"}, speakers


def test_a_name_ending_in_a_company_word_is_no_person(extractor):
    text = 'Heliomar Terminals has issued a short statement. The company says it is "studying the ruling".'
    speakers = [e.actor and e.actor.key for e in extractor.analyse(text).extractions if e.kind == STATEMENT]
    assert speakers == ["Heliomar Terminals"], speakers


@pytest.mark.parametrize("text", [
    'The Harwick Court of Appeal ruled on June 16 that the guarantees were "too general to be relied on".',
    "The Velmar Competition Commission found that Orvello Group had shared the data with advertisers.",
])
def test_what_a_court_rules_or_a_regulator_finds_is_its_statement(extractor, text):
    speakers = [e.actor and e.actor.key for e in extractor.analyse(text).extractions if e.kind == STATEMENT]
    assert speakers and speakers[0] in ("Harwick Court of Appeal", "Velmar Competition Commission"), speakers


@pytest.mark.parametrize("text", [
    'Velmar Freight said it "firmly contests" the decision and would appeal.',
    "Velmar Freight said it rejects the penalty.",
])
def test_a_speaker_who_says_it_rejects_something_denies(extractor, text):
    stances = [e.stance for e in extractor.analyse(text).extractions if e.kind == STATEMENT]
    assert stances == [DENIED], stances


@pytest.mark.parametrize("text", [
    "The teachers' union Velprof wants Zenda to withdraw the bill. Mayor Jo Vance said the bill would not be withdrawn.",
    "The teachers' union Velprof wants Zenda to withdraw the bill. \"The bill will not be withdrawn,\" Mayor Jo Vance said.",
])
def test_saying_the_act_demanded_will_not_be_done_denies_the_demand(extractor, text):
    answers = [(e.actor.key, e.stance, e.target and e.target.key) for e in extractor.analyse(text).extractions
               if e.kind == STATEMENT]
    assert answers == [("Jo Vance", DENIED, "Velprof")], answers


def test_the_demanding_side_saying_it_will_not_withdraw_its_demand_denies_nothing(extractor):
    text = ("The teachers' union Velprof wants Zenda to withdraw the bill. Velprof leader Jo Vance said the union "
            "would not withdraw its demand.")
    answers = [(e.actor.key, e.target and e.target.key) for e in extractor.analyse(text).extractions
               if e.kind == STATEMENT and e.stance == DENIED]
    assert ("Jo Vance", "Velprof") not in answers and all(target != "Velprof" for _, target in answers), answers


def test_a_demand_after_a_negated_verb_of_its_own_tense_is_not_negated(extractor):
    text = ("The privacy group Velmar Rights Forum said the fine did not go far enough and demanded that the "
            "app be suspended.")
    stances = [e.stance for e in extractor.analyse(text).extractions if e.kind == DEMAND]
    assert stances == [ASSERTED], stances


def test_the_company_is_the_company_the_story_is_about_not_the_last_body_named(extractor):
    text = ("The Velmar Data Commission fined Orvenna 62 million euros on Tuesday. Orvenna said it would appeal "
            "to the Conseil d'Etat. Orvenna says its app has 9 million users. "
            "Digital Affairs Minister Sabine Cordier called on the company to comply.")
    demands = _demand_parties(extractor, text)
    assert ("Sabine Cordier", "Orvenna") in demands, demands


def test_a_one_word_name_referred_to_as_it_is_no_person(extractor):
    text = ("Orvenna said it would appeal the fine. Orvenna says its app has 9 million users in Europe.")
    labels = {m.label for m in extractor.analyse(text).mentions if m.key == "Orvenna"}
    assert labels == {"ORG"}, labels


def test_a_legal_form_tagged_alone_ends_the_company_s_name(extractor):
    text = "Lyon, 12 May 2026 - Orvenna SAS today announces that it will appeal the decision."
    names = {(m.text, m.label) for m in extractor.analyse(text).mentions}
    assert ("Orvenna SAS", "ORG") in names, names


def test_a_name_the_corpus_took_for_a_person_is_no_person_where_its_article_shows_it():
    from nlp import KnownAlias

    corpus_reader = Extractor(known_aliases=[KnownAlias(surface="Orvenna", canonical="Orvenna", label="PERSON")])
    text = "Orvenna said it would appeal the fine. Orvenna says its app has 9 million users in Europe."
    labels = {m.label for m in corpus_reader.analyse(text).mentions if m.key == "Orvenna"}
    assert labels == {"ORG"}, labels


def test_a_name_written_in_sentence_case_before_its_acronym_is_found_whole(extractor):
    text = ("The Commission nationale de la protection des données (CNPD) said on Tuesday that Orvenna "
            "had kept the data too long.")
    keys = {m.text: m.key for m in extractor.analyse(text).mentions}
    assert keys.get("CNPD") == "Commission nationale de la protection des données", keys


def test_a_state_s_body_named_by_its_field_is_the_regulator_the_article_names(extractor):
    text = ("LUXEMBOURG (AFP) - Zendia's data protection authority on Tuesday fined Orvenna 5 million euros. "
            "The Commission nationale de la protection des données (CNPD) said the company had kept the data "
            "too long.")
    fined_by = [e.actor and e.actor.key for e in extractor.analyse(text).extractions if e.kind == EVENT]
    assert fined_by and fined_by[0] == "Commission nationale de la protection des données", fined_by


@pytest.mark.parametrize("text", [
    "ZENDA (AFP) - Talks on the river ended on Friday without a deal. Sylvania demanded that it restore the water.",
    "ZENDA (AFP) - The watchdog fined Orvenna Ltd 5 million euros on Friday.",
])
def test_the_dateline_s_place_and_outlet_are_no_party(extractor, text):
    parties = {ref.key for e in extractor.analyse(text).extractions for ref in (e.actor, e.target) if ref}
    assert not parties & {"ZENDA", "Zenda", "AFP"}, parties


def test_a_minister_named_without_a_state_in_a_story_filed_from_a_capital_is_that_state_s(extractor):
    text = ("SEOUL (Yonhap) -- South Korea will ask Chile to talk. \"We call on the Chilean government to withdraw "
            "this measure,\" Trade Minister Kim Dae-ho told reporters.")
    affiliations = {(a.member, a.state) for a in extractor.analyse(text).affiliations}
    assert ("Kim Dae-ho", "South Korea") in affiliations, affiliations


def test_a_visiting_minister_is_not_the_host_state_s(extractor):
    text = "SEOUL (Yonhap) -- Visiting Trade Minister Jo Vance said on Monday the talks had gone well."
    affiliations = {(a.member, a.state) for a in extractor.analyse(text).affiliations}
    assert ("Jo Vance", "South Korea") not in affiliations, affiliations


def test_its_president_speaks_for_the_organisation_just_named(extractor):
    text = ("The parents' association Velmar Parents Forum backed the teachers. Its president, Jane Roe, called on "
            "the city to negotiate.")
    affiliations = {(a.member, a.state) for a in extractor.analyse(text).affiliations}
    assert ("Jane Roe", "Velmar Parents Forum") in affiliations, affiliations


def test_the_union_is_the_organisation_in_focus_when_no_name_holds_the_word(extractor):
    text = "Velprof-ZVA says the mayor has never received its leaders. The union demands the bill's withdrawal."
    makers = [e.actor and e.actor.key for e in extractor.analyse(text).extractions if e.kind == DEMAND]
    assert makers == ["Velprof-ZVA"], makers


def test_its_is_the_clause_s_own_subject_even_unnamed(extractor):
    text = ("Aurelia Airways cut its flights. Montavia's pilots' union on Tuesday renewed its demand that the "
            "regulator revoke a waiver.")
    makers = [e.actor and e.actor.key for e in extractor.analyse(text).extractions if e.kind == DEMAND]
    assert "Aurelia Airways" not in makers, makers


def test_a_that_clause_whose_verb_was_taken_for_a_noun_is_the_demand(extractor):
    text = "The Velmar Nurses' Federation demanded on Wednesday that the ministry scrap the closure."
    makers = [e.actor and e.actor.key for e in extractor.analyse(text).extractions if e.kind == DEMAND]
    assert makers == ["Velmar Nurses' Federation"], makers


def test_a_sum_in_words_asked_in_compensation_from_a_party_is_a_demand_of_it(extractor):
    text = "The Harwick Fishermen's Cooperative is seeking 9 million euros in compensation from the Port of Harwick Authority."
    demands = [(e.actor and e.actor.key, e.target and e.target.key, e.predicate)
               for e in extractor.analyse(text).extractions if e.kind == DEMAND]
    assert demands == [("Harwick Fishermen's Cooperative", "Port of Harwick Authority", "compensation")], demands


def test_a_demand_verb_the_parser_left_without_subject_takes_the_name_right_before(extractor):
    text = ("The Rio Grande do Sul Court of Justice (TJRS) has ordered Velprof-ZVA to keep at least 60% of teachers "
            "working.")
    demands = _demand_parties(extractor, text)
    assert demands == [("Rio Grande do Sul Court of Justice", "Velprof-ZVA")], demands


def test_a_quoted_should_on_a_description_of_a_named_party_is_the_speaker_s_demand(extractor):
    text = ("The teachers' union Velprof-ZVA went on strike on Monday. \"The union should suspend the strike,\" "
            "Mayor Jo Vance said.")
    demands = _demand_parties(extractor, text)
    assert demands == [("Jo Vance", "Velprof-ZVA")], demands


def test_the_name_beside_an_ambassador_to_a_body_is_a_person_of_the_state_not_the_body(extractor):
    text = "Chile's ambassador to the WTO, Rodrigo Valdivieso, rejected the complaint on Monday."
    analysis = extractor.analyse(text)
    labels = {m.key: m.label for m in analysis.mentions}
    affiliations = {(a.member, a.state) for a in analysis.affiliations}
    assert labels.get("Rodrigo Valdivieso") == "PERSON", labels
    assert ("Rodrigo Valdivieso", "Chile") in affiliations and ("WTO", "Chile") not in affiliations, affiliations


def test_a_person_run_into_a_minister_s_portfolio_is_found_by_the_surname_written_again(extractor):
    text = ("BISHKEK, July 2. KABAR - This was reported by the Minister of Water Resources Temirbek Usenaliev "
            "after the talks. \"We have always been a reliable neighbour,\" T. Usenaliev said.")
    analysis = extractor.analyse(text)
    speakers = [e.actor and e.actor.key for e in analysis.extractions if e.kind == STATEMENT]
    assert speakers == ["Temirbek Usenaliev"], speakers
    assert ("Temirbek Usenaliev", "Kyrgyzstan") in {(a.member, a.state) for a in analysis.affiliations}


def test_the_head_of_a_state_s_agency_answering_its_state_s_addressee_denies_the_demand(extractor):
    # Real states: the reference data knows them, so the agency's owner is read as a state.
    text = ("Norway on Monday demanded that Sweden reopen the border crossing at Telk. \"We cannot open what we "
            "do not control,\" Tomas Redl, the head of Sweden's Border Guard Service, told reporters.")
    said = [(e.actor.key, e.stance) for e in extractor.analyse(text).extractions
            if e.kind == STATEMENT and e.cue == "tell"]
    assert said == [("Tomas Redl", DENIED)], said


INTERVIEW = ("Trade Minister Ilse Vandermeer spoke to us in Brussels on Tuesday.\n\n"
             "Q: {question}\n\n"
             "A: {answer}\n")


@pytest.mark.parametrize("question, answer, stance", [
    ("Norland's main request is a refund for contracts already signed. Will you grant it?",
     "No. There will be no refunds. Every buyer knew the rules.", DENIED),
    ("The Norland regulator says you shared customer data with advertisers.",
     "That is false. We have only ever shared statistics.", DENIED),
    ("Have you spoken to the companies?", "I cannot comment on conversations with individual companies.",
     NO_COMMENT),
    ("What will you do if the panel rules against you?", "Then we will look at the ruling and decide.",
     "attributed"),
])
def test_an_interview_answer_that_opens_with_a_flat_negative_is_a_denial(extractor, question, answer, stance):
    text = INTERVIEW.format(question=question, answer=answer)
    answers = [(e.actor.key, e.stance) for e in extractor.analyse(text).extractions if e.cue == "answer"]
    assert answers == [("Ilse Vandermeer", stance)], answers


def test_the_addressee_s_reassurance_with_no_on_its_subject_is_no_denial(extractor):
    text = ("The nurses' federation demanded that the Ministry of Health scrap the closure. The Ministry of Health "
            "said no jobs would be lost.")
    said = [(e.actor.key, e.stance) for e in extractor.analyse(text).extractions if e.kind == STATEMENT]
    assert ("Ministry of Health", DENIED) not in said, said


@pytest.mark.parametrize(("maker", "government"), [
    ("The Korea Cathode Materials Association", "South Korea"),  # a body named for its country
    ("Reporters Without Borders", "Chile"),  # no country in its name: the story's state
])
def test_the_government_a_national_body_urges_is_its_own(extractor, maker, government):
    text = (f"Chile will ban exports of lithium carbonate from May 1. {maker} urged the government to help "
            "companies secure alternative supplies from Argentina. Chile says the ban will stand.")
    targets = [e.target.key for e in extractor.analyse(text).extractions if e.kind == DEMAND]
    assert targets == [government], targets


_HELD = "Latvia has accused Estonia of holding the reporter Jonas Kalns without charge. "


@pytest.mark.parametrize("said", [
    "Latvia demanded that Jonas Kalns be released.",
    '"We expect Jonas Kalns to be released without delay," Latvian Foreign Minister Lena Morck said.',
    '"Our demand has not changed: Jonas Kalns must be freed," Latvian Foreign Minister Lena Morck said.',
])
def test_a_demand_that_someone_be_freed_is_about_them_and_asked_of_whoever_holds_them(extractor, said):
    [demand] = [e for e in extractor.analyse(_HELD + said).extractions if e.kind == DEMAND]
    assert (demand.predicate, demand.about.key, demand.target.key) == ("release", "Jonas Kalns", "Estonia")
    assert demand.target_inferred  # no sentence names the holder as asked: the counterpart is a guess


def test_a_passive_of_an_act_no_demand_names_is_still_no_demand(extractor):
    said = '"Jonas Kalns must be held to account," Latvian Foreign Minister Lena Morck said.'
    assert [e for e in extractor.analyse(_HELD + said).extractions if e.kind == DEMAND] == []


def test_the_name_after_a_wire_dateline_is_the_subject_not_the_date_or_the_credit(extractor):
    # The parser makes "Nov" the subject and hangs the union on "(Reuters)" as its apposition.
    text = ("DURBAN, Nov 17 (Reuters) - South Africa's Port and Dock Workers' Union (PADWU) on Tuesday renewed its "
            "demand for a 2,500 rand monthly housing allowance for port workers and gave the state-owned Eastern "
            "Ports Company (EPC) 14 days to agree to it or face a new strike.")
    makers = {e.actor.key for e in extractor.analyse(text).extractions if e.kind == DEMAND}
    assert makers == {"Port and Dock Workers' Union"}, makers


def test_the_foreign_ministry_in_lower_case_speaks_for_the_state_filed_from(extractor):
    analysis = extractor.analyse("ANKARA (AA) - The foreign ministry said on Tuesday that it had summoned the envoy.")
    said = [x for x in analysis.extractions if x.kind == "statement"]
    assert [x.actor.key for x in said] == ["Turkey"]


def test_a_demand_joined_to_what_was_said_is_the_speakers(extractor):
    # The parser joins "urged" to "were", inside the reported clause; the statements urge nobody.
    text = ("Kenya's foreign ministry said the Ugandan statements were unacceptable and urged Kampala "
            "to withdraw its troops.")
    assert _demand_parties(extractor, text) == [("Kenya", "Uganda")]
    # The outlet reports the urging as it reports the saying: that it was made is asserted.
    assert [x.stance for x in extractor.analyse(text).extractions if x.kind == DEMAND] == ["asserted"]


def test_a_notice_asking_a_party_to_act_is_its_issuers_demand(extractor):
    text = ("The Zarvian Drugs Authority issued a show-cause notice asking Kelvane Foods to explain why "
            "its licence should not be suspended.")
    assert _demand_parties(extractor, text) == [("Zarvian Drugs Authority", "Kelvane Foods")]


def test_judges_with_no_name_act_for_the_court_named_before(extractor):
    text = ("The Varnen Court of Appeal adjourned the hearing until June 16. The three judges asked "
            "Norland to provide written guarantees by June 1.")
    assert _demand_parties(extractor, text) == [("Varnen Court of Appeal", "Norland")]


def test_it_said_goes_on_from_the_organisation_that_spoke(extractor):
    text = 'Varnel Mining said it had stopped the spill. It said the damage was "limited to the site".'
    said = [x for x in extractor.analyse(text).extractions if x.kind == "statement"]
    assert [(x.actor.key, x.content.text) for x in said] == [
        ("Varnel Mining", "it had stopped the spill"), ("Varnel Mining", "limited to the site")
    ]


def test_it_said_of_a_document_is_no_statement(extractor):
    text = "The audit was published on Monday. It said the hospital had lost money for five years."
    assert [x for x in extractor.analyse(text).extractions if x.kind == "statement"] == []

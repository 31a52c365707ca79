"""Statements on invented stories: speaker, cue, content, direct or reported, responses."""
from __future__ import annotations

import pytest

from nlp import NO_COMMENT, STATEMENT, Extractor


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def statements(extractor, text):
    return [e for e in extractor.analyse(text).extractions if e.kind == STATEMENT]


def test_a_quote_before_its_cue_is_direct_speech_by_the_subject(extractor):
    [said] = statements(extractor, '"We will not accept any new tariffs," Justin Trudeau told reporters.')
    assert said.actor.key == "Justin Trudeau"
    assert said.direct
    assert said.cue == "tell"
    assert said.content.text == "We will not accept any new tariffs"


def test_reported_speech_has_the_complement_clause_as_content(extractor):
    [said] = statements(extractor, "Olaf Scholz said that the talks had been productive.")
    assert said.actor.key == "Olaf Scholz"
    assert not said.direct
    assert said.content.text == "that the talks had been productive"


def test_a_short_surname_resolves_to_the_full_name_used_before(extractor):
    text = (
        "Finance Minister Nirmala Sitharaman visited Tokyo on Monday. "
        '"The visit was useful," Sitharaman told a press briefing.'
    )
    said = statements(extractor, text)[-1]
    assert said.actor.key == "Nirmala Sitharaman"


def test_a_readout_speaks_for_the_state_behind_the_seat_of_government(extractor):
    [*_, said] = statements(extractor, '"Both sides agreed to deepen trade ties," a White House readout said.')
    assert said.actor.key == "United States"
    assert said.direct


def test_a_statement_from_someone_is_that_person_speaking(extractor):
    said = statements(extractor, 'A statement from Emmanuel Macron stressed "the unity of Europe".')[0]
    assert said.actor.key == "Emmanuel Macron"
    assert said.content.text == "the unity of Europe"


def test_the_statement_later_refers_back_to_its_speaker(extractor):
    text = (
        'A statement from Emmanuel Macron stressed "the unity of Europe". '
        'The statement also announced "a summit in Lyon next spring."'
    )
    assert [s.actor.key for s in statements(extractor, text)] == ["Emmanuel Macron", "Emmanuel Macron"]


def test_a_quote_standing_alone_continues_the_previous_speaker(extractor):
    text = (
        '"Prices will fall," Christine Lagarde said on Thursday. '
        '"We are confident about the second half of the year."'
    )
    said = statements(extractor, text)
    assert [s.actor.key for s in said] == ["Christine Lagarde", "Christine Lagarde"]
    assert said[1].content.text == "We are confident about the second half of the year"


def test_two_speakers_in_one_sentence_keep_their_own_quotes(extractor):
    text = (
        'The Spanish government said the deal came at a "critical moment", while '
        'opposition leader Alberto Feijoo called it a "historic mistake".'
    )
    by_speaker = {s.content.text: s.actor.key for s in statements(extractor, text)}
    assert by_speaker["historic mistake"] == "Alberto Feijoo"
    assert by_speaker["critical moment"] == "Spain"


def test_declining_to_comment_is_a_no_comment_response_to_the_demand_discussed(extractor):
    text = "A Downing Street spokesman declined to comment on the request from Dublin to extradite Gerry Byrne."
    [response] = statements(extractor, text)
    assert response.stance == NO_COMMENT
    assert response.predicate == "hand over"
    assert response.about.key == "Gerry Byrne"


def test_neither_confirming_nor_denying_is_no_comment_not_denial(extractor):
    text = (
        "Chile demanded that Argentina hand over the fugitive Luis Pardo. "
        "Buenos Aires has not confirmed or denied that the request was made."
    )
    response = statements(extractor, text)[-1]
    assert response.stance == NO_COMMENT
    assert response.predicate == "hand over"
    assert response.actor.key == "Argentina"


def test_an_embedded_social_post_is_a_statement_by_its_signer(extractor):
    text = (
        "The vote was close.\n\n"
        "This is a dark day for our farmers. https://t.co/abc123 \u2014 Jane Miller (@janemiller) March 3, 2024\n\n"
        "Counting continues."
    )
    [post] = [s for s in statements(extractor, text) if s.cue == "post"]
    assert post.actor.key == "Jane Miller"
    assert post.content.text == "This is a dark day for our farmers."


def test_according_to_someone_with_nothing_else_is_their_statement(extractor):
    [said] = statements(extractor, "According to the World Bank, growth in Peru will slow to two percent.")
    assert said.actor.key == "the World Bank" or said.actor.key == "World Bank"
    assert said.cue == "according to"


def test_a_cue_word_used_for_something_else_is_not_a_statement(extractor):
    assert statements(extractor, "The treaty allows Norway to maintain its fishing rights.") == []
    assert statements(extractor, "The ministers were not ready to admit mistakes.") == []


def test_a_statement_is_aimed_at_the_first_other_party_its_content_names(extractor):
    found = statements(
        extractor,
        "Freedonia's foreign minister Rufus Firefly said his government would keep supporting the "
        "sovereignty of Sylvania.",
    )
    assert [(x.actor.key, x.target.key if x.target else None) for x in found] == [("Rufus Firefly", "Sylvania")]


def test_a_statement_naming_only_its_own_side_has_no_target(extractor):
    found = statements(extractor, 'Rufus Firefly said: "Rufus Firefly does not negotiate in public."')
    assert found and all(x.target is None for x in found)


@pytest.mark.parametrize("text", [
    "The Bravik Oyster Cooperative said its own water samples show sediment levels near Setubal three times the limit.",
    "Marta Kowal of the Bravik Oyster Cooperative said dead clams had washed up in Aveiro.",
    # "the movements of children" is no organisation ("movement") named before: not Lyon either.
    "The regulator CPDA said the Lyon-based company had stored the movements of children.",
])
def test_a_town_named_as_where_something_is_is_no_target(extractor, text):
    # Neither the statement's words nor, failing them, the towns the article names: a place is no party.
    found = [(s.actor.key, s.target) for s in statements(extractor, text)]
    assert found and all(target is None for _, target in found), found


@pytest.mark.parametrize("text, target", [
    # A people's adjective names its state as plainly as the state's name.
    ("The Kavran foreign ministry said Turkish courts were independent of the government.", "Turkey"),
    # The speaker's own side is never its target, nor its initials ("EU" for the European Union).
    ("According to two EU diplomats, Brussels is examining trade measures against Norwegian fish products.",
     "Norway"),
])
def test_a_statement_is_aimed_at_a_state_its_people_s_adjective_names(extractor, text, target):
    [said] = statements(extractor, text)
    assert (said.target.key if said.target else None) == target, said


def test_a_speaker_the_parser_hung_on_the_quotation_as_an_apposition_is_still_the_speaker(extractor):
    # The small model makes the quotation the subject of "wrote" and the name its apposition.
    text = ('"Progress, but not yet agreement," Britta Halvorsen Lie, the head of the UN\'s preventive '
            "diplomacy centre for the region, wrote on X after the meeting:")
    found = [(s.actor.key if s.actor else None, s.content.text) for s in statements(extractor, text)]
    assert found == [("Britta Halvorsen Lie", "Progress, but not yet agreement")], found


def test_a_dash_opened_paragraph_ending_in_a_speech_tail_is_the_speaker_s_quotation(extractor):
    # European copy marks direct speech with a dash; the tail's cue claims the whole paragraph.
    text = ("OSLO (NTB): Fisheries Minister Ragna Solberg rejects the demand.\n\n"
            "– The demand has no basis in the agreements. It is natural that this is reflected in the quota, "
            "says Solberg to NTB.\n\n"
            "– A list item, not speech\n")
    found = [(s.actor.key, s.content.text, s.direct) for s in statements(extractor, text) if s.cue == "say"]
    assert found == [("Ragna Solberg", "The demand has no basis in the agreements. It is natural that this is "
                                       "reflected in the quota", True)], found

"""Texts no story is like: sentences capped in length, long texts read in pieces.

The time the rules take on a sentence grows faster than its length, and spaCy
refuses a text over ``nlp.max_length``. These tests pin what bounds both, with
no clock: the cap on sentence length, where it breaks, that real prose is
untouched, and that a text read in pieces keeps every offset right.
"""

from __future__ import annotations

import pytest

from nlp import Extractor
from nlp.long_texts import furniture_within, text_pieces
from nlp.model import LONG_SENTENCES_NAME, MAX_SENTENCE_TOKENS, doc_text
from nlp.quotations import find_quotes, in_quotes, inside, quotes_in
from nlp.types import Span

from .conftest import MODEL

# Invented people, places and bodies, none of the samples or the development set.
PROSE = (
    "The Varnholt dock workers' union demanded on Tuesday that Kessler Logistics restore the night "
    "shift. \"We will not back down,\" said Mara Quintel, who leads the union. The company said it "
    "had no plans to reverse the decision, according to a statement. Talks are due to resume in "
    "Lindby next week, officials said. The mayor of Lindby, Oskar Brandt, urged both sides to "
    "return to the table. "
)


def preset_starts(nlp, text: str) -> list[int]:
    """Where the two components before the parser start sentences in ``text``."""
    doc = nlp.make_doc(text)
    for name in ("line_break_sentences", LONG_SENTENCES_NAME):
        doc = nlp.get_pipe(name)(doc)
    return [token.i for token in doc if token.is_sent_start and token.i > 0]


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(MODEL)


# --- the cap on sentence length ---------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        " ".join(["talks"] * 3000),  # no punctuation at all
        ", ".join(["the minister said that the talks would resume"] * 300),  # one huge "sentence"
        ", ".join(["Mara Quintel", "Oskar Brandt", "Ines Vadel"] * 400),  # a list of names
        '"We demand the release," said Mara Quintel, ' * 300,  # a quotation every few words
    ],
    ids=["no-punctuation", "one-sentence", "names", "quotations"],
)
def test_no_parsed_sentence_is_longer_than_the_cap(nlp, line: str) -> None:
    doc = nlp(line)
    assert max(len(sent) for sent in doc.sents) <= MAX_SENTENCE_TOKENS


def test_a_long_stretch_is_broken_after_its_last_full_stop(nlp) -> None:
    text = " ".join(["alpha"] * 200) + ". " + " ".join(["beta"] * 200)
    assert preset_starts(nlp, text) == [201]  # the first "beta"


def test_a_closing_quote_stays_with_the_sentence_it_ends(nlp) -> None:
    text = " ".join(["alpha"] * 200) + '." ' + " ".join(["beta"] * 200)
    assert preset_starts(nlp, text) == [202]


def test_with_no_full_stop_the_break_comes_after_the_last_comma(nlp) -> None:
    text = " ".join(["gamma"] * 150) + ", " + " ".join(["delta"] * 150)
    assert preset_starts(nlp, text) == [151]


def test_with_no_punctuation_the_break_comes_at_the_cap(nlp) -> None:
    assert preset_starts(nlp, " ".join(["epsilon"] * 600)) == [250, 500]


def test_a_line_break_starts_the_count_again(nlp) -> None:
    text = " ".join(["zeta"] * 200) + "\n" + " ".join(["eta"] * 200)
    assert preset_starts(nlp, text) == [201]


def test_real_prose_in_one_long_paragraph_is_split_where_the_parser_splits_it(nlp) -> None:
    paragraph = PROSE * 8  # some 650 tokens with no line break
    assert len(preset_starts(nlp, paragraph)) == 2  # the cap did break it, twice
    capped = [sent.start for sent in nlp(paragraph).sents]
    with nlp.select_pipes(disable=[LONG_SENTENCES_NAME]):
        parsed = [sent.start for sent in nlp(paragraph).sents]
    assert capped == parsed


# --- helpers that kept the rules linear ---------------------------------------------


def test_doc_text_is_the_text_of_the_doc(nlp) -> None:
    doc = nlp(PROSE)
    assert doc_text(doc) == doc.text == PROSE
    assert doc_text(doc) is doc_text(doc)


def test_quotation_lookups_agree_with_reading_every_quotation(nlp) -> None:
    text = PROSE + '"One," she said. "Two and three," he said.\n\n"Four" ended it.'
    doc = nlp(text)
    quotes = find_quotes(text)
    for token in doc:
        assert in_quotes(token, quotes) == any(inside(token, q) for q in quotes)
    tokens = list(doc)[40:]
    assert quotes_in(tokens, quotes) == [
        q for q in quotes if any(q[0] <= t.idx < q[1] for t in tokens)
    ]


# --- long texts in pieces ----------------------------------------------------------


def test_pieces_cover_the_text_and_are_cut_after_a_paragraph() -> None:
    text = ("A paragraph of words.\n\n" * 50) + "x" * 30
    pieces = text_pieces(text, 100)
    assert "".join(piece for _, piece in pieces) == text
    assert all(len(piece) <= 100 for _, piece in pieces)
    assert all(piece.endswith("\n\n") for _, piece in pieces[:-1])
    assert [offset for offset, _ in pieces] == [
        sum(len(p) for _, p in pieces[:i]) for i in range(len(pieces))
    ]


def test_a_word_longer_than_a_piece_is_cut_where_the_piece_is_full() -> None:
    assert text_pieces("y" * 250, 100) == [(0, "y" * 100), (100, "y" * 100), (200, "y" * 50)]


def test_furniture_is_cut_to_each_piece_in_its_own_offsets() -> None:
    text = "Share this story\nThe talks resumed."
    furniture = [Span(0, 16, "Share this story")]
    assert furniture_within(furniture, 6, text[6:]) == [Span(0, 10, "this story")]
    assert furniture_within(furniture, 17, text[17:]) == []


def test_a_text_longer_than_the_parser_takes_is_read_in_pieces_with_offsets_right(
    extractor: Extractor,
) -> None:
    text = "\n\n".join([PROSE.strip()] * 12)
    limit = extractor.nlp.max_length
    extractor.nlp.max_length = 2_000  # as if the text were over spaCy's 1,000,000 characters
    try:
        analysis = extractor.analyse(text)
    finally:
        extractor.nlp.max_length = limit
    spans = [*analysis.sentences]
    spans += [m for m in analysis.mentions]
    for extraction in analysis.extractions:
        located = [extraction.sentence, extraction.content, extraction.target, extraction.about]
        spans += [s for s in located if s is not None] + list(extraction.origins)
    assert all(text[s.start : s.end] == s.text for s in spans)
    assert analysis.extractions[-1].sentence.start > len(text) - len(PROSE)  # the last piece too
    assert all(
        text[m.sentence_start : m.sentence_end].strip() for m in analysis.mentions
    )


def test_a_long_text_among_short_ones_keeps_its_place(extractor: Extractor) -> None:
    long_text = "\n\n".join([PROSE.strip()] * 12)
    extractor.max_piece_chars = 2_000
    try:
        analyses = list(extractor.analyse_many([(PROSE, None), (long_text, None), ("", None)]))
    finally:
        del extractor.max_piece_chars
    assert [a.sentences[-1].end if a.sentences else 0 for a in analyses] == [
        len(PROSE.rstrip()),
        len(long_text),
        0,
    ]

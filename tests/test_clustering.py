"""The same thing said across articles becomes one claim."""
import datetime as dt

import pytest

from claims.linking import claim_for_extraction
from claims.corroboration import claims_recompute
from claims.models import Claim, Evidence, Kind, Stance
from entities.services import entity_merge
from tests.factories import ArticleFactory, EntityFactory, ExtractionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def states():
    return EntityFactory(name="Freedonia", kind="GPE"), EntityFactory(name="Sylvania", kind="GPE")


def _link(extraction):
    claim = claim_for_extraction(extraction)
    Evidence.objects.get_or_create(claim=claim, extraction=extraction)
    return claim


def test_a_leader_and_his_government_file_their_demands_under_their_state(states):
    freedonia, sylvania = states
    leader = EntityFactory(name="Rufus Firefly", represents=freedonia)
    fugitive = EntityFactory(name="Chicolini")
    by_leader = ExtractionFactory(actor=leader, target=sylvania, about=fugitive, predicate="hand over")
    by_state = ExtractionFactory(actor=freedonia, target=sylvania, about=fugitive, predicate="hand over")

    assert _link(by_leader) == _link(by_state)
    assert _link(by_leader).actor == freedonia


def test_a_leader_s_own_demand_names_him_as_its_voice_until_his_state_makes_it_too(states):
    freedonia, sylvania = states
    leader = EntityFactory(name="Rufus Firefly", represents=freedonia)
    fugitive = EntityFactory(name="Chicolini")
    claim = _link(ExtractionFactory(actor=leader, target=sylvania, about=fugitive, predicate="hand over"))
    assert (claim.actor, claim.voice) == (freedonia, leader)
    assert claim.summary.startswith("Rufus Firefly demands")

    _link(ExtractionFactory(actor=freedonia, target=sylvania, about=fugitive, predicate="hand over"))

    claim.refresh_from_db()
    assert (claim.actor, claim.voice) == (freedonia, None)
    assert Claim.objects.for_actor(leader).count() == 0


def test_a_demand_without_a_named_target_joins_the_one_with_it(states):
    freedonia, sylvania = states
    fugitive = EntityFactory(name="Chicolini")
    with_target = ExtractionFactory(actor=freedonia, target=sylvania, about=fugitive)
    without_target = ExtractionFactory(actor=freedonia, target=None, about=fugitive)

    assert _link(without_target) == _link(with_target)


def test_a_claim_first_seen_without_target_learns_it(states):
    freedonia, sylvania = states
    fugitive = EntityFactory(name="Chicolini")
    claim = _link(ExtractionFactory(actor=freedonia, target=None, about=fugitive))

    _link(ExtractionFactory(actor=freedonia, target=sylvania, about=fugitive))

    claim.refresh_from_db()
    assert claim.target == sylvania


def test_a_target_one_article_inferred_parts_no_report_from_another(states):
    freedonia, sylvania = states
    named = ExtractionFactory(actor=freedonia, target=sylvania, predicate="compensation", terms=["compensation"])
    other = EntityFactory(name="Marland", kind="GPE")
    inferred = ExtractionFactory(
        actor=freedonia, target=other, target_inferred=True, predicate="compensation", terms=["compensation"]
    )

    claim = _link(inferred)
    assert _link(named) == claim
    claim.refresh_from_db()
    assert claim.target == sylvania  # the target a report names wins over one inferred


def test_targets_named_differently_still_part_two_claims(states):
    freedonia, sylvania = states
    other = EntityFactory(name="Marland", kind="GPE")
    one = ExtractionFactory(actor=freedonia, target=sylvania, predicate="compensation", terms=["compensation"])
    two = ExtractionFactory(actor=freedonia, target=other, predicate="compensation", terms=["compensation"])

    assert _link(one) != _link(two)


def test_demands_of_different_things_stay_apart(states):
    freedonia, sylvania = states
    hand_over = ExtractionFactory(actor=freedonia, target=sylvania, about=EntityFactory(), predicate="hand over")
    compensation = ExtractionFactory(
        actor=freedonia, target=sylvania, predicate="compensation", terms=["compensation"]
    )

    assert _link(hand_over) != _link(compensation)


def test_nominal_demands_sharing_their_key_term_are_one_claim(states):
    freedonia, sylvania = states
    short = ExtractionFactory(actor=freedonia, target=sylvania, predicate="compensation", terms=["compensation"])
    long = ExtractionFactory(
        actor=freedonia, target=sylvania, predicate="rebuild",
        terms=["compensation", "measure", "reconstruction", "recovery", "trust"],
    )

    assert _link(short) == _link(long)


def test_a_no_comment_on_the_demand_is_a_response_to_that_claim(states):
    freedonia, sylvania = states
    fugitive = EntityFactory(name="Chicolini")
    demand = _link(ExtractionFactory(actor=freedonia, target=sylvania, about=fugitive, predicate="hand over"))
    response = ExtractionFactory(
        kind=Kind.STATEMENT, actor=sylvania, about=fugitive, predicate="hand over", stance=Stance.NO_COMMENT
    )

    assert _link(response) == demand


def test_a_refusal_is_a_separate_claim_linked_as_contradicting(states):
    freedonia, sylvania = states
    fugitive = EntityFactory(name="Chicolini")
    demand = _link(ExtractionFactory(actor=freedonia, target=sylvania, about=fugitive, predicate="hand over"))
    refusal = _link(
        ExtractionFactory(actor=freedonia, target=sylvania, about=fugitive, predicate="hand over", negated=True)
    )

    assert refusal != demand
    assert list(demand.contradicts.all()) == [refusal]
    claims_recompute(claim_ids=[demand.pk, refusal.pk])
    demand.refresh_from_db()
    assert demand.status == Claim.Status.CONTESTED


def test_merging_two_entities_merges_their_claims_and_marks_them_dirty(states):
    freedonia, sylvania = states
    one_spelling = EntityFactory(name="Chicolini")
    other_spelling = EntityFactory(name="Chicollini")
    first = _link(ExtractionFactory(actor=freedonia, target=sylvania, about=one_spelling,
                                    article=ArticleFactory()))
    second = _link(ExtractionFactory(actor=freedonia, target=sylvania, about=other_spelling,
                                     article=ArticleFactory()))
    claims_recompute(claim_ids=[first.pk, second.pk])
    assert first != second

    entity_merge(entity=other_spelling, into=one_spelling)

    assert not Claim.objects.filter(pk=second.pk).exists()
    merged = Claim.objects.get(pk=first.pk)
    assert merged.dirty is True
    assert merged.evidence.count() == 2
    claims_recompute(claim_ids=[merged.pk])
    merged.refresh_from_db()
    assert merged.article_count == 2
    other_spelling.refresh_from_db()
    assert other_spelling.merged_into == one_spelling


def _statement(speaker, terms, **fields):
    return ExtractionFactory(
        kind=Kind.STATEMENT, actor=speaker, predicate="say", cue="say", terms=terms, **fields
    )


def test_one_speakers_statements_about_different_things_are_different_claims():
    minister = EntityFactory(name="Rufus Firefly", kind="PERSON")
    tariffs = _statement(minister, ["tariff", "steel", "import"])
    canal = _statement(minister, ["canal", "toll", "shipping"])

    assert _link(tariffs) != _link(canal)


def test_one_speaker_saying_the_same_thing_in_two_articles_is_one_claim():
    minister = EntityFactory(name="Rufus Firefly", kind="PERSON")
    first = _statement(minister, ["tariff", "steel", "import"])
    second = _statement(minister, ["steel", "tariff", "retaliation"])

    assert _link(first) == _link(second)


def test_statements_without_a_speaker_are_never_grouped_across_articles():
    first = _statement(None, ["ceasefire", "talks", "collapse"], actor_text="")
    second = _statement(None, ["ceasefire", "talks", "collapse"], actor_text="")

    one, other = _link(first), _link(second)

    assert one != other
    assert (one.only_article_id, other.only_article_id) == (first.article_id, second.article_id)


def test_the_same_demand_made_months_later_is_a_new_claim_that_renews_the_first(states):
    freedonia, sylvania = states
    fugitive = EntityFactory(name="Chicolini")
    march = ExtractionFactory(
        actor=freedonia, target=sylvania, about=fugitive, article=ArticleFactory(published=dt.date(2024, 3, 2))
    )
    next_week = ExtractionFactory(
        actor=freedonia, target=sylvania, about=fugitive, article=ArticleFactory(published=dt.date(2024, 3, 9))
    )
    next_year = ExtractionFactory(
        actor=freedonia, target=sylvania, about=fugitive, article=ArticleFactory(published=dt.date(2025, 2, 20))
    )

    first = _link(march)
    assert _link(next_week) == first
    renewal = _link(next_year)
    assert renewal != first
    assert renewal.renews == first


def test_a_demand_nobody_is_known_to_make_stays_in_its_article(states):
    _, sylvania = states
    first = ExtractionFactory(actor=None, actor_text="", target=sylvania, predicate="release")
    second = ExtractionFactory(actor=None, actor_text="", target=sylvania, predicate="release")

    assert _link(first) != _link(second)


def test_actorless_statuses_of_different_stories_do_not_meet_on_the_predicate_alone():
    deadlock = ExtractionFactory(
        kind=Kind.STATUS, actor=None, actor_text="", predicate="not agree", terms=["fishing", "quota", "licence"]
    )
    other = ExtractionFactory(
        kind=Kind.STATUS, actor=None, actor_text="", predicate="not agree", terms=["royalty", "cobalt", "tax"]
    )

    assert _link(deadlock) != _link(other)


def test_a_demand_reworded_across_outlets_is_one_claim_when_its_figure_is_the_same(states):
    union, company = states
    pay_rise = ExtractionFactory(
        actor=union, target=company, predicate="rise", terms=["pay", "rise"], content="an 8% pay rise"
    )
    wage_increase = ExtractionFactory(
        actor=union, target=company, predicate="increase", terms=["wage", "increase"],
        content="an 8 percent wage increase",
    )

    assert _link(pay_rise) == _link(wage_increase)


def test_a_noun_and_its_verb_name_one_demand(states):
    union, authority = states
    noun = ExtractionFactory(
        actor=union, target=authority, predicate="reinstatement", terms=["reinstatement", "worker"],
        content="the reinstatement of 14 workers",
    )
    verb = ExtractionFactory(
        actor=union, target=authority, predicate="reinstate", terms=["worker"], content="to reinstate 14 workers"
    )

    assert _link(noun) == _link(verb)


def test_an_actors_status_does_not_join_an_actorless_one_on_the_predicate_alone(states):
    freedonia, _ = states
    deadlock = ExtractionFactory(
        kind=Kind.STATUS, actor=None, actor_text="", predicate="unresolved", terms=["talks", "ceasefire"]
    )
    door_open = ExtractionFactory(kind=Kind.STATUS, actor=freedonia, predicate="unresolved", terms=["door", "dialogue"])

    assert _link(deadlock) != _link(door_open)


# --- A person who leads or speaks for an organisation ------------------------------------


def test_a_union_leaders_demand_is_filed_under_the_union():
    union = EntityFactory(name="Freedonia Dockworkers Union", kind="ORG")
    company = EntityFactory(name="Sylvania Container Lines", kind="ORG")
    leader = EntityFactory(name="Maria Okafor", represents=union)
    by_leader = ExtractionFactory(actor=leader, target=company, predicate="raise", terms=["wage", "raise"])
    by_union = ExtractionFactory(actor=union, target=company, predicate="raise", terms=["wage", "raise"])

    assert _link(by_leader) == _link(by_union)
    assert _link(by_leader).actor == union


def test_a_union_leaders_statement_stays_the_leaders():
    union = EntityFactory(name="Freedonia Dockworkers Union", kind="ORG")
    leader = EntityFactory(name="Maria Okafor", represents=union)
    said = ExtractionFactory(kind=Kind.STATEMENT, actor=leader, predicate="say", terms=["strike"])

    assert _link(said).actor == leader


def test_a_ministry_spokesmans_demand_is_filed_under_the_ministrys_state(states):
    freedonia, sylvania = states
    ministry = EntityFactory(name="Freedonian Foreign Ministry", kind="ORG", represents=freedonia)
    spokesman = EntityFactory(name="Rufus Okafor", represents=ministry)
    demand = ExtractionFactory(actor=spokesman, target=sylvania, predicate="withdraw", terms=["troops"])

    assert _link(demand).actor == freedonia


def test_a_learned_organisation_affiliation_moves_the_persons_demands_to_the_organisation():
    from entities.services import entity_affiliations_learn

    union = EntityFactory(name="Freedonia Dockworkers Union", kind="ORG")
    company = EntityFactory(name="Sylvania Container Lines", kind="ORG")
    leader = EntityFactory(name="Maria Okafor")
    claim = _link(ExtractionFactory(actor=leader, target=company, predicate="raise", terms=["wage", "raise"]))

    entity_affiliations_learn(pairs=[(leader, union)])

    leader.refresh_from_db()
    claim.refresh_from_db()
    assert leader.represents == union
    assert claim.actor == union


def test_a_person_who_acts_for_a_state_keeps_the_state_over_an_organisation(states):
    from entities.services import entity_affiliations_learn

    freedonia, _ = states
    party = EntityFactory(name="Freedonia People's Party", kind="ORG")
    minister = EntityFactory(name="Rufus Okafor")

    entity_affiliations_learn(pairs=[(minister, party), (minister, freedonia)])
    minister.refresh_from_db()
    assert minister.represents == freedonia

    entity_affiliations_learn(pairs=[(minister, party)])
    minister.refresh_from_db()
    assert minister.represents == freedonia


def test_an_editors_decision_wins_over_a_learned_organisation_affiliation():
    from entities.services import entity_affiliations_learn

    union = EntityFactory(name="Freedonia Dockworkers Union", kind="ORG")
    leader = EntityFactory(name="Maria Okafor", locked=True)

    entity_affiliations_learn(pairs=[(leader, union)])

    leader.refresh_from_db()
    assert leader.represents is None


def test_an_organisation_does_not_represent_another_organisation():
    from entities.services import entity_affiliations_learn

    union = EntityFactory(name="Freedonia Dockworkers Union", kind="ORG")
    federation = EntityFactory(name="Freedonia Labour Federation", kind="ORG")

    entity_affiliations_learn(pairs=[(union, federation)])

    union.refresh_from_db()
    assert union.represents is None


def test_a_state_learned_later_replaces_an_organisation_learned_earlier(states):
    from entities.services import entity_affiliations_learn

    freedonia, _ = states
    party = EntityFactory(name="Freedonia People's Party", kind="ORG")
    minister = EntityFactory(name="Rufus Okafor")

    entity_affiliations_learn(pairs=[(minister, party)])
    entity_affiliations_learn(pairs=[(minister, freedonia)])

    minister.refresh_from_db()
    assert minister.represents == freedonia


def test_a_demand_without_target_joins_the_claim_of_its_own_predicate(states):
    """"called for price caps and compensation" splits in two target-less demands: each goes with
    the demand of its own predicate, not with the first of the actor's demands sharing a word."""
    government, company = states
    league = EntityFactory(name="Freedonian Patients' League", kind="ORG")
    caps = ExtractionFactory(
        actor=league, target=government, predicate="cap", terms=["price", "cap", "compensation"],
        article=ArticleFactory(published=dt.date(2025, 3, 1)),
    )
    compensation = ExtractionFactory(
        actor=league, target=company, predicate="compensation", terms=["compensation", "patient"],
        article=ArticleFactory(published=dt.date(2025, 3, 2)),
    )
    loose = ExtractionFactory(
        actor=league, target=None, predicate="compensation", terms=["price", "cap", "compensation", "patient"],
        article=ArticleFactory(published=dt.date(2025, 3, 3)),
    )

    caps_claim, compensation_claim = _link(caps), _link(compensation)

    assert caps_claim != compensation_claim
    assert _link(loose) == compensation_claim


# --- Statements found the same by meaning (nlp/meaning.py) ---------------------------------


@pytest.fixture(scope="module")
def meaning_of():
    from django.conf import settings

    from nlp.meaning import load_encoder, vector_bytes

    encoder = load_encoder(settings.CLAIMTRACK_SENTENCE_MODEL)
    return lambda sentence: vector_bytes(encoder.encode([sentence])[0])


def _said(speaker, sentence, terms, meaning_of, **fields):
    return _statement(speaker, terms, sentence=sentence, sentence_end=len(sentence), meaning=meaning_of(sentence), **fields)


def test_a_statement_reworded_by_another_outlet_is_one_claim(meaning_of):
    company = EntityFactory(name="Acme Pharma", kind="ORG")
    first = _said(company, "Acme Pharma said it would cooperate fully with the competition regulator.",
                  ["cooperate", "regulator"], meaning_of)
    second = _said(company, "Acme Pharma pledged to engage constructively with the antitrust watchdog.",
                   ["engage", "watchdog"], meaning_of)

    assert _link(first) == _link(second)  # no key term in common: the meaning joins them


def test_one_speakers_statements_on_different_subjects_stay_apart_by_meaning(meaning_of):
    company = EntityFactory(name="Acme Shipping", kind="ORG")
    offer = _said(company, "Acme Shipping said its pay offer was fair and final.", ["offer", "pay"], meaning_of)
    ports = _said(company, "Acme Shipping said it could move two services to Antwerp if the strike resumed.",
                  ["service", "strike"], meaning_of)

    assert _link(offer) != _link(ports)


def test_the_same_words_from_two_speakers_are_two_claims(meaning_of):
    sentence = "{} said it would cooperate fully with the competition regulator."
    one, other = EntityFactory(name="Acme Pharma", kind="ORG"), EntityFactory(name="Borealis Labs", kind="ORG")

    assert _link(_said(one, sentence.format("Acme Pharma"), ["cooperate"], meaning_of)) != _link(
        _said(other, sentence.format("Borealis Labs"), ["regulator"], meaning_of)
    )


def test_declining_to_comment_twice_is_not_one_claim_however_alike(meaning_of):
    company = EntityFactory(name="Acme Shipping", kind="ORG")
    monday = _said(company, "Acme Shipping did not respond to a request for comment on Monday.", ["respond"],
                   meaning_of, stance=Stance.NO_COMMENT)
    friday = _said(company, "Acme Shipping declined to comment on the report.", ["report"],
                   meaning_of, stance=Stance.NO_COMMENT)

    assert _link(monday) != _link(friday)


def test_a_demand_said_to_be_renewed_weeks_later_is_a_new_claim_that_renews_the_first(states):
    freedonia, sylvania = states
    fugitive = EntityFactory(name="Chicolini")
    march = ExtractionFactory(
        actor=freedonia, target=sylvania, about=fugitive, article=ArticleFactory(published=dt.date(2024, 3, 2)),
        sentence="Freedonia demanded that Sylvania hand over Chicolini.",
    )
    next_week = ExtractionFactory(
        actor=freedonia, target=sylvania, about=fugitive, article=ArticleFactory(published=dt.date(2024, 3, 9)),
        sentence="Freedonia repeated its demand that Sylvania hand over Chicolini.",
    )
    next_month = ExtractionFactory(
        actor=freedonia, target=sylvania, about=fugitive, article=ArticleFactory(published=dt.date(2024, 4, 5)),
        sentence="Freedonia on Tuesday renewed its demand that Sylvania hand over Chicolini.",
    )

    first = _link(march)
    assert _link(next_week) == first  # a week is the same round of the story
    renewal = _link(next_month)
    assert renewal != first
    assert renewal.renews == first


def test_a_renewal_that_names_no_one_is_made_of_the_party_first_asked(states):
    freedonia, sylvania = states
    march = ExtractionFactory(
        actor=freedonia, target=sylvania, predicate="apologise", article=ArticleFactory(published=dt.date(2024, 3, 2)),
        sentence="Freedonia demanded an apology from Sylvania.", terms=["apology"],
    )
    april = ExtractionFactory(
        actor=freedonia, target=None, predicate="apologise", article=ArticleFactory(published=dt.date(2024, 4, 5)),
        sentence="Freedonia on Tuesday renewed its demand for an apology.", terms=["apology"],
    )

    first = _link(march)
    renewal = _link(april)
    assert (renewal.renews, renewal.target) == (first, sylvania)

"""A demand or statement that names no addressee is addressed to its maker's counterpart in the
article (nlp/counterparts.py). Invented stories only."""
from __future__ import annotations

import pytest

from nlp import DEMAND, STATEMENT, Extractor


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def found(extractor, text, kind):
    return [
        (e.actor.key if e.actor else None, e.target.key if e.target else None, e.predicate)
        for e in extractor.analyse(text).extractions if e.kind == kind
    ]


def test_a_demand_naming_no_one_is_made_of_the_party_the_maker_is_at_odds_with(extractor):
    text = (
        "The Velland Dockers Union began a strike at the port on Monday.\n\n"
        "The Tallis Port Company urged the Velland Dockers Union to return to work.\n\n"
        "The Velland Dockers Union demands a 12% wage increase."
    )
    assert ("Velland Dockers Union", "Tallis Port Company", "raise") in found(extractor, text, DEMAND)


def test_a_demand_naming_no_one_keeps_no_target_when_the_article_links_its_maker_to_no_one(extractor):
    text = "The Velland Dockers Union began a strike on Monday.\n\nThe Velland Dockers Union demands a 12% wage increase."
    assert ("Velland Dockers Union", None, "raise") in found(extractor, text, DEMAND)


def test_a_statement_naming_no_one_answers_the_party_at_odds_with_its_speaker(extractor):
    text = (
        "The Velland Dockers Union urged the Tallis Port Company to pay a housing allowance.\n\n"
        "The Tallis Port Company said it could not afford the allowance this year."
    )
    said = found(extractor, text, STATEMENT)
    assert ("Tallis Port Company", "Velland Dockers Union", "say") in said


def test_a_target_named_with_the_finding_is_not_inferred_and_one_filled_in_is(extractor):
    text = (
        "The Tallis Port Company urged the Velland Dockers Union to return to work.\n\n"
        "The Velland Dockers Union demands a 12% wage increase."
    )
    inferred = {e.predicate: e.target_inferred for e in extractor.analyse(text).extractions if e.kind == DEMAND}
    assert inferred == {"return": False, "raise": True}


def test_the_most_linked_counterpart_wins_over_one_named_once(extractor):
    text = (
        "The Corlan Environment Agency asked the Harrow Fishers' Guild to report dead fish.\n\n"
        "The Corlan Port Authority urged the Harrow Fishers' Guild to end its blockade.\n\n"
        "The Corlan Port Authority called on the Harrow Fishers' Guild to accept mediation.\n\n"
        "The Harrow Fishers' Guild demands compensation for lost catches."
    )
    demands = found(extractor, text, DEMAND)
    assert ("Harrow Fishers' Guild", "Corlan Port Authority", "compensation") in demands


def test_with_no_link_the_body_the_article_names_most_is_the_counterpart(extractor):
    text = (
        "The Velland Dockers Union demands a 12% wage increase.\n\n"
        "The Tallis Port Company offered 4%. The Tallis Port Company said the strike was illegal."
    )
    assert ("Velland Dockers Union", "Tallis Port Company", "raise") in found(extractor, text, DEMAND)


def test_an_outlet_only_credited_is_never_the_counterpart(extractor):
    text = (
        "The Velland Dockers Union wants a 12% wage increase, the Harbour Gazette reported.\n\n"
        "The Velland Dockers Union demands a 12% wage increase, according to the Harbour Gazette."
    )
    demands = found(extractor, text, DEMAND)
    assert len(demands) == 2 and all(target != "Harbour Gazette" for _, target, _ in demands)


def test_a_bodys_unnamed_addressee_is_a_body_not_a_person_it_is_linked_to(extractor):
    # The union asks things of a mediator first and of the company after; what it says to no one
    # by name answers the company, not the mediator.
    text = (
        "The Velland Dockers Union said mediator Margaret Oduya should step aside.\n\n"
        "The Velland Dockers Union urged the Tallis Port Company to improve its offer.\n\n"
        "The Velland Dockers Union said the strike would go on."
    )
    assert ("Velland Dockers Union", "Tallis Port Company", "say") in found(extractor, text, STATEMENT)


def test_a_person_who_speaks_for_a_body_asks_nothing_of_that_body(extractor):
    # Her union is her own side: an unnamed addressee is never it.
    text = ('"We call on the authority to revoke this waiver now," SPLA president Ines Valadao said '
            "at a news conference in Velmar.")
    assert found(extractor, text, DEMAND) == [("Ines Valadao", None, "revoke")]


def test_the_minister_is_the_person_titled_so_not_a_body_named_after_the_portfolio(extractor):
    text = ("Nurses will strike after the Ministry of Health let the union's deadline pass. "
            '"We gave the minister two weeks and she gave us nothing," said Bronwen Tally, the union\'s leader. '
            "Health Minister Catherine Ellory called the strike unjustified.")
    targets = {target for _, target, _ in found(extractor, text, STATEMENT)}
    assert "Health" not in targets

"""What a settle teaches the ruler: the names the corpus corroborates, never a bare common noun.

A bare "Ministry" that two articles folded into a ministry named in full is
every ministry's name at once: fed to the ruler it made one ministry of two
and kept the 101 shipped texts settling for four rounds instead of two.
"""
import pytest

from entities.models import Entity
from pipeline.services import known_aliases, ruler_settle
from tests.factories import AliasFactory, ArticleFactory, EntityFactory, MentionFactory

pytestmark = pytest.mark.django_db


def test_a_settle_teaches_the_ruler_a_corroborated_name_but_not_a_bare_ministry():
    ministry = EntityFactory(name="Ministry of Foreign Affairs", kind=Entity.Kind.ORG)
    for surface in ("Ministry of Foreign Affairs", "Ministry"):
        AliasFactory(entity=ministry, surface=surface)
    for article in ArticleFactory.create_batch(2):
        MentionFactory(article=article, entity=ministry, text="Ministry of Foreign Affairs")
        MentionFactory(article=article, entity=ministry, text="Ministry")

    ruler_settle()

    surfaces = {alias.surface for alias in known_aliases()}
    assert "Ministry of Foreign Affairs" in surfaces
    assert "Ministry" not in surfaces

"""factory_boy factories for every ClaimTrack model, shared by all test files.

Each factory builds the smallest valid row; unique fields (source names,
content hashes, alias forms, claim keys, mention spans) come from sequences so
that any number of rows can be made in one test without clashes.

Usage::

    claim = ClaimFactory(summary="X demands Y")
    EvidenceFactory(claim=claim, extraction__stance=Stance.HEDGED)
"""
from __future__ import annotations

import datetime as dt
import hashlib

import factory
from factory.django import DjangoModelFactory

from articles.models import Article, Source
from claims.models import Claim, Evidence, Extraction, Kind, Stance
from entities.models import Alias, Entity, Made, Mention

SENTENCE = "The ministry demanded the return of the documents."


class SourceFactory(DjangoModelFactory):
    class Meta:
        model = Source
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Outlet {n}")
    domain = factory.Sequence(lambda n: f"outlet{n}.example")
    kind = Source.Kind.OUTLET


class ArticleFactory(DjangoModelFactory):
    class Meta:
        model = Article

    source = factory.SubFactory(SourceFactory)
    title = factory.Sequence(lambda n: f"Article number {n}")
    url = factory.Sequence(lambda n: f"https://news.example/story-{n}")
    original_name = factory.Sequence(lambda n: f"{n:03d}_story.txt")
    format = Article.Format.TEXT
    published = dt.date(2024, 12, 20)
    # The sentence comes first so that the extraction offsets below point into the body.
    body = factory.Sequence(lambda n: f"{SENTENCE} Story {n}.")
    furniture = factory.LazyFunction(list)
    # The real hash is of the body; here it only has to be unique and stable.
    content_hash = factory.LazyAttribute(lambda a: hashlib.sha256(a.body.encode()).hexdigest())
    state = Article.State.DONE


class EntityFactory(DjangoModelFactory):
    class Meta:
        model = Entity

    name = factory.Sequence(lambda n: f"Actor {n}")
    kind = Entity.Kind.PERSON
    kind_votes = factory.LazyAttribute(lambda e: {e.kind: 1})


class AliasFactory(DjangoModelFactory):
    class Meta:
        model = Alias

    entity = factory.SubFactory(EntityFactory)
    surface = factory.Sequence(lambda n: f"Alias {n}")
    # Close to normalise_name() for plain ASCII names; tests that depend on
    # the exact normal form should pass it explicitly.
    normalised = factory.LazyAttribute(lambda a: a.surface.casefold())
    made_by = Made.MACHINE


class MentionFactory(DjangoModelFactory):
    class Meta:
        model = Mention

    article = factory.SubFactory(ArticleFactory)
    entity = factory.SubFactory(EntityFactory)
    text = factory.LazyAttribute(lambda m: m.entity.name)
    label = factory.LazyAttribute(lambda m: m.entity.kind)
    # Spans are unique per article; a sequence keeps them apart.
    start = factory.Sequence(lambda n: n * 10)
    end = factory.LazyAttribute(lambda m: m.start + max(len(m.text), 1))
    sentence_start = factory.LazyAttribute(lambda m: m.start)
    sentence_end = factory.LazyAttribute(lambda m: m.end + 40)
    made_by = Made.MACHINE


class ExtractionFactory(DjangoModelFactory):
    class Meta:
        model = Extraction
        skip_postgeneration_save = True

    article = factory.SubFactory(ArticleFactory)
    kind = Kind.DEMAND
    actor = factory.SubFactory(EntityFactory)
    actor_text = factory.LazyAttribute(lambda x: x.actor.name if x.actor else "")
    target = None
    target_text = ""
    about = None
    predicate = "hand over"
    content = "the return of the documents"
    cue = "demand"
    direct = False
    stance = Stance.ASSERTED
    sentence = SENTENCE
    sentence_start = 0
    sentence_end = len(SENTENCE)
    content_start = factory.LazyAttribute(
        lambda x: x.sentence_start + x.sentence.find(x.content) if x.content in x.sentence else None
    )
    content_end = factory.LazyAttribute(
        lambda x: x.content_start + len(x.content) if x.content_start is not None else None
    )
    event_date = None
    terms = factory.LazyFunction(lambda: ["return", "document"])
    fingerprint = factory.Sequence(lambda n: hashlib.sha256(f"extraction-{n}".encode()).hexdigest())
    made_by = Made.MACHINE

    @factory.post_generation
    def origins(self, create: bool, extracted, **kwargs) -> None:
        """``ExtractionFactory(origins=[reuters])`` credits the extraction to named origins."""
        if create and extracted:
            self.origins.set(extracted)
            self.origin = extracted[0]
            self.save(update_fields=["origin"])


class ClaimFactory(DjangoModelFactory):
    class Meta:
        model = Claim

    kind = Kind.DEMAND
    actor = factory.SubFactory(EntityFactory)
    target = None
    about = None
    # The claim key is unique; a distinct predicate per claim keeps factories apart.
    predicate = factory.Sequence(lambda n: f"predicate {n}")
    topic = ""
    summary = factory.LazyAttribute(
        lambda c: f"{c.actor.name if c.actor else 'Someone'} demands {c.predicate}"
    )
    article_count = 1
    outlet_count = 1
    origin_count = 1
    asserted_count = 1
    first_seen = dt.date(2024, 12, 20)
    last_seen = dt.date(2024, 12, 20)
    status = Claim.Status.SINGLE_SOURCE
    dirty = False


class EvidenceFactory(DjangoModelFactory):
    class Meta:
        model = Evidence

    claim = factory.SubFactory(ClaimFactory)
    extraction = factory.SubFactory(
        ExtractionFactory,
        kind=factory.SelfAttribute("..claim.kind"),
        actor=factory.SelfAttribute("..claim.actor"),
        target=factory.SelfAttribute("..claim.target"),
        about=factory.SelfAttribute("..claim.about"),
        predicate=factory.SelfAttribute("..claim.predicate"),
    )
    made_by = Made.MACHINE

"""Actors (people, organisations, states, places) and the names they go by."""
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from simple_history.models import HistoricalRecords


class Made(models.TextChoices):
    """Who made a row: the machine's rows are replaced on re-extraction, an editor's never."""

    MACHINE = "machine", "Machine"
    EDITOR = "editor", "Editor"


class EditorDecisionHistory(HistoricalRecords):
    """History of the rows an editor decided about (made or rejected), not of the machine's.

    The machine rewrites an article's rows in bulk on every extraction (bulk
    inserts, which history would not see, and deletes, which it would, one row
    each); what must leave a trace is what an editor decided.
    """

    def post_save(self, instance, created, using=None, **kwargs):
        if _decided_by_editor(instance):
            super().post_save(instance, created, using=using, **kwargs)

    def post_delete(self, instance, using=None, **kwargs):
        if _decided_by_editor(instance):
            super().post_delete(instance, using=using, **kwargs)


def _decided_by_editor(instance) -> bool:
    return instance.made_by == Made.EDITOR or getattr(instance, "rejected", False)


# The text search configuration of every search document (claims import it from here).
SEARCH_CONFIG = "english"


def _parsed_for_search(field: str) -> models.GeneratedField:
    """``field`` parsed for search once, when written, at the weight of a claim's actors.

    A claim's search document (``claims.corroboration``) joins these vectors
    instead of parsing every name of every claim again on each recompute.
    """
    return models.GeneratedField(
        expression=SearchVector(field, weight="A", config=SEARCH_CONFIG),
        output_field=SearchVectorField(),
        db_persist=True,
    )


class EntityQuerySet(models.QuerySet):
    def canonical(self):
        """Entities that have not been merged into another."""
        return self.filter(merged_into__isnull=True)


class Entity(models.Model):
    class Kind(models.TextChoices):
        PERSON = "PERSON", "Person"
        ORG = "ORG", "Organisation"
        GPE = "GPE", "State or city"
        LOC = "LOC", "Location"
        FAC = "FAC", "Facility"
        NORP = "NORP", "Group (nationality, religion, politics)"

    name = models.CharField(max_length=300)
    name_vector = _parsed_for_search("name")
    kind = models.CharField(max_length=6, choices=Kind.choices)
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="merged_from",
        help_text="Set when an editor merged this entity into another.",
    )
    represents = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="representatives",
        help_text="The state this person or organisation acts for (\"Syria's leader X\"); "
        "claims are grouped under it.",
    )
    locked = models.BooleanField(
        default=False,
        help_text="An editor fixed this entity's name or kind: the machine will not change them.",
    )
    # Votes per spaCy label across all mentions: the kind is decided by the
    # corpus, not by one tag (``{"PERSON": 3, "ORG": 11}``).
    kind_votes = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = EntityQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["name_vector"])

    class Meta:
        verbose_name_plural = "entities"
        ordering = ["name"]
        indexes = [
            # Actor search in the admin and the API (?search=).
            models.Index(fields=["name"], name="entity_name_idx"),
        ]

    def __str__(self) -> str:
        return self.name


class Alias(models.Model):
    """A surface form of an entity. ``normalised`` is what resolution looks up."""

    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="aliases")
    surface = models.CharField(max_length=300)
    surface_vector = _parsed_for_search("surface")
    normalised = models.CharField(max_length=300)
    made_by = models.CharField(max_length=7, choices=Made.choices, default=Made.MACHINE)
    blocked = models.BooleanField(
        default=False,
        help_text="An editor removed this alias: the machine will not learn it again.",
    )
    # The known-alias ruler reads articles with the name and kind it had when the corpus
    # last settled (``pipeline.services.articles_settle``), not with whatever the last
    # article changed: every article read between two settles is read by the same ruler.
    ruler_name = models.CharField(max_length=300, blank=True, help_text="Name the ruler gives it; empty: not in the ruler.")
    ruler_label = models.CharField(max_length=6, blank=True)
    ruler_surfaces = models.JSONField(default=list, blank=True, help_text="The spellings the ruler matches.")
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords(excluded_fields=["surface_vector", "ruler_name", "ruler_label", "ruler_surfaces"])

    class Meta:
        verbose_name_plural = "aliases"
        ordering = ["surface"]
        constraints = [
            # One entity per normalised name: resolution by alias is a single lookup.
            models.UniqueConstraint(fields=["normalised"], name="alias_normalised_unique"),
        ]
        # Also a trigram GIN index on ``normalised`` where PostgreSQL has pg_trgm, for the
        # fuzzy and acronym look-ups (migration 0004: conditional, so not declared here).

    def __str__(self) -> str:
        return self.surface


class Mention(models.Model):
    """One place in an article where an entity is named."""

    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="mentions")
    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="mentions")
    text = models.CharField(max_length=300)
    label = models.CharField(max_length=12, help_text="The label spaCy (or a rule) gave this span.")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    sentence_start = models.PositiveIntegerField()
    sentence_end = models.PositiveIntegerField()
    made_by = models.CharField(max_length=7, choices=Made.choices, default=Made.MACHINE)
    rejected = models.BooleanField(
        default=False, help_text="An editor rejected this mention; it survives re-extraction."
    )

    # Rejections and editor-made mentions, not the hundreds the machine rewrites per extraction.
    history = EditorDecisionHistory()

    class Meta:
        ordering = ["article", "start"]
        constraints = [
            # A span of an article is one mention.
            models.UniqueConstraint(fields=["article", "start", "end"], name="mention_span_unique"),
            models.CheckConstraint(condition=models.Q(end__gt=models.F("start")), name="mention_span_valid"),
        ]
        indexes = [
            # Entity pages and counts: mentions of one entity.
            models.Index(fields=["entity", "article"], name="mention_entity_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.text} ({self.article_id}:{self.start})"

"""The claims domain: what the machine extracted, the claims it groups into,
and the corroboration figures computed for each claim."""
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from simple_history.models import HistoricalRecords

# SEARCH_CONFIG: the text search configuration of every document search reads.
from entities.models import SEARCH_CONFIG, EditorDecisionHistory, Entity, Made


class Kind(models.TextChoices):
    DEMAND = "demand", "Demand"
    STATEMENT = "statement", "Statement"
    EVENT = "event", "Event"
    STATUS = "status", "Status"


class Stance(models.TextChoices):
    ASSERTED = "asserted", "Asserted"
    ATTRIBUTED = "attributed", "Attributed"
    HEDGED = "hedged", "Hedged"
    NO_COMMENT = "no_comment", "No comment"
    DENIED = "denied", "Denied"


class ExtractionQuerySet(models.QuerySet):
    def live(self):
        """Extractions that count: not rejected by an editor."""
        return self.filter(rejected=False)

    def machine_made(self):
        return self.filter(made_by=Made.MACHINE, locked=False)


class Extraction(models.Model):
    """One demand, statement, event or status found in one sentence of one article."""

    article = models.ForeignKey("articles.Article", on_delete=models.CASCADE, related_name="extractions")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    actor = models.ForeignKey(
        Entity, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_text = models.CharField(max_length=300, blank=True)
    target = models.ForeignKey(
        Entity, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    target_text = models.CharField(max_length=300, blank=True)
    target_inferred = models.BooleanField(
        default=False,
        help_text="The target was inferred from the article, not named with the finding: claims are not split on it.",
    )
    about = models.ForeignKey(
        Entity,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The entity the demand or statement is about (who is to be handed over).",
    )
    predicate = models.CharField(
        max_length=100, blank=True, help_text='Normalised predicate: "hand over", "compensation".'
    )
    content = models.TextField(blank=True, help_text="What is demanded or said.")
    cue = models.CharField(max_length=100, blank=True, help_text="The cue verb or phrase, as a lemma.")
    direct = models.BooleanField(default=False, help_text="A direct quotation.")
    negated = models.BooleanField(default=False)
    stance = models.CharField(max_length=10, choices=Stance.choices, default=Stance.ASSERTED)
    origin = models.ForeignKey(
        Entity,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The named origin the article relies on (the outermost: \"TASS\" in \"X said, "
        "according to TASS\"); independent origins are counted by it.",
    )
    origins = models.ManyToManyField(
        Entity,
        blank=True,
        related_name="credited_extractions",
        help_text='The named origins the article credits ("according to Reuters").',
    )
    origin_text = models.CharField(max_length=300, blank=True)
    sentence = models.TextField()
    # The sentence parsed for search once, when it is written: a claim's search
    # document joins its evidence's vectors instead of parsing every sentence
    # again on each recompute (most of a full recompute's time).
    sentence_vector = models.GeneratedField(
        expression=SearchVector("sentence", config=SEARCH_CONFIG),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    sentence_start = models.PositiveIntegerField()
    sentence_end = models.PositiveIntegerField()
    content_start = models.PositiveIntegerField(null=True, blank=True)
    content_end = models.PositiveIntegerField(null=True, blank=True)
    event_date = models.DateField(null=True, blank=True)
    terms = models.JSONField(default=list, blank=True, help_text="Content lemmas used to group claims.")
    # A statement's sentence vector (nlp/meaning.py: 384 float32), so a statement reworded by
    # another outlet joins its claim by meaning as well as by key terms.
    meaning = models.BinaryField(null=True, blank=True, editable=False)
    fingerprint = models.CharField(
        max_length=64,
        help_text="Stable across re-extractions of the same article, so editor decisions stick.",
    )
    made_by = models.CharField(max_length=7, choices=Made.choices, default=Made.MACHINE)
    locked = models.BooleanField(
        default=False, help_text="An editor decided about this extraction; re-extraction keeps it."
    )
    rejected = models.BooleanField(default=False, help_text="An editor rejected this extraction.")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ExtractionQuerySet.as_manager()
    # What editors decided (rejected, kept): the machine rewrites an article's
    # extractions on every reading, and those rewrites are not history.
    history = EditorDecisionHistory(excluded_fields=["terms", "sentence_vector", "meaning"])

    class Meta:
        ordering = ["article", "sentence_start"]
        indexes = [
            # Re-extraction replaces one article's machine rows.
            models.Index(fields=["article", "made_by"], name="extraction_article_idx"),
            # Claim linking looks up candidates by kind and actor.
            models.Index(fields=["kind", "actor", "target"], name="extraction_claim_key_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.actor_text} {self.predicate} {self.content[:60]}"


# The claim list's default order: most independent origins, then most articles, then
# the latest seen (undated claims last), then id so that pages never overlap. The
# ``claim_listed_idx`` index holds exactly this order, so a page reads 50 index entries
# instead of sorting every claim.
CORROBORATION_ORDER = (
    models.F("origin_count").desc(),
    models.F("article_count").desc(),
    models.F("last_seen").desc(nulls_last=True),
    models.F("id").asc(),
)
# Latest seen first (undated claims last), ties by corroboration: the list's "newest"
# sort and the API's ``?ordering=-last_seen``, held by ``claim_newest_idx``.
NEWEST_ORDER = (
    models.F("last_seen").desc(nulls_last=True),
    models.F("origin_count").desc(),
    models.F("id").asc(),
)


class ClaimQuerySet(models.QuerySet):
    # How many rows the queryset holds, when its caller knows: see ``counted_as``.
    _known_count = None

    def counted_as(self, count: int) -> "ClaimQuerySet":
        """These claims, whose count() is ``count`` without a query.

        A ranked search knows how many candidates it ranks
        (``claims.filters.ranked_full_text``). A later filter counts as usual again.
        """
        clone = self._chain()
        clone._known_count = count
        return clone

    @property
    def count_is_known(self) -> bool:
        return self._known_count is not None

    def count(self) -> int:
        if self._known_count is not None and self._result_cache is None:
            return self._known_count
        return super().count()

    def _clone(self):
        clone = super()._clone()
        clone._known_count = self._known_count
        return clone

    def _filter_or_exclude(self, negate, args, kwargs):
        narrowed = super()._filter_or_exclude(negate, args, kwargs)
        narrowed._known_count = None
        return narrowed

    def dirty(self):
        return self.filter(dirty=True)

    def by_corroboration(self):
        return self.order_by(*CORROBORATION_ORDER)

    def corroborated(self):
        return self.filter(status=Claim.Status.CORROBORATED)

    def for_actor(self, entity):
        return self.filter(
            models.Q(actor=entity) | models.Q(voice=entity) | models.Q(target=entity) | models.Q(about=entity)
        )

    def with_evidence(self):
        return self.filter(article_count__gt=0)


# The corroboration figures and their bookkeeping: rewritten by every recompute.
COMPUTED_FIELDS = [
    "article_count", "outlet_count", "origin_count", "asserted_count", "attributed_count", "hedged_count",
    "no_comment_count", "denied_count", "undated_count", "first_seen", "last_seen", "status", "dirty",
    "recomputed_at", "search_document",
]


class Claim(models.Model):
    """The same thing said across articles, with its corroboration figures.

    The figures are computed by the database (``claims.corroboration.claims_recompute``)
    and stored here; ``dirty`` says they are stale and a worker will recompute them.
    """

    class Status(models.TextChoices):
        SINGLE_SOURCE = "single_source", "Single source"
        CORROBORATED = "corroborated", "Corroborated"
        CONTESTED = "contested", "Contested"
        # Its evidence is kept, but none counts: every article withdrawn, or every extraction rejected.
        WITHDRAWN = "withdrawn", "Withdrawn"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    actor = models.ForeignKey(Entity, null=True, blank=True, on_delete=models.PROTECT, related_name="claims_made")
    target = models.ForeignKey(
        Entity, null=True, blank=True, on_delete=models.PROTECT, related_name="claims_targeting"
    )
    about = models.ForeignKey(
        Entity, null=True, blank=True, on_delete=models.PROTECT, related_name="claims_about"
    )
    voice = models.ForeignKey(
        Entity, null=True, blank=True, on_delete=models.SET_NULL, related_name="claims_voiced",
        help_text="The one person who made every piece of this claim, when the claim is filed under the "
                  "state or organisation they act for (a president's own demand).",
    )
    predicate = models.CharField(max_length=100, blank=True)
    topic = models.CharField(max_length=200, blank=True, help_text="Normalised object when there is no entity.")
    summary = models.TextField()
    # Parsed for search once, when written: the recompute builds the search document
    # from stored vectors (this, the actors' names and aliases, the evidence sentences).
    summary_vector = models.GeneratedField(
        expression=SearchVector("summary", weight="A", config=SEARCH_CONFIG),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    contradicts = models.ManyToManyField("self", blank=True, symmetrical=True)
    renews = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="renewals",
        help_text="The same proposition made earlier: this claim is it made again, months later.",
    )
    only_article = models.ForeignKey(
        "articles.Article", null=True, blank=True, on_delete=models.CASCADE, related_name="+",
        help_text="A statement with no resolved speaker: shown and counted, but never grouped across articles.",
    )

    article_count = models.PositiveIntegerField(default=0)
    outlet_count = models.PositiveIntegerField(default=0)
    origin_count = models.PositiveIntegerField(default=0, help_text="Independent origins.")
    asserted_count = models.PositiveIntegerField(default=0)
    attributed_count = models.PositiveIntegerField(default=0)
    hedged_count = models.PositiveIntegerField(default=0)
    no_comment_count = models.PositiveIntegerField(default=0)
    denied_count = models.PositiveIntegerField(default=0)
    undated_count = models.PositiveIntegerField(
        default=0, help_text="Supporting articles with no publication date: first/last seen leave them out."
    )
    first_seen = models.DateField(null=True, blank=True, help_text="Earliest publication date; never an ingestion day.")
    last_seen = models.DateField(null=True, blank=True)
    # Summary, evidence sentences and the actors' names and aliases, rebuilt with the figures.
    search_document = SearchVectorField(null=True, editable=False)
    status = models.CharField(max_length=13, choices=Status.choices, default=Status.SINGLE_SOURCE)

    dirty = models.BooleanField(default=True)
    recomputed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ClaimQuerySet.as_manager()
    # What editors and the machine made of the claim: created, re-keyed, reworded,
    # merged, deleted. Not the figures: every recompute rewrites them (with an
    # UPDATE, which history does not see anyway), and they can be counted again
    # from the evidence, whose history is kept.
    history = HistoricalRecords(excluded_fields=[*COMPUTED_FIELDS, "summary_vector"])

    class Meta:
        ordering = ["-origin_count", "-article_count", "pk"]
        indexes = [
            # Linking looks claims up by kind, actor and object. Not unique: a claim is a
            # cluster of propositions (``claims.linking``), and two clusters may share a key.
            models.Index(fields=["kind", "actor", "about"], name="claim_key_idx"),
            # The sweep finds stale claims without scanning the table.
            models.Index(fields=["id"], condition=models.Q(dirty=True), name="claim_dirty_idx"),
            # The claim list: its default order over the claims it lists (all but the
            # withdrawn, ``Claim.Status.WITHDRAWN``), which also lets its page count
            # read this index alone instead of every claim row.
            models.Index(*CORROBORATION_ORDER, name="claim_listed_idx", condition=~models.Q(status="withdrawn")),
            # "What is new": the one other order read often enough to hold. Every index
            # is written again when a recompute changes a claim's figures, so the
            # other sorts stay a sort of the matching claims.
            models.Index(*NEWEST_ORDER, name="claim_newest_idx", condition=~models.Q(status="withdrawn")),
            # Full-text search of the claim list and the API's ?search=.
            GinIndex(fields=["search_document"], name="claim_search_idx"),
        ]

    def __str__(self) -> str:
        return self.summary


class Evidence(models.Model):
    """An extraction counted as support for (or a response to) a claim."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="evidence")
    extraction = models.ForeignKey(Extraction, on_delete=models.CASCADE, related_name="evidence")
    echo_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="echoes",
        help_text="Wire copy: a near-identical sentence published earlier in another article.",
    )
    made_by = models.CharField(max_length=7, choices=Made.choices, default=Made.MACHINE)
    created_at = models.DateTimeField(auto_now_add=True)

    # When an editor moved evidence to another claim. The machine rebuilds a claim's
    # evidence whenever its cluster changes; those rebuilds are not history.
    history = EditorDecisionHistory()

    class Meta:
        verbose_name_plural = "evidence"
        ordering = ["claim", "extraction__article__published", "pk"]
        constraints = [
            # An extraction backs a claim once.
            models.UniqueConstraint(fields=["claim", "extraction"], name="evidence_claim_extraction_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.claim_id} ← {self.extraction_id}"

"""Outlets and the articles they publish, as ingested."""
from django.db import models
from django.db.models.functions import Upper
from django.utils import timezone


class Source(models.Model):
    """An outlet or news agency that publishes articles."""

    class Kind(models.TextChoices):
        OUTLET = "outlet", "News outlet"
        AGENCY = "agency", "News agency"
        OTHER = "other", "Other"

    name = models.CharField(max_length=200)
    domain = models.CharField(max_length=253, blank=True)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.OUTLET)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            # One row per outlet whatever the capitalisation given by --source or HTML metadata.
            models.UniqueConstraint(Upper("name"), name="source_name_unique_ci"),
        ]

    def __str__(self) -> str:
        return self.name


class ArticleQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(state=Article.State.PENDING)

    def queue_for_processing(self) -> int:
        """Mark these articles pending again, noting when, so the sweep leaves them to their message."""
        return self.update(state=Article.State.PENDING, queued_at=timezone.now())

    def processed(self):
        return self.filter(state=Article.State.DONE)


class Article(models.Model):
    """One news story, stored once however often it is ingested.

    ``body`` is the whole text as read; ``furniture`` lists the character
    spans of page furniture (subscription prompts, share lines, credits)
    that extraction skips but that is kept for the record.
    """

    class State(models.TextChoices):
        PENDING = "pending", "Waiting for extraction"
        DONE = "done", "Extracted"
        FAILED = "failed", "Extraction failed"

    class Format(models.TextChoices):
        TEXT = "text", "Plain text"
        HTML = "html", "HTML"
        JSON = "json", "JSON"

    source = models.ForeignKey(
        Source,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="articles",
        help_text="Empty when the outlet is unknown: such an article counts as its own outlet.",
    )
    title = models.CharField(max_length=500, blank=True)
    url = models.URLField(max_length=2000, blank=True)
    original_name = models.CharField(
        max_length=500, blank=True, help_text="The file name or URL the article was read from."
    )
    format = models.CharField(max_length=5, choices=Format.choices, default=Format.TEXT)
    published = models.DateField(null=True, blank=True)
    body = models.TextField()
    furniture = models.JSONField(
        default=list, blank=True, help_text="[start, end] character spans of page furniture."
    )
    content_hash = models.CharField(max_length=64, editable=False)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    error = models.TextField(blank=True)
    extractor_version = models.CharField(max_length=100, blank=True)
    ingested_at = models.DateTimeField(auto_now_add=True)
    queued_at = models.DateTimeField(
        null=True, blank=True, help_text="When (re-)extraction was last queued; empty: at ingest."
    )
    processed_at = models.DateTimeField(null=True, blank=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published", "-ingested_at"]
        constraints = [
            # Ingesting the same text twice yields one article (idempotent ingest).
            models.UniqueConstraint(fields=["content_hash"], name="article_content_hash_unique"),
        ]
        indexes = [
            # The article sweep picks up pending articles whose message was lost.
            models.Index(fields=["state", "ingested_at"], name="article_state_idx"),
        ]

    def __str__(self) -> str:
        return self.title or self.original_name or f"Article {self.pk}"

    @property
    def outlet_name(self) -> str:
        return self.source.name if self.source_id else "unknown outlet"

"""Outlets and the articles they publish, as ingested; and the corpus write lock."""
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.db import connection, models, transaction
from django.db.models import F
from django.db.models.functions import Upper
from django.utils import timezone
from simple_history.models import HistoricalRecords

# --- The corpus write lock ----------------------------------------------------------------
#
# Every transaction that changes what an article's evidence counts for takes this
# PostgreSQL advisory lock before any row lock: processing an article, withdrawing or
# deleting one take it exclusively, the corroboration recompute takes it shared (recomputes
# run side by side, never beside a writer). One lock taken first by all of them is a
# lock order that cannot deadlock, however the writers order their row locks after it,
# and a recompute never counts a writer's half-committed evidence.
CORPUS_WRITE_LOCK_ID = 0x436C61696D  # "Claim"


def corpus_write_lock(*, shared: bool = False) -> None:
    """Hold the corpus write lock until the current transaction ends (re-entrant within it)."""
    function = "pg_advisory_xact_lock_shared" if shared else "pg_advisory_xact_lock"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {function}(%s)", [CORPUS_WRITE_LOCK_ID])


class Source(models.Model):
    """An outlet or news agency that publishes articles."""

    class Kind(models.TextChoices):
        OUTLET = "outlet", "News outlet"
        AGENCY = "agency", "News agency"
        # Owned or directed by a state: readers weigh its reports differently.
        STATE_MEDIA = "state", "State media"
        OTHER = "other", "Other"

    name = models.CharField(max_length=200)
    domain = models.CharField(max_length=253, blank=True)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.OUTLET)
    country = models.CharField(max_length=100, blank=True, help_text="Where the outlet is based.")
    note = models.TextField(
        blank=True, help_text="Owner and editorial lean, as an editor knows them; shown to analysts."
    )
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
        """Mark these articles pending again, noting when, so the sweep leaves them to their message.

        A withdrawn article stays withdrawn: re-extraction is no way round an
        editor's decision. A fresh request starts a fresh count of attempts, and
        its reading is written whatever it finds (an editor's decision may be
        what it is to apply).
        """
        return self._queue(analysis_digest="")

    def queue_for_rereading(self) -> int:
        """Mark these articles pending to be read again by a new ruler (a settle).

        Unlike ``queue_for_processing`` the fingerprint of what was last written
        is kept: nobody asked for anything to be applied, so a reading that finds
        the same analysis has nothing to write.
        """
        return self._queue()

    def _queue(self, **fields) -> int:
        return self.exclude(state=Article.State.WITHDRAWN).update(
            state=Article.State.PENDING, queued_at=timezone.now(), attempts=0, **fields
        )

    def processed(self):
        return self.filter(state=Article.State.DONE)

    def counted(self):
        """Articles whose evidence counts: every one but those an editor withdrew."""
        return self.exclude(state=Article.State.WITHDRAWN)

    def retryable(self, *, attempts: int):
        """Failed articles tried fewer than ``attempts`` times: the sweep tries them again."""
        return self.filter(state=Article.State.FAILED, attempts__lt=attempts)

    @transaction.atomic
    def withdraw(self) -> list[int]:
        """An editor withdraws these articles: they count nowhere, and keep every decision about them.

        Saved one by one, so history records who withdrew each, and the claims
        they back are marked dirty (``claims.receivers``). Returns the ids withdrawn.
        """
        return self._state_save(self.exclude(state=Article.State.WITHDRAWN), Article.State.WITHDRAWN)

    @transaction.atomic
    def restore(self) -> list[int]:
        """Bring withdrawn articles back, pending re-extraction; returns their ids."""
        return self._state_save(self.filter(state=Article.State.WITHDRAWN), Article.State.PENDING)

    def _state_save(self, articles, state: str) -> list[int]:
        corpus_write_lock()  # before any article row: the order every writer keeps
        changed = list(articles.order_by("pk"))
        for article in changed:
            article.state = state
            article.save(update_fields=["state"])
        return [article.pk for article in changed]

    def mark_failed(self, *, error: str) -> int:
        """Extraction of these pending articles failed: keep the reason, count the attempt.

        Only a pending article can fail: one already extracted (or withdrawn)
        keeps its state whatever went wrong after its extraction committed.
        """
        return self.filter(state=Article.State.PENDING).update(
            state=Article.State.FAILED, error=error[:2000], processed_at=timezone.now(), attempts=F("attempts") + 1
        )


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
        # Kept with every editor decision about it, but counted nowhere.
        WITHDRAWN = "withdrawn", "Withdrawn by an editor"

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
    published_inferred = models.BooleanField(
        default=False,
        help_text="The date was read from the text (a dateline), not given with the article.",
    )
    body = models.TextField()
    furniture = models.JSONField(
        default=list, blank=True, help_text="[start, end] character spans of page furniture."
    )
    content_hash = models.CharField(max_length=64, editable=False)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    error = models.TextField(blank=True, help_text="Why the last extraction failed.")
    attempts = models.PositiveSmallIntegerField(
        default=0, help_text="Failed extractions since it was last queued; the sweep retries a few."
    )
    extractor_version = models.CharField(max_length=100, blank=True)
    analysis_digest = models.CharField(
        max_length=64,
        blank=True,
        editable=False,
        help_text="A fingerprint of the analysis last written; empty when a reading was asked for "
        "(its write must run). A settle's reading that finds the same analysis writes nothing again.",
    )
    ingested_at = models.DateTimeField(auto_now_add=True)
    queued_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When (re-)extraction was last queued; empty: never queued (ingested to be processed "
        "inline, or the broker was unreachable), so the next sweep queues it.",
    )
    processed_at = models.DateTimeField(null=True, blank=True)
    reprint_of = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reprints",
        help_text="Syndicated copy: the canonical article of its group of near-identical bodies "
        "(``articles.syndication``); the group counts as one independent origin.",
    )

    objects = ArticleQuerySet.as_manager()
    # Who withdrew or re-dated an article, and when. The text never changes after
    # ingest, so the history leaves it out rather than copy it on every change.
    history = HistoricalRecords(excluded_fields=["body", "furniture", "analysis_digest"])

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


class ArticleFingerprint(models.Model):
    """The MinHash of an article's body, to find its syndicated copies (``articles.syndication``)."""

    article = models.OneToOneField(Article, on_delete=models.CASCADE, primary_key=True, related_name="fingerprint")
    shingles = models.PositiveIntegerField(help_text="Distinct word shingles in the body.")
    signature = ArrayField(models.BigIntegerField())
    bands = ArrayField(models.BigIntegerField(), help_text="One hash per band of the signature (LSH).")

    class Meta:
        indexes = [
            # Candidate copies: articles sharing any band hash (``bands && ARRAY[...]``).
            GinIndex(fields=["bands"], name="fingerprint_bands_gin"),
        ]

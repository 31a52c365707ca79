"""JSON shapes of claims, their evidence and extractions for the REST API.

Read-only: scripts write through the ingest endpoint and editors through the
admin, both of which go through services.
"""
from __future__ import annotations

from datetime import datetime, tzinfo

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework_csv.renderers import PaginatedCSVRenderer

from entities.models import Entity

from . import selectors
from .models import Claim, Evidence, Extraction


class EntityRefSerializer(serializers.ModelSerializer):
    """An actor as other objects point at it."""

    class Meta:
        model = Entity
        fields = ["id", "name", "kind"]


@extend_schema_field(EntityRefSerializer)
class EntityRefField(serializers.Field):
    """An actor as other objects point at it, ``{id, name, kind}``: the shape of ``EntityRefSerializer``.

    A list page holds 50 claims with up to three actors each; a nested serializer per
    actor costs more than the rest of the row (issue 11), so the dict is built here.
    """

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, entity: Entity) -> dict:
        return {"id": entity.pk, "name": entity.name, "kind": entity.kind}


class ClaimSerializer(serializers.ModelSerializer):
    actor = EntityRefField(allow_null=True)
    target = EntityRefField(allow_null=True)
    about = EntityRefField(allow_null=True)
    voice = EntityRefField(
        allow_null=True,
        help_text="The one person who made the whole claim, when it is filed under the state or organisation "
                  "they act for.",
    )
    stances = serializers.SerializerMethodField()
    renews = serializers.PrimaryKeyRelatedField(
        read_only=True, allow_null=True, help_text="The earlier claim this one makes again, months later (a renewed request)."
    )
    unattributed = serializers.SerializerMethodField(
        help_text="A statement with no resolved speaker: counted, but never grouped across articles."
    )

    class Meta:
        model = Claim
        fields = [
            "id", "kind", "summary", "actor", "voice", "target", "about", "predicate", "topic",
            "article_count", "outlet_count", "origin_count", "stances", "undated_count",
            "first_seen", "last_seen", "status", "dirty", "recomputed_at", "renews", "unattributed",
        ]

    def get_unattributed(self, claim: Claim) -> bool:
        return claim.only_article_id is not None

    @extend_schema_field(
        {
            "type": "object",
            "properties": {name: {"type": "integer"} for name in
                           ("asserted", "attributed", "hedged", "no_comment", "denied")},
            "required": ["asserted", "attributed", "hedged", "no_comment", "denied"],
        }
    )
    def get_stances(self, claim: Claim) -> dict[str, int]:
        return {
            "asserted": claim.asserted_count,
            "attributed": claim.attributed_count,
            "hedged": claim.hedged_count,
            "no_comment": claim.no_comment_count,
            "denied": claim.denied_count,
        }


def claim_list_data(rows) -> list[dict]:
    """Rows of ``selectors.claim_rows`` in ``ClaimSerializer``'s shape, key for key.

    A list page is 50 claims; serialising each through the ``ClaimSerializer``
    cost more than reading them (issue 11). Dates are written as DRF's fields
    write them (ISO 8601; a test compares them), the time zone looked up once a
    page rather than once a row.
    """
    zone = timezone.get_current_timezone()
    return [
        {
            "id": row["id"],
            "kind": row["kind"],
            "summary": row["summary"],
            "actor": _entity_ref(row, "actor"),
            "voice": _entity_ref(row, "voice"),
            "target": _entity_ref(row, "target"),
            "about": _entity_ref(row, "about"),
            "predicate": row["predicate"],
            "topic": row["topic"],
            "article_count": row["article_count"],
            "outlet_count": row["outlet_count"],
            "origin_count": row["origin_count"],
            "stances": {
                "asserted": row["asserted_count"],
                "attributed": row["attributed_count"],
                "hedged": row["hedged_count"],
                "no_comment": row["no_comment_count"],
                "denied": row["denied_count"],
            },
            "undated_count": row["undated_count"],
            "first_seen": None if row["first_seen"] is None else row["first_seen"].isoformat(),
            "last_seen": None if row["last_seen"] is None else row["last_seen"].isoformat(),
            "status": row["status"],
            "dirty": row["dirty"],
            "recomputed_at": None if row["recomputed_at"] is None else _datetime_text(row["recomputed_at"], zone),
            "renews": row["renews_id"],
            "unattributed": row["only_article_id"] is not None,
        }
        for row in rows
    ]


def _datetime_text(value: datetime, zone: tzinfo) -> str:
    """An aware datetime as ``serializers.DateTimeField`` writes it: ISO 8601 in the current
    time zone, "Z" for UTC."""
    text = value.astimezone(zone).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def _entity_ref(row: dict, role: str) -> dict | None:
    ref = row[f"{role}_ref"]
    return None if ref is None else {"id": ref["id"], "name": ref["name"], "kind": ref["kind"]}


class EvidenceSerializer(serializers.ModelSerializer):
    """One article's sentence backing (or answering) a claim."""

    extraction = serializers.IntegerField(source="extraction_id")
    article = serializers.IntegerField(source="extraction.article_id")
    article_title = serializers.CharField(source="extraction.article.title")
    original_name = serializers.CharField(source="extraction.article.original_name")
    url = serializers.CharField(source="extraction.article.url")
    outlet = serializers.CharField(source="extraction.article.outlet_name")
    published = serializers.DateField(source="extraction.article.published", allow_null=True)
    sentence = serializers.CharField(source="extraction.sentence")
    content = serializers.CharField(source="extraction.content")
    stance = serializers.CharField(source="extraction.stance")
    origin = serializers.CharField(source="extraction.origin.name", allow_null=True, default=None)
    origins = serializers.SerializerMethodField()
    cue = serializers.CharField(source="extraction.cue")
    direct = serializers.BooleanField(source="extraction.direct")
    sentence_start = serializers.IntegerField(source="extraction.sentence_start")
    sentence_end = serializers.IntegerField(source="extraction.sentence_end")
    content_start = serializers.IntegerField(source="extraction.content_start", allow_null=True)
    content_end = serializers.IntegerField(source="extraction.content_end", allow_null=True)

    class Meta:
        model = Evidence
        fields = [
            "id", "extraction", "article", "article_title", "original_name", "url", "outlet",
            "published", "sentence", "content", "stance", "origin", "origins", "cue", "direct",
            "sentence_start", "sentence_end", "content_start", "content_end", "echo_of", "made_by",
        ]

    def get_origins(self, evidence: Evidence) -> list[str]:
        # Iterating .all() uses the prefetch made by the selector: no query per row.
        return [origin.name for origin in evidence.extraction.origins.all()]


class ClaimDetailSerializer(ClaimSerializer):
    explanation = serializers.SerializerMethodField()
    evidence = serializers.SerializerMethodField()
    contradicts = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta(ClaimSerializer.Meta):
        fields = [*ClaimSerializer.Meta.fields, "explanation", "contradicts", "evidence"]

    def to_representation(self, claim: Claim) -> dict:
        # One read of the live evidence gives both the rows and the explanation counted from them.
        self._evidence = list(selectors.claim_evidence(claim=claim))
        return super().to_representation(claim)

    def get_explanation(self, claim: Claim) -> str:
        return str(selectors.claim_support(claim=claim, evidence=self._evidence).explanation())

    @extend_schema_field(EvidenceSerializer(many=True))
    def get_evidence(self, claim: Claim) -> list[dict]:
        return EvidenceSerializer(self._evidence, many=True).data


class ExtractionSerializer(serializers.ModelSerializer):
    actor = EntityRefField(allow_null=True)
    target = EntityRefField(allow_null=True)
    about = EntityRefField(allow_null=True)
    origin = EntityRefField(allow_null=True)
    origins = serializers.SerializerMethodField()

    class Meta:
        model = Extraction
        fields = [
            "id", "article", "kind", "actor", "actor_text", "target", "target_text", "target_inferred", "about",
            "predicate", "content", "cue", "direct", "negated", "stance", "origin", "origins", "origin_text",
            "sentence", "sentence_start", "sentence_end", "content_start", "content_end",
            "event_date", "made_by", "rejected",
        ]

    def get_origins(self, extraction: Extraction) -> list[str]:
        return [origin.name for origin in extraction.origins.all()]


class ClaimCSVRenderer(PaginatedCSVRenderer):
    """Claims as CSV, one row per claim, nested fields flattened (``actor.name``, ``stances.denied``).

    A cell that a spreadsheet would run as a formula (article text can start
    with "=" or "@") is written with a leading apostrophe.
    """

    header = [
        "id", "kind", "summary", "actor.id", "actor.name", "target.id", "target.name", "about.id", "about.name",
        "predicate", "topic", "article_count", "outlet_count", "origin_count", "stances.asserted",
        "stances.attributed", "stances.hedged", "stances.no_comment", "stances.denied", "undated_count",
        "first_seen", "last_seen", "status", "dirty", "recomputed_at", "renews", "unattributed",
    ]

    def flatten_item(self, item):
        return {key: _inert(value) for key, value in super().flatten_item(item).items()}


def _inert(value):
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value

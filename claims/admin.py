"""Admin for extractions, claims and evidence.

What the machine extracted is read-only here: an editor rejects an
extraction or moves a piece of evidence to another claim, through
``claims.services``, so the claims involved are marked dirty and
recounted. A claim's summary is a plain field an editor may reword.
"""
from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from .models import Claim, Evidence, Extraction

EXTRACTION_FIELDS = [
    "article", "kind", "actor", "actor_text", "target", "target_text", "target_inferred", "about", "predicate",
    "content", "cue", "direct", "negated", "stance", "origins", "origin_text", "sentence",
    "sentence_start", "sentence_end", "content_start", "content_end", "event_date",
    "fingerprint", "made_by", "locked", "rejected", "created_at",
]
FIGURE_FIELDS = [
    "article_count", "outlet_count", "origin_count", "asserted_count", "attributed_count",
    "hedged_count", "no_comment_count", "denied_count", "first_seen", "last_seen", "status",
    "dirty", "recomputed_at",
]


@admin.register(Extraction)
class ExtractionAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "kind", "actor", "target", "stance", "article", "rejected", "made_by"]
    list_filter = ["kind", "stance", "rejected", "made_by", "direct"]
    list_select_related = ["actor", "target", "article"]
    search_fields = ["content", "sentence", "actor_text", "target_text", "predicate"]
    fields = EXTRACTION_FIELDS
    readonly_fields = EXTRACTION_FIELDS
    actions = ["reject"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # a deleted extraction would come back on re-extraction; reject it instead

    @admin.action(description="Reject selected extractions")
    def reject(self, request, queryset) -> None:
        from .services import extraction_reject

        extractions = list(queryset.filter(rejected=False))
        for extraction in extractions:
            extraction_reject(extraction=extraction)
        self.message_user(
            request, f"Rejected {len(extractions)} extraction(s); their claims are being recounted.", messages.SUCCESS
        )


class EvidenceInline(admin.TabularInline):
    model = Evidence
    fk_name = "claim"
    fields = ["extraction_link", "outlet", "stance", "sentence", "echo_of", "made_by"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("extraction__article__source")

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description="extraction")
    def extraction_link(self, evidence: Evidence) -> str:
        url = reverse("admin:claims_extraction_change", args=[evidence.extraction_id])
        return format_html('<a href="{}">{}</a>', url, evidence.extraction.article)

    @admin.display(description="outlet")
    def outlet(self, evidence: Evidence) -> str:
        return evidence.extraction.article.outlet_name

    @admin.display(description="stance")
    def stance(self, evidence: Evidence) -> str:
        return evidence.extraction.get_stance_display()

    @admin.display(description="sentence")
    def sentence(self, evidence: Evidence) -> str:
        return evidence.extraction.sentence


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    list_display = ["summary", "kind", "actor", "target", "origin_count", "outlet_count", "article_count", "status", "dirty"]
    list_filter = ["kind", "status", "dirty"]
    list_select_related = ["actor", "target"]
    search_fields = ["summary", "actor__name", "target__name", "predicate"]
    fields = ["summary", "site_link", "kind", "actor", "target", "about", "predicate", "topic", "contradicts", *FIGURE_FIELDS]
    readonly_fields = ["site_link", "kind", "actor", "target", "about", "predicate", "topic", *FIGURE_FIELDS]
    autocomplete_fields = ["contradicts"]
    inlines = [EvidenceInline]
    actions = ["recompute"]

    def has_add_permission(self, request) -> bool:
        return False  # claims are made by linking extractions

    @admin.display(description="analyst page")
    def site_link(self, claim: Claim) -> str:
        return format_html('<a href="{}">view</a>', reverse("claim-detail", args=[claim.pk]))

    def save_related(self, request, form, formsets, change: bool) -> None:
        from .services import claims_mark_dirty

        super().save_related(request, form, formsets, change)
        if "contradicts" in form.changed_data:
            # A contradiction changes the status of both sides.
            before = [claim.pk for claim in form.initial.get("contradicts", [])]
            after = [claim.pk for claim in form.cleaned_data["contradicts"]]
            claims_mark_dirty(claim_ids=[form.instance.pk, *before, *after])

    @admin.action(description="Recompute figures of selected claims now")
    def recompute(self, request, queryset) -> None:
        from .corroboration import claims_recompute

        done = claims_recompute(claim_ids=list(queryset.values_list("pk", flat=True)))
        self.message_user(request, f"Recomputed {done} claim(s).", messages.SUCCESS)


class EvidenceMoveForm(forms.Form):
    """The intermediate page of the move action: the claim the evidence goes to."""

    claim = forms.ModelChoiceField(
        queryset=Claim.objects.all(), widget=forms.NumberInput, label="Move to claim (id)",
        help_text="The id of the claim, as shown in its URL.",
    )


@admin.register(Evidence)
class EvidenceAdmin(admin.ModelAdmin):
    list_display = ["__str__", "claim", "extraction", "echo_of", "made_by"]
    list_filter = ["made_by", "extraction__stance"]
    list_select_related = ["claim", "extraction"]
    search_fields = ["claim__summary", "extraction__sentence"]
    fields = ["claim", "extraction", "echo_of", "made_by", "created_at"]
    readonly_fields = fields
    actions = ["move"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # reject the extraction, or move the evidence, so the counts follow

    @admin.action(description="Move selected evidence to another claim …")
    def move(self, request, queryset):
        from .services import evidence_move

        evidence = list(queryset.select_related("claim", "extraction__article"))
        form = EvidenceMoveForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            claim = form.cleaned_data["claim"]
            for item in evidence:
                evidence_move(evidence=item, claim=claim)
            self.message_user(request, f"Moved {len(evidence)} piece(s) of evidence to “{claim}”.", messages.SUCCESS)
            return HttpResponseRedirect(request.get_full_path())
        context = {
            **self.admin_site.each_context(request),
            "title": "Move evidence to another claim",
            "opts": self.model._meta,
            "form": form,
            "evidence": evidence,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/claims/evidence_move.html", context)

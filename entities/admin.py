"""Admin for actors. Every editor decision goes through ``entities.services`` so
that aliases, mentions and claim counts follow: merging entities, fixing a
kind (which locks it), adding an alias and removing one (kept as blocked so the
machine never learns it again), and rejecting a mention."""
from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.db.models import Count, Q
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from .models import Alias, Entity, Mention


class AliasInlineForm(forms.ModelForm):
    class Meta:
        model = Alias
        fields = ["surface"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # An existing alias is removed (blocked), never renamed: a rename would
        # silently move a name the machine resolves by.
        if self.instance.pk:
            self.fields["surface"].disabled = True


class AliasInline(admin.TabularInline):
    model = Alias
    form = AliasInlineForm
    fields = ["surface", "normalised", "made_by", "blocked"]
    readonly_fields = ["normalised", "made_by", "blocked"]
    extra = 1
    verbose_name_plural = "aliases — tick “Delete” to remove (block) one; type a new name to add one"


class EntityMergeForm(forms.Form):
    """The intermediate page of the merge action: which selected entity survives."""

    into = forms.ModelChoiceField(
        queryset=Entity.objects.none(), widget=forms.RadioSelect, label="Merge the others into", empty_label=None
    )

    def __init__(self, *args, entities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = entities
        # Two entities may share a name: the kind and id tell them apart.
        self.fields["into"].label_from_instance = lambda e: f"{e.name} ({e.get_kind_display()}, id {e.pk})"


@admin.register(Entity)
class EntityAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "locked", "merged_into", "represents", "alias_count", "mention_count", "site_link"]
    list_filter = ["kind", "locked", ("merged_into", admin.EmptyFieldListFilter)]
    list_select_related = ["merged_into", "represents"]
    search_fields = ["name", "aliases__surface"]
    fields = ["name", "kind", "locked", "represents", "merged_into", "kind_votes", "site_link"]
    readonly_fields = ["locked", "merged_into", "kind_votes", "site_link"]
    autocomplete_fields = ["represents"]
    inlines = [AliasInline]
    actions = ["merge"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                alias_total=Count("aliases", filter=Q(aliases__blocked=False), distinct=True),
                mention_total=Count("mentions", filter=Q(mentions__rejected=False), distinct=True),
            )
        )

    @admin.display(description="aliases", ordering="alias_total")
    def alias_count(self, entity: Entity) -> int:
        return entity.alias_total

    @admin.display(description="mentions", ordering="mention_total")
    def mention_count(self, entity: Entity) -> int:
        return entity.mention_total

    @admin.display(description="analyst page")
    def site_link(self, entity: Entity) -> str:
        if not entity.pk:
            return "—"
        return format_html('<a href="{}">view</a>', reverse("entity-detail", args=[entity.pk]))

    def save_model(self, request, obj: Entity, form, change: bool) -> None:
        from .services import entity_set_kind

        if not change:
            # An entity an editor creates is the editor's: the machine leaves it alone.
            obj.locked = True
            super().save_model(request, obj, form, change)
            return
        new_kind = obj.kind
        if "kind" in form.changed_data:
            obj.kind = form.initial["kind"]  # the service sets it, and locks the entity
        if "name" in form.changed_data:
            obj.locked = True  # the machine must not rename what an editor named
        super().save_model(request, obj, form, change)
        if "kind" in form.changed_data:
            entity_set_kind(entity=obj, kind=new_kind)

    def save_formset(self, request, form, formset, change: bool) -> None:
        if formset.model is not Alias:
            super().save_formset(request, form, formset, change)
            return
        from .services import alias_add, alias_block

        formset.save(commit=False)  # collects new and deleted rows without writing them
        for alias in formset.deleted_objects:
            alias_block(alias=alias)
        for alias in formset.new_objects:
            alias_add(entity=form.instance, surface=alias.surface)

    @admin.action(description="Merge selected into …")
    def merge(self, request, queryset):
        from .services import entity_merge

        entities = queryset.model.objects.filter(pk__in=queryset.values("pk")).order_by("name")
        if entities.count() < 2:
            self.message_user(request, "Select at least two entities to merge.", messages.WARNING)
            return None
        form = EntityMergeForm(request.POST if "apply" in request.POST else None, entities=entities)
        if form.is_valid():
            into = form.cleaned_data["into"]
            for entity in entities.exclude(pk=into.pk):
                into = entity_merge(entity=entity, into=into)
            self.message_user(
                request, f"Merged {entities.count() - 1} entities into {into.name}.", messages.SUCCESS
            )
            return HttpResponseRedirect(request.get_full_path())
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge entities",
            "opts": self.model._meta,
            "form": form,
            "entities": entities,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/entities/entity_merge.html", context)


@admin.register(Alias)
class AliasAdmin(SimpleHistoryAdmin):
    list_display = ["surface", "entity", "normalised", "made_by", "blocked"]
    list_filter = ["made_by", "blocked", "entity__kind"]
    list_select_related = ["entity"]
    search_fields = ["surface", "normalised", "entity__name"]
    actions = ["block"]

    def has_add_permission(self, request) -> bool:
        return False  # aliases are added on the entity's page, through alias_add

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # removal is blocking, so the machine does not learn the name again

    @admin.action(description="Remove selected aliases (block them)", permissions=["view"])
    def block(self, request, queryset) -> None:
        from .services import alias_block

        aliases = list(queryset.filter(blocked=False).select_related("entity"))
        for alias in aliases:
            alias_block(alias=alias)
        self.message_user(request, f"Blocked {len(aliases)} alias(es).", messages.SUCCESS)


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    list_display = ["text", "entity", "label", "article", "start", "made_by", "rejected"]
    list_filter = ["rejected", "made_by", "label"]
    list_select_related = ["entity", "article"]
    search_fields = ["text", "entity__name"]
    raw_id_fields = ["article", "entity"]
    actions = ["reject"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False  # the machine's spans; an editor rejects them, through mention_reject

    @admin.action(description="Reject selected mentions", permissions=["view"])
    def reject(self, request, queryset) -> None:
        from .services import mention_reject

        mentions = list(queryset.filter(rejected=False))
        for mention in mentions:
            mention_reject(mention=mention)
        self.message_user(request, f"Rejected {len(mentions)} mention(s).", messages.SUCCESS)

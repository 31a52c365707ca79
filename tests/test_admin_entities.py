"""Editors' decisions about actors in the admin go through entities.services."""
from __future__ import annotations

import pytest
from django.urls import reverse

from entities.models import Alias, Entity, Made, Mention
from tests.factories import AliasFactory, ClaimFactory, EntityFactory, MentionFactory

pytestmark = pytest.mark.django_db


def entity_form(entity: Entity, aliases: list[Alias], **changes) -> dict:
    """The POST data of the entity change form, with its alias inline."""
    data = {
        "name": entity.name,
        "kind": entity.kind,
        "represents": entity.represents_id or "",
        "aliases-TOTAL_FORMS": len(aliases) + 1,
        "aliases-INITIAL_FORMS": len(aliases),
        "aliases-MIN_NUM_FORMS": 0,
        "aliases-MAX_NUM_FORMS": 1000,
        "aliases-__prefix__-entity": entity.pk,
    }
    for i, alias in enumerate(aliases):
        data[f"aliases-{i}-id"] = alias.pk
        data[f"aliases-{i}-entity"] = entity.pk
        data[f"aliases-{i}-surface"] = alias.surface
    data[f"aliases-{len(aliases)}-entity"] = entity.pk
    data.update(changes)
    return data


def change_url(entity: Entity) -> str:
    return reverse("admin:entities_entity_change", args=[entity.pk])


def test_changing_a_kind_locks_the_entity_against_the_machine(admin_client):
    entity = EntityFactory(kind="PERSON", locked=False)

    response = admin_client.post(change_url(entity), entity_form(entity, [], kind="ORG"))

    assert response.status_code == 302, response.context["errors"] if response.context else response
    entity.refresh_from_db()
    assert (entity.kind, entity.locked) == ("ORG", True)


def test_saving_without_changing_the_kind_leaves_the_entity_to_the_machine(admin_client):
    entity = EntityFactory(kind="PERSON", locked=False)

    admin_client.post(change_url(entity), entity_form(entity, []))

    entity.refresh_from_db()
    assert (entity.kind, entity.locked) == ("PERSON", False)


def test_typing_a_new_alias_adds_it_as_the_editors(admin_client):
    entity = EntityFactory()

    admin_client.post(change_url(entity), entity_form(entity, [], **{"aliases-0-surface": "The Port Board"}))

    alias = Alias.objects.get(entity=entity)
    assert alias.surface == "The Port Board"
    assert alias.made_by == Made.EDITOR
    assert alias.normalised  # the service normalised it, not the form


def test_deleting_an_alias_blocks_it_instead(admin_client):
    entity = EntityFactory()
    alias = AliasFactory(entity=entity, surface="Port Board")

    admin_client.post(change_url(entity), entity_form(entity, [alias], **{"aliases-0-DELETE": "on"}))

    alias.refresh_from_db()
    assert alias.blocked is True and alias.made_by == Made.EDITOR


def test_an_existing_alias_cannot_be_renamed_through_the_form(admin_client):
    entity = EntityFactory()
    alias = AliasFactory(entity=entity, surface="Port Board")

    admin_client.post(change_url(entity), entity_form(entity, [alias], **{"aliases-0-surface": "Something else"}))

    alias.refresh_from_db()
    assert alias.surface == "Port Board"


def test_merging_asks_which_entity_survives_then_merges_the_others_into_it(admin_client):
    survivor = EntityFactory(name="Harbour Authority")
    duplicate = EntityFactory(name="Harbor Authority")
    AliasFactory(entity=duplicate, surface="Harbor Authority")
    claim = ClaimFactory(actor=duplicate)
    changelist = reverse("admin:entities_entity_changelist")
    selection = {"action": "merge", "_selected_action": [survivor.pk, duplicate.pk]}

    ask = admin_client.post(changelist, selection)
    assert ask.status_code == 200
    assert "Merge the others into" in ask.content.decode()

    done = admin_client.post(changelist, {**selection, "apply": "1", "into": survivor.pk})

    assert done.status_code == 302
    duplicate.refresh_from_db()
    claim.refresh_from_db()
    assert duplicate.merged_into == survivor
    assert Alias.objects.get(surface="Harbor Authority").entity == survivor
    assert claim.actor == survivor and claim.dirty


def test_merging_one_entity_alone_is_refused(admin_client):
    entity = EntityFactory()

    response = admin_client.post(
        reverse("admin:entities_entity_changelist"), {"action": "merge", "_selected_action": [entity.pk]}, follow=True
    )

    assert "Select at least two entities" in response.content.decode()
    entity.refresh_from_db()
    assert entity.merged_into is None


def test_blocking_aliases_from_the_alias_list(admin_client):
    alias = AliasFactory()

    admin_client.post(
        reverse("admin:entities_alias_changelist"), {"action": "block", "_selected_action": [alias.pk]}
    )

    alias.refresh_from_db()
    assert alias.blocked is True
    assert Alias.objects.filter(pk=alias.pk).exists()


def test_rejecting_mentions_keeps_them_as_rejected(admin_client):
    mention = MentionFactory()

    admin_client.post(
        reverse("admin:entities_mention_changelist"), {"action": "reject", "_selected_action": [mention.pk]}
    )

    mention.refresh_from_db()
    assert mention.rejected is True and mention.made_by == Made.EDITOR
    assert Mention.objects.filter(pk=mention.pk).exists()


@pytest.mark.parametrize("model", ["entity", "alias", "mention"])
def test_every_actor_admin_page_opens(admin_client, model):
    AliasFactory(entity=EntityFactory(merged_into=EntityFactory()))
    MentionFactory()
    obj = {"entity": Entity, "alias": Alias, "mention": Mention}[model].objects.first()

    assert admin_client.get(reverse(f"admin:entities_{model}_changelist")).status_code == 200
    assert admin_client.get(reverse(f"admin:entities_{model}_changelist"), {"q": "x"}).status_code == 200
    assert admin_client.get(reverse(f"admin:entities_{model}_change", args=[obj.pk])).status_code == 200

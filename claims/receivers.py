"""The claims domain follows editor decisions and learned facts about entities.

Connected in ``ClaimsConfig.ready``. The signals are sent inside the entity
service's transaction, so the claims change in the same commit.
"""
from django.dispatch import receiver

from entities.signals import affiliation_learned, entity_merged

from .services import claims_refile_actor, claims_repoint_entity


@receiver(entity_merged, dispatch_uid="claims.entity_merged")
def _claims_follow_merge(sender, *, old, new, **kwargs) -> None:
    claims_repoint_entity(old=old, new=new)


@receiver(affiliation_learned, dispatch_uid="claims.affiliation_learned")
def _claims_follow_affiliation(sender, *, member, state, **kwargs) -> None:
    claims_refile_actor(member=member, state=state)

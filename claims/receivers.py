"""The claims domain follows editor decisions, learned facts about entities, and changed articles.

Connected in ``ClaimsConfig.ready``. The signals are sent inside the
transaction that made the change, so the claims change (or are marked dirty)
in the same commit.

An article changed or deleted changes what its evidence counts for: its
outlet and date feed the figures, a withdrawn article counts nowhere, a deleted
one takes its evidence with it. Django sends ``pre_delete`` for every article a
queryset deletes too (the admin's bulk delete), before any row is gone.
"""
from django.db.models.signals import post_save, pre_delete
from django.dispatch import receiver

from articles.models import Article, corpus_write_lock
from entities.signals import affiliation_learned, entity_merged

from .models import Evidence
from .services import claims_mark_dirty, claims_refile_actor, claims_repoint_entity


@receiver(entity_merged, dispatch_uid="claims.entity_merged")
def _claims_follow_merge(sender, *, old, new, **kwargs) -> None:
    claims_repoint_entity(old=old, new=new)


@receiver(affiliation_learned, dispatch_uid="claims.affiliation_learned")
def _claims_follow_affiliation(sender, *, member, state, **kwargs) -> None:
    claims_refile_actor(member=member, state=state)


@receiver(post_save, sender=Article, dispatch_uid="claims.article_saved")
def _claims_recount_changed_article(sender, *, instance: Article, created: bool, **kwargs) -> None:
    """An article re-dated, re-sourced or withdrawn: the claims it backs are recounted.

    A new article backs nothing yet. The pipeline's own writes (its state) are
    updates, which send no signal.
    """
    if not created:
        _claims_of_article_mark_dirty(instance)


@receiver(pre_delete, sender=Article, dispatch_uid="claims.article_deleted")
def _claims_recount_deleted_article(sender, *, instance: Article, **kwargs) -> None:
    """An article about to be deleted: the claims it backs are recounted once it is gone.

    Claims it alone backed are left without evidence; the recompute deletes them.
    """
    _claims_of_article_mark_dirty(instance)


def _claims_of_article_mark_dirty(article: Article) -> None:
    # The corpus write lock comes first, as for every writer (a no-op if the caller
    # took it before touching the article, as the admin does).
    corpus_write_lock()
    claims_mark_dirty(claim_ids=Evidence.objects.filter(extraction__article=article).values_list("claim_id", flat=True))

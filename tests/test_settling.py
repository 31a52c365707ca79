"""What a settle teaches the ruler: the names the corpus corroborates, never a bare common noun.

A bare "Ministry" that two articles folded into a ministry named in full is
every ministry's name at once: fed to the ruler it made one ministry of two
and kept the 101 shipped texts settling for four rounds instead of two.
"""
import pytest

from articles.models import Article
from articles.services import article_ingest
from entities.models import Entity
from pipeline import services
from pipeline.services import article_process, known_aliases, ruler_settle
from pipeline.tasks import articles_settle
from tests.factories import AliasFactory, ArticleFactory, EntityFactory, MentionFactory

pytestmark = pytest.mark.django_db


def test_a_settle_teaches_the_ruler_a_corroborated_name_but_not_a_bare_ministry():
    ministry = EntityFactory(name="Ministry of Foreign Affairs", kind=Entity.Kind.ORG)
    for surface in ("Ministry of Foreign Affairs", "Ministry"):
        AliasFactory(entity=ministry, surface=surface)
    for article in ArticleFactory.create_batch(2):
        MentionFactory(article=article, entity=ministry, text="Ministry of Foreign Affairs")
        MentionFactory(article=article, entity=ministry, text="Ministry")

    ruler_settle()

    surfaces = {alias.surface for alias in known_aliases()}
    assert "Ministry of Foreign Affairs" in surfaces
    assert "Ministry" not in surfaces


@pytest.mark.django_db
def test_a_settle_cut_short_after_the_ruler_changed_is_done_again_by_the_next(monkeypatch):
    # A worker killed while it works out what the new ruler reads differently: the
    # ruler's change must not stand without the re-readings it calls for.
    texts = [
        "The Velmar Nurses' Federation demanded a pay rise on Monday.",
        "Hospital managers met the Velmar Nurses' Federation, which called a strike.",
    ]
    ids = []
    for n, text in enumerate(texts):
        article = article_ingest(raw=text.encode(), name=f"{n}.txt", enqueue=False).article
        article_process(article_id=article.pk)
        ids.append(article.pk)

    def killed(**kwargs):
        raise SystemExit("worker killed")

    with monkeypatch.context() as patched:
        patched.setattr(services, "articles_read_stale", killed)
        with pytest.raises(SystemExit):
            articles_settle()

    articles_settle()

    assert set(Article.objects.pending().values_list("pk", flat=True)) == set(ids)

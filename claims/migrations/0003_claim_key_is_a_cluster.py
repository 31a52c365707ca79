"""A claim is a cluster of propositions (``claims.linking``), no longer a unique key.

Two clusters that the matching keeps apart may share kind, actor, object and
predicate, so the key is an index for look-ups, not a constraint.
"""
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0002_claim_renews_only_article"),
        ("entities", "0001_initial"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="claim", name="claim_key_unique"),
        migrations.AddIndex(
            model_name="claim",
            index=models.Index(fields=["kind", "actor", "about"], name="claim_key_idx"),
        ),
    ]

"""The known-alias ruler reads a snapshot taken when the corpus settles, so that
the articles read between two settles are all read the same way."""
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("entities", "0002_mention_history"),
    ]

    operations = [
        migrations.AddField(
            model_name="alias",
            name="ruler_name",
            field=models.CharField(
                blank=True, help_text="Name the ruler gives it; empty: not in the ruler.", max_length=300
            ),
        ),
        migrations.AddField(
            model_name="alias",
            name="ruler_label",
            field=models.CharField(blank=True, max_length=6),
        ),
        migrations.AddField(
            model_name="alias",
            name="ruler_surfaces",
            field=models.JSONField(blank=True, default=list, help_text="The spellings the ruler matches."),
        ),
    ]

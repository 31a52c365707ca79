"""The claims app's first migration: create its tables, or adopt the old ones.

Until the claims domain had an app of its own, its models lived in the
project package under the app label ``claimtrack`` (tables ``claimtrack_*``).
A database migrated at that layout (to ``claimtrack.0002_extraction_origin``)
keeps its data: its tables are renamed to ``claims_*`` and its content types
relabelled, so permissions and admin history follow. A new database gets the
tables created as usual. Either way the migration state is the same.
"""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


OLD_LABEL, NEW_LABEL = "claimtrack", "claims"


class CreateOrAdoptOldTables(migrations.operations.base.Operation):
    """Run ``operations`` against the database unless the old layout's tables exist; then rename those."""

    reversible = False

    def __init__(self, operations):
        self.operations = operations

    def state_forwards(self, app_label, state):
        for operation in self.operations:
            operation.state_forwards(app_label, state)

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        existing = set(schema_editor.connection.introspection.table_names())
        renames = self._renames(app_label, to_state)
        if all(old in existing for old in renames):
            for old, new in renames.items():
                schema_editor.execute(f'ALTER TABLE "{old}" RENAME TO "{new}"')
            schema_editor.execute(
                "UPDATE django_content_type SET app_label = %s WHERE app_label = %s",
                [NEW_LABEL, OLD_LABEL],
            )
            return
        state = from_state
        for operation in self.operations:  # as SeparateDatabaseAndState replays its database operations
            next_state = state.clone()
            operation.state_forwards(app_label, next_state)
            operation.database_forwards(app_label, schema_editor, state, next_state)
            state = next_state

    def _renames(self, app_label, to_state) -> dict[str, str]:
        models = to_state.apps.get_app_config(app_label).get_models(include_auto_created=True)
        prefix = f"{NEW_LABEL}_"
        return {
            f"{OLD_LABEL}_{m._meta.db_table.removeprefix(prefix)}": m._meta.db_table
            for m in models
        }

    def describe(self):
        return "Create the claims tables, or adopt those of the claimtrack app label"


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('articles', '0002_article_queued_at'),
        ('entities', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [CreateOrAdoptOldTables([
        migrations.CreateModel(
            name='Claim',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('demand', 'Demand'), ('statement', 'Statement'), ('event', 'Event'), ('status', 'Status')], max_length=10)),
                ('predicate', models.CharField(blank=True, max_length=100)),
                ('topic', models.CharField(blank=True, help_text='Normalised object when there is no entity.', max_length=200)),
                ('summary', models.TextField()),
                ('article_count', models.PositiveIntegerField(default=0)),
                ('outlet_count', models.PositiveIntegerField(default=0)),
                ('origin_count', models.PositiveIntegerField(default=0, help_text='Independent origins.')),
                ('asserted_count', models.PositiveIntegerField(default=0)),
                ('attributed_count', models.PositiveIntegerField(default=0)),
                ('hedged_count', models.PositiveIntegerField(default=0)),
                ('no_comment_count', models.PositiveIntegerField(default=0)),
                ('denied_count', models.PositiveIntegerField(default=0)),
                ('first_seen', models.DateField(blank=True, null=True)),
                ('last_seen', models.DateField(blank=True, null=True)),
                ('status', models.CharField(choices=[('single_source', 'Single source'), ('corroborated', 'Corroborated'), ('contested', 'Contested')], default='single_source', max_length=13)),
                ('dirty', models.BooleanField(default=True)),
                ('recomputed_at', models.DateTimeField(blank=True, null=True)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('about', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='claims_about', to='entities.entity')),
                ('actor', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='claims_made', to='entities.entity')),
                ('contradicts', models.ManyToManyField(blank=True, to='claims.claim')),
                ('target', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='claims_targeting', to='entities.entity')),
            ],
            options={
                'ordering': ['-origin_count', '-article_count', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='Extraction',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('demand', 'Demand'), ('statement', 'Statement'), ('event', 'Event'), ('status', 'Status')], max_length=10)),
                ('actor_text', models.CharField(blank=True, max_length=300)),
                ('target_text', models.CharField(blank=True, max_length=300)),
                ('predicate', models.CharField(blank=True, help_text='Normalised predicate: "hand over", "compensation".', max_length=100)),
                ('content', models.TextField(blank=True, help_text='What is demanded or said.')),
                ('cue', models.CharField(blank=True, help_text='The cue verb or phrase, as a lemma.', max_length=100)),
                ('direct', models.BooleanField(default=False, help_text='A direct quotation.')),
                ('negated', models.BooleanField(default=False)),
                ('stance', models.CharField(choices=[('asserted', 'Asserted'), ('attributed', 'Attributed'), ('hedged', 'Hedged'), ('no_comment', 'No comment'), ('denied', 'Denied')], default='asserted', max_length=10)),
                ('origin_text', models.CharField(blank=True, max_length=300)),
                ('sentence', models.TextField()),
                ('sentence_start', models.PositiveIntegerField()),
                ('sentence_end', models.PositiveIntegerField()),
                ('content_start', models.PositiveIntegerField(blank=True, null=True)),
                ('content_end', models.PositiveIntegerField(blank=True, null=True)),
                ('event_date', models.DateField(blank=True, null=True)),
                ('terms', models.JSONField(blank=True, default=list, help_text='Content lemmas used to group claims.')),
                ('fingerprint', models.CharField(help_text='Stable across re-extractions of the same article, so editor decisions stick.', max_length=64)),
                ('made_by', models.CharField(choices=[('machine', 'Machine'), ('editor', 'Editor')], default='machine', max_length=7)),
                ('locked', models.BooleanField(default=False, help_text='An editor decided about this extraction; re-extraction keeps it.')),
                ('rejected', models.BooleanField(default=False, help_text='An editor rejected this extraction.')),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('about', models.ForeignKey(blank=True, help_text='The entity the demand or statement is about (who is to be handed over).', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='entities.entity')),
                ('actor', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='entities.entity')),
                ('article', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='extractions', to='articles.article')),
                ('origin', models.ForeignKey(blank=True, help_text='The named origin the article relies on (the outermost: "TASS" in "X said, according to TASS"); independent origins are counted by it.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='entities.entity')),
                ('origins', models.ManyToManyField(blank=True, help_text='The named origins the article credits ("according to Reuters").', related_name='credited_extractions', to='entities.entity')),
                ('target', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='entities.entity')),
            ],
            options={
                'ordering': ['article', 'sentence_start'],
            },
        ),
        migrations.CreateModel(
            name='Evidence',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('made_by', models.CharField(choices=[('machine', 'Machine'), ('editor', 'Editor')], default='machine', max_length=7)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('claim', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='evidence', to='claims.claim')),
                ('echo_of', models.ForeignKey(blank=True, help_text='Wire copy: a near-identical sentence published earlier in another article.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='echoes', to='claims.evidence')),
                ('extraction', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='evidence', to='claims.extraction')),
            ],
            options={
                'verbose_name_plural': 'evidence',
                'ordering': ['claim', 'extraction__article__published', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='HistoricalExtraction',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('kind', models.CharField(choices=[('demand', 'Demand'), ('statement', 'Statement'), ('event', 'Event'), ('status', 'Status')], max_length=10)),
                ('actor_text', models.CharField(blank=True, max_length=300)),
                ('target_text', models.CharField(blank=True, max_length=300)),
                ('predicate', models.CharField(blank=True, help_text='Normalised predicate: "hand over", "compensation".', max_length=100)),
                ('content', models.TextField(blank=True, help_text='What is demanded or said.')),
                ('cue', models.CharField(blank=True, help_text='The cue verb or phrase, as a lemma.', max_length=100)),
                ('direct', models.BooleanField(default=False, help_text='A direct quotation.')),
                ('negated', models.BooleanField(default=False)),
                ('stance', models.CharField(choices=[('asserted', 'Asserted'), ('attributed', 'Attributed'), ('hedged', 'Hedged'), ('no_comment', 'No comment'), ('denied', 'Denied')], default='asserted', max_length=10)),
                ('origin_text', models.CharField(blank=True, max_length=300)),
                ('sentence', models.TextField()),
                ('sentence_start', models.PositiveIntegerField()),
                ('sentence_end', models.PositiveIntegerField()),
                ('content_start', models.PositiveIntegerField(blank=True, null=True)),
                ('content_end', models.PositiveIntegerField(blank=True, null=True)),
                ('event_date', models.DateField(blank=True, null=True)),
                ('fingerprint', models.CharField(help_text='Stable across re-extractions of the same article, so editor decisions stick.', max_length=64)),
                ('made_by', models.CharField(choices=[('machine', 'Machine'), ('editor', 'Editor')], default='machine', max_length=7)),
                ('locked', models.BooleanField(default=False, help_text='An editor decided about this extraction; re-extraction keeps it.')),
                ('rejected', models.BooleanField(default=False, help_text='An editor rejected this extraction.')),
                ('created_at', models.DateTimeField(blank=True, editable=False)),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('about', models.ForeignKey(blank=True, db_constraint=False, help_text='The entity the demand or statement is about (who is to be handed over).', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='entities.entity')),
                ('actor', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='entities.entity')),
                ('article', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='articles.article')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('origin', models.ForeignKey(blank=True, db_constraint=False, help_text='The named origin the article relies on (the outermost: "TASS" in "X said, according to TASS"); independent origins are counted by it.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='entities.entity')),
                ('target', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='entities.entity')),
            ],
            options={
                'verbose_name': 'historical extraction',
                'verbose_name_plural': 'historical extractions',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddIndex(
            model_name='claim',
            index=models.Index(condition=models.Q(('dirty', True)), fields=['id'], name='claim_dirty_idx'),
        ),
        migrations.AddIndex(
            model_name='claim',
            index=models.Index(fields=['-origin_count', '-article_count'], name='claim_corroboration_idx'),
        ),
        migrations.AddConstraint(
            model_name='claim',
            constraint=models.UniqueConstraint(fields=('kind', 'actor', 'target', 'about', 'predicate', 'topic'), name='claim_key_unique', nulls_distinct=False),
        ),
        migrations.AddIndex(
            model_name='extraction',
            index=models.Index(fields=['article', 'made_by'], name='extraction_article_idx'),
        ),
        migrations.AddIndex(
            model_name='extraction',
            index=models.Index(fields=['kind', 'actor', 'target'], name='extraction_claim_key_idx'),
        ),
        migrations.AddConstraint(
            model_name='evidence',
            constraint=models.UniqueConstraint(fields=('claim', 'extraction'), name='evidence_claim_extraction_unique'),
        ),
    ])]

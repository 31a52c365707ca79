"""A trigram index on ``Alias.normalised`` for the fuzzy and acronym look-ups.

``entities.services`` looks for spelling variants by shared first or last
letters (``LIKE 'abc%' OR LIKE '%xyz'``) and for an acronym's long form by a
regular expression; without this index both scan the whole alias table for
every new name. PostgreSQL's ``pg_trgm`` serves both.

``pg_trgm`` is a contrib extension (trusted since PostgreSQL 13: a database
owner may create it). The embedded PostgreSQL of a first run ships without
it, so the index is made only where the extension is available; the look-ups
give the same answers without it, only slower.
"""
from django.db import migrations

CREATE = """
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
        CREATE INDEX IF NOT EXISTS alias_normalised_trgm_idx
            ON entities_alias USING gin (normalised gin_trgm_ops);
    END IF;
END
$$;
"""
# The extension stays: other databases' objects may use it.
DROP = "DROP INDEX IF EXISTS alias_normalised_trgm_idx;"


class Migration(migrations.Migration):
    dependencies = [("entities", "0003_alias_ruler_snapshot")]

    operations = [migrations.RunSQL(CREATE, DROP)]

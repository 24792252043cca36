"""PostgreSQL extensions and the French accent-insensitive text-search configuration."""

from django.contrib.postgres.operations import CreateExtension
from django.db import migrations

FRENCH_UNACCENT = """
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'french_unaccent') THEN
        CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = french);
        ALTER TEXT SEARCH CONFIGURATION french_unaccent
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
    END IF;
END
$$;
"""


class Migration(migrations.Migration):
    initial = True
    dependencies = []
    operations = [
        CreateExtension("vector"),
        CreateExtension("unaccent"),
        CreateExtension("pg_trgm"),
        migrations.RunSQL(FRENCH_UNACCENT, reverse_sql="DROP TEXT SEARCH CONFIGURATION IF EXISTS french_unaccent;"),
    ]
